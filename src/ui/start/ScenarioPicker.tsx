import type { ScenarioId } from '../../content/types';
import { t } from '../i18n';
import type { ScenarioChoice } from './setupChoices';

/**
 * The scenarios as radio choices, each with its title and text: the start screen's and the class
 * setup's. It uses only the start screen's messages, so the first visit loads nothing more for it.
 * `name` keeps the radio groups of two forms apart. The caller passes `scenarioChoices()` in:
 * when this module imported setupChoices itself, Rolldown no longer merged the shared modules
 * into the start screen's entry, and the first visit went from 4 files to 10 and grew 1.6 kB gzip.
 */
export function ScenarioPicker({ name, choices, value, onChange }: {
  name: string;
  choices: readonly ScenarioChoice[];
  value: ScenarioId;
  onChange: (scenario: ScenarioId) => void;
}) {
  return (
    <fieldset className="scenarios">
      <legend>{t('start.scenario')}</legend>
      {choices.map((s) => (
        <label key={s.id} className="choice scenario-choice">
          <input type="radio" name={name} value={s.id} checked={value === s.id} onChange={() => onChange(s.id)} />
          <span>
            <strong>{s.title}</strong>
            <span className="choice-text">{s.text}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
