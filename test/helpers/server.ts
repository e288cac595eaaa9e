/**
 * Helpers for the server tests: a real De-Risk server on a loopback port (in-process or as a
 * child process), the lobby API over fetch, and raw socket.io clients that record every frame
 * they receive and speak boardgame.io's wire protocol (sync, update) the way its client does.
 */
import type { ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorageAPI } from 'boardgame.io';
import { io, type Socket } from 'socket.io-client';
import { vi } from 'vitest';
import { createDeRiskServer, type ServerOptions } from '../../src/server/app';
import { FileStore } from '../../src/server/storage/fileStore';
import type { MatchStore } from '../../src/server/storage/types';
import { freePort, spawnServer } from './spawn';

export const GAME = 'de-risk';
export const WASHINGTON = '0';
export const BEIJING = '1';
/** The origin the test servers allow unless told otherwise. */
export const ALLOWED_ORIGIN = 'http://localhost:5173';
export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export async function tempDir(prefix = 'de-risk-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

// ---------------------------------------------------------------------------------------------
// In-process server

export interface TestServer {
  url: string;
  port: number;
  db: MatchStore;
  /** The FileStore's folder (undefined when a store was passed in). */
  dir: string | undefined;
  app: ReturnType<typeof createDeRiskServer>;
  /** Stops the server; removes the folder unless it was passed in (`keepDir`). */
  close(): Promise<void>;
}

export interface StartOptions {
  origins?: readonly string[];
  /** A store to use; by default a FileStore in a fresh temporary folder. */
  db?: MatchStore;
  /** Use (and keep) this folder for the FileStore, e.g. to restart on the same data. */
  dir?: string;
  /** More server options (by default bots move without a pause and requests are not limited). */
  server?: Partial<Omit<ServerOptions, 'db' | 'origins'>>;
}

/**
 * Counts a store's writes in flight, so that a test can wait for the writes that socket
 * handlers start on their own (a disconnect marks the seat as gone) before removing the data.
 */
export function trackWrites(db: StorageAPI.Async): { settled(): Promise<void> } {
  let inFlight = 0;
  let lastChange = Date.now();
  const target = db as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of ['createMatch', 'setState', 'setMetadata', 'wipe', 'fetch']) {
    const original = target[name];
    if (typeof original !== 'function') continue;
    target[name] = async (...args: unknown[]) => {
      inFlight += 1;
      lastChange = Date.now();
      try {
        return await original.apply(db, args);
      } finally {
        inFlight -= 1;
        lastChange = Date.now();
      }
    };
  }
  return {
    /** Resolves once no call has been in flight for 100 ms (at most 3 s). */
    async settled() {
      const deadline = Date.now() + 3000;
      while (Date.now() < deadline && (inFlight > 0 || Date.now() - lastChange < 100)) await sleep(20);
    },
  };
}

export async function startTestServer({ origins = [ALLOWED_ORIGIN], db, dir, server }: StartOptions = {}): Promise<TestServer> {
  const ownDir = !db && !dir ? await tempDir() : undefined;
  const folder = db ? undefined : (dir ?? ownDir);
  const store = db ?? new FileStore(folder as string);
  const writes = trackWrites(store);
  const app = createDeRiskServer({
    db: store,
    origins,
    createLimit: null,
    botLimit: null,
    socketConnectsPerAddress: null,
    ...server,
    lobbyLimits: { perAddress: null, perMatch: null, botPerMatch: null, ...server?.lobbyLimits },
    bots: { thinkMs: [0, 0], ...server?.bots },
  });
  const http = await app.listen(0);
  const { port } = http.address() as AddressInfo;
  let closed = false;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    db: store,
    dir: folder,
    app,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      http.closeAllConnections();
      await writes.settled();
      if (ownDir) await rm(ownDir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Lobby API

export interface RawResponse {
  status: number;
  text: string;
  headers: Headers;
}

/** A request with the path exactly as written (fetch would tidy `./`, `..`, backslashes and encodings first). */
export function rawRequest(url: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers = { ...init.headers, ...(init.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(init.body)) }) };
    const request = httpRequest(`${url}/`, { method: init.method ?? 'GET', path, headers, timeout: 5000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const answer = new Headers();
        for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') answer.set(name, value);
        resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), headers: answer });
      });
    });
    request.on('error', reject);
    request.end(init.body);
  });
}

export interface LobbyResponse<T = unknown> {
  status: number;
  body: T;
  text: string;
}

export function lobby(url: string, headers: Record<string, string> = {}) {
  const call = async <T = Record<string, unknown>>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<LobbyResponse<T>> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, text };
  };
  const base = `/games/${GAME}`;
  return {
    call,
    list: () => call<{ matches: Record<string, unknown>[] }>('GET', base),
    get: (matchID: string) => call('GET', `${base}/${matchID}`),
    create: (body: unknown = { numPlayers: 2 }) => call<{ matchID: string }>('POST', `${base}/create`, body),
    join: (matchID: string, body: unknown) => call<{ playerID: string; playerCredentials: string }>('POST', `${base}/${matchID}/join`, body),
    leave: (matchID: string, body: unknown) => call('POST', `${base}/${matchID}/leave`, body),
    update: (matchID: string, body: unknown) => call('POST', `${base}/${matchID}/update`, body),
    playAgain: <T = { nextMatchID: string }>(matchID: string, body: unknown) => call<T>('POST', `${base}/${matchID}/playAgain`, body),
    bot: (matchID: string, body: unknown) => call('POST', `${base}/${matchID}/bot`, body),
  };
}

export interface SeatedMatch {
  matchID: string;
  credentials: Record<'0' | '1', string>;
}

/** Creates a match and seats Washington and Beijing; fails loudly if the lobby refuses. */
export async function createSeatedMatch(url: string, setupData?: unknown): Promise<SeatedMatch> {
  const api = lobby(url);
  const created = await api.create(setupData === undefined ? { numPlayers: 2 } : { numPlayers: 2, setupData });
  if (created.status !== 200) throw new Error(`create failed: ${created.status} ${created.text}`);
  const { matchID } = created.body;
  const credentials = { '0': '', '1': '' };
  for (const [playerID, playerName] of [
    [WASHINGTON, 'Ada'],
    [BEIJING, 'Bo'],
  ] as const) {
    const joined = await api.join(matchID, { playerID, playerName });
    if (joined.status !== 200) throw new Error(`join failed: ${joined.status} ${joined.text}`);
    credentials[playerID] = joined.body.playerCredentials;
  }
  return { matchID, credentials };
}

// ---------------------------------------------------------------------------------------------
// Sockets

export type Frame = [event: string, ...args: unknown[]];

export interface TestSocket {
  socket: Socket;
  /** Every frame received, in order, as [event, ...args] (a copy through JSON, as sent). */
  frames: Frame[];
  /** Resolves with the first frame of `event`, at index `from` or later, that passes `predicate`. */
  waitFor(event: string, predicate?: (...args: unknown[]) => boolean, timeoutMs?: number, from?: number): Promise<Frame>;
  /** Frames received from index `from` on. */
  since(from: number): Frame[];
  close(): void;
}

export interface ConnectOptions {
  transports?: ('polling' | 'websocket')[];
  extraHeaders?: Record<string, string>;
  /** Wait for 'connect' (default true). */
  connect?: boolean;
  timeoutMs?: number;
}

const open = new Set<Socket>();

/** A socket.io client on the game's namespace that records every frame it receives. */
export async function connectSocket(url: string, { transports = ['websocket'], extraHeaders, connect = true, timeoutMs = 5000 }: ConnectOptions = {}): Promise<TestSocket> {
  const socket = io(`${url}/${GAME}`, {
    transports,
    extraHeaders,
    reconnection: false,
    forceNew: true,
    timeout: timeoutMs,
  });
  open.add(socket);
  const frames: Frame[] = [];
  const waiters = new Set<() => void>();
  socket.onAny((event: string, ...args: unknown[]) => {
    frames.push([event, ...(JSON.parse(JSON.stringify(args)) as unknown[])]);
    for (const wake of [...waiters]) wake();
  });
  const record = (event: string) => (...args: unknown[]) => {
    frames.push([`#${event}`, ...args.map((a) => (a instanceof Error ? a.message : a))]);
    for (const wake of [...waiters]) wake();
  };
  socket.on('connect_error', record('connect_error'));
  socket.on('disconnect', record('disconnect'));

  const waitFor: TestSocket['waitFor'] = (event, predicate = () => true, ms = 3000, from = 0) =>
    new Promise<Frame>((resolvePromise, reject) => {
      const check = () => {
        const found = frames.slice(from).find(([name, ...args]) => name === event && predicate(...args));
        if (!found) return false;
        cleanup();
        resolvePromise(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`No '${event}' frame within ${ms} ms; got: ${frames.map(([name]) => name).join(', ')}`));
      }, ms);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(wake);
      };
      const wake = () => void check();
      waiters.add(wake);
      check();
    });

  const testSocket: TestSocket = {
    socket,
    frames,
    waitFor,
    since: (from) => frames.slice(from),
    close() {
      socket.close();
      open.delete(socket);
    },
  };
  if (connect) {
    await new Promise<void>((resolvePromise, reject) => {
      if (socket.connected) return resolvePromise();
      const timer = setTimeout(() => reject(new Error('socket did not connect')), timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolvePromise();
      });
      socket.once('connect_error', (error: Error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }
  return testSocket;
}

/** Closes every socket the helpers opened (for afterEach). */
export function closeAllSockets(): void {
  for (const socket of open) socket.close();
  open.clear();
}

/** Sends boardgame.io's sync message, as its client does: matchID, playerID, credentials, numPlayers. */
export function syncAs(socket: TestSocket | Socket, matchID: string, playerID: string | null, credentials?: string | null): void {
  const s = 'socket' in socket ? socket.socket : socket;
  s.emit('sync', matchID, playerID, credentials ?? undefined, 2);
}

/** Syncs and waits for the answer: the 'sync' frame for this match (or a 'refused' one). */
export async function syncAndWait(socket: TestSocket, matchID: string, playerID: string | null, credentials?: string | null): Promise<SyncInfo> {
  const from = socket.frames.length;
  syncAs(socket, matchID, playerID, credentials);
  const answer = await Promise.race([
    socket.waitFor('sync', (id) => id === matchID, 3000, from),
    socket.waitFor('refused', () => true, 3000, from),
  ]);
  if (answer[0] === 'refused') throw new Error(`sync refused: ${JSON.stringify(answer)}`);
  return answer[2] as SyncInfo;
}

/** A MAKE_MOVE `update`, exactly as boardgame.io's client sends it. */
export function move(socket: TestSocket | Socket, matchID: string, playerID: string, credentials: string | undefined, stateID: number, name: string, ...args: unknown[]): void {
  const s = 'socket' in socket ? socket.socket : socket;
  s.emit('update', { type: 'MAKE_MOVE', payload: { type: name, args, playerID, credentials } }, stateID, matchID, playerID);
}

export interface WireState {
  G: Record<string, unknown> & { tracks: Record<string, number> };
  ctx: { currentPlayer: string; gameover?: unknown; activePlayers: Record<string, string> | null; [key: string]: unknown };
  plugins: Record<string, { data?: unknown }>;
  _stateID: number;
  [key: string]: unknown;
}

export interface WireLogEntry {
  action: { type: string; payload: { type: string; args: unknown[] | null; playerID: string } };
  _stateID: number;
  redact?: boolean;
  [key: string]: unknown;
}

export interface SyncInfo {
  state: WireState;
  initialState?: WireState;
  log: WireLogEntry[];
  filteredMetadata?: unknown[];
}

/** The state carried by an 'update' or 'sync' frame. */
export function stateOf(frame: Frame): WireState | undefined {
  if (frame[0] === 'update') return frame[2] as WireState;
  if (frame[0] === 'sync') return (frame[2] as SyncInfo).state;
  return undefined;
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits until none of the sockets has received a frame for `ms` milliseconds (at most 3 s). */
export async function quiet(sockets: TestSocket[], ms = 100): Promise<void> {
  const deadline = Date.now() + 3000;
  let counts = sockets.map((s) => s.frames.length);
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    await sleep(20);
    const now = sockets.map((s) => s.frames.length);
    if (now.some((n, i) => n !== counts[i])) {
      counts = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= ms) return;
  }
}

/** The frames `socket` receives in the next `ms` milliseconds (expect none for 'reaches no one'). */
export async function expectSilence(socket: TestSocket, ms = 300): Promise<Frame[]> {
  const from = socket.frames.length;
  await sleep(ms);
  return socket.since(from);
}

// ---------------------------------------------------------------------------------------------
// Child-process server (main.ts), for the SIGKILL tests

export { freePort };

export interface ChildServer {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  /** SIGKILL, and wait until the process is gone. */
  kill(): Promise<void>;
  /** Sends `signal` and waits until the process is gone. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

/** Spawns `node --import tsx src/server/main.ts` and waits until GET /readyz answers 200 (listening, computer seats and classes resumed). */
export async function startChildServer(env: Record<string, string>, { timeoutMs = 20_000 }: { timeoutMs?: number } = {}): Promise<ChildServer> {
  const server = await spawnServer({
    args: ['--import', 'tsx', 'src/server/main.ts'],
    cwd: ROOT,
    env: { LOG_LEVEL: 'silent', ORIGINS: ALLOWED_ORIGIN, ...env },
    readyPath: '/readyz',
    timeoutMs,
  });
  return { url: server.url, port: server.port, child: server.child, output: server.output, kill: () => server.stop('SIGKILL'), stop: server.stop };
}

// ---------------------------------------------------------------------------------------------
// Logs

/**
 * Records what the server prints (every console method) at LOG_LEVEL=info until `restore()`;
 * `events()` parses the lines that are JSON log lines.
 */
export function captureLogs(): { lines: string[]; events(): Record<string, unknown>[]; restore(): void } {
  const previousLevel = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = 'info';
  const lines: string[] = [];
  const capture = (...args: unknown[]) => void lines.push(args.map((a) => (typeof a === 'string' ? a : (JSON.stringify(a) ?? String(a)))).join(' '));
  const spies = (['log', 'error', 'warn', 'info', 'debug'] as const).map((method) => vi.spyOn(console, method).mockImplementation(capture));
  return {
    lines,
    events: () =>
      lines.flatMap((line) => {
        try {
          const parsed = JSON.parse(line) as unknown;
          return parsed && typeof parsed === 'object' ? [{ ...parsed }] : [];
        } catch {
          return [];
        }
      }),
    restore() {
      for (const spy of spies) spy.mockRestore();
      process.env.LOG_LEVEL = previousLevel;
    },
  };
}
