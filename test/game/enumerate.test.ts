/** ai.enumerate returns every legal move of whoever must act, and only legal ones (R5.1, R7.1). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTENT } from '../../src/content';
import { actingSide, enumerate, legalProposals, MAX_TERMS_PER_SIDE, termsProblem, toPlay, whyRefused } from '../../src/game';
import { playRandomGame } from '../../src/sim/headless';
import { startMatch, play, WASHINGTON, BEIJING } from '../helpers/match';

const ALL_TERMS = [...CONTENT.dealTerms.keys()];

describe('ai.enumerate', () => {
  it('R7.1 the enumerated proposals are exactly the term lists termsProblem accepts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.subarray(ALL_TERMS, { minLength: 2, maxLength: 2 * MAX_TERMS_PER_SIDE }), (seed, terms) => {
        const match = startMatch({
          seed: `p${seed}`,
          tracks: { usLeverage: 5, mineralBans: seed % 2, exportControls: seed % 3, usTariff: seed % 4 },
          prepare: (G) => {
            G.offers.pending = seed % 2;
          },
        });
        const { G, ctx } = match.state;
        const listed = legalProposals(G, ctx, 'us').some((p) => p.length === terms.length && p.every((t) => terms.includes(t)));
        expect(listed).toBe(termsProblem(G, terms) === null);
      }),
      { numRuns: 300 },
    );
  });

  it('R5.1 every enumerated move is accepted by the reducer, in many positions', () => {
    let checked = 0;
    playRandomGame({
      seed: 99,
      afterMove: (state) => {
        for (const option of enumerate(state.G, state.ctx)) {
          const side = actingSide(state.G, state.ctx);
          const play = toPlay(option.move, option.args);
          expect(side).not.toBeNull();
          expect(play).not.toBeNull();
          if (!side || !play) return;
          expect(whyRefused(state.G, state.ctx, side, play)).toBeNull();
          checked += 1;
        }
      },
    });
    expect(checked).toBeGreaterThan(100);
  });

  it('R5.1 lists every standard action the side can afford and no unaffordable one', () => {
    const match = startMatch({ tracks: { usLeverage: 1 } });
    const acts = enumerate(match.state.G, match.state.ctx).filter((m) => m.move === 'act').map((m) => m.args[0]);
    const affordable = CONTENT.menus.us.filter((a) => a.cost <= 1 && a.id !== 'approveFactory').map((a) => a.id);
    expect(new Set(acts)).toEqual(new Set(affordable));
    expect(enumerate(match.state.G, match.state.ctx)).toContainEqual({ move: 'pass', args: [] });
  });

  it('R7.2 while a deal waits, only the responder’s accept and reject are listed', () => {
    const match = startMatch({ tracks: { usLeverage: 5 } });
    play(match, WASHINGTON, 'proposeDeal', ['tariffCut1', 'buyFarm']);
    expect(enumerate(match.state.G, match.state.ctx)).toEqual([
      { move: 'acceptDeal', args: [] },
      { move: 'rejectDeal', args: [] },
    ]);
    play(match, BEIJING, 'rejectDeal');
    expect(enumerate(match.state.G, match.state.ctx).every((m) => m.move !== 'acceptDeal')).toBe(true);
  });

  it('returns nothing once the game is over', () => {
    const { state } = playRandomGame({ seed: 3 });
    expect(enumerate(state.G, state.ctx)).toEqual([]);
  });
});
