/**
 * "What if?" (issue 14), under the replay: the move the replay stands on (or a turning point, offered
 * first) and another play its side could have made there (the engine's own `legalPlays`); the
 * computer then plays the rest of the game both ways many times, in workers (whatIfRunner.ts), and
 * the two futures are shown side by side: who wins how often, how the tracks went, how often the
 * game ended early, and a sentence that says it plainly. Or people play the fork themselves.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { BOT_LEVELS, type BotLevel } from '../../bots/types';
import { TRACK_IDS, type TrackId } from '../../content/types';
import { other, type Play } from '../../game';
import { turningPoints } from '../../game/analysis';
import { alternatives, forkPoint, forkRecord, playKey, spanOf, type Comparison, type ForkPoint, type Future } from '../../sim/fork';
import type { Replay } from '../../sim/replay';
import type { Interval } from '../../sim/stats';
import { contentField, seriesLabel, sideName } from '../bridge';
import { dealChoices, DealPicker, firstProposal, type Proposal } from './DealPicker';
import { entryTitle } from '../chronicleText';
import { t } from '../i18n';
import type { SavedGame } from '../savedGame';
import { FutureChart, FutureLegend } from './FutureChart';
import { runWhatIf, type WhatIfJob, type WhatIfRun } from './whatIfRunner';

/** The id of the picker of the other play, which the replay's "What if…?" link brings into view. */
export const WHAT_IF_INSTEAD = 'whatif-instead';

/** The playouts a future may have here: quick, the default, and tighter. */
const PLAYOUT_CHOICES = [50, 200, 500] as const;
/** The seed of every comparison, the command line's default too, so a class and `npm run simulate` agree. */
const SEED = 1;

/** A play in words: "Raise tariffs (+10% on Chinese goods)", "Play “Rare-Earth Export Ban”", "Pass". */
export function playLabel(play: Play): string {
  switch (play.kind) {
    case 'action':
      return contentField('action', play.id, 'title');
    case 'card':
      return t('whatIf.play.card', { title: contentField('card', play.id, 'title') });
    case 'recycle':
      return t('whatIf.play.recycle', { title: contentField('card', play.id, 'title') });
    case 'propose':
      return t('whatIf.play.propose', { terms: play.terms.map((id) => contentField('term', id, 'title')).join(' + ') });
    case 'pass':
    case 'accept':
    case 'reject':
      return t(`whatIf.play.${play.kind}`);
  }
}

/** A play inside a sentence: "“Raise tariffs”", "the card “Rare-Earth Export Ban”", "passing". */
export function playPhrase(play: Play): string {
  switch (play.kind) {
    case 'action':
      return t('whatIf.phrase.action', { title: contentField('action', play.id, 'title') });
    case 'card':
      return t('whatIf.phrase.card', { title: contentField('card', play.id, 'title') });
    case 'recycle':
      return t('whatIf.phrase.recycle', { title: contentField('card', play.id, 'title') });
    case 'propose':
      return t('whatIf.phrase.propose', { terms: play.terms.map((id) => contentField('term', id, 'title')).join(' + ') });
    case 'pass':
    case 'accept':
    case 'reject':
      return t(`whatIf.phrase.${play.kind}`);
  }
}

/** The picker's groups, in its order. Deals are not listed one by one: one entry opens the deal picker. */
const GROUPS = [
  { id: 'action', kinds: ['action'] },
  { id: 'card', kinds: ['card'] },
  { id: 'answer', kinds: ['accept', 'reject', 'pass'] },
  { id: 'recycle', kinds: ['recycle'] },
] as const satisfies readonly { id: string; kinds: readonly Play['kind'][] }[];

function grouped(plays: readonly Play[]): { id: (typeof GROUPS)[number]['id']; plays: Play[] }[] {
  return GROUPS.map(({ id, kinds }) => ({
    id,
    plays: plays.filter((play) => (kinds as readonly string[]).includes(play.kind)),
  })).filter((group) => group.plays.length > 0);
}

/** The picker's value for "a deal", whose terms are then picked below it. */
export const DEAL_CHOICE = 'deal';

/** Each move of the game in words ("Move 12, round 3: Washington played Raise tariffs (2 leverage)"), and the turning points' moves. */
function useMoves(replay: Replay) {
  return useMemo(() => {
    const moves = replay.record.moves.map((_, at) => {
      const before = replay.states[at];
      const after = replay.states[at + 1];
      const entry = before && after ? after.G.chronicle[before.G.chronicle.length] : undefined;
      return t('whatIf.moveLabel', { n: at + 1, round: before?.G.round ?? 0, title: entry ? entryTitle(entry) : '' });
    });
    const final = replay.states.at(-1);
    const turning: number[] = [];
    if (final) {
      for (const point of turningPoints(final.G)) {
        if (point.side === null) continue;
        const index = final.G.chronicle.indexOf(point.entry);
        // The move that wrote the entry: the first whose position after it holds it.
        const at = replay.states.findIndex((s) => s.G.chronicle.length > index) - 1;
        if (at >= 0 && at < moves.length && !turning.includes(at)) turning.push(at);
      }
    }
    return { moves, turning };
  }, [replay]);
}

const percent = (x: number) => Math.round(x * 100);
const cell = (interval: Interval) => t('whatIf.cell', { rate: percent(interval.rate), low: percent(interval.low), high: percent(interval.high) });

/** "Had Washington played X instead of Y in round 3, Washington would win 38% of the games instead of 52%, and the relationship would end 2 points higher." */
export function summaryLine(comparison: Comparison, real: string, instead: string): string {
  const { side, round } = comparison;
  const end = (future: Future) => future.tracks.relationship.mean.at(-1) ?? 0;
  const diff = Math.round((end(comparison.instead) - end(comparison.real)) * 10) / 10;
  const relationship = Math.abs(diff) < 0.5 ? t('whatIf.relSame') : t(diff > 0 ? 'whatIf.relHigher' : 'whatIf.relLower', { points: Math.abs(diff) });
  return t('whatIf.summary', {
    side: sideName(side),
    round,
    real,
    instead,
    after: percent(comparison.instead.winRate[side].rate),
    before: percent(comparison.real.winRate[side].rate),
    relationship,
  });
}

function Results({ comparison, real, instead, level }: { comparison: Comparison; real: string; instead: string; level: BotLevel }) {
  const [track, setTrack] = useState<TrackId>('relationship');
  const rows: { label: string; of: (f: Future) => Interval }[] = [
    { label: t('whatIf.row.wins', { side: sideName('us') }), of: (f) => f.winRate.us },
    { label: t('whatIf.row.wins', { side: sideName('cn') }), of: (f) => f.winRate.cn },
    { label: t('whatIf.row.draw'), of: (f) => ({ rate: f.draws / f.playouts, low: Number.NaN, high: Number.NaN }) },
    { label: t('whatIf.row.sudden'), of: (f) => f.suddenRate },
  ];
  const asPlayed = t('whatIf.asPlayed', { play: real });
  const insteadOf = t('whatIf.insteadCol', { play: instead });
  const endOf = (f: Future) => Math.round((f.tracks[track].mean.at(-1) ?? 0) * 10) / 10;
  return (
    <section className="whatif-results" aria-label={t('whatIf.resultsTitle', { n: comparison.at + 1 })}>
      <h3>{t('whatIf.resultsTitle', { n: comparison.at + 1 })}</h3>
      <p className="whatif-summary">{summaryLine(comparison, real, instead)}</p>
      <p className="muted">{t('whatIf.asPlayedNote')}</p>
      <div className="debrief-table-wrap" role="region" tabIndex={0} aria-label={t('whatIf.tableLabel')}>
        <table className="debrief-table whatif-table">
          <caption>{t('whatIf.tableCaption', { n: comparison.real.playouts, level: t(`computer.level.${level}`) })}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col">{asPlayed}</th>
              <th scope="col">{insteadOf}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ label, of }) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {[comparison.real, comparison.instead].map((future, i) => {
                  const value = of(future);
                  return <td key={i}>{Number.isNaN(value.low) ? t('whatIf.rate', { rate: percent(value.rate) }) : cell(value)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="whatif-chart">
        <label>
          {t('whatIf.track')}{' '}
          <select value={track} onChange={(event) => setTrack(event.target.value as TrackId)}>
            {TRACK_IDS.map((id) => (
              <option key={id} value={id}>
                {seriesLabel(id)}
              </option>
            ))}
          </select>
        </label>
        <FutureChart
          track={track}
          real={comparison.real}
          instead={comparison.instead}
          label={t('whatIf.chartLabel', { track: seriesLabel(track), real: endOf(comparison.real), instead: endOf(comparison.instead) })}
        />
        <FutureLegend real={asPlayed} instead={insteadOf} />
        <p className="muted">{t('whatIf.band')}</p>
      </div>
    </section>
  );
}

type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; at: number; done: number; total: number }
  | { kind: 'done'; comparison: Comparison; real: string; instead: string; level: BotLevel }
  | { kind: 'failed'; message: string }
  | { kind: 'cancelled' };

/** What `start` needs to run a comparison and to word its result. */
interface RunOrder {
  readonly job: WhatIfJob;
  readonly real: string;
  readonly instead: string;
}

/** The fork's settings, for the move the replay stands on, and playing the fork yourself. */
const ForkPanel = memo(function ForkPanel({ replay, point, running, onRun, onPlayFork }: { replay: Replay; point: ForkPoint; running: boolean; onRun: (order: RunOrder) => void; onPlayFork?: (saved: SavedGame) => void }) {
  const plays = useMemo(() => alternatives(point), [point]);
  const proposals = useMemo(() => plays.filter((play): play is Proposal => play.kind === 'propose'), [plays]);
  const groups = useMemo(() => grouped(plays), [plays]);
  const [choice, setChoice] = useState(() => {
    const first = groups[0]?.plays[0];
    return first ? playKey(first) : proposals.length > 0 ? DEAL_CHOICE : '';
  });
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set(firstProposal(proposals)?.terms));
  const [level, setLevel] = useState<BotLevel>('normal');
  const [playouts, setPlayouts] = useState<number>(200);
  const deal = choice === DEAL_CHOICE ? dealChoices(proposals, picked, point.real) : null;
  const chosen = deal ? deal.match : plays.find((play) => playKey(play) === choice);
  const side = sideName(point.side);

  const start = () => {
    if (!chosen) return;
    const job = { record: replay.record, at: point.at, side: point.side, span: spanOf(point), real: playKey(point.real), instead: playKey(chosen), playouts, level, persona: 'balanced' as const, seed: SEED };
    onRun({ job, real: playPhrase(point.real), instead: playPhrase(chosen) });
  };
  const playYourself = (against: 'computer' | 'hotseat') => {
    if (!chosen || !onPlayFork) return;
    const record = forkRecord(replay.record, point, chosen);
    onPlayFork(
      against === 'hotseat'
        ? { kind: 'hotseat', record }
        : { kind: 'computer', record, opponent: { side: other(point.side), level, persona: 'balanced' }, botSeed: Math.floor(Math.random() * 2 ** 31) },
    );
  };

  if (plays.length === 0) return <p>{t('whatIf.noAlternatives', { side, play: playLabel(point.real) })}</p>;
  return (
    <>
      <div className="whatif-form">
        <p>{t('whatIf.really', { side, play: playLabel(point.real) })}</p>
        <label className="whatif-field">
          {t('whatIf.instead', { side })}{' '}
          <select id={WHAT_IF_INSTEAD} value={choice} onChange={(event) => setChoice(event.target.value)}>
            {groups.map((group) => (
              <optgroup key={group.id} label={t(`whatIf.group.${group.id}`, { count: group.plays.length })}>
                {group.plays.map((play) => (
                  <option key={playKey(play)} value={playKey(play)}>
                    {playLabel(play)}
                  </option>
                ))}
              </optgroup>
            ))}
            {proposals.length > 0 && (
              <optgroup label={t('whatIf.group.propose', { count: proposals.length })}>
                <option value={DEAL_CHOICE}>{t('whatIf.deal.option')}</option>
              </optgroup>
            )}
          </select>
        </label>
        {deal && <DealPicker choices={deal} picked={picked} side={point.side} onChange={setPicked} />}
        <label className="whatif-field">
          {t('whatIf.level')}{' '}
          <select value={level} onChange={(event) => setLevel(event.target.value as BotLevel)}>
            {BOT_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`computer.level.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="whatif-field">
          {t('whatIf.playouts')}{' '}
          <select value={playouts} onChange={(event) => setPlayouts(Number(event.target.value))}>
            {PLAYOUT_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        {level === 'hard' && <p className="muted">{t('whatIf.hardSlow')}</p>}
        <button type="button" onClick={start} disabled={!chosen || running}>
          {t('whatIf.run', { n: playouts })}
        </button>
      </div>
      {onPlayFork && (
        <section className="whatif-yourself" aria-label={t('whatIf.yourself')}>
          <h3>{t('whatIf.yourself')}</h3>
          <p>{chosen ? t('whatIf.yourselfText', { side, play: playPhrase(chosen) }) : t('whatIf.yourselfPick', { side })}</p>
          <div className="whatif-buttons">
            <button type="button" className="secondary" onClick={() => playYourself('computer')} disabled={!chosen}>
              {t('whatIf.vsComputer', { side })}
            </button>
            <button type="button" className="secondary" onClick={() => playYourself('hotseat')} disabled={!chosen}>
              {t('whatIf.hotSeat')}
            </button>
          </div>
        </section>
      )}
    </>
  );
});

/** The progress bar moves at most this often: each playout's setState would cost the page more than it shows. */
const PROGRESS_MS = 100;

/** A comparison's run: its progress and cancel, then its results or why there are none. Stepping the replay elsewhere does not stop it. */
function useComparison() {
  const [run, setRun] = useState<RunState>({ kind: 'idle' });
  const current = useRef<WhatIfRun | null>(null);
  useEffect(() => () => current.current?.cancel(), []);
  // Stable, so that the pickers (memo) are not drawn again at every step of the progress bar.
  const start = useCallback(({ job, real, instead }: RunOrder) => {
    current.current?.cancel();
    const at = job.at;
    let shown = 0;
    current.current = runWhatIf(job, {
      progress: (done, total) => {
        const now = performance.now();
        if (done !== 0 && done !== total && now - shown < PROGRESS_MS) return;
        shown = now;
        setRun({ kind: 'running', at, done, total });
      },
      done: (comparison) => setRun({ kind: 'done', comparison, real, instead, level: job.level }),
      failed: (message) => setRun({ kind: 'failed', message }),
    });
  }, []);
  const cancel = () => {
    current.current?.cancel();
    current.current = null;
    setRun({ kind: 'cancelled' });
  };
  return { run, start, cancel };
}

function RunView({ run, onCancel }: { run: RunState; onCancel: () => void }) {
  return (
    <>
      {run.kind === 'running' && (
        <div className="whatif-progress">
          <label>
            {t('whatIf.running', { done: run.done, total: run.total, n: run.at + 1 })} <progress value={run.done} max={run.total} />
          </label>
          <button type="button" className="secondary" onClick={onCancel}>
            {t('whatIf.cancel')}
          </button>
        </div>
      )}
      <div role="status" className="whatif-status">
        {run.kind === 'cancelled' && t('whatIf.cancelled')}
        {run.kind === 'done' && t('whatIf.finished')}
      </div>
      {run.kind === 'failed' && (
        <p role="alert" className="banner bad">
          {t('whatIf.failed', { message: run.message })}
        </p>
      )}
      {run.kind === 'done' && <Results comparison={run.comparison} real={run.real} instead={run.instead} level={run.level} />}
    </>
  );
}

/** The move to change: the turning points first, then every other move; choosing one steps the replay to it. */
const MovePicker = memo(function MovePicker({ replay, at, onStep }: { replay: Replay; at: number; onStep: (step: number) => void }) {
  const { moves, turning } = useMoves(replay);
  return (
    <label className="whatif-field">
      {t('whatIf.move')}{' '}
      <select value={at >= 0 ? String(at) : ''} onChange={(event) => event.target.value !== '' && onStep(Number(event.target.value) + 1)}>
        <option value="" disabled>
          {t('whatIf.choose')}
        </option>
        {turning.length > 0 && (
          <optgroup label={t('whatIf.turning')}>
            {turning.map((n) => (
              <option key={`tp-${n}`} value={String(n)}>
                {moves[n]}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label={t('whatIf.every')}>
          {moves.map((label, n) =>
            turning.includes(n) ? null : (
              <option key={n} value={String(n)}>
                {label}
              </option>
            ),
          )}
        </optgroup>
      </select>
    </label>
  );
});

/**
 * The "what if?" card: pick the move (the replay follows), then the fork's panel. `step` is the
 * replay's position; the move it shows (the one just made) is the one to change.
 */
export function WhatIf({ replay, step, onStep, onPlayFork }: { replay: Replay; step: number; onStep: (step: number) => void; onPlayFork?: (saved: SavedGame) => void }) {
  const at = step - 1;
  const point = useMemo(() => {
    if (at < 0 || at >= replay.record.moves.length) return null;
    const found = forkPoint(replay.record, at);
    return 'problem' in found ? null : found;
  }, [replay, at]);
  const { run, start, cancel } = useComparison();
  return (
    <section className="whatif" aria-labelledby="whatif-title">
      <h2 id="whatif-title">{t('whatIf.title')}</h2>
      <p>{t('whatIf.intro')}</p>
      <MovePicker replay={replay} at={at} onStep={onStep} />
      {point ? (
        <ForkPanel key={at} replay={replay} point={point} running={run.kind === 'running'} onRun={start} onPlayFork={onPlayFork} />
      ) : (
        <p className="muted">{t('whatIf.pickFirst')}</p>
      )}
      <RunView run={run} onCancel={cancel} />
    </section>
  );
}
