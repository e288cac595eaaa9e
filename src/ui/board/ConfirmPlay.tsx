import { useEffect, useRef } from 'react';
import type { Consequences, GameResult, Side } from '../../game';
import { sideName } from '../bridge';
import { Icon } from '../common/Icon';
import { t } from '../i18n';

/** How a sudden end would read to the side about to cause it (R11). */
export function endText(result: GameResult, actor: Side): string {
  if (result.kind === 'rupture') {
    if (result.causedBy === null) return t('confirm.ends.ruptureDraw');
    return t(result.causedBy === actor ? 'confirm.ends.ruptureYou' : 'confirm.ends.ruptureThem', { side: sideName(result.causedBy) });
  }
  if (result.kind === 'collapse') {
    if (result.losers.length === 2) return t('confirm.ends.collapseBoth');
    const [loser] = result.losers;
    if (!loser) return t('confirm.ends.other');
    return t(loser === actor ? 'confirm.ends.collapseYou' : 'confirm.ends.collapseThem', { side: sideName(loser) });
  }
  return t('confirm.ends.other');
}

/**
 * Asked before a play that ends the game at once or breaks the deal in force: what it would
 * cause, in words, then "Play it anyway" or "Go back" (focused, so Enter never ends a game by
 * accident; Escape goes back too).
 */
export function ConfirmPlay({ title, consequences, actor, onConfirm, onCancel }: {
  title: string;
  consequences: Consequences;
  actor: Side;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <div className="modal confirm-play" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" aria-describedby="confirm-what">
        <h2 id="confirm-title">
          <Icon name="warning" /> {t('confirm.title', { play: title })}
        </h2>
        <ul id="confirm-what">
          {consequences.ends && <li>{endText(consequences.ends, actor)}</li>}
          {consequences.breaksDeal && <li>{t('confirm.breaksDeal', { side: sideName(consequences.breaksDeal) })}</li>}
        </ul>
        <div className="modal-buttons">
          <button ref={back} type="button" className="primary" onClick={onCancel}>
            {t('confirm.cancel')}
          </button>
          <button type="button" className="secondary danger" onClick={onConfirm}>
            {t('confirm.play')}
          </button>
        </div>
      </div>
    </div>
  );
}
