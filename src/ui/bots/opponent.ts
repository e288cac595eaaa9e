/**
 * The computer opponent as chosen on the start screen. Only types and the choice lists live
 * here: the start screen is in the first download, the bots and their worker are not.
 */
import type { BotLevel, Persona } from '../../bots/types';
import type { Side } from '../../game';

export { BOT_LEVELS, PERSONAS, type BotLevel, type Persona } from '../../bots/types';

export interface ComputerOpponent {
  /** The side the computer plays; the person plays the other. */
  readonly side: Side;
  readonly level: BotLevel;
  readonly persona: Persona;
}
