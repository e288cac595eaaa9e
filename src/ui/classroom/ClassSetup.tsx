import { useId, useState } from 'react';
import { ChoiceGroup } from '../common/ChoiceGroup';
import { t } from '../i18n';
import { LevelChoice } from '../start/ComputerChoices';
import { ScenarioPicker } from '../start/ScenarioPicker';
import { LENGTHS, scenarioChoices } from '../start/setupChoices';
import { classError, createClass, PAIRINGS, TIMEOUT_ACTIONS, TIMERS, type ClassSettings, type TimerSeconds } from './classApi';
import { keepTeacherKey } from './classKeys';
import { useFocusedHeading } from './focus';
import './classroom.css';

/** A first lesson: four rounds fit a class period with time for the debrief. */
export const DEFAULT_CLASS_SETTINGS: ClassSettings = { scenario: '2025', length: 4, timer: 90, onTimeout: 'computer', computer: 'normal', pairing: 'random' };

const TIMER_IDS = TIMERS.map(String) as readonly `${TimerSeconds}`[];

/** The teacher's setup: the class's name, the game's scenario and length, the decision timer, the computer and the pairing. */
export default function ClassSetup({ onCreated, onHome }: { onCreated: (code: string) => void; onHome: () => void }) {
  const [title, setTitle] = useState('');
  const [settings, setSettings] = useState<ClassSettings>(DEFAULT_CLASS_SETTINGS);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const heading = useFocusedHeading();
  const set = (change: Partial<ClassSettings>) => setSettings((s) => ({ ...s, ...change }));

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const made = await createClass(settings, title.trim());
      keepTeacherKey(made.code, made.teacherKey);
      onCreated(made.code);
    } catch (e) {
      setError(classError(e));
      setBusy(false);
    }
  };

  return (
    <main className="start class-setup">
      <h1 ref={heading} tabIndex={-1}>
        {t('class.setup.title')}
      </h1>
      <p className="tagline">{t('class.setup.intro')}</p>
      <form
        className="start-form"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <fieldset>
          <legend>{t('class.setup.name')}</legend>
          <label htmlFor={titleId}>{t('class.setup.nameLabel')}</label>{' '}
          <input id={titleId} className="class-title-input" value={title} maxLength={80} onChange={(e) => setTitle(e.target.value)} />
        </fieldset>
        <ScenarioPicker name="class-scenario" choices={scenarioChoices()} value={settings.scenario} onChange={(scenario) => set({ scenario })} />
        <fieldset className="lengths">
          <legend>{t('start.length')}</legend>
          {LENGTHS.map((n) => (
            <label key={n} className="choice">
              <input type="radio" name="class-length" value={n} checked={settings.length === n} onChange={() => set({ length: n })} />
              <span>
                <strong>{t(`start.length${n}`)}</strong> {t('start.rounds', { count: n })}
                {n === 4 && <span className="choice-text">{t('class.setup.recommended')}</span>}
              </span>
            </label>
          ))}
        </fieldset>
        <ChoiceGroup
          name="class-timer"
          legend={t('class.setup.timer')}
          options={TIMER_IDS}
          value={`${settings.timer}`}
          onChange={(id) => set({ timer: Number(id) as TimerSeconds })}
          title={(id) => (id === '0' ? t('class.setup.timerOff') : t('class.setup.timerSeconds', { seconds: Number(id) }))}
          text={(id) => (id === '0' ? t('class.setup.timerOffText') : t('class.setup.timerText', { seconds: Number(id) }))}
        />
        {settings.timer > 0 && (
          <ChoiceGroup
            name="class-timeout"
            legend={t('class.setup.onTimeout')}
            options={TIMEOUT_ACTIONS}
            value={settings.onTimeout}
            onChange={(onTimeout) => set({ onTimeout })}
            title={(a) => t(`class.setup.onTimeout.${a}`)}
            text={(a) => t(`class.setup.onTimeoutText.${a}`)}
          />
        )}
        <LevelChoice name="class-computer" legend={t('class.setup.computer')} value={settings.computer} onChange={(computer) => set({ computer })} />
        <ChoiceGroup
          name="class-pairing"
          legend={t('class.setup.pairing')}
          options={PAIRINGS}
          value={settings.pairing}
          onChange={(pairing) => set({ pairing })}
          title={(p) => t(`class.setup.pairing.${p}`)}
          text={(p) => t(`class.setup.pairingText.${p}`)}
        />
        {error && (
          <p role="alert" className="banner bad">
            {error}
          </p>
        )}
        <button type="submit" className="primary big" disabled={busy}>
          {busy ? t('class.setup.creating') : t('class.setup.submit')}
        </button>
      </form>
      <p className="start-links">
        <button type="button" className="link-button" onClick={onHome}>
          {t('nav.backToStart')}
        </button>
      </p>
    </main>
  );
}
