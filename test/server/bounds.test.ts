/**
 * Issue 9, items 3, 4 and 8 (the last tab): nothing grows without bound. Syncs for unknown
 * matches leave nothing behind and are logged once; one address holds only so many sockets and
 * sends only so many messages, all its sockets together (the real address when a trusted proxy
 * says so); the server's own computer players are not counted; a seat open in several tabs stays
 * connected until its last tab closes.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TOO_MANY_SOCKETS } from '../../src/server/transport';
import { matchWithBot } from '../helpers/botMatch';
import {
  BEIJING,
  captureLogs,
  closeAllSockets,
  connectSocket,
  createSeatedMatch,
  sleep,
  startTestServer,
  syncAndWait,
  syncAs,
  WASHINGTON,
  type TestServer,
  type TestSocket,
} from '../helpers/server';

process.env.LOG_LEVEL = 'silent';
const servers: TestServer[] = [];
afterEach(async () => {
  closeAllSockets();
  for (const s of servers.splice(0)) await s.close();
});

async function start(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const server = await startTestServer(options);
  servers.push(server);
  return server;
}

/** A socket that claims to come from `address` through a proxy (believed only with trustProxy). */
const from = (server: TestServer, address: string, connect = true) => connectSocket(server.url, { extraHeaders: { 'X-Forwarded-For': address }, connect });

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const unknownCode = () => Array.from(randomBytes(7), (b) => ALPHABET[b % ALPHABET.length]).join('');

describe('syncs for matches that do not exist', () => {
  it('leave nothing behind in the server and are logged once per socket, with the id cut short', async () => {
    const server = await start();
    const logs = captureLogs();
    const sockets: TestSocket[] = [];
    try {
      for (let s = 0; s < 10; s += 1) {
        const socket = await connectSocket(server.url);
        sockets.push(socket);
        for (let i = 0; i < 30; i += 1) {
          const id = i % 3 === 0 ? `${'X'.repeat(5000)}${i}` : i % 3 === 1 ? unknownCode() : `__proto__${i}`;
          syncAs(socket, id, i % 2 === 0 ? null : WASHINGTON, 'made-up');
        }
      }
      await vi.waitFor(() => expect(sockets.every((s) => s.frames.filter(([e]) => e === 'refused').length === 30)).toBe(true), { timeout: 5000 });
      await server.app.queue.drain();
      expect(server.app.queue.size).toBe(0);
      expect(server.app.transport.footprint).toMatchObject({ rooms: 0, seats: 0 });
      for (const socket of sockets) socket.close();
      await sleep(100);
    } finally {
      logs.restore();
    }
    const unknown = logs.events().filter((e) => e.event === 'unknown-match');
    expect(unknown).toHaveLength(10);
    expect(unknown.every((e) => String(e.matchID).length <= 17)).toBe(true);
    expect(logs.events().filter((e) => e.event === 'unknown-matches').map((e) => e.syncs)).toEqual(Array(10).fill(30));
    expect(logs.lines.join('\n').length).toBeLessThan(10_000);
  });
});

describe('sockets per address', () => {
  it('one address holds at most the cap; a socket closed frees its place; other real addresses behind a trusted proxy are not affected', async () => {
    const server = await start({ server: { socketsPerAddress: 5, trustProxy: 1 } });
    const first = await Promise.all(Array.from({ length: 5 }, () => from(server, '203.0.113.1')));
    const refused = await from(server, '203.0.113.1', false);
    const [, message] = await refused.waitFor('#connect_error');
    expect(message).toBe(TOO_MANY_SOCKETS);
    expect(refused.socket.connected).toBe(false);
    // Another school's address, and a client claiming a chain whose real (last) entry differs.
    expect((await from(server, '203.0.113.2')).socket.connected).toBe(true);
    expect((await from(server, '203.0.113.1, 198.51.100.7')).socket.connected).toBe(true);
    first[0]?.close();
    await vi.waitFor(() => expect(server.app.transport.footprint.addresses).toBe(3));
    expect((await from(server, '203.0.113.1')).socket.connected).toBe(true);
  });

  it('new sockets from one address are limited in rate too: a reconnect loop is refused, another address is not', async () => {
    const server = await start({ server: { trustProxy: 1, socketConnectsPerAddress: { perSecond: 0.01, burst: 4 } } });
    for (let i = 0; i < 4; i += 1) (await from(server, '203.0.113.3')).close();
    const looping = await from(server, '203.0.113.3', false);
    const [, message] = await looping.waitFor('#connect_error');
    expect(message).toBe(TOO_MANY_SOCKETS);
    expect((await from(server, '203.0.113.4')).socket.connected).toBe(true);
  });

  it('without a trusted proxy, X-Forwarded-For is not believed: a client cannot buy more sockets by inventing addresses', async () => {
    const server = await start({ server: { socketsPerAddress: 3 } });
    for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) expect((await from(server, address)).socket.connected).toBe(true);
    const fourth = await from(server, '10.0.0.4', false);
    await fourth.waitFor('#connect_error');
    expect(fourth.socket.connected).toBe(false);
  });

  it('the server’s own computer players are not counted against the address they connect from', async () => {
    const server = await start({ server: { socketsPerAddress: 1, bots: { thinkMs: [60_000, 60_000] } } });
    const table = await matchWithBot(server.url);
    const person = await connectSocket(server.url);
    const sync = await syncAndWait(person, table.matchID, table.playerID, table.credentials);
    expect(sync.state._stateID).toBe(0);
    await vi.waitFor(async () => expect((await server.db.fetch(table.matchID, { metadata: true })).metadata?.players[Number(table.botID)]?.isConnected).toBe(true));
  });

  it('messages from one address are limited over all its sockets together, and the flooding sockets are cut off', async () => {
    const server = await start({ server: { trustProxy: 1, socketMessagesPerAddress: { perSecond: 1, burst: 30 } } });
    const { matchID } = await createSeatedMatch(server.url);
    const flooders = await Promise.all(Array.from({ length: 3 }, () => from(server, '203.0.113.9')));
    for (let i = 0; i < 15; i += 1) for (const socket of flooders) syncAs(socket, matchID, null);
    await vi.waitFor(() => expect(flooders.some((s) => !s.socket.connected)).toBe(true), { timeout: 5000 });
    const answered = flooders.reduce((sum, s) => sum + s.frames.filter(([e]) => e === 'sync').length, 0);
    expect(answered).toBeLessThanOrEqual(30);
    // Someone else is served as before.
    const other = await from(server, '203.0.113.10');
    expect((await syncAndWait(other, matchID, null)).state._stateID).toBe(0);
  });
});

describe('a seat open in several tabs', () => {
  it('closing one of three tabs keeps the seat connected; closing the last marks it gone', async () => {
    const server = await start();
    const { matchID, credentials } = await createSeatedMatch(server.url);
    const tabs = await Promise.all([0, 1, 2].map(() => connectSocket(server.url)));
    for (const tab of tabs) await syncAndWait(tab, matchID, WASHINGTON, credentials[WASHINGTON]);
    const beijing = await connectSocket(server.url);
    await syncAndWait(beijing, matchID, BEIJING, credentials[BEIJING]);
    const connected = async () => (await server.db.fetch(matchID, { metadata: true })).metadata?.players[0]?.isConnected;
    expect(await connected()).toBe(true);

    tabs[0]?.close();
    await sleep(150);
    await server.app.queue.drain();
    expect(await connected()).toBe(true);
    tabs[1]?.close();
    await sleep(150);
    await server.app.queue.drain();
    expect(await connected()).toBe(true);
    tabs[2]?.close();
    await vi.waitFor(async () => expect(await connected()).toBe(false));
  });
});
