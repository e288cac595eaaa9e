/**
 * Random lobby requests and socket frames (fast-check, bounded), against one real server with a
 * match in progress. After each one: the server still answers, no built-in prototype changed,
 * nothing a stranger received holds a secret (either seat's credentials, a hand, the deck
 * order, the seed), and what the server keeps per match, per socket and per address stays
 * bounded.
 */
import type { State } from 'boardgame.io';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeRiskState } from '../../src/game';
import { closeAllSockets, connectSocket, createSeatedMatch, startTestServer, syncAndWait, type TestServer, type TestSocket, rawRequest } from '../helpers/server';

let server: TestServer;
let matchID: string;
let secrets: string[];
const PROTO = ['__proto__', 'constructor', 'prototype'];

beforeAll(async () => {
  process.env.LOG_LEVEL = 'silent';
  server = await startTestServer({ server: { bots: { thinkMs: [60_000, 60_000] } } });
  const match = await createSeatedMatch(server.url);
  matchID = match.matchID;
  const w = await connectSocket(server.url);
  await syncAndWait(w, matchID, '0', match.credentials['0']);
  const { state } = await server.db.fetch(matchID, { state: true });
  const G = (state as State<DeRiskState>).G;
  const seed = (state).plugins.random?.data as { seed?: unknown } | undefined;
  secrets = [match.credentials['0'], match.credentials['1'], JSON.stringify(G.sides.us.hand), JSON.stringify(G.sides.cn.hand), JSON.stringify(G.eventDeck), `"seed":${JSON.stringify(seed?.seed)}`];
});
afterAll(async () => {
  closeAllSockets();
  await server.close();
});

const send = (method: string, path: string, headers: Record<string, string>, body: string | undefined) => rawRequest(server.url, path, { method, headers, ...(body === undefined ? {} : { body }) });

const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',');
let prototypesBefore = '';

async function checkServer(received: string): Promise<void> {
  expect(prototypeNames()).toBe(prototypesBefore);
  expect(({} as Record<string, unknown>).credentials).toBeUndefined();
  for (const secret of secrets) expect(received.includes(secret), `leaked ${secret.slice(0, 20)}`).toBe(false);
  const alive = await send('GET', `/games/de-risk/${matchID}`, {}, undefined);
  expect(alive.status).toBe(200);
}

const seatValue = fc.oneof(fc.constantFrom('0', '1', '2', '00', '', ...PROTO, 'toString'), fc.integer(), fc.constant(null), fc.object());
const bodyObject = fc.dictionary(
  fc.constantFrom('playerID', 'playerName', 'credentials', 'newName', 'level', 'persona', 'setupData', 'numPlayers', 'data', 'unlisted', ...PROTO, 'x'),
  fc.oneof(seatValue, fc.string({ maxLength: 40 }), fc.jsonValue({ maxDepth: 3 }), fc.constantFrom('hard', 'hawk', 'Ada', '<b>x</b>', 'a'.repeat(32))),
  { maxKeys: 6 },
);
const body = fc.oneof(
  bodyObject.map((o) => JSON.stringify(o)),
  fc.constantFrom(...PROTO).map((key) => `{"${key}":{"name":"Mallory","credentials":"x"},"playerID":"0","playerName":"Eve"}`),
  fc.string({ maxLength: 200 }),
  fc.constant(undefined),
);
const path = fc
  .tuple(
    fc.constantFrom('/games', '/Games', '/GAMES', '//games', '/%67ames', '/games/', '/x', '/socket.io', '/'),
    fc.constantFrom('de-risk', 'De-Risk', '__proto__', 'tic-tac-toe', ''),
    fc.oneof(fc.constant('MATCH'), fc.constantFrom('ZZZZZZZ', 'create', ...PROTO, '..', '%2e%2e'), fc.string({ maxLength: 12 })),
    fc.constantFrom('join', 'leave', 'update', 'playAgain', 'bot', 'rename', 'JOIN', '', 'join/'),
  )
  .map(([prefix, game, id, action]) => `${prefix}/${game}/${id === 'MATCH' ? matchID : encodeURIComponent(id)}/${action}`.replace(/\/+$/, (s) => (s.length > 1 ? '/' : s)));
const contentType = fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=z', 'application/json; charset=latin1', undefined);

describe('fuzzing the lobby and the socket', () => {
  it('random lobby requests: the server answers, no prototype changes, no secret leaks', async () => {
    prototypesBefore = prototypeNames();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'POST', 'POST', 'PUT', 'OPTIONS'), path, contentType, body, fc.boolean(), async (method, url, type, text, foreign) => {
        const headers: Record<string, string> = {};
        if (type) headers['Content-Type'] = type;
        if (foreign) headers.Origin = 'http://evil.example';
        const answer = await send(method, url, headers, method === 'GET' ? undefined : text);
        expect(answer.status).toBeGreaterThanOrEqual(200);
        expect(answer.status).toBeLessThan(500);
        await checkServer(answer.text);
      }),
      { numRuns: 300 },
    );
    // The real match is untouched: both people still hold their seats.
    const { metadata } = await server.db.fetch(matchID, { metadata: true });
    expect([metadata?.players[0]?.name, metadata?.players[1]?.name]).toEqual(['Ada', 'Bo']);
  });

  it('random socket frames from a stranger: the server answers, no prototype changes, no secret leaks, nothing piles up', async () => {
    prototypesBefore = prototypeNames();
    const heapBefore = process.memoryUsage().heapUsed;
    let socket: TestSocket | null = null;
    const arg = fc.oneof(
      fc.constantFrom(matchID, 'ZZZZZZZ', ...PROTO, '0', '1', null, 2),
      fc.jsonValue({ maxDepth: 3 }),
      fc.constantFrom(...PROTO).map((key) => JSON.parse(`{"${key}":{"credentials":"x","name":"M"}}`) as unknown),
      fc.record({ type: fc.constantFrom('MAKE_MOVE', 'UPDATE', 'RESET', 'SYNC', 'PATCH', 'GAME_EVENT'), payload: fc.record({ type: fc.constantFrom('act', 'pass', 'endGame', '__proto__'), args: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }), playerID: seatValue, credentials: fc.string({ maxLength: 40 }) }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('sync', 'sync', 'update', 'update', 'chat', 'matchData', 'x'), fc.array(arg, { maxLength: 5 })), { minLength: 1, maxLength: 6 }), async (frames) => {
        if (!socket?.socket.connected) socket = await connectSocket(server.url);
        const start = socket.frames.length;
        for (const [event, args] of frames) socket.socket.emit(event, ...args);
        await new Promise((r) => setTimeout(r, 20));
        await server.app.queue.drain();
        await checkServer(JSON.stringify(socket.since(start)));
      }),
      { numRuns: 200 },
    );
    closeAllSockets();
    await new Promise((r) => setTimeout(r, 200));
    await server.app.queue.drain();
    expect(server.app.queue.size).toBe(0);
    expect(server.app.transport.footprint.seats).toBe(0);
    expect(server.app.transport.footprint.addresses).toBeLessThanOrEqual(1);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 1024 * 1024);
  });
});
