/** The computer opponents' public shapes: how strong, what temperament, what they decided and why. */
import type { BotMove, BotReason } from '../game';

export type { BotMove };

export const BOT_LEVELS = ['easy', 'normal', 'hard'] as const;
export type BotLevel = (typeof BOT_LEVELS)[number];

export const PERSONAS = ['balanced', 'hawk', 'dealmaker', 'titForTat'] as const;
/**
 * A bot's temperament: `hawk` values its own support and tough measures, `dealmaker` values
 * the relationship and deals, `titForTat` answers the other side's last play in kind.
 */
export type Persona = (typeof PERSONAS)[number];

/** Which computer plays: how strong and what temperament, as a match records it for a seat. */
export interface BotSettings {
  readonly level: BotLevel;
  readonly persona: Persona;
}

/**
 * The settings a seat's match data records (`{ bot: { level, persona } }`), or null when it
 * records none or an unknown level or temperament. Whether the seat really is the computer's
 * is each reader's own check (the server: its credentials; a client: a seated name).
 */
export function botSettingsIn(data: unknown): BotSettings | null {
  const bot = (data as { bot?: { level?: unknown; persona?: unknown } } | null | undefined)?.bot;
  if (!bot || !BOT_LEVELS.includes(bot.level as BotLevel) || !PERSONAS.includes(bot.persona as Persona)) return null;
  return { level: bot.level as BotLevel, persona: bot.persona as Persona };
}

/** One bot's settings: passed to every decision, never kept in a module global. */
export interface BotConfig extends BotSettings {
  /** Seeds the bot's own choices; the same state and config always give the same decision. */
  readonly seed: number;
}

export interface BotDecision {
  /** The boardgame.io move to send, always legal for the side that must act; its last argument is the reason (R12). */
  readonly move: BotMove;
  /** Why, as data (R12): the client words it in the reader's language for the debrief. */
  readonly reason: BotReason;
}
