/**
 * Issue 9, items 6 and 7, as the server shows them: one odd match file never stops `main.ts`
 * from starting (it is moved aside and the rest are served, their computers resumed), and an
 * error while answering is one JSON log line and a JSON answer, never a stack trace.
 */
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryStore } from '../../src/server/storage/memoryStore';
import { matchWithBot } from '../helpers/botMatch';
import { captureLogs, closeAllSockets, connectSocket, createSeatedMatch, lobby, startChildServer, startTestServer, syncAndWait, tempDir, type ChildServer, type TestServer } from '../helpers/server';

process.env.LOG_LEVEL = 'silent';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  closeAllSockets();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const ODD_FILES: Record<string, string> = {
  'NOPLAYR.json': JSON.stringify({ metadata: { gameName: 'de-risk', createdAt: 1, updatedAt: 1 }, log: [] }),
  'ARRAYPL.json': JSON.stringify({ metadata: { gameName: 'de-risk', players: [{ id: 0 }, { id: 1 }], createdAt: 1, updatedAt: 1 }, log: [] }),
  'THREEPL.json': JSON.stringify({ metadata: { gameName: 'de-risk', players: { 0: { id: 0 }, 1: { id: 1 }, 2: { id: 2 } }, createdAt: 1, updatedAt: 1 }, log: [] }),
  'PROTOPL.json': '{"metadata":{"gameName":"de-risk","players":{"0":{"id":0},"1":{"id":1},"__proto__":{"credentials":"x"}},"createdAt":1,"updatedAt":1},"log":[]}',
  'NOTJSON.json': '{"metadata": {',
  'EMPTYFL.json': '',
  'NULLREC.json': 'null',
  'NOSTATE.json': JSON.stringify({ metadata: { gameName: 'de-risk', players: { 0: { id: 0, name: 'Ada' }, 1: { id: 1 } }, createdAt: 1, updatedAt: 1 }, log: [] }),
};

describe('start-up', () => {
  it('main.ts starts with odd match files beside good ones: the odd ones are moved aside, the good ones served and their computers resumed', async () => {
    const dir = await tempDir('de-risk-startup-');
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const first = await startTestServer({ dir, server: { bots: { thinkMs: [60_000, 60_000] } } });
    const plain = await createSeatedMatch(first.url);
    const withBot = await matchWithBot(first.url);
    await first.close();
    for (const [name, text] of Object.entries(ODD_FILES)) await writeFile(join(dir, name), text);

    const child: ChildServer = await startChildServer({ DATA_DIR: dir, DATABASE_URL: '', STORAGE: '', BOT_THINK_MS: '60000' });
    cleanups.push(() => child.kill());
    expect((await lobby(child.url).get(plain.matchID)).status).toBe(200);
    const person = await connectSocket(child.url);
    expect((await syncAndWait(person, withBot.matchID, withBot.playerID, withBot.credentials)).state._stateID).toBe(0);
    // The computer came back: its seat shows as connected.
    await vi.waitFor(async () => {
      const shown = (await lobby(child.url).get(withBot.matchID)).body as { players: { isConnected?: boolean }[] };
      expect(shown.players[Number(withBot.botID)]?.isConnected).toBe(true);
    });
    const left = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
    expect(left).toEqual([`${plain.matchID}.json`, `${withBot.matchID}.json`].sort());
    expect((await readdir(join(dir, 'quarantine'))).sort()).toEqual(Object.keys(ODD_FILES).sort());
    expect(({} as Record<string, unknown>).credentials).toBeUndefined();
  });
});

describe('errors', () => {
  it('a failure while answering is one JSON log line and a JSON 500, without a stack trace', async () => {
    const db = new MemoryStore();
    const server: TestServer = await startTestServer({ db });
    cleanups.push(() => server.close());
    const { matchID } = await createSeatedMatch(server.url);
    const fetch = db.fetch.bind(db);
    db.fetch = (async (id: string, opts: Parameters<typeof fetch>[1]) => {
      if (id === matchID) throw new Error('disk on fire');
      return fetch(id, opts);
    });
    const logs = captureLogs();
    let answers: { status: number; body: unknown }[];
    try {
      answers = [await lobby(server.url).get(matchID), await lobby(server.url).join(matchID, { playerID: '0', playerName: 'Eve' })];
    } finally {
      logs.restore();
    }
    for (const answer of answers) expect(answer).toEqual({ status: 500, body: { code: 'serverError', error: 'The server could not handle that; please try again.' }, text: expect.any(String) });
    expect(logs.lines.length).toBe(2);
    expect(logs.events().map((e) => [e.event, e.level, e.message])).toEqual([
      ['request-failed', 'error', 'disk on fire'],
      ['request-failed', 'error', 'disk on fire'],
    ]);
    expect(logs.lines.join('\n')).not.toMatch(/\n\s+at /);
  });
});
