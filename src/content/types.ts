/**
 * The closed vocabulary that every piece of De-Risk content is written in.
 *
 * Cards, standard actions, world events, agendas and scenarios are plain data in these
 * shapes; the engine (`src/game/effects.ts`, `src/game/conditions.ts`) is the one place
 * that gives them meaning. A new card that uses existing kinds needs no engine code.
 */

export const SIDES = ['us', 'cn'] as const;
/** `us` is Washington (player "0"), `cn` is Beijing (player "1"). */
export type Side = (typeof SIDES)[number];

export const TRACK_IDS = [
  'relationship',
  'usSupport',
  'cnSupport',
  'usInflation',
  'cnGrowth',
  'interdependence',
  'usTariff',
  'cnTariff',
  'exportControls',
  'mineralBans',
  'usMineralDependence',
  'cnChipDependence',
  'usLeverage',
  'cnLeverage',
] as const;
export type TrackId = (typeof TRACK_IDS)[number];

export const GOODS = ['boeing', 'lng', 'farm', 'medical'] as const;
/** U.S. goods that Beijing can buy; each purchase counts toward deal commitments. */
export type Good = (typeof GOODS)[number];

/** Labels on actions and cards; a cost discount names the tag it applies to. */
export const TAGS = [
  'tariff',
  'tariffCut',
  'controls',
  'tech',
  'investment',
  'minerals',
  'purchase',
  'boeing',
  'lng',
  'farm',
  'medical',
  'data',
  'diplomacy',
  'economy',
  'security',
  'deal',
] as const;
export type Tag = (typeof TAGS)[number];

/** Flags that last for a while and that rules or conditions look at. */
export const FLAGS = [
  /** Purchase orders cannot be placed this round (the pandemic). */
  'pandemic',
  /** The C919 is flying: Boeing orders no longer win Washington support. */
  'c919',
  /** Washington raises tariffs by one step at every round end until a deal is signed. */
  'tariffEscalation',
  /** The next Washington concession costs no support. */
  'concessionWaiver',
  /** Washington concessions cost one more support. */
  'hawkishCongress',
  /** The next tariff hit on China's growth is one smaller. */
  'tariffShield',
  /** Washington has granted tariff exclusions this round (once a round). */
  'exclusionsGranted',
] as const;
export type Flag = (typeof FLAGS)[number];

/** How long a flag or discount stays: to the end of this round, until used or a deal, or for good. */
export type Duration = 'round' | 'untilUsed' | 'untilDeal' | 'game';

export type Condition =
  | { readonly kind: 'atLeast'; readonly track: TrackId; readonly value: number }
  | { readonly kind: 'atMost'; readonly track: TrackId; readonly value: number }
  | { readonly kind: 'pendingOffer' }
  | { readonly kind: 'approvedPlants'; readonly atLeast: number }
  | { readonly kind: 'dealInForce' }
  | { readonly kind: 'noDeal' }
  | { readonly kind: 'flag'; readonly flag: Flag }
  | { readonly kind: 'noFlag'; readonly flag: Flag }
  /** Total purchases of a good made during the game. */
  | { readonly kind: 'purchases'; readonly good: Good; readonly atLeast: number }
  /** A deal in force with at least this many purchase commitments. */
  | { readonly kind: 'dealCommitments'; readonly atLeast: number }
  /** The lowest relationship value seen during the game. */
  | { readonly kind: 'lowestRelationship'; readonly atLeast: number };

export type Effect =
  /** Move a track; the result is clamped to the track's range. */
  | { readonly kind: 'track'; readonly track: TrackId; readonly delta: number }
  /** A tariff hits China's growth by `amount`, less one if Beijing is shielded (stimulus). */
  | { readonly kind: 'tariffHit'; readonly amount: number }
  /** A side's hawks punish a concession: support −amount, unless waived (or more if hawkish). */
  | { readonly kind: 'concession'; readonly side: Side; readonly amount: number }
  | {
      readonly kind: 'if';
      readonly when: readonly Condition[];
      readonly then: readonly Effect[];
      readonly otherwise?: readonly Effect[];
    }
  /** Roll one seeded six-sided die: `then` on a roll of `atMost` or less, else `otherwise`. */
  | {
      readonly kind: 'roll';
      readonly atMost: number;
      readonly then: readonly Effect[];
      readonly otherwise?: readonly Effect[];
    }
  /** Apply these effects at the start of the next round. */
  | { readonly kind: 'nextRound'; readonly effects: readonly Effect[] }
  | { readonly kind: 'flag'; readonly flag: Flag; readonly duration: Duration }
  | { readonly kind: 'clearFlag'; readonly flag: Flag }
  /** Actions with this tag cost `amount` less (never below 0) for `side`. */
  | {
      readonly kind: 'discount';
      readonly side: Side;
      readonly tag: Tag;
      readonly amount: number;
      readonly duration: Duration;
    }
  /** Beijing places a purchase order: counts toward deal commitments and agendas. */
  | { readonly kind: 'purchase'; readonly good: Good }
  /** A Chinese factory investment offer is put on the table (unless pre-empted). */
  | { readonly kind: 'offer' }
  /** Washington blocks a pending offer, or pre-empts the next one. */
  | { readonly kind: 'blockOffer' }
  /** Washington approves the oldest pending offer: a plant is built. */
  | { readonly kind: 'approveOffer' }
  /** A lasting change to a side's income at every round from now on. */
  | { readonly kind: 'income'; readonly side: Side; readonly delta: number }
  /** Draw policy cards (never above the hand limit). */
  | { readonly kind: 'draw'; readonly side: Side; readonly count: number };

/** A requirement an action or card must meet before it can be played. */
export interface Requirement {
  readonly when: Condition;
  /** Shown when the requirement fails, e.g. "Tariffs are already at the maximum." */
  readonly reason: string;
}

/** Everything a player or teacher reads about a piece of content. */
export interface Teaching {
  readonly title: string;
  /** What it does, in plain words a 14-year-old understands. */
  readonly text: string;
  /** The fact in the source essay it rests on. */
  readonly source: string;
  /** "In reality": what actually happened, in our own words. */
  readonly reality: string;
}

export interface PlayDef extends Teaching {
  readonly id: string;
  readonly side: Side;
  readonly cost: number;
  readonly tags: readonly Tag[];
  readonly requires: readonly Requirement[];
  readonly effects: readonly Effect[];
}

/** A standard action, always on a side's menu. */
export type ActionDef = PlayDef;

/** A policy card, dealt from a side's deck into its hidden hand. */
export interface CardDef extends PlayDef {
  /** How many copies are in the deck. */
  readonly copies: number;
}

export interface EventDef extends Teaching {
  readonly id: string;
  /** Scheduled events are never shuffled into the world-event deck. */
  readonly scheduled: boolean;
  readonly effects: readonly Effect[];
}

export interface AgendaDef extends Teaching {
  readonly id: string;
  readonly side: Side;
  readonly points: number;
  /** All must hold at the end of the game. */
  readonly goal: readonly Condition[];
}

export interface GlossaryEntry {
  readonly id: string;
  readonly term: string;
  readonly definition: string;
  readonly example: string;
}

/** What a side keeps promising while a deal is in force. */
export type Obligation =
  /** Beijing must place this purchase order every round. */
  | { readonly kind: 'purchase'; readonly good: Good }
  /** The track may not rise above its value at signing (raising it is an open breach). */
  | { readonly kind: 'ceiling'; readonly track: TrackId };

/** One term a deal can contain, offered by `side`. */
export interface DealTermDef extends Teaching {
  readonly id: string;
  readonly side: Side;
  /** How much the other side's hawks value it (and this side's hawks resent giving it). */
  readonly weight: number;
  readonly requires: readonly Requirement[];
  /** Applied once, on signing. */
  readonly effects: readonly Effect[];
  readonly obligations: readonly Obligation[];
  /** Terms that cannot be in the same deal as this one. */
  readonly excludes: readonly string[];
}

export const SCENARIO_IDS = ['2025', '2018', '2020'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export interface ScenarioDef {
  readonly id: ScenarioId;
  readonly title: string;
  readonly text: string;
  readonly source: string;
  readonly reality: string;
  /** The first round is the first half of this year. */
  readonly startYear: number;
  readonly tracks: Readonly<Record<TrackId, number>>;
  /** Pending Chinese investment offers at the start. */
  readonly pendingOffers: number;
  /** A deal already in force at the start (term ids), or none. */
  readonly deal: { readonly terms: readonly string[] } | null;
  /** Events that replace the world-event draw in given rounds (round number → event id). */
  readonly schedule: Readonly<Record<number, string>>;
  /**
   * Starting tracks that differ in a shorter game (its number of rounds → those tracks; the
   * rest as in `tracks`): slow effects and late scheduled events have less time to matter
   * there, so a scenario balanced over 8 rounds can lean to one side over 4 (R2.2).
   */
  readonly shorterGames?: Readonly<Partial<Record<'4' | '6', Readonly<Partial<Record<TrackId, number>>>>>>;
}
