/** boardgame.io's `ai.enumerate`: every legal move of whoever must act now (R4.1, R7.2). */
import type { Ctx } from 'boardgame.io';
import { actingSide, legalPlays, type Play } from './rules';
import type { DeRiskState } from './state';

export interface BotMove {
  move: 'act' | 'playCard' | 'recycle' | 'proposeDeal' | 'acceptDeal' | 'rejectDeal' | 'pass';
  args: unknown[];
}

/** The boardgame.io move that carries out a play. */
export function toMove(play: Play): BotMove {
  switch (play.kind) {
    case 'action':
      return { move: 'act', args: [play.id] };
    case 'card':
      return { move: 'playCard', args: [play.id] };
    case 'recycle':
      return { move: 'recycle', args: [play.id] };
    case 'propose':
      return { move: 'proposeDeal', args: [[...play.terms]] };
    case 'accept':
      return { move: 'acceptDeal', args: [] };
    case 'reject':
      return { move: 'rejectDeal', args: [] };
    case 'pass':
      return { move: 'pass', args: [] };
  }
}

export function enumerate(G: DeRiskState, ctx: Ctx): BotMove[] {
  const side = actingSide(G, ctx);
  return side ? legalPlays(G, ctx, side).map(toMove) : [];
}
