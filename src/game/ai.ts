/** boardgame.io's `ai.enumerate`: every legal move of whoever must act now (R5.1, R7.2), as the registry sends it. */
import type { Ctx } from 'boardgame.io';
import { toMove, type Move } from './registry';
import { actingSide, legalPlays } from './rules';
import type { DeRiskState } from './state';

/** The computer players' moves are the registry's moves. */
export type BotMove = Move;

export function enumerate(G: DeRiskState, ctx: Ctx): Move[] {
  const side = actingSide(G, ctx);
  return side ? legalPlays(G, ctx, side).map((play) => toMove(play)) : [];
}
