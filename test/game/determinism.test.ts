/** The same seed and the same moves give the same game; randomness comes only from the seed. */
import { describe, expect, it } from 'vitest';
import { enumerate, type BotMove } from '../../src/game';
import { createHeadlessMatch, playerToAct, playRandomGame } from '../../src/sim/headless';

describe('determinism', () => {
  it('replaying the same moves from the same seed gives an identical state', () => {
    const first = playRandomGame({ seed: 4242 });
    const moves: BotMove[] = [];
    const again = playRandomGame({ seed: 4242, afterMove: (_state, move) => moves.push(move) });
    expect(again.state.G).toEqual(first.state.G);
    expect(again.state.ctx).toEqual(first.state.ctx);
    // Replay the recorded moves one by one through a fresh match from the same seed.
    const recorder = createHeadlessMatch('game-4242');
    for (const m of moves) {
      expect(recorder.move(playerToAct(recorder.state), m.move, ...m.args)).toBe(true);
    }
    expect(recorder.state.G).toEqual(first.state.G);
  });

  it('different seeds deal different decks, agendas or events', () => {
    const a = createHeadlessMatch('seed-a').state.G;
    const b = createHeadlessMatch('seed-b').state.G;
    const fingerprint = (g: typeof a) => JSON.stringify([g.sides.us.deck, g.sides.cn.deck, g.eventDeck, g.sides.us.agenda]);
    expect(fingerprint(a)).not.toBe(fingerprint(b));
  });

  it('ai.enumerate is a pure query: asking twice gives the same list and changes nothing', () => {
    const match = createHeadlessMatch('pure');
    const before = structuredClone(match.state.G);
    const one = enumerate(match.state.G, match.state.ctx);
    const two = enumerate(match.state.G, match.state.ctx);
    expect(two).toEqual(one);
    expect(match.state.G).toEqual(before);
  });
});
