/** Scenario tests through boardgame.io's reducer, the same path the server runs. */
import { createHeadlessMatch, playerToAct, type HeadlessMatch } from '../../src/sim/headless';
import type { SetupData } from '../../src/game/setup';
import type { Tracks } from '../../src/game/state';
import type { WorkingState } from '../../src/game/working-copy';
import type { Side } from '../../src/content/types';

export { playerToAct };

export interface MatchOptions {
  seed?: string;
  setup?: Partial<SetupData>;
  /** Track values to set once round 1 has started. */
  tracks?: Partial<Tracks>;
  /** Exactly these cards in hand once round 1 has started (the rest go back to the deck). */
  hands?: Partial<Record<Side, string[]>>;
  /** Clear what round 1's world event left (flags, discounts, investment offers). */
  clean?: boolean;
  /** Exactly these world events to come, the first drawn first (`[]`: none). */
  events?: readonly string[];
  /** Any other change to the position, made last. */
  prepare?: (G: WorkingState) => void;
}

export const WASHINGTON = '0';
export const BEIJING = '1';

/** A match in round 1, Washington to act, with the given position. */
export function startMatch({ seed = 'test', setup, tracks, hands, clean, events, prepare }: MatchOptions = {}): HeadlessMatch {
  return createHeadlessMatch(seed, setup, (G) => {
    Object.assign(G.tracks, tracks);
    if (clean) {
      G.flags = [];
      G.discounts = [];
      G.offers = { pending: 0, approved: 0, blocked: 0, preempt: false };
    }
    if (events) G.eventDeck = [...events].reverse();
    for (const side of ['us', 'cn'] as const) {
      const wanted = hands?.[side];
      if (!wanted) continue;
      const pile = G.sides[side];
      pile.deck.push(...pile.hand);
      pile.hand = [];
      for (const card of wanted) {
        const at = pile.deck.indexOf(card);
        if (at < 0) throw new Error(`Card ${card} is not in ${side}'s deck`);
        pile.deck.splice(at, 1);
        pile.hand.push(card);
      }
    }
    prepare?.(G);
  });
}

/** Plays a move and fails the test with the engine's words if it was refused. */
export function play(match: HeadlessMatch, playerID: string, move: string, ...args: unknown[]): void {
  if (!match.move(playerID, move, ...args)) {
    throw new Error(`Move ${move}(${JSON.stringify(args)}) by ${playerID} was refused`);
  }
}

/** Whoever must act passes until the round is over (or the game). */
export function passRound(match: HeadlessMatch): void {
  const round = match.state.G.round;
  while (match.state.ctx.gameover === undefined && match.state.G.round === round) play(match, playerToAct(match.state), 'pass');
}

/** The last chronicle entry. */
export function lastEntry(match: HeadlessMatch) {
  return match.state.G.chronicle.at(-1);
}

/** Tracks on which the round-end drift (R8.1–R8.4, R8.7) changes nothing. */
export const CALM: Partial<Tracks> = {
  relationship: 5,
  usSupport: 5,
  cnSupport: 5,
  usInflation: 4,
  cnGrowth: 5,
  usTariff: 2,
  exportControls: 3,
  mineralBans: 0,
  usMineralDependence: 4,
  usLeverage: 6,
  cnLeverage: 6,
};

/** A 2025 match in the CALM position with no world events to come (unless `events` says), so only the plays move the tracks. */
export function calmMatch(options: MatchOptions = {}): HeadlessMatch {
  return startMatch({ events: [], ...options, tracks: { ...CALM, ...options.tracks } });
}

/**
 * Every track away from its ends and its thresholds: no standard action's, card's or event's
 * requirement fails, and no change is cut short by a limit.
 */
export const MID: Tracks = {
  relationship: 5,
  usSupport: 5,
  cnSupport: 5,
  usInflation: 5,
  cnGrowth: 5,
  interdependence: 10,
  usTariff: 3,
  cnTariff: 2,
  exportControls: 2,
  mineralBans: 1,
  usMineralDependence: 3,
  cnChipDependence: 3,
  usLeverage: 8,
  cnLeverage: 8,
};

/** A match in the MID position with nothing left by round 1's event, so a play's own effects stand alone. */
export function midMatch(options: MatchOptions = {}): HeadlessMatch {
  return startMatch({ clean: true, ...options, tracks: { ...MID, ...options.tracks } });
}
