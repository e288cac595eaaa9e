/**
 * Classroom mode on PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test):
 * the class store contract, then a class's whole life on a real server whose matches and
 * classes share one database: made, joined, started, paused, the server restarted, resumed,
 * finished, results read. Every test works in a schema of its own, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { PostgresClassStore } from '../../src/server/classes/store';
import { PostgresStore } from '../../src/server/storage/postgresStore';
import { classStoreContract } from '../helpers/classStoreContract';
import { ALLOWED_ORIGIN, closeAllSockets, lobby, startTestServer, type TestServer } from '../helpers/server';

process.env.LOG_LEVEL = 'silent';
const URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const randomSchema = () => `de_risk_test_${randomBytes(6).toString('hex')}`;

async function sql(text: string, values: unknown[] = []): Promise<pg.QueryResultRow[]> {
  const client = new pg.Client({ connectionString: URL });
  await client.connect();
  try {
    return (await client.query<pg.QueryResultRow>(text, values)).rows;
  } finally {
    await client.end();
  }
}
const dropSchema = (schema: string) => sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);

classStoreContract('PostgresClassStore', {
  async open() {
    const schema = randomSchema();
    const pools: pg.Pool[] = [];
    const make = () => {
      const pool = new pg.Pool({ connectionString: URL, max: 2 });
      pools.push(pool);
      return new PostgresClassStore(pool, schema);
    };
    return {
      store: make(),
      again: () => Promise.resolve(make()),
      plant: async (code, record) => {
        await sql(`INSERT INTO "${schema}".de_risk_classes (code, record, updated_at) VALUES ($1, $2, 0)`, [code, JSON.stringify(record)]);
      },
      close: async () => {
        for (const pool of pools) await pool.end();
        await dropSchema(schema);
      },
    };
  },
});

describe('a class on PostgreSQL', () => {
  const servers: TestServer[] = [];
  const schemas: string[] = [];
  afterEach(async () => {
    closeAllSockets();
    for (const server of servers.splice(0)) {
      await server.close();
      await server.db.close?.();
    }
    for (const schema of schemas.splice(0)) await dropSchema(schema);
  });

  async function serverOn(schema: string): Promise<TestServer> {
    const db = new PostgresStore(URL, schema);
    await db.connect();
    const server = await startTestServer({ db, server: { classes: new PostgresClassStore(db.pool, schema) } });
    servers.push(server);
    return server;
  }

  it('lives through join, start, pause, a restart, resume and finish, kept in the database', async () => {
    const schema = randomSchema();
    schemas.push(schema);
    const first = await serverOn(schema);
    const call = (url: string, method: 'GET' | 'POST', path: string, key?: string, body?: unknown) =>
      lobby(url, { Origin: ALLOWED_ORIGIN, ...(key ? { Authorization: `Bearer ${key}` } : {}) }).call(method, path, body);
    const made = await call(first.url, 'POST', '/classes', undefined, { scenario: '2020', length: 4, timer: 90, onTimeout: 'computer', computer: 'normal', pairing: 'random' });
    const { code, teacherKey } = made.body as { code: string; teacherKey: string };
    const keys: string[] = [];
    for (const name of ['Ada', 'Bo', 'Chen']) keys.push(((await call(first.url, 'POST', `/classes/${code}/join`, undefined, { name })).body as { studentKey: string }).studentKey);
    expect((await call(first.url, 'POST', `/classes/${code}/start`, teacherKey, {})).body).toEqual({ matches: 2 });
    await call(first.url, 'POST', `/classes/${code}/pause`, teacherKey, {});
    const rows = await sql(`SELECT record FROM "${schema}".de_risk_classes WHERE code = $1`, [code]);
    expect(rows[0]?.record).toMatchObject({ phase: 'playing', students: [{ name: 'Ada' }, { name: 'Bo' }, { name: 'Chen' }] });
    expect(JSON.stringify(rows[0]?.record)).not.toContain(teacherKey);
    const seatBefore = (await call(first.url, 'GET', `/classes/${code}/seat`, keys[2])).body as { seat?: { matchID: string } };
    await first.close();
    await first.db.close?.();
    servers.splice(0);

    const second = await serverOn(schema);
    const status = (await call(second.url, 'GET', `/classes/${code}`, teacherKey)).body as { paused: boolean; matches: { matchID: string; round: number }[] };
    expect(status.paused).toBe(true);
    expect(status.matches).toHaveLength(2);
    expect(status.matches.map((m) => m.matchID)).toContain(seatBefore.seat?.matchID);
    await call(second.url, 'POST', `/classes/${code}/resume`, teacherKey, {});
    expect((await call(second.url, 'POST', `/classes/${code}/finish`, teacherKey, {})).body).toMatchObject({ finishing: true, matches: 2 });
    const results = (await call(second.url, 'GET', `/classes/${code}/results.json`, teacherKey)).body as { students: unknown[]; summary: { games: number } };
    expect(results.students).toHaveLength(3);
    expect(results.summary.games).toBe(2);
  });
});
