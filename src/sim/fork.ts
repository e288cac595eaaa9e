/**
 * "What if?" (issue 14): from a move of a finished game, play another legal move in its place,
 * let the computer play both sides from there many times, and do the same from the move that was
 * really played; then compare the two futures. Pure engine code (no DOM, no Node): the CLI
 * (`npm run simulate -- --from`) and the browser's worker run the same functions.
 *
 * Each playout is seeded: playout i of either future draws its dice, its world events and its
 * cards from the same seed, so the two futures differ by the changed move and what follows from
 * it, not by luck (common random numbers). The undrawn decks are shuffled again for each playout
 * (nobody knew their order at the time), and boardgame.io's random state is reseeded.
 */
import type { State } from 'boardgame.io';
import { decide, type BotLevel, type Persona } from '../bots';
import { actingSide, legalPlays, PLAYER_OF, toMove, toPlay, type DeRiskState, type GameRecord, type GameResult, type Play, type Side } from '../game';
import { TRACK_IDS, type TrackId } from '../content/types';
import { createHeadlessMatch, headlessFrom, playerToAct, seededRandom } from './headless';
import { quantile, wilson, type Interval } from './stats';

/** Where a game can be forked: the position before move `at`, the side to move, and what it really played. */
export interface ForkPoint {
  readonly at: number;
  readonly state: State<DeRiskState>;
  readonly side: Side;
  readonly real: Play;
}

export type ForkProblem = { readonly problem: string };

/** The position just before move `at` of a record that plays cleanly, or why there is none. */
export function forkPoint(record: GameRecord, at: number): ForkPoint | ForkProblem {
  if (!Number.isInteger(at) || at < 0 || at >= record.moves.length) return { problem: `there is no move ${at + 1} in this game (it has ${record.moves.length})` };
  const match = createHeadlessMatch(record.seed, record.setup);
  for (const [index, { playerID, move, args }] of record.moves.slice(0, at).entries()) {
    if (!match.move(playerID, move, ...args)) return { problem: `move ${index + 1} is one the rules refuse` };
  }
  const recorded = record.moves[at];
  const side = actingSide(match.state.G, match.state.ctx);
  const real = recorded ? toPlay(recorded.move, recorded.args) : null;
  if (!recorded || !side || PLAYER_OF[side] !== recorded.playerID || !real) return { problem: `move ${at + 1} does not fit the game` };
  return { at, state: match.state, side, real };
}

/** The plays the side could have made at the fork instead (the engine's own list), the real one left out. */
export function alternatives(point: ForkPoint): Play[] {
  const real = playKey(point.real);
  return legalPlays(point.state.G, point.state.ctx, point.side).filter((play) => playKey(play) !== real);
}

/** A play as one short line: `pass`, `action:raiseTariffs`, `card:…`, `recycle:…`, `propose:a+b`, `accept`, `reject`. */
export function playKey(play: Play): string {
  switch (play.kind) {
    case 'action':
    case 'card':
    case 'recycle':
      return `${play.kind}:${play.id}`;
    case 'propose':
      return `propose:${[...play.terms].sort().join('+')}`;
    case 'pass':
    case 'accept':
    case 'reject':
      return play.kind;
  }
}

/** Reads `playKey`'s line back, or null when it names no play. */
export function parsePlay(text: string): Play | null {
  const [kind, rest = ''] = text.trim().split(/:(.*)/s, 2) as [string, string?];
  if (kind === 'pass' || kind === 'accept' || kind === 'reject') return rest === '' ? { kind } : null;
  if ((kind === 'action' || kind === 'card' || kind === 'recycle') && /^[A-Za-z0-9_-]{1,64}$/.test(rest)) return { kind, id: rest };
  if (kind === 'propose' && rest !== '') {
    const terms = rest.split('+');
    return terms.every((t) => /^[A-Za-z0-9_-]{1,64}$/.test(t)) ? { kind, terms } : null;
  }
  return null;
}

export interface FutureOptions {
  /** Playouts for each future. */
  readonly playouts: number;
  readonly level: BotLevel;
  readonly persona: Persona;
  /** Seeds every playout (the same seeds for both futures). */
  readonly seed: number;
}

/** One future: how often each side won, how the tracks went round by round, how often it ended suddenly. */
export interface Future {
  readonly play: string;
  readonly playouts: number;
  readonly wins: Record<Side, number>;
  readonly draws: number;
  readonly winRate: Record<Side, Interval>;
  /** Games that ended before the last round (a rupture or a side voted out). */
  readonly sudden: number;
  readonly suddenRate: Interval;
  /**
   * Each track at each round end from the fork's round on: the mean and the middle half of the
   * playouts (25th to 75th percentile). A game that ended early keeps its last values.
   */
  readonly rounds: readonly number[];
  readonly tracks: Record<TrackId, { mean: number[]; low: number[]; high: number[] }>;
}

/** Playout `i`'s seed: the same for both futures. */
const playoutSeed = (seed: number, i: number) => `${seed}:${i}`;

function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The fork's position as playout `i` sees it: the undrawn decks shuffled again and the dice reseeded. */
function reseeded(state: State<DeRiskState>, seed: string): State<DeRiskState> {
  let hash = 0;
  for (const char of seed) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  const rand = seededRandom(hash >>> 0);
  const G: DeRiskState = {
    ...state.G,
    eventDeck: shuffled(state.G.eventDeck, rand),
    sides: {
      us: { ...state.G.sides.us, deck: shuffled(state.G.sides.us.deck, rand) },
      cn: { ...state.G.sides.cn, deck: shuffled(state.G.sides.cn.deck, rand) },
    },
  };
  const plugins = { ...state.plugins, random: { data: { seed } } };
  return { ...state, G, plugins };
}

/** Plays one future from the fork to the end: `first`, then the computer for both sides. */
function playout(point: ForkPoint, first: Play, options: FutureOptions, i: number): State<DeRiskState> {
  const seed = playoutSeed(options.seed, i);
  const match = headlessFrom(reseeded(point.state, seed));
  const opening = toMove(first);
  if (!match.move(PLAYER_OF[point.side], opening.move, ...opening.args)) throw new Error(`The fork's play ${playKey(first)} was refused`);
  for (let n = 0; match.state.ctx.gameover === undefined; n += 1) {
    if (n > 2000) throw new Error('A playout did not end');
    const { G, ctx } = match.state;
    const { move } = decide(G, ctx, { level: options.level, persona: options.persona, seed: (options.seed * 7919 + i * 104729 + n) >>> 0 });
    if (!match.move(playerToAct(match.state), move.move, ...move.args)) throw new Error(`The computer's ${move.move} was refused in a playout`);
  }
  return match.state;
}

const winnerOf = (result: GameResult): Side | null => ('winnerSide' in result ? result.winnerSide : null);

/**
 * What one playout leaves for the comparison, small enough to cross to the page from a worker:
 * who won, whether it ended suddenly, and every track at each round end from the fork's round
 * on (`tracks[k][j]`: round `from + k`, track `TRACK_IDS[j]`; a game that ended early keeps its
 * last values for the rounds it did not play).
 */
export interface PlayoutOutcome {
  readonly winner: Side | null;
  readonly sudden: boolean;
  readonly tracks: readonly (readonly number[])[];
}

/** Where the futures of a fork run: from its round to the game's last. */
export interface FutureSpan {
  readonly from: number;
  readonly last: number;
}

export const spanOf = (point: ForkPoint): FutureSpan => ({ from: point.state.G.round, last: point.state.G.length });

/** Plays future `i` of `play` from the fork and keeps what the comparison needs of it. */
export function playoutOutcome(point: ForkPoint, play: Play, options: FutureOptions, i: number): PlayoutOutcome {
  const final = playout(point, play, options, i);
  const result = final.ctx.gameover as GameResult;
  const { from, last } = spanOf(point);
  const history = final.G.history.filter((s) => s.round >= from);
  const tracks = Array.from({ length: last - from + 1 }, (_, k) => {
    const snap = history.findLast((s) => s.round <= from + k) ?? history.at(-1);
    const values = snap?.tracks ?? final.G.tracks;
    return TRACK_IDS.map((track) => values[track]);
  });
  return { winner: winnerOf(result), sudden: result.kind === 'collapse' || result.kind === 'rupture', tracks };
}

/** One future from its playouts (in any order: the figures do not depend on it). */
export function summarizeFuture(play: string, span: FutureSpan, outcomes: readonly PlayoutOutcome[]): Future {
  const n = outcomes.length;
  const wins: Record<Side, number> = { us: 0, cn: 0 };
  let draws = 0;
  let sudden = 0;
  const rounds = Array.from({ length: span.last - span.from + 1 }, (_, k) => span.from + k);
  for (const outcome of outcomes) {
    if (outcome.winner) wins[outcome.winner] += 1;
    else draws += 1;
    if (outcome.sudden) sudden += 1;
  }
  const tracks = {} as Record<TrackId, { mean: number[]; low: number[]; high: number[] }>;
  for (const [j, track] of TRACK_IDS.entries()) {
    const byRound = rounds.map((_, k) => outcomes.map((o) => o.tracks[k]?.[j] ?? Number.NaN).sort((a, b) => a - b));
    tracks[track] = {
      mean: byRound.map((v) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : Number.NaN)),
      low: byRound.map((v) => quantile(v, 0.25)),
      high: byRound.map((v) => quantile(v, 0.75)),
    };
  }
  return { play, playouts: n, wins, draws, winRate: { us: wilson(wins.us, n), cn: wilson(wins.cn, n) }, sudden, suddenRate: wilson(sudden, n), rounds, tracks };
}

/** Gathers playouts into a future, one at a time (the command line; the browser's workers use `playoutOutcome`). */
export class FutureTally {
  private readonly outcomes: PlayoutOutcome[] = [];

  constructor(
    private readonly point: ForkPoint,
    private readonly play: Play,
    private readonly options: FutureOptions,
  ) {}

  get done(): number {
    return this.outcomes.length;
  }

  /** Plays the next playout. */
  step(): void {
    this.outcomes.push(playoutOutcome(this.point, this.play, this.options, this.outcomes.length));
  }

  summary(): Future {
    return summarizeFuture(playKey(this.play), spanOf(this.point), this.outcomes);
  }
}

export interface Comparison {
  readonly at: number;
  readonly side: Side;
  readonly round: number;
  readonly real: Future;
  readonly instead: Future;
}

/**
 * Both futures from a fork, played here to the end. `onProgress` is told after each playout
 * (done, total); a caller that must stay responsive (the browser) drives `FutureTally` itself.
 */
export function compareFutures(point: ForkPoint, instead: Play, options: FutureOptions, onProgress?: (done: number, total: number) => void): Comparison {
  const real = new FutureTally(point, point.real, options);
  const other = new FutureTally(point, instead, options);
  const total = options.playouts * 2;
  for (let i = 0; i < options.playouts; i += 1) {
    real.step();
    other.step();
    onProgress?.(real.done + other.done, total);
  }
  return { at: point.at, side: point.side, round: point.state.G.round, real: real.summary(), instead: other.summary() };
}

/**
 * The game as it would stand had the side played `instead` at the fork: the real moves before
 * it, then `instead`. A record like any other (same scenario, length and seed), so a local match
 * can resume it for people to play on; the cards and events still to come are the real game's,
 * unless the changed move changes them. A teacher's early end (R4.7) is not kept: the people
 * who take the fork over play it to its last round.
 */
export function forkRecord(record: GameRecord, point: ForkPoint, instead: Play): GameRecord {
  const { move, args } = toMove(instead);
  const { scenario, length } = record.setup;
  return { ...record, setup: { scenario, length }, moves: [...record.moves.slice(0, point.at), { playerID: PLAYER_OF[point.side], move, args }] };
}
