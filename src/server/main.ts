/**
 * `npm start`: one process serves the built client, the lobby API and the game's sockets on
 * PORT (default 8000). Matches are stored under DATA_DIR (default ./data), or in PostgreSQL
 * when DATABASE_URL is set (DATABASE_SCHEMA, default public); STORAGE=memory keeps nothing (for
 * benchmarks). ORIGINS lists the web origins allowed to use the API and sockets. MAX_BOTS caps
 * the computer players running at once (default 20); BOT_THINK_MS is their pause before a move
 * ("600-1200" by default; "0" for none); BOT_IDLE_MS is how long one waits for its opponent's
 * move before stepping away (default 10 minutes; "0" for never). TRUST_PROXY is the number of
 * proxies in front whose X-Forwarded-For names the client (default 0); MAX_SOCKETS_PER_ADDRESS
 * caps the sockets one address may hold (default 120). See docs/security.md.
 *
 * REDIS_URL, with DATABASE_URL, runs several instances on one database: moves and seat changes
 * reach the sockets on every instance through Redis (fanout.ts), and limits, socket counts,
 * steps on a match, computer seats (leases of BOT_LEASE_MS, default 15 s) and classes are
 * shared there (redisCluster.ts); keys and channels start with REDIS_PREFIX (default
 * `de-risk:<schema>`), and `GET /readyz` checks Redis too. With DATABASE_URL and no
 * REDIS_URL, the server refuses to start while another one runs on the same database and schema
 * (instanceLock.ts). `/readyz` answers 503 starting until the computer seats and classes are
 * resumed. SIGTERM or SIGINT: `/readyz` answers 503 at once, DRAIN_GRACE_MS later (default 0)
 * the server drains and stops; a signal during start-up waits for it to end. See docs/deploy.md.
 */
// The file store fsyncs every write; libuv runs file work on this many threads (default 4),
// so more threads let the writes of many matches go to disk together. Set before any I/O.
process.env.UV_THREADPOOL_SIZE ??= '64';

import { join, resolve } from 'node:path';
import { trustedHops } from './address';
import { createDeRiskServer } from './app';
import { RedisFanout } from './fanout';
import { RedisCluster } from './redisCluster';
import { anotherInstanceMessage, takeInstanceLock, type InstanceLock } from './instanceLock';
import { FileClassStore, MemoryClassStore, PostgresClassStore, type ClassStore } from './classes/store';
import type { BotOptions } from './bots/registry';
import { bridgeLibraryErrors, log } from './log';
import { FileStore } from './storage/fileStore';
import type { MatchStore } from './storage/types';

/** The match store and, beside it in the same storage, the class store. */
async function storage(): Promise<{ db: MatchStore; classes: ClassStore; description: string }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { PostgresStore } = await import('./storage/postgresStore');
    const schema = databaseSchema();
    const db = new PostgresStore(url, schema);
    return { db, classes: new PostgresClassStore(db.pool, schema), description: `PostgreSQL (${new URL(url).host}, schema ${schema})` };
  }
  if (process.env.STORAGE === 'memory') {
    const { MemoryStore } = await import('./storage/memoryStore');
    return { db: new MemoryStore(), classes: new MemoryClassStore(), description: 'memory only (nothing survives a restart)' };
  }
  const dir = resolve(process.env.DATA_DIR ?? './data');
  return { db: new FileStore(dir), classes: new FileClassStore(join(dir, 'classes')), description: `files in ${dir}` };
}

const databaseSchema = () => process.env.DATABASE_SCHEMA ?? 'public';

/**
 * With DATABASE_URL and no REDIS_URL: the instance lock, or exit with one log line when another
 * server holds it (before anything touches the data or listens). With REDIS_URL: no guard, and a
 * warning that the instances do not share moves yet.
 */
async function guardInstance(onTaken: () => void): Promise<InstanceLock | undefined> {
  const url = process.env.DATABASE_URL;
  if (process.env.REDIS_URL) {
    log('warn', 'multi-instance', {
      message: url
        ? 'REDIS_URL is set: this server shares its database with other instances; moves, limits, socket caps, computer seats and classes are shared through Redis (docs/deploy.md)'
        : 'REDIS_URL is set without DATABASE_URL: the embedded store serves one instance only (docs/deploy.md)',
    });
    return undefined;
  }
  if (!url) return undefined;
  const schema = databaseSchema();
  const lock = await takeInstanceLock({ url, schema, onTaken });
  if (!lock) {
    log('error', 'another-instance', { schema, message: anotherInstanceMessage(schema) });
    process.exit(1);
  }
  return lock;
}

/** A whole number from the environment, or undefined when unset or not a whole number. */
function wholeNumber(value: string | undefined): number | undefined {
  return value && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

/** MAX_BOTS (a whole number), BOT_IDLE_MS and BOT_THINK_MS ("min-max" or one number of ms), where set. */
function botOptions(env: NodeJS.ProcessEnv): Partial<BotOptions> {
  const options: Partial<BotOptions> = {};
  const max = wholeNumber(env.MAX_BOTS);
  if (max !== undefined) options.max = max;
  const idle = wholeNumber(env.BOT_IDLE_MS);
  if (idle !== undefined) options.idleMs = idle;
  const lease = wholeNumber(env.BOT_LEASE_MS);
  if (lease !== undefined && lease >= 300) options.leaseMs = lease;
  const think = env.BOT_THINK_MS ? /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(env.BOT_THINK_MS) : null;
  if (think) options.thinkMs = [Number(think[1]), Math.max(Number(think[1]), Number(think[2] ?? think[1]))];
  return options;
}

async function main(): Promise<void> {
  bridgeLibraryErrors();
  // Whatever escapes a handler is one JSON log line, and the server keeps serving.
  process.on('unhandledRejection', (reason) => log('error', 'unhandled-rejection', { message: reason instanceof Error ? reason.message : String(reason).slice(0, 300) }));
  const port = Number(process.env.PORT ?? 8000);
  const origins = process.env.ORIGINS?.split(',').map((o) => o.trim()).filter(Boolean) ?? [
    `http://localhost:${port}`,
    `http://127.0.0.1:${port}`,
  ];
  // A signal during start-up waits for it to finish and then drains as usual: an instance that
  // has resumed half its computer seats hands them all off rather than dying with them (the
  // default action of SIGTERM). A second signal before then stops at once.
  let stop: ((code: number) => Promise<void>) | null = null;
  const start = { signalled: false };
  const onSignal = () => {
    if (stop) void stop(0);
    else if (start.signalled) process.exit(1);
    start.signalled = true;
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  // The database was given to another instance: stop writing to it now, whatever the stage.
  const lock = await guardInstance(() => (stop ? void stop(1) : process.exit(1)));
  const { db, classes, description } = await storage();
  const redisUrl = process.env.REDIS_URL || undefined;
  // Moves fan out between instances that share a database; an embedded store is one instance's alone.
  let fanout: RedisFanout | undefined;
  let cluster: RedisCluster | undefined;
  if (redisUrl && process.env.DATABASE_URL) {
    const prefix = process.env.REDIS_PREFIX ?? `de-risk:${databaseSchema()}`;
    fanout = new RedisFanout(redisUrl, prefix);
    cluster = new RedisCluster({ url: redisUrl, prefix });
  }
  // Only the host: a URL may carry a password.
  const redis = redisUrl ? `; redis: ${new URL(redisUrl).host}` : '';
  const app = createDeRiskServer({
    db,
    classes,
    origins,
    clientDir: resolve(process.env.CLIENT_DIR ?? './dist'),
    // CREATE_LIMIT=off lifts the limit on new matches per address (benchmarks on loopback).
    ...(process.env.CREATE_LIMIT === 'off' ? { createLimit: null } : {}),
    trustProxy: trustedHops(process.env.TRUST_PROXY),
    ...(wholeNumber(process.env.MAX_SOCKETS_PER_ADDRESS) !== undefined ? { socketsPerAddress: wholeNumber(process.env.MAX_SOCKETS_PER_ADDRESS) } : {}),
    bots: botOptions(process.env),
    ...(redisUrl ? { redisUrl } : {}),
    ...(fanout ? { fanout, cluster } : {}),
    ...(wholeNumber(process.env.DRAIN_GRACE_MS) !== undefined ? { drainGraceMs: wholeNumber(process.env.DRAIN_GRACE_MS) } : {}),
  });
  await app.listen(port);
  console.log(`De-Risk is listening on http://localhost:${port} (storage: ${description}${redis}; allowed origins: ${origins.join(', ')})`);
  let stopping: Promise<void> | null = null;
  stop = (code: number) =>
    (stopping ??= (async () => {
      // /readyz answers 503 draining from the first step of close().
      await app.close();
      await fanout?.close();
      // Pending file writes finish and the PostgreSQL pool ends before the process does.
      await db.close?.();
      // Last: the database is not given to another instance while this one still writes.
      await lock?.release();
      process.exit(code);
    })());
  if (start.signalled) void stop(0);
}

main().catch((error: unknown) => {
  log('error', 'startup-failed', { message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
