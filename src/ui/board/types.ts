import type { Ctx } from 'boardgame.io';
import type { BotMove, DeRiskState, Side } from '../../game';

/** What every board component needs: the (filtered) state, the seat on screen and a way to move. */
export interface BoardProps {
  G: DeRiskState;
  ctx: Ctx;
  /** The side whose secrets are on screen, or null (curtain down, spectator). */
  seat: Side | null;
  /** Sends a move; callers check legality with the engine first. */
  send: (move: BotMove) => void;
}
