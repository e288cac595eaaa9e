/**
 * The board model (src/game/board.ts) says exactly what the rules say: in positions from
 * random games, every option's refusal is `whyRefused`'s, the plays it allows are the legal
 * plays, costs are `costOf`'s, and previews are shown only for allowed plays.
 */
import type { Ctx } from 'boardgame.io';
import { describe, expect, it } from 'vitest';
import { CONTENT } from '../../src/content';
import { actingSide, boardModel, costOf, legalPlays, whyRefused, type BoardModel, type DeRiskState, type Play, type PlayOption } from '../../src/game';
import { playRandomGame } from '../../src/sim/headless';
import { calmMatch } from '../helpers/match';

const key = (play: Play) => JSON.stringify(play);

function options(model: BoardModel): PlayOption[] {
  const desk = model.desk;
  if (!desk) return [];
  return [...desk.actions, ...desk.hand.flatMap((c) => [c.play, c.recycle]), desk.pass, ...(desk.answer ? [desk.answer.accept, desk.answer.reject] : [])];
}

function checkPosition(G: DeRiskState, ctx: Ctx): void {
  const side = actingSide(G, ctx);
  if (!side) return;
  const model = boardModel(G, ctx, side);
  expect(model.acting).toBe(side);
  const shown = options(model);
  for (const option of shown) {
    expect(option.refusal, key(option.play)).toEqual(whyRefused(G, ctx, side, option.play));
    if (option.refusal) expect(option.preview).toBeNull();
    if (option.play.kind === 'action' || option.play.kind === 'card') {
      const def = option.play.kind === 'action' ? CONTENT.actions.get(option.play.id) : CONTENT.cards.get(option.play.id);
      if (def) expect(option.cost).toBe(costOf(G, side, def));
    }
  }
  const allowed = new Set(shown.filter((o) => !o.refusal).map((o) => key(o.play)));
  const legal = new Set(legalPlays(G, ctx, side).filter((p) => p.kind !== 'propose').map(key));
  expect([...allowed].sort()).toEqual([...legal].sort());
}

describe('the board model', () => {
  it('R5.3 agrees with the rules in every position of 40 random games: refusals, legal plays, costs, previews', () => {
    let positions = 0;
    for (let game = 0; game < 40; game += 1) {
      playRandomGame({
        seed: 1000 + game,
        setupData: { scenario: (['2025', '2018', '2020'] as const)[game % 3], length: 4 },
        afterMove: (state) => {
          if (state.ctx.gameover !== undefined) return;
          positions += 1;
          checkPosition(state.G, state.ctx);
        },
      });
    }
    expect(positions).toBeGreaterThan(500);
  });

  it('R7.1 the deal composer: a proposal that may be made is allowed exactly when the rules allow it, with the hawks’ verdict; an impossible term says why', () => {
    const match = calmMatch();
    const { G, ctx } = match.state;
    const [proposal] = legalPlays(G, ctx, 'us').filter((p) => p.kind === 'propose');
    if (!proposal || proposal.kind !== 'propose') throw new Error('no legal proposal');
    const model = boardModel(G, ctx, 'us', proposal.terms);
    const deal = model.desk?.deal;
    if (!deal) throw new Error('no desk for the seat');
    expect(deal.propose.refusal).toBeNull();
    expect(deal.hawks).not.toBeNull();
    expect(deal.propose.preview?.changes.length).toBeGreaterThan(0);
    const chosen = [...deal.terms.us, ...deal.terms.cn].filter((t) => t.chosen).map((t) => t.def.id);
    expect(chosen.sort()).toEqual([...proposal.terms].sort());
    const empty = boardModel(G, ctx, 'us', []).desk?.deal;
    expect(empty?.hawks).toBeNull();
    expect(empty?.propose.refusal?.code).toBe('noTerms');
  });

  it('has no desk without a seat on screen, and the same capitals and warnings for everyone', () => {
    const match = calmMatch();
    const { G, ctx } = match.state;
    const spectator = boardModel(G, ctx, null);
    expect(spectator.desk).toBeNull();
    expect(boardModel(G, ctx, 'cn').capitals).toEqual(spectator.capitals);
    expect(boardModel(G, ctx, 'cn').desk?.acting).toBe(false);
    expect(boardModel(G, ctx, 'us').desk?.acting).toBe(true);
  });
});
