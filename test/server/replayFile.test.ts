/**
 * Issue 14: a finished online or class match's replay file, `GET /games/de-risk/:code/replay`.
 * The file the server serves plays with `replayOf` to exactly the final state the server stored
 * (a game against the server's computer, two people with their typed reasons, a class game its
 * teacher finished early). Before the end the answer is a refusal that tells nothing of the game
 * (no seed, no move, no reason: R12). Every other spelling of the path, a prototype key, an
 * encoded or overlong id is 404; floods are limited; a match the engine cannot reproduce has no
 * file.
 */
import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import type { State } from 'boardgame.io';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RULES_VERSION, type DeRiskState } from '../../src/game';
import { seedOf } from '../../src/server/bgio';
import { FileClassStore } from '../../src/server/classes/store';
import { replayOf, type Replay } from '../../src/sim/replay';
import { matchWithBot, playToTheEnd } from '../helpers/botMatch';
import {
  ALLOWED_ORIGIN,
  closeAllSockets,
  connectSocket,
  createSeatedMatch,
  lobby,
  move,
  startTestServer,
  syncAndWait,
  tempDir,
  type TestServer,
  type TestSocket,
  type WireState,
  rawRequest,
} from '../helpers/server';

process.env.LOG_LEVEL = 'silent';

const GAME = 'de-risk';
const replayPath = (matchID: string) => `/games/${GAME}/${matchID}/replay`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  closeAllSockets();
  await server.close();
});

/** A request with the path exactly as written (fetch would tidy `./`, `..` and backslashes first). */
const raw = (url: string, path: string, method = 'GET') => rawRequest(url, path, { method });

/** What the server keeps of a match: its final state and the seed of its first. */
async function storedMatch(db: TestServer['db'], matchID: string) {
  const { state, initialState } = await db.fetch(matchID, { state: true, initialState: true });
  if (!state) throw new Error('no match');
  return { state: state as State<DeRiskState>, seed: seedOf(initialState) ?? '' };
}

/** The replay file as served, played with replayOf; fails the test on anything but a file that plays. */
async function servedReplay(url: string, matchID: string): Promise<{ replay: Replay; text: string; headers: Headers }> {
  const answer = await raw(url, replayPath(matchID));
  expect(answer.status, answer.text).toBe(200);
  const replay = replayOf(JSON.parse(answer.text));
  if (!('states' in replay)) throw new Error(`the served file does not replay: ${JSON.stringify(replay)}`);
  return { replay, text: answer.text, headers: answer.headers };
}

/** The last position of a replay is the server's final state: the same game, the same turn. */
function expectSameEnd(replay: Replay, final: State<DeRiskState>) {
  const last = replay.states.at(-1);
  const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
  expect(plain(last?.G)).toEqual(plain(final.G));
  expect(plain(last?.ctx)).toEqual(plain(final.ctx));
  expect(plain(last?.plugins.random?.data)).toEqual(plain(final.plugins.random?.data));
}

/** Both seats pass, each with a reason of its own, until the game is over; returns the last state seen. */
async function passToTheEnd(sockets: Record<'0' | '1', TestSocket>, matchID: string, credentials: Record<'0' | '1', string>, first: WireState, stopAfter = Infinity) {
  let state = first;
  for (let i = 0; i < 60 && state.ctx.gameover === undefined && i < stopAfter; i += 1) {
    const seat = (state.ctx.activePlayers ? Object.keys(state.ctx.activePlayers)[0] : state.ctx.currentPlayer) as '0' | '1';
    const socket = sockets[seat];
    const from = socket.frames.length;
    move(socket, matchID, seat, credentials[seat], state._stateID, 'pass', `reason ${seat}-${i}: wait and see`);
    const stateID = state._stateID;
    const [, , next] = await socket.waitFor('update', (id, s) => id === matchID && (s as WireState)._stateID > stateID, 3000, from);
    state = next as WireState;
  }
  return state;
}

describe('a finished match’s replay file', () => {
  it('against the server’s computer: refused while the game is on, then a file that replays exactly to the server’s final state', async () => {
    const table = await matchWithBot(server.url, { level: 'easy', persona: 'balanced' });
    const { seed } = await storedMatch(server.db, table.matchID);
    expect(seed.length).toBeGreaterThan(0);

    const early = await raw(server.url, replayPath(table.matchID));
    expect(early.status).toBe(409);
    expect(early.headers.get('content-type')).toMatch(/application\/json/);
    expect(early.headers.get('content-disposition')).toBeNull();
    expect(JSON.parse(early.text)).toEqual({ code: 'notOver', error: expect.any(String) });
    expect(early.text).not.toContain(seed);

    const person = await connectSocket(server.url);
    await playToTheEnd(person, table);
    const { state: final } = await storedMatch(server.db, table.matchID);
    expect(final.ctx.gameover).toBeDefined();

    const { replay, text, headers } = await servedReplay(server.url, table.matchID);
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(headers.get('content-disposition')).toBe(`attachment; filename="de-risk-2025-4-rounds-${table.matchID}.json"`);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('content-security-policy')).toBeTruthy();
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['format', 'rules', 'setup', 'seed', 'moves']);
    expect(replay.record).toMatchObject({ rules: RULES_VERSION, setup: { scenario: '2025', length: 4 }, seed });
    expectSameEnd(replay, final);
    // The computer's moves carry its reasons; every move of both seats is there.
    const botMoves = replay.record.moves.filter((m) => m.playerID === table.botID);
    expect(botMoves.length).toBeGreaterThan(0);
    expect(botMoves.every((m) => typeof m.args.at(-1) === 'object')).toBe(true);
    expect(replay.record.moves.some((m) => m.playerID === table.playerID)).toBe(true);

    // Asked again (kept): the same file.
    expect((await raw(server.url, replayPath(table.matchID))).text).toBe(text);
  }, 90_000);

  it('two people: their typed reasons are in the file, which replays to the server’s state; spectators and strangers get the same file once it is over', async () => {
    const { matchID, credentials } = await createSeatedMatch(server.url, { scenario: '2018', length: 4 });
    const sockets = { '0': await connectSocket(server.url), '1': await connectSocket(server.url) };
    const [first] = await Promise.all([syncAndWait(sockets['0'], matchID, '0', credentials['0']), syncAndWait(sockets['1'], matchID, '1', credentials['1'])]);
    if (!first) throw new Error('not synced');

    // Half way: refused, and nothing of the game (the seed, a typed reason) is in the answer.
    const midway = await passToTheEnd(sockets, matchID, credentials, first.state, 3);
    expect(midway.ctx.gameover).toBeUndefined();
    const { seed } = await storedMatch(server.db, matchID);
    const refused = await raw(server.url, replayPath(matchID));
    expect(refused.status).toBe(409);
    for (const secret of [seed, 'wait and see', 'moves', '"pass"']) expect(refused.text).not.toContain(secret);

    await passToTheEnd(sockets, matchID, credentials, midway);
    const { state: final } = await storedMatch(server.db, matchID);
    expect(final.ctx.gameover).toBeDefined();
    const { replay, headers } = await servedReplay(server.url, matchID);
    expect(headers.get('content-disposition')).toBe(`attachment; filename="de-risk-2018-4-rounds-${matchID}.json"`);
    expectSameEnd(replay, final);
    expect(replay.record.moves.length).toBeGreaterThanOrEqual(8);
    expect(replay.record.moves.every((m) => m.move === 'pass' && typeof m.args[0] === 'string' && m.args[0].endsWith('wait and see'))).toBe(true);
    expect(replay.record.moves.map((m) => m.playerID)).toContain('1');
    // No credentials, names or match data: the record alone.
    const text = (await raw(server.url, replayPath(matchID))).text;
    for (const secret of [credentials['0'], credentials['1'], 'Ada', '"Bo"']) expect(text).not.toContain(secret);
  }, 60_000);

  it('a match that does not exist is 404; a finished match the engine cannot reproduce has no file, and says nothing of it', async () => {
    expect(JSON.parse((await raw(server.url, replayPath('ZZZZZZZ'))).text)).toEqual({ code: 'noMatch', error: expect.any(String) });
    expect((await raw(server.url, replayPath('ZZZZZZZ'))).status).toBe(404);

    const { matchID, credentials } = await createSeatedMatch(server.url, { scenario: '2020', length: 4 });
    const sockets = { '0': await connectSocket(server.url), '1': await connectSocket(server.url) };
    const [first] = await Promise.all([syncAndWait(sockets['0'], matchID, '0', credentials['0']), syncAndWait(sockets['1'], matchID, '1', credentials['1'])]);
    if (!first) throw new Error('not synced');
    await passToTheEnd(sockets, matchID, credentials, first.state);
    const { state, seed } = await storedMatch(server.db, matchID);
    // The stored end no longer follows from the moves (as after an upgrade to other rules).
    const G = state.G;
    await server.db.setState(matchID, { ...state, G: { ...G, tracks: { ...G.tracks, relationship: G.tracks.relationship === 0 ? 1 : 0 } } } as State);
    const answer = await raw(server.url, replayPath(matchID));
    expect(answer.status).toBe(409);
    expect(JSON.parse(answer.text)).toEqual({ code: 'noReplay', error: expect.any(String) });
    expect(answer.text).not.toContain(seed);
  }, 60_000);
});

describe('the replay path is the lobby’s, guarded as the rest', () => {
  it('every other spelling, a prototype key, an encoded, lower-case or overlong id is 404 and gives nothing away; other methods are 405', async () => {
    const table = await matchWithBot(server.url, { level: 'easy', persona: 'hawk' });
    const person = await connectSocket(server.url);
    await playToTheEnd(person, table);
    const { seed } = await storedMatch(server.db, table.matchID);
    const id = table.matchID;
    expect((await raw(server.url, replayPath(id))).status).toBe(200);

    const paths = [
      `/Games/${GAME}/${id}/replay`,
      `/GAMES/${GAME}/${id}/replay`,
      `/games/De-Risk/${id}/replay`,
      `/games/${GAME}/${id}/Replay`,
      `/games/${GAME}/${id}/REPLAY`,
      `/games/${GAME}/${id}/%72eplay`,
      `/games/${GAME}/${id}/replay/`,
      `/games/${GAME}/${id}/replay.json`,
      `/games/${GAME}/${id}/replay;x`,
      `/games/${GAME}/${id}/replay%00`,
      `/games/${GAME}/${id}/replay/x`,
      `/games/${GAME}/${id}%2Freplay`,
      `//games/${GAME}/${id}/replay`,
      `/games//${GAME}/${id}/replay`,
      `/%67ames/${GAME}/${id}/replay`,
      `/games/${GAME}/./${id}/replay`,
      `/games/x/../${GAME}/${id}/replay`,
      `/games\\${GAME}\\${id}\\replay`,
      `/games/${GAME}/${id.toLowerCase()}/replay`,
      `/games/${GAME}/%${id.charCodeAt(0).toString(16)}${id.slice(1)}/replay`,
      `/games/${GAME}/${id} /replay`.replace(' ', '%20'),
      `/games/${GAME}/${'A'.repeat(300)}/replay`,
      `/games/${GAME}/${id}${'A'.repeat(10_000)}/replay`,
      `/games/${GAME}/__proto__/replay`,
      `/games/${GAME}/constructor/replay`,
      `/games/${GAME}/prototype/replay`,
      `/games/${GAME}/%5F%5Fproto%5F%5F/replay`,
      `/games/${GAME}/__proto__%2F..%2F${id}/replay`,
      `/games/${GAME}/replay`,
      `/games/${GAME}/${id}/replay?matchID=__proto__`.replace(`${id}/`, '__proto__/'),
    ];
    for (const path of paths) {
      const answer = await raw(server.url, path);
      expect(answer.status, path).toBe(404);
      expect(answer.headers.get('content-type'), path).toMatch(/application\/json/);
      expect(answer.text, path).not.toContain(seed);
      expect(answer.headers.get('content-disposition'), path).toBeNull();
    }
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) expect((await raw(server.url, replayPath(id), method)).status, method).toBe(405);
    expect(({} as Record<string, unknown>).seed).toBeUndefined();
  }, 60_000);

  it('a foreign origin is refused (403); a flood from one address is limited (429)', async () => {
    const limited = await startTestServer({ server: { lobbyLimits: { replay: { perSecond: 0.001, burst: 2 } } } });
    try {
      const foreign = await lobby(limited.url, { Origin: 'http://evil.example' }).call('GET', replayPath('ZZZZZZZ'));
      expect(foreign.status).toBe(403);
      const api = lobby(limited.url, { Origin: ALLOWED_ORIGIN });
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push((await api.call('GET', replayPath('ZZZZZZZ'))).status);
      expect(answers).toEqual([404, 404, 429]);
      // Other lobby reads are not counted against the replay files.
      expect((await api.call('GET', `/games/${GAME}`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('a class match', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('finished early by the teacher (R4.7) replays to the same end, after the same round', async () => {
    const folder = await tempDir();
    dirs.push(folder);
    const classServer = await startTestServer({ dir: folder, server: { classes: new FileClassStore(join(folder, 'classes')) } });
    try {
      const call = <T = Record<string, unknown>>(method: 'GET' | 'POST', path: string, body?: unknown, key?: string) =>
        lobby(classServer.url, { Origin: ALLOWED_ORIGIN, ...(key ? { Authorization: `Bearer ${key}` } : {}) }).call<T>(method, path, body);
      const made = await call<{ code: string; teacherKey: string }>('POST', '/classes', { title: 'Period 3', scenario: '2025', length: 6, timer: 0, onTimeout: 'pass', computer: 'easy', pairing: 'joinOrder' });
      const { code, teacherKey } = made.body;
      const students = [];
      for (const name of ['Ada', 'Bo']) students.push((await call<{ studentKey: string }>('POST', `/classes/${code}/join`, { name })).body);
      expect((await call('POST', `/classes/${code}/start`, {}, teacherKey)).status).toBe(200);
      const seats = await Promise.all(
        students.map(async (s) => (await call<{ seat: { matchID: string; playerID: '0' | '1'; credentials: string } }>('GET', `/classes/${code}/seat`, undefined, s.studentKey)).body.seat),
      );
      const matchID = seats[0]?.matchID ?? '';
      const bySeat = Object.fromEntries(seats.map((s) => [s.playerID, s])) as Record<'0' | '1', (typeof seats)[number]>;
      const sockets = { '0': await connectSocket(classServer.url), '1': await connectSocket(classServer.url) };
      const credentials = { '0': bySeat['0'].credentials, '1': bySeat['1'].credentials };
      const [first] = await Promise.all([syncAndWait(sockets['0'], matchID, '0', credentials['0']), syncAndWait(sockets['1'], matchID, '1', credentials['1'])]);
      if (!first) throw new Error('not synced');
      const moved = await passToTheEnd(sockets, matchID, credentials, first.state, 1);
      expect((await raw(classServer.url, replayPath(matchID))).status).toBe(409);

      expect((await call('POST', `/classes/${code}/finish`, {}, teacherKey)).body).toEqual({ finishing: true, matches: 1 });
      const [, , changed] = await sockets['0'].waitFor('update', (id, s) => id === matchID && (s as WireState)._stateID > moved._stateID);
      const final = await passToTheEnd(sockets, matchID, credentials, changed as WireState);
      expect(final.ctx.gameover).toBeDefined();
      expect(final.G.round).toBe(1);

      const { state } = await storedMatch(classServer.db, matchID);
      const { replay } = await servedReplay(classServer.url, matchID);
      expect(replay.record.setup).toEqual({ scenario: '2025', length: 6, endsAfter: 1 });
      expectSameEnd(replay, state);
    } finally {
      closeAllSockets();
      await classServer.close();
    }
  }, 60_000);
});
