/**
 * What several instances share through Redis (issue 15, redisCluster.ts), checked against the
 * real Redis on 127.0.0.1:6379 with three "instances" (three RedisClusters on one prefix, made
 * for this run and removed after): a rate limit is one bucket for all of them; the socket cap
 * holds over all of them, and a dead instance's sockets stop counting; a step under one key runs
 * on one instance at a time; each computer seat has one lease, under one cap, and a lease that
 * is handed off or runs out is taken over by exactly one other instance; the class clock has one
 * holder; class events reach the others and not their sender. Then two servers on one prefix:
 * an address's sockets and lobby requests are counted over both, and a match given up on one
 * stops its computer on the other.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { ClusterEvent } from '../../src/server/cluster';
import { RedisCluster } from '../../src/server/redisCluster';
import { MemoryStore } from '../../src/server/storage/memoryStore';
import { PostgresStore } from '../../src/server/storage/postgresStore';
import { matchWithBot } from '../helpers/botMatch';
import { DATABASE_URL, dropSchema } from '../helpers/pgSchema';
import { TOO_MANY_SOCKETS } from '../../src/server/transport';
import { closeAllSockets, connectSocket, lobby, startTestServer, type TestServer } from '../helpers/server';

process.env.LOG_LEVEL = 'silent';
const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const run = randomBytes(6).toString('hex');
let made: RedisCluster[] = [];

/** `n` instances on one prefix of this run. */
async function instances(n: number, name: string): Promise<RedisCluster[]> {
  const group = Array.from({ length: n }, () => new RedisCluster({ url: REDIS, prefix: `de-risk-test-${run}-${name}` }));
  made.push(...group);
  await Promise.all(group.map((c) => c.start()));
  return group;
}

afterEach(async () => {
  await Promise.all(made.map((c) => c.close()));
  made = [];
});

afterAll(async () => {
  const redis = new Redis(REDIS);
  try {
    const left = await redis.keys(`de-risk-test-${run}*`);
    if (left.length > 0) await redis.del(...left);
  } finally {
    await redis.quit();
  }
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('shared rate limits', () => {
  it('are one bucket per key over all instances, and keys and limits are kept apart', async () => {
    const [a, b, c] = (await instances(3, 'rate')) as [RedisCluster, RedisCluster, RedisCluster];
    const rate = { perSecond: 0.001, burst: 6 };
    const limits = [a.limiter('create', rate), b.limiter('create', rate), c.limiter('create', rate)];
    const taken: boolean[] = [];
    for (let i = 0; i < 9; i += 1) taken.push(await (limits[i % 3] as (typeof limits)[number]).take('203.0.113.9'));
    expect(taken).toEqual([true, true, true, true, true, true, false, false, false]);
    // Another address, and another limit for the same address, have buckets of their own.
    expect(await b.limiter('create', rate).take('203.0.113.10')).toBe(true);
    expect(await c.limiter('bot', rate).take('203.0.113.9')).toBe(true);
  });

  it('refill at their rate', async () => {
    const [a, b] = (await instances(2, 'refill')) as [RedisCluster, RedisCluster];
    const rate = { perSecond: 20, burst: 2 };
    expect([await a.limiter('x', rate).take('k'), await b.limiter('x', rate).take('k'), await a.limiter('x', rate).take('k')]).toEqual([true, true, false]);
    await sleep(120);
    expect(await b.limiter('x', rate).take('k')).toBe(true);
  });

  it('take prototype keys and odd addresses as plain keys', async () => {
    const [a, b] = (await instances(2, 'odd')) as [RedisCluster, RedisCluster];
    const rate = { perSecond: 0.001, burst: 1 };
    for (const key of ['__proto__', 'constructor', 'a:b:*', 'x'.repeat(5000)]) {
      expect(await a.limiter('odd', rate).take(key)).toBe(true);
      expect(await b.limiter('odd', rate).take(key)).toBe(false);
    }
  });
});

describe('the shared socket cap', () => {
  it('holds over all instances, frees a place on release, and stops counting a dead instance', async () => {
    const [a, b] = (await instances(2, 'sockets')) as [RedisCluster, RedisCluster];
    const [onA, onB] = [a.counter('sockets', 3), b.counter('sockets', 3)];
    expect([await onA.acquire('198.51.100.1'), await onB.acquire('198.51.100.1'), await onA.acquire('198.51.100.1')]).toEqual([true, true, true]);
    expect(await onB.acquire('198.51.100.1')).toBe(false);
    expect(await onB.acquire('198.51.100.2')).toBe(true);
    expect(onA.size).toBe(1);
    onB.release('198.51.100.1');
    await sleep(20);
    expect(await onA.acquire('198.51.100.1')).toBe(true);
    expect(await onB.acquire('198.51.100.1')).toBe(false);
    onA.release('198.51.100.1');
    await sleep(20);
    expect(await onB.acquire('198.51.100.1')).toBe(true);
    // A holds two of the three places and dies: its sockets are gone with it.
    await a.close();
    made = made.filter((c) => c !== a);
    expect(await onB.acquire('198.51.100.1')).toBe(true);
    expect(await onB.acquire('198.51.100.1')).toBe(true);
    expect(await onB.acquire('198.51.100.1')).toBe(false);
  });
});

describe('one step at a time', () => {
  it('never runs two steps under one key at once, on any instance, and runs other keys alongside', async () => {
    const group = await instances(3, 'lock');
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    const step = (cluster: RedisCluster, i: number) =>
      cluster.exclusive('match-1', async () => {
        inside += 1;
        most = Math.max(most, inside);
        await sleep(5);
        order.push(i);
        inside -= 1;
        return i;
      });
    const other = (group[0] as RedisCluster).exclusive('match-2', () => Promise.resolve('other'));
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => step(group[i % 3] as RedisCluster, i)));
    expect(results).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(await other).toBe('other');
    expect(most).toBe(1);
    expect(order).toHaveLength(12);
  });

  it('lets the next step in when one fails', async () => {
    const [a, b] = (await instances(2, 'lockfail')) as [RedisCluster, RedisCluster];
    await expect(a.exclusive('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await b.exclusive('k', () => Promise.resolve('next'))).toBe('next');
  });
});

describe('computer seats', () => {
  it('have one lease each, under one cap over all instances', async () => {
    const [a, b] = (await instances(2, 'cap')) as [RedisCluster, RedisCluster];
    const [onA, onB] = [a.bots(3, 10_000), b.bots(3, 10_000)];
    expect(await onA.acquire('M1', 'capped')).toBe('ok');
    expect(await onB.acquire('M1', 'capped')).toBe('held');
    expect(await onA.acquire('M1', 'capped')).toBe('ok');
    expect(await onB.acquire('M2', 'capped')).toBe('ok');
    expect(await onA.acquire('M3', 'capped')).toBe('ok');
    expect(await onB.acquire('M4', 'capped')).toBe('full');
    // A place reserved under a class's hold goes to the match beyond the cap.
    expect(await onB.acquire('M4', 'uncapped')).toBe('ok');
    expect([onA.owns('M1'), onB.owns('M1'), onB.owns('M4')]).toEqual([true, false, true]);
    await onA.release('M3', 'done');
    await onB.release('M4', 'done');
    expect(await onB.acquire('M5', 'capped')).toBe('ok');
  });

  it('sleep until woken, and are not started at start-up while asleep', async () => {
    const [a, b] = (await instances(2, 'sleep')) as [RedisCluster, RedisCluster];
    const [onA, onB] = [a.bots(1, 10_000), b.bots(1, 10_000)];
    expect(await onB.acquire('M1', 'wake')).toBe('awake');
    await onA.acquire('M1', 'capped');
    await onA.release('M1', 'asleep');
    expect(await onB.acquire('M1', 'resume')).toBe('asleep');
    await onA.acquire('M2', 'capped');
    expect(await onB.acquire('M1', 'wake')).toBe('full');
    await onA.release('M2', 'done');
    expect(await onB.acquire('M1', 'wake')).toBe('ok');
    expect(await onA.acquire('M1', 'wake')).toBe('held');
    // Resumed at start-up while the cap is reached: marked asleep, for its person to wake.
    expect(await onA.acquire('M3', 'resume')).toBe('full');
    await onB.release('M1', 'done');
    expect(await onA.acquire('M3', 'wake')).toBe('ok');
  });

  it('are taken over by exactly one instance when handed off or when their lease runs out', async () => {
    const [a, b, c] = (await instances(3, 'orphans')) as [RedisCluster, RedisCluster, RedisCluster];
    const [onA, onB, onC] = [a.bots(10, 300), b.bots(10, 300), c.bots(10, 300)];
    await onA.acquire('M1', 'capped');
    await onA.acquire('M2', 'capped');
    expect([await onB.orphans(5), await onC.orphans(5)]).toEqual([[], []]);
    // A shuts down and hands M1 off: the first to ask takes it, and A no longer holds it.
    await onA.release('M1', 'handOff');
    const [byB, byC] = await Promise.all([onB.orphans(5), onC.orphans(5)]);
    expect([...byB, ...byC]).toEqual(['M1']);
    // Its new holder plays it to the end.
    await (byB.length === 1 ? onB : onC).release('M1', 'done');
    expect(await onA.renew(['M2'])).toEqual([]);
    // A stops renewing (it died): after the lease, M2 is an orphan taken over once.
    await sleep(450);
    const taken = await Promise.all([onB.orphans(5), onC.orphans(5)]);
    expect(taken.flat()).toEqual(['M2']);
    const taker = taken[0].length === 1 ? onB : onC;
    expect(taker.owns('M2')).toBe(true);
    // A comes back and renews: it has lost both, and stops them.
    expect(await onA.renew(['M2'])).toEqual(['M2']);
    expect(onA.owns('M2')).toBe(false);
    // The taker keeps its lease by renewing it.
    await sleep(200);
    expect(await taker.renew(['M2'])).toEqual([]);
    await sleep(200);
    expect(await onA.orphans(5)).toEqual([]);
  });
});

describe('when Redis forgets everything (restarted, keeping nothing on disk)', () => {
  it('an instance writes its socket counts and computer seats again, and sleep marks survive only where nobody runs the computer', async () => {
    const prefix = `de-risk-test-${run}-reset`;
    const group = [0, 1].map(() => new RedisCluster({ url: REDIS, prefix, heartbeatMs: 50, aliveMs: 200 }));
    made.push(...group);
    await Promise.all(group.map((c) => c.start()));
    const [a, b] = group as [RedisCluster, RedisCluster];
    const resets: string[] = [];
    a.onReset(() => resets.push('a'));
    const counter = a.counter('sockets', 2);
    expect([await counter.acquire('198.51.100.7'), await counter.acquire('198.51.100.7')]).toEqual([true, true]);
    const leases = a.bots(5, 10_000);
    expect(await leases.acquire('M1', 'capped')).toBe('ok');
    const onB = b.bots(5, 10_000);
    await onB.acquire('M2', 'capped');

    // Redis loses every key of the deployment.
    const redis = new Redis(REDIS);
    try {
      const keys = await redis.keys(`${prefix}*`);
      await redis.del(...keys);
    } finally {
      await redis.quit();
    }
    await vi.waitFor(() => expect(resets).toEqual(['a']), { timeout: 2000 });
    // The address still holds its two sockets on a: b may not add a third.
    expect(await b.counter('sockets', 2).acquire('198.51.100.7')).toBe(false);
    // The computer a runs is a's again on its next renewal, not lost; it still counts under the cap.
    expect(await leases.renew(['M1'])).toEqual([]);
    expect(await onB.acquire('M1', 'capped')).toBe('held');
    // A sleep mark is written again only for a computer nobody runs (b runs M2 again after its renewal).
    await onB.renew(['M2']);
    await leases.release('M2', 'asleep');
    await leases.release('M3', 'asleep');
    const check = new Redis(REDIS);
    try {
      expect(await check.smembers(`${prefix}:bots:asleep`)).toEqual(['M3']);
    } finally {
      await check.quit();
    }
    expect(await onB.acquire('M3', 'wake')).toBe('ok');
  });
});

describe('the class clock and class events', () => {
  it('has one holder at a time, taken over when it stops renewing', async () => {
    const [a, b] = (await instances(2, 'role')) as [RedisCluster, RedisCluster];
    expect(await a.holdRole('class-clock', 300)).toBe(true);
    expect(await b.holdRole('class-clock', 300)).toBe(false);
    expect(await a.holdRole('class-clock', 300)).toBe(true);
    await sleep(400);
    expect(await b.holdRole('class-clock', 300)).toBe(true);
    expect(await a.holdRole('class-clock', 300)).toBe(false);
  });

  it('tells the other instances of a changed class, not the sender', async () => {
    const [a, b, c] = (await instances(3, 'events')) as [RedisCluster, RedisCluster, RedisCluster];
    const heard: Record<string, ClusterEvent[]> = { a: [], b: [], c: [] };
    a.onEvent((e) => heard.a?.push(e));
    b.onEvent((e) => heard.b?.push(e));
    c.onEvent((e) => heard.c?.push(e));
    a.publish({ kind: 'class', code: 'ABCDEF' });
    await sleep(150);
    expect(heard).toEqual({ a: [], b: [{ kind: 'class', code: 'ABCDEF' }], c: [{ kind: 'class', code: 'ABCDEF' }] });
  });
});

describe('two servers sharing the limits', () => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    closeAllSockets();
    for (const server of servers.splice(0)) await server.close();
  });

  it('count the sockets and lobby requests of one address over both servers', async () => {
    const clusters = await instances(2, 'servers');
    for (const cluster of clusters) {
      servers.push(
        await startTestServer({
          db: new MemoryStore(),
          server: { cluster, socketsPerAddress: 3, createLimit: { perSecond: 0.001, burst: 3 } },
        }),
      );
    }
    const [a, b] = servers as [TestServer, TestServer];
    const held = [await connectSocket(a.url), await connectSocket(b.url), await connectSocket(a.url)];
    await expect(connectSocket(b.url)).rejects.toThrow(TOO_MANY_SOCKETS);
    await expect(connectSocket(a.url)).rejects.toThrow(TOO_MANY_SOCKETS);
    // One closes on a: a place is free, on either server.
    held[0]?.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await connectSocket(b.url);

    const made = [await lobby(a.url).create(), await lobby(b.url).create(), await lobby(a.url).create(), await lobby(b.url).create()];
    expect(made.map((m) => m.status)).toEqual([200, 200, 200, 429]);
  });
});

describe('two servers on one database', () => {
  const servers: TestServer[] = [];
  const stores: PostgresStore[] = [];
  const schema = `de_risk_cluster_${run}`;
  afterEach(async () => {
    closeAllSockets();
    for (const server of servers.splice(0)) await server.close();
    for (const store of stores.splice(0)) await store.close();
    await dropSchema(schema);
  });

  it('stop a computer on the instance that runs it when its match is given up on the other', async () => {
    const stops: { matchID: string; reason: string }[] = [];
    for (const cluster of await instances(2, 'gone')) {
      const store = new PostgresStore(DATABASE_URL, schema);
      await store.connect();
      stores.push(store);
      servers.push(await startTestServer({ db: store, server: { cluster, bots: { thinkMs: [0, 0], onStop: (matchID, reason) => void stops.push({ matchID, reason }) } } }));
    }
    const [a, b] = servers as [TestServer, TestServer];
    const table = await matchWithBot(a.url, { level: 'easy', persona: 'balanced' });
    expect(a.app.bots.isRunning(table.matchID)).toBe(true);
    // The computer has synced and waits for its person's move: nothing of its own will tell it the match is gone.
    await vi.waitFor(async () => {
      const { body } = await lobby(b.url).get(table.matchID);
      expect((body as { players: { id: number; isConnected?: boolean }[] }).players[Number(table.botID)]?.isConnected).toBe(true);
    });
    expect((await lobby(b.url).leave(table.matchID, { playerID: table.playerID, credentials: table.credentials })).status).toBe(200);
    await vi.waitFor(() => expect(stops).toEqual([{ matchID: table.matchID, reason: 'matchGone' }]), { timeout: 3000 });
    expect(a.app.bots.isRunning(table.matchID)).toBe(false);
    // Its place under the cap is free again: the lease is gone.
    const redis = new Redis(REDIS);
    try {
      expect(await redis.zscore(`de-risk-test-${run}-gone:bots:leases`, table.matchID)).toBeNull();
    } finally {
      await redis.quit();
    }
  });
});
