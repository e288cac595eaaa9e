/** The round: start (delayed effects, world event, income) and end (drift, upkeep, snapshot) (R4, R8). */
import { CONTENT, must } from '../content';
import type { Side, TrackId } from '../content/types';
import { drawCards, HAND_LIMIT, type Dice } from './cards';
import { checkBreach, dealUpkeep } from './deals';
import { addToTrack, emptyOutcome, hasFlag, resolve, type Resolution } from './effects';
import { incomeOf, lastRound } from './rules';
import { suddenResult } from './scoring';
import type { DeRiskState, DriftId, Snapshot, Tracks } from './state';
import type { WorkingState, WorkingTracks } from './working-copy';
import { boundTrack, SIDE_TRACKS, TRACKS } from './tracks';

/** R8.7: at or below this interdependence, de-risking costs both economies every round. */
export const DE_RISKING_FLOOR = 5;

function resolution(G: WorkingState, dice: Dice, actor: Side | null, source: string): Resolution {
  return { G, actor, source, dice, out: emptyOutcome() };
}

export function snapshot(G: DeRiskState): Snapshot {
  return { round: G.round, tracks: { ...G.tracks }, dealHealth: G.deal ? G.deal.health : null };
}

/** The event of a round: the scenario's scheduled one, or the top of the world-event deck (R4.2). */
function drawEvent(G: WorkingState): { id: string; scheduled: boolean } | null {
  const scheduled = CONTENT.scenarios.get(G.scenario)?.schedule[G.round];
  if (scheduled) return { id: scheduled, scheduled: true };
  const id = G.eventDeck.pop();
  return id === undefined ? null : { id, scheduled: false };
}

/** At the end of the game: a last snapshot if it ended part-way through a round (R8.6). */
export function closeHistory(G: WorkingState): void {
  if ((G.history.at(-1)?.round ?? -1) < G.round) G.history.push({ ...snapshot(G), partial: true });
}

export function startRound(G: WorkingState, dice: Dice): void {
  G.round += 1;
  for (const side of ['us', 'cn'] as const) {
    G.sides[side].actionsTaken = 0;
    G.sides[side].passed = false;
  }
  G.roundPurchases = { boeing: 0, lng: 0, farm: 0, medical: 0 };

  // R4.1: effects scheduled "from next round".
  const due = G.delayed.filter((d) => d.round <= G.round);
  G.delayed = G.delayed.filter((d) => d.round > G.round);
  for (const d of due) {
    const r = resolution(G, dice, d.side, d.source);
    resolve(r, d.effects);
    G.chronicle.push({ kind: 'delayed', round: G.round, side: d.side, source: d.source, ...r.out });
  }
  if (suddenResult(G)) return;

  // R4.2: the world event.
  const event = drawEvent(G);
  G.currentEvent = event?.id ?? null;
  if (event) {
    const r = resolution(G, dice, null, `event:${event.id}`);
    resolve(r, must(CONTENT.events, event.id, 'event').effects);
    checkBreach(r);
    G.chronicle.push({ kind: 'event', round: G.round, event: event.id, scheduled: event.scheduled, ...r.out });
  }
  if (suddenResult(G)) return;

  // R4.3, R4.4: income and cards.
  for (const side of ['us', 'cn'] as const) {
    const r = resolution(G, dice, side, 'income');
    const amount = incomeOf(G, side).total;
    addToTrack(r, SIDE_TRACKS[side].leverage, amount);
    const drew = drawCards(G, side, HAND_LIMIT, dice);
    G.chronicle.push({ kind: 'income', round: G.round, side, amount, drew, ...r.out });
  }
}

/** One drift rule (R8.1–R8.4, R8.7): when it applies, and what it changes. */
export interface DriftRule {
  readonly id: DriftId;
  readonly rule: string;
  /** The track the board marks while the rule would apply at this round end. */
  readonly watch: TrackId | ((t: Readonly<Tracks>) => TrackId);
  readonly applies: (t: Readonly<Tracks>) => boolean;
  readonly changes: readonly (readonly [TrackId, number])[];
}

/**
 * What tariffs, bans, inflation, deflation and de-risking do at every round end, in order:
 * each rule reads the tracks as the rules before it left them (R8). The round end, the
 * board's warnings and the computer opponents' foresight all read this one table.
 */
export const DRIFT_RULES: readonly DriftRule[] = [
  { id: 'tariffPrices', rule: 'R8.1', watch: 'usTariff', applies: (t) => t.usTariff >= 3, changes: [['usInflation', 1]] },
  { id: 'tariffGrowth', rule: 'R8.2', watch: (t) => (t.exportControls >= 4 && t.cnChipDependence >= 3 ? 'exportControls' : 'usTariff'), applies: (t) => t.usTariff >= 4 || (t.exportControls >= 4 && t.cnChipDependence >= 3), changes: [['cnGrowth', -1]] },
  { id: 'mineralPrices', rule: 'R8.3', watch: 'usMineralDependence', applies: (t) => t.mineralBans >= 2 && t.usMineralDependence >= 3, changes: [['usInflation', 1]] },
  { id: 'inflationSupport', rule: 'R8.4', watch: 'usInflation', applies: (t) => t.usInflation >= 7, changes: [['usSupport', -1]] },
  { id: 'growthSupport', rule: 'R8.4', watch: 'cnGrowth', applies: (t) => t.cnGrowth <= 2, changes: [['cnSupport', -1]] },
  {
    id: 'deRisking',
    rule: 'R8.7',
    watch: 'interdependence',
    applies: (t) => t.interdependence <= DE_RISKING_FLOOR,
    changes: [
      ['usInflation', 1],
      ['cnGrowth', -1],
    ],
  },
];

/**
 * Runs the drift rules on `tracks` with `apply` making each change (the engine's chronicled
 * `addToTrack`, or a plain clamp for a bot looking ahead), told which rule asks for it.
 */
export function runDrift(tracks: Readonly<Tracks>, apply: (track: TrackId, delta: number, rule: DriftId) => void): void {
  for (const rule of DRIFT_RULES) {
    if (!rule.applies(tracks)) continue;
    for (const [track, delta] of rule.changes) apply(track, delta, rule.id);
  }
}

/**
 * A forecast of one round end on plain `tracks` (changed in place): the escalation step
 * (R8.5) and drift (R8.1–R8.4, R8.7), with no dice, chronicle or deal upkeep. Values are
 * kept in range but not rounded, so a planner can fold in expected values.
 */
export function foreseeRoundEnd(G: DeRiskState, tracks: WorkingTracks): void {
  const nudge = (track: TrackId, delta: number) => {
    tracks[track] = boundTrack(track, tracks[track] + delta);
  };
  if (hasFlag(G, 'tariffEscalation') && tracks.usTariff < TRACKS.usTariff.max) {
    nudge('usTariff', 1);
    if (!hasFlag(G, 'tariffShield')) nudge('cnGrowth', -1);
    nudge('relationship', -1);
  }
  runDrift(tracks, nudge);
}

/**
 * The tracks to watch: each will cost someone at this round's end if it stays where it is
 * (R8), or is one step from a sudden end (R11). The board marks them.
 */
export function warnings(G: DeRiskState): TrackId[] {
  const t = G.tracks;
  const out: TrackId[] = [];
  for (const rule of DRIFT_RULES) {
    if (!rule.applies(t)) continue;
    const track = typeof rule.watch === 'function' ? rule.watch(t) : rule.watch;
    if (!out.includes(track)) out.push(track);
  }
  if (t.usSupport <= 1) out.push('usSupport');
  if (t.cnSupport <= 1) out.push('cnSupport');
  if (t.relationship <= 1) out.push('relationship');
  return out;
}

export function endRound(G: WorkingState, dice: Dice): void {
  if (suddenResult(G)) return;

  // R8.5: a tariff-escalation plan adds a step every round until a deal is signed.
  if (hasFlag(G, 'tariffEscalation') && G.tracks.usTariff < TRACKS.usTariff.max) {
    const r = resolution(G, dice, 'us', 'escalation');
    addToTrack(r, 'usTariff', 1);
    resolve(r, [{ kind: 'tariffHit', amount: 1 }]);
    addToTrack(r, 'relationship', -1);
    checkBreach(r);
    G.chronicle.push({ kind: 'escalation', round: G.round, ...r.out });
    if (suddenResult(G)) return;
  }

  const r = resolution(G, dice, null, 'drift');
  // Each rule that moved a track is named in the entry, so the round-end summary can say why
  // (a rule whose track was already at its limit changed nothing and is not named).
  const moved: DriftId[] = [];
  runDrift(G.tracks, (track, delta, rule) => {
    const before = G.tracks[track];
    addToTrack(r, track, delta);
    if (G.tracks[track] !== before && !moved.includes(rule)) moved.push(rule);
  });
  r.out.notes.push(...moved.map((rule) => ({ kind: 'drift' as const, rule })));
  if (r.out.changes.length > 0) G.chronicle.push({ kind: 'drift', round: G.round, ...r.out });

  // R7.4: the deal's commitments.
  dealUpkeep(G, dice);

  // R8.6: effects that last one round expire.
  G.flags = G.flags.filter((f) => f.duration !== 'round');
  G.discounts = G.discounts.filter((d) => d.duration !== 'round');

  G.history.push(snapshot(G));
  if (G.round >= lastRound(G)) G.finished = true;
}

/**
 * The state set to end after the current round's round end: a teacher's "finish after this
 * round" (issue 12, R11.3). Null when there is nothing to change (the game is over, not yet
 * started, or ends after this round anyway).
 */
export function finishingAfterThisRound(G: DeRiskState): DeRiskState | null {
  if (G.finished || G.round < 1 || lastRound(G) <= G.round) return null;
  return { ...G, endsAfter: G.round };
}
