import { useEffect, useId, useRef, useState } from 'react';
import type { TrackId } from '../../game';
import { seriesLabel } from '../bridge';
import { Icon } from '../common/Icon';
import { t } from '../i18n';

/**
 * The "?" beside a track's meter: it opens a short explanation of the track (what it is, whose
 * it is, what high and low mean, the rule), so a new player never has to leave the table to
 * learn what "Interdependence" is. Escape or a click elsewhere closes it; Escape gives the
 * focus back to the button. The explanation follows the button in the page, so a screen
 * reader comes to it next.
 */
export function TrackHelp({ track }: { track: TrackId }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const inside = (node: EventTarget | null) => node instanceof Node && (button.current?.contains(node) || panel.current?.contains(node));
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const hadFocus = inside(document.activeElement);
      setOpen(false);
      if (hadFocus) button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!inside(event.target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  const name = seriesLabel(track);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="help-button"
        aria-label={t('trackHelp.open', { track: name })}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        <Icon name="question" />
      </button>
      {open && (
        <div ref={panel} id={id} className="help-popover">
          <p className="help-title">{name}</p>
          <p>{t(`trackHelp.${track}`)}</p>
        </div>
      )}
    </>
  );
}
