import { Icon } from './Icon';
import { t } from '../i18n';

/** The way to the rulebook and the glossary, from the start screen and the board. */
export function HelpLinks({ className, onOpenRules, onOpenGlossary }: { className: string; onOpenRules: () => void; onOpenGlossary: () => void }) {
  return (
    <nav className={className} aria-label={t('top.links')}>
      <button type="button" className="link-button" onClick={onOpenRules}>
        <Icon name="rules" /> {t('nav.rules')}
      </button>
      <button type="button" className="link-button" onClick={onOpenGlossary}>
        <Icon name="glossary" /> {t('nav.glossary')}
      </button>
    </nav>
  );
}
