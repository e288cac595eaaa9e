/**
 * `POST /games/de-risk/:matchID/bot` with `{ playerID, credentials, level, persona }`: the
 * person holding one seat gives the empty other seat to the computer.
 *
 * Only a seated player may ask, proven by that seat's credentials. In practice this is the
 * match's creator: the start screen creates a match and at once joins it as the chosen side
 * (OnlinePanel), so while the other seat is empty the only person holding a seat is the one
 * who made the match. The lobby guard has already checked the body's shape and origin, applied
 * the rate limit, and runs this one request at a time per match (lobby.ts).
 */
import type { StorageAPI } from 'boardgame.io';
import { credentialsMatch, newCredentials } from '../guards';
import { BOT_NAME, type BotSettings } from './botSeat';
import type { BotRegistry } from './registry';

export interface SeatBotBody extends BotSettings {
  playerID: '0' | '1';
  credentials: string;
}

export interface LobbyAnswer {
  status: number;
  body: Record<string, unknown>;
}

const refuse = (status: number, error: string): LobbyAnswer => ({ status, body: { error } });

export async function seatBot(db: StorageAPI.Async, bots: BotRegistry, matchID: string, { playerID, credentials, level, persona }: SeatBotBody): Promise<LobbyAnswer> {
  const { metadata } = await db.fetch(matchID, { metadata: true });
  if (!metadata) return refuse(404, 'There is no match with that code.');
  // Credentials before anything else about the match is told.
  if (!credentialsMatch(credentials, metadata.players[Number(playerID)])) return refuse(403, 'Those credentials do not hold that seat.');
  if (metadata.gameover !== undefined) return refuse(409, 'The game is over.');
  const botID = playerID === '0' ? '1' : '0';
  const seat = metadata.players[Number(botID)];
  if (!seat || seat.name) return refuse(409, 'The other seat is already taken.');
  if (!bots.reserve(matchID)) return refuse(503, 'The server is running as many computer players as it can; please try again later.');
  const botCredentials = newCredentials();
  const settings: BotSettings = { level, persona };
  try {
    metadata.players[Number(botID)] = { ...seat, name: BOT_NAME, credentials: botCredentials, data: { bot: settings } };
    await db.setMetadata(matchID, { ...metadata, updatedAt: Date.now() });
  } catch (error) {
    bots.release(matchID);
    throw error;
  }
  bots.start(matchID, botID, botCredentials, settings);
  return { status: 200, body: { playerID: botID, playerName: BOT_NAME, bot: settings } };
}
