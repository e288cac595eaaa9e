/**
 * The shared part of several instances, kept in Redis (cluster.ts says what is shared). Every
 * check-and-change is one Lua script, so it is atomic on the Redis server, and every clock is
 * Redis's own (`TIME`), so the instances' clocks need not agree.
 *
 * Keys, all under the deployment's prefix (REDIS_PREFIX):
 * - `rate:<name>:<key>`: a token bucket (hash t, n), expiring once it would be full again;
 * - `count:<name>:<key>`: sockets per instance (hash instance → count); the counts of an
 *   instance whose `instance:<id>` key has expired (it died) are dropped at the next check;
 * - `instance:<id>`: this instance is alive (renewed every 5 s, expires after 15 s);
 * - `lock:<key>`: one instance's step on a match or class (token; expires 2 s after its
 *   instance stops extending it);
 * - `bots:leases` (sorted set match → lease end), `bots:owners` (hash match → instance),
 *   `bots:asleep` (set): the computer seats;
 * - `role:<role>`: the instance that runs the class clock;
 * - channel `events`: a class changed, a match was removed.
 *
 * When Redis cannot be reached, each instance falls back to its own memory for limits and socket
 * counts (they then hold per instance), runs steps without the shared lock (PostgreSQL's version
 * check still decides between two moves), takes no new computer seats and runs no class clock;
 * all of it logged, at most once a minute each.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { type BotLeases, type Cluster, type ClusterEvent, type Counter, type LeaseAnswer, type LeaseEnd, type LeaseMode, type Limiter } from './cluster';
import { KeyedCounter, KeyedRateLimit, type Rate } from './limits';
import { cut, log } from './log';

/** Lua: now in ms, from the Redis server's clock. */
const NOW = `local t = redis.call('TIME'); local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

const SCRIPTS = {
  /** KEYS: bucket. ARGV: per second, burst. 1 when a token was taken. */
  takeToken: {
    keys: 1,
    lua: `${NOW}
local rate, burst = tonumber(ARGV[1]), tonumber(ARGV[2])
local v = redis.call('HMGET', KEYS[1], 't', 'n')
local tokens = burst
if v[1] then tokens = math.min(burst, tonumber(v[2]) + (now - tonumber(v[1])) / 1000 * rate) end
local taken = 0
if tokens >= 1 then tokens = tokens - 1; taken = 1 end
redis.call('HSET', KEYS[1], 't', now, 'n', tostring(tokens))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return taken`,
  },
  /** KEYS: counts. ARGV: this instance, max, instance key prefix. 1 when counted. */
  acquireCount: {
    keys: 1,
    lua: `local me, max, alive = ARGV[1], tonumber(ARGV[2]), ARGV[3]
local fields = redis.call('HGETALL', KEYS[1])
local total = 0
for i = 1, #fields, 2 do
  if fields[i] == me or redis.call('EXISTS', alive .. fields[i]) == 1 then total = total + tonumber(fields[i + 1])
  else redis.call('HDEL', KEYS[1], fields[i]) end
end
if total >= max then return 0 end
redis.call('HINCRBY', KEYS[1], me, 1)
redis.call('PEXPIRE', KEYS[1], 86400000)
return 1`,
  },
  /** KEYS: counts. ARGV: this instance. */
  releaseCount: {
    keys: 1,
    lua: `if redis.call('HINCRBY', KEYS[1], ARGV[1], -1) <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) end
return 1`,
  },
  /** KEYS: lock. ARGV: token. Deletes the lock only if it is still this step's. */
  unlock: {
    keys: 1,
    lua: `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`,
  },
  /** KEYS: lock. ARGV: token, ttl. Extends the lock only if it is still this step's. */
  extendLock: {
    keys: 1,
    lua: `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`,
  },
  /** KEYS: role. ARGV: instance, ttl. 1 when this instance holds the role now. */
  holdRole: {
    keys: 1,
    lua: `local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]); return 1 end
if not holder then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]); return 1 end
return 0`,
  },
  /** KEYS: leases, owners, asleep. ARGV: match, instance, ttl, max, mode. */
  acquireLease: {
    keys: 3,
    lua: `${NOW}
local m, me, ttl, max, mode = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), ARGV[5]
local ends = redis.call('ZSCORE', KEYS[1], m)
if ends and tonumber(ends) > now then
  if redis.call('HGET', KEYS[2], m) == me then redis.call('ZADD', KEYS[1], now + ttl, m); return 'ok' end
  return 'held'
end
if mode == 'wake' and redis.call('SISMEMBER', KEYS[3], m) == 0 then return 'awake' end
if mode == 'resume' and redis.call('SISMEMBER', KEYS[3], m) == 1 then return 'asleep' end
if mode ~= 'uncapped' and not ends and redis.call('ZCARD', KEYS[1]) >= max then
  if mode == 'resume' then redis.call('SADD', KEYS[3], m) end
  return 'full'
end
redis.call('ZADD', KEYS[1], now + ttl, m)
redis.call('HSET', KEYS[2], m, me)
redis.call('SREM', KEYS[3], m)
return 'ok'`,
  },
  /** KEYS: leases, owners, asleep. ARGV: match, instance, end. */
  releaseLease: {
    keys: 3,
    lua: `local m, me, how = ARGV[1], ARGV[2], ARGV[3]
if redis.call('HGET', KEYS[2], m) == me then
  if how == 'handOff' then redis.call('ZADD', KEYS[1], 0, m)
  else redis.call('ZREM', KEYS[1], m); redis.call('HDEL', KEYS[2], m) end
end
-- Asleep only if no instance holds it (a computer woken elsewhere is not marked again).
if how == 'asleep' and not redis.call('ZSCORE', KEYS[1], m) then redis.call('SADD', KEYS[3], m) end
if how == 'done' then redis.call('SREM', KEYS[3], m) end
return 1`,
  },
  /** KEYS: leases, owners. ARGV: instance, ttl, matches... Returns the matches another instance holds now. */
  renewLeases: {
    keys: 2,
    lua: `${NOW}
local me, ttl, lost = ARGV[1], tonumber(ARGV[2]), {}
for i = 3, #ARGV do
  local m = ARGV[i]
  local owner = redis.call('HGET', KEYS[2], m)
  -- A lease that is nowhere (Redis restarted and kept nothing) is this instance's again.
  if owner == me or (not owner and not redis.call('ZSCORE', KEYS[1], m)) then
    redis.call('ZADD', KEYS[1], now + ttl, m)
    redis.call('HSET', KEYS[2], m, me)
  else table.insert(lost, m) end
end
return lost`,
  },
  /** KEYS: leases, owners. ARGV: instance, ttl, limit. Takes over expired leases. */
  takeOrphans: {
    keys: 2,
    lua: `${NOW}
local me, ttl = ARGV[1], tonumber(ARGV[2])
local found = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[3]))
for _, m in ipairs(found) do
  redis.call('ZADD', KEYS[1], now + ttl, m)
  redis.call('HSET', KEYS[2], m, me)
end
return found`,
  },
} as const;

type ScriptName = keyof typeof SCRIPTS;

/**
 * A step's lock lasts this long and is extended every third of it while the step runs, so that
 * the lock of an instance that died mid-step holds its match up for at most this long.
 */
const LOCK_MS = 2_000;
/** The longest a step waits for another instance's step under the same key. */
const LOCK_WAIT_MS = 15_000;
/** This instance's liveness key: renewed every HEARTBEAT_MS, gone ALIVE_MS after its last renewal. */
const ALIVE_MS = 15_000;
const HEARTBEAT_MS = 5_000;

/** An error's message, short enough for a log line. */
const reason = (error: unknown) => cut(error instanceof Error ? error.message : String(error), 200);

/** Another instance held a step's key for longer than LOCK_WAIT_MS: the step is not run. */
class LockWaitError extends Error {}

/** Keys carry what a client sent (an address, a match id): bounded, so a long one cannot bloat Redis. */
const keyPart = (value: string) => cut(value, 120);

export interface RedisClusterOptions {
  url: string;
  /** REDIS_PREFIX: every key and channel of the deployment starts with it. */
  prefix: string;
  /** The liveness heartbeat and how long the key outlives it (tests shorten them). */
  heartbeatMs?: number;
  aliveMs?: number;
}

export class RedisCluster implements Cluster {
  readonly shared = true;
  readonly id = randomBytes(9).toString('base64url');
  private readonly prefix: string;
  private readonly redis: Redis;
  private readonly subscriber: Redis;
  private readonly listeners = new Set<(event: ClusterEvent) => void>();
  private heartbeat: NodeJS.Timeout | undefined;
  private started = false;
  private readonly heartbeatMs: number;
  private readonly aliveMs: number;
  /** The socket counts this instance added in Redis, per counter: written again should Redis lose them. */
  private readonly counts: { name: string; shared: KeyedCounter }[] = [];
  private readonly resetListeners = new Set<() => void>();
  /** Fall-backs are logged at most once a minute each. */
  private readonly warnings = new KeyedRateLimit({ perSecond: 1 / 60, burst: 1 });

  constructor({ url, prefix, heartbeatMs = HEARTBEAT_MS, aliveMs = ALIVE_MS }: RedisClusterOptions) {
    this.prefix = prefix;
    this.heartbeatMs = heartbeatMs;
    this.aliveMs = aliveMs;
    // Fail fast rather than queue: a step waiting for Redis would hold up a move.
    const options = { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 5000, commandTimeout: 1000, enableOfflineQueue: false };
    this.redis = new Redis(url, options);
    this.subscriber = new Redis(url, { ...options, commandTimeout: undefined, enableOfflineQueue: true });
    for (const [name, script] of Object.entries(SCRIPTS)) this.redis.defineCommand(name, { numberOfKeys: script.keys, lua: script.lua });
    for (const [role, client] of [
      ['cluster', this.redis],
      ['cluster-subscriber', this.subscriber],
    ] as const) {
      client.on('error', (error: Error) => this.warn(`redis-${role}`, 'redis-error', { role, message: cut(error.message, 200) }));
    }
  }

  private key(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }

  /** Where an instance's socket counts for one key are kept. */
  private countKey(name: string, key: string): string {
    return this.key('count', name, keyPart(key));
  }

  private warn(kind: string, event: string, detail: Record<string, unknown>): void {
    if (this.warnings.take(kind)) log('warn', event, detail);
  }

  /** Runs one of the scripts. */
  script<T>(name: ScriptName, keys: readonly string[], args: readonly (string | number)[]): Promise<T> {
    const command = (this.redis as unknown as Record<ScriptName, (...a: (string | number)[]) => Promise<T>>)[name];
    return command.call(this.redis, ...keys, ...args);
  }

  /**
   * Connects and subscribes. Redis out of reach is not fatal: both connections keep trying by
   * themselves, `/readyz` says `redis: "down"` meanwhile, and the fall-backs above apply.
   */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.subscriber.on('message', (channel: string, text: string) => {
      if (channel !== this.key('events')) return;
      const event = readEvent(text, this.id);
      if (!event) return;
      for (const listener of this.listeners) listener(event);
    });
    const unreachable = (kind: string) => (error: unknown) => this.warn(kind, 'redis-unreachable', { message: reason(error) });
    // Queued until connected, and made again after every reconnection.
    this.subscriber.subscribe(this.key('events')).catch(unreachable('subscribe'));
    let first = true;
    // The key's old value says whether Redis still knew this instance: if not (Redis restarted, or
    // this instance was cut off longer than aliveMs), what this instance holds is written again.
    const alive = async () => {
      const before = await this.redis.call('SET', this.key('instance', this.id), '1', 'PX', String(this.aliveMs), 'GET');
      if (before === null && !first) await this.reassert();
      first = false;
    };
    await this.redis.connect().catch(unreachable('connect'));
    await alive().catch(unreachable('alive'));
    this.heartbeat = setInterval(() => void alive().catch(unreachable('alive')), this.heartbeatMs);
    this.heartbeat.unref();
  }

  /** Redis had forgotten this instance: its socket counts are written again, and the listeners told (the computers' sleep marks). */
  private async reassert(): Promise<void> {
    log('warn', 'redis-forgot-instance', { message: 'Redis no longer knew this instance (restarted, or out of reach for a while): its socket counts and computer seats are written again' });
    const batch = this.redis.multi();
    for (const { name, shared } of this.counts) {
      for (const [key, count] of shared.entries()) {
        batch.hset(this.countKey(name, key), this.id, count);
        batch.pexpire(this.countKey(name, key), 86_400_000);
      }
    }
    await batch.exec();
    for (const listener of this.resetListeners) listener();
  }

  onReset(listener: () => void): void {
    this.resetListeners.add(listener);
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    // The instance is gone: its socket counts stop counting at once.
    await this.redis.del(this.key('instance', this.id)).catch(() => undefined);
    await Promise.allSettled([this.subscriber.quit(), this.redis.quit()]);
  }

  limiter(name: string, rate: Rate): Limiter {
    const fallback = new KeyedRateLimit(rate);
    return {
      take: async (key) => {
        try {
          return (await this.script<number>('takeToken', [this.key('rate', name, keyPart(key))], [rate.perSecond, rate.burst])) === 1;
        } catch (error) {
          this.warn(`rate:${name}`, 'shared-limit-unavailable', { limit: name, message: reason(error) });
          return fallback.take(key);
        }
      },
    };
  }

  counter(name: string, max: number): Counter {
    const mine = new KeyedCounter(Number.MAX_SAFE_INTEGER);
    /** Keys whose count this instance added in Redis (not in the fall-back), per key. */
    const shared = new KeyedCounter(Number.MAX_SAFE_INTEGER);
    const fallback = new KeyedCounter(max);
    this.counts.push({ name, shared });
    return {
      acquire: async (key) => {
        try {
          const counted = (await this.script<number>('acquireCount', [this.countKey(name, key)], [this.id, max, this.key('instance', '')])) === 1;
          if (counted) {
            mine.acquire(key);
            shared.acquire(key);
          }
          return counted;
        } catch (error) {
          this.warn(`count:${name}`, 'shared-limit-unavailable', { limit: name, message: reason(error) });
          if (!fallback.acquire(key)) return false;
          mine.acquire(key);
          return true;
        }
      },
      release: (key) => {
        mine.release(key);
        if (shared.count(key) > 0) {
          shared.release(key);
          this.script('releaseCount', [this.countKey(name, key)], [this.id]).catch(() => undefined);
        } else fallback.release(key);
      },
      get size() {
        return mine.size;
      },
    };
  }

  async exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
    const lock = this.key('lock', keyPart(key));
    const token = randomBytes(9).toString('base64url');
    const deadline = Date.now() + LOCK_WAIT_MS;
    let wait = 2;
    try {
      for (;;) {
        if ((await this.redis.set(lock, token, 'PX', LOCK_MS, 'NX')) === 'OK') break;
        if (Date.now() > deadline) throw new LockWaitError(`Another instance held ${cut(key, 40)} for more than ${LOCK_WAIT_MS} ms.`);
        await new Promise((resolve) => setTimeout(resolve, wait));
        wait = Math.min(50, wait * 2);
      }
    } catch (error) {
      if (error instanceof LockWaitError) throw error;
      // Redis is out of reach: this instance's queue still orders its own steps.
      this.warn('lock', 'shared-lock-unavailable', { message: reason(error) });
      return work();
    }
    const extend = setInterval(() => void this.script('extendLock', [lock], [token, LOCK_MS]).catch(() => undefined), LOCK_MS / 3);
    try {
      return await work();
    } finally {
      clearInterval(extend);
      await this.script('unlock', [lock], [token]).catch(() => undefined);
    }
  }

  bots(max: number, leaseMs: number): BotLeases {
    const keys = [this.key('bots', 'leases'), this.key('bots', 'owners'), this.key('bots', 'asleep')];
    const held = new Set<string>();
    return {
      acquire: async (matchID: string, mode: LeaseMode) => {
        const answer = await this.script<LeaseAnswer>('acquireLease', keys, [matchID, this.id, leaseMs, max, mode]);
        if (answer === 'ok') held.add(matchID);
        return answer;
      },
      release: async (matchID: string, end: LeaseEnd) => {
        held.delete(matchID);
        await this.script('releaseLease', keys, [matchID, this.id, end]);
      },
      renew: async (matchIDs) => {
        if (matchIDs.length === 0) return [];
        const lost = await this.script<string[]>('renewLeases', keys.slice(0, 2), [this.id, leaseMs, ...matchIDs]);
        for (const matchID of lost) held.delete(matchID);
        return lost;
      },
      orphans: async (limit) => {
        const taken = await this.script<string[]>('takeOrphans', keys.slice(0, 2), [this.id, leaseMs, limit]);
        for (const matchID of taken) held.add(matchID);
        return taken;
      },
      owns: (matchID) => held.has(matchID),
    };
  }

  async holdRole(role: string, ttlMs: number): Promise<boolean> {
    try {
      return (await this.script<number>('holdRole', [this.key('role', role)], [this.id, ttlMs])) === 1;
    } catch (error) {
      this.warn(`role:${role}`, 'shared-role-unavailable', { role, message: reason(error) });
      return false;
    }
  }

  publish(event: ClusterEvent): void {
    this.redis.publish(this.key('events'), JSON.stringify({ origin: this.id, ...event })).catch((error: unknown) => {
      this.warn('publish', 'cluster-publish-failed', { message: reason(error) });
    });
  }

  onEvent(listener: (event: ClusterEvent) => void): void {
    this.listeners.add(listener);
  }
}

/** An event from another instance, or null for this instance's own or anything unreadable. */
function readEvent(text: string, self: string): ClusterEvent | null {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    if (value.origin === self || typeof value.origin !== 'string') return null;
    if (value.kind === 'class' && typeof value.code === 'string') return { kind: 'class', code: value.code };
    if (value.kind === 'matchGone' && typeof value.matchID === 'string') return { kind: 'matchGone', matchID: value.matchID };
  } catch {
    // Not JSON: not ours.
  }
  return null;
}
