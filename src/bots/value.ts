/**
 * How good a position is for one side: the engine's score difference (R11.3), looked at a
 * little ahead (pending "next round" effects, the engine's forecast of the coming round ends), plus terms
 * for the dangers the score does not show: support near 0 (R11.1), a relationship near 0
 * that this side cut last (R11.2), leverage and income for later rounds, agenda progress
 * (R10) and a deal's upkeep (R7.4). Persona weights tilt the sum.
 */
import { CONTENT } from '../content';
import type { Condition, Side, TrackId } from '../content/types';
import {
  ACTIONS_PER_ROUND,
  COLLAPSE_RELATIONSHIP,
  COLLAPSE_SUPPORT,
  LEVERAGE_CAP,
  SIDE_TRACKS,
  TRACKS,
  allHold,
  boundTrack,
  canStillAct,
  erosion,
  foreseeRoundEnd,
  gameResult,
  incomeOf,
  lastRound,
  missedCommitments,
  other,
  previewPlay,
  scoreFor,
  type DeRiskState,
  type Tracks,
  type WorkingTracks,
} from '../game';
import type { Weights } from './persona';

export const WIN = 1000;

/** A finished game's worth: a win or a loss outweighs everything else. */
export function terminalValue(G: DeRiskState, side: Side): number | null {
  const result = gameResult(G);
  if (!result) return null;
  if (result.kind === 'score' || result.kind === 'stalemate') {
    const margin = result.scores[side].total - result.scores[other(side)].total;
    if (result.kind === 'stalemate') return 0;
    return (result.winnerSide === side ? WIN : -WIN) + margin;
  }
  if (result.winnerSide === null) return -WIN / 4;
  return result.winnerSide === side ? WIN : -WIN;
}

/** Moves a track within its range, unrounded: a bot's positions hold expected, fractional values (position.ts). */
function nudge(T: WorkingTracks, track: TrackId, delta: number): void {
  T[track] = boundTrack(track, T[track] + delta);
}

/** Tracks once the effects already scheduled "from next round" have happened (R4.1). */
function settled(G: DeRiskState): WorkingTracks {
  const T = { ...G.tracks };
  for (const d of G.delayed) {
    if (d.round > lastRound(G)) continue; // due after the last round: it never happens
    for (const e of d.effects) if (e.kind === 'track') nudge(T, e.track, e.delta);
  }
  return T;
}

/** How far a condition is from holding, in rough steps (0 when it holds). */
function distance(G: DeRiskState, T: Tracks, c: Condition): number {
  switch (c.kind) {
    case 'atLeast':
      return Math.max(0, c.value - T[c.track]);
    case 'atMost':
      return Math.max(0, T[c.track] - c.value);
    case 'approvedPlants':
      return Math.max(0, c.atLeast - G.offers.approved - 0.5 * Math.min(G.offers.pending, 1));
    case 'purchases':
      return Math.max(0, c.atLeast - G.purchases[c.good]);
    case 'dealCommitments':
      return G.deal ? 2 * Math.max(0, c.atLeast - G.deal.commitments.length) : 3;
    case 'lowestRelationship':
      return G.lowestRelationship >= c.atLeast ? 0 : 99;
    case 'dealInForce':
    case 'flag':
    case 'noDeal':
    case 'noFlag':
    case 'pendingOffer':
      return 1;
  }
}

/** The agenda's worth now: its points if met, part of them while it is within reach (R10). */
function agendaWorth(G: DeRiskState, T: Tracks, side: Side, met: boolean): number {
  const id = G.sides[side].agenda;
  const def = id ? CONTENT.agendas.get(id) : undefined;
  if (!def) return 0;
  if (met) return def.points;
  const roundsAfter = lastRound(G) - G.round;
  const steps = def.goal.reduce((sum, c) => sum + distance(G, T, c), 0);
  return def.points * Math.max(0, 0.7 - 0.18 * steps) * (roundsAfter > 0 ? 1 : 0.3);
}

/** Own score minus the other side's, on these tracks (the other's secret agenda counts 0). */
function scoreDiff(G: DeRiskState, T: Tracks, side: Side): number {
  const at = { ...G, tracks: T };
  const own = scoreFor(at, side);
  const theirs = scoreFor(at, other(side));
  return own.total - own.agenda + agendaWorth(G, T, side, own.agendaMet) - (theirs.total - theirs.agenda);
}

/**
 * How much support one menu play by `by` can take from the other side now (R11.1's threat).
 * Its cards are unknown to the other side, so an unseen hand counts for a little.
 */
export function reachOf(G: DeRiskState, by: Side): number {
  const target = SIDE_TRACKS[other(by)].support;
  let reach = 0;
  for (const def of CONTENT.menus[by]) {
    if (!def.requires.every((r) => allHold(G, [r.when]))) continue;
    const change = previewPlay(G, by, { kind: 'action', id: def.id })?.changes.find((c) => c.track === target);
    if (change) reach = Math.max(reach, change.from - change.to);
  }
  return reach > 0 ? reach : 0.3;
}

/**
 * Danger of a support near 0: the other side may finish it off (R11.1). `threat` is what it
 * could still take this round, after this side's own answers; `reach` what one play can take.
 */
function supportDanger(support: number, threat: number, reach: number): number {
  const margin = support - threat;
  const now = margin <= 0 ? 250 : margin <= 1 ? 40 : margin <= 2 ? 8 : 0;
  const later = support <= 1 ? 150 : support <= 2 ? 25 : support <= 3 ? 5 : 0;
  return Math.max(now, later * Math.min(1, reach));
}

/** Support `side` could still lose to the other side's plays this round (R4.5 turn order). */
function threatTo(G: DeRiskState, side: Side, reach: number): number {
  const them = G.sides[other(side)];
  const mine = G.sides[side];
  const left = (s: typeof mine) => (s.passed ? 0 : Math.max(0, ACTIONS_PER_ROUND - s.actionsTaken));
  const hits = Math.min(left(them), G.tracks[SIDE_TRACKS[other(side)].leverage]);
  return Math.max(0, hits * reach - left(mine));
}

/** Danger of a relationship near 0 for the side that cut it last: an event could end it (R11.2). */
function ruptureDanger(relationship: number): number {
  if (relationship <= 1) return 150;
  if (relationship <= 2) return 20;
  if (relationship <= 3) return 1.5;
  return 0;
}

export interface ValueExtras {
  /** Cards the play is expected to draw. */
  readonly draws?: number;
  /** What one play of each side can take from the other's support (see `reachOf`). */
  readonly reach?: Readonly<Record<Side, number>>;
}

/** The value of position `G` for `side` with these weights; larger is better. */
export function valueOf(G: DeRiskState, side: Side, w: Weights, extras: ValueExtras = {}): number {
  const terminal = terminalValue(G, side);
  if (terminal !== null) return terminal;
  const them = other(side);
  const own = SIDE_TRACKS[side];
  const T = settled(G);
  const roundEnds = Math.min(2, lastRound(G) - G.round + 1);
  const afterOne = { ...T };
  foreseeRoundEnd(G, afterOne);
  const collapsing = dealWillCollapse(G);
  if (collapsing) {
    nudge(afterOne, 'relationship', COLLAPSE_RELATIONSHIP);
    nudge(afterOne, 'cnSupport', COLLAPSE_SUPPORT);
  }
  const later = { ...afterOne };
  for (let i = 1; i < roundEnds; i += 1) foreseeRoundEnd(G, later);

  const now = scoreDiff(G, T, side);
  let v = w.score * (0.4 * now + 0.6 * scoreDiff(G, later, side));

  // Sudden ends: a support or the relationship at 0 after this round's end (R11).
  const escalating = hasEscalation(G) && T.usTariff < TRACKS.usTariff.max;
  const cutter = collapsing ? 'cn' : escalating ? 'us' : G.lastRelationshipCut;
  if (afterOne[own.support] <= 0) v -= WIN / 2;
  if (afterOne[SIDE_TRACKS[them].support] <= 0) v += WIN / 4;
  if (afterOne.relationship <= 0) v += cutter === side ? -WIN / 2 : cutter === them ? WIN / 4 : -WIN / 8;

  const reach = extras.reach ?? { us: 1, cn: 1 };
  v -= supportDanger(afterOne[own.support], threatTo(G, side, reach[them]), reach[them]);
  v += 0.5 * supportDanger(afterOne[SIDE_TRACKS[them].support], threatTo(G, them, reach[side]), reach[side]);
  const danger = ruptureDanger(afterOne.relationship);
  if (cutter === side) v -= w.caution * danger;
  else if (cutter === them) v += 0.5 * danger;
  v -= 0.1 * danger;

  v += w.support * T[own.support];
  v += w.relationship * T.relationship;
  v += w.interdependence * T.interdependence;
  v += w.barriers * (side === 'us' ? T.usTariff + T.exportControls : T.cnTariff + T.mineralBans);

  const roundsAfter = lastRound(G) - G.round;
  const ahead = Math.min(roundsAfter, 2);
  const ownIncome = incomeOf({ ...G, tracks: afterOne }, side).total;
  const theirIncome = incomeOf({ ...G, tracks: afterOne }, them).total;
  v += 0.4 * (ownIncome - theirIncome) * ahead;
  const room = Math.max(0, LEVERAGE_CAP - ownIncome);
  v += (roundsAfter > 0 ? 0.45 : 0.05) * Math.min(T[own.leverage], room);
  v += 0.4 * (extras.draws ?? 0);

  if (G.deal) {
    v += w.deal;
    v += upkeepRisk(G, side);
  }
  return v;
}

function hasEscalation(G: DeRiskState): boolean {
  return G.flags.some((f) => f.flag === 'tariffEscalation');
}

/** Missed promises this round, as a share of the deal's purchase terms (0 when none are due). */
function missedShare(G: DeRiskState): number {
  const missed = missedCommitments(G).length;
  return missed === 0 || !G.deal ? 0 : missed / G.deal.commitments.length;
}

/**
 * The deal will collapse at this round end: its last health, and a promise missed with Beijing
 * done acting, or ties cut with both sides done (R7.4, R7.5).
 */
function dealWillCollapse(G: DeRiskState): boolean {
  if (G.deal === null || G.deal.health > 1) return false;
  const missed = !canStillAct(G, 'cn') && missedShare(G) > 0;
  const worn = !canStillAct(G, 'us') && !canStillAct(G, 'cn') && erosion(G) !== null;
  return missed || worn;
}

/**
 * A deal's purchase promises not yet kept this round cost Beijing health, then the deal; a round
 * that cut ties costs both sides the deal's health, charging nobody (R7.4).
 */
function upkeepRisk(G: DeRiskState, side: Side): number {
  const missed = missedShare(G);
  if (!G.deal) return 0;
  const stake = G.deal.health <= 1 ? 8 : 3;
  const wearing = missed === 0 && erosion(G) !== null ? -0.6 * stake : 0;
  return wearing + (side === 'cn' ? -stake * missed : 0.3 * stake * missed);
}
