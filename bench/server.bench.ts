/**
 * `npm run bench:server`: N concurrent matches played to the end by bot clients over real
 * sockets, on loopback, against the production server bundle, for each storage. Prints moves
 * per second and the latency from one client's move to the other client's update (p50, p99).
 * Then the same on the embedded store beside 300 attacker sockets from one address (idle, then
 * syncing unknown matches just under their own limit), to show what the per-address caps keep
 * from the honest players. The server runs as if behind one proxy (TRUST_PROXY=1): each
 * match's players come from their own address, the attackers all from one.
 * Bounded: each run stops after TIME_LIMIT_MS even if games are unfinished.
 *
 * BENCH_ONLY=instances: the same matches (400 by default) on PostgreSQL and Redis, on one
 * instance, then on two with each match's players on the instance that made it, then on two with
 * Washington on one and Beijing on the other, every move crossing through Redis (runInstances).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { Redis } from 'ioredis';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { actingSide, enumerate, sideOf, type DeRiskState } from '../src/game';
import type { State } from 'boardgame.io';
import { seededRandom } from '../src/sim/headless';
import { spawnServer, type SpawnedServer } from '../test/helpers/spawn';

const ONLY = process.env.BENCH_ONLY;
const MATCHES = Number(process.env.BENCH_MATCHES ?? (ONLY === 'instances' ? 400 : 200));
const LENGTH = 4;
/** Bots wait this long before each move, like quick human players (0 for a flat-out run). */
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);
const TIME_LIMIT_MS = Number(process.env.BENCH_TIME_LIMIT_MS ?? 120_000);
const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ATTACKERS = Number(process.env.BENCH_ATTACKERS ?? 300);
const ATTACKER_ADDRESS = '203.0.113.66';
/** Each match's two players share an address of their own (a home, a school), as seen through the proxy. */
const addressOf = (index: number) => `10.${(index >> 8) & 255}.${index & 255}.1`;
const SERVER_BUNDLE = 'node_modules/.cache/de-risk-bench/server.cjs';

async function startServer(env: Record<string, string>): Promise<SpawnedServer> {
  return spawnServer({
    args: [SERVER_BUNDLE],
    env: { ...env, CREATE_LIMIT: 'off', TRUST_PROXY: '1', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error', NODE_ENV: 'production', CLIENT_DIR: '/nonexistent' },
    readyPath: '/readyz',
    timeoutMs: 10_000,
    // Errors always show; everything else only when BENCH_LOG_LEVEL asks for it.
    echo: { stdout: process.env.BENCH_LOG_LEVEL !== undefined, stderr: true },
  });
}

async function post<T>(url: string, body: unknown, address: string): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface Figures {
  moves: number;
  finished: number;
  latencies: number[];
  /** The latencies of the moves whose two seats were on different instances (also in `latencies`). */
  crossed: number[];
  ms: number;
}

const newFigures = (): Figures => ({ moves: 0, finished: 0, latencies: [], crossed: [], ms: 0 });

type PlayerID = '0' | '1';
/** The server each seat's socket connects to: one for both, or one per seat. */
type SeatUrls = string | Readonly<Record<PlayerID, string>>;

/**
 * Plays one match with two bot clients; resolves when it is over (or on timeout). The match is
 * made and joined on `url`, its players play on `seatUrls` (by default `url` too).
 */
async function playMatch(url: string, index: number, figures: Figures, deadline: number, seatUrls: SeatUrls = url): Promise<void> {
  const address = addressOf(index);
  const { matchID } = await post<{ matchID: string }>(`${url}/games/de-risk/create`, { numPlayers: 2, setupData: { scenario: '2025', length: LENGTH } }, address);
  const seats = await Promise.all(
    (['0', '1'] as const).map(async (playerID) => {
      const { playerCredentials } = await post<{ playerCredentials: string }>(`${url}/games/de-risk/${matchID}/join`, { playerID, playerName: `Bot ${playerID}` }, address);
      return { playerID, credentials: playerCredentials };
    }),
  );
  return playSeats(seatUrls, matchID, seats, index, figures, deadline);
}

/** Two bot clients play a match whose seats they hold; `onMove` hears of every move sent. */
async function playSeats(
  urls: SeatUrls,
  matchID: string,
  seats: readonly { playerID: PlayerID; credentials: string }[],
  index: number,
  figures: Figures,
  deadline: number,
  onMove?: (matchID: string, from: number, at: number) => void,
): Promise<void> {
  const address = addressOf(index);
  const rand = seededRandom(index + 1);
  const urlOf = (playerID: PlayerID) => (typeof urls === 'string' ? urls : urls[playerID]);
  const sent = new Map<number, { at: number; by: PlayerID }>(); // state a move was made from → when, by whom
  return new Promise<void>((resolve) => {
    const sockets: Socket[] = [];
    const done = () => {
      for (const s of sockets) s.close();
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, deadline - Date.now()));
    for (const seat of seats) {
      const socket = io(`${urlOf(seat.playerID)}/de-risk`, { transports: ['websocket'], forceNew: true, extraHeaders: { 'x-forwarded-for': address } });
      sockets.push(socket);
      const onState = (state: State<DeRiskState>) => {
        if (state.ctx.gameover !== undefined) {
          if (seat.playerID === '0') {
            figures.finished += 1;
            clearTimeout(timer);
            done();
          }
          return;
        }
        const side = actingSide(state.G, state.ctx);
        if (side !== sideOf(seat.playerID)) return;
        const options = enumerate(state.G, state.ctx).filter((m) => m.move !== 'proposeDeal');
        const choice = options[Math.floor(rand() * options.length)];
        if (!choice) return;
        const think = THINK_MS > 0 ? THINK_MS * (0.5 + rand()) : 0;
        setTimeout(() => {
          sent.set(state._stateID, { at: performance.now(), by: seat.playerID });
          onMove?.(matchID, state._stateID, performance.now());
          socket.emit('update', { type: 'MAKE_MOVE', payload: { type: choice.move, args: choice.args, playerID: seat.playerID, credentials: seat.credentials } }, state._stateID, matchID, seat.playerID);
          figures.moves += 1;
        }, think);
      };
      socket.on('sync', (_id: string, info: { state: State<DeRiskState> }) => onState(info.state));
      socket.on('update', (_id: string, state: State<DeRiskState>) => {
        // Latency: a move made by the other seat, from its emit to its arrival here.
        const move = sent.get(state._stateID - 1);
        if (move && move.by !== seat.playerID) {
          const latency = performance.now() - move.at;
          figures.latencies.push(latency);
          if (urlOf(move.by) !== urlOf(seat.playerID)) figures.crossed.push(latency);
          sent.delete(state._stateID - 1);
        }
        onState(state);
      });
      socket.emit('sync', matchID, seat.playerID, seat.credentials, 2);
    }
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

type Attack = 'idle' | 'syncing';

interface Attackers {
  connected: number;
  refused: number;
  stop(): void;
}

/**
 * ATTACKERS sockets from one address: they connect (as many as the server admits) and then sit
 * idle, or sync made-up match ids about 14 times a second each (just under one socket's limit).
 */
async function attack(url: string, kind: Attack): Promise<Attackers> {
  const sockets: Socket[] = [];
  const timers: NodeJS.Timeout[] = [];
  const outcomes = await Promise.all(
    Array.from({ length: ATTACKERS }, () => {
      const socket = io(`${url}/de-risk`, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { 'x-forwarded-for': ATTACKER_ADDRESS } });
      sockets.push(socket);
      return new Promise<boolean>((resolve) => {
        socket.once('connect', () => resolve(true));
        socket.once('connect_error', () => resolve(false));
        setTimeout(() => resolve(false), 5000);
      });
    }),
  );
  if (kind === 'syncing') {
    for (const socket of sockets.filter((s) => s.connected)) {
      let n = 0;
      timers.push(setInterval(() => socket.emit('sync', `ZZ${String(n++ % 100000).padStart(5, '0')}`, null, null, 2), 70));
    }
  }
  return {
    connected: outcomes.filter(Boolean).length,
    refused: outcomes.filter((ok) => !ok).length,
    stop() {
      for (const timer of timers) clearInterval(timer);
      for (const socket of sockets) socket.close();
    },
  };
}

/**
 * Every run starts the same way: 50 sockets open and close and 20 matches are made, so that no
 * run's first moves pay for a cold server (socket.io's handshake and the lobby not yet compiled).
 */
async function warmUp(url: string): Promise<void> {
  const sockets = Array.from({ length: 50 }, () => io(`${url}/de-risk`, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { 'x-forwarded-for': '192.0.2.1' } }));
  // At most 5 s: a server that never answers a socket must not hold the run past its time limit.
  await Promise.all(
    sockets.map(
      (socket) =>
        new Promise<void>((resolve) => {
          socket.once('connect', () => resolve()).once('connect_error', () => resolve());
          setTimeout(resolve, 5000);
        }),
    ),
  );
  for (const socket of sockets) socket.close();
  for (let i = 0; i < 20; i += 1) await post(`${url}/games/de-risk/create`, { numPlayers: 2 }, '192.0.2.1');
  await new Promise((r) => setTimeout(r, 500));
}

async function runStorage(label: string, env: Record<string, string>, cleanup: () => Promise<void>, kind?: Attack): Promise<number> {
  const server = await startServer(env);
  const { url } = server;
  await warmUp(url);
  const figures = newFigures();
  const attackers = kind ? await attack(url, kind) : null;
  const started = performance.now();
  const deadline = Date.now() + TIME_LIMIT_MS;
  try {
    await Promise.all(Array.from({ length: MATCHES }, (_, i) => playMatch(url, i, figures, deadline)));
  } finally {
    figures.ms = performance.now() - started;
    attackers?.stop();
    await server.stop('SIGTERM');
    await cleanup();
  }
  return printRun(label, figures, attackers ? `; attackers admitted ${attackers.connected}, refused ${attackers.refused}` : '');
}

const ascending = (values: readonly number[]) => [...values].sort((a, b) => a - b);

/** One run's line: matches finished, moves, moves per second, the latency's p50, p99 and max, then `extra`. Returns the p99. */
function printRun(label: string, figures: Figures, extra = ''): number {
  const sorted = ascending(figures.latencies);
  const p99 = percentile(sorted, 99);
  console.log(
    `${label.padEnd(28)} ${String(figures.finished).padStart(4)}/${MATCHES} matches finished, ${String(figures.moves).padStart(6)} moves, ` +
      `${((figures.moves / figures.ms) * 1000).toFixed(0).padStart(5)} moves/s, latency p50 ${percentile(sorted, 50).toFixed(1)} ms, ` +
      `p99 ${p99.toFixed(1)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms` +
      extra,
  );
  return p99;
}

/** The embedded store quiet, then beside each kind of attack: the honest players' p99 side by side. */
async function runAttacks(): Promise<void> {
  const embedded = async (label: string, kind?: Attack) => {
    const dir = mkdtempSync(join(tmpdir(), 'de-risk-bench-'));
    return runStorage(label, { DATA_DIR: dir }, () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    }, kind);
  };
  // Quiet before and after the attacks: fsync latency drifts between runs, and the lower of the
  // two is the stricter baseline to compare with.
  const before = await embedded('embedded, quiet');
  const idle = await embedded(`embedded, ${ATTACKERS} idle attackers`, 'idle');
  const syncing = await embedded(`embedded, ${ATTACKERS} syncing`, 'syncing');
  const after = await embedded('embedded, quiet again');
  const quiet = Math.min(before, after);
  console.log(
    `Honest players' p99: quiet ${before.toFixed(1)} and ${after.toFixed(1)} ms; beside ${ATTACKERS} idle attacker sockets ${idle.toFixed(1)} ms (${(idle / quiet).toFixed(2)}× the lower quiet run); ` +
      `beside ${ATTACKERS} syncing ones ${syncing.toFixed(1)} ms (${(syncing / quiet).toFixed(2)}×). Target: within 1.5× of quiet.`,
  );
}

const CLASSES = Number(process.env.BENCH_CLASSES ?? 10);
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 40);

/**
 * Classroom mode (issue 12): CLASSES classes of STUDENTS students on one server (a 120 s decision
 * timer on, so the clock's checks are part of the load), each class made,
 * joined and started through the class API, every student playing over the sockets with the
 * seat "where is my seat" gave them, and each class's control room following its live feed.
 * Prints the move latency as above and the control room's update latency: from a move's emit to
 * the first status event whose version shows its match past the state the move was made from
 * (the feed sends at most every 500 ms).
 */
async function runClasses(label: string, env: Record<string, string>, cleanup: () => Promise<void>): Promise<void> {
  const server = await startServer(env);
  const { url } = server;
  await warmUp(url);
  const figures = newFigures();
  const updates: number[] = [];
  const feeds: AbortController[] = [];
  const deadline = Date.now() + TIME_LIMIT_MS;
  const started = performance.now();
  let matches = 0;
  try {
    const plays: Promise<void>[] = [];
    for (let c = 0; c < CLASSES; c += 1) {
      const teacher = addressOf(4000 + c);
      const made = await post<{ code: string; teacherKey: string }>(`${url}/classes`, { scenario: '2025', length: LENGTH, timer: 120, onTimeout: 'pass', computer: 'easy', pairing: 'joinOrder' }, teacher);
      const keys: string[] = [];
      for (let i = 0; i < STUDENTS; i += 1) keys.push((await post<{ studentKey: string }>(`${url}/classes/${made.code}/join`, { name: `S${c} ${i}` }, teacher)).studentKey);
      const auth = { 'content-type': 'application/json', 'x-forwarded-for': teacher, authorization: `Bearer ${made.teacherKey}` };
      const start = await fetch(`${url}/classes/${made.code}/start`, { method: 'POST', headers: auth, body: '{}' });
      if (!start.ok) throw new Error(`start: ${start.status} ${await start.text()}`);
      // The control room: moves waiting to be shown, by match (the state id each was made from, and when),
      // each settled by the first status whose version shows the match past that state.
      const pending = new Map<string, { from: number; at: number }[]>();
      const controller = new AbortController();
      feeds.push(controller);
      void (async () => {
        const res = await fetch(`${url}/classes/${made.code}/live`, { headers: auth, signal: controller.signal });
        const reader = res.body?.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const chunk = await reader?.read().catch(() => ({ done: true, value: undefined }));
          if (!chunk || chunk.done) return;
          buffer += decoder.decode(chunk.value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const data = /^data: (.*)$/m.exec(buffer.slice(0, end))?.[1];
            buffer = buffer.slice(end + 2);
            if (!data) continue;
            const now = performance.now();
            const status = JSON.parse(data) as { matches: { matchID: string; version: number }[] };
            for (const m of status.matches) {
              const waiting = pending.get(m.matchID);
              if (!waiting) continue;
              for (const move of waiting.filter((w) => m.version > w.from)) updates.push(now - move.at);
              pending.set(m.matchID, waiting.filter((w) => m.version <= w.from));
            }
          }
        }
      })().catch(() => undefined);
      const onMove = (matchID: string, from: number, at: number) => pending.set(matchID, [...(pending.get(matchID) ?? []), { from, at }]);
      const seats = new Map<string, { playerID: '0' | '1'; credentials: string }[]>();
      for (const key of keys) {
        const res = await fetch(`${url}/classes/${made.code}/seat`, { headers: { 'x-forwarded-for': teacher, authorization: `Bearer ${key}` } });
        const { seat } = (await res.json()) as { seat?: { matchID: string; playerID: '0' | '1'; credentials: string } };
        if (seat) seats.set(seat.matchID, [...(seats.get(seat.matchID) ?? []), { playerID: seat.playerID, credentials: seat.credentials }]);
      }
      for (const [matchID, held] of seats) {
        if (held.length !== 2) continue;
        plays.push(playSeats(url, matchID, held, 1000 + matches, figures, deadline, onMove));
        matches += 1;
      }
    }
    await Promise.all(plays);
  } finally {
    figures.ms = performance.now() - started;
    for (const feed of feeds) feed.abort();
    await server.stop('SIGTERM');
    await cleanup();
  }
  const moves = [...figures.latencies].sort((a, b) => a - b);
  const room = [...updates].sort((a, b) => a - b);
  console.log(
    `${label.padEnd(28)} ${String(figures.finished).padStart(4)}/${matches} matches finished (${CLASSES} classes of ${STUDENTS}), ${String(figures.moves).padStart(6)} moves, ` +
      `${((figures.moves / figures.ms) * 1000).toFixed(0).padStart(5)} moves/s, move latency p50 ${percentile(moves, 50).toFixed(1)} ms, p99 ${percentile(moves, 99).toFixed(1)} ms; ` +
      `control room update p50 ${percentile(room, 50).toFixed(0)} ms, p99 ${percentile(room, 99).toFixed(0)} ms (${room.length} updates; target within 2 s)`,
  );
}

/** How a multi-instance run places a match's players: all on one instance; on two, both players of a match on the one that made it; on two, one player on each. */
type Placement = 'single' | 'affinity' | 'split';

/** What stops the servers and removes a run's schema and Redis keys: run at the end of the run, or on Ctrl-C. */
const pendingCleanups = new Set<() => Promise<void>>();

function cleanUpOnSignals(): void {
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (interrupted) return;
      interrupted = true;
      console.log(`${signal}: stopping the servers and removing the benchmark's schema and Redis keys`);
      void Promise.allSettled([...pendingCleanups].map((cleanup) => cleanup())).then(() => process.exit(130));
    });
  }
}

/** Why PostgreSQL or Redis cannot be used (null when both answer). */
async function unreachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    return `PostgreSQL (${new URL(PG_URL).host}): ${(error as Error).message || String(error)}`;
  } finally {
    await client.end().catch(() => undefined);
  }
  const redis = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  let refused: Error | undefined; // ioredis rejects with "Connection is closed"; the error event says why
  redis.on('error', (error: Error) => (refused ??= error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    return `Redis (${new URL(REDIS_URL).host}): ${(refused ?? (error as Error)).message || String(error)}`;
  } finally {
    redis.disconnect();
  }
  return null;
}

/** Drops the run's schema and deletes the Redis keys under its prefix (pub/sub keeps none, but the servers might). */
async function removeNamespace(namespace: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  try {
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${namespace}" CASCADE`);
  } finally {
    await client.end().catch(() => undefined);
  }
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 2, connectTimeout: 5000 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${namespace}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit().catch(() => undefined);
  }
}

/**
 * One multi-instance run on its own PostgreSQL schema and Redis prefix (`bench_inst_<pid>_<run>`,
 * both removed at the end, also when the run fails): one or two server processes, MATCHES
 * matches placed as `placement` says, the lobby requests of match i on instance i % 2. Returns
 * the p99 of all moves and of the moves that crossed instances.
 */
async function runInstances(label: string, placement: Placement, run: number): Promise<{ p99: number; crossedP99: number }> {
  const namespace = `bench_inst_${process.pid}_${run}`;
  const env = { DATABASE_URL: PG_URL, DATABASE_SCHEMA: namespace, REDIS_URL, REDIS_PREFIX: namespace };
  const servers: SpawnedServer[] = [];
  let cleaning: Promise<void> | null = null;
  const cleanup = () =>
    (cleaning ??= (async () => {
      try {
        await Promise.all(servers.map((server) => server.stop('SIGTERM')));
      } finally {
        await removeNamespace(namespace);
      }
    })());
  pendingCleanups.add(cleanup);
  const figures = newFigures();
  const failures: string[] = [];
  try {
    // One after the other: the first makes the schema and its tables.
    const start = async () => {
      const server = await startServer(env);
      servers.push(server);
      return server;
    };
    const a = await start();
    const b = placement === 'single' ? a : await start();
    for (const server of servers) await warmUp(server.url);
    const started = performance.now();
    const deadline = Date.now() + TIME_LIMIT_MS;
    await Promise.all(
      Array.from({ length: MATCHES }, (_, i) => {
        const home = i % 2 === 0 ? a.url : b.url;
        const seats = placement === 'split' ? { '0': a.url, '1': b.url } : home;
        return playMatch(home, i, figures, deadline, seats).catch((error: unknown) => {
          failures.push(error instanceof Error ? error.message : String(error));
        });
      }),
    );
    figures.ms = performance.now() - started;
  } finally {
    pendingCleanups.delete(cleanup);
    await cleanup();
  }
  const crossed = ascending(figures.crossed);
  const crossedP99 = percentile(crossed, 99);
  const extra =
    (crossed.length > 0
      ? `; crossed instances ${crossed.length} moves, p50 ${percentile(crossed, 50).toFixed(1)} ms, p99 ${crossedP99.toFixed(1)} ms, max ${(crossed.at(-1) ?? NaN).toFixed(1)} ms`
      : '; no move crossed instances') + (failures.length > 0 ? `; ${failures.length} matches not started (first: ${failures[0] ?? ''})` : '');
  return { p99: printRun(label, figures, extra), crossedP99 };
}

/** BENCH_ONLY=instances: one instance, two with match affinity, two with the players split; then the targets. */
async function runAllInstances(): Promise<void> {
  const problem = await unreachable();
  if (problem !== null) {
    console.log(`${'multiple instances'.padEnd(28)} skipped: ${problem}`);
    return;
  }
  cleanUpOnSignals();
  await runInstances('1 instance', 'single', 1);
  const same = await runInstances('2 instances, same-instance', 'affinity', 2);
  const split = await runInstances('2 instances, split players', 'split', 3);
  console.log(
    `This run (${MATCHES} matches over 2 instances): p99 ${same.p99.toFixed(1)} ms with each match on one instance, cross-instance p99 ${split.crossedP99.toFixed(1)} ms = ` +
      `${(split.crossedP99 / same.p99).toFixed(2)}× the same-instance p99. Target: at 400 matches, p99 ≤ 100 ms, and cross-instance within 2× of same-instance.`,
  );
}

async function main(): Promise<void> {
  // As scripts/build-server.mjs does: import.meta.url is the bundle's own file (the bots' worker is not built here).
  await build({
    entryPoints: ['src/server/main.ts'],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: 'const importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  });
  console.log(
    `De-Risk server benchmark: ${MATCHES} concurrent matches of ${LENGTH} rounds, 2 socket clients each, bots thinking ${THINK_MS * 0.5}–${THINK_MS * 1.5} ms a move, loopback, Node ${process.version}`,
  );
  if (ONLY === 'attacks') return runAttacks();
  if (ONLY === 'instances') return runAllInstances();
  if (ONLY === 'classes') {
    // The same matches without classes first, then in classes, on the embedded store.
    const removing = (dir: string) => () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    };
    const plain = mkdtempSync(join(tmpdir(), 'de-risk-bench-'));
    await runStorage('embedded, no classes', { DATA_DIR: plain }, removing(plain));
    const dir = mkdtempSync(join(tmpdir(), 'de-risk-bench-'));
    return runClasses('embedded, in classes', { DATA_DIR: dir }, removing(dir));
  }
  await runStorage('memory', { STORAGE: 'memory' }, () => Promise.resolve());
  const dir = mkdtempSync(join(tmpdir(), 'de-risk-bench-'));
  await runStorage('embedded (fsync per write)', { DATA_DIR: dir }, () => {
    rmSync(dir, { recursive: true, force: true });
    return Promise.resolve();
  });
  const schema = `bench_${process.pid}`;
  const pool = new pg.Pool({ connectionString: PG_URL });
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    console.log(`postgresql                   skipped: ${(error as Error).message}`);
    await pool.end();
    return runAttacks();
  }
  await runStorage('postgresql', { DATABASE_URL: PG_URL, DATABASE_SCHEMA: schema }, async () => {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });
  console.log('Target: 200 concurrent matches with p99 at most 50 ms on durable storage.');
  await runAttacks();
}

void main();
