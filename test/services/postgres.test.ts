/**
 * PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test): the store
 * contract, what only PostgreSQL does (a table from the previous version, quarantine into a
 * table, listings in one query), then the persistence suite (restart, SIGKILL). Every test
 * works in a schema with a random name, created by the store and dropped at the end.
 * Run with `npm run test:services`.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storedMatchesReader } from '../../src/server/classes/status';
import { PostgresStore } from '../../src/server/storage/postgresStore';
import { persistenceSuite } from '../helpers/persistence';
import { metadata, quarantineLines, state, storeContract } from '../helpers/storeContract';

const URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const randomSchema = () => `de_risk_test_${randomBytes(6).toString('hex')}`;

async function sql<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: URL });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const dropSchema = (schema: string) => sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
const schemaExists = async (schema: string) => (await sql('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema])).length === 1;

/** Inserts a row as it is, past the store's checks (as an earlier version or a hand edit could). */
function plantRow(schema: string, matchID: string, record: { metadata?: unknown; state?: unknown; initialState?: unknown; log?: unknown }) {
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  return sql(`INSERT INTO "${schema}".de_risk_matches (id, game_name, state, initial_state, metadata, log, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 0)`, [
    matchID,
    (record.metadata as { gameName?: unknown } | undefined)?.gameName ?? '',
    json(record.state),
    json(record.initialState),
    json(record.metadata ?? {}),
    json(record.log ?? []),
  ]);
}

storeContract(
  'PostgresStore',
  async () => {
    const schema = randomSchema();
    return {
      open: () => new PostgresStore(URL, schema),
      plant: async (matchID, record) => {
        await plantRow(schema, matchID, record as Parameters<typeof plantRow>[2]);
      },
      quarantined: async () => (await sql<{ id: string }>(`SELECT id FROM "${schema}".de_risk_quarantine`)).map((r) => r.id),
      dispose: async () => {
        await dropSchema(schema);
        expect(await schemaExists(schema)).toBe(false);
      },
    };
  },
  { durable: true, revisions: true },
);

describe('PostgresStore', () => {
  const schemas: string[] = [];
  const stores: PostgresStore[] = [];
  const fresh = () => {
    const schema = randomSchema();
    schemas.push(schema);
    return schema;
  };
  const open = (schema: string) => {
    const store = new PostgresStore(URL, schema);
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    for (const schema of schemas.splice(0)) await dropSchema(schema);
  });

  it('connect() creates its schema; a second connect is harmless; a bad schema name is refused', async () => {
    const schema = fresh();
    await open(schema).connect();
    expect(await schemaExists(schema)).toBe(true);
    await open(schema).connect();
    expect(() => new PostgresStore(URL, 'bad"; DROP TABLE x; --')).toThrow(/Invalid schema/);
  });

  it('starts on a table made by the previous version, quarantining the match data its upsert made up', async () => {
    const schema = fresh();
    await sql(`CREATE SCHEMA "${schema}"`);
    // The previous version's table, exactly.
    await sql(`CREATE TABLE "${schema}".de_risk_matches (
      id text PRIMARY KEY, game_name text NOT NULL, state jsonb, initial_state jsonb, metadata jsonb NOT NULL,
      log jsonb NOT NULL DEFAULT '[]'::jsonb, updated_at bigint NOT NULL, gameover boolean NOT NULL DEFAULT false)`);
    await plantRow(schema, 'KEPTONE', { metadata: metadata(1000), state: state(3), initialState: state(0) });
    // What its setState upsert left when a move arrived for a wiped match.
    await plantRow(schema, 'REBORN1', { metadata: {}, state: state(4) });
    await plantRow(schema, 'SCALAR1', { metadata: metadata(1000), state: 'not a state' });
    const store = open(schema);
    const lines = await quarantineLines(() => store.connect());
    expect(lines.map((l) => l.file).sort()).toEqual([expect.stringContaining('REBORN1'), expect.stringContaining('SCALAR1')]);
    expect(await store.listMatches()).toEqual(['KEPTONE']);
    expect(await store.fetch('KEPTONE', { state: true, metadata: true })).toEqual({ state: state(3), metadata: metadata(1000) });
    const quarantined = await sql<{ id: string; reason: string; row: { metadata: unknown; state: unknown } }>(`SELECT id, reason, row FROM "${schema}".de_risk_quarantine ORDER BY id`);
    expect(quarantined.map((q) => [q.id, q.row.state])).toEqual([
      ['REBORN1', state(4)],
      ['SCALAR1', 'not a state'],
    ]);
    expect(quarantined[0]?.reason).toMatch(/metadata/);
    const indexes = await sql<{ indexname: string }>('SELECT indexname FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname', [schema]);
    expect(indexes.map((i) => i.indexname)).toContain('de_risk_matches_listing');
  });

  it('a class of 20 matches read again: one revisions query, and only the match changed on another instance is read (figures printed)', async () => {
    const schema = fresh();
    const here = open(schema);
    const there = open(schema);
    await here.connect();
    await there.connect();
    const ids = Array.from({ length: 20 }, (_, n) => `CLASS${String(n).padStart(3, '0')}`);
    for (const id of ids) await here.createMatch(id, { initialState: state(0), metadata: metadata(1000) });
    const fetch = vi.spyOn(here, 'fetch');
    const read = storedMatchesReader(here);
    const timed = async () => {
      const started = performance.now();
      const result = await read(ids);
      return { result, ms: performance.now() - started };
    };
    const first = await timed();
    expect(fetch).toHaveBeenCalledTimes(20);
    const quiet = await timed();
    expect(fetch).toHaveBeenCalledTimes(20);
    // A move on the other instance: this one's reader sees it, reading that match alone.
    await there.setState('CLASS007', state(1, 'moved elsewhere'));
    const changed = await timed();
    expect(fetch).toHaveBeenCalledTimes(21);
    expect(fetch).toHaveBeenLastCalledWith('CLASS007', { state: true, metadata: true });
    expect(changed.result.get('CLASS007')?.state).toEqual(state(1, 'moved elsewhere'));
    expect(changed.result.get('CLASS001')).toBe(first.result.get('CLASS001'));
    await there.wipe('CLASS019');
    expect((await read(ids)).get('CLASS019')).toEqual({});
    console.log(`a class of 20 matches: first read ${first.ms.toFixed(1)} ms (20 reads), nothing changed ${quiet.ms.toFixed(1)} ms (1 query), one changed ${changed.ms.toFixed(1)} ms (2 queries)`);
  });

  it('listMatchData answers in one query, newest first, also with 2,260 matches (times printed)', async () => {
    const schema = fresh();
    const store = open(schema);
    await store.connect();
    const count = 2260;
    // Every third match unlisted, every fifth finished, states of a realistic size.
    await sql(
      `INSERT INTO "${schema}".de_risk_matches (id, game_name, state, initial_state, metadata, updated_at, gameover)
       SELECT 'M' || i, 'de-risk', $1::jsonb, $1::jsonb,
         $2::jsonb || jsonb_build_object('unlisted', i % 3 = 0, 'createdAt', i, 'updatedAt', i)
           || CASE WHEN i % 5 = 0 THEN '{"gameover": {"winner": "0"}}'::jsonb ELSE '{}'::jsonb END,
         i, i % 5 = 0
       FROM generate_series(1, ${count}) AS i`,
      [JSON.stringify({ ...state(0), G: { filler: 'x'.repeat(3000) } }), JSON.stringify(metadata(0))],
    );
    const calls: string[] = [];
    const query = store.pool.query.bind(store.pool);
    store.pool.query = ((...args: Parameters<typeof query>) => {
      calls.push(args[0]);
      return query(...args);
    }) as typeof store.pool.query;

    const timed = async <T>(body: () => Promise<T>): Promise<[T, number]> => {
      const start = performance.now();
      const result = await body();
      return [result, performance.now() - start];
    };
    // What boardgame.io's lobby listing does: the ids, then one fetch per match.
    const [, perMatch] = await timed(async () => {
      for (const id of await store.listMatches({ gameName: 'de-risk', where: { isGameover: false } })) await store.fetch(id, { metadata: true });
    });
    calls.length = 0;
    const [open50, first] = await timed(() => store.listMatchData({ gameName: 'de-risk', isGameover: false, listedOnly: true, limit: 50 }));
    expect(calls).toHaveLength(1);
    const [all, whole] = await timed(() => store.listMatchData({ gameName: 'de-risk', isGameover: false, listedOnly: true, limit: 10_000 }));
    expect(calls).toHaveLength(2);
    console.log(
      `listing ${count} matches: one query per match ${perMatch.toFixed(1)} ms; listMatchData ${first.toFixed(1)} ms (50 newest open listed), ${whole.toFixed(1)} ms (all ${all.length})`,
    );
    const expected = Array.from({ length: count }, (_, k) => count - k).filter((i) => i % 3 !== 0 && i % 5 !== 0);
    expect(all.map((m) => m.matchID)).toEqual(expected.map((i) => `M${i}`));
    expect(open50.map((m) => m.matchID)).toEqual(expected.slice(0, 50).map((i) => `M${i}`));
    expect(open50.every((m) => m.metadata.unlisted === false && m.metadata.gameover === undefined)).toBe(true);
    const plan = await sql<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT id, metadata FROM "${schema}".de_risk_matches WHERE game_name = 'de-risk' AND gameover = false ORDER BY updated_at DESC, id LIMIT 50`,
    );
    console.log(plan.map((p) => p['QUERY PLAN']).join('\n'));
  });
});

persistenceSuite('PostgreSQL', async () => {
  const schema = randomSchema();
  return {
    open: async () => {
      const db = new PostgresStore(URL, schema);
      return { db, close: () => db.close() };
    },
    childEnv: { DATABASE_URL: URL, DATABASE_SCHEMA: schema },
    dispose: async () => {
      await dropSchema(schema);
      expect(await schemaExists(schema)).toBe(false);
    },
  };
});
