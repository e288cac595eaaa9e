/**
 * Moves reach every instance (issue 15): three server instances on one PostgreSQL schema and one
 * Redis channel (both namespaced for this run and removed after). Washington plays on the first,
 * Beijing on the second, a spectator watches on the third; a whole quick game is played, each
 * move reaching the other seat and the spectator through Redis, the spectator never seeing a hand,
 * a deck or the seed.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisFanout } from '../../src/server/fanout';
import { PostgresStore } from '../../src/server/storage/postgresStore';
import { closeAllSockets, connectSocket, createSeatedMatch, move, startTestServer, stateOf, syncAndWait, type TestServer, type TestSocket, type WireState } from '../helpers/server';
import { DATABASE_URL, dropSchema } from '../helpers/pgSchema';

process.env.LOG_LEVEL = 'silent';
const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const run = randomBytes(6).toString('hex');
const schema = `de_risk_fanout_${run}`;
const prefix = `de-risk-test-${run}`;
const stores: PostgresStore[] = [];
const fanouts: RedisFanout[] = [];
const servers: TestServer[] = [];

beforeAll(async () => {
  for (let i = 0; i < 3; i += 1) {
    const store = new PostgresStore(DATABASE_URL, schema);
    await store.connect();
    stores.push(store);
    const fanout = new RedisFanout(REDIS, prefix);
    fanouts.push(fanout);
    servers.push(await startTestServer({ db: store, server: { fanout } }));
  }
  // The subscriptions are made as the instances start listening.
  await new Promise((resolve) => setTimeout(resolve, 200));
});

afterAll(async () => {
  closeAllSockets();
  for (const server of servers) await server.close();
  for (const fanout of fanouts) await fanout.close();
  for (const store of stores) await store.close();
  await dropSchema(schema);
  // Pub/sub keeps no keys; check that nothing of this run's was left behind either.
  const redis = new Redis(REDIS);
  try {
    expect(await redis.keys(`${prefix}*`)).toEqual([]);
  } finally {
    await redis.quit();
  }
});

/** The update frame with this state id, once it reaches `socket`. */
const updateOf = async (socket: TestSocket, matchID: string, stateID: number): Promise<WireState> => {
  const frame = await socket.waitFor('update', (id, state) => id === matchID && (state as WireState)._stateID === stateID, 5000, 0);
  const state = stateOf(frame);
  if (!state) throw new Error('an update without a state');
  return state;
};

describe('three instances, one game', () => {
  it('plays a whole quick game with the seats and the spectator on different instances', async () => {
    const [a, b, c] = servers as [TestServer, TestServer, TestServer];
    const { matchID, credentials } = await createSeatedMatch(a.url);
    const washington = await connectSocket(a.url);
    const beijing = await connectSocket(b.url);
    const spectator = await connectSocket(c.url);
    let state = (await syncAndWait(washington, matchID, '0', credentials['0'])).state;
    await syncAndWait(beijing, matchID, '1', credentials['1']);
    await syncAndWait(spectator, matchID, null);

    let moves = 0;
    while (state.ctx.gameover === undefined) {
      expect(moves).toBeLessThan(60);
      const actor = state.ctx.activePlayers ? (Object.keys(state.ctx.activePlayers)[0] as '0' | '1') : (state.ctx.currentPlayer as '0' | '1');
      const [mover, others] = actor === '0' ? [washington, [beijing, spectator]] : [beijing, [washington, spectator]];
      const answering = state.ctx.activePlayers?.[actor] === 'respond';
      move(mover, matchID, actor, credentials[actor], state._stateID, answering ? 'rejectDeal' : 'pass');
      const next = state._stateID + 1;
      // The mover's own instance answers it; the other seat and the spectator hear it through Redis.
      const [own, ...heard] = await Promise.all([updateOf(mover, matchID, next), ...others.map((s) => updateOf(s, matchID, next))]);
      for (const view of heard) expect(view.ctx).toEqual(own.ctx);
      const watched = heard.at(-1) as WireState;
      const sides = watched.G.sides as Record<'us' | 'cn', { hand: unknown[]; deck: unknown[] }>;
      expect([sides.us.hand, sides.us.deck, sides.cn.hand, sides.cn.deck]).toEqual([[], [], [], []]);
      expect(watched.plugins.random?.data).toBeUndefined();
      state = own;
      moves += 1;
    }
    expect(moves).toBeGreaterThan(6);
    const stored = await (stores[2] as PostgresStore).fetch(matchID, { state: true });
    expect(stored.state?._stateID).toBe(state._stateID);
    expect(stored.state?.ctx.gameover).toBeDefined();
  });
});
