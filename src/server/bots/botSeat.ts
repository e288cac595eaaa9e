/**
 * How a seat played by the computer is recorded in a match's data: the display name and, in the
 * player's `data`, `{ bot: { level, persona } }`, which clients read to show the seat as the
 * computer. The seat's credentials are made by the server and stay in the stored match data
 * (boardgame.io strips credentials from everything it sends).
 */
import { createHash } from 'node:crypto';
import type { Server as ServerTypes } from 'boardgame.io';
import { botSettingsIn, type BotConfig, type BotSettings } from '../../bots/types';
import { BOT_CREDENTIALS_PREFIX } from '../guards';
import { seatOf } from '../seats';

export type { BotSettings };

export const BOT_NAME = 'Computer';

type Player = ServerTypes.MatchData['players'][number];

/**
 * The bot settings of a seat the server's own computer holds, or null for a seat a person holds
 * (or an empty one). Only the server writes `data`, and only with credentials a person can never
 * be given (guards.ts): a `bot` field without them, from an old record or a file edited by
 * hand, is not the computer, is not shown as one and is never started.
 */
export function botSettingsOf(player: Player | undefined): BotSettings | null {
  if (typeof player?.credentials !== 'string' || !player.credentials.startsWith(BOT_CREDENTIALS_PREFIX)) return null;
  return botSettingsIn(player.data);
}

/** The seats of a match that the computer plays, with what a runner needs to play them. */
export function botSeats(metadata: ServerTypes.MatchData): { playerID: '0' | '1'; credentials: string; settings: BotSettings }[] {
  return (['0', '1'] as const).flatMap((playerID) => {
    const player = seatOf(metadata, playerID);
    const settings = botSettingsOf(player);
    return settings && player?.credentials ? [{ playerID, credentials: player.credentials, settings }] : [];
  });
}

/**
 * The bot's own seed, from its secret credentials: the same after a restart (so the bot stays
 * the same player), and unknown to the person it plays.
 */
export function botConfig(settings: BotSettings, credentials: string): BotConfig {
  const seed = createHash('sha256').update(credentials).digest().readUInt32LE(0);
  return { level: settings.level, persona: settings.persona, seed };
}
