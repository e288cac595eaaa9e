/**
 * Health answers for an orchestrator or a load balancer (docs/deploy.md):
 *
 * - `GET /healthz` (liveness): the process answers. 200 `{"ok":true}`, touching nothing else,
 *   also while the server drains.
 * - `GET /readyz` (readiness): the storage answers a trivial query (PostgreSQL `SELECT 1` through
 *   the store's own pool; the embedded store's folder is there and writable; memory always is)
 *   and, when REDIS_URL is set, Redis answers PING. 200 `{"ok":true,"storage":"up","redis":"up"|"off"}`,
 *   or 503 with the part that is down; never an error message, a stack trace or an address. From
 *   the moment the server starts to close (SIGTERM) it answers 503 `{"ok":false,"draining":true}`,
 *   so that a load balancer stops sending new players while the drain goes on. Before that, from
 *   the moment it listens until its computer seats and classes are resumed, it answers 503
 *   `{"ok":false,"starting":true}`: nobody is sent to an instance that is not serving yet.
 *
 * Only these exact request targets answer, by GET or HEAD: `/healthz/`, `/HEALTHZ`, `/readyz?x`,
 * `/%68ealthz` or a POST fall through to the rest of the server as any other path does. Neither is
 * limited per address, and neither can be used to load the storage: the readiness answer is kept
 * for `cacheMs` (1 s), every request in the meantime shares it (or the one check in progress), and
 * a check that hangs is never started again on top of itself, so the storage and Redis see at most
 * one query each a second however many ask.
 */
import type { Redis as RedisClient, RedisOptions } from 'ioredis';
import type { Middleware } from './bgio';
import { log } from './log';

/** One dependency the server needs to serve: `check` resolves when it answers, rejects when it does not. */
export interface Probe {
  check(): Promise<void>;
  /** Releases what the probe holds (a connection). */
  close?(): Promise<void>;
}

export type PartState = 'up' | 'down';

export type ReadyBody =
  | { ok: true; storage: 'up'; redis: 'up' | 'off' }
  | { ok: false; storage: PartState; redis: PartState | 'off' }
  | { ok: false; starting: true }
  | { ok: false; draining: true };

export interface ReadyAnswer {
  status: 200 | 503;
  body: ReadyBody;
}

export interface ReadinessOptions {
  storage: Probe;
  /** Only when REDIS_URL is set. */
  redis?: Probe;
  /** Answer 503 starting until `serving()` (the server's own: it listens before it has resumed its work). */
  starting?: boolean;
  /** How long an answer is kept (default 1000 ms); 0 checks on every request (tests). */
  cacheMs?: number;
  /** A check that has not answered by then counts as down (default 2000 ms). */
  timeoutMs?: number;
  now?: () => number;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 200);

/**
 * A probe that is never run twice at once: while a check is still in progress (a connection that
 * hangs), the part counts as down without a second check piling onto the first.
 */
function guarded(probe: Probe, timeoutMs: number): () => Promise<{ state: PartState; reason?: string }> {
  let pending: Promise<void> | null = null;
  return async () => {
    if (pending) return { state: 'down', reason: 'the previous check has not answered yet' };
    const running = probe.check();
    pending = running;
    void running.then(
      () => (pending = null),
      () => (pending = null),
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([running, late]);
      return { state: 'up' };
    } catch (error) {
      return { state: 'down', reason: message(error) };
    } finally {
      clearTimeout(timer);
    }
  };
}

const STARTING: ReadyAnswer = { status: 503, body: { ok: false, starting: true } };
const DRAINING: ReadyAnswer = { status: 503, body: { ok: false, draining: true } };

export class Readiness {
  /** Until `serving()`: the server listens, but still resumes its computer seats and classes. */
  private starting: boolean;
  private draining = false;
  private cached: { at: number; answer: ReadyAnswer } | null = null;
  private inFlight: Promise<ReadyAnswer> | null = null;
  private readonly storage: ReturnType<typeof guarded>;
  private readonly redis: ReturnType<typeof guarded> | undefined;
  /** What the log last said of each part, so that a log line is written when it changes, not on every check. */
  private logged: { storage?: PartState; redis?: PartState } = {};
  private readonly cacheMs: number;
  private readonly now: () => number;

  constructor(private readonly options: ReadinessOptions) {
    const timeoutMs = options.timeoutMs ?? 2000;
    this.storage = guarded(options.storage, timeoutMs);
    this.redis = options.redis && guarded(options.redis, timeoutMs);
    this.cacheMs = options.cacheMs ?? 1000;
    this.starting = options.starting ?? false;
    this.now = options.now ?? Date.now;
  }

  /** Start-up has finished: from now on the answer is what the checks find (until `drain()`). */
  serving(): void {
    this.starting = false;
  }

  /** From now on the answer is 503 draining (server shutdown); there is no way back. */
  drain(): void {
    this.draining = true;
  }

  isDraining(): boolean {
    return this.draining;
  }

  async answer(): Promise<ReadyAnswer> {
    if (this.isDraining()) return DRAINING;
    if (this.starting) return STARTING;
    if (this.cached && this.now() - this.cached.at < this.cacheMs) return this.cached.answer;
    this.inFlight ??= this.check().finally(() => (this.inFlight = null));
    const answer = await this.inFlight;
    // A shutdown that began during the check wins over what the check found.
    return this.isDraining() ? DRAINING : answer;
  }

  private async check(): Promise<ReadyAnswer> {
    const [storage, redis] = await Promise.all([this.storage(), this.redis ? this.redis() : Promise.resolve(null)]);
    this.note('storage', storage);
    if (redis) this.note('redis', redis);
    const redisState = redis ? redis.state : 'off';
    const answer: ReadyAnswer =
      storage.state === 'up' && redisState !== 'down'
        ? { status: 200, body: { ok: true, storage: 'up', redis: redisState } }
        : { status: 503, body: { ok: false, storage: storage.state, redis: redisState } };
    this.cached = { at: this.now(), answer };
    return answer;
  }

  private note(part: 'storage' | 'redis', { state, reason }: { state: PartState; reason?: string }): void {
    const before = this.logged[part];
    if (before === state) return;
    this.logged[part] = state;
    // The first check that finds a part up is the normal case and needs no line.
    if (state === 'down') log('warn', 'readiness-down', { part, reason });
    else if (before === 'down') log('info', 'readiness-up', { part });
  }

  async close(): Promise<void> {
    this.draining = true;
    await Promise.all([this.options.storage.close?.(), this.options.redis?.close?.()]);
  }
}

/** What a store offers that a readiness check can ask (duck-typed, so that the stores need not know about health). */
interface Pingable {
  ping?: () => Promise<unknown>;
  pool?: { query?: (text: string) => Promise<unknown> };
}

/**
 * The store's own trivial query: its `ping()` if it has one (the embedded store: its folder is
 * there and writable), else `SELECT 1` through its PostgreSQL pool, else nothing to ask (memory).
 */
export function storageProbe(db: object): Probe {
  const store = db as Pingable;
  const { ping, pool } = store;
  if (typeof ping === 'function')
    return {
      check: async () => {
        await ping.call(store);
      },
    };
  const query = pool?.query;
  if (typeof query === 'function')
    return {
      check: async () => {
        await query.call(pool, 'SELECT 1');
      },
    };
  return { check: () => Promise.resolve() };
}

/**
 * Redis PING on one lazy connection: nothing connects until the first readiness check, a dead
 * connection is not retried in the background (the next check connects again, once), a connect
 * or a command gives up after a second, and nothing waits in an offline queue.
 */
export function redisProbe(url: string): Probe {
  let client: RedisClient | null = null;
  let closed = false;
  const open = async (): Promise<RedisClient> => {
    if (client) return client;
    const { Redis } = await import('ioredis');
    const options: RedisOptions = {
      lazyConnect: true,
      connectTimeout: 1000,
      commandTimeout: 1000,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      retryStrategy: () => null,
      connectionName: 'de-risk-readiness',
    };
    const made = new Redis(url, options);
    // A refused or dropped connection is reported by the check that meets it, not as an unhandled event.
    made.on('error', () => undefined);
    client = made;
    return made;
  };
  return {
    async check() {
      if (closed) throw new Error('closed');
      const redis = await open();
      if (redis.status === 'wait' || redis.status === 'end') await redis.connect();
      await redis.ping();
    },
    async close() {
      closed = true;
      const redis = client;
      client = null;
      if (!redis || redis.status === 'end' || redis.status === 'wait') {
        redis?.disconnect();
        return;
      }
      try {
        await redis.quit();
      } catch {
        redis.disconnect();
      }
    },
  };
}

const NO_STORE = 'no-store';

/** Answers exactly `GET|HEAD /healthz` and `GET|HEAD /readyz` (the raw request target, nothing else); everything else goes on. */
export function healthRoutes(readiness: Readiness): Middleware {
  return async (ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      await next();
      return;
    }
    const target = ctx.originalUrl;
    if (target === '/healthz') {
      ctx.status = 200;
      ctx.set('Cache-Control', NO_STORE);
      ctx.body = { ok: true };
      return;
    }
    if (target === '/readyz') {
      const { status, body } = await readiness.answer();
      ctx.status = status;
      ctx.set('Cache-Control', NO_STORE);
      ctx.body = body;
      return;
    }
    await next();
  };
}
