/**
 * Outside a move the state is read-only: its types refuse a write at compile time (the
 * `@ts-expect-error` lines below fail `npm run typecheck` the day a write is allowed), and the
 * state a match hands out is frozen, so a write that slipped past the types throws.
 */
import { describe, expect, it } from 'vitest';
import type { DeRiskState } from '../../src/game/state';
import type { WorkingState } from '../../src/game/working-copy';
import { play, startMatch, WASHINGTON } from '../helpers/match';

/** Never called: checked by the compiler only. */
export function queriesCannotWrite(G: DeRiskState): void {
  // @ts-expect-error a query may not move a track
  G.tracks.usSupport = 1;
  // @ts-expect-error nor change a hand
  G.sides.us.hand[0] = 'x';
  // @ts-expect-error nor replace the deal
  G.deal = null;
  // @ts-expect-error nor rewrite the chronicle
  G.chronicle.length = 0;
  const [entry] = G.chronicle;
  // @ts-expect-error nor an entry in it
  if (entry) entry.round = 2;
}

/** Never called: a working copy is writable as deep as it is copied, and no deeper. */
export function workingCopyWritesItsOwnParts(W: WorkingState): void {
  W.tracks.usSupport = 1;
  W.sides.us.hand.push('x');
  W.flags.push({ flag: 'c919', duration: 'game' });
  W.offers.pending += 1;
  const [flag] = W.flags;
  // @ts-expect-error flags are shared with the frozen state the copy came from: replace one, never change it
  if (flag) flag.duration = 'round';
  const [entry] = W.chronicle;
  // @ts-expect-error so are chronicle entries
  if (entry) entry.round = 2;
}

describe('the state outside a move', () => {
  it('is frozen all the way down after a move, so even a cast cannot change it', () => {
    const match = startMatch({ seed: 'readonly' });
    play(match, WASHINGTON, 'pass');
    const G = match.state.G;
    for (const part of [G, G.tracks, G.sides, G.sides.us, G.sides.us.hand, G.offers, G.flags, G.chronicle, G.chronicle[0], G.history]) {
      expect(Object.isFrozen(part)).toBe(true);
    }
    const before = G.tracks.usSupport;
    expect(() => {
      (G.tracks as { usSupport: number }).usSupport = before + 1;
    }).toThrow(TypeError);
    expect(G.tracks.usSupport).toBe(before);
  });
});
