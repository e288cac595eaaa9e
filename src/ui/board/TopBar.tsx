import { ACTIONS_PER_ROUND, actingSide, roundDate } from '../../game';
import { sideName, contentField } from '../bridge';
import { HelpLinks } from '../common/HelpLinks';
import { Icon } from '../common/Icon';
import { t } from '../i18n';
import type { BoardProps } from './types';

/** Date, round, whose turn and actions left, and the way to the rules. */
export function TopBar({ G, ctx, onOpenRules, onOpenGlossary }: Pick<BoardProps, 'G' | 'ctx'> & { onOpenRules: () => void; onOpenGlossary: () => void }) {
  const acting = actingSide(G, ctx);
  const date = roundDate(G.scenario, G.round);
  const left = acting ? ACTIONS_PER_ROUND - G.sides[acting].actionsTaken : 0;
  return (
    <header className="topbar">
      <div className="topbar-title">
        <span className="logo">{t('app.name')}</span>
        <span className="scenario">{contentField('scenario', G.scenario, 'title')}</span>
      </div>
      <p className="topbar-round" aria-live="polite">
        <strong>{t('top.date', { date: date.label, round: G.round, length: G.length })}</strong>
        {acting && (
          <span className={`turn turn-${acting}`}>
            <Icon name={acting === 'us' ? 'washington' : 'beijing'} />
            {G.proposal ? t('top.answering', { side: sideName(acting) }) : t('top.turn', { side: sideName(acting), count: left })}
          </span>
        )}
      </p>
      <HelpLinks className="topbar-links" onOpenRules={onOpenRules} onOpenGlossary={onOpenGlossary} />
    </header>
  );
}
