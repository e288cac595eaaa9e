/** R12: what each seat and a spectator may see, in the view and in the move log. */
import { Client } from 'boardgame.io/client';
import { Local } from 'boardgame.io/multiplayer';
import type { Ctx, LogEntry } from 'boardgame.io';
import { describe, expect, it } from 'vitest';
import { DeRisk, legalProposals, REASON_MAX, reasonProblem, type DeRiskState, type GameResult } from '../../src/game';
import { playerView } from '../../src/game/view';
import { CONTENT } from '../../src/content';
import { playRandomGame } from '../../src/sim/headless';
import { calmMatch, startMatch, play, WASHINGTON, BEIJING } from '../helpers/match';

const SEATS = [
  { name: 'Washington', playerID: '0', own: 'us', other: 'cn' },
  { name: 'Beijing', playerID: '1', own: 'cn', other: 'us' },
] as const;

function viewOf(G: DeRiskState, ctx: Ctx, playerID: string | null): DeRiskState {
  return playerView({ G, ctx, playerID });
}

describe('R12 player views', () => {
  const match = startMatch({ seed: 'secrets' });
  const { G, ctx } = match.state;

  it.each(SEATS)('R12 $name sees its own hand and agenda, and only the size of the other hand', ({ playerID, own, other }) => {
    const view = viewOf(G, ctx, playerID);
    expect(view.sides[own].hand).toEqual(G.sides[own].hand);
    expect(view.sides[own].agenda).toBe(G.sides[own].agenda);
    expect(view.sides[other].hand).toEqual([]);
    expect(view.sides[other].agenda).toBeNull();
    expect(view.view?.handCounts[other]).toBe(G.sides[other].hand.length);
    expect(view.view?.seat).toBe(own);
  });

  it.each([...SEATS.map((s) => s.playerID), null])('R12 seat %s sees no deck order, no event deck and no face-down discards', (playerID) => {
    const view = viewOf(G, ctx, playerID);
    for (const side of ['us', 'cn'] as const) {
      expect(view.sides[side].deck).toEqual([]);
      expect(view.sides[side].discard).toEqual([]);
      expect(view.view?.deckCounts[side]).toBe(G.sides[side].deck.length);
    }
    expect(view.eventDeck).toEqual([]);
    expect(view.view?.eventDeckCount).toBe(G.eventDeck.length);
  });

  it('R12 a spectator sees neither hand nor agenda', () => {
    const view = viewOf(G, ctx, null);
    for (const side of ['us', 'cn'] as const) {
      expect(view.sides[side].hand).toEqual([]);
      expect(view.sides[side].agenda).toBeNull();
      expect(view.view?.handCounts[side]).toBe(5);
    }
    expect(view.view?.seat).toBeNull();
  });

  it('R12 no hidden card id of the other side appears anywhere in a view, unless it was played in public', () => {
    for (const { playerID, other } of SEATS) {
      const text = JSON.stringify(viewOf(G, ctx, playerID));
      const played = new Set(G.chronicle.flatMap((e) => (e.kind === 'card' ? [e.card] : [])));
      for (const card of G.sides[other].hand.filter((c) => !played.has(c))) {
        expect(text.includes(`"${card}"`), `${card} leaked to ${playerID}`).toBe(false);
      }
    }
  });

  it('R12 agendas are revealed to everyone once the game is over', () => {
    const { state } = playRandomGame({ seed: 7 });
    expect(state.ctx.gameover).toBeDefined();
    for (const playerID of ['0', '1', null]) {
      const view = viewOf(state.G, state.ctx, playerID);
      expect(view.sides.us.agenda).toBe(state.G.sides.us.agenda);
      expect(view.sides.cn.agenda).toBe(state.G.sides.cn.agenda);
      expect(view.sides.us.agenda).not.toBeNull();
    }
  });

  it('R12 the game-over result names both agendas', () => {
    const { state } = playRandomGame({ seed: 11 });
    expect((state.ctx.gameover as GameResult).agendas).toEqual({ us: state.G.sides.us.agenda, cn: state.G.sides.cn.agenda });
  });
});

describe('R12 through boardgame.io clients', () => {
  function clients() {
    const multiplayer = Local();
    const game = { ...DeRisk, seed: 'local-secrets' };
    const us = Client<DeRiskState>({ game, numPlayers: 2, multiplayer, playerID: '0' });
    const cn = Client<DeRiskState>({ game, numPlayers: 2, multiplayer, playerID: '1' });
    const spectator = Client<DeRiskState>({ game, numPlayers: 2, multiplayer });
    for (const c of [us, cn, spectator]) c.start();
    return { us, cn, spectator, stop: () => [us, cn, spectator].forEach((c) => c.stop()) };
  }

  it('R6.3 a recycled card is redacted from the other seat’s log and from the spectator’s', () => {
    const { us, cn, spectator, stop } = clients();
    us.moves.pass?.();
    const card = cn.getState()?.G.sides.cn.hand[0];
    expect(card).toBeDefined();
    cn.moves.recycle?.(card);
    const entry = (log: LogEntry[] | undefined) => log?.find((e) => e.action.payload.type === 'recycle');
    expect(entry(cn.log)?.action.payload.args).toEqual([card]);
    expect(entry(us.log)?.action.payload.args).toBeNull();
    expect(entry(spectator.log)?.action.payload.args).toBeNull();
    expect(us.getState()?.G.sides.cn.hand).toEqual([]);
    expect(spectator.getState()?.G.sides.us.hand).toEqual([]);
    stop();
  });

  it('R12 a client’s state never holds the other side’s hand or any deck', () => {
    const { us, cn, stop } = clients();
    us.moves.act?.('raiseTariffs');
    const seen = us.getState()?.G;
    expect(seen?.sides.cn.hand).toEqual([]);
    expect(seen?.sides.us.deck).toEqual([]);
    expect(seen?.sides.us.hand).toHaveLength(5);
    expect(cn.getState()?.G.sides.us.hand).toEqual([]);
    stop();
  });
});

describe('R12 played cards are public', () => {
  it('R6.2 a played card is named in the chronicle that both sides see', () => {
    const card = [...CONTENT.cards.values()].find((c) => c.side === 'us' && c.requires.length === 0)?.id ?? '';
    const match = startMatch({ seed: 'played', hands: { us: [card] }, tracks: { usLeverage: 10 } });
    play(match, WASHINGTON, 'playCard', card);
    const view = viewOf(match.state.G, match.state.ctx, BEIJING);
    expect(view.chronicle.at(-1)).toMatchObject({ kind: 'card', side: 'us', card });
  });
});

describe('R12 a move’s reason', () => {
  it('R12 the reason is kept with the move and attributed to the side that gave it', () => {
    const match = calmMatch({ seed: 'reasons' });
    play(match, WASHINGTON, 'act', 'raiseTariffs', '  Pressure   first, talk later ');
    expect(match.state.G.chronicle.at(-1)).toMatchObject({ kind: 'action', side: 'us', reason: { side: 'us', text: 'Pressure first, talk later' } });
    play(match, BEIJING, 'pass', 'Wait and see');
    expect(match.state.G.chronicle.at(-1)).toMatchObject({ kind: 'pass', reason: { side: 'cn', text: 'Wait and see' } });
  });

  it('R12 the responder’s reason for signing is the responder’s, though the deal is the proposer’s', () => {
    const match = calmMatch({ seed: 'reason-deal' });
    const [terms] = legalProposals(match.state.G, match.state.ctx, 'us');
    expect(terms).toBeDefined();
    play(match, WASHINGTON, 'proposeDeal', terms, 'Offer a truce');
    play(match, BEIJING, 'acceptDeal', 'A truce suits us');
    const signed = match.state.G.chronicle.at(-1);
    expect(signed).toMatchObject({ kind: 'dealSigned', side: 'us', reason: { side: 'cn', text: 'A truce suits us' } });
  });

  it.each([
    ['a number', 42],
    ['a list', ['why']],
    ['a text longer than the limit', 'x'.repeat(REASON_MAX + 1)],
  ])('R12 a reason that is %s is refused and changes nothing', (_name, reason) => {
    const match = calmMatch({ seed: 'bad-reason' });
    const before = JSON.stringify(match.state.G);
    expect(match.move(WASHINGTON, 'act', 'raiseTariffs', reason)).toBe(false);
    expect(JSON.stringify(match.state.G)).toBe(before);
    expect(reasonProblem('act', ['raiseTariffs', reason])?.code).toBe('malformed');
  });

  it('R12 the other side and spectators see a reason only once the game is over', () => {
    const match = calmMatch({ seed: 'reason-secret' });
    play(match, WASHINGTON, 'act', 'raiseTariffs', 'Squeeze their exporters');
    const { G, ctx } = match.state;
    expect(viewOf(G, ctx, WASHINGTON).chronicle.at(-1)?.reason?.text).toBe('Squeeze their exporters');
    expect(viewOf(G, ctx, BEIJING).chronicle.at(-1)?.reason).toBeUndefined();
    expect(viewOf(G, ctx, null).chronicle.at(-1)?.reason).toBeUndefined();
    expect(JSON.stringify(viewOf(G, ctx, BEIJING))).not.toContain('Squeeze');
    const over = { ...ctx, gameover: { kind: 'stalemate' } } as Ctx;
    expect(viewOf(G, over, BEIJING).chronicle.at(-1)?.reason?.text).toBe('Squeeze their exporters');
    expect(viewOf(G, over, null).chronicle.at(-1)?.reason?.text).toBe('Squeeze their exporters');
  });

  it('R12 the reason never reaches the other seat or a spectator through boardgame.io’s log', () => {
    const multiplayer = Local();
    const game = { ...DeRisk, seed: 'reason-log' };
    const us = Client<DeRiskState>({ game, numPlayers: 2, multiplayer, playerID: '0' });
    const cn = Client<DeRiskState>({ game, numPlayers: 2, multiplayer, playerID: '1' });
    const spectator = Client<DeRiskState>({ game, numPlayers: 2, multiplayer });
    for (const c of [us, cn, spectator]) c.start();
    us.moves.act?.('raiseTariffs', 'Secret motive');
    for (const c of [cn, spectator]) {
      expect(JSON.stringify(c.log)).not.toContain('Secret motive');
      expect(JSON.stringify(c.getState()?.G)).not.toContain('Secret motive');
    }
    expect(JSON.stringify(us.log)).toContain('Secret motive');
    for (const c of [us, cn, spectator]) c.stop();
  });
});
