/** Adapts boardgame.io's seeded random plugin to the engine's `Dice`. */
import type { FnContext } from 'boardgame.io';
import type { Dice } from './cards';

export function diceFrom(random: FnContext['random']): Dice {
  return {
    d6: () => random.D6(),
    shuffle: <T,>(items: T[]) => random.Shuffle(items),
  };
}
