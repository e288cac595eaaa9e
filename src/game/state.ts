/** The shape of a De-Risk game state, its chronicle and its result. */
import type { Duration, Effect, Flag, Good, ScenarioId, Side, Tag, TrackId } from '../content/types';
import type { BotReason } from './botReason';

/**
 * Every type in this file is read-only: the state as the board, the bots, the analysis and the
 * server see it. Only the engine's private working copy (`WorkingState` in working-copy.ts), which
 * moves, hooks and setup write, is writable, and only as deep as it is copied (docs/architecture.md).
 */
export type GameLength = 4 | 6 | 8;
export type Tracks = Readonly<Record<TrackId, number>>;

export interface SideState {
  /** Hidden from the other side and from spectators. */
  readonly hand: readonly string[];
  /** Hidden from everyone: the order of the draw pile. */
  readonly deck: readonly string[];
  /** Played and recycled cards, face down until the deck is reshuffled. */
  readonly discard: readonly string[];
  /** Hidden from the other side until the game is over. */
  readonly agenda: string | null;
  readonly actionsTaken: number;
  readonly passed: boolean;
  /** A lasting change to this side's income (scheduled events). */
  readonly incomeBonus: number;
}

export interface ActiveFlag {
  readonly flag: Flag;
  readonly duration: Duration;
}

export interface ActiveDiscount {
  readonly side: Side;
  readonly tag: Tag;
  readonly amount: number;
  readonly duration: Duration;
}

export interface DelayedEffects {
  /** The round at whose start the effects apply. */
  readonly round: number;
  /** The side whose play scheduled them (charged for a rupture they cause). */
  readonly side: Side | null;
  readonly source: string;
  readonly effects: readonly Effect[];
}

export interface Ceiling {
  readonly track: TrackId;
  /** The side that promised to keep the track at or under `limit`. */
  readonly side: Side;
  readonly limit: number;
}

export interface Deal {
  readonly terms: readonly string[];
  /** Who proposed it; null for a deal a scenario starts with. */
  readonly proposedBy: Side | null;
  readonly signedRound: number;
  /** Missed rounds lower it; at 0 the deal collapses (R7.5). */
  readonly health: number;
  readonly commitments: readonly Good[];
  readonly ceilings: readonly Ceiling[];
}

export interface Proposal {
  readonly by: Side;
  readonly terms: readonly string[];
}

export interface Offers {
  readonly pending: number;
  readonly approved: number;
  readonly blocked: number;
  /** Washington has screened in advance: the next offer is blocked on arrival. */
  readonly preempt: boolean;
}

export interface Snapshot {
  readonly round: number;
  readonly tracks: Tracks;
  readonly dealHealth: number | null;
  /** Taken when the game ended suddenly, part-way through `round`. */
  readonly partial?: true;
}

export interface TrackChange {
  readonly track: TrackId;
  readonly from: number;
  readonly to: number;
}

/** The round-end drift rules (R8.1–R8.4, R8.7), by name: `DRIFT_RULES` in round.ts. */
export type DriftId = 'tariffPrices' | 'tariffGrowth' | 'mineralPrices' | 'inflationSupport' | 'growthSupport' | 'deRisking';

export type Note = Readonly<
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
  | { kind: 'missed'; goods: readonly Good[] }
  /** Interdependence fell this round, wearing the deal down (R7.4). */
  | { kind: 'eroded'; from: number; to: number }
  | { kind: 'rupture'; causedBy: Side | null; cause?: Cause }
  /** A drift rule that applied at this round end (R8): why the tracks moved. */
  | { kind: 'drift'; rule: DriftId }
>;

/**
 * What set off a sudden end (R11.1, R11.2), recorded by the engine at the moment a support or the
 * relationship reaches 0, so that the debrief can name the real cause: a side's action or card
 * (its delayed effects included), a deal's signing, a world event, Washington's escalation plan
 * (R8.5), the round-end drift (R8), or a deal's collapse (R7.5) and what set that off (a play,
 * an event, the escalation, or missed purchases at upkeep). Absent for resolutions outside a
 * game (previews) and in games saved before causes were recorded.
 */
export type Cause = Readonly<
  | { kind: 'action'; side: Side; id: string }
  | { kind: 'card'; side: Side; id: string }
  | { kind: 'signing'; side: Side }
  | { kind: 'event'; event: string }
  | { kind: 'escalation' }
  | { kind: 'drift' }
  | { kind: 'upkeep' }
  | { kind: 'erosion' }
  | { kind: 'collapse'; breachedBy: Side | null; trigger: Cause }
>;

/**
 * The one-line reason a move came with (R12), shown to the other side only after the game: a
 * person's own words (`text`, shown as typed), or the computer's structured reason (`code`),
 * which the client words in the reader's language.
 */
export type Reason = Readonly<{ side: Side; text: string; code?: never } | { side: Side; code: BotReason; text?: never }>;

interface Base {
  readonly round: number;
  readonly changes: readonly TrackChange[];
  readonly notes: readonly Note[];
  readonly reason?: Reason;
}

export type ChronicleEntry = Readonly<
  | (Base & { kind: 'event'; event: string; scheduled: boolean })
  | (Base & { kind: 'delayed'; side: Side | null; source: string })
  | (Base & { kind: 'income'; side: Side; amount: number; drew: number })
  | (Base & { kind: 'action'; side: Side; action: string; cost: number })
  | (Base & { kind: 'card'; side: Side; card: string; cost: number })
  | (Base & { kind: 'recycle'; side: Side; cost: number })
  | (Base & { kind: 'pass'; side: Side })
  | (Base & { kind: 'dealProposed'; side: Side; terms: readonly string[]; cost: number })
  | (Base & { kind: 'dealSigned'; side: Side | null; terms: readonly string[] })
  | (Base & { kind: 'dealRejected'; side: Side; terms: readonly string[] })
  | (Base & { kind: 'dealUpkeep'; health: number })
  /** `breachedBy` null: the deal wore away with nobody to charge (R7.4). */
  | (Base & { kind: 'dealCollapsed'; breachedBy: Side | null })
  | (Base & { kind: 'drift' })
  | (Base & { kind: 'escalation' })
>;

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
  readonly seat: Side | null;
  readonly handCounts: Readonly<Record<Side, number>>;
  readonly deckCounts: Readonly<Record<Side, number>>;
  readonly discardCounts: Readonly<Record<Side, number>>;
  readonly eventDeckCount: number;
}

export interface DeRiskState {
  readonly scenario: ScenarioId;
  readonly length: GameLength;
  /** 0 during setup, then 1 … length. */
  readonly round: number;
  readonly tracks: Tracks;
  readonly sides: Readonly<Record<Side, SideState>>;
  /** Hidden from everyone: the order of the world-event deck. */
  readonly eventDeck: readonly string[];
  readonly currentEvent: string | null;
  readonly flags: readonly ActiveFlag[];
  readonly discounts: readonly ActiveDiscount[];
  readonly delayed: readonly DelayedEffects[];
  readonly offers: Offers;
  /** Purchase orders placed during the whole game, and during this round. */
  readonly purchases: Readonly<Record<Good, number>>;
  readonly roundPurchases: Readonly<Record<Good, number>>;
  readonly deal: Deal | null;
  readonly proposal: Proposal | null;
  readonly lowestRelationship: number;
  /** The side whose play last lowered the relationship (charged for an event's rupture). */
  readonly lastRelationshipCut: Side | null;
  readonly rupture: { readonly causedBy: Side | null; readonly cause?: Cause } | null;
  /** What last took each side's support to 0 (R11.1), for the debrief; absent until one does. */
  readonly supportLost?: Readonly<Partial<Record<Side, Cause>>>;
  /** Set once the last round has ended. */
  readonly finished: boolean;
  /**
   * Set when a teacher finishes a class early (issue 12): the game ends and is scored after this
   * round's round end instead of after round `length` (R11.3). Absent in every other game.
   */
  readonly endsAfter?: number;
  readonly history: readonly Snapshot[];
  readonly chronicle: readonly ChronicleEntry[];
  /** Present only in a player view. */
  readonly view?: ViewInfo;
}
