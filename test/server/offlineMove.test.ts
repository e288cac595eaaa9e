/**
 * Issue 13 (a): a move made while the connection was down. socket.io keeps what a client emits
 * while disconnected and, on reconnecting, sends it before the `connect` handler runs, so
 * before boardgame.io's client syncs its seat on the new socket. The server once answered
 * such a move "This connection does not hold that seat" (`notSeated`) although the credentials
 * do hold it. Now a move that arrives before any sync on its socket is refused as made offline
 * (`sentOffline`), and a move that arrives while its socket's sync is still being handled waits
 * for that sync and is played.
 */
import { io } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BEIJING, closeAllSockets, connectSocket, createSeatedMatch, GAME, move, quiet, startTestServer, syncAndWait, syncAs, WASHINGTON, type TestServer } from '../helpers/server';

let server: TestServer;

beforeAll(async () => {
  process.env.LOG_LEVEL = 'silent';
  server = await startTestServer();
});
afterEach(() => closeAllSockets());
afterAll(async () => {
  await server.close();
});

/** A seated match whose Beijing is connected, and Washington's credentials and first state id. */
async function seatedMatch() {
  const { matchID, credentials } = await createSeatedMatch(server.url);
  const beijing = await connectSocket(server.url);
  const { state } = await syncAndWait(beijing, matchID, BEIJING, credentials[BEIJING]);
  await quiet([beijing]);
  return { matchID, credentials, beijing, stateID: state._stateID };
}

interface Heard {
  event: string;
  args: unknown[];
}

describe('a move made while the connection was down (issue 13)', () => {
  it('sent by socket.io on reconnecting, before the sync, is refused as made offline, never as "not your seat"; the sync that follows works', async () => {
    const { matchID, credentials, stateID } = await seatedMatch();
    // Exactly as boardgame.io's client behaves: the move is emitted while the socket is down,
    // and the sync is emitted by the `connect` handler, which socket.io runs after it has
    // flushed its buffer.
    const socket = io(`${server.url}/${GAME}`, { transports: ['websocket'], autoConnect: false, reconnection: false, forceNew: true });
    const heard: Heard[] = [];
    socket.onAny((event: string, ...args: unknown[]) => heard.push({ event, args }));
    socket.on('connect', () => syncAs(socket, matchID, WASHINGTON, credentials[WASHINGTON]));
    move(socket, matchID, WASHINGTON, credentials[WASHINGTON], stateID, 'act', 'raiseTariffs');
    socket.connect();
    try {
      await expect.poll(() => heard.some((h) => h.event === 'sync')).toBe(true);
      const refused = heard.filter((h) => h.event === 'refused').map((h) => h.args[1]);
      expect(refused).toEqual([{ code: 'sentOffline' }]);
      // The move was not played, and the seat is this socket's after its sync.
      const { state } = await server.db.fetch(matchID, { state: true });
      expect(state?._stateID).toBe(stateID);
      move(socket, matchID, WASHINGTON, credentials[WASHINGTON], stateID, 'act', 'raiseTariffs');
      await expect.poll(() => heard.some((h) => h.event === 'update')).toBe(true);
      expect((await server.db.fetch(matchID, { state: true })).state?._stateID).toBe(stateID + 1);
    } finally {
      socket.close();
    }
  });

  it('sent right behind its sync, before the server has finished the sync, is played (the move waits for the sync)', async () => {
    const { matchID, credentials, stateID } = await seatedMatch();
    const washington = await connectSocket(server.url);
    syncAs(washington, matchID, WASHINGTON, credentials[WASHINGTON]);
    move(washington, matchID, WASHINGTON, credentials[WASHINGTON], stateID, 'act', 'raiseTariffs');
    await washington.waitFor('update');
    expect(washington.frames.filter(([event]) => event === 'refused')).toEqual([]);
    expect((await server.db.fetch(matchID, { state: true })).state?._stateID).toBe(stateID + 1);
  });

  it('a socket whose sync was refused is still told it does not hold the seat', async () => {
    const { matchID, credentials, stateID } = await seatedMatch();
    const intruder = await connectSocket(server.url);
    syncAs(intruder, matchID, WASHINGTON, 'x'.repeat(32));
    move(intruder, matchID, WASHINGTON, credentials[WASHINGTON], stateID, 'act', 'raiseTariffs');
    await quiet([intruder], 200);
    expect(intruder.frames.filter(([event]) => event === 'refused').map((frame) => frame[2])).toEqual([{ code: 'unauthorized' }, { code: 'notSeated' }]);
    expect((await server.db.fetch(matchID, { state: true })).state?._stateID).toBe(stateID);
  });
});
