/**
 * PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test): the PostgresStore
 * on its own, then the persistence suite (restart, SIGKILL) against it. Every test works in a
 * schema with a random name, created by the store and dropped at the end.
 * Run with `npm run test:services`.
 */
import { randomBytes } from 'node:crypto';
import type { LogEntry, Server, State } from 'boardgame.io';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../src/server/storage/postgresStore';
import { persistenceSuite } from '../helpers/persistence';

const URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const randomSchema = () => `de_risk_test_${randomBytes(6).toString('hex')}`;

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

async function schemaExists(schema: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: URL });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema]);
    return rowCount === 1;
  } finally {
    await client.end();
  }
}

function metadata(gameName: string, updatedAt: number, gameover?: unknown): Server.MatchData {
  return {
    gameName,
    players: { 0: { id: 0, name: 'Ada', credentials: 'secret-0' }, 1: { id: 1 } },
    createdAt: updatedAt,
    updatedAt,
    ...(gameover === undefined ? {} : { gameover }),
  } as Server.MatchData;
}

function state(stateID: number, note: string): State {
  return { G: { note }, ctx: { numPlayers: 2, turn: 1, currentPlayer: '0', playOrder: ['0', '1'], playOrderPos: 0, phase: 'round' }, plugins: {}, _undo: [], _redo: [], _stateID: stateID } as unknown as State;
}

function entry(stateID: number, move: string): LogEntry {
  return { action: { type: 'MAKE_MOVE', payload: { type: move, args: [], playerID: '0' } }, _stateID: stateID, turn: 1, phase: 'round' } as LogEntry;
}

describe('PostgresStore', () => {
  const schema = randomSchema();
  const store = new PostgresStore(URL, schema);

  beforeAll(async () => {
    await store.connect();
  });
  afterAll(async () => {
    await store.close();
    await dropSchema(schema);
    expect(await schemaExists(schema)).toBe(false);
  });

  it('connect() creates its schema; a second connect on the same schema is harmless', async () => {
    expect(await schemaExists(schema)).toBe(true);
    const again = new PostgresStore(URL, schema);
    await again.connect();
    await again.close();
    expect(() => new PostgresStore(URL, 'bad"; DROP TABLE x; --')).toThrow(/Invalid schema/);
  });

  it('createMatch, fetch, setState (the log is appended), setMetadata and wipe', async () => {
    const start = state(0, 'start');
    await store.createMatch('MATCH01', { initialState: start, metadata: metadata('de-risk', 1000) });
    const created = await store.fetch('MATCH01', { state: true, initialState: true, metadata: true, log: true });
    expect(created).toEqual({ state: start, initialState: start, metadata: metadata('de-risk', 1000), log: [] });
    // Only what was asked for comes back.
    expect(await store.fetch('MATCH01', { state: true })).toEqual({ state: start });

    await store.setState('MATCH01', state(1, 'one'), [entry(0, 'act')]);
    await store.setState('MATCH01', state(2, 'two'), [entry(1, 'pass'), entry(1, 'endTurn')]);
    await store.setState('MATCH01', state(3, 'three'));
    const played = await store.fetch('MATCH01', { state: true, initialState: true, log: true });
    expect(played.state).toEqual(state(3, 'three'));
    expect(played.initialState).toEqual(start);
    expect(played.log).toEqual([entry(0, 'act'), entry(1, 'pass'), entry(1, 'endTurn')]);

    await store.setMetadata('MATCH01', metadata('de-risk', 2000, { winner: '0' }));
    expect((await store.fetch('MATCH01', { metadata: true })).metadata).toEqual(metadata('de-risk', 2000, { winner: '0' }));

    await store.wipe('MATCH01');
    expect(await store.fetch('MATCH01', { state: true, metadata: true, log: true, initialState: true })).toEqual({});
    expect(await store.listMatches()).not.toContain('MATCH01');
  });

  it('createMatch refuses an id that exists', async () => {
    await store.createMatch('MATCH02', { initialState: state(0, 'a'), metadata: metadata('de-risk', 1000) });
    await expect(store.createMatch('MATCH02', { initialState: state(0, 'b'), metadata: metadata('de-risk', 1000) })).rejects.toThrow();
    expect((await store.fetch('MATCH02', { state: true })).state).toEqual(state(0, 'a'));
    await store.wipe('MATCH02');
  });

  it('listMatches filters by game, game over and update time', async () => {
    await store.createMatch('LIST_A', { initialState: state(0, 'a'), metadata: metadata('de-risk', 1000) });
    await store.createMatch('LIST_B', { initialState: state(0, 'b'), metadata: metadata('de-risk', 2000) });
    await store.createMatch('LIST_C', { initialState: state(0, 'c'), metadata: metadata('other-game', 3000) });
    await store.setMetadata('LIST_B', metadata('de-risk', 2500, { winner: '1' }));
    const sorted = async (opts?: Parameters<typeof store.listMatches>[0]) => (await store.listMatches(opts)).sort();

    expect(await sorted()).toEqual(['LIST_A', 'LIST_B', 'LIST_C']);
    expect(await sorted({ gameName: 'de-risk' })).toEqual(['LIST_A', 'LIST_B']);
    expect(await sorted({ gameName: 'nope' })).toEqual([]);
    expect(await sorted({ where: { isGameover: true } })).toEqual(['LIST_B']);
    expect(await sorted({ where: { isGameover: false } })).toEqual(['LIST_A', 'LIST_C']);
    expect(await sorted({ where: { updatedBefore: 2500 } })).toEqual(['LIST_A']);
    expect(await sorted({ where: { updatedAfter: 2500 } })).toEqual(['LIST_C']);
    expect(await sorted({ gameName: 'de-risk', where: { isGameover: false, updatedAfter: 500, updatedBefore: 5000 } })).toEqual(['LIST_A']);
    for (const id of ['LIST_A', 'LIST_B', 'LIST_C']) await store.wipe(id);
    expect(await sorted()).toEqual([]);
  });
});

persistenceSuite('PostgreSQL', async () => {
  const schema = randomSchema();
  return {
    open: async () => {
      const db = new PostgresStore(URL, schema);
      let closed = false;
      return {
        db,
        close: async () => {
          if (closed) return;
          closed = true;
          await db.close();
        },
      };
    },
    childEnv: { DATABASE_URL: URL, DATABASE_SCHEMA: schema },
    dispose: async () => {
      await dropSchema(schema);
      expect(await schemaExists(schema)).toBe(false);
    },
  };
});
