/** Scenario tests through boardgame.io's reducer, the same path the server runs. */
import { createHeadlessMatch, playerToAct, type HeadlessMatch } from '../../src/sim/headless';
import type { SetupData } from '../../src/game/setup';
import type { DeRiskState, Tracks } from '../../src/game/state';
import type { Side } from '../../src/content/types';

export { playerToAct };

export interface MatchOptions {
  seed?: string;
  setup?: Partial<SetupData>;
  /** Track values to set once round 1 has started. */
  tracks?: Partial<Tracks>;
  /** Exactly these cards in hand once round 1 has started (the rest go back to the deck). */
  hands?: Partial<Record<Side, string[]>>;
  prepare?: (G: DeRiskState) => void;
}

export const WASHINGTON = '0';
export const BEIJING = '1';

/** A match in round 1, Washington to act, with the given position. */
export function startMatch({ seed = 'test', setup, tracks, hands, prepare }: MatchOptions = {}): HeadlessMatch {
  return createHeadlessMatch(seed, setup, (G) => {
    Object.assign(G.tracks, tracks);
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

/** A 2025 match in the CALM position with no world events, so only the plays move the tracks. */
export function calmMatch(options: MatchOptions = {}): HeadlessMatch {
  return startMatch({
    ...options,
    tracks: { ...CALM, ...options.tracks },
    prepare: (G) => {
      G.eventDeck = [];
      options.prepare?.(G);
    },
  });
}
