/** Builders for engine-level tests: a state in a chosen position and predictable dice. */
import type { Dice } from '../../src/game/cards';
import { emptyOutcome, type Resolution } from '../../src/game/effects';
import { initialState, type SetupData } from '../../src/game/setup';
import type { DeRiskState, Tracks } from '../../src/game/state';
import type { Side } from '../../src/content/types';

/** Dice that roll the given values in order (then 6s) and never reorder a shuffle. */
export function fixedDice(rolls: number[] = []): Dice & { rolled: number[] } {
  const queue = [...rolls];
  const rolled: number[] = [];
  return {
    rolled,
    d6: () => {
      const value = queue.shift() ?? 6;
      rolled.push(value);
      return value;
    },
    shuffle: <T,>(items: T[]) => [...items],
  };
}

export interface StateOptions {
  setup?: Partial<SetupData>;
  tracks?: Partial<Tracks>;
  /** Cards to put in a side's hand (taken out of its deck). */
  hands?: Partial<Record<Side, string[]>>;
  round?: number;
}

/** A state after setup, with round set to 1 by default and the given tracks and hands. */
export function makeState({ setup, tracks, hands, round = 1 }: StateOptions = {}): DeRiskState {
  const G = initialState(setup, fixedDice());
  G.round = round;
  Object.assign(G.tracks, tracks);
  for (const side of ['us', 'cn'] as const) {
    for (const card of hands?.[side] ?? []) {
      const at = G.sides[side].deck.indexOf(card);
      if (at >= 0) G.sides[side].deck.splice(at, 1);
      G.sides[side].hand.push(card);
    }
  }
  return G;
}

/** A resolution context for calling the effect interpreter directly. */
export function resolution(G: DeRiskState, actor: Side | null = null, dice: Dice = fixedDice()): Resolution {
  return { G, actor, source: 'test', dice, out: emptyOutcome() };
}
