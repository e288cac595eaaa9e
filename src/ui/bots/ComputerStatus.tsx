import { useEffect, useRef } from 'react';
import { moverOf, type DeRiskState, type Side } from '../../game';
import { entryTitle } from '../chronicleText';
import { sideName } from '../bridge';
import { t } from '../i18n';

/** The computer's latest move in words, for screen readers (the board was hidden while it thought). */
function lastMoveOf(G: DeRiskState, side: Side): string | null {
  const entry = G.chronicle.findLast((e) => moverOf(e) === side);
  return entry ? entryTitle(entry) : null;
}

/**
 * The computer's live status: "Beijing (computer) is thinking…" while it decides, its move
 * (for screen readers) once made, and a clear error with a retry button if it failed.
 */
export function ComputerStatus({ G, side, thinking, failure, onRetry }: {
  G: DeRiskState;
  side: Side;
  thinking: boolean;
  failure: string | null;
  onRetry: () => void;
}) {
  const retry = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (failure) retry.current?.focus();
  }, [failure]);
  const name = t('computer.name', { side: sideName(side) });
  const last = lastMoveOf(G, side);
  return (
    <div className="computer-status-area">
      {/* Always rendered, so assistive technology already watches it when the text changes. */}
      <p role="status" className={thinking ? `computer-status computer-status-${side}` : 'visually-hidden'}>
        {thinking && <span className="thinking-dots" aria-hidden="true" />}
        {thinking ? t('computer.thinking', { name }) : last ? t('computer.moved', { name, what: last }) : ''}
      </p>
      {failure && (
        <div role="alert" className="computer-failure">
          <p>
            <strong>{t('computer.failed', { name })}</strong> {t('computer.nothingLost')}
          </p>
          <p className="computer-failure-detail">{failure}</p>
          <button ref={retry} type="button" className="primary" onClick={onRetry}>
            {t('computer.retry')}
          </button>
        </div>
      )}
    </div>
  );
}
