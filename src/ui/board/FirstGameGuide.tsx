import { useEffect, useRef, useState } from 'react';
import type { Side } from '../../game';
import { sideName } from '../bridge';
import { Icon } from '../common/Icon';
import { t } from '../i18n';

/** The pointers of a first game, each at the part of the board marked `data-guide="<target>"`. */
const STEPS = ['capital', 'leverage', 'relationship', 'preview', 'log'] as const;
type Step = (typeof STEPS)[number];

const KEY = 'de-risk:guide-done';

/** The sides that have finished (or skipped) the guide on this device: each player of a hot seat gets it once. */
function doneSides(): Side[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((s): s is Side => s === 'us' || s === 'cn') : [];
  } catch {
    // No storage (private mode) or a damaged value: show the guide; it costs a click to skip.
    return [];
  }
}

function markDone(side: Side): void {
  try {
    localStorage.setItem(KEY, JSON.stringify([...new Set([...doneSides(), side])]));
  } catch {
    // Storage full or blocked: the guide may show again next game, which is harmless.
  }
}

/** The board element a step points at, if it is on screen. */
function targetOf(step: Step): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-guide="${step}"]`);
}

/**
 * A guided first round: a few pointers, one at a time, at the seat's meters, its leverage, the
 * relationship, a move's preview and the chronicle. Each lights up its part of the board and
 * brings it into view. "Skip" ends it at once; it never blocks a play, and it does not come
 * back for that side on this device.
 */
export function FirstGameGuide({ seat }: { seat: Side }) {
  const [step, setStep] = useState<number | null>(() => (doneSides().includes(seat) ? null : 0));
  const heading = useRef<HTMLHeadingElement>(null);
  const current = step === null ? null : (STEPS[step] ?? null);

  useEffect(() => {
    if (current === null) return undefined;
    const target = targetOf(current);
    target?.classList.add('guide-target');
    target?.scrollIntoView({ block: 'nearest' });
    return () => target?.classList.remove('guide-target');
  }, [current]);

  useEffect(() => {
    if (step !== null && step > 0) heading.current?.focus();
  }, [step]);

  if (step === null || current === null) return null;
  const finish = () => {
    markDone(seat);
    setStep(null);
  };
  const last = step === STEPS.length - 1;
  return (
    <aside className="guide" role="dialog" aria-modal="false" aria-labelledby="guide-title" aria-describedby="guide-text">
      <p className="guide-count muted">{t('guide.count', { step: step + 1, total: STEPS.length })}</p>
      <h2 id="guide-title" ref={heading} tabIndex={-1}>
        <Icon name="agenda" /> {t(`guide.${current}.title`, { side: sideName(seat) })}
      </h2>
      <p id="guide-text">{t(`guide.${current}.text`, { side: sideName(seat) })}</p>
      <div className="guide-buttons">
        <button type="button" className="secondary" onClick={finish}>
          {t('guide.skip')}
        </button>
        <button type="button" className="primary" onClick={() => (last ? finish() : setStep(step + 1))}>
          {last ? t('guide.done') : t('guide.next')}
        </button>
      </div>
    </aside>
  );
}
