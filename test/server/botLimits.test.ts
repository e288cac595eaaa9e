/**
 * Issue 9, item 5: computer seats cannot be hoarded or disguised. A computer whose opponent does
 * not move steps away and frees its place, and comes back when its person acts; after a restart
 * only seats the server itself gave to the computer are started, never above the cap; requests
 * for the computer are limited per match as well as per address, and a class behind one address
 * is not stopped by the per-address limit.
 */
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOBBY_LIMITS } from '../../src/server/lobby/http';
import { matchWithBot, matchWithOnePerson } from '../helpers/botMatch';
import { closeAllSockets, connectSocket, lobby, startTestServer, syncAndWait, tempDir, type TestServer } from '../helpers/server';

process.env.LOG_LEVEL = 'silent';
const servers: TestServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  closeAllSockets();
  for (const s of servers.splice(0)) await s.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function start(options: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
  const server = await startTestServer(options);
  servers.push(server);
  return server;
}

const stopReasons = () => {
  const stops: { matchID: string; reason: string }[] = [];
  return { stops, onStop: (matchID: string, reason: string) => void stops.push({ matchID, reason }) };
};

describe('idle computers', () => {
  it('a computer whose opponent makes no move steps away and frees its place; it comes back when its person acts and there is room', async () => {
    const { stops, onStop } = stopReasons();
    const server = await start({ server: { bots: { max: 1, idleMs: 300, thinkMs: [0, 0], onStop } } });
    // Washington moves first: the person holds it, so the computer waits for them.
    const idle = await matchWithBot(server.url, { level: 'easy', persona: 'balanced' }, '0');
    await vi.waitFor(() => expect(stops).toContainEqual({ matchID: idle.matchID, reason: 'idle' }), { timeout: 3000 });
    expect(server.app.bots.size).toBe(0);
    expect(server.app.bots.isSleeping(idle.matchID)).toBe(true);

    // The freed place serves someone else...
    const other = await matchWithBot(server.url, { level: 'easy', persona: 'balanced' }, '0');
    expect(server.app.bots.isRunning(other.matchID)).toBe(true);
    // ...so the first person coming back finds the server full: their computer waits.
    const person = await connectSocket(server.url);
    await syncAndWait(person, idle.matchID, idle.playerID, idle.credentials);
    await server.app.queue.drain();
    expect(server.app.bots.isRunning(idle.matchID)).toBe(false);
    expect(server.app.bots.isSleeping(idle.matchID)).toBe(true);

    // The other match is given up: now the first person's return wakes their computer, which plays.
    expect((await lobby(server.url).leave(other.matchID, { playerID: other.playerID, credentials: other.credentials })).status).toBe(200);
    const again = await connectSocket(server.url);
    const { state } = await syncAndWait(again, idle.matchID, idle.playerID, idle.credentials);
    await vi.waitFor(() => expect(server.app.bots.isRunning(idle.matchID)).toBe(true));
    expect(server.app.bots.isSleeping(idle.matchID)).toBe(false);
    const fromFrame = again.frames.length;
    again.socket.emit('update', { type: 'MAKE_MOVE', payload: { type: 'pass', args: [], playerID: idle.playerID, credentials: idle.credentials } }, state._stateID, idle.matchID, idle.playerID);
    // The computer answers the person's move.
    await again.waitFor('update', (_id, s) => (s as { _stateID: number })._stateID >= state._stateID + 2, 5000, fromFrame);
  });
});

describe('computer seats after a restart', () => {
  it('only seats the server gave to the computer are started, at most the cap; the rest wait for their person', async () => {
    const dir = await tempDir('de-risk-bots-');
    dirs.push(dir);
    const first = await start({ dir, server: { bots: { max: 5, thinkMs: [60_000, 60_000] } } });
    const real = [];
    for (let i = 0; i < 3; i += 1) real.push(await matchWithBot(first.url, { level: 'normal', persona: 'hawk' }, '0'));
    // A person's seat carrying a bot field it was never given by the server (an old record, a file edited by hand).
    const disguised = await matchWithOnePerson(first.url, '0');
    const { metadata } = await first.db.fetch(disguised.matchID, { metadata: true });
    if (!metadata) throw new Error('no match');
    const forged = { ...metadata.players[1], id: 1, name: 'Computer', credentials: 'A'.repeat(32), data: { bot: { level: 'hard', persona: 'hawk' } } };
    await first.db.setMetadata(disguised.matchID, { ...metadata, players: { ...metadata.players, 1: forged } });
    await first.close();
    servers.splice(servers.indexOf(first), 1);

    const second = await start({ dir, server: { bots: { max: 2, thinkMs: [60_000, 60_000] } } });
    expect(second.app.bots.size).toBe(2);
    expect(second.app.bots.isRunning(disguised.matchID)).toBe(false);
    expect(second.app.bots.isSleeping(disguised.matchID)).toBe(false);
    const waiting = real.filter((t) => second.app.bots.isSleeping(t.matchID));
    expect(waiting).toHaveLength(1);
    // The disguised seat is shown as a person's, not the computer's.
    const shown = (await lobby(second.url).get(disguised.matchID)).body as { players: { data?: unknown }[] };
    expect(shown.players[1]?.data).toBeUndefined();

    // One running match ends; the waiting match's person comes back and gets their computer.
    const running = real.find((t) => second.app.bots.isRunning(t.matchID));
    if (!running || !waiting[0]) throw new Error('expected one running and one waiting');
    expect((await lobby(second.url).leave(running.matchID, { playerID: running.playerID, credentials: running.credentials })).status).toBe(200);
    const person = await connectSocket(second.url);
    await syncAndWait(person, waiting[0].matchID, waiting[0].playerID, waiting[0].credentials);
    await vi.waitFor(() => expect(second.app.bots.isRunning(waiting[0]?.matchID ?? '')).toBe(true));
    expect(second.app.bots.size).toBe(2);
  });
});

describe('limits on asking for the computer', () => {
  it('requests for one match are limited (429) while another match is still served', async () => {
    const server = await start({ server: { lobbyLimits: { botPerMatch: { perSecond: 0.001, burst: 2 } } } });
    const table = await matchWithOnePerson(server.url, '0');
    const body = { playerID: '0', credentials: 'wrong', level: 'easy', persona: 'balanced' };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await lobby(server.url).bot(table.matchID, body)).status);
    expect(statuses).toEqual([403, 403, 429]);
    const other = await matchWithOnePerson(server.url, '0');
    expect((await lobby(server.url).bot(other.matchID, { ...body, credentials: other.credentials })).status).toBe(200);
  });

  it('a class of 30 behind one school address can each create a match, join it and ask for the computer under the default limits', async () => {
    const server = await start({
      server: { createLimit: DEFAULT_LOBBY_LIMITS.create, botLimit: DEFAULT_LOBBY_LIMITS.bot, lobbyLimits: DEFAULT_LOBBY_LIMITS, bots: { max: 30, thinkMs: [60_000, 60_000] } },
    });
    const statuses = await Promise.all(
      Array.from({ length: 30 }, async () => {
        const table = await matchWithOnePerson(server.url, '1');
        return (await lobby(server.url).bot(table.matchID, { playerID: '1', credentials: table.credentials, level: 'easy', persona: 'balanced' })).status;
      }),
    );
    expect(statuses).toEqual(Array(30).fill(200));
    expect(server.app.bots.size).toBe(30);
  });
});
