/** Builders for engine-level tests: a state in a chosen position and predictable dice. */
import type { Dice } from '../../src/game/cards';
import { emptyOutcome, type Resolution } from '../../src/game/effects';
import { initialState, type SetupData } from '../../src/game/setup';
import type { Tracks } from '../../src/game/state';
import { workingCopy, type WorkingState } from '../../src/game/working-copy';
import type { Side, TrackId } from '../../src/content/types';

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
  round?: number;
}

/**
 * A state after setup, with round set to 1 by default and the given tracks: for calling the
 * engine's functions directly. A position with hands or events to come is a match's
 * (`startMatch` in match.ts).
 */
export function makeState({ setup, tracks, round = 1 }: StateOptions = {}): WorkingState {
  const G = workingCopy(initialState(setup, fixedDice()));
  G.round = round;
  Object.assign(G.tracks, tracks);
  return G;
}

/** A resolution context for calling the effect interpreter directly. */
export function resolution(G: WorkingState, actor: Side | null = null, dice: Dice = fixedDice()): Resolution {
  return { G, actor, source: 'test', dice, out: emptyOutcome() };
}

/** Every track that moved from `before` to `after`, with its change. */
export function trackChanges(before: Tracks, after: Tracks): Partial<Record<TrackId, number>> {
  const out: Partial<Record<TrackId, number>> = {};
  for (const id of Object.keys(before) as TrackId[]) if (after[id] !== before[id]) out[id] = after[id] - before[id];
  return out;
}
