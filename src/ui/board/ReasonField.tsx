import { useId } from 'react';
import { REASON_MAX, type Side } from '../../game';
import { sideName } from '../bridge';
import { t } from '../i18n';

/** How many characters before the limit the counter appears. */
export const REASON_COUNTER_FROM = 40;

export interface ReasonFieldProps {
  value: string;
  onChange: (text: string) => void;
  /** The side typing (its opponent is named where both share the screen). */
  seat: Side;
  /** Both sides share this screen (hot seat): the field says what stays private there. */
  shared: boolean;
}

/**
 * The optional one-line "Why?" (R12): whatever is in it goes with the seat's next play and is
 * cleared after it. Typing is never required: every play button plays at once, with or
 * without it. Limited to `REASON_MAX` characters, with a counter near the limit.
 */
export function ReasonField({ value, onChange, seat, shared }: ReasonFieldProps) {
  const id = useId();
  const left = REASON_MAX - value.length;
  const other = seat === 'us' ? 'cn' : 'us';
  return (
    <div className="reason-field">
      <label htmlFor={`${id}-input`}>{t('reason.label')}</label>
      <input
        id={`${id}-input`}
        type="text"
        value={value}
        maxLength={REASON_MAX}
        autoComplete="off"
        spellCheck
        placeholder={t('reason.placeholder')}
        aria-describedby={`${id}-hint${left <= REASON_COUNTER_FROM ? ` ${id}-count` : ''}`}
        onChange={(event) => onChange(event.target.value.slice(0, REASON_MAX))}
      />
      {left <= REASON_COUNTER_FROM && (
        <span id={`${id}-count`} className={left === 0 ? 'reason-count full' : 'reason-count'} aria-live="polite">
          {t('reason.left', { count: left })}
        </span>
      )}
      <p id={`${id}-hint`} className="reason-hint">
        {shared ? t('reason.privateShared', { side: sideName(other) }) : t('reason.private')}
      </p>
    </div>
  );
}
