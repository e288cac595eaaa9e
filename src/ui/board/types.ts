import type { Ctx } from 'boardgame.io';
import type { DeRiskState, Play, Side } from '../../game';

/** What a screen hands the board: the (filtered) state, the seat on screen and a way to make a play. */
export interface BoardProps {
  G: DeRiskState;
  ctx: Ctx;
  /** The side whose secrets are on screen, or null (curtain down, spectator). */
  seat: Side | null;
  /**
   * Makes a play (sent as the registry's move, `toMove`); the board offers only plays the model
   * allows. `reason` is the person's one-line reason from the "Why?" field (R12), already one
   * trimmed line, or undefined when they gave none: pass both to `sendPlay`. Returns false when
   * the play was not sent (online, with the connection down), so the board keeps the reason.
   */
  send: (play: Play, reason?: string) => boolean;
}
