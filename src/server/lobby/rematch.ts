/**
 * `POST /games/de-risk/:matchID/playAgain`: a rematch of a finished match.
 *
 * A finished match has at most one rematch: the first request makes it (in the finished
 * match's queue, so any number of requests at once still make one), the others find it. Each
 * person of the finished match who asks is seated in it at once, on the same side, under the
 * same name, and gets the seat's credentials in the answer (asking again gives the same ones).
 * Until `rematchHoldMs` has passed, the seats of the finished match's people are kept for them:
 * nobody else can join them, though the rematch's code is public. A computer opponent is
 * seated again with the same level and temperament, if the server has room for it.
 */
import { validateSetupData } from '../../game';
import { botSettingsOf, type BotSettings } from '../bots/botSeat';
import { credentialsMatch, newCredentials } from '../guards';
import { SEATS, seatOf, type SeatID } from '../seats';
import { NO_MATCH, ok, refuse, WRONG_CREDENTIALS, type Answer, type Lobby } from './context';
import { withComputer } from './computer';
import { type MatchData, readMatchData, withSeat } from './matchData';
import { storeNewMatch } from './matches';
import type { PlayAgainBody } from './schemas';

type Found = { nextMatchID: string; name: string } | Answer;

/** Makes the rematch (or finds the one made already); says why not otherwise. */
async function rematchOf(lobby: Lobby, matchID: string, { playerID, credentials, setupData, unlisted }: PlayAgainBody): Promise<Found> {
  return lobby.queue.run(matchID, async (): Promise<Found> => {
    const metadata = await readMatchData(lobby.db, matchID);
    if (!metadata) return refuse(404, ...NO_MATCH);
    const seat = seatOf(metadata, playerID);
    if (!seat || !credentialsMatch(credentials, seat) || typeof seat.name !== 'string') return refuse(403, ...WRONG_CREDENTIALS);
    if (metadata.gameover === undefined) return refuse(409, 'notOver', 'The game is not over yet.');
    if (metadata.nextMatchID) return { nextMatchID: metadata.nextMatchID, name: seat.name };

    const setup: unknown = setupData ?? (metadata.setupData as unknown);
    const problem = validateSetupData(setup, 2);
    if (problem) return refuse(400, 'badRequest', problem);
    const now = lobby.now();
    const people = SEATS.filter((id) => {
      const player = seatOf(metadata, id);
      return typeof player?.name === 'string' && !botSettingsOf(player);
    });
    const computer = SEATS.map((id) => ({ id, settings: botSettingsOf(seatOf(metadata, id)) })).find((c) => c.settings !== null);
    let bot: { seat: SeatID; settings: BotSettings; credentials: string } | null = null;
    const made = await storeNewMatch(lobby, setup, unlisted ?? metadata.unlisted === true, (fresh) => {
      let next: MatchData = { ...fresh, rematch: { of: matchID, until: now + lobby.rematchHoldMs, held: people, claimed: [] } };
      if (computer?.settings) {
        const seated = withComputer(next, computer.id, computer.settings, now);
        next = seated.metadata;
        bot = { seat: computer.id, settings: computer.settings, credentials: seated.credentials };
      }
      return next;
    });
    if (typeof made !== 'string') return refuse(400, 'badRequest', made.error);
    await lobby.db.setMetadata(matchID, { ...metadata, nextMatchID: made, updatedAt: now });
    // The computer starts if the server has room; if not, it waits for its person like any other (registry.wake).
    const seatedBot = bot as { seat: SeatID; settings: BotSettings; credentials: string } | null;
    if (seatedBot) {
      if (await lobby.bots.reserve(made)) lobby.bots.start(made, seatedBot.seat, seatedBot.credentials, seatedBot.settings);
      else lobby.bots.sleep(made);
    }
    return { nextMatchID: made, name: seat.name };
  });
}

/** Seats the person from `playerID` of the finished match in the same seat of the rematch. */
async function claimSeat(lobby: Lobby, nextMatchID: string, playerID: SeatID, name: string): Promise<Answer> {
  return lobby.queue.run(nextMatchID, async () => {
    const metadata = await readMatchData(lobby.db, nextMatchID);
    if (!metadata) return refuse(404, 'rematchGone', 'The rematch is over or was given up.');
    const seat = seatOf(metadata, playerID);
    const hold = metadata.rematch;
    if (seat && hold?.claimed.includes(playerID) && typeof seat.credentials === 'string') {
      return ok({ nextMatchID, playerID, playerCredentials: seat.credentials });
    }
    if (!seat || typeof seat.name === 'string') return refuse(409, 'rematchSeatTaken', 'Someone else took your seat in the rematch.');
    const credentials = newCredentials();
    const claimed: MatchData = hold ? { ...metadata, rematch: { ...hold, claimed: [...hold.claimed, playerID] } } : metadata;
    await lobby.db.setMetadata(nextMatchID, withSeat(claimed, playerID, { id: seat.id, name, credentials }, lobby.now()));
    return ok({ nextMatchID, playerID, playerCredentials: credentials });
  });
}

export async function playAgain(lobby: Lobby, matchID: string, body: PlayAgainBody): Promise<Answer> {
  const found = await rematchOf(lobby, matchID, body);
  if ('status' in found) return found;
  return claimSeat(lobby, found.nextMatchID, body.playerID, found.name);
}
