import type { ReactNode } from 'react';
import type { Refusal } from '../../game';
import { refusalText } from '../bridge';

/**
 * A button for a play. A refused play stays focusable (aria-disabled) so that keyboard and
 * screen-reader users can reach it, and says why it is refused.
 */
export function PlayButton({ refusal, onPlay, children, id }: { refusal: Refusal | null; onPlay: () => void; children: ReactNode; id: string }) {
  const reasonId = `${id}-reason`;
  return (
    <>
      <button
        type="button"
        className="play-button"
        aria-disabled={refusal ? true : undefined}
        aria-describedby={refusal ? reasonId : undefined}
        onClick={() => {
          if (!refusal) onPlay();
        }}
      >
        {children}
      </button>
      {refusal && (
        <p className="refusal" id={reasonId}>
          {refusalText(refusal)}
        </p>
      )}
    </>
  );
}
