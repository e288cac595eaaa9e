/**
 * Helpers for the tests of the server's computer players: a match with one person seated and
 * the computer asked for the other seat, and a person (a raw socket playing easy moves from its
 * own view) who plays against the computer to the end.
 */
import type { Ctx, Server } from 'boardgame.io';
import { decide } from '../../src/bots';
import { actingSide, sideOf, type DeRiskState } from '../../src/game';
import { lobby, move, syncAndWait, type TestSocket, type WireState } from './server';

export const QUICK_SETUP = { scenario: '2025', length: 4 } as const;

export interface BotTable {
  matchID: string;
  /** The person's seat and credentials. */
  playerID: '0' | '1';
  credentials: string;
  botID: '0' | '1';
}

/** Creates a quick match, seats a person as `playerID`, and returns before asking for the computer. */
export async function matchWithOnePerson(url: string, playerID: '0' | '1' = '0', setupData: unknown = QUICK_SETUP): Promise<BotTable> {
  const api = lobby(url);
  const created = await api.create({ numPlayers: 2, setupData });
  if (created.status !== 200) throw new Error(`create failed: ${created.text}`);
  const { matchID } = created.body;
  const joined = await api.join(matchID, { playerID, playerName: 'Ada' });
  if (joined.status !== 200) throw new Error(`join failed: ${joined.text}`);
  return { matchID, playerID, credentials: joined.body.playerCredentials, botID: playerID === '0' ? '1' : '0' };
}

/** Seats a person, then the computer in the other seat; fails loudly if refused. */
export async function matchWithBot(url: string, bot = { level: 'normal', persona: 'balanced' }, playerID: '0' | '1' = '0', setupData: unknown = QUICK_SETUP): Promise<BotTable> {
  const table = await matchWithOnePerson(url, playerID, setupData);
  const answer = await lobby(url).bot(table.matchID, { playerID, credentials: table.credentials, ...bot });
  if (answer.status !== 200) throw new Error(`bot request failed: ${answer.status} ${answer.text}`);
  return table;
}

/** The bot's seat as stored: its name, data and (server-only) credentials. */
export async function storedBotSeat(db: { fetch: (id: string, o: { metadata: true }) => Promise<{ metadata?: Server.MatchData }> }, table: BotTable) {
  const { metadata } = await db.fetch(table.matchID, { metadata: true });
  const seat = metadata?.players[Number(table.botID)];
  if (!seat?.credentials) throw new Error('The bot seat has no credentials');
  return { ...seat, credentials: seat.credentials };
}

/**
 * Plays the person's side over `socket` (easy moves from the seat's own view) until the game
 * is over; resolves with the final state the person received.
 */
export async function playToTheEnd(socket: TestSocket, table: BotTable, timeoutMs = 60_000): Promise<WireState> {
  const first = await syncAndWait(socket, table.matchID, table.playerID, table.credentials);
  const side = sideOf(table.playerID);
  const deadline = Date.now() + timeoutMs;
  let state = first.state;
  let sentFrom = -1;
  for (;;) {
    if (state.ctx.gameover !== undefined) return state;
    if (Date.now() > deadline) throw new Error(`The match did not end within ${timeoutMs} ms (at state ${state._stateID})`);
    const G = state.G as unknown as DeRiskState;
    const ctx = state.ctx as unknown as Ctx;
    if (actingSide(G, ctx) === side && sentFrom !== state._stateID) {
      const { move: choice } = decide(G, ctx, { level: 'easy', persona: 'balanced', seed: 11 });
      sentFrom = state._stateID;
      move(socket, table.matchID, table.playerID, table.credentials, state._stateID, choice.move, ...choice.args);
    }
    // The next state, whoever moved (updates arrive in order).
    const stateID = state._stateID;
    const [, , next] = await socket.waitFor('update', (id, s) => id === table.matchID && (s as WireState)._stateID > stateID, Math.max(1, deadline - Date.now()));
    state = next as WireState;
  }
}
