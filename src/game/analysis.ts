/**
 * Questions a debrief asks of a finished (or running) game: its turning points, what ended it,
 * and how the game compares with the essay's forecast that de-risking continues whatever deal
 * is struck.
 *
 * **Turning points, and why they are measured this way.** A game is won on the score gap after
 * the last round (R11.3) or by a sudden end (R11.1, R11.2), so an entry of the chronicle matters
 * by how far it moved the one and how near it brought the other:
 *
 * - *The gap.* Each entry is measured by how much it changed Washington's total minus Beijing's
 *   (`scoreFor`, R11.3). Agendas are left out for every entry alike: they are checked only at
 *   the end, on conditions the tracks alone do not give (purchases, factories, the lowest
 *   relationship). The deal bonus cancels out, as both sides score it. Leverage is not scored.
 * - *Before and after.* The tracks before and after each entry are rebuilt from the setup
 *   snapshot (`G.history[0]`) and the entries' `changes`, which are exact from → to values. So
 *   every kind of entry is measured the same way: a play, a world event, the round-end drift,
 *   an escalation step, a deal's collapse, the effects a card left for the next round. Income is
 *   bookkeeping and is left out.
 * - *Danger.* A support or the relationship at 2, 1 or 0 is 1, 2 or 3 steps of danger
 *   (`dangerOf`). Each step taken or undone counts `DANGER_POINTS`, and the entry that ended the
 *   game counts `END_POINTS` more. A move to the brink then ranks high even when the points
 *   barely moved, and the play that ended the game always leads its list.
 * - *Repeats.* The same play by the same side becomes one item with the summed effect ("Raise
 *   tariffs ×3 (rounds 2, 4, 5)"). A card's or action's delayed effects join it, and the
 *   round-end drift of every round is one item. Repeats no longer fill the list, and a move
 *   whose effects cancel out over the game drops out.
 * - *Whose, and which way.* An item belongs to the side `creditedTo` names (null for events
 *   and drift). Its value to a side is the gap moved toward that side, plus the danger it took
 *   off that side's support and put on the other's, minus the danger its own play put on the
 *   relationship (a side that breaks it loses, R11.2), plus or minus `END_POINTS` for the
 *   winner or loser if it ended the game. The winner's plays are listed by how much they
 *   helped it, the loser's by how much they cost it (a loser none of whose plays cost it
 *   points lost on the other side's plays and the world's), and the world's by size: the
 *   biggest event, and the round-end drift when it moved the game more. After a draw, each
 *   side's most helpful plays are listed. This replaces a weighted sum of
 *   raw track changes, which put half the turning points in round 1, never chose an event,
 *   listed the same move several times and credited winner and loser alike.
 */
import type { Side, TrackId } from '../content/types';
import { MOVES } from './registry';
import { gameResult, scoreFor } from './scoring';
import type { Cause, ChronicleEntry, ChronicleKind, DeRiskState, TrackChange, Tracks } from './state';
import { other } from './sides';

/** How much a change to each track matters to the story (leverage is bookkeeping): `swingOf`. */
const WEIGHT: Partial<Record<TrackId, number>> = {
  relationship: 2,
  usSupport: 2,
  cnSupport: 2,
  usInflation: 1,
  cnGrowth: 1,
  interdependence: 1,
  usTariff: 1,
  cnTariff: 1,
  exportControls: 1,
  mineralBans: 1,
  usMineralDependence: 1,
  cnChipDependence: 1,
};

/** Points a step of danger counts (`dangerOf`): a support of 3 taken to 1 counts 4 on top of its 4 points of score. */
export const DANGER_POINTS = 2;
/** Points the entry that ended the game counts on top: more than any ordinary swing. */
export const END_POINTS = 20;
/** The tracks whose reaching 0 ends the game (R11.1, R11.2). */
const DANGER_TRACKS = ['usSupport', 'cnSupport', 'relationship'] as const satisfies readonly TrackId[];
type DangerTrack = (typeof DANGER_TRACKS)[number];
const SUPPORT: Record<Side, DangerTrack> = { us: 'usSupport', cn: 'cnSupport' };

/** Steps of danger at a value of a support or the relationship: 3 at 0, 2 at 1, 1 at 2, none above. */
export function dangerOf(value: number): number {
  return Math.max(0, 3 - value);
}

export type TurningRole = 'helped' | 'cost' | 'world';

export interface TrackDelta {
  readonly track: TrackId;
  readonly delta: number;
}

export interface TurningPoint {
  /** The round of the first play of the item. */
  round: number;
  /** Who it is credited to (`creditedTo`); null for world events and round-end drift. */
  side: Side | null;
  /** The item's first entry (the play itself, not its delayed effects). */
  entry: ChronicleEntry;
  /** The size that ranks it: the gap it moved, in points, plus its danger and a sudden end (see the file's comment). */
  swing: number;
  /** The first entry's changes, leverage left out. */
  changes: TrackChange[];
  /** `helped`: a play that helped its side win (or, after a draw, helped its side); `cost`: the loser's costliest plays; `world`: events and drift. */
  role: TurningRole;
  /** Every entry of the item: each repeat of the play, and its delayed effects. */
  entries: ChronicleEntry[];
  /** The rounds it was played in, in order. */
  rounds: number[];
  /** How many times it was played (delayed effects not counted). */
  count: number;
  /** How much it moved the score gap toward Washington (negative: toward Beijing), agendas left out. */
  gap: number;
  /** Steps of danger it added or took away, in all. */
  danger: number;
  /** It ended the game. */
  ended: boolean;
  /** Each track's summed change over all its entries, leverage left out. */
  deltas: TrackDelta[];
  /** For its side: points it helped (positive) or cost (negative); for the world: its swing. */
  value: number;
}

export interface TurningLimits {
  /** The winner's plays that helped it most. */
  helped: number;
  /** The loser's costliest plays. */
  cost: number;
  /** The biggest world events (the round-end drift is added when it moved the game more). */
  world: number;
  /** After a draw: each side's most helpful plays. */
  each: number;
}

export const TURNING_LIMITS: TurningLimits = { helped: 3, cost: 2, world: 1, each: 2 };

/** The chronicle entries that moves write (the registry says which), as opposed to events and round-end steps. */
const MOVE_ENTRIES: ReadonlySet<ChronicleKind> = new Set(Object.values(MOVES).map((spec) => spec.chronicle));

/** Whose move made this entry, if a move did: the answering side for a signed deal (its `side` is the proposer). */
export function moverOf(entry: ChronicleEntry): Side | null {
  if (!MOVE_ENTRIES.has(entry.kind)) return null;
  if (entry.kind === 'dealSigned') return entry.side ? other(entry.side) : null;
  return 'side' in entry ? entry.side : null;
}

/** Who an entry is credited to: the mover, but the proposer of a signed deal, or whoever a round-end step charges. */
export function creditedTo(entry: ChronicleEntry): Side | null {
  switch (entry.kind) {
    case 'income':
    case 'dealSigned':
    case 'delayed':
      return entry.side;
    case 'dealCollapsed':
      return entry.breachedBy;
    case 'escalation':
      return 'us';
    case 'action':
    case 'card':
    case 'dealProposed':
    case 'dealRejected':
    case 'dealUpkeep':
    case 'drift':
    case 'event':
    case 'pass':
    case 'recycle':
      return moverOf(entry);
  }
}

/** The raw weighted size of some track changes (the old measure of a turning point; kept for callers). */
export function swingOf(changes: readonly TrackChange[]): number {
  return changes.reduce((sum, c) => sum + (WEIGHT[c.track] ?? 0) * Math.abs(c.to - c.from), 0);
}

/** Washington's total minus Beijing's on these tracks (R11.3), agendas left out and the deal bonus cancelling. */
export function scoreGap(G: DeRiskState, tracks: Tracks): number {
  const plain = { ...G, tracks, deal: null, sides: { us: { ...G.sides.us, agenda: null }, cn: { ...G.sides.cn, agenda: null } } };
  return scoreFor(plain, 'us').total - scoreFor(plain, 'cn').total;
}

/** One chronicle entry, measured. */
interface Measured {
  readonly entry: ChronicleEntry;
  readonly index: number;
  readonly side: Side | null;
  readonly key: string;
  /** The effects of an earlier play coming due (R4.1): part of that play's item, not a play. */
  readonly delayed: boolean;
  readonly gap: number;
  /** Change in danger steps, per track. */
  readonly danger: Readonly<Record<DangerTrack, number>>;
  readonly ended: boolean;
}

/** Items are the same play when their side, kind and id are: a delayed effect joins the action or card that scheduled it. */
function itemKey(entry: ChronicleEntry, side: Side | null): string {
  const who = side ?? 'world';
  switch (entry.kind) {
    case 'action':
      return `${who}|action:${entry.action}`;
    case 'card':
      return `${who}|card:${entry.card}`;
    case 'delayed':
      return `${who}|${entry.source}`;
    case 'event':
      return `world|event:${entry.event}`;
    case 'income':
    case 'recycle':
    case 'pass':
    case 'dealProposed':
    case 'dealSigned':
    case 'dealRejected':
    case 'dealUpkeep':
    case 'dealCollapsed':
    case 'drift':
    case 'escalation':
      return `${who}|${entry.kind}`;
  }
}

/** The chronicle entries that ended the game: the one that ruptured the relationship, or took a loser's support to 0. */
function endingIndexes(G: DeRiskState): Set<number> {
  const result = gameResult(G);
  const out = new Set<number>();
  if (result?.kind === 'rupture') {
    const at = G.chronicle.findIndex((e) => e.notes.some((n) => n.kind === 'rupture'));
    if (at >= 0) out.add(at);
  }
  if (result?.kind === 'collapse') {
    for (const side of result.losers) {
      const at = G.chronicle.findLastIndex((e) => e.changes.some((c) => c.track === SUPPORT[side] && c.to === 0));
      if (at >= 0) out.add(at);
    }
  }
  return out;
}

/** Every entry but income, with the tracks before and after it rebuilt from the setup snapshot and the changes. */
function measure(G: DeRiskState): Measured[] {
  const ending = endingIndexes(G);
  let tracks: Tracks = G.history[0]?.tracks ?? G.tracks;
  const out: Measured[] = [];
  G.chronicle.forEach((entry, index) => {
    const before: Record<TrackId, number> = { ...tracks };
    for (const c of entry.changes) before[c.track] = c.from;
    const after: Record<TrackId, number> = { ...before };
    for (const c of entry.changes) after[c.track] = c.to;
    tracks = after;
    if (entry.kind === 'income') return;
    const side = creditedTo(entry);
    const danger = { usSupport: 0, cnSupport: 0, relationship: 0 };
    for (const t of DANGER_TRACKS) danger[t] = dangerOf(after[t]) - dangerOf(before[t]);
    out.push({
      entry,
      index,
      side,
      key: itemKey(entry, side),
      delayed: entry.kind === 'delayed',
      gap: scoreGap(G, after) - scoreGap(G, before),
      danger,
      ended: ending.has(index),
    });
  });
  return out;
}

/**
 * An item's value to `side` (see the file's comment): the gap toward it, the danger taken off
 * its support and put on the other's, less the danger its own plays put on the relationship,
 * and the sudden end it brought, for the winner or against the loser.
 */
function valueTo(items: readonly Measured[], side: Side, winner: Side | null): number {
  let value = 0;
  for (const m of items) {
    value += (side === 'us' ? m.gap : -m.gap) + DANGER_POINTS * (m.danger[SUPPORT[other(side)]] - m.danger[SUPPORT[side]]);
    if (m.side === side) value -= DANGER_POINTS * m.danger.relationship;
    if (m.ended && winner !== null) value += side === winner ? END_POINTS : -END_POINTS;
  }
  return value;
}

function sizeOf(items: readonly Measured[]): number {
  const gap = Math.abs(items.reduce((sum, m) => sum + m.gap, 0));
  const danger = items.reduce((sum, m) => sum + DANGER_TRACKS.reduce((s, t) => s + Math.abs(m.danger[t]), 0), 0);
  return gap + DANGER_POINTS * danger + (items.some((m) => m.ended) ? END_POINTS : 0);
}

function deltasOf(entries: readonly ChronicleEntry[]): TrackDelta[] {
  const sums = new Map<TrackId, number>();
  for (const e of entries) {
    for (const c of e.changes) if (c.track !== 'usLeverage' && c.track !== 'cnLeverage') sums.set(c.track, (sums.get(c.track) ?? 0) + c.to - c.from);
  }
  return [...sums].filter(([, delta]) => delta !== 0).map(([track, delta]) => ({ track, delta }));
}

interface Item {
  readonly first: number;
  readonly side: Side | null;
  readonly items: Measured[];
}

function pointOf(item: Item, role: TurningRole, value: number): TurningPoint {
  const plays = item.items.filter((m) => !m.delayed);
  const shown = plays.length > 0 ? plays : item.items;
  const [lead] = shown;
  if (!lead) throw new Error('A turning point without an entry');
  const entries = item.items.map((m) => m.entry);
  return {
    round: lead.entry.round,
    side: item.side,
    entry: lead.entry,
    swing: sizeOf(item.items),
    changes: lead.entry.changes.filter((c) => c.track !== 'usLeverage' && c.track !== 'cnLeverage'),
    role,
    entries,
    rounds: [...new Set(shown.map((m) => m.entry.round))],
    count: shown.length,
    gap: item.items.reduce((sum, m) => sum + m.gap, 0),
    danger: item.items.reduce((sum, m) => sum + DANGER_TRACKS.reduce((s, t) => s + Math.abs(m.danger[t]), 0), 0),
    ended: item.items.some((m) => m.ended),
    deltas: deltasOf(entries),
    value,
  };
}

/** Every item of the game (repeats collapsed), in the order of their first entry. */
function itemsOf(G: DeRiskState): Item[] {
  const byKey = new Map<string, Item>();
  for (const m of measure(G)) {
    const found = byKey.get(m.key);
    if (found) found.items.push(m);
    else byKey.set(m.key, { first: m.index, side: m.side, items: [m] });
  }
  return [...byKey.values()];
}

function top(items: readonly Item[], count: number, score: (item: Item) => number): { item: Item; score: number }[] {
  return items
    .map((item) => ({ item, score: score(item) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.item.first - b.item.first)
    .slice(0, count);
}

/**
 * The game's turning points (see the file's comment), in the order the debrief shows them:
 * the winner's plays that helped it most, the loser's costliest plays, then the biggest events
 * or drift. After a draw (or before the end), each side's most helpful plays, then the world's.
 */
export function turningPoints(G: DeRiskState, limits: Partial<TurningLimits> = {}): TurningPoint[] {
  const l = { ...TURNING_LIMITS, ...limits };
  const result = gameResult(G);
  const winner = result && 'winnerSide' in result ? result.winnerSide : null;
  const items = itemsOf(G);
  const ofSide = (side: Side) => items.filter((i) => i.side === side);
  const out: TurningPoint[] = [];
  if (winner !== null) {
    const loser = other(winner);
    for (const { item, score } of top(ofSide(winner), l.helped, (i) => valueTo(i.items, winner, winner))) out.push(pointOf(item, 'helped', score));
    for (const { item, score } of top(ofSide(loser), l.cost, (i) => -valueTo(i.items, loser, winner))) out.push(pointOf(item, 'cost', -score));
  } else {
    for (const side of ['us', 'cn'] as const) {
      for (const { item, score } of top(ofSide(side), l.each, (i) => valueTo(i.items, side, null))) out.push(pointOf(item, 'helped', score));
    }
  }
  // The world: its biggest events, and the round-end drift (or another step no side is charged with) when it moved the game more.
  const world = items.filter((i) => i.side === null);
  const events = top(
    world.filter((i) => i.items[0]?.entry.kind === 'event'),
    l.world,
    (i) => sizeOf(i.items),
  );
  const [step] = top(
    world.filter((i) => i.items[0]?.entry.kind !== 'event'),
    1,
    (i) => sizeOf(i.items),
  );
  const shown = step && step.score > (events[0]?.score ?? 0) ? [step, ...events] : events;
  for (const { item, score } of shown) out.push(pointOf(item, 'world', score));
  return out;
}

/** The cause an entry stands for, read from the entry itself (for entries the engine did not record a cause in). */
export function entryCause(entry: ChronicleEntry): Cause | undefined {
  const own = ((): Cause | undefined => {
    switch (entry.kind) {
      case 'action':
        return { kind: 'action', side: entry.side, id: entry.action };
      case 'card':
        return { kind: 'card', side: entry.side, id: entry.card };
      case 'delayed': {
        const [kind, id = ''] = entry.source.split(':');
        if (!entry.side) return undefined;
        return kind === 'card' || kind === 'action' ? { kind, side: entry.side, id } : undefined;
      }
      case 'event':
        return { kind: 'event', event: entry.event };
      case 'escalation':
        return { kind: 'escalation' };
      case 'drift':
        return { kind: 'drift' };
      case 'dealSigned': {
        const side = moverOf(entry);
        return side ? { kind: 'signing', side } : undefined;
      }
      case 'dealCollapsed':
        return { kind: 'collapse', breachedBy: entry.breachedBy, trigger: { kind: entry.breachedBy ? 'upkeep' : 'erosion' } };
      case 'income':
      case 'recycle':
      case 'pass':
      case 'dealProposed':
      case 'dealRejected':
      case 'dealUpkeep':
        return undefined;
    }
  })();
  const breach = entry.notes.find((n) => n.kind === 'breach');
  return breach?.kind === 'breach' && own ? { kind: 'collapse', breachedBy: breach.side, trigger: own } : own;
}

/** The side a cause charges with the relationship it lowers (R11.2): the player, the breaker of a deal, Washington for its escalation. */
export function chargedSide(cause: Cause): Side | null {
  switch (cause.kind) {
    case 'action':
    case 'card':
    case 'signing':
      return cause.side;
    case 'collapse':
      return cause.breachedBy;
    case 'escalation':
      return 'us';
    case 'event':
    case 'drift':
    case 'upkeep':
    case 'erosion':
      return null;
  }
}

export interface SuddenEnd {
  readonly kind: 'rupture' | 'collapse';
  /** The track that reached 0. */
  readonly track: DangerTrack;
  /** A rupture: the side charged with it (R11.2); a collapse: the side voted out (R11.1). */
  readonly side: Side | null;
  /** What took the track to 0, as the engine recorded it (undefined in games saved before it did). */
  readonly cause: Cause | undefined;
  readonly round: number;
  /** The track's value before the entry that took it to 0. */
  readonly from: number;
  /** An event's rupture charged to a side (R11.2): that side's last play that lowered the relationship. */
  readonly lastCut: { readonly cause: Cause; readonly round: number } | null;
}

/** What ended the game suddenly, and how (R11.1, R11.2); null after final scoring or a double collapse. */
export function suddenEnd(G: DeRiskState): SuddenEnd | null {
  const result = gameResult(G);
  if (result?.kind === 'rupture') {
    const at = G.chronicle.findIndex((e) => e.notes.some((n) => n.kind === 'rupture'));
    const entry = G.chronicle[at];
    if (!entry) return null;
    const note = entry.notes.find((n) => n.kind === 'rupture');
    const cause = G.rupture?.cause ?? (note?.kind === 'rupture' ? note.cause : undefined);
    let lastCut: SuddenEnd['lastCut'] = null;
    if (cause?.kind === 'event' && result.causedBy !== null) {
      for (const e of G.chronicle.slice(0, at)) {
        const cut = e.changes.some((c) => c.track === 'relationship' && c.to < c.from) ? entryCause(e) : undefined;
        if (cut && chargedSide(cut) !== null) lastCut = { cause: cut, round: e.round };
      }
      if (lastCut && chargedSide(lastCut.cause) !== result.causedBy) lastCut = null;
    }
    return { kind: 'rupture', track: 'relationship', side: result.causedBy, cause, round: entry.round, from: valueBefore(entry, 'relationship'), lastCut };
  }
  if (result?.kind === 'collapse' && result.losers.length === 1) {
    const [side] = result.losers;
    if (!side) return null;
    const track = SUPPORT[side];
    const entry = G.chronicle.findLast((e) => e.changes.some((c) => c.track === track && c.to === 0));
    if (!entry) return null;
    return { kind: 'collapse', track, side, cause: G.supportLost?.[side], round: entry.round, from: valueBefore(entry, track), lastCut: null };
  }
  return null;
}

function valueBefore(entry: ChronicleEntry, track: TrackId): number {
  return entry.changes.find((c) => c.track === track)?.from ?? 0;
}

/** The barriers each side raises against the other (tariffs, export controls, mineral bans). */
export const BARRIERS = ['usTariff', 'cnTariff', 'exportControls', 'mineralBans'] as const satisfies readonly TrackId[];

export interface ForecastCheck {
  interdependenceStart: number;
  interdependenceEnd: number;
  /** Interdependence ended lower than it started. */
  deRiskingContinued: boolean;
  dealsSigned: number;
  dealsCollapsed: number;
  /** A deal was in force at the end. */
  dealSurvived: boolean;
  exportControlsRose: boolean;
  mineralBansRose: boolean;
  /**
   * The essay's forecast held: the players kept de-risking, whatever deal was struck. Their
   * own doing lowered interdependence (scheduled events' changes left out), or left it where it
   * was while barriers went up, and they did not take down more barriers than they put up.
   */
  forecastHeld: boolean;
  /** What scheduled events (the pandemic in 2020) did to interdependence on their own: they happen in every game of the scenario. */
  scheduledInterdependence: number;
  /** The scheduled events that changed interdependence. */
  scheduledEvents: string[];
  /**
   * Interdependence's change with the scheduled events' own changes left out: what the players'
   * moves and the world events of this game did (the same in every scenario but 2020).
   */
  interdependenceUnscheduled: number;
  /** Tariffs, export controls and mineral bans added up, at the start and at the end. */
  barriersStart: number;
  barriersEnd: number;
  barriersRaised: boolean;
  /** The barriers ended no lower than they began. */
  barriersKept: boolean;
  /**
   * How "held" is measured in this scenario: by interdependence's fall, or (when a scheduled
   * event such as the pandemic lowers it in every game) by that fall without the scheduled change.
   */
  basis: 'interdependence' | 'withoutScheduled';
}

export function forecastCheck(G: DeRiskState): ForecastCheck {
  const first = G.history[0]?.tracks ?? G.tracks;
  const count = (kind: ChronicleEntry['kind']) => G.chronicle.filter((e) => e.kind === kind).length;
  const deRiskingContinued = G.tracks.interdependence < first.interdependence;
  const startedWithDeal = (G.history[0]?.dealHealth ?? null) !== null;
  const scheduled = G.chronicle.flatMap((e) => {
    const c = e.kind === 'event' && e.scheduled ? e.changes.find((x) => x.track === 'interdependence') : undefined;
    return e.kind === 'event' && c ? [{ event: e.event, delta: c.to - c.from }] : [];
  });
  const scheduledInterdependence = scheduled.reduce((sum, s) => sum + s.delta, 0);
  const interdependenceUnscheduled = G.tracks.interdependence - first.interdependence - scheduledInterdependence;
  const barriers = (t: Tracks) => BARRIERS.reduce((sum, b) => sum + t[b], 0);
  const barriersStart = barriers(first);
  const barriersEnd = barriers(G.tracks);
  const barriersRaised = barriersEnd > barriersStart;
  const barriersKept = barriersEnd >= barriersStart;
  return {
    interdependenceStart: first.interdependence,
    interdependenceEnd: G.tracks.interdependence,
    deRiskingContinued,
    dealsSigned: count('dealSigned') + (startedWithDeal ? 1 : 0),
    // A deal broken in the open collapses inside the play that broke it (a breach note).
    dealsCollapsed: count('dealCollapsed') + G.chronicle.filter((e) => e.notes.some((n) => n.kind === 'breach')).length,
    dealSurvived: G.deal !== null,
    exportControlsRose: G.tracks.exportControls > first.exportControls,
    mineralBansRose: G.tracks.mineralBans > first.mineralBans,
    forecastHeld: (interdependenceUnscheduled < 0 || (interdependenceUnscheduled === 0 && barriersRaised)) && barriersKept,
    scheduledInterdependence,
    scheduledEvents: scheduled.filter((s) => s.delta !== 0).map((s) => s.event),
    interdependenceUnscheduled,
    barriersStart,
    barriersEnd,
    barriersRaised,
    barriersKept,
    basis: scheduledInterdependence !== 0 ? 'withoutScheduled' : 'interdependence',
  };
}

/** Each track's value round by round, from the history snapshots (for charts). */
export function trackSeries(G: DeRiskState, track: TrackId): { round: number; value: number }[] {
  return G.history.map((s) => ({ round: s.round, value: s.tracks[track] }));
}
