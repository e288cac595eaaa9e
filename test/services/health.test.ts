/**
 * Issue 15, first increment, against real services (PostgreSQL on 127.0.0.1:5432, Redis on
 * 127.0.0.1:6379; DATABASE_URL and REDIS_URL override them): `main.ts` runs as a child process.
 *
 * - The single-instance guard: without REDIS_URL, a second server on the same database and
 *   schema refuses to start (one log line, exit 1, never listens) while the first keeps serving;
 *   the lock goes when the first stops or is killed; another schema is another lock; with
 *   REDIS_URL the guard is skipped with a warning.
 * - `/readyz`: 200 with PostgreSQL and Redis up; 503 `redis: "down"` with Redis unreachable;
 *   503 `storage: "down"` while the database is unreachable (the server reaches PostgreSQL through
 *   a TCP relay that the test closes, so its port is closed), then 200 again and the instance
 *   lock taken back once it is reachable again; 503 draining at once after SIGTERM, and exit 0.
 *
 * Every test works in schemas with random names, dropped at the end (the servers are stopped
 * first). Readiness only sends PING to Redis, so no key is made.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { anotherInstanceMessage } from '../../src/server/instanceLock';
import { ALLOWED_ORIGIN, lobby, ROOT } from '../helpers/server';
import { logEvents, relay as relayBoth, removeRedisKeys } from '../helpers/instances';
import { freePort, spawnServer, type SpawnedServer } from '../helpers/spawn';

const DATABASE = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const randomSchema = () => `de_risk_test_${randomBytes(6).toString('hex')}`;

async function sql(text: string, values: unknown[] = []): Promise<pg.QueryResultRow[]> {
  const client = new pg.Client({ connectionString: DATABASE });
  await client.connect();
  try {
    return (await client.query<pg.QueryResultRow>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const schemas: string[] = [];
const servers: SpawnedServer[] = [];
const relays: Relay[] = [];

function fresh(): string {
  const schema = randomSchema();
  schemas.push(schema);
  return schema;
}

afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop('SIGKILL');
  for (const relay of relays.splice(0)) await relay.close();
  for (const schema of schemas.splice(0)) {
    // The servers given REDIS_URL kept their keys under the default prefix, named after the schema.
    await removeRedisKeys(`de-risk:${schema}:`);
    await sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    expect(await sql('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema])).toEqual([]);
  }
});

const env = (schema: string, extra: Record<string, string> = {}): Record<string, string> => ({
  LOG_LEVEL: 'info',
  ORIGINS: ALLOWED_ORIGIN,
  DATABASE_URL: DATABASE,
  DATABASE_SCHEMA: schema,
  REDIS_URL: '',
  ...extra,
});

/** `main.ts` from source, up once `readyPath` answers 200; killed after the test if still running. */
async function start(vars: Record<string, string>, readyPath = '/readyz'): Promise<SpawnedServer> {
  const server = await spawnServer({ args: ['--import', 'tsx', 'src/server/main.ts'], cwd: ROOT, env: vars, readyPath, timeoutMs: 20_000 });
  servers.push(server);
  return server;
}

/**
 * `main.ts` run to its end (it must not start, or `sigtermWhen` stops it): its exit code and what
 * it printed. With `sigtermWhen`, SIGTERM is sent once the output first contains that text.
 */
async function runToExit(vars: Record<string, string>, { timeoutMs = 20_000, sigtermWhen }: { timeoutMs?: number; sigtermWhen?: string } = {}): Promise<{ code: number | null; output: string; port: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: ROOT, env: { ...process.env, ...vars, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let signalled = false;
  const read = (d: Buffer) => {
    output += d.toString();
    if (sigtermWhen && !signalled && output.includes(sigtermWhen)) {
      signalled = true;
      child.kill('SIGTERM');
    }
  };
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, output, port };
}

/** The JSON log lines a process printed. */
const events = logEvents;

async function get(url: string): Promise<{ status: number; body: unknown; text: string }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text), text };
}

/** Polls until `done` holds (bounded). */
async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Relay {
  port: number;
  /** Stops listening and cuts every connection through it: the port is closed. */
  close(): Promise<void>;
  open(): Promise<void>;
}

/** A TCP relay on a loopback port to PostgreSQL, so that a test can make the database unreachable and reachable again. */
async function relayTo(target: string): Promise<Relay> {
  const { hostname, port: targetPort } = new URL(target);
  const port = await freePort();
  const sockets = new Set<Socket>();
  let listener: Server | null = null;
  const open = () =>
    new Promise<void>((resolve, reject) => {
      const server = createServer((client) => {
        relayBoth(client, Number(targetPort || 5432), sockets, hostname);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
      listener = server;
    });
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      const server = listener;
      listener = null;
      if (!server) resolve();
      else server.close(() => resolve());
    });
  await open();
  const relay = { port, open, close };
  relays.push(relay);
  return relay;
}

describe('the single-instance guard (DATABASE_URL without REDIS_URL)', () => {
  it('a second server on the same schema refuses to start with one log line; the first keeps serving; once it stops, a new one starts', async () => {
    const schema = fresh();
    const first = await start(env(schema));
    const created = await lobby(first.url, { Origin: ALLOWED_ORIGIN }).create();
    expect(created.status).toBe(200);

    const second = await runToExit(env(schema));
    expect(second.code).toBe(1);
    const refusal = events(second.output).filter((e) => e.event === 'another-instance');
    expect(refusal).toEqual([expect.objectContaining({ level: 'error', schema, message: anotherInstanceMessage(schema) })]);
    expect(anotherInstanceMessage(schema)).toContain(`another De-Risk server already uses this database (schema ${schema}); set REDIS_URL`);
    // It never listened, and left nothing in the database (no second start-up on the data).
    expect(second.output).not.toContain('is listening');
    await expect(fetch(`http://127.0.0.1:${second.port}/healthz`)).rejects.toThrow();

    expect(await get(`${first.url}/readyz`)).toMatchObject({ status: 200, body: { ok: true, storage: 'up', redis: 'off' } });
    const listed = await lobby(first.url).list();
    expect(listed.body.matches.map((m) => m.matchID)).toContain(created.body.matchID);

    await first.stop('SIGTERM');
    expect(first.child.exitCode).toBe(0);
    const third = await start(env(schema));
    expect((await lobby(third.url).list()).body.matches.map((m) => m.matchID)).toContain(created.body.matchID);
  });

  it('a server killed with SIGKILL releases the lock with its session', async () => {
    const schema = fresh();
    const first = await start(env(schema));
    await first.stop('SIGKILL');
    const next = await start(env(schema));
    expect((await get(`${next.url}/readyz`)).status).toBe(200);
  });

  it('another schema on the same database is another lock', async () => {
    const a = await start(env(fresh()));
    const b = await start(env(fresh()));
    expect((await get(`${a.url}/readyz`)).status).toBe(200);
    expect((await get(`${b.url}/readyz`)).status).toBe(200);
  });

  it('with REDIS_URL the guard is skipped, and the log says what the instances share through Redis', async () => {
    const schema = fresh();
    await start(env(schema));
    const second = await start(env(schema, { REDIS_URL: REDIS }));
    const warning = events(second.output()).find((e) => e.event === 'multi-instance');
    expect(warning).toMatchObject({ level: 'warn' });
    expect(String(warning?.message)).toMatch(/moves, limits, socket caps, computer seats and classes are shared through Redis/);
    expect(events(second.output()).some((e) => e.event === 'another-instance')).toBe(false);
  });
});

describe('/readyz and /healthz on PostgreSQL and Redis', () => {
  it('is 200 with PostgreSQL and Redis up', async () => {
    const server = await start(env(fresh(), { REDIS_URL: REDIS }));
    expect(await get(`${server.url}/readyz`)).toMatchObject({ status: 200, body: { ok: true, storage: 'up', redis: 'up' } });
    expect(await get(`${server.url}/healthz`)).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('is 503 redis down when Redis is unreachable, saying which part and nothing more', async () => {
    const closed = await freePort();
    const server = await start(env(fresh(), { REDIS_URL: `redis://127.0.0.1:${closed}` }), '/healthz');
    // Up to the end of its start-up it answers `starting`; then what it found.
    const answer = await until('readyz', () => get(`${server.url}/readyz`), (a) => !(a.body as { starting?: boolean }).starting);
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({ ok: false, storage: 'up', redis: 'down' });
    expect(answer.text).not.toContain(String(closed));
  });

  it('is 503 storage down while the database is unreachable and 200 once it is back; the instance lock is taken back', async () => {
    const relay = await relayTo(DATABASE);
    const through = new URL(DATABASE);
    through.host = `127.0.0.1:${relay.port}`;
    const server = await start(env(fresh(), { DATABASE_URL: through.toString() }));
    // Ready only once its start-up is over (a database lost before then is a failed start, which is another test).
    expect((await get(`${server.url}/readyz`)).status).toBe(200);

    await relay.close();
    const down = await until('readyz', () => get(`${server.url}/readyz`), (a) => a.status === 503);
    expect(down.body).toEqual({ ok: false, storage: 'down', redis: 'off' });
    expect(down.text).not.toContain(String(relay.port));
    expect(down.text).not.toContain('postgres');
    expect(await get(`${server.url}/healthz`)).toMatchObject({ status: 200, body: { ok: true } });
    await until('the lock lost', () => Promise.resolve(events(server.output()).map((e) => e.event)), (e) => e.includes('instance-lock-lost'));

    await relay.open();
    const up = await until('readyz', () => get(`${server.url}/readyz`), (a) => a.status === 200);
    expect(up.body).toEqual({ ok: true, storage: 'up', redis: 'off' });
    await until('the lock regained', () => Promise.resolve(events(server.output()).map((e) => e.event)), (e) => e.includes('instance-lock-regained'));
    expect(server.child.exitCode).toBeNull();
  });

  it('a server whose database is unreachable at start-up does not start', async () => {
    const closed = new URL(DATABASE);
    closed.host = `127.0.0.1:${await freePort()}`;
    const run = await runToExit(env(fresh(), { DATABASE_URL: closed.toString() }));
    expect(run.code).toBe(1);
    expect(run.output).not.toContain('is listening');
    expect(events(run.output).some((e) => e.event === 'startup-failed')).toBe(true);
  });

  it('a SIGTERM during start-up lets it finish starting, then drains and exits 0', async () => {
    // The first log line (the multi-instance warning) comes after the signal handlers are set and before the stores connect.
    const run = await runToExit(env(fresh(), { REDIS_URL: REDIS }), { sigtermWhen: '"multi-instance"' });
    expect(run.code).toBe(0);
    expect(run.output).toContain('is listening');
    expect(events(run.output).map((e) => e.event)).not.toContain('startup-failed');
  });

  it('is 503 draining at once after SIGTERM while /healthz answers; the server then drains and exits 0', async () => {
    const schema = fresh();
    const server = await start(env(schema, { DRAIN_GRACE_MS: '1500' }));
    expect((await get(`${server.url}/readyz`)).status).toBe(200);
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    const draining = await until('readyz', () => get(`${server.url}/readyz`), (a) => a.status === 503, 1000);
    expect(Date.now() - signalled).toBeLessThan(1000);
    expect(draining.body).toEqual({ ok: false, draining: true });
    expect(await get(`${server.url}/healthz`)).toMatchObject({ status: 200, body: { ok: true } });
    await server.stop('SIGTERM');
    expect(server.child.exitCode).toBe(0);
    expect(events(server.output()).some((e) => e.event === 'draining')).toBe(true);
    // The lock went with it.
    const next = await start(env(schema));
    expect((await get(`${next.url}/readyz`)).status).toBe(200);
  });
});
