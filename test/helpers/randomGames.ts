/** Plays seeded random games, checking every invariant after every move; returns the result kinds. */
import { expect } from 'vitest';
import type { GameLength, GameResult, ScenarioId } from '../../src/game';
import { playRandomGame } from '../../src/sim/headless';
import { brokenInvariants } from './invariants';

export function randomGames(first: number, count: number, scenario: ScenarioId, length: GameLength) {
  const kinds: Record<string, number> = {};
  for (let seed = first; seed < first + count; seed += 1) {
    const { state } = playRandomGame({
      seed,
      setupData: { scenario, length },
      afterMove: (s, move) => {
        const broken = brokenInvariants(s);
        if (broken.length > 0) throw new Error(`seed ${seed} after ${JSON.stringify(move)}: ${broken.join('; ')}`);
      },
    });
    const result = state.ctx.gameover as GameResult;
    kinds[result.kind] = (kinds[result.kind] ?? 0) + 1;
    if (state.G.finished) {
      expect(state.G.round).toBe(length);
      expect(state.G.history).toHaveLength(length + 1);
    } else {
      expect(['collapse', 'rupture']).toContain(result.kind);
    }
  }
  return kinds;
}
