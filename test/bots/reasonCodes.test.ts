/**
 * A computer's reason travels as a code (R12): the engine keeps a well-formed one with the
 * move and refuses anything else (INVALID_MOVE), the server's check of a socket's MAKE_MOVE
 * (derived from the move registry) accepts a bot's move and refuses a malformed code, and the
 * code stays the bot's secret until the game ends.
 */
import type { Ctx } from 'boardgame.io';
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/bots';
import { playerView } from '../../src/game/view';
import { actingSide, reasonProblem, type BotReason } from '../../src/game';
import { moveAction } from '../../src/server/guards';
import { calmMatch, play, BEIJING, WASHINGTON } from '../helpers/match';

const RAISE: BotReason = { kind: 'action', id: 'raiseTariffs', changes: [{ track: 'relationship', from: 5, to: 4 }], motive: { kind: 'standFirm' }, ahead: true };

/** A MAKE_MOVE as boardgame.io's client sends it over the socket. */
const wire = (type: string, args: unknown[], playerID = WASHINGTON) => ({ type: 'MAKE_MOVE', payload: { type, args, playerID, credentials: 'c' } });

/** Reasons no bot sends, each of which the server's schema refuses. */
const MALFORMED: readonly [string, unknown][] = [
  ['of an unknown kind', { kind: 'boast', id: 'raiseTariffs', changes: [] }],
  ['with an extra field', { ...RAISE, note: 'hello' }],
  ['naming three changes', { ...RAISE, changes: [1, 2, 3].map((to) => ({ track: 'relationship', from: 5, to })) }],
  ['with an unknown track', { ...RAISE, changes: [{ track: 'happiness', from: 1, to: 2 }] }],
  ['with a number out of bounds', { ...RAISE, changes: [{ track: 'relationship', from: 5, to: 1e9 }] }],
  ['with a fraction', { ...RAISE, changes: [{ track: 'relationship', from: 5, to: 4.5 }] }],
  ['naming an action the game does not have', { ...RAISE, id: 'invadeMars' }],
  ['with an unknown motive', { ...RAISE, motive: { kind: 'revenge' } }],
  ['answering a card the game does not have', { ...RAISE, motive: { kind: 'answer', to: { kind: 'card', id: 'noSuchCard' } } }],
  ['with `ahead: false`', { ...RAISE, ahead: false }],
  ['that is null inside', { ...RAISE, changes: null }],
  ['naming the recycled card', { kind: 'recycle', card: 'weak', id: 'raiseTariffs' }],
];

describe('R12 a computer’s reason is a code the engine checks', () => {
  it('R12 the engine keeps a well-formed code with the move, for the side that gave it', () => {
    const match = calmMatch({ seed: 'code-kept' });
    play(match, WASHINGTON, 'act', 'raiseTariffs', RAISE);
    expect(match.state.G.chronicle.at(-1)).toMatchObject({ kind: 'action', side: 'us', reason: { side: 'us', code: RAISE } });
    expect(match.state.G.chronicle.at(-1)?.reason?.text).toBeUndefined();
  });

  it.each(MALFORMED)('R12 a code %s is refused by the engine (INVALID_MOVE) and by the server’s schema', (_name, reason) => {
    const match = calmMatch({ seed: 'bad-code' });
    const before = JSON.stringify(match.state.G);
    expect(match.move(WASHINGTON, 'act', 'raiseTariffs', reason)).toBe(false);
    expect(JSON.stringify(match.state.G)).toBe(before);
    expect(reasonProblem('act', ['raiseTariffs', reason])).toMatchObject({ code: 'malformed', what: 'code' });
    expect(moveAction.safeParse(wire('act', ['raiseTariffs', reason])).success).toBe(false);
  });

  it.each([
    ['a pass', 'pass', []],
    ['another action', 'act', ['cutTariffs']],
  ] as const)('R12 a well-formed code about raising tariffs, sent with %s, is refused by the engine', (_name, move, args) => {
    const match = calmMatch({ seed: 'misfit-code' });
    expect(match.move(WASHINGTON, move, ...args, RAISE)).toBe(false);
    expect(reasonProblem(move, [...args, RAISE])?.code).toBe('malformed');
  });

  it('R12 the server’s schema takes a bot’s move with its code, as the bot sends it', () => {
    const { G, ctx } = calmMatch({ seed: 'bot-wire' }).state;
    const side = actingSide(G, ctx);
    const decision = decide(G, ctx, { level: 'hard', persona: 'titForTat', seed: 4 });
    expect(decision.move.args.at(-1)).toEqual(decision.reason);
    expect(moveAction.safeParse(wire(decision.move.move, decision.move.args, side === 'us' ? WASHINGTON : BEIJING)).success).toBe(true);
    expect(reasonProblem(decision.move.move, decision.move.args)).toBeNull();
  });

  it('R12 the other side and spectators see the code only once the game is over', () => {
    const match = calmMatch({ seed: 'code-secret' });
    play(match, WASHINGTON, 'act', 'raiseTariffs', RAISE);
    const { G, ctx } = match.state;
    const view = (playerID: string | null, c: Ctx = ctx) => playerView({ G, ctx: c, playerID }).chronicle.at(-1)?.reason;
    expect(view(WASHINGTON)?.code).toEqual(RAISE);
    expect(view(BEIJING)).toBeUndefined();
    expect(view(null)).toBeUndefined();
    expect(view(BEIJING, { ...ctx, gameover: { kind: 'stalemate' } })?.code).toEqual(RAISE);
  });
});
