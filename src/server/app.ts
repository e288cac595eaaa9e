/**
 * The De-Risk server: boardgame.io's Server with our socket transport, our lobby API, storage,
 * room codes, credential checks, static hosting and the clean-up of old matches. `main.ts`
 * runs it; the tests start it in-process or as a child process.
 *
 * Koa middleware, in order: errors become one JSON log line and a JSON answer; security
 * headers; `GET /healthz` and `GET /readyz` (health.ts, exact paths only); the classroom API;
 * the lobby API (every `/games` path, in any spelling); the built client; and a last answer of
 * 404, so that nothing ever reaches boardgame.io's own lobby router, which is also taken out of
 * service (bgio.ts).
 *
 * `close()` (SIGTERM, main.ts) first turns `/readyz` to 503 draining, waits `drainGraceMs` (so
 * that a load balancer sees it and sends no new players), then stops the classes' clocks and the
 * computer players, lets every queued change reach the store, closes the sockets and stops
 * listening.
 */
import { randomInt } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeRisk } from '../game';
import { createBgioServer, retireLobbyRouter, type Middleware } from './bgio';
import { BotRegistry, DEFAULT_BOT_OPTIONS, type BotOptions } from './bots/registry';
import { classApi, DEFAULT_CLASS_LIMITS, resultsReader, statusReader, type ClassLimits } from './classes/http';
import { storedMatchesReader } from './classes/status';
import { ClassService } from './classes/service';
import { MemoryClassStore, type ClassStore } from './classes/store';
import { credentialsMatch, newCredentials, ROOM_ALPHABET } from './guards';
import { securityHeaders } from './headers';
import { healthRoutes, Readiness, redisProbe, storageProbe } from './health';
import type { Rate } from './limits';
import type { Lobby } from './lobby/context';
import { DEFAULT_LOBBY_LIMITS, lobbyApi, type LobbyLimits } from './lobby/http';
import { cut, log } from './log';
import { MatchQueue } from './matchQueue';
import { serveClient } from './static';
import type { MatchStore } from './storage/types';
import { GuardedSocketIO } from './transport';
import type { Fanout } from './fanout';
import { LocalCluster, type Cluster } from './cluster';

export interface ServerOptions {
  db: MatchStore;
  /** Where classes are kept: beside the matches (main.ts makes it from the same storage); memory when omitted. */
  classes?: ClassStore;
  /** The classroom API's limits (per address, new classes, guesses). */
  classLimits?: Partial<ClassLimits>;
  /** How often class decision timers are checked (default every second). */
  classClockMs?: number;
  /** The lobby's and the classes' clock (default Date.now; tests move it on). */
  now?: () => number;
  /** Where the built client is; omit to serve only the API. */
  clientDir?: string;
  origins: readonly string[];
  /** Finished matches older than this, and untouched ones older than `abandonedAfterMs`, are removed. */
  finishedAfterMs?: number;
  abandonedAfterMs?: number;
  /** Matches nobody has joined, older than this, are removed (default an hour): made through the API and never used. */
  emptyAfterMs?: number;
  cleanupEveryMs?: number;
  /** New matches one client address may create (default 1 a second, bursts of 60); null for no limit. */
  createLimit?: Rate | null;
  /** Requests for the computer one client address may make (default one every 2 s, bursts of 30); null for no limit. */
  botLimit?: Rate | null;
  /** The lobby's other limits (per address, per match). */
  lobbyLimits?: Partial<LobbyLimits>;
  /** Sockets one address may hold open at once (default 120: a class behind one router, two tabs each). */
  socketsPerAddress?: number;
  /** Messages one address may send over all its sockets (default 200 a second, bursts of 400). */
  socketMessagesPerAddress?: Rate;
  /** New sockets one address may open (default 5 a second, bursts of 150: a whole class reconnecting after a blip); null for no limit. */
  socketConnectsPerAddress?: Rate | null;
  /** Proxies in front of the server whose X-Forwarded-For is believed (TRUST_PROXY; default 0). */
  trustProxy?: number;
  /** How long a rematch keeps the seats of the finished match's people (default 10 minutes). */
  rematchHoldMs?: number;
  /** Computer players for empty online seats: how many at once, their pause, their threads, when they step away. */
  bots?: Partial<BotOptions>;
  /** REDIS_URL: so far only `/readyz` uses it (PING on one lazy connection); unset, `/readyz` says `"redis":"off"`. */
  redisUrl?: string;
  /** Several instances: moves and seat changes reach the sockets on the other instances through Redis (fanout.ts). */
  fanout?: Fanout;
  /**
   * What the instances share (cluster.ts): limits, socket counts, steps on a match or class,
   * computer seats, the class clock. Default: this instance alone, in memory. The server starts
   * and closes it.
   */
  cluster?: Cluster;
  /** How long a `/readyz` answer is kept (default 1000 ms; 0 checks on every request). */
  readinessCacheMs?: number;
  /** How long `close()` answers `/readyz` with 503 draining before it stops anything (DRAIN_GRACE_MS; default 0). */
  drainGraceMs?: number;
}

export function roomCode(): string {
  return Array.from({ length: 7 }, () => ROOM_ALPHABET[randomInt(ROOM_ALPHABET.length)]).join('');
}

const SERVER_ERROR = 'The server could not handle that; please try again.';

/** Any error thrown while answering becomes one JSON log line and a JSON answer (never a stack trace). */
const answerErrors: Middleware = async (ctx, next) => {
  try {
    await next();
  } catch (error) {
    log('error', 'request-failed', { method: ctx.method, path: cut(ctx.path, 80), message: (error as Error).message });
    ctx.status = 500;
    ctx.body = { code: 'serverError', error: SERVER_ERROR };
  }
};

/** The end of the line: whatever nothing above answered is not found (and never reaches boardgame.io's router). */
const notFound: Middleware = (ctx) => {
  ctx.status = 404;
  ctx.body = { code: 'badRequest', error: 'Not found.' };
};

export function createDeRiskServer(options: ServerOptions) {
  const cluster = options.cluster ?? new LocalCluster();
  const queue = cluster.shared ? new MatchQueue((key, work) => cluster.exclusive(key, work)) : new MatchQueue();
  const gameName = DeRisk.name ?? 'de-risk';
  const botOptions: BotOptions = { ...DEFAULT_BOT_OPTIONS, ...options.bots };
  const bots = new BotRegistry(options.db, gameName, botOptions, cluster.bots(botOptions.max, botOptions.leaseMs), cluster.shared);
  const limiter = (name: string, rate: Rate) => cluster.limiter(name, rate);
  const trustProxy = options.trustProxy ?? 0;
  /** Removes a match and stops its computer, on whichever instance runs it; the caller holds the match's place in the queue. */
  const removeMatch = async (matchID: string) => {
    bots.stop(matchID);
    await options.db.wipe(matchID);
    cluster.publish({ kind: 'matchGone', matchID });
  };
  cluster.onEvent((event) => {
    if (event.kind === 'matchGone') bots.stop(event.matchID);
  });
  cluster.onReset(() => bots.remindSleeping());
  const lobby: Lobby = {
    db: options.db,
    queue,
    game: DeRisk,
    gameName,
    bots,
    newMatchID: roomCode,
    now: options.now ?? Date.now,
    rematchHoldMs: options.rematchHoldMs ?? 10 * 60_000,
    removeMatch,
  };
  const classes = new ClassService({ lobby, cluster, store: options.classes ?? new MemoryClassStore(), ...(options.classClockMs ? { clockMs: options.classClockMs } : {}) });
  const connects = options.socketConnectsPerAddress === undefined ? { perSecond: 5, burst: 150 } : options.socketConnectsPerAddress;
  const transport = new GuardedSocketIO({
    origins: options.origins,
    queue,
    maxMessageBytes: 16_384,
    perSocket: { perSecond: 20, burst: 40 },
    perAddress: limiter('socket-messages', options.socketMessagesPerAddress ?? { perSecond: 200, burst: 400 }),
    socketsPerAddress: cluster.counter('sockets', options.socketsPerAddress ?? 120),
    maxSocketsPerAddress: options.socketsPerAddress ?? 120,
    connectsPerAddress: connects === null ? null : limiter('socket-connects', connects),
    trustProxy,
    onPersonActive: (matchID) => void bots.wake(matchID).catch((e: unknown) => log('error', 'bot-wake-failed', { matchID, message: e instanceof Error ? e.message : String(e) })),
    holdMoves: (matchID) => (classes.isPaused(matchID) ? { code: 'paused' } : null),
    onRemoteChange: (matchID) => {
      const code = classes.classOf(matchID);
      if (code) classes.changed(code);
    },
    onMatchChanged: (matchID) => void classes.matchChanged(matchID).catch((e: unknown) => log('error', 'class-update-failed', { matchID, message: e instanceof Error ? e.message : String(e) })),
    ...(options.fanout ? { fanout: options.fanout } : {}),
  });
  classes.attach({
    serverMove: (matchID, playerID, stateID, move) => transport.serverMove(matchID, playerID, stateID, move),
    changeState: (matchID, change) => transport.changeState(matchID, change),
    decide: (G, ctx, config) => bots.pool.decide(G, ctx, config),
  });
  const server = createBgioServer({
    games: [DeRisk],
    db: options.db,
    origins: [...options.origins],
    transport,
    uuid: roomCode,
    authenticateCredentials: (credentials, player) => credentialsMatch(credentials, player),
    generateCredentials: newCredentials,
  });
  retireLobbyRouter(server);
  // Koa's own error printing writes multi-line stack traces; ours writes one JSON line.
  server.app.silent = true;
  // A client that goes away mid-answer (a closed control-room feed, a closed tab) is not a server error.
  server.app.on('error', (error: NodeJS.ErrnoException) =>
    log(error.code === 'ECONNRESET' || error.code === 'EPIPE' ? 'info' : 'error', 'http-error', { message: error.message }),
  );

  const readiness = new Readiness({
    storage: storageProbe(options.db),
    starting: true,
    ...(options.redisUrl ? { redis: redisProbe(options.redisUrl) } : {}),
    ...(options.readinessCacheMs !== undefined ? { cacheMs: options.readinessCacheMs } : {}),
  });

  server.app.use(answerErrors);
  server.app.use(securityHeaders());
  server.app.use(healthRoutes(readiness));
  const readMatches = storedMatchesReader(options.db);
  server.app.use(
    classApi({
      service: classes,
      origins: options.origins,
      trustProxy,
      limits: { ...DEFAULT_CLASS_LIMITS, ...options.classLimits },
      status: statusReader(readMatches, lobby.now),
      results: resultsReader(readMatches),
      limiter,
    }),
  );
  server.app.use(
    lobbyApi({
      lobby,
      origins: options.origins,
      trustProxy,
      limiter,
      limits: {
        ...DEFAULT_LOBBY_LIMITS,
        ...options.lobbyLimits,
        ...(options.createLimit !== undefined ? { create: options.createLimit } : {}),
        ...(options.botLimit !== undefined ? { bot: options.botLimit } : {}),
      },
    }),
  );
  if (options.clientDir) server.app.use(serveClient(options.clientDir));
  server.app.use(notFound);

  let sweeper: NodeJS.Timeout | undefined;
  let http: HttpServer | undefined;
  let closing: Promise<void> | null = null;
  const cleanupEveryMs = options.cleanupEveryMs ?? 3600_000;
  const sweep = async () => {
    // Several instances: one of them cleans up (taken over by another within two rounds if it dies).
    if (!(await cluster.holdRole('cleanup', 2 * cleanupEveryMs + 60_000))) return;
    const now = Date.now();
    const finished = await options.db.listMatches({ where: { isGameover: true, updatedBefore: now - (options.finishedAfterMs ?? 7 * 24 * 3600_000) } });
    const abandoned = await options.db.listMatches({ where: { isGameover: false, updatedBefore: now - (options.abandonedAfterMs ?? 30 * 24 * 3600_000) } });
    const unjoined = await options.db.listMatchData({ gameName, isGameover: false, updatedBefore: now - (options.emptyAfterMs ?? 3600_000), limit: 10_000 });
    const empty = unjoined.filter(({ metadata }) => Object.values(metadata.players).every((player) => typeof player.name !== 'string')).map((m) => m.matchID);
    const removed = [...new Set([...finished, ...abandoned, ...empty])];
    for (const matchID of removed) await queue.run(matchID, () => removeMatch(matchID));
    if (removed.length > 0) log('info', 'cleanup', { removed: removed.length, finished: finished.length, abandoned: abandoned.length, empty: empty.length });
  };

  return {
    server,
    transport,
    bots,
    classes,
    queue,
    readiness,
    sweep,
    /** Starts listening; resolves with the HTTP server once sockets are attached and bots resumed. */
    cluster,
    async listen(port: number): Promise<HttpServer> {
      await cluster.start();
      const { appServer } = await server.run({ port });
      http = appServer;
      transport.listen(appServer);
      // Bots play through the server's own sockets, on loopback, like any other client.
      bots.attach({ url: `http://127.0.0.1:${(appServer.address() as AddressInfo).port}`, origin: options.origins[0], token: transport.internalToken });
      const { started, waiting } = await bots.resume();
      if (started + waiting > 0) log('info', 'bots-resumed', { started, waiting });
      const kept = await classes.resume();
      if (kept > 0) log('info', 'classes-resumed', { classes: kept });
      sweeper = setInterval(() => void sweep().catch((e: unknown) => log('error', 'cleanup-failed', { message: e instanceof Error ? e.message : String(e) })), cleanupEveryMs);
      sweeper.unref();
      readiness.serving();
      return appServer;
    },
    /** Drains and stops (once: a second call waits for the first). */
    close(): Promise<void> {
      closing ??= (async () => {
        // At once: a load balancer polling /readyz stops sending new players here.
        readiness.drain();
        const grace = options.drainGraceMs ?? 0;
        if (grace > 0) {
          log('info', 'draining', { graceMs: grace });
          await new Promise((resolve) => setTimeout(resolve, grace));
        }
        clearInterval(sweeper);
        classes.stop();
        // Bots first: their sockets close while the server can still record them as gone.
        await bots.close();
        await transport.close();
        if (http?.listening) await new Promise<void>((resolve) => http?.close(() => resolve()));
        await readiness.close();
        await cluster.close();
      })();
      return closing;
    },
  };
}
