import type { ReactNode } from 'react';
import type { Refusal } from '../../game';
import { refusalText } from '../bridge';

/**
 * A button for a play. A refused play stays focusable (aria-disabled) so that keyboard and
 * screen-reader users can reach it, and says why it is refused. On a tile whose title is in
 * sight the button's face can be short (`children`: "Take action") while its name stays whole
 * (`name`: "Take action: Raise tariffs…"), so every button is still told apart by its name.
 */
export function PlayButton({ refusal, onPlay, children, name, id }: { refusal: Refusal | null; onPlay: () => void; children: ReactNode; name?: string; id: string }) {
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
        {name === undefined ? (
          children
        ) : (
          <>
            <span className="play-face" aria-hidden="true">
              {children}
            </span>
            <span className="visually-hidden">{name}</span>
          </>
        )}
      </button>
      {refusal && (
        <p className="refusal" id={reasonId}>
          {refusalText(refusal)}
        </p>
      )}
    </>
  );
}
