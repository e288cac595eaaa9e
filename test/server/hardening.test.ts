/** The server keeps going when storage fails, forgets a seat given up in the lobby, and limits new matches. */
import { readdir, rm } from 'node:fs/promises';
import type { StorageAPI } from 'boardgame.io';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeRiskServer } from '../../src/server/app';
import { nodeFileSystem, type FileSystem } from '../../src/server/storage/durable';
import { FileStore } from '../../src/server/storage/fileStore';
import { MemoryStore } from '../../src/server/storage/memoryStore';
import { closeAllSockets, connectSocket, createSeatedMatch, lobby, move, startTestServer, syncAndWait, tempDir, type TestServer } from '../helpers/server';

process.env.LOG_LEVEL = 'silent';
const servers: TestServer[] = [];
afterEach(async () => {
  closeAllSockets();
  for (const s of servers.splice(0)) await s.close();
});

describe('hardening', () => {
  it('a storage failure during a move is logged and answered; the server stays up', async () => {
    const db = new MemoryStore();
    let failing = false;
    const setState = db.setState.bind(db);
    (db as StorageAPI.Async).setState = async (...args) => {
      if (failing) throw new Error('disk on fire');
      return setState(...args);
    };
    const server = await startTestServer({ db });
    servers.push(server);
    const match = await createSeatedMatch(server.url);
    const socket = await connectSocket(server.url);
    const info = await syncAndWait(socket, match.matchID, '0', match.credentials['0']);
    failing = true;
    const from = socket.frames.length;
    move(socket, match.matchID, '0', match.credentials['0'], info.state._stateID, 'pass');
    const [, , refusal] = await socket.waitFor('refused', undefined, 3000, from);
    expect(refusal).toMatchObject({ code: 'serverError' });
    failing = false;
    // Still serving: a new match can be created and played.
    const again = await createSeatedMatch(server.url);
    const other = await connectSocket(server.url);
    const synced = await syncAndWait(other, again.matchID, '0', again.credentials['0']);
    expect(synced.state._stateID).toBe(0);
  });

  it('a full disk during a move: the move is refused with a server error, never served afterwards, and no temporary file is left; play goes on once there is room', async () => {
    const dir = await tempDir('de-risk-full-');
    let full = false;
    const diskFull = (): never => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    const fs: FileSystem = {
      ...nodeFileSystem,
      async open(path, flags) {
        const handle = await nodeFileSystem.open(path, flags);
        // As a full disk does: the file is created, then the write fails.
        return full ? { ...handle, writeFile: async () => diskFull(), sync: () => handle.sync(), close: () => handle.close() } : handle;
      },
    };
    const server = await startTestServer({ db: new FileStore(dir, fs), dir });
    servers.push(server);
    const match = await createSeatedMatch(server.url);
    const socket = await connectSocket(server.url);
    const info = await syncAndWait(socket, match.matchID, '0', match.credentials['0']);
    // The sync's own write (the seat marked connected) is done before the disk fills.
    await server.app.queue.drain();
    full = true;
    const from = socket.frames.length;
    move(socket, match.matchID, '0', match.credentials['0'], info.state._stateID, 'act', 'raiseTariffs');
    const [, , refusal] = await socket.waitFor('refused', undefined, 3000, from);
    expect(refusal).toMatchObject({ code: 'serverError' });
    expect(socket.since(from).some(([event]) => event === 'update')).toBe(false);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // The next sync serves the state from before the move, and a failed create leaves no match.
    const other = await connectSocket(server.url);
    expect((await syncAndWait(other, match.matchID, '1', match.credentials['1'])).state._stateID).toBe(info.state._stateID);
    const before = (await server.db.listMatches()).length;
    expect((await lobby(server.url).create()).status).toBe(500);
    expect((await server.db.listMatches()).length).toBe(before);
    // Room again: the same move goes through.
    full = false;
    const again = socket.frames.length;
    move(socket, match.matchID, '0', match.credentials['0'], info.state._stateID, 'act', 'raiseTariffs');
    await socket.waitFor('update', undefined, 3000, again);
    await rm(dir, { recursive: true, force: true });
  });

  it('a socket whose seat was given up in the lobby stops receiving that seat’s view', async () => {
    const server = await startTestServer();
    servers.push(server);
    const match = await createSeatedMatch(server.url);
    const washington = await connectSocket(server.url);
    const beijing = await connectSocket(server.url);
    const info = await syncAndWait(washington, match.matchID, '0', match.credentials['0']);
    await syncAndWait(beijing, match.matchID, '1', match.credentials['1']);
    const left = await lobby(server.url).leave(match.matchID, { playerID: '1', credentials: match.credentials['1'] });
    expect(left.status).toBe(200);
    // The game waits for the empty seat; someone else takes it, and the game goes on.
    expect((await lobby(server.url).join(match.matchID, { playerID: '1', playerName: 'Cy' })).status).toBe(200);
    const from = beijing.frames.length;
    move(washington, match.matchID, '0', match.credentials['0'], info.state._stateID, 'pass');
    const [, , refusal] = await beijing.waitFor('refused', undefined, 3000, from);
    expect(refusal).toMatchObject({ code: 'seatLost' });
    expect(beijing.frames.slice(from).some(([event]) => event === 'update')).toBe(false);
  });

  it('new matches from one address are limited (429), other lobby calls are not', async () => {
    const app = createDeRiskServer({ db: new MemoryStore(), origins: [], createLimit: { perSecond: 0.001, burst: 3 } });
    const http = await app.listen(0);
    const address = http.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await lobby(url).create({ numPlayers: 2 })).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect((await fetch(`${url}/games/de-risk`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('the game waits for both seats', () => {
  it('a move made while a seat is empty is refused with waitingForOpponent and changes nothing; once both have joined it goes through', async () => {
    const server = await startTestServer();
    servers.push(server);
    const api = lobby(server.url);
    const created = await api.create({ numPlayers: 2 });
    const { matchID } = created.body;
    const joined = await api.join(matchID, { playerID: '0', playerName: 'Ada' });
    const credentials = (joined.body as { playerCredentials: string }).playerCredentials;
    const washington = await connectSocket(server.url);
    const info = await syncAndWait(washington, matchID, '0', credentials);
    const from = washington.frames.length;
    move(washington, matchID, '0', credentials, info.state._stateID, 'pass');
    const [, , refusal] = await washington.waitFor('refused', undefined, 3000, from);
    expect(refusal).toEqual({ code: 'waitingForOpponent' });
    expect((await server.db.fetch(matchID, { state: true })).state?._stateID).toBe(info.state._stateID);

    expect((await api.join(matchID, { playerID: '1', playerName: 'Bo' })).status).toBe(200);
    const after = washington.frames.length;
    move(washington, matchID, '0', credentials, info.state._stateID, 'pass');
    await washington.waitFor('update', undefined, 3000, after);
    expect((await server.db.fetch(matchID, { state: true })).state?._stateID).toBeGreaterThan(info.state._stateID);
  });
});
