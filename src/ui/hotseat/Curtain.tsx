import { useEffect, useRef } from 'react';
import type { Side } from '../../game';
import { sideName } from '../bridge';
import { Icon } from '../common/Icon';
import { t } from '../i18n';

/**
 * The privacy curtain between the two sides on one device: nothing secret is on screen
 * while it is up. The next player reveals their side with the button (Enter or Space).
 */
export function Curtain({ next, reason, onReveal }: { next: Side; reason: 'turn' | 'answer' | 'start'; onReveal: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), [next, reason]);
  return (
    <div className={`curtain curtain-${next}`} role="dialog" aria-modal="true" aria-labelledby="curtain-title" aria-describedby="curtain-text">
      <Icon name="eye-off" className="curtain-icon" />
      <h2 id="curtain-title">{t('curtain.pass', { side: sideName(next) })}</h2>
      <p id="curtain-text">{t(`curtain.${reason}`, { side: sideName(next) })}</p>
      <button ref={button} type="button" className="primary big" onClick={onReveal}>
        <Icon name="eye" /> {t('curtain.reveal', { side: sideName(next) })}
      </button>
    </div>
  );
}
