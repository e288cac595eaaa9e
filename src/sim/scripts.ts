/**
 * Scripted players: the strategies a sharp student tries on the computer, written down so the
 * balance checks can play them (`npm run simulate -- --bots script/tariffs:hard`, and the exploit
 * table of `npm run simulate -- --exploits`). None of them thinks ahead; each follows one rule,
 * and its `careful-` variant also refuses any play that would leave the relationship or its
 * own support at 1 or less, the sudden losses of R11 that a student learns to avoid after one
 * game. A script sees only its own side's view, as a person at the board does.
 *
 * A strategy that wins against the computer more often than the computer wins against itself is
 * a hole in the rules or in the bots: rules/balance.md keeps the table.
 */
import type { Ctx } from 'boardgame.io';
import { botView, lite, project } from '../bots/position';
import { seededRandom } from '../bots/random';
import type { TrackId } from '../content/types';
import { CONTENT } from '../content';
import {
  SIDE_TRACKS,
  actingSide,
  costOf,
  legalPlays,
  other,
  previewPlay,
  scoreFor,
  toMove,
  type BotMove,
  type DeRiskState,
  type Play,
  type Side,
} from '../game';

/** What a script is given: its own view of the position, and a seeded generator of its own. */
interface Turn {
  readonly G: DeRiskState;
  readonly ctx: Ctx;
  readonly side: Side;
  readonly plays: readonly Play[];
  readonly rand: () => number;
}

type Rule = (turn: Turn) => Play;

const BARRIER: Record<Side, readonly TrackId[]> = { us: ['usTariff', 'exportControls'], cn: ['cnTariff', 'mineralBans'] };

const answer = (turn: Turn, accept: boolean): Play => ({ kind: accept && turn.plays.some((p) => p.kind === 'accept') ? 'accept' : 'reject' });
const spends = (p: Play) => p.kind === 'action' || p.kind === 'card';
const pass: Play = { kind: 'pass' };

function changesOf(turn: Turn, play: Play): Partial<Record<TrackId, number>> {
  const preview = spends(play) || play.kind === 'propose' ? previewPlay(turn.G, turn.side, play) : null;
  const out: Partial<Record<TrackId, number>> = {};
  for (const c of preview?.changes ?? []) out[c.track] = (out[c.track] ?? 0) + c.to - c.from;
  return out;
}

/** How hostile a play is: relationship cut, own barriers raised, the other's support taken. */
function hostility(turn: Turn, play: Play): number {
  const d = changesOf(turn, play);
  const barriers = BARRIER[turn.side].reduce((n, t) => n + Math.max(0, d[t] ?? 0), 0);
  return 2 * -(d.relationship ?? 0) + barriers + -(d[SIDE_TRACKS[other(turn.side)].support] ?? 0);
}

/** Own score minus the other side's once the play is made (the other's agenda counts 0, as the script cannot see it). */
function gapAfter(turn: Turn, play: Play): number {
  const after = project(lite(turn.G), turn.side, play).G;
  const own = scoreFor(after, turn.side);
  const theirs = scoreFor(after, other(turn.side));
  return own.total - (theirs.total - theirs.agenda);
}

const cost = (turn: Turn, play: Play): number => {
  if (play.kind !== 'action' && play.kind !== 'card') return 0;
  const def = play.kind === 'action' ? CONTENT.actions.get(play.id) : CONTENT.cards.get(play.id);
  return def ? costOf(turn.G, turn.side, def) : 0;
};

/** The best play by `score` (ties: the earlier in the engine's order), or pass. */
function best(plays: readonly Play[], score: (p: Play) => number): Play {
  let top: Play = pass;
  let topScore = -Infinity;
  for (const p of plays) {
    const s = score(p);
    if (s > topScore) {
      top = p;
      topScore = s;
    }
  }
  return top;
}

/** The play that most widens its score lead right now (R11.3, as the board shows it); signs a deal that widens it. */
const greedy: Rule = (turn) => {
  const now = gapAfter(turn, pass);
  if (turn.G.proposal) return answer(turn, gapAfter(turn, { kind: 'accept' }) > gapAfter(turn, { kind: 'reject' }));
  const top = best(turn.plays.filter((p) => p.kind !== 'pass'), (p) => gapAfter(turn, p));
  return gapAfter(turn, top) > now ? top : pass;
};

export const SCRIPT_BASES = ['pass', 'cheapest', 'aggressive', 'tariffs', 'hoard', 'greedy', 'sameDeal', 'random'] as const;
export type ScriptBase = (typeof SCRIPT_BASES)[number];

const RULES: Readonly<Record<ScriptBase, Rule>> = {
  /** Always passes, and rejects every deal. */
  pass: (turn) => (turn.G.proposal ? answer(turn, false) : pass),
  /** The cheapest action or card it can play (tariffs first among equals); rejects deals. */
  cheapest: (turn) => (turn.G.proposal ? answer(turn, false) : best(turn.plays.filter(spends), (p) => -cost(turn, p))),
  /** The most hostile play each time, while any is left; rejects deals. */
  aggressive: (turn) => (turn.G.proposal ? answer(turn, false) : best(turn.plays.filter((p) => spends(p) && hostility(turn, p) > 0), (p) => hostility(turn, p))),
  /**
   * The short-game tariff script: raise its own tariff, else its other barrier (export controls,
   * mineral bans), else pass; rejects every deal.
   */
  tariffs: (turn) => {
    if (turn.G.proposal) return answer(turn, false);
    const [tariff, second] = BARRIER[turn.side];
    const raising = (track: TrackId | undefined) => turn.plays.find((p) => track !== undefined && spends(p) && (changesOf(turn, p)[track] ?? 0) > 0);
    return raising(tariff) ?? raising(second) ?? pass;
  },
  /** Saves its leverage until the last round, then plays greedily; rejects deals. */
  hoard: (turn) => {
    if (turn.G.proposal) return answer(turn, false);
    if (turn.G.round < turn.G.length) return pass;
    return greedy(turn);
  },
  greedy,
  /** Proposes the same deal (the first the engine lists) whenever it can, and signs every deal. */
  sameDeal: (turn) => {
    if (turn.G.proposal) return answer(turn, true);
    return turn.plays.find((p) => p.kind === 'propose') ?? pass;
  },
  /** Anything legal, at random (a bored student). */
  random: (turn) => turn.plays[Math.floor(turn.rand() * turn.plays.length)] ?? pass,
};
/** Every script: each rule, and its careful variant. */
export const SCRIPTS: readonly string[] = SCRIPT_BASES.flatMap((name) => [name, `careful-${name}`]);

/** A play that leaves the relationship or the side's own support at 1 or less (R11's sudden losses). */
function reckless(turn: Turn, play: Play): boolean {
  if (!spends(play) && play.kind !== 'propose') return false;
  const preview = previewPlay(turn.G, turn.side, play);
  const after = (track: TrackId) => preview?.changes.findLast((c) => c.track === track)?.to ?? turn.G.tracks[track];
  return after('relationship') <= 1 || after(SIDE_TRACKS[turn.side].support) <= 1;
}

/** The move a script makes for the side that must act in (G, ctx), from that side's view. */
export function scriptMove(name: string, G: DeRiskState, ctx: Ctx, seed: number): BotMove {
  const careful = name.startsWith('careful-');
  const base = SCRIPT_BASES.find((b) => b === (careful ? name.slice('careful-'.length) : name));
  if (base === undefined) throw new Error(`Unknown script "${name}"; use ${SCRIPTS.join(', ')}.`);
  const rule = RULES[base];
  const side = actingSide(G, ctx);
  if (!side) throw new Error('No side must act: the game is over.');
  const view = botView(G, ctx, side);
  const all = legalPlays(view, ctx, side);
  const rand = seededRandom(seed ^ (view.round * 7919 + view.chronicle.length));
  const turn: Turn = { G: view, ctx, side, rand, plays: careful ? all.filter((p) => !reckless({ G: view, ctx, side, rand, plays: all }, p)) : all };
  const chosen = rule(turn);
  const legal = all.some((p) => JSON.stringify(p) === JSON.stringify(chosen));
  return toMove(legal ? chosen : G.proposal ? { kind: 'reject' } : pass);
}
