/**
 * Questions a debrief asks of a finished (or running) game: the turning points, and how the
 * game compares with the essay's forecast that de-risking continues whatever deal is struck.
 */
import type { Side, TrackId } from '../content/types';
import { MOVES } from './registry';
import type { ChronicleEntry, ChronicleKind, DeRiskState, TrackChange } from './state';
import { other } from './sides';

/** How much a change to each track matters to the story (leverage is bookkeeping). */
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

export interface TurningPoint {
  round: number;
  /** Who caused it; null for world events and round-end drift. */
  side: Side | null;
  entry: ChronicleEntry;
  /** The weighted size of the swing. */
  swing: number;
  changes: TrackChange[];
}

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

export function swingOf(changes: readonly TrackChange[]): number {
  return changes.reduce((sum, c) => sum + (WEIGHT[c.track] ?? 0) * Math.abs(c.to - c.from), 0);
}

/** The `count` largest swings of the game, largest first (ties: earliest first). */
export function turningPoints(G: DeRiskState, count = 5): TurningPoint[] {
  return G.chronicle
    .filter((entry) => entry.kind !== 'income')
    .map((entry) => ({
      round: entry.round,
      side: creditedTo(entry),
      entry,
      swing: swingOf(entry.changes),
      changes: entry.changes.filter((c) => (WEIGHT[c.track] ?? 0) > 0),
    }))
    .filter((p) => p.swing > 0)
    .map((p, index) => ({ p, index }))
    .sort((a, b) => b.p.swing - a.p.swing || a.index - b.index)
    .slice(0, count)
    .map(({ p }) => p);
}

export interface ForecastCheck {
  interdependenceStart: number;
  interdependenceEnd: number;
  /** Interdependence ended lower than it started: de-risking continued. */
  deRiskingContinued: boolean;
  dealsSigned: number;
  dealsCollapsed: number;
  /** A deal was in force at the end. */
  dealSurvived: boolean;
  exportControlsRose: boolean;
  mineralBansRose: boolean;
  /** The essay's forecast held: de-risking went on whatever deal was struck. */
  forecastHeld: boolean;
}

export function forecastCheck(G: DeRiskState): ForecastCheck {
  const first = G.history[0]?.tracks ?? G.tracks;
  const count = (kind: ChronicleEntry['kind']) => G.chronicle.filter((e) => e.kind === kind).length;
  const deRiskingContinued = G.tracks.interdependence < first.interdependence;
  const startedWithDeal = (G.history[0]?.dealHealth ?? null) !== null;
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
    forecastHeld: deRiskingContinued,
  };
}

/** Each track's value round by round, from the history snapshots (for charts). */
export function trackSeries(G: DeRiskState, track: TrackId): { round: number; value: number }[] {
  return G.history.map((s) => ({ round: s.round, value: s.tracks[track] }));
}
