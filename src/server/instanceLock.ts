/**
 * The single-instance guard (DATABASE_URL without REDIS_URL). Each server process keeps its own
 * in-memory queue of changes per match (matchQueue.ts) and tells only its own sockets about a
 * move, so two processes on one database would silently desync. The first process takes a
 * PostgreSQL session-level advisory lock whose key comes from the schema name and holds it on one
 * dedicated connection for as long as it runs; a second process on the same database and schema
 * finds it taken and refuses to start. The lock goes with the session: a process that dies, even
 * by SIGKILL, releases it, and so does a stop.
 *
 * If the connection holding the lock is lost (PostgreSQL restarted, the network cut), the lock is
 * gone with it; the process logs that, tries to take it again every `retryMs`, and if another
 * process took it meanwhile, calls `onTaken` (main.ts stops the server). A heartbeat query every
 * `heartbeatMs` notices a dead connection that TCP alone would take minutes to report.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { log } from './log';

/** The advisory-lock key of a schema: 64 bits of SHA-256 of a fixed prefix and the name, as a signed bigint. */
export function instanceLockKey(schema: string): bigint {
  return createHash('sha256').update(`de-risk instance lock\0${schema}`).digest().readBigInt64BE(0);
}

/** The line a refused second instance logs. */
export function anotherInstanceMessage(schema: string): string {
  return `another De-Risk server already uses this database (schema ${schema}); set REDIS_URL to run several instances, or stop the other one`;
}

export interface InstanceLockOptions {
  url: string;
  schema: string;
  /** Another process holds the lock now, after this one lost it. */
  onTaken: () => void;
  retryMs?: number;
  heartbeatMs?: number;
  /** After losing the lock, how long a lock found taken may still be this process's own old session. */
  takenGraceMs?: number;
}

export interface InstanceLock {
  readonly key: bigint;
  /** Ends the session, which releases the lock. */
  release(): Promise<void>;
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 200);

/** Connects and tries the lock once: the client holding it, or null (taken) after closing the client. Throws when PostgreSQL cannot be reached. */
async function tryLock(url: string, key: bigint): Promise<pg.Client | null> {
  const client = new pg.Client({
    connectionString: url,
    application_name: 'de-risk instance lock',
    connectionTimeoutMillis: 5000,
    query_timeout: 5000,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // A connection error is also an 'end'; without a listener it would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [key.toString()]);
    if (rows[0]?.locked === true) return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  await client.end().catch(() => undefined);
  return null;
}

/**
 * Takes the instance lock for `schema`: the held lock, or null when another process holds it.
 * Throws (as a store's first query would) when PostgreSQL cannot be reached.
 */
export async function takeInstanceLock({ url, schema, onTaken, retryMs = 2000, heartbeatMs = 15_000, takenGraceMs = 30_000 }: InstanceLockOptions): Promise<InstanceLock | null> {
  const key = instanceLockKey(schema);
  const first = await tryLock(url, key);
  if (!first) return null;

  let client: pg.Client | null = first;
  let released = false;
  const isReleased = () => released;
  let retry: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let lostAt = 0;

  const lost = (reason: string) => {
    if (released || !client) return;
    client = null;
    lostAt = Date.now();
    clearInterval(heartbeat);
    log('error', 'instance-lock-lost', { schema, reason });
    scheduleRetry();
  };
  const watch = (held: pg.Client) => {
    held.on('end', () => {
      if (client === held) lost('the connection holding it ended');
    });
    heartbeat = setInterval(() => {
      held.query('SELECT 1').catch((error: unknown) => {
        if (client !== held) return;
        lost(errorMessage(error));
        void held.end().catch(() => undefined);
      });
    }, heartbeatMs);
    heartbeat.unref();
  };
  const scheduleRetry = () => {
    retry = setTimeout(() => {
      void (async () => {
        if (released) return;
        try {
          const again = await tryLock(url, key);
          if (isReleased()) {
            await again?.end().catch(() => undefined);
            return;
          }
          if (!again) {
            // Our own lost session may hold it still: PostgreSQL ends a session whose connection
            // broke only once it notices. Only a lock still taken after the grace is another's.
            if (Date.now() - lostAt < takenGraceMs) {
              log('warn', 'instance-lock-still-taken', { schema });
              scheduleRetry();
              return;
            }
            log('error', 'another-instance', { schema, message: anotherInstanceMessage(schema) });
            onTaken();
            return;
          }
          client = again;
          watch(again);
          log('info', 'instance-lock-regained', { schema });
        } catch (error) {
          log('warn', 'instance-lock-retry-failed', { schema, reason: errorMessage(error) });
          scheduleRetry();
        }
      })();
    }, retryMs);
    retry.unref();
  };

  watch(first);
  return {
    key,
    async release() {
      released = true;
      clearTimeout(retry);
      clearInterval(heartbeat);
      const held = client;
      client = null;
      // Ending the session releases every session-level lock it holds.
      await held?.end().catch(() => undefined);
    },
  };
}
