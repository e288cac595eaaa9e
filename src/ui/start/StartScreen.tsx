import { lazy, Suspense, useState } from 'react';
import type { GameLength, ScenarioId, SetupData } from '../../game';
import type { ComputerOpponent } from '../bots/opponent';
import { HelpLinks } from '../common/HelpLinks';
import { Icon } from '../common/Icon';
import { t } from '../i18n';
import type { SavedSummary } from '../savedGame';
import { ComputerChoices, DEFAULT_COMPUTER_CHOICE } from './ComputerChoices';
import { ScenarioPicker } from './ScenarioPicker';
import { DEFAULT_SETUP, LENGTHS, other, scenarioChoices } from './setupChoices';

const OnlinePanel = lazy(() => import('../online/OnlinePanel'));

/**
 * Choose how to play (hot seat, against the computer, online), the scenario and the length;
 * links to the rules and the glossary.
 */
export function StartScreen({ onStart, onGoTo, onOpenRules, onOpenGlossary, resumable, onResume, saved = null, onResumeSaved }: {
  /** Starts a local game; with an opponent, against the computer. */
  onStart: (setup: SetupData, opponent?: ComputerOpponent) => void;
  onGoTo: (code: string, watch: boolean) => void;
  onOpenRules: () => void;
  onOpenGlossary: () => void;
  resumable: boolean;
  onResume: () => void;
  /** The local game saved in this browser, when there is no game in this tab. */
  saved?: SavedSummary | null;
  onResumeSaved?: () => void;
}) {
  const [scenario, setScenario] = useState<ScenarioId>(DEFAULT_SETUP.scenario);
  const [length, setLength] = useState<GameLength>(DEFAULT_SETUP.length);
  const [mode, setMode] = useState<'hotseat' | 'computer' | 'online'>('hotseat');
  const [computer, setComputer] = useState(DEFAULT_COMPUTER_CHOICE);
  return (
    <main className="start">
      <header className="start-hero">
        <div className="hero-emblems" aria-hidden="true">
          <Icon name="washington" className="hero-us" />
          <Icon name="relationship" />
          <Icon name="beijing" className="hero-cn" />
        </div>
        <h1>{t('app.name')}</h1>
        <p className="tagline">{t('start.tagline')}</p>
      </header>
      {resumable && (
        <p className="resume">
          <button type="button" className="primary" onClick={onResume}>
            {t('start.resume')}
          </button>
        </p>
      )}
      {saved && (
        <div className="resume">
          <button type="button" className="primary" onClick={onResumeSaved}>
            {t('start.resumeSaved', { kind: saved.kind, scenario: saved.scenario, count: saved.length })}
          </button>
          <p className="muted">{t('start.resumeNote')}</p>
        </div>
      )}
      <form
        className="start-form"
        onSubmit={(e) => {
          e.preventDefault();
          const { you, level, persona } = computer;
          onStart({ scenario, length }, mode === 'computer' ? { side: other(you), level, persona } : undefined);
        }}
      >
        <fieldset className="modes">
          <legend>{t('start.mode')}</legend>
          <label className="choice">
            <input type="radio" name="mode" value="hotseat" checked={mode === 'hotseat'} onChange={() => setMode('hotseat')} />
            <span>
              <strong>{t('start.hotseat')}</strong> {t('start.hotseatText')}
            </span>
          </label>
          <label className="choice">
            <input type="radio" name="mode" value="computer" checked={mode === 'computer'} onChange={() => setMode('computer')} />
            <span>
              <strong>{t('start.computer')}</strong> {t('start.computerText')}
            </span>
          </label>
          <label className="choice">
            <input type="radio" name="mode" value="online" checked={mode === 'online'} onChange={() => setMode('online')} />
            <span>
              <strong>{t('start.online')}</strong> {t('start.onlineText')}
            </span>
          </label>
        </fieldset>
        {mode === 'computer' && <ComputerChoices choice={computer} onChange={setComputer} />}
        <ScenarioPicker name="scenario" choices={scenarioChoices()} value={scenario} onChange={setScenario} />
        <fieldset className="lengths">
          <legend>{t('start.length')}</legend>
          {[...LENGTHS].reverse().map((n) => (
            <label key={n} className="choice">
              <input type="radio" name="length" value={n} checked={length === n} onChange={() => setLength(n)} />
              <span>
                <strong>{t(`start.length${n}`)}</strong> {t('start.rounds', { count: n })}
              </span>
            </label>
          ))}
        </fieldset>
        {mode !== 'online' ? (
          <button type="submit" className="primary big">
            {t('start.begin')}
          </button>
        ) : (
          <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
            <OnlinePanel setup={{ scenario, length }} onGoTo={onGoTo} />
          </Suspense>
        )}
      </form>
      <nav className="start-links start-class" aria-label={t('start.classroom')}>
        <span className="muted">{t('start.classroom')}</span>
        <a href="#/class/new">{t('start.runClass')}</a>
        <a href="#/class/join">{t('start.joinClass')}</a>
      </nav>
      <HelpLinks className="start-links" onOpenRules={onOpenRules} onOpenGlossary={onOpenGlossary} />
    </main>
  );
}
