/**
 * Match data (boardgame.io's `metadata`) as the lobby reads and writes it: seats looked up only
 * by "0" or "1", changed by copying (never in place, so a failed write leaves nothing half
 * done), and told to clients only through `publicMatch`, which lists the fields a client may
 * see instead of deleting the ones it may not.
 */
import type { Server as ServerTypes, StorageAPI } from 'boardgame.io';
import { botSettingsOf, type BotSettings } from '../bots/botSeat';
import { fetchMatch } from '../bgio';
import { SEATS, seatOf, type Player, type SeatID } from '../seats';

/** A rematch: the finished match it follows, and its seats kept for that match's people until `until` (ms since 1970). */
export interface RematchHold {
  of: string;
  until: number;
  /** Seats a person held in the finished match: nobody else may join them before `until`. */
  held: SeatID[];
  /** Seats already taken back by their person through `playAgain`. */
  claimed: SeatID[];
}

/** boardgame.io's match data with the fields the De-Risk server adds (server-owned, never from a client). */
export type MatchData = ServerTypes.MatchData & { rematch?: RematchHold };

/** A match's data as the lobby reads it (with the fields the server adds), or undefined when there is no such match. */
export async function readMatchData(db: StorageAPI.Async, matchID: string): Promise<MatchData | undefined> {
  return (await fetchMatch(db, matchID, { metadata: true })).metadata;
}

/** A copy of the match data with one seat replaced and the update time set. */
export function withSeat(metadata: MatchData, seat: SeatID, player: Player, now: number): MatchData {
  const players = { ...metadata.players, [seat === '0' ? 0 : 1]: player };
  return { ...metadata, players, updatedAt: now };
}

/** A seat nobody holds: only its id is kept. */
export const emptySeat = (seat: SeatID): Player => ({ id: seat === '0' ? 0 : 1 });

export interface PublicPlayer {
  id: number;
  name?: string;
  isConnected?: boolean;
  data?: { bot: BotSettings };
}

export interface PublicMatch {
  matchID: string;
  gameName: string;
  players: PublicPlayer[];
  setupData?: unknown;
  unlisted: boolean;
  createdAt: number;
  updatedAt: number;
  gameover?: unknown;
  nextMatchID?: string;
  /** For a rematch: the finished match it follows, and until when its seats are kept for that match's players. */
  rematchOf?: string;
  heldUntil?: number;
}

export function publicPlayer(player: Player): PublicPlayer {
  const bot = botSettingsOf(player);
  return {
    id: player.id,
    ...(typeof player.name === 'string' ? { name: player.name } : {}),
    ...(typeof player.isConnected === 'boolean' ? { isConnected: player.isConnected } : {}),
    ...(bot ? { data: { bot } } : {}),
  };
}

/** What any client may know of a match: no credentials, nothing the server keeps for itself. */
export function publicMatch(matchID: string, metadata: MatchData): PublicMatch {
  return {
    matchID,
    gameName: metadata.gameName,
    players: SEATS.flatMap((seat) => {
      const player = seatOf(metadata, seat);
      return player ? [publicPlayer(player)] : [];
    }),
    ...(metadata.setupData !== undefined ? { setupData: metadata.setupData } : {}),
    unlisted: metadata.unlisted === true,
    createdAt: metadata.createdAt,
    updatedAt: metadata.updatedAt,
    ...(metadata.gameover !== undefined ? { gameover: metadata.gameover } : {}),
    ...(metadata.nextMatchID ? { nextMatchID: metadata.nextMatchID } : {}),
    ...(metadata.rematch ? { rematchOf: metadata.rematch.of, heldUntil: metadata.rematch.until } : {}),
  };
}
