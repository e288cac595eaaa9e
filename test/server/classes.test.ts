/**
 * Classroom mode over real HTTP and real sockets (issue 12): a teacher makes a class, students
 * join with its code, the teacher starts the games and every student finds their own seat; an
 * odd student plays the computer; pause holds every move; the class survives a restart; every
 * teacher route refuses a student's key, a wrong key and no key; nothing secret reaches anyone.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileClassStore } from '../../src/server/classes/store';
import { CLASS_ALPHABET, CLASS_CODE } from '../../src/server/classes/record';
import { MAX_FEEDS } from '../../src/server/classes/http';
import { storedMatchesReader, type ClassStatus } from '../../src/server/classes/status';
import { MemoryStore } from '../../src/server/storage/memoryStore';
import { metadata, state } from '../helpers/storeContract';
import { CSV_COLUMNS, csvField, type ClassResults } from '../../src/server/classes/results';
import { ALLOWED_ORIGIN, closeAllSockets, connectSocket, lobby, move, startTestServer, syncAndWait, tempDir, type TestServer } from '../helpers/server';
import { rm } from 'node:fs/promises';

process.env.LOG_LEVEL = 'silent';

const servers: TestServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  closeAllSockets();
  for (const server of servers.splice(0)) await server.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const SETTINGS = { title: 'Period 3', scenario: '2025', length: 4, timer: 0, onTimeout: 'pass', computer: 'easy', pairing: 'joinOrder' } as const;

async function start(dir?: string): Promise<TestServer> {
  const folder = dir ?? (await tempDir());
  if (!dir) dirs.push(folder);
  const server = await startTestServer({ dir: folder, server: { classes: new FileClassStore(join(folder, 'classes')) } });
  servers.push(server);
  return server;
}

function api(url: string) {
  /** A request with the allowed Origin, the key as a Bearer token, and any header replaced by `raw`. */
  const call = <T = Record<string, unknown>>(method: 'GET' | 'POST', path: string, { body, key, raw }: { body?: unknown; key?: string; raw?: Record<string, string> } = {}) =>
    lobby(url, { Origin: ALLOWED_ORIGIN, ...(key ? { Authorization: `Bearer ${key}` } : {}), ...raw }).call<T>(method, path, body);
  return {
    call,
    create: (body: unknown = SETTINGS) => call<{ code: string; teacherKey: string }>('POST', '/classes', { body }),
    join: (code: string, name: string) => call<{ studentID: string; studentKey: string }>('POST', `/classes/${code}/join`, { body: { name } }),
    seat: (code: string, key?: string) => call<{ phase: string; paused: boolean; seat?: { matchID: string; playerID: '0' | '1'; credentials: string } }>('GET', `/classes/${code}/seat`, { key }),
    status: (code: string, key?: string) => call<ClassStatus>('GET', `/classes/${code}`, { key }),
    teacher: (code: string, action: string, key?: string, body: unknown = {}) => call('POST', `/classes/${code}/${action}`, { body, key }),
  };
}

async function classWith(url: string, names: string[], settings: unknown = SETTINGS) {
  const c = api(url);
  const made = await c.create(settings);
  expect(made.status).toBe(200);
  const { code, teacherKey } = made.body;
  const students = [];
  for (const name of names) {
    const joined = await c.join(code, name);
    expect(joined.status).toBe(200);
    students.push({ name, ...joined.body });
  }
  return { c, code, teacherKey, students };
}

describe('a class from code to seats', () => {
  it('makes a six-character code from the unambiguous alphabet and a long teacher key', async () => {
    const server = await start();
    const { code, teacherKey } = (await api(server.url).create()).body;
    expect(code).toMatch(CLASS_CODE);
    for (const ambiguous of ['0', 'O', '1', 'I', 'L', '2', 'Z', '5', 'S', '8', 'B']) expect(CLASS_ALPHABET).not.toContain(ambiguous);
    expect(teacherKey.length).toBeGreaterThanOrEqual(32);
  });

  it('pairs five students into two matches and one against the computer; each student finds only their own seat', async () => {
    const server = await start();
    const { c, code, teacherKey, students } = await classWith(server.url, ['Ada', 'Bo', 'Chen', 'Dara', 'Eli']);

    const waiting = await c.status(code, teacherKey);
    expect(waiting.body.students.map((s) => s.name)).toEqual(['Ada', 'Bo', 'Chen', 'Dara', 'Eli']);
    expect((await c.seat(code, students[0]?.studentKey)).body).toMatchObject({ phase: 'gathering' });
    expect((await c.seat(code, students[0]?.studentKey)).body.seat).toBeUndefined();

    expect((await c.teacher(code, 'start', teacherKey)).body).toEqual({ matches: 3 });
    const seats = await Promise.all(students.map(async (s) => (await c.seat(code, s.studentKey)).body.seat));
    for (const seat of seats) expect(seat).toMatchObject({ matchID: expect.any(String), playerID: expect.stringMatching(/^[01]$/), credentials: expect.any(String) });
    // Join order: Ada–Bo, Chen–Dara, Eli against the computer; every seat different.
    expect(seats[0]?.matchID).toBe(seats[1]?.matchID);
    expect(seats[2]?.matchID).toBe(seats[3]?.matchID);
    expect(new Set(seats.map((s) => `${s?.matchID}/${s?.playerID}`)).size).toBe(5);

    const status = (await c.status(code, teacherKey)).body;
    expect(status.phase).toBe('playing');
    expect(status.matches).toHaveLength(3);
    const vsComputer = status.matches.find((m) => m.matchID === seats[4]?.matchID);
    expect(vsComputer && [vsComputer.seats.us, vsComputer.seats.cn].filter((s) => s.computer)).toHaveLength(1);
    for (const m of status.matches) expect(m).toMatchObject({ round: 1, length: 4, relationship: expect.any(Number), score: { us: expect.any(Number), cn: expect.any(Number) } });

    // A student's seat works on the socket: they sync into their match as their side.
    const socket = await connectSocket(server.url);
    const seat = seats[0];
    if (!seat) throw new Error('no seat');
    const synced = await syncAndWait(socket, seat.matchID, seat.playerID, seat.credentials);
    expect(synced.state.G.round).toBe(1);

    // Nothing secret in what the teacher reads: no credentials, no key digests, no hands or agendas.
    const text = (await c.status(code, teacherKey)).text;
    for (const s of seats) expect(text).not.toContain(s?.credentials);
    expect(text).not.toMatch(/credentials|keyDigest|teacherDigest|hand|agenda|deck/i);
  });

  it('a late student plays the next late student; one left alone plays the computer after a short wait', async () => {
    const folder = await tempDir();
    dirs.push(folder);
    const clock = { offset: 0 };
    const server = await startTestServer({ dir: folder, server: { now: () => Date.now() + clock.offset, classClockMs: 3_600_000 } });
    servers.push(server);
    const { c, code, teacherKey } = await classWith(server.url, ['Ada', 'Bo']);
    await c.teacher(code, 'start', teacherKey);
    const fay = await c.join(code, 'Fay');
    expect((await c.seat(code, fay.body.studentKey)).body.seat).toBeUndefined();
    const gus = await c.join(code, 'Gus');
    const faySeat = (await c.seat(code, fay.body.studentKey)).body.seat;
    const gusSeat = (await c.seat(code, gus.body.studentKey)).body.seat;
    expect(faySeat?.matchID).toBeDefined();
    expect(gusSeat?.matchID).toBe(faySeat?.matchID);
    expect(gusSeat?.playerID).not.toBe(faySeat?.playerID);

    const hal = await c.join(code, 'Hal');
    await server.app.classes.tick();
    expect((await c.seat(code, hal.body.studentKey)).body.seat).toBeUndefined();
    clock.offset = 46_000;
    await server.app.classes.tick();
    const halSeat = (await c.seat(code, hal.body.studentKey)).body.seat;
    const status = (await c.status(code, teacherKey)).body;
    const his = status.matches.find((m) => m.matchID === halSeat?.matchID);
    expect([his?.seats.us, his?.seats.cn].filter((seat) => seat?.computer)).toHaveLength(1);
  });

  it('a class cannot start computers past the server\'s cap: the odd student waits, and plays the next student who joins', async () => {
    const folder = await tempDir();
    dirs.push(folder);
    const server = await startTestServer({ dir: folder, server: { bots: { max: 0 } } });
    servers.push(server);
    const { c, code, teacherKey, students } = await classWith(server.url, ['Ada']);
    expect((await c.teacher(code, 'start', teacherKey)).body).toEqual({ matches: 0 });
    expect((await c.seat(code, students[0]?.studentKey)).body.seat).toBeUndefined();
    const bo = await c.join(code, 'Bo');
    const ada = (await c.seat(code, students[0]?.studentKey)).body.seat;
    expect(ada).toBeDefined();
    expect((await c.seat(code, bo.body.studentKey)).body.seat?.matchID).toBe(ada?.matchID);
  });

  it('the teacher renames a student (in the match too) and removes one who has not been paired', async () => {
    const server = await start();
    const { c, code, teacherKey, students } = await classWith(server.url, ['Ada', 'Bo', 'Cy']);
    expect((await c.teacher(code, 'remove', teacherKey, { studentID: students[2]?.studentID })).status).toBe(200);
    expect((await c.seat(code, students[2]?.studentKey)).status).toBe(403);
    await c.teacher(code, 'start', teacherKey);
    expect((await c.teacher(code, 'rename', teacherKey, { studentID: students[0]?.studentID, name: 'Ada L' })).status).toBe(200);
    const status = (await c.status(code, teacherKey)).body;
    expect(status.students.map((s) => s.name)).toEqual(['Ada L', 'Bo']);
    const [m] = status.matches;
    expect([m?.seats.us.name, m?.seats.cn.name].sort()).toEqual(['Ada L', 'Bo']);
    expect((await c.teacher(code, 'remove', teacherKey, { studentID: students[1]?.studentID })).body).toMatchObject({ code: 'alreadyPlaying' });
  });

  it('a student gives up an unpaired place with their own key; not once paired, and not with a wrong key', async () => {
    const server = await start();
    const { c, code, teacherKey, students } = await classWith(server.url, ['Ada', 'Bo', 'Cy']);
    expect((await c.call('POST', `/classes/${code}/leave`, { body: {}, key: 'x'.repeat(32) })).status).toBe(403);
    expect((await c.call('POST', `/classes/${code}/leave`, { body: {}, key: students[2]?.studentKey })).status).toBe(200);
    expect((await c.seat(code, students[2]?.studentKey)).status).toBe(403);
    expect((await c.status(code, teacherKey)).body.students.map((s) => s.name)).toEqual(['Ada', 'Bo']);
    await c.teacher(code, 'start', teacherKey);
    expect((await c.call('POST', `/classes/${code}/leave`, { body: {}, key: students[0]?.studentKey })).body).toMatchObject({ code: 'alreadyPlaying' });
  });

  it('refuses a second student with the same name, in any case', async () => {
    const server = await start();
    const { c, code } = await classWith(server.url, ['Ada']);
    expect((await c.join(code, 'ADA')).body).toMatchObject({ code: 'nameTaken' });
  });
});

describe('pause, resume, message', () => {
  it('a paused class refuses every move with "paused" and changes nothing; after resume the move goes through', async () => {
    const server = await start();
    const { c, code, teacherKey, students } = await classWith(server.url, ['Ada', 'Bo']);
    await c.teacher(code, 'start', teacherKey);
    const seats = await Promise.all(students.map(async (s) => (await c.seat(code, s.studentKey)).body.seat));
    const washington = seats.find((s) => s?.playerID === '0');
    if (!washington) throw new Error('no Washington seat');
    const socket = await connectSocket(server.url);
    const synced = await syncAndWait(socket, washington.matchID, '0', washington.credentials);

    expect((await c.teacher(code, 'pause', teacherKey)).status).toBe(200);
    expect((await c.seat(code, students[0]?.studentKey)).body.paused).toBe(true);
    const from = socket.frames.length;
    move(socket, washington.matchID, '0', washington.credentials, synced.state._stateID, 'pass');
    const refused = await socket.waitFor('refused', () => true, 3000, from);
    expect(refused[2]).toEqual({ code: 'paused' });
    const kept = await server.db.fetch(washington.matchID, { state: true });
    expect(kept.state?._stateID).toBe(synced.state._stateID);

    await c.teacher(code, 'resume', teacherKey);
    const after = socket.frames.length;
    move(socket, washington.matchID, '0', washington.credentials, synced.state._stateID, 'pass');
    await socket.waitFor('update', () => true, 3000, after);
    expect((await server.db.fetch(washington.matchID, { state: true })).state?._stateID).toBeGreaterThan(synced.state._stateID);
  });

  it('a message reaches every student; an empty one clears it', async () => {
    const server = await start();
    const { c, code, teacherKey, students } = await classWith(server.url, ['Ada']);
    await c.teacher(code, 'message', teacherKey, { text: 'Five minutes left — finish your round.' });
    expect((await c.seat(code, students[0]?.studentKey)).body).toMatchObject({ message: { text: 'Five minutes left — finish your round.' } });
    await c.teacher(code, 'message', teacherKey, { text: '' });
    expect((await c.seat(code, students[0]?.studentKey)).body).toMatchObject({ message: null });
  });
});

describe('pacing: the decision timer and finishing after this round', () => {
  /** A server whose clock the test moves on; the class clock is driven by hand (`tick`). */
  async function timedServer() {
    const folder = await tempDir();
    dirs.push(folder);
    const clock = { offset: 0 };
    const server = await startTestServer({ dir: folder, server: { now: () => Date.now() + clock.offset, classClockMs: 3_600_000 } });
    servers.push(server);
    return { server, clock };
  }

  it.each(['pass', 'computer'] as const)('R4.7 when the time runs out (%s) the seat to move has its move made; a student with time left is not touched', async (onTimeout) => {
    const { server, clock } = await timedServer();
    const { c, code, teacherKey } = await classWith(server.url, ['Ada', 'Bo'], { ...SETTINGS, timer: 60, onTimeout, computer: 'normal' });
    await c.teacher(code, 'start', teacherKey);
    const matchID = (await c.status(code, teacherKey)).body.matches[0]?.matchID ?? '';
    const before = (await server.db.fetch(matchID, { state: true })).state;

    clock.offset = 30_000;
    await server.app.classes.tick();
    expect((await server.db.fetch(matchID, { state: true })).state?._stateID).toBe(before?._stateID);

    clock.offset = 61_000;
    await server.app.classes.tick();
    const after = (await server.db.fetch(matchID, { state: true })).state;
    expect(after?._stateID).toBe((before?._stateID ?? 0) + 1);
    const entry = (after?.G as { chronicle: { kind: string; side?: string; reason?: unknown }[] }).chronicle.findLast((e) => e.side === 'us');
    if (onTimeout === 'pass') expect(entry?.kind).toBe('pass');
    // Made for the student: no reason of the computer's is put in their name.
    expect(entry?.reason).toBeUndefined();
  });

  it('R4.7 a paused class does not time out, and the timer starts again from the resume', async () => {
    const { server, clock } = await timedServer();
    const { c, code, teacherKey } = await classWith(server.url, ['Ada', 'Bo'], { ...SETTINGS, timer: 60 });
    await c.teacher(code, 'start', teacherKey);
    const matchID = (await c.status(code, teacherKey)).body.matches[0]?.matchID ?? '';
    const before = (await server.db.fetch(matchID, { state: true })).state?._stateID;
    await c.teacher(code, 'pause', teacherKey);
    clock.offset = 600_000;
    await server.app.classes.tick();
    expect((await server.db.fetch(matchID, { state: true })).state?._stateID).toBe(before);
    await c.teacher(code, 'resume', teacherKey);
    clock.offset = 630_000;
    await server.app.classes.tick();
    expect((await server.db.fetch(matchID, { state: true })).state?._stateID).toBe(before);
  });

  it('R4.7 R11.3 "finish after this round" ends every match at the end of its round, scored; late joiners are turned away', async () => {
    const server = await start();
    const { c, code, teacherKey, students } = await classWith(server.url, ['Ada', 'Bo']);
    await c.teacher(code, 'start', teacherKey);
    expect((await c.teacher(code, 'finish', teacherKey)).body).toEqual({ finishing: true, matches: 1 });
    expect((await c.seat(code, students[0]?.studentKey)).body).toMatchObject({ finishing: true });
    expect((await c.join(code, 'Late')).body).toMatchObject({ code: 'classFinished' });

    const seats = await Promise.all(students.map(async (s) => (await c.seat(code, s.studentKey)).body.seat));
    const sockets = await Promise.all(seats.map(() => connectSocket(server.url)));
    const synced = await Promise.all(sockets.map((socket, i) => syncAndWait(socket, seats[i]?.matchID ?? '', seats[i]?.playerID ?? '0', seats[i]?.credentials)));
    let state = synced[0]?.state;
    if (!state) throw new Error('not synced');
    expect(state.G.endsAfter).toBe(1);
    // Both sides pass until the round ends: the game is then over and scored.
    for (let i = 0; i < 12 && state.ctx.gameover === undefined; i += 1) {
      const toMove = state.ctx.currentPlayer;
      const at = seats.findIndex((s) => s?.playerID === toMove);
      const socket = sockets[at];
      const seat = seats[at];
      if (!socket || !seat) throw new Error('no seat to move');
      const from = socket.frames.length;
      move(socket, seat.matchID, seat.playerID, seat.credentials, state._stateID, 'pass');
      const frame = await socket.waitFor('update', () => true, 3000, from);
      state = frame[2] as typeof state;
    }
    expect(state.ctx.gameover).toMatchObject({ kind: expect.stringMatching(/score|stalemate/) });
    expect(state.G.round).toBe(1);
    // Every game of the class is over: the class has finished.
    await vi.waitFor(async () => expect((await c.seat(code, students[0]?.studentKey)).body.phase).toBe('finished'));
  });
});

/** RFC 4180 CSV, parsed back the way a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  return rows;
}

describe('results: CSV and JSON', () => {
  it('one row per student opens cleanly in a spreadsheet, whatever the names hold; nothing secret is in any export', async () => {
    const server = await start();
    const names = ['O\'Brien, "Jo"', 'Zoë 🦊', 'سارا', '👩🏽‍🚀 Sam', 'प्रिया'];
    const { c, code, teacherKey, students } = await classWith(server.url, names);
    await c.teacher(code, 'start', teacherKey);
    await c.teacher(code, 'finish', teacherKey);
    // Every student passes until their game is over (the computer plays the odd one's opponent).
    const seats = await Promise.all(students.map(async (s) => (await c.seat(code, s.studentKey)).body.seat));
    const sockets = await Promise.all(seats.map(() => connectSocket(server.url)));
    await Promise.all(sockets.map((socket, i) => syncAndWait(socket, seats[i]?.matchID ?? '', seats[i]?.playerID ?? '0', seats[i]?.credentials)));
    await vi.waitFor(
      async () => {
        const status = (await c.status(code, teacherKey)).body;
        for (const m of status.matches) {
          if (m.over || !m.toMove) continue;
          const at = seats.findIndex((s) => s?.matchID === m.matchID && s.playerID === (m.toMove === 'us' ? '0' : '1'));
          const seat = seats[at];
          const socket = sockets[at];
          if (!seat || !socket) continue;
          const { state } = await server.db.fetch(m.matchID, { state: true });
          // The computer may offer a deal: its answer, not a pass, is the move then.
          const offered = (state?.G as { proposal?: unknown } | undefined)?.proposal;
          move(socket, seat.matchID, seat.playerID, seat.credentials, state?._stateID ?? 0, offered ? 'rejectDeal' : 'pass');
        }
        expect(status.matches.every((m) => m.over)).toBe(true);
      },
      { timeout: 15_000, interval: 200 },
    );

    const csv = await c.call('GET', `/classes/${code}/results.csv`, { key: teacherKey });
    expect(csv.status).toBe(200);
    // A byte-order mark first, so that a spreadsheet reads the file as UTF-8 (fetch's text() drops it).
    const bytes = new Uint8Array(await (await fetch(`${server.url}/classes/${code}/results.csv`, { headers: { Origin: ALLOWED_ORIGIN, Authorization: `Bearer ${teacherKey}` } })).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual([...names].sort());
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(CSV_COLUMNS.length);
      expect(['Washington', 'Beijing']).toContain(row[1]);
      expect(['win', 'loss', 'stalemate']).toContain(row[3]);
      expect(Number(row[10])).toBe([5, 6, 7, 8, 9].reduce((sum, i) => sum + Number(row[i]), 0));
    }
    const json = await c.call<ClassResults>('GET', `/classes/${code}/results.json`, { key: teacherKey });
    expect(json.body.summary.games).toBe(3);
    expect(json.body.summary.finished).toBe(3);
    expect(json.body.summary.wins.us + json.body.summary.wins.cn + json.body.summary.stalemates).toBe(3);
    for (const text of [csv.text, json.text]) {
      for (const seat of seats) expect(text).not.toContain(seat?.credentials);
      expect(text).not.toContain(teacherKey);
      for (const s of students) expect(text).not.toContain(s.studentKey);
      expect(text).not.toMatch(/credentials|digest|"hand"|"deck"|"reason"/i);
    }
    // Only the teacher.
    expect((await c.call('GET', `/classes/${code}/results.csv`, { key: students[0]?.studentKey })).status).toBe(403);
    expect((await c.call('GET', `/classes/${code}/results.json`)).status).toBe(403);
  });

  it('a field a spreadsheet would run as a formula is defused; commas, quotes and line breaks are quoted', () => {
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('@x')).toBe("'@x");
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(-3)).toBe('-3');
  });
});

describe('the class survives a restart', () => {
  it('its students, matches, pause and teacher key are kept; moves stay held until the teacher resumes', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const first = await start(dir);
    const { c, code, teacherKey, students } = await classWith(first.url, ['Ada', 'Bo']);
    await c.teacher(code, 'start', teacherKey);
    await c.teacher(code, 'pause', teacherKey);
    const seat = (await c.seat(code, students[0]?.studentKey)).body.seat;
    await first.close();
    servers.splice(servers.indexOf(first), 1);

    const second = await start(dir);
    const again = api(second.url);
    const status = (await again.status(code, teacherKey)).body;
    expect(status).toMatchObject({ phase: 'playing', paused: true });
    expect(status.students.map((s) => s.name)).toEqual(['Ada', 'Bo']);
    expect((await again.seat(code, students[0]?.studentKey)).body.seat).toEqual(seat);
    if (!seat) throw new Error('no seat');
    const socket = await connectSocket(second.url);
    const synced = await syncAndWait(socket, seat.matchID, seat.playerID, seat.credentials);
    const from = socket.frames.length;
    move(socket, seat.matchID, seat.playerID, seat.credentials, synced.state._stateID, 'pass');
    expect((await socket.waitFor('refused', () => true, 3000, from))[2]).toEqual({ code: 'paused' });
  });
});

describe('who may do what', () => {
  const TEACHER_ROUTES: [method: 'GET' | 'POST', action: string, body?: unknown][] = [
    ['GET', ''],
    ['GET', '/live'],
    ['POST', '/start', {}],
    ['POST', '/pause', {}],
    ['POST', '/resume', {}],
    ['POST', '/finish', {}],
    ['POST', '/message', { text: 'hi' }],
    ['POST', '/rename', { studentID: 'abc', name: 'X' }],
    ['POST', '/remove', { studentID: 'abc' }],
  ];

  it.each(TEACHER_ROUTES)('%s /classes/:code%s refuses a student key, a wrong key, another class\'s key and no key', async (method, action, body) => {
    const server = await start();
    const { c, code, students } = await classWith(server.url, ['Ada']);
    const other = (await c.create()).body;
    const keys = [students[0]?.studentKey, 'x'.repeat(32), other.teacherKey, undefined];
    for (const key of keys) {
      const reply = await c.call(method, `/classes/${code}${action}`, { key, ...(body === undefined ? {} : { body }) });
      expect(reply.status, String(key)).toBe(403);
      expect(reply.body).toMatchObject({ code: 'notTeacher' });
    }
    // Nothing changed.
    expect((await c.seat(code, students[0]?.studentKey)).body).toMatchObject({ phase: 'gathering', paused: false, message: null });
  });

  it('a teacher key in the URL is never read', async () => {
    const server = await start();
    const { c, code, teacherKey } = await classWith(server.url, ['Ada']);
    expect((await c.call('GET', `/classes/${code}?key=${teacherKey}`)).status).toBe(403);
    expect((await c.call('GET', `/classes/${code}?access_token=${teacherKey}`)).status).toBe(403);
  });

  it('a student key never opens another student\'s seat', async () => {
    const server = await start();
    const { c, code, teacherKey, students } = await classWith(server.url, ['Ada', 'Bo']);
    await c.teacher(code, 'start', teacherKey);
    const ada = (await c.seat(code, students[0]?.studentKey)).body;
    const bo = (await c.seat(code, students[1]?.studentKey)).body;
    expect(ada.seat?.credentials).not.toBe(bo.seat?.credentials);
    expect(JSON.stringify(ada)).not.toContain(bo.seat?.credentials);
  });
});

describe('bad requests change nothing', () => {
  it.each([
    ['unknown scenario', { ...SETTINGS, scenario: '1999' }],
    ['bad length', { ...SETTINGS, length: 5 }],
    ['bad timer', { ...SETTINGS, timer: 30 }],
    ['unknown field', { ...SETTINGS, teacherKey: 'mine' }],
    ['prototype key', `{"__proto__":{"admin":true},"scenario":"2025","length":4,"timer":0,"onTimeout":"pass","computer":"easy","pairing":"random"}`],
    ['constructor key', `{"constructor":{"prototype":{}},"scenario":"2025","length":4,"timer":0,"onTimeout":"pass","computer":"easy","pairing":"random"}`],
    ['title with a control character', { ...SETTINGS, title: 'a\u0000b' }],
  ])('creating a class with %s is refused', async (_label, body) => {
    const server = await start();
    const reply = await api(server.url).create(body);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'badRequest' });
  });

  it('a form-encoded body is refused by its content type', async () => {
    const server = await start();
    const reply = await api(server.url).call('POST', '/classes', { body: 'scenario=2025', raw: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(reply.status).toBe(415);
  });

  it.each(['/CLASSES', '/classes/', '//classes', '/%63lasses', '/classes/../classes', '/Classes/ABCDEF/seat'])('the path %s is answered by the class guard and reaches nothing else', async (path) => {
    const server = await start();
    const reply = await api(server.url).call('GET', path);
    expect([404, 405]).toContain(reply.status);
    expect(reply.body).toMatchObject({ code: 'badRequest' });
  });

  it.each(['__proto__', 'constructor', 'prototype', 'abcdef', 'ACDEF', 'ACDEFHJ'])('a class code %s that the server could not have made is not looked up', async (code) => {
    const server = await start();
    const reply = await api(server.url).join(code, 'Ada');
    expect(reply.status).toBe(404);
  });

  it('a bad name is refused like a lobby name', async () => {
    const server = await start();
    const { c, code } = await classWith(server.url, []);
    for (const name of ['', ' Ada', 'A'.repeat(25), '<script>', 'Ada\n']) expect((await c.join(code, name)).body, name).toMatchObject({ code: 'badName' });
  });

  it('guessing codes is rate-limited per address', async () => {
    const folder = await tempDir();
    dirs.push(folder);
    const server = await startTestServer({ dir: folder, server: { classLimits: { misses: { perSecond: 0.01, burst: 3 } } } });
    servers.push(server);
    const c = api(server.url);
    const codes = ['ACDEFH', 'ACDEFJ', 'ACDEFK', 'ACDEFM', 'ACDEFN'];
    const statuses = [];
    for (const code of codes) statuses.push((await c.join(code, 'Ada')).status);
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
  });
});

describe('the live feed', () => {
  it('at most MAX_FEEDS feeds follow one class; the next is refused with tooMany', async () => {
    const server = await start();
    const { code, teacherKey } = await classWith(server.url, ['Ada']);
    const controllers: AbortController[] = [];
    const open = async () => {
      const controller = new AbortController();
      controllers.push(controller);
      return fetch(`${server.url}/classes/${code}/live`, { headers: { Origin: ALLOWED_ORIGIN, Authorization: `Bearer ${teacherKey}` }, signal: controller.signal });
    };
    for (let i = 0; i < MAX_FEEDS; i += 1) expect((await open()).status).toBe(200);
    const refused = await open();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: 'tooMany' });
    for (const controller of controllers) controller.abort();
  });

  it('sends the status at once and again after a move in one of the class\'s matches', async () => {
    const server = await start();
    const { c, code, teacherKey, students } = await classWith(server.url, ['Ada', 'Bo']);
    await c.teacher(code, 'start', teacherKey);
    const controller = new AbortController();
    const response = await fetch(`${server.url}/classes/${code}/live`, { headers: { Origin: ALLOWED_ORIGIN, Authorization: `Bearer ${teacherKey}` }, signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no stream');
    const events: ClassStatus[] = [];
    let buffer = '';
    const pump = (async () => {
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const chunk = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(chunk)?.[1];
          if (data) events.push(JSON.parse(data) as ClassStatus);
        }
      }
    })();
    await vi.waitFor(() => expect(events).toHaveLength(1));
    const seat = (await c.seat(code, students.find(() => true)?.studentKey)).body.seat;
    if (!seat) throw new Error('no seat');
    const washington = seat.playerID === '0' ? seat : (await c.seat(code, students[1]?.studentKey)).body.seat;
    if (!washington) throw new Error('no seat');
    const socket = await connectSocket(server.url);
    const synced = await syncAndWait(socket, washington.matchID, '0', washington.credentials);
    move(socket, washington.matchID, '0', washington.credentials, synced.state._stateID, 'pass');
    await vi.waitFor(() => expect(events.at(-1)?.matches[0]?.toMove).toBe('cn'), { timeout: 3000 });
    // The row's version is the match's state id: a client tells a changed row from a repeat by it.
    expect(events[0]?.matches[0]?.version).toBe(synced.state._stateID);
    expect(events.at(-1)?.matches[0]?.version).toBeGreaterThan(synced.state._stateID);
    controller.abort();
    await pump;
  });
});

describe('the control room reads a match again only once it changed', () => {
  const made = { initialState: state(0), metadata: metadata(1000) };

  it('answers from what it parsed while the store says nothing changed, and reads only the match that changed', async () => {
    const db = new MemoryStore();
    const fetch = vi.spyOn(db, 'fetch');
    const read = storedMatchesReader(db);
    const ids = ['CACHED1', 'CACHED2', 'CACHED3'];
    for (const id of ids) await db.createMatch(id, made);
    const first = await read(ids);
    expect(fetch).toHaveBeenCalledTimes(3);
    const again = await read(ids);
    for (const id of ids) expect(again.get(id)).toBe(first.get(id));
    expect(fetch).toHaveBeenCalledTimes(3);
    await db.setState('CACHED2', state(1, 'moved'));
    const moved = await read(ids);
    expect(moved.get('CACHED2')?.state).toEqual(state(1, 'moved'));
    expect(moved.get('CACHED1')).toBe(first.get('CACHED1'));
    expect(fetch).toHaveBeenCalledTimes(4);
    expect(fetch).toHaveBeenLastCalledWith('CACHED2', { state: true, metadata: true });
    await db.wipe('CACHED3');
    expect((await read(ids)).get('CACHED3')).toEqual({});
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  it('never keeps a read under a newer revision than what it read: a write that lands as the match is read is read next time', async () => {
    const db = new MemoryStore();
    await db.createMatch('RACING1', made);
    const fetch = db.fetch.bind(db);
    // The write lands just after the match was read, before the reader keeps what it read.
    let writeAfterRead = true;
    vi.spyOn(db, 'fetch').mockImplementation(async (matchID, opts) => {
      const stored = await fetch(matchID, opts);
      if (writeAfterRead) {
        writeAfterRead = false;
        await db.setState('RACING1', state(1, 'landed'));
      }
      return stored;
    });
    const read = storedMatchesReader(db);
    expect((await read(['RACING1'])).get('RACING1')?.state).toEqual(state(0));
    // Nothing has been written since: the write that landed during the read is what is shown now.
    expect((await read(['RACING1'])).get('RACING1')?.state).toEqual(state(1, 'landed'));
  });

  it('reads every time from a store that cannot say whether a match changed', async () => {
    const db = new MemoryStore();
    await db.createMatch('PLAIN01', made);
    const fetch = vi.fn((matchID: string, opts: { state: true; metadata: true }) => db.fetch(matchID, opts));
    const read = storedMatchesReader({ fetch } as unknown as Parameters<typeof storedMatchesReader>[0]);
    await read(['PLAIN01']);
    await read(['PLAIN01']);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
