/**
 * A small seeded generator (mulberry32): the bots' own choices, and headless play's random
 * moves (src/sim re-exports it). Pure, so it runs in a Web Worker; the engine's randomness is
 * boardgame.io's seeded `random` instead.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
