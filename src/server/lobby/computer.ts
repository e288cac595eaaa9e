/**
 * `POST /games/de-risk/:matchID/bot` with `{ playerID, credentials, level, persona }`: the
 * person holding one seat gives the empty other seat to the computer.
 *
 * Only a seated player may ask, proven by that seat's credentials. In practice this is the
 * match's creator: the start screen creates a match and at once joins it as the chosen side
 * (OnlinePanel), so while the other seat is empty the only person holding a seat is the one
 * who made the match. The computer's seat gets credentials a person can never be given
 * (guards.ts), which is what marks it as the server's own computer from then on.
 */
import { BOT_NAME, type BotSettings } from '../bots/botSeat';
import { credentialsMatch, newBotCredentials } from '../guards';
import { otherSeat, seatOf, type SeatID } from '../seats';
import { GAME_OVER, NO_MATCH, ok, refuse, WRONG_CREDENTIALS, type Answer, type Lobby } from './context';
import { type MatchData, readMatchData, withSeat } from './matchData';
import { seatHeld } from './matches';
import type { BotBody } from './schemas';

export const SERVER_FULL = 'The server is running as many computer players as it can; please try again later.';

/** The match data with the computer in `seat`, and the credentials it was given. */
export function withComputer(metadata: MatchData, seat: SeatID, settings: BotSettings, now: number): { metadata: MatchData; credentials: string } {
  const credentials = newBotCredentials();
  const id = seat === '0' ? 0 : 1;
  return { metadata: withSeat(metadata, seat, { id, name: BOT_NAME, credentials, data: { bot: { ...settings } } }, now), credentials };
}

export async function seatComputer(lobby: Lobby, matchID: string, { playerID, credentials, level, persona }: BotBody): Promise<Answer> {
  return lobby.queue.run(matchID, async () => {
    const metadata = await readMatchData(lobby.db, matchID);
    if (!metadata) return refuse(404, ...NO_MATCH);
    // Credentials before anything else about the match is told.
    if (!credentialsMatch(credentials, seatOf(metadata, playerID))) return refuse(403, ...WRONG_CREDENTIALS);
    if (metadata.gameover !== undefined) return refuse(409, ...GAME_OVER);
    const botID = otherSeat(playerID);
    if (typeof seatOf(metadata, botID)?.name === 'string') return refuse(409, 'otherSeatTaken', 'The other seat is already taken.');
    if (seatHeld(metadata, botID, lobby.now())) return refuse(409, 'otherSeatHeld', 'The other seat is kept for your opponent from the last game for a few minutes more.');
    if (!(await lobby.bots.reserve(matchID))) return refuse(503, 'serverFull', SERVER_FULL);
    const settings: BotSettings = { level, persona };
    const seated = withComputer(metadata, botID, settings, lobby.now());
    try {
      await lobby.db.setMetadata(matchID, seated.metadata);
    } catch (error) {
      lobby.bots.release(matchID);
      throw error;
    }
    lobby.bots.start(matchID, botID, seated.credentials, settings);
    return ok({ playerID: botID, playerName: BOT_NAME, bot: settings });
  });
}
