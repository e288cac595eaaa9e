/** boardgame.io's `ai.enumerate`: every legal move of whoever must act now (R5.1, R7.2). */
import type { Ctx } from 'boardgame.io';
import { actingSide, legalPlays, type Play } from './rules';
import type { DeRiskState } from './state';

export interface BotMove {
  move: 'act' | 'playCard' | 'recycle' | 'proposeDeal' | 'acceptDeal' | 'rejectDeal' | 'pass';
  args: unknown[];
}

function moveOf(play: Play): BotMove {
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

/** The boardgame.io move that carries out a play, with the mover's one-line reason last (R12). */
export function toMove(play: Play, reason?: string): BotMove {
  const move = moveOf(play);
  return reason === undefined ? move : { ...move, args: [...move.args, reason] };
}

/** The play a boardgame.io move stands for, or null for a move name the game does not have. */
export function toPlay(move: string, args: readonly unknown[]): Play | null {
  const [first] = args;
  const id = typeof first === 'string' ? first : '';
  switch (move) {
    case 'act':
      return { kind: 'action', id };
    case 'playCard':
      return { kind: 'card', id };
    case 'recycle':
      return { kind: 'recycle', id };
    case 'proposeDeal':
      return { kind: 'propose', terms: Array.isArray(first) ? first.map((t) => (typeof t === 'string' ? t : '')) : [] };
    case 'acceptDeal':
      return { kind: 'accept' };
    case 'rejectDeal':
      return { kind: 'reject' };
    case 'pass':
      return { kind: 'pass' };
    default:
      return null;
  }
}

export function enumerate(G: DeRiskState, ctx: Ctx): BotMove[] {
  const side = actingSide(G, ctx);
  return side ? legalPlays(G, ctx, side).map((play) => toMove(play)) : [];
}
