/**
 * Two server instances on one PostgreSQL database (issue 15, first increment): of two moves made
 * on the same state from two instances, exactly one is stored; the other is refused as stale and
 * its sender re-synced to the stored state, whatever each process holds in memory. Each run works
 * in its own schema, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../src/server/storage/postgresStore';
import { StaleStateError } from '../../src/server/storage/types';
import { closeAllSockets, connectSocket, createSeatedMatch, move, startTestServer, stateOf, syncAndWait, type TestServer } from '../helpers/server';
import { DATABASE_URL, dropSchema } from '../helpers/pgSchema';

process.env.LOG_LEVEL = 'silent';
const schema = `de_risk_instances_${randomBytes(6).toString('hex')}`;
const stores: PostgresStore[] = [];
const servers: TestServer[] = [];

beforeAll(async () => {
  for (let i = 0; i < 2; i += 1) {
    // Each instance has its own store and pool, as separate processes would.
    const store = new PostgresStore(DATABASE_URL, schema);
    await store.connect();
    stores.push(store);
    servers.push(await startTestServer({ db: store }));
  }
});

afterAll(async () => {
  closeAllSockets();
  for (const server of servers) await server.close();
  for (const store of stores) await store.close();
  await dropSchema(schema);
});

describe('two instances on one database', () => {
  it('store: of two writes of the same next state, exactly one is stored', async () => {
    const [a, b] = stores as [PostgresStore, PostgresStore];
    const { matchID } = await createSeatedMatch(servers[0]?.url ?? '');
    const { state } = await a.fetch(matchID, { state: true });
    if (!state) throw new Error('no state');
    const next = (tag: string) => ({ ...state, _stateID: state._stateID + 1, G: { ...(state.G as object), tag } });
    const results = await Promise.allSettled([a.setState(matchID, next('a'), []), b.setState(matchID, next('b'), [])]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected');
    expect(lost?.status === 'rejected' && lost.reason instanceof StaleStateError).toBe(true);
    const stored = (await b.fetch(matchID, { state: true })).state as { G: { tag?: string }; _stateID: number };
    expect(stored._stateID).toBe(state._stateID + 1);
    expect(['a', 'b']).toContain(stored.G.tag);
    // An older state never overwrites a newer one.
    await expect(a.setState(matchID, state, [])).rejects.toBeInstanceOf(StaleStateError);
  });

  it('sockets: the same player moves on one state through both instances; one move is stored, the other refused as stale and re-synced', async () => {
    const [one, two] = servers as [TestServer, TestServer];
    const { matchID, credentials } = await createSeatedMatch(one.url);
    const onA = await connectSocket(one.url);
    const onB = await connectSocket(two.url);
    const synced = await syncAndWait(onA, matchID, '0', credentials['0']);
    await syncAndWait(onB, matchID, '0', credentials['0']);
    const stateID = synced.state._stateID;
    const fromA = onA.frames.length;
    const fromB = onB.frames.length;
    // Two different plays on the same state, one through each instance, at once.
    move(onA, matchID, '0', credentials['0'], stateID, 'act', 'raiseTariffs');
    move(onB, matchID, '0', credentials['0'], stateID, 'pass');
    const answers = await Promise.all(
      [
        [onA, fromA],
        [onB, fromB],
      ].map(([socket, from]) =>
        Promise.race([
          (socket as typeof onA).waitFor('refused', (id) => id === matchID, 5000, from as number).then(() => 'refused' as const),
          (socket as typeof onA).waitFor('update', (id, state) => id === matchID && (state as { _stateID: number })._stateID === stateID + 1, 5000, from as number).then(() => 'updated' as const),
        ]),
      ),
    );
    // Exactly one instance took its move; the other refused its own as stale.
    expect([...answers].sort()).toEqual(['refused', 'updated']);
    const refusedOn = answers[0] === 'refused' ? onA : onB;
    const refusal = refusedOn.frames.slice(answers[0] === 'refused' ? fromA : fromB).find((f) => f[0] === 'refused');
    expect(refusal?.[2]).toEqual({ code: 'stale' });
    // Its sender is re-synced to the stored state: one move further, the winner's.
    const resync = await refusedOn.waitFor('sync', (id) => id === matchID, 5000, answers[0] === 'refused' ? fromA : fromB);
    const stored = await (stores[0] as PostgresStore).fetch(matchID, { state: true, log: true });
    expect(stateOf(resync)?._stateID).toBe(stateID + 1);
    expect(stored.state?._stateID).toBe(stateID + 1);
    // Only the winner's move is in the log.
    expect(stored.log?.filter((e) => e.action.type === 'MAKE_MOVE')).toHaveLength(1);
  });
});
