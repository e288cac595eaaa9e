import { useEffect, useRef, useState } from 'react';
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
  compact?: boolean;
}

/** A labelled, accessible meter whose bar moves and flashes when the value changes. */
export function Meter({ label, value, min = 0, max, icon, valueText, warning, tone = 'shared', compact }: MeterProps) {
  const previous = useRef(value);
  const [change, setChange] = useState<'up' | 'down' | null>(null);
  useEffect(() => {
    if (previous.current === value) return;
    setChange(value > previous.current ? 'up' : 'down');
    previous.current = value;
    const timer = setTimeout(() => setChange(null), 1200);
    return () => clearTimeout(timer);
  }, [value]);
  const percent = ((value - min) / (max - min)) * 100;
  return (
    <div
      className={`meter meter-${tone}${compact ? ' meter-compact' : ''}${warning ? ' meter-danger' : ''}${change ? ` meter-changed-${change}` : ''}`}
      role="meter"
      aria-label={label}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={valueText}
    >
      <Icon name={icon} />
      <span className="meter-label">
        {label}
        {warning && <Icon name="warning" label={t('meter.warning')} className="meter-warning" />}
      </span>
      <span className="meter-bar" aria-hidden="true">
        <span className="meter-fill" style={{ width: `${percent}%` }} />
      </span>
      <span className="meter-value" aria-hidden="true">
        {value}
        {change && <Icon name={change === 'up' ? 'arrow-up' : 'arrow-down'} className="meter-arrow" />}
      </span>
    </div>
  );
}
