/** The computer opponents' public shapes: how strong, what temperament, what they decided and why. */
import type { BotMove } from '../game';

export type { BotMove };

export const BOT_LEVELS = ['easy', 'normal', 'hard'] as const;
export type BotLevel = (typeof BOT_LEVELS)[number];

export const PERSONAS = ['balanced', 'hawk', 'dealmaker', 'titForTat'] as const;
/**
 * A bot's temperament: `hawk` values its own support and tough measures, `dealmaker` values
 * the relationship and deals, `titForTat` answers the other side's last play in kind.
 */
export type Persona = (typeof PERSONAS)[number];

/** One bot's settings: passed to every decision, never kept in a module global. */
export interface BotConfig {
  readonly level: BotLevel;
  readonly persona: Persona;
  /** Seeds the bot's own choices; the same state and config always give the same decision. */
  readonly seed: number;
}

export interface BotDecision {
  /** The boardgame.io move to send, always legal for the side that must act; its last argument is the reason (R12). */
  readonly move: BotMove;
  /** One plain-English line a teacher can read in the debrief. */
  readonly reason: string;
}
