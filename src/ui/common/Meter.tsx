import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { t } from '../i18n';
import { Icon } from './Icon';

export interface MeterProps {
  label: string;
  value: number;
  min?: number;
  max: number;
  icon: string;
  /** Words for the value, e.g. "Strained, 4 of 10". */
  valueText: string;
  /** The engine warns about this track (it will cost someone at the round end). */
  warning?: boolean;
  /** Tone of the fill: a side's colour or neutral. */
  tone?: 'us' | 'cn' | 'shared';
  /**
   * A control shown beside the meter, such as the track's help button. It is the meter's
   * sibling, never its child: a meter's children are presentational, so a button inside it
   * would be lost to assistive technology.
   */
  help?: ReactNode;
  /** Marks the row for the first-game guide's pointer (`data-guide`). */
  guide?: string;
}

/** Which way a value last moved, for a moment after it changed (the flash and the arrow). */
export function useChange(value: number): 'up' | 'down' | null {
  const previous = useRef(value);
  const [change, setChange] = useState<'up' | 'down' | null>(null);
  useEffect(() => {
    if (previous.current === value) return;
    setChange(value > previous.current ? 'up' : 'down');
    previous.current = value;
    const timer = setTimeout(() => setChange(null), 1200);
    return () => clearTimeout(timer);
  }, [value]);
  return change;
}

/** The number of steps a bar is marked in: every step of a short track, none on a long one (too fine to read). */
const stepsOf = (min: number, max: number) => (max - min <= 10 ? max - min : 1);

/**
 * A labelled, accessible meter: its name and value on one line, a stepped bar under them that
 * moves and flashes when the value changes, and its help control (`help`) beside it.
 */
export function Meter({ label, value, min = 0, max, icon, valueText, warning, tone = 'shared', help, guide }: MeterProps) {
  const change = useChange(value);
  const percent = ((value - min) / (max - min)) * 100;
  return (
    <div className="meter-row" data-guide={guide}>
      <div
        className={`meter meter-${tone}${warning ? ' meter-danger' : ''}${change ? ` meter-changed-${change}` : ''}`}
        role="meter"
        aria-label={label}
        aria-valuemin={min}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={valueText}
      >
        <Icon name={icon} className="meter-icon" />
        <span className="meter-label">
          {label}
          {warning && <Icon name="warning" label={t('meter.warning')} className="meter-warning" />}
        </span>
        <span className="meter-value" aria-hidden="true">
          {value}
          {change && <Icon name={change === 'up' ? 'arrow-up' : 'arrow-down'} className="meter-arrow" />}
        </span>
        <span className="meter-bar" aria-hidden="true" style={{ '--steps': stepsOf(min, max) } as CSSProperties}>
          <span className="meter-fill" style={{ width: `${percent}%` }} />
        </span>
      </div>
      {help}
    </div>
  );
}
