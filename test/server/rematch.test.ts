/**
 * Issue 9, item 8: a rematch. A finished match has at most one rematch however many requests
 * arrive at once; each of its people is seated in it on their old side by asking; the rematch's
 * public code does not let a stranger take their seats while they are kept; a computer opponent
 * is seated again.
 */
import type { State } from 'boardgame.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchWithBot } from '../helpers/botMatch';
import { closeAllSockets, connectSocket, createSeatedMatch, lobby, startTestServer, syncAndWait, WASHINGTON, BEIJING, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  process.env.LOG_LEVEL = 'silent';
  server = await startTestServer({ server: { rematchHoldMs: 400, bots: { thinkMs: [60_000, 60_000] } } });
});
afterAll(async () => {
  closeAllSockets();
  await server.close();
});

/** Ends a match as the engine would record it (the lobby looks only at the stored game-over). */
async function finish(matchID: string): Promise<void> {
  const { state, metadata } = await server.db.fetch(matchID, { state: true, metadata: true });
  if (!state || !metadata) throw new Error('no match');
  const gameover = { winner: 'us' };
  await server.db.setState(matchID, { ...state, ctx: { ...state.ctx, gameover }, _stateID: state._stateID + 1 } as State);
  await server.db.setMetadata(matchID, { ...metadata, gameover });
}

interface Rematch {
  nextMatchID: string;
  playerID: string;
  playerCredentials: string;
}

describe('rematches', () => {
  it('is refused before the game is over, and for wrong credentials, making nothing', async () => {
    const { matchID, credentials } = await createSeatedMatch(server.url);
    const count = (await server.db.listMatches()).length;
    expect((await lobby(server.url).playAgain(matchID, { playerID: WASHINGTON, credentials: credentials[WASHINGTON] })).status).toBe(409);
    await finish(matchID);
    expect((await lobby(server.url).playAgain(matchID, { playerID: WASHINGTON, credentials: credentials[BEIJING] })).status).toBe(403);
    expect((await server.db.listMatches()).length).toBe(count);
  });

  it('80 requests at once from both players make one rematch; each player gets their own old seat, the same credentials every time', async () => {
    const { matchID, credentials } = await createSeatedMatch(server.url, { scenario: '2018', length: 4 });
    await finish(matchID);
    const count = (await server.db.listMatches()).length;
    const answers = await Promise.all(
      Array.from({ length: 80 }, (_, i) => {
        const playerID = i % 2 === 0 ? WASHINGTON : BEIJING;
        return lobby(server.url).playAgain<Rematch>(matchID, { playerID, credentials: credentials[playerID] });
      }),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect((await server.db.listMatches()).length).toBe(count + 1);
    const next = new Set(answers.map((a) => a.body.nextMatchID));
    expect(next.size).toBe(1);
    const [nextMatchID] = [...next];
    for (const seat of [WASHINGTON, BEIJING]) {
      const mine = answers.filter((a) => a.body.playerID === seat).map((a) => a.body.playerCredentials);
      expect(mine).toHaveLength(40);
      expect(new Set(mine).size).toBe(1);
    }
    const shown = (await lobby(server.url).get(nextMatchID ?? '')).body as { players: { name?: string }[]; setupData: unknown; rematchOf: string };
    expect(shown.players.map((p) => p.name)).toEqual(['Ada', 'Bo']);
    expect(shown.setupData).toEqual({ scenario: '2018', length: 4 });
    expect(shown.rematchOf).toBe(matchID);
    // The credentials work on the rematch's socket.
    const socket = await connectSocket(server.url);
    const washington = answers.find((a) => a.body.playerID === WASHINGTON)?.body.playerCredentials;
    expect((await syncAndWait(socket, nextMatchID ?? '', WASHINGTON, washington)).state._stateID).toBe(0);
  });

  it('a stranger who reads the rematch code cannot take a kept seat; after the hold, an unclaimed seat is open; a claimed one is not given away', async () => {
    const { matchID, credentials } = await createSeatedMatch(server.url);
    await finish(matchID);
    const first = await lobby(server.url).playAgain<Rematch>(matchID, { playerID: WASHINGTON, credentials: credentials[WASHINGTON] });
    const { nextMatchID } = first.body;
    expect((await lobby(server.url).get(matchID)).body).toMatchObject({ nextMatchID });
    const stranger = await lobby(server.url).join(nextMatchID, { playerID: BEIJING, playerName: 'Eve' });
    expect(stranger.status).toBe(409);
    expect((await lobby(server.url).bot(nextMatchID, { playerID: WASHINGTON, credentials: first.body.playerCredentials, level: 'easy', persona: 'hawk' })).status).toBe(409);
    await new Promise((r) => setTimeout(r, 450));
    expect((await lobby(server.url).join(nextMatchID, { playerID: BEIJING, playerName: 'Eve' })).status).toBe(200);
    // Bo comes back too late: the seat was given away, and says so; Ada's is still hers.
    const late = await lobby(server.url).playAgain<Rematch>(matchID, { playerID: BEIJING, credentials: credentials[BEIJING] });
    expect(late.status).toBe(409);
    const again = await lobby(server.url).playAgain<Rematch>(matchID, { playerID: WASHINGTON, credentials: credentials[WASHINGTON] });
    expect(again.body.playerCredentials).toBe(first.body.playerCredentials);
  });

  it('issue 13: the other player\'s debrief finds the invitation in public match data (the rematch, and the presser seated in it), and their Join takes their own seat', async () => {
    const { matchID, credentials } = await createSeatedMatch(server.url);
    await finish(matchID);
    const pressed = await lobby(server.url).playAgain<Rematch>(matchID, { playerID: WASHINGTON, credentials: credentials[WASHINGTON] });
    // What Bo's debrief reads, without credentials: the finished match names its rematch...
    const old = (await lobby(server.url).get(matchID)).body as { nextMatchID?: string };
    expect(old.nextMatchID).toBe(pressed.body.nextMatchID);
    // ...in which Ada sits on her side and Beijing is free, kept for Bo.
    const next = (await lobby(server.url).get(old.nextMatchID ?? '')).body as { players: { id: number; name?: string }[]; heldUntil?: number };
    expect(next.players).toEqual([{ id: 0, name: 'Ada' }, { id: 1 }]);
    expect(typeof next.heldUntil).toBe('number');
    const joined = await lobby(server.url).playAgain<Rematch>(matchID, { playerID: BEIJING, credentials: credentials[BEIJING] });
    expect(joined.body).toMatchObject({ nextMatchID: pressed.body.nextMatchID, playerID: BEIJING });
    const seated = (await lobby(server.url).get(old.nextMatchID ?? '')).body as { players: { id: number; name?: string }[] };
    expect(seated.players.map((p) => p.name)).toEqual(['Ada', 'Bo']);
  });

  it('a computer opponent is seated again in the rematch, with the same level and temperament', async () => {
    const table = await matchWithBot(server.url, { level: 'hard', persona: 'dealmaker' }, '1');
    await finish(table.matchID);
    server.app.bots.stop(table.matchID, 'gameOver');
    const answer = await lobby(server.url).playAgain<Rematch>(table.matchID, { playerID: '1', credentials: table.credentials });
    expect(answer.status).toBe(200);
    const shown = (await lobby(server.url).get(answer.body.nextMatchID)).body as { players: { name?: string; data?: unknown }[] };
    expect(shown.players[0]).toMatchObject({ name: 'Computer', data: { bot: { level: 'hard', persona: 'dealmaker' } } });
    expect(shown.players[1]).toMatchObject({ name: 'Ada' });
    expect(server.app.bots.isRunning(answer.body.nextMatchID)).toBe(true);
  });
});
