/**
 * Personas as weights on the value function. A persona changes what a bot cares about,
 * never what it is allowed to do. Tit-for-tat reads the chronicle: it cooperates while the
 * other side's last telling play raised the relationship and retaliates after one that cut it.
 */
import type { Side } from '../content/types';
import { other, type ChronicleEntry, type DeRiskState } from '../game';
import type { Persona } from './types';

export interface Weights {
  /** Per point of (own score − other score) if the game ended now (R11.3). */
  readonly score: number;
  /** Extra per point of own support, beyond its 2 points of score. */
  readonly support: number;
  /** Per point of relationship (shared). */
  readonly relationship: number;
  /** Per point of interdependence: negative for a side that wants to de-risk. */
  readonly interdependence: number;
  /** Bonus for a deal in force, beyond its score. */
  readonly deal: number;
  /** Bonus for a play that cuts the relationship or raises a barrier (tariff, control, ban). */
  readonly hostility: number;
  /** Bonus for a play that raises the relationship, a purchase, an investment or a proposal. */
  readonly cooperation: number;
  /** Added to the value of signing when answering a deal. */
  readonly dealBias: number;
  /** Per step of this side's own barriers: tariff and export controls, or counter-tariff and mineral bans. */
  readonly barriers: number;
  /** How much the danger of being blamed for a rupture weighs (R11.2): 1 is neutral. */
  readonly caution: number;
}

const BALANCED: Weights = {
  score: 1,
  support: 0,
  relationship: 0.3,
  interdependence: 0,
  deal: 0.5,
  hostility: 0,
  cooperation: 0,
  dealBias: 0,
  barriers: 0,
  caution: 0.6,
};

const HAWK: Weights = {
  ...BALANCED,
  support: 0.8,
  relationship: 0,
  interdependence: -0.4,
  deal: -1,
  hostility: 3,
  cooperation: -0.8,
  dealBias: -1.5,
  barriers: 0.6,
  caution: 0.3,
};

const DEALMAKER: Weights = {
  ...BALANCED,
  relationship: 0.6,
  interdependence: 0.15,
  deal: 2,
  hostility: -1.5,
  cooperation: 0.8,
  dealBias: 1.5,
  barriers: -0.3,
  caution: 1.3,
};

const RETALIATE: Weights = { ...HAWK, support: 0.5, cooperation: -0.5, hostility: 2.5, caution: 0.6 };
const COOPERATE: Weights = { ...DEALMAKER, hostility: -1, cooperation: 0.6, dealBias: 1, caution: 1.1 };

export type Mood = 'cooperate' | 'retaliate';

/** How a chronicle entry by `by` moved the relationship: +1 friendly, −1 hostile, 0 neither. */
function tone(entry: ChronicleEntry, by: Side): number {
  if (entry.kind === 'dealSigned') return 1;
  if (entry.kind === 'dealCollapsed') return entry.breachedBy === by ? -1 : 0;
  if (entry.kind !== 'action' && entry.kind !== 'card') return 0;
  if (entry.side !== by) return 0;
  const rel = entry.changes.find((c) => c.track === 'relationship');
  if (!rel || rel.to === rel.from) return 0;
  return rel.to > rel.from ? 1 : -1;
}

/** The last play of the other side that moved the relationship, if any. */
export function lastTellingPlay(G: DeRiskState, side: Side): ChronicleEntry | null {
  const them = other(side);
  for (let i = G.chronicle.length - 1; i >= 0; i -= 1) {
    const entry = G.chronicle[i];
    if (entry && tone(entry, them) !== 0) return entry;
  }
  return null;
}

/** Tit-for-tat's mood: it starts friendly and then mirrors the other side's last telling play. */
export function moodOf(G: DeRiskState, side: Side): Mood {
  const last = lastTellingPlay(G, side);
  return last && tone(last, other(side)) < 0 ? 'retaliate' : 'cooperate';
}

export function weightsFor(persona: Persona, G: DeRiskState, side: Side): Weights {
  switch (persona) {
    case 'balanced':
      return BALANCED;
    case 'hawk':
      return HAWK;
    case 'dealmaker':
      return DEALMAKER;
    case 'titForTat':
      return moodOf(G, side) === 'retaliate' ? RETALIATE : COOPERATE;
  }
}
