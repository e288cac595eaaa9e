/**
 * What the instances of one deployment share (issue 15): rate limits, the per-address socket
 * counts, one-at-a-time steps on a match or a class, the computer seats and their cap, the
 * class clock, and word of a changed class. One instance (no REDIS_URL) keeps them in its own
 * memory (`LocalCluster`, below); several keep them in Redis (`RedisCluster`, redisCluster.ts),
 * behind the same interfaces, so the code that uses them does not know how many instances run.
 */
import { randomBytes } from 'node:crypto';
import { KeyedCounter, KeyedRateLimit, type Rate } from './limits';

/** A rate limit kept per key (a client address, a match). */
export interface Limiter {
  /** Takes a token from `key`'s bucket; false when it is empty. */
  take(key: string): Promise<boolean>;
}

/** Things held per key (open sockets per address), at most `max` over all instances. */
export interface Counter {
  /** Counts one more for `key`; false (and nothing counted) when all instances together already hold `max`. */
  acquire(key: string): Promise<boolean>;
  release(key: string): void;
  /** Keys this instance holds at least one of. */
  readonly size: number;
}

/**
 * What an instance asks for when it wants to run a match's computer:
 * - `capped`: a new computer (the cap applies);
 * - `uncapped`: a place the caller has already reserved under another key (a class's hold);
 * - `wake`: only if the computer stepped away (asleep), within the cap;
 * - `resume`: at start-up, unless another instance runs it or it is asleep; when the cap is
 *   reached it is marked asleep (its person wakes it).
 */
export type LeaseMode = 'capped' | 'uncapped' | 'wake' | 'resume';
/** ok: this instance runs it now; held: another does; full: the cap; asleep / awake: not for this mode. */
export type LeaseAnswer = 'ok' | 'held' | 'full' | 'asleep' | 'awake';
/** done: the computer has finished for good; asleep: it stepped away; handOff: another instance should take it over. */
export type LeaseEnd = 'done' | 'asleep' | 'handOff';

/**
 * The computer seats: each run by exactly one instance, which holds its lease and renews it on
 * a heartbeat; a lease not renewed in time (its instance died, or handed it off while shutting
 * down) is an orphan, taken over by the next instance that asks. Live leases, orphans included,
 * count against the cap.
 */
export interface BotLeases {
  acquire(matchID: string, mode: LeaseMode): Promise<LeaseAnswer>;
  release(matchID: string, end: LeaseEnd): Promise<void>;
  /** Renews this instance's leases; resolves with those it no longer holds. */
  renew(matchIDs: readonly string[]): Promise<string[]>;
  /** Takes over at most `limit` orphans; resolves with their matches. */
  orphans(limit: number): Promise<string[]>;
  /** Whether this instance holds the lease (known without asking anyone). */
  owns(matchID: string): boolean;
}

/** A change worth telling the other instances about: a class changed, or a match was removed (its computer stops wherever it runs). */
export type ClusterEvent = { kind: 'class'; code: string } | { kind: 'matchGone'; matchID: string };

export interface Cluster {
  /** Whether other instances may share this one's matches (false: one instance, all in memory). */
  readonly shared: boolean;
  readonly id: string;
  /** A rate limit, the same bucket for a key on every instance; `name` keeps limits apart. */
  limiter(name: string, rate: Rate): Limiter;
  counter(name: string, max: number): Counter;
  /** Runs `work` while no other instance runs work under the same key (the local queue orders this instance's own). */
  exclusive<T>(key: string, work: () => Promise<T>): Promise<T>;
  bots(max: number, leaseMs: number): BotLeases;
  /** Whether this instance holds the named role now (the class clock), taking or renewing it for `ttlMs`. */
  holdRole(role: string, ttlMs: number): Promise<boolean>;
  publish(event: ClusterEvent): void;
  /** Events from the other instances (never this one's own). */
  onEvent(listener: (event: ClusterEvent) => void): void;
  /** Told when the shared store had forgotten this instance (Redis restarted): write again what only this instance knows. */
  onReset(listener: () => void): void;
  start(): Promise<void>;
  close(): Promise<void>;
}

class LocalLimiter implements Limiter {
  private readonly buckets: KeyedRateLimit;

  constructor(rate: Rate) {
    this.buckets = new KeyedRateLimit(rate);
  }

  take(key: string): Promise<boolean> {
    return Promise.resolve(this.buckets.take(key));
  }
}

class LocalCounter implements Counter {
  private readonly counts: KeyedCounter;

  constructor(max: number) {
    this.counts = new KeyedCounter(max);
  }

  acquire(key: string): Promise<boolean> {
    return Promise.resolve(this.counts.acquire(key));
  }

  release(key: string): void {
    this.counts.release(key);
  }

  get size(): number {
    return this.counts.size;
  }
}

/** One instance's computer seats: the same rules as the shared ones, in memory (no lease ever expires). */
export class LocalBotLeases implements BotLeases {
  private readonly held = new Set<string>();
  private readonly asleep = new Set<string>();

  constructor(private readonly max: number) {}

  acquire(matchID: string, mode: LeaseMode): Promise<LeaseAnswer> {
    return Promise.resolve(this.acquireNow(matchID, mode));
  }

  private acquireNow(matchID: string, mode: LeaseMode): LeaseAnswer {
    if (this.held.has(matchID)) return 'ok';
    if (mode === 'wake' && !this.asleep.has(matchID)) return 'awake';
    if (mode === 'resume' && this.asleep.has(matchID)) return 'asleep';
    if (mode !== 'uncapped' && this.held.size >= this.max) {
      if (mode === 'resume') this.asleep.add(matchID);
      return 'full';
    }
    this.held.add(matchID);
    this.asleep.delete(matchID);
    return 'ok';
  }

  release(matchID: string, end: LeaseEnd): Promise<void> {
    this.held.delete(matchID);
    if (end === 'asleep') this.asleep.add(matchID);
    if (end === 'done') this.asleep.delete(matchID);
    return Promise.resolve();
  }

  renew(): Promise<string[]> {
    return Promise.resolve([]);
  }

  orphans(): Promise<string[]> {
    return Promise.resolve([]);
  }

  owns(matchID: string): boolean {
    return this.held.has(matchID);
  }
}

/** One instance alone: everything in its own memory, exactly as before there were several. */
export class LocalCluster implements Cluster {
  readonly shared: boolean = false;
  readonly id = randomBytes(9).toString('base64url');

  limiter(_name: string, rate: Rate): Limiter {
    return new LocalLimiter(rate);
  }

  counter(_name: string, max: number): Counter {
    return new LocalCounter(max);
  }

  exclusive<T>(_key: string, work: () => Promise<T>): Promise<T> {
    return work();
  }

  bots(max: number): BotLeases {
    return new LocalBotLeases(max);
  }

  holdRole(): Promise<boolean> {
    return Promise.resolve(true);
  }

  publish(): void {}

  onEvent(): void {}

  onReset(): void {}

  start(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** A limiter in this instance's memory (the lobby's and the classroom API's default). */
export const localLimiter = (_name: string, rate: Rate): Limiter => new LocalLimiter(rate);
