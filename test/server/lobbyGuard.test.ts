/**
 * Issue 9, item 1: the lobby guard cannot be walked around. Every spelling of a lobby path,
 * every content type, every prototype key in every field, cross-site posts, floods of new
 * matches, oversized names and client-made server fields: each is refused before any handler
 * runs, and nothing changes (no seat taken, no prototype touched, no match made).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAllSockets, connectSocket, createSeatedMatch, lobby, startTestServer, syncAs, WASHINGTON, BEIJING, type TestServer, rawRequest } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  process.env.LOG_LEVEL = 'silent';
  server = await startTestServer();
});
afterAll(async () => {
  closeAllSockets();
  await server.close();
});

const GAME = 'de-risk';
const json = { 'Content-Type': 'application/json' };

/** A request with the path exactly as written, POST unless told. */
const raw = (path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) => rawRequest(server.url, path, { method: 'POST', ...init });

async function emptyMatch(): Promise<string> {
  const created = await lobby(server.url).create({ numPlayers: 2 });
  expect(created.status).toBe(200);
  return created.body.matchID;
}

const seatsOf = async (matchID: string) => {
  const { metadata } = await server.db.fetch(matchID, { metadata: true });
  return Object.values(metadata?.players ?? {}).map((p) => ({ name: p.name, credentials: p.credentials, data: p.data }));
};

/** Other spellings of `/games/de-risk/:id/:action` that a router matching loosely might accept. */
function spellings(id: string, action: string): string[] {
  const canonical = `/games/${GAME}/${id}/${action}`;
  return [
    `/Games/${GAME}/${id}/${action}`,
    `/GAMES/${GAME}/${id}/${action}`,
    `/games/De-Risk/${id}/${action}`,
    `/games/${GAME}/${id}/${action.toUpperCase()}`,
    `${canonical}/`,
    `/${canonical}`,
    `/games//${GAME}/${id}/${action}`,
    `/%67ames/${GAME}/${id}/${action}`,
    `/%47ames/${GAME}/${id}/${action}`,
    `/games/de%2Drisk/${id}/${action}`,
    `/games/${GAME}/${id}/%${action.charCodeAt(0).toString(16)}${action.slice(1)}`,
    `/games/${GAME}/${id}%2F${action}`,
    `/games/${GAME}/${id.toLowerCase()}/${action}`,
    `/games/${GAME}/./${id}/${action}`,
    `/games/x/../${GAME}/${id}/${action}`,
    `/games/${GAME}/${id}/${action};x`,
    `/games/${GAME}/${id}/${action}%00`,
    `/games\\${GAME}\\${id}\\${action}`,
  ];
}

describe('every spelling of a lobby path', () => {
  it('a join by any other spelling is refused (404) and takes no seat, for a real seat id and for __proto__', async () => {
    const matchID = await emptyMatch();
    for (const path of spellings(matchID, 'join')) {
      for (const playerID of [WASHINGTON, '__proto__']) {
        const answer = await raw(path, { headers: json, body: JSON.stringify({ playerID, playerName: 'Eve' }) });
        expect(answer.status, `${path} as ${playerID}`).toBe(404);
        expect(answer.text).not.toMatch(/playerCredentials/);
      }
    }
    expect(await seatsOf(matchID)).toEqual([
      { name: undefined, credentials: undefined, data: undefined },
      { name: undefined, credentials: undefined, data: undefined },
    ]);
    // The canonical spelling still works.
    const joined = await lobby(server.url).join(matchID, { playerID: WASHINGTON, playerName: 'Ada' });
    expect(joined.status).toBe(200);
  });

  it('create, leave, update, playAgain and the computer by any other spelling are refused and change nothing', async () => {
    const { matchID, credentials } = await createSeatedMatch(server.url);
    const before = await server.db.fetch(matchID, { metadata: true, state: true });
    const matchesBefore = (await server.db.listMatches()).length;
    const bodies: Record<string, unknown> = {
      leave: { playerID: WASHINGTON, credentials: credentials[WASHINGTON] },
      update: { playerID: WASHINGTON, credentials: credentials[WASHINGTON], newName: 'Mallory' },
      playAgain: { playerID: WASHINGTON, credentials: credentials[WASHINGTON] },
      bot: { playerID: WASHINGTON, credentials: credentials[WASHINGTON], level: 'easy', persona: 'hawk' },
    };
    for (const [action, body] of Object.entries(bodies)) {
      for (const path of spellings(matchID, action)) {
        expect((await raw(path, { headers: json, body: JSON.stringify(body) })).status, path).toBe(404);
      }
    }
    for (const path of ['/Games/de-risk/create', '/games/de-risk/Create', '/games/de-risk/create/', '//games/de-risk/create', '/games/De-Risk/create', '/%67ames/de-risk/create']) {
      expect((await raw(path, { headers: json, body: '{"numPlayers":2}' })).status, path).toBe(404);
    }
    expect(await server.db.fetch(matchID, { metadata: true, state: true })).toEqual(before);
    expect((await server.db.listMatches()).length).toBe(matchesBefore);
  });

  it('reads by other spellings are the lobby’s too: answered as JSON 404, never by the page or another router', async () => {
    const matchID = await emptyMatch();
    for (const path of [`/Games/${GAME}/${matchID}`, `/GAMES/${GAME}`, `/games/${GAME}/${matchID}/`, `/Games`, `/games/`, `/%67ames/${GAME}`]) {
      const answer = await raw(path, { method: 'GET' });
      expect(answer.status, path).toBe(404);
      expect(answer.headers.get('content-type'), path).toMatch(/application\/json/);
    }
    expect((await raw(`/games/${GAME}/${matchID}`, { method: 'GET' })).status).toBe(200);
    // The old rename route and other verbs are closed.
    expect((await raw(`/games/${GAME}/${matchID}/rename`, { headers: json, body: '{}' })).status).toBe(404);
    for (const method of ['PUT', 'PATCH', 'DELETE']) expect((await raw(`/games/${GAME}/${matchID}/join`, { method, headers: json, body: '{}' })).status, method).toBe(405);
    expect((await raw(`/games/${GAME}/create`, { method: 'GET' })).status).toBe(405);
  });
});

describe('bodies are JSON by content type, parsed once', () => {
  const types = [
    'application/x-www-form-urlencoded',
    'text/plain',
    'text/plain;charset=UTF-8',
    'multipart/form-data; boundary=x',
    'application/json-patch+json',
    'application/vnd.api+json',
    'application/csp-report',
    'text/json',
    'application/json; charset=latin1',
    'application/json, text/plain',
    'application/jsonx',
  ];

  for (const type of types) {
    it(`a body sent as ${type} is refused (415) even when its text is valid JSON, and changes nothing`, async () => {
      const matchID = await emptyMatch();
      const before = (await server.db.listMatches()).length;
      const join = await raw(`/games/${GAME}/${matchID}/join`, { headers: { 'Content-Type': type }, body: JSON.stringify({ playerID: '0', playerName: 'Eve' }) });
      const polluting = await raw(`/games/${GAME}/${matchID}/join`, { headers: { 'Content-Type': type }, body: JSON.stringify({ playerID: '__proto__', playerName: 'Eve' }) });
      const create = await raw(`/games/${GAME}/create`, { headers: { 'Content-Type': type }, body: '{"numPlayers":2}' });
      expect([join.status, polluting.status, create.status]).toEqual([415, 415, 415]);
      expect(JSON.parse(join.text)).toEqual({ code: 'badRequest', error: expect.stringMatching(/JSON/) });
      expect((await seatsOf(matchID)).map((s) => s.name)).toEqual([undefined, undefined]);
      expect((await server.db.listMatches()).length).toBe(before);
    });
  }

  it('a body without a content type, or compressed, is refused; an empty JSON body is judged on its (missing) fields', async () => {
    const matchID = await emptyMatch();
    const body = JSON.stringify({ playerID: '0', playerName: 'Eve' });
    const untyped = await fetch(`${server.url}/games/${GAME}/${matchID}/join`, { method: 'POST', body: new Blob([body]) });
    expect(untyped.status).toBe(415);
    expect((await raw(`/games/${GAME}/${matchID}/join`, { headers: { ...json, 'Content-Encoding': 'gzip' }, body })).status).toBe(415);
    expect((await raw(`/games/${GAME}/${matchID}/join`, { headers: json })).status).toBe(400);
    expect((await raw(`/games/${GAME}/${matchID}/join`, { headers: { 'Content-Type': 'Application/JSON; Charset=utf-8' }, body })).status).toBe(200);
  });
});

describe('prototype keys and seat ids', () => {
  const KEYS = ['__proto__', 'constructor', 'prototype'];

  it('seat ids are exactly "0" or "1": every other spelling is refused in every route', async () => {
    const { matchID, credentials } = await createSeatedMatch(server.url);
    const fresh = await emptyMatch();
    const before = await server.db.fetch(matchID, { metadata: true });
    const ids: unknown[] = [...KEYS, 'toString', 'hasOwnProperty', '00', '0 ', ' 1', '+1', '-0', '1.0', '2', 0, 1, null, true, [], {}, ['0']];
    for (const playerID of ids) {
      const label = JSON.stringify(playerID);
      const api = lobby(server.url);
      expect((await api.join(fresh, { playerID, playerName: 'Eve' })).status, `join ${label}`).toBe(400);
      expect((await api.leave(matchID, { playerID, credentials: credentials[WASHINGTON] })).status, `leave ${label}`).toBe(400);
      expect((await api.update(matchID, { playerID, credentials: credentials[WASHINGTON], newName: 'Eve' })).status, `update ${label}`).toBe(400);
      expect((await api.playAgain(matchID, { playerID, credentials: credentials[WASHINGTON] })).status, `playAgain ${label}`).toBe(400);
      expect((await api.bot(matchID, { playerID, credentials: credentials[WASHINGTON], level: 'easy', persona: 'hawk' })).status, `bot ${label}`).toBe(400);
    }
    expect(await server.db.fetch(matchID, { metadata: true })).toEqual(before);
    expect((await seatsOf(fresh)).map((s) => s.name)).toEqual([undefined, undefined]);
  });

  it('a prototype key anywhere in a body is refused (400), at the top and nested, in every route', async () => {
    const { matchID, credentials } = await createSeatedMatch(server.url);
    const fresh = await emptyMatch();
    const before = await server.db.fetch(matchID, { metadata: true });
    const count = (await server.db.listMatches()).length;
    const routes: [string, Record<string, unknown>][] = [
      ['create', { numPlayers: 2, setupData: { scenario: '2025' } }],
      [`${fresh}/join`, { playerID: '1', playerName: 'Eve' }],
      [`${matchID}/leave`, { playerID: '0', credentials: credentials[WASHINGTON] }],
      [`${matchID}/update`, { playerID: '0', credentials: credentials[WASHINGTON], newName: 'Eve' }],
      [`${matchID}/playAgain`, { playerID: '0', credentials: credentials[WASHINGTON], setupData: { scenario: '2025' } }],
      [`${matchID}/bot`, { playerID: '0', credentials: credentials[WASHINGTON], level: 'easy', persona: 'hawk' }],
    ];
    for (const [route, body] of routes) {
      const text = JSON.stringify(body);
      for (const key of KEYS) {
        const variants = [
          `{"${key}":{"name":"Mallory","credentials":"x"},${text.slice(1)}`,
          `${text.slice(0, -1)},"${key}":{"isAdmin":true}}`,
          `${text.slice(0, -1)},"setupData":{"${key}":{"polluted":true}}}`,
          `${text.slice(0, -1)},"x":[{"${key}":1}]}`,
        ];
        for (const variant of variants) {
          const answer = await raw(`/games/${GAME}/${route}`, { headers: json, body: variant });
          expect(answer.status, `${route} ${variant}`).toBe(400);
        }
      }
    }
    expect(await server.db.fetch(matchID, { metadata: true })).toEqual(before);
    expect((await server.db.listMatches()).length).toBe(count);
    expect(({} as Record<string, unknown>).name).toBeUndefined();
  });

  it('after every attempt, an empty seat still refuses made-up credentials and the lobby still works', async () => {
    const matchID = await emptyMatch();
    const socket = await connectSocket(server.url);
    for (const credentials of ['x', 'Mallory', '']) {
      syncAs(socket, matchID, BEIJING, credentials);
      const [, , refusal] = await socket.waitFor('refused', (id) => id === matchID, 3000, socket.frames.length);
      expect(refusal).toMatchObject({ code: 'unauthorized' });
    }
    expect((await lobby(server.url).join(matchID, { playerID: BEIJING, playerName: 'Bo' })).status).toBe(200);
    expect((await lobby(server.url).create()).status).toBe(200);
  });
});

describe('origins, sizes and server-owned fields', () => {
  it('cross-site posts are refused (403): a foreign Origin with any content type, and a cross-site fetch without an Origin', async () => {
    const matchID = await emptyMatch();
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'application/json']) {
      const answer = await raw(`/games/${GAME}/${matchID}/join`, { headers: { 'Content-Type': type, Origin: 'http://evil.example' }, body: 'playerID=0&playerName=Eve' });
      expect(answer.status, type).toBe(403);
    }
    expect((await raw(`/games/${GAME}/${matchID}/join`, { headers: { ...json, 'Sec-Fetch-Site': 'cross-site' }, body: '{"playerID":"0","playerName":"Eve"}' })).status).toBe(403);
    expect((await raw(`/Games/${GAME}/${matchID}/join`, { headers: { ...json, Origin: 'null' }, body: '{"playerID":"0","playerName":"Eve"}' })).status).toBe(403);
    expect((await seatsOf(matchID)).map((s) => s.name)).toEqual([undefined, undefined]);
  });

  it('an allowed origin gets CORS answers (preflight included); a foreign one gets none', async () => {
    const preflight = await raw(`/games/${GAME}/create`, { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST');
    const foreign = await raw(`/games/${GAME}/create`, { method: 'OPTIONS', headers: { Origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('names with HTML, direction overrides or 900 KB are refused by every route; the listing is bounded', async () => {
    const matchID = await emptyMatch();
    for (const playerName of ['<img src=x onerror=alert(1)>', 'Ada\u202Egnp.exe', 'A'.repeat(900_000), '\u200FAda', 'Ada\u2066']) {
      const answer = await raw(`/games/${GAME}/${matchID}/join`, { headers: json, body: JSON.stringify({ playerID: '0', playerName }) });
      expect([400, 413], playerName.slice(0, 20)).toContain(answer.status);
    }
    for (let i = 0; i < 110; i += 1) await lobby(server.url).create();
    const listing = await lobby(server.url).list();
    expect(listing.body.matches.length).toBe(100);
    expect(listing.text.length).toBeLessThan(100 * 400);
  });

  it('a client cannot set a seat’s data: "bot" in join or update is refused, and no person’s seat shows as the computer', async () => {
    const matchID = await emptyMatch();
    const data = { bot: { level: 'hard', persona: 'hawk' } };
    expect((await lobby(server.url).join(matchID, { playerID: '0', playerName: 'Computer', data })).status).toBe(400);
    const joined = await lobby(server.url).join(matchID, { playerID: '0', playerName: 'Ada' });
    expect((await lobby(server.url).update(matchID, { playerID: '0', credentials: joined.body.playerCredentials, newName: 'Ada', data })).status).toBe(400);
    // Even a record carrying a bot field without the server's own credentials (an old file, say) is not shown as the computer.
    const { metadata } = await server.db.fetch(matchID, { metadata: true });
    if (!metadata) throw new Error('no match');
    await server.db.setMetadata(matchID, { ...metadata, players: { ...metadata.players, 0: { ...metadata.players[0], id: 0, data } } });
    const shown = (await lobby(server.url).get(matchID)).body as { players: { data?: unknown }[] };
    expect(shown.players[0]?.data).toBeUndefined();
    const listed = (await lobby(server.url).list()).body.matches.find((m) => m.matchID === matchID) as { players: { data?: unknown }[] } | undefined;
    expect(listed?.players[0]?.data).toBeUndefined();
  });

  it('answers never echo the credentials or names sent, whatever the route or refusal', async () => {
    const { matchID, credentials } = await createSeatedMatch(server.url);
    const secret = credentials[WASHINGTON];
    const answers = [
      await raw(`/games/${GAME}/${matchID}/leave`, { headers: json, body: JSON.stringify({ playerID: '1', credentials: secret }) }),
      await raw(`/games/${GAME}/${matchID}/update`, { headers: json, body: JSON.stringify({ playerID: '1', credentials: secret, newName: 'Eve' }) }),
      await raw(`/games/${GAME}/${matchID}/leave`, { headers: json, body: JSON.stringify({ playerID: '1', credentials: secret, extra: secret }) }),
      await raw(`/Games/${GAME}/${matchID}/leave`, { headers: json, body: JSON.stringify({ playerID: '1', credentials: secret }) }),
      await raw(`/games/${GAME}/${matchID}/leave`, { headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ playerID: '1', credentials: secret }) }),
      await raw(`/games/${GAME}/${matchID}/leave`, { headers: json, body: `{"playerID":"1","credentials":"${secret}"` }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.text).not.toContain(secret);
    }
  });
});
