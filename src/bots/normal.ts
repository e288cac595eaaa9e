/**
 * The normal bot: one-play lookahead with the engine's own preview. Every legal play (and a
 * small sample of deal proposals) is previewed, the resulting position is valued from the
 * bot's side, the persona adds its leanings, and the best play wins. A proposal is worth
 * what signing would give times the chance the other side signs, judged by the same value
 * function from the other side's seat.
 */
import type { Side } from '../content/types';
import { SIDE_TRACKS, dealCost, lastRound, hawkVerdict, legalPlays, other, whyRefused, type BotReason, type DeRiskState, type Play, type TrackChange, type TurnInfo } from '../game';
import { weightsFor, type Weights } from './persona';
import { lite, project, projectRejected, type Projection } from './position';
import { mainChanges, motive } from './reasons';
import type { Persona } from './types';
import { reachOf, valueOf } from './value';

export interface Candidate {
  readonly play: Play;
  readonly value: number;
  readonly changes: readonly TrackChange[];
  readonly hostile: boolean;
  readonly friendly: boolean;
  /** For a proposal: the chance the bot gives the other side signing it. */
  readonly acceptance?: number;
  /** For a recycle: the card cannot be played now. */
  readonly dead?: boolean;
}

export interface RankOptions {
  /** How many deal proposals to consider (drawn from the legal ones with the seeded generator). */
  readonly proposals: number;
  /** Size of the seeded noise that breaks ties and varies play. */
  readonly noise: number;
}

export const NORMAL_OPTIONS: RankOptions = { proposals: 10, noise: 0.2 };

const BARRIERS = ['usTariff', 'cnTariff', 'exportControls', 'mineralBans'] as const;

/** A play is hostile if it cuts the relationship or raises a barrier; friendly if it builds ties. */
export function tone(play: Play, p: Projection): { hostile: boolean; friendly: boolean } {
  const changes = p.preview?.changes ?? [];
  const rel = changes.find((c) => c.track === 'relationship');
  const hostile = (rel !== undefined && rel.to < rel.from) || changes.some((c) => BARRIERS.some((b) => b === c.track && c.to > c.from));
  const builds = (p.preview?.notes ?? []).some((n) => n.kind === 'purchase' || n.kind === 'offerMade' || n.kind === 'offerApproved');
  const friendly = play.kind === 'propose' || play.kind === 'accept' || (rel !== undefined && rel.to > rel.from) || builds;
  return { hostile, friendly };
}

/** What the persona adds to a play's value for its tone (and, for signing, its view of deals). */
export function personaBonus(w: Weights, t: { hostile: boolean; friendly: boolean }, play: Play): number {
  return (t.hostile ? w.hostility : 0) + (t.friendly ? w.cooperation : 0) + (play.kind === 'accept' ? w.dealBias : 0);
}

/** A seeded pick of `count` proposals, preferring ones both sides' hawks can live with (R7.3). */
function sampleProposals(all: readonly Play[], side: Side, count: number, rand: () => number): Play[] {
  const tolerable = all.filter((p) => {
    if (p.kind !== 'propose') return false;
    const v = hawkVerdict(p.terms);
    return v[side] >= -1 && v[other(side)] >= -1;
  });
  const pool = [...(tolerable.length > 0 ? tolerable : all)];
  const out: Play[] = [];
  while (out.length < count && pool.length > 0) {
    const [picked] = pool.splice(Math.floor(rand() * pool.length), 1);
    if (picked) out.push(picked);
  }
  return out;
}

/**
 * The chance the other side signs, from its seat with balanced weights (its persona is unknown),
 * halved for every deal it has already refused this game: a player who says no to everything
 * is not offered deal after deal (each costs leverage and an action).
 */
function acceptance(G: DeRiskState, signed: DeRiskState, rejected: DeRiskState, side: Side, reach: Record<Side, number>, refusals: number): number {
  const them = other(side);
  const w = weightsFor('balanced', G, them);
  const gain = valueOf(signed, them, w, { reach }) - valueOf(rejected, them, w, { reach });
  const odds = gain > 0.5 ? 0.8 : gain > -1 ? 0.35 : 0.05;
  return odds * 0.5 ** refusals;
}

/** Deals the other side of `side` has refused so far (the chronicle is public). */
export function refusalsBy(view: DeRiskState, side: Side): number {
  return view.chronicle.filter((e) => e.kind === 'dealRejected' && e.side === other(side)).length;
}

/** Every considered play of `side` in its view `view`, best first. */
export function rankPlays(view: DeRiskState, ctx: TurnInfo, side: Side, persona: Persona, rand: () => number, opts: RankOptions): Candidate[] {
  const w = weightsFor(persona, view, side);
  const G = lite(view);
  const refusals = refusalsBy(view, side);
  const reach = { us: reachOf(G, 'us'), cn: reachOf(G, 'cn') };
  const legal = legalPlays(G, ctx, side);
  const proposals = legal.filter((p) => p.kind === 'propose');
  const plays = [...legal.filter((p) => p.kind !== 'propose'), ...sampleProposals(proposals, side, opts.proposals, rand)];
  const out: Candidate[] = [];
  for (const play of plays) {
    const p = project(G, side, play);
    const t = tone(play, p);
    let value = valueOf(p.G, side, w, { draws: p.draws, reach }) + personaBonus(w, t, play);
    let extra: Partial<Candidate> = {};
    if (play.kind === 'propose') {
      const rejected = projectRejected(G, side, dealCost(G, side));
      const chance = acceptance(G, p.G, rejected, side, reach, refusals);
      value = chance * value + (1 - chance) * (valueOf(rejected, side, w, { reach }) + personaBonus(w, t, play));
      extra = { acceptance: chance };
    } else if (play.kind === 'recycle') {
      const code = whyRefused(G, ctx, side, { kind: 'card', id: play.id })?.code;
      const dead = code === 'requirement' || code === 'pandemic';
      value += dead ? 0.6 : -1.5;
      extra = { dead };
    }
    value += (rand() - 0.5) * opts.noise;
    out.push({ play, value, changes: p.preview?.changes ?? [], ...t, ...extra });
  }
  return out.sort((a, b) => b.value - a.value);
}

/** Why the chosen candidate won, from the bot's side, as a reason the client words (R12). */
export function explain(best: Candidate, all: readonly Candidate[], G: DeRiskState, side: Side, persona: Persona): BotReason {
  const why = motive(persona, G, side, best.hostile, best.friendly);
  const leaning = why ? { motive: why } : {};
  const changes = mainChanges(best.changes);
  const play = best.play;
  switch (play.kind) {
    case 'action':
    case 'card':
      return { kind: play.kind, id: play.id, changes, ...leaning };
    case 'propose': {
      const odds = best.acceptance !== undefined && best.acceptance >= 0.5 ? 'likely' : 'longShot';
      return { kind: 'propose', terms: [...play.terms], changes, odds, ...leaning };
    }
    case 'accept':
      return { kind: 'accept', changes, ...leaning };
    case 'reject': {
      const signing = all.find((c) => c.play.kind === 'accept');
      return { kind: 'reject', why: { kind: 'worthLess', changes: signing ? mainChanges(signing.changes) : [] } };
    }
    case 'recycle':
      return { kind: 'recycle', card: best.dead ? 'dead' : 'weak' };
    case 'pass': {
      const lev = G.tracks[SIDE_TRACKS[side].leverage];
      if (lev === 0) return { kind: 'pass', why: { kind: 'noLeverage' } };
      if (G.round >= lastRound(G)) return { kind: 'pass', why: { kind: 'lastRound' } };
      return { kind: 'pass', why: { kind: 'saveLeverage', keep: lev } };
    }
  }
}
