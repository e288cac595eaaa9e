/** The shape of a De-Risk game state, its chronicle and its result. */
import type { Duration, Effect, Flag, Good, ScenarioId, Side, Tag, TrackId } from '../content/types';
import type { BotReason } from './botReason';

export type GameLength = 4 | 6 | 8;
export type Tracks = Record<TrackId, number>;

export interface SideState {
  /** Hidden from the other side and from spectators. */
  hand: string[];
  /** Hidden from everyone: the order of the draw pile. */
  deck: string[];
  /** Played and recycled cards, face down until the deck is reshuffled. */
  discard: string[];
  /** Hidden from the other side until the game is over. */
  agenda: string | null;
  actionsTaken: number;
  passed: boolean;
  /** A lasting change to this side's income (scheduled events). */
  incomeBonus: number;
}

export interface ActiveFlag {
  flag: Flag;
  duration: Duration;
}

export interface ActiveDiscount {
  side: Side;
  tag: Tag;
  amount: number;
  duration: Duration;
}

export interface DelayedEffects {
  /** The round at whose start the effects apply. */
  round: number;
  /** The side whose play scheduled them (charged for a rupture they cause). */
  side: Side | null;
  source: string;
  effects: readonly Effect[];
}

export interface Ceiling {
  track: TrackId;
  /** The side that promised to keep the track at or under `limit`. */
  side: Side;
  limit: number;
}

export interface Deal {
  terms: string[];
  /** Who proposed it; null for a deal a scenario starts with. */
  proposedBy: Side | null;
  signedRound: number;
  /** Missed rounds lower it; at 0 the deal collapses (R7.5). */
  health: number;
  commitments: Good[];
  ceilings: Ceiling[];
}

export interface Proposal {
  by: Side;
  terms: string[];
}

export interface Offers {
  pending: number;
  approved: number;
  blocked: number;
  /** Washington has screened in advance: the next offer is blocked on arrival. */
  preempt: boolean;
}

export interface Snapshot {
  round: number;
  tracks: Tracks;
  dealHealth: number | null;
  /** Taken when the game ended suddenly, part-way through `round`. */
  partial?: true;
}

export interface TrackChange {
  track: TrackId;
  from: number;
  to: number;
}

export type Note =
  | { kind: 'roll'; value: number; atMost: number; hit: boolean }
  | { kind: 'offerMade' }
  | { kind: 'offerPreempted' }
  | { kind: 'offerBlocked' }
  | { kind: 'screening' }
  | { kind: 'offerApproved' }
  | { kind: 'noOffer' }
  | { kind: 'shieldUsed' }
  | { kind: 'waiverUsed' }
  | { kind: 'hawkishCongress' }
  | { kind: 'purchase'; good: Good }
  | { kind: 'flag'; flag: Flag; duration: Duration }
  | { kind: 'flagCleared'; flag: Flag }
  | { kind: 'discount'; side: Side; tag: Tag; amount: number; duration: Duration }
  | { kind: 'income'; side: Side; delta: number }
  | { kind: 'delayed'; round: number }
  | { kind: 'drew'; side: Side; count: number }
  | { kind: 'breach'; side: Side; track: TrackId; limit: number }
  | { kind: 'missed'; goods: Good[] }
  | { kind: 'rupture'; causedBy: Side | null };

/**
 * The one-line reason a move came with (R12), shown to the other side only after the game: a
 * person's own words (`text`, shown as typed), or the computer's structured reason (`code`),
 * which the client words in the reader's language.
 */
export type Reason = { side: Side; text: string; code?: never } | { side: Side; code: BotReason; text?: never };

interface Base {
  round: number;
  changes: TrackChange[];
  notes: Note[];
  reason?: Reason;
}

export type ChronicleEntry =
  | (Base & { kind: 'event'; event: string; scheduled: boolean })
  | (Base & { kind: 'delayed'; side: Side | null; source: string })
  | (Base & { kind: 'income'; side: Side; amount: number; drew: number })
  | (Base & { kind: 'action'; side: Side; action: string; cost: number })
  | (Base & { kind: 'card'; side: Side; card: string; cost: number })
  | (Base & { kind: 'recycle'; side: Side; cost: number })
  | (Base & { kind: 'pass'; side: Side })
  | (Base & { kind: 'dealProposed'; side: Side; terms: string[]; cost: number })
  | (Base & { kind: 'dealSigned'; side: Side | null; terms: string[] })
  | (Base & { kind: 'dealRejected'; side: Side; terms: string[] })
  | (Base & { kind: 'dealUpkeep'; health: number })
  | (Base & { kind: 'dealCollapsed'; breachedBy: Side })
  | (Base & { kind: 'drift' })
  | (Base & { kind: 'escalation' });

export type ChronicleKind = ChronicleEntry['kind'];

export interface ScoreBreakdown {
  support: number;
  economy: number;
  resilience: number;
  agenda: number;
  deal: number;
  total: number;
  agendaMet: boolean;
}

export type GameResult =
  | {
      kind: 'score';
      winner: '0' | '1';
      winnerSide: Side;
      scores: Record<Side, ScoreBreakdown>;
      agendas: Record<Side, string | null>;
    }
  | {
      kind: 'stalemate';
      draw: true;
      scores: Record<Side, ScoreBreakdown>;
      agendas: Record<Side, string | null>;
    }
  | {
      /** A side's support reached 0: voted out, or a leadership crisis (R11.1). */
      kind: 'collapse';
      winner?: '0' | '1';
      winnerSide: Side | null;
      draw?: true;
      losers: Side[];
      agendas: Record<Side, string | null>;
    }
  | {
      /** The relationship reached 0 (R11.2). */
      kind: 'rupture';
      winner?: '0' | '1';
      winnerSide: Side | null;
      draw?: true;
      causedBy: Side | null;
      agendas: Record<Side, string | null>;
    };

/** Only in a player's or spectator's view: what they may know about hidden piles. */
export interface ViewInfo {
  seat: Side | null;
  handCounts: Record<Side, number>;
  deckCounts: Record<Side, number>;
  discardCounts: Record<Side, number>;
  eventDeckCount: number;
}

export interface DeRiskState {
  scenario: ScenarioId;
  length: GameLength;
  /** 0 during setup, then 1 … length. */
  round: number;
  tracks: Tracks;
  sides: Record<Side, SideState>;
  /** Hidden from everyone: the order of the world-event deck. */
  eventDeck: string[];
  currentEvent: string | null;
  flags: ActiveFlag[];
  discounts: ActiveDiscount[];
  delayed: DelayedEffects[];
  offers: Offers;
  /** Purchase orders placed during the whole game, and during this round. */
  purchases: Record<Good, number>;
  roundPurchases: Record<Good, number>;
  deal: Deal | null;
  proposal: Proposal | null;
  lowestRelationship: number;
  /** The side whose play last lowered the relationship (charged for an event's rupture). */
  lastRelationshipCut: Side | null;
  rupture: { causedBy: Side | null } | null;
  /** Set once the last round has ended. */
  finished: boolean;
  history: Snapshot[];
  chronicle: ChronicleEntry[];
  /** Present only in a player view. */
  view?: ViewInfo;
}
