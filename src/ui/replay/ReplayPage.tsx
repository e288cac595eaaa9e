import { useEffect, useState } from 'react';
import { CONTENT } from '../../content';
import { actingSide, type GameRecord, type Side } from '../../game';
import { readReplay, replayFileName, replayFileText, replayOf, type Replay, type ReplayProblem } from '../../sim/replay';
import { Board } from '../board/Board';
import { ChronicleEntryView } from '../board/Chronicle';
import { contentField, sideName } from '../bridge';
import { Icon } from '../common/Icon';
import { t } from '../i18n';
import { reasonText } from '../reasonText';
import { readSavedGame, type SavedGame } from '../savedGame';
import { MatchStoreProvider } from '../store/context';
import { ReplayChart } from './ReplayChart';
import { WHAT_IF_INSTEAD, WhatIf } from './WhatIf';

/** A replay file bigger than this is not a game of De-Risk (a long game's file is a few kB). */
const MOST_BYTES = 1_000_000;

type Loaded = { replay: Replay } | { problem: string } | null;

/** A replay, or the sentence that says why there is none. */
function toLoaded(read: Replay | ReplayProblem): Loaded {
  if ('states' in read) return { replay: read };
  return { problem: read.move ? t('replay.badMove', { problem: read.problem, move: read.move }) : t('replay.bad', { problem: read.problem }) };
}

/** The finished local game this browser kept (src/ui/savedGame.ts), if there is one. */
function savedReplay(): Loaded {
  const saved = readSavedGame() as { record?: GameRecord } | null;
  return saved?.record ? toLoaded(replayOf(saved.record)) : { problem: t('replay.noSaved') };
}

/** Saves the replay file: the record alone (src/sim/replay.ts). */
function download(record: GameRecord): void {
  const url = URL.createObjectURL(new Blob([replayFileText(record)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = replayFileName(record);
  link.click();
  URL.revokeObjectURL(url);
}

function Hand({ side, cards }: { side: Side; cards: readonly string[] }) {
  return (
    <section className={`replay-hand replay-hand-${side}`} aria-label={t('replay.hand', { side: sideName(side) })}>
      <h3>{t('replay.hand', { side: sideName(side) })}</h3>
      {cards.length === 0 ? (
        <p className="muted">{t('replay.noCards')}</p>
      ) : (
        <ul>
          {cards.map((id, i) => (
            <li key={`${id}-${i}`}>{CONTENT.cards.has(id) ? contentField('card', id, 'title') : id}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One finished game, move by move: the board as it stood, what the move did and why, both hands. */
function ReplayViewer({ replay, onOpenRules, onOpenGlossary, onPlayFork }: { replay: Replay; onOpenRules: () => void; onOpenGlossary: () => void; onPlayFork?: (saved: SavedGame) => void }) {
  const last = replay.states.length - 1;
  const [step, setStep] = useState(last);
  const go = (next: number) => setStep(Math.max(0, Math.min(last, next)));
  // ←/→ step, Home/End jump, wherever the focus is (a button that became disabled drops it to
  // the page); a field keeps its own keys, the scrubber among them.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { target } = event;
      if (event.altKey || event.ctrlKey || event.metaKey || (target instanceof Element && target.closest('input, textarea, select, [role="dialog"], [role="slider"]'))) return;
      const to = ({ ArrowLeft: step - 1, ArrowRight: step + 1, Home: 0, End: last } as Partial<Record<string, number>>)[event.key];
      if (to === undefined) return;
      event.preventDefault();
      setStep(Math.max(0, Math.min(last, to)));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step, last]);
  const state = replay.states[step] ?? replay.states[last];
  const before = replay.states[step - 1];
  if (!state) return null;
  const added = before ? state.G.chronicle.slice(before.G.chronicle.length) : [];
  const reason = added.find((entry) => entry.reason)?.reason;
  // The side that made this move, to ask what else it could have done (WhatIf, below the board).
  const mover = before ? actingSide(before.G, before.ctx) : null;
  const toWhatIf = () => {
    const target = document.getElementById(WHAT_IF_INSTEAD) ?? document.getElementById('whatif-title');
    target?.scrollIntoView({ block: 'center' });
    target?.focus();
  };
  return (
    <div className="replay">
      <div className="replay-controls" role="group" aria-label={t('replay.controls')}>
        <button type="button" className="secondary" onClick={() => go(0)} disabled={step === 0}>
          {t('replay.start')}
        </button>
        <button type="button" className="secondary" onClick={() => go(step - 1)} disabled={step === 0}>
          ← {t('replay.back')}
        </button>
        <input
          type="range"
          min={0}
          max={last}
          value={step}
          aria-label={t('replay.scrub')}
          aria-valuetext={t('replay.position', { step, total: last })}
          onChange={(event) => go(Number(event.target.value))}
        />
        <button type="button" className="secondary" onClick={() => go(step + 1)} disabled={step === last}>
          {t('replay.forward')} →
        </button>
        <button type="button" className="secondary" onClick={() => go(last)} disabled={step === last}>
          {t('replay.end')}
        </button>
        <button type="button" className="secondary" onClick={() => download(replay.record)}>
          {t('replay.download')}
        </button>
      </div>
      <ReplayChart states={replay.states} step={step} onStep={go} />
      <p className="replay-position" role="status">
        {step === 0 ? t('replay.atStart') : t('replay.position', { step, total: last })}
      </p>
      {added.length > 0 && (
        <section className="replay-move" aria-label={t('replay.thisMove')}>
          <ol>
            {added.map((entry, i) => (
              <ChronicleEntryView key={i} entry={entry} viewer={null} />
            ))}
          </ol>
          {reason && (
            <p className="replay-reason">
              <strong>{t('replay.why', { side: sideName(reason.side) })}</strong> {reasonText(reason)}
            </p>
          )}
          {mover && (
            <button type="button" className="link-button replay-whatif-link" onClick={toWhatIf}>
              {t('replay.whatIf', { side: sideName(mover) })}
            </button>
          )}
        </section>
      )}
      <div className="replay-hands">
        <Hand side="us" cards={state.G.sides.us.hand} />
        <Hand side="cn" cards={state.G.sides.cn.hand} />
      </div>
      <MatchStoreProvider key={step}>
        <Board G={state.G} ctx={state.ctx} seat={null} send={() => false} news={false} onOpenRules={onOpenRules} onOpenGlossary={onOpenGlossary} />
      </MatchStoreProvider>
      <WhatIf replay={replay} step={step} onStep={go} onPlayFork={onPlayFork} />
    </div>
  );
}

/**
 * Replay a finished game (issue 14): the last game played in this browser (`saved`), or a replay
 * file opened from the device. A file that cannot be replayed says why.
 */
export default function ReplayPage({ saved, onHome, onOpenRules, onOpenGlossary, onPlayFork }: {
  saved: boolean;
  onHome: () => void;
  onOpenRules: () => void;
  onOpenGlossary: () => void;
  /** Plays a fork of the game on, as a local match (WhatIf). */
  onPlayFork?: (saved: SavedGame) => void;
}) {
  const [loaded, setLoaded] = useState<Loaded>(() => (saved ? savedReplay() : null));
  useEffect(() => {
    if (saved) setLoaded(savedReplay());
  }, [saved]);
  const open = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MOST_BYTES) {
      setLoaded({ problem: t('replay.bad', { problem: t('replay.tooBig') }) });
      return;
    }
    setLoaded(toLoaded(readReplay(await file.text())));
  };
  return (
    <div className="page replay-page">
      <header className="page-header">
        <button type="button" className="link-button" onClick={onHome}>
          ← {t('replay.home')}
        </button>
        <h1>
          <Icon name="chronicle" /> {t('replay.title')}
        </h1>
      </header>
      <main className="page-body">
        <p>
          <label className="replay-open">
            {t('replay.open')} <input type="file" accept=".json,application/json" onChange={(event) => void open(event.target.files?.[0])} />
          </label>
        </p>
        {loaded && 'problem' in loaded && (
          <p role="alert" className="banner bad">
            {loaded.problem}
          </p>
        )}
        {loaded && 'replay' in loaded && <ReplayViewer replay={loaded.replay} onOpenRules={onOpenRules} onOpenGlossary={onOpenGlossary} onPlayFork={onPlayFork} />}
      </main>
    </div>
  );
}
