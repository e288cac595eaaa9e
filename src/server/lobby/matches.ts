/**
 * The lobby's match handlers: list, look up, create, and the seat changes a person makes
 * (join, rename, leave). Same request and answer shapes as boardgame.io's lobby API, so its
 * `LobbyClient` works unchanged; unlike it, every change runs in the match's queue, writes a
 * copy, never echoes what was sent, and never reads a seat through a prototype.
 */
import { validateSetupData } from '../../game';
import { newMatchRecord } from '../bgio';
import { botSettingsOf } from '../bots/botSeat';
import { credentialsMatch, newCredentials } from '../guards';
import { SEATS, seatOf, type SeatID } from '../seats';
import { GAME_OVER, NO_MATCH, ok, refuse, WRONG_CREDENTIALS, type Answer, type Lobby } from './context';
import { emptySeat, type MatchData, publicMatch, readMatchData, withSeat } from './matchData';
import type { CreateBody, JoinBody, LeaveBody, UpdateBody } from './schemas';

/** The listing answers with at most this many matches, the most recently played first. */
export const LIST_LIMIT = 100;

export async function listMatches(lobby: Lobby, isGameover: boolean | undefined): Promise<Answer> {
  const matches = await lobby.db.listMatchData({ gameName: lobby.gameName, isGameover, listedOnly: true, limit: LIST_LIMIT });
  return ok({ matches: matches.map(({ matchID, metadata }) => publicMatch(matchID, metadata)) });
}

export async function getMatch(lobby: Lobby, matchID: string): Promise<Answer> {
  const metadata = await readMatchData(lobby.db, matchID);
  return metadata ? ok(publicMatch(matchID, metadata)) : refuse(404, ...NO_MATCH);
}

/**
 * Stores a new match under a fresh room code (another code if one is taken meanwhile), after
 * `prepare` has had its say on the record. Resolves with the code.
 */
export async function storeNewMatch(lobby: Lobby, setupData: unknown, unlisted: boolean, prepare: (metadata: MatchData) => MatchData = (m) => m): Promise<string | { error: string }> {
  const made = newMatchRecord(lobby.game, setupData, unlisted);
  if ('error' in made) return made;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const matchID = lobby.newMatchID();
    const stored = await lobby.queue.run(matchID, async () => {
      if (await readMatchData(lobby.db, matchID)) return false;
      await lobby.db.createMatch(matchID, { initialState: made.initialState, metadata: prepare(made.metadata) });
      return true;
    });
    if (stored) return matchID;
  }
  throw new Error('No free room code after 5 tries.');
}

export async function createMatch(lobby: Lobby, { setupData, unlisted }: CreateBody): Promise<Answer> {
  const problem = validateSetupData(setupData, 2);
  if (problem) return refuse(400, 'badRequest', problem);
  const matchID = await storeNewMatch(lobby, setupData, unlisted === true);
  return typeof matchID === 'string' ? ok({ matchID }) : refuse(400, 'badRequest', matchID.error);
}

/** Whether a rematch still keeps this seat for its player from the finished match. */
export function seatHeld(metadata: MatchData, seat: SeatID, now: number): boolean {
  const hold = metadata.rematch;
  return hold !== undefined && now < hold.until && hold.held.includes(seat) && !hold.claimed.includes(seat);
}

export async function joinMatch(lobby: Lobby, matchID: string, { playerID, playerName }: JoinBody): Promise<Answer> {
  return lobby.queue.run(matchID, async () => {
    const metadata = await readMatchData(lobby.db, matchID);
    if (!metadata) return refuse(404, ...NO_MATCH);
    const seat = seatOf(metadata, playerID);
    if (!seat) return refuse(404, ...NO_MATCH);
    if (typeof seat.name === 'string') return refuse(409, 'seatTaken', 'That seat is taken.');
    if (metadata.gameover !== undefined) return refuse(409, ...GAME_OVER);
    const now = lobby.now();
    if (seatHeld(metadata, playerID, now)) return refuse(409, 'seatHeld', 'That seat is kept for its player from the last game for a few minutes more.');
    const credentials = newCredentials();
    await lobby.db.setMetadata(matchID, withSeat(metadata, playerID, { id: seat.id, name: playerName, credentials }, now));
    return ok({ playerID, playerCredentials: credentials });
  });
}

export async function renamePlayer(lobby: Lobby, matchID: string, { playerID, credentials, newName }: UpdateBody): Promise<Answer> {
  return lobby.queue.run(matchID, async () => {
    const metadata = await readMatchData(lobby.db, matchID);
    if (!metadata) return refuse(404, ...NO_MATCH);
    const seat = seatOf(metadata, playerID);
    if (!seat || !credentialsMatch(credentials, seat)) return refuse(403, ...WRONG_CREDENTIALS);
    await lobby.db.setMetadata(matchID, withSeat(metadata, playerID, { ...seat, name: newName }, lobby.now()));
    return ok({});
  });
}

/** Gives a seat up. A match where no person is left (only the computer, or nobody) is removed. */
export async function leaveMatch(lobby: Lobby, matchID: string, { playerID, credentials }: LeaveBody): Promise<Answer> {
  return lobby.queue.run(matchID, async () => {
    const metadata = await readMatchData(lobby.db, matchID);
    if (!metadata) return refuse(404, ...NO_MATCH);
    const seat = seatOf(metadata, playerID);
    if (!seat || !credentialsMatch(credentials, seat)) return refuse(403, ...WRONG_CREDENTIALS);
    const next = withSeat(metadata, playerID, emptySeat(playerID), lobby.now());
    const personLeft = SEATS.some((id) => {
      const player = seatOf(next, id);
      return typeof player?.name === 'string' && !botSettingsOf(player);
    });
    if (personLeft) await lobby.db.setMetadata(matchID, next);
    else await lobby.removeMatch(matchID);
    return ok({});
  });
}
