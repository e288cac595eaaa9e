/**
 * Rate limits: token buckets, alone (one socket's messages) or kept per key (a client address,
 * a match, a seat) in a map of bounded size that forgets the least recently used key first,
 * so that a stream of new keys (spoofed matches, many addresses) cannot grow the server.
 */

export interface Rate {
  /** Tokens added back per second. */
  perSecond: number;
  /** Tokens at most: how many at once. */
  burst: number;
}

/** A token bucket: `burst` at once, refilled at `perSecond`. */
export class RateLimit {
  private tokens: number;
  private last = Date.now();

  constructor(private readonly rate: Rate) {
    this.tokens = rate.burst;
  }

  take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.rate.burst, this.tokens + ((now - this.last) / 1000) * this.rate.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** One bucket per key; at most `capacity` keys, the least recently used forgotten first. */
export class KeyedRateLimit {
  private readonly buckets = new Map<string, RateLimit>();

  constructor(
    private readonly rate: Rate,
    private readonly capacity = 10_000,
  ) {}

  /** Takes a token from `key`'s bucket; false when it is empty. */
  take(key: string): boolean {
    let bucket = this.buckets.get(key);
    if (bucket) this.buckets.delete(key);
    else bucket = new RateLimit(this.rate);
    // Re-inserting keeps the map in order of last use: the first key is the one to forget.
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.capacity) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    return bucket.take();
  }

  get size(): number {
    return this.buckets.size;
  }
}

/** Counts things held per key (open sockets per address), refusing beyond `max`; keys at 0 are dropped. */
export class KeyedCounter {
  private readonly counts = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Counts one more for `key`; false (and nothing counted) when it already holds `max`. */
  acquire(key: string): boolean {
    const count = this.counts.get(key) ?? 0;
    if (count >= this.max) return false;
    this.counts.set(key, count + 1);
    return true;
  }

  release(key: string): void {
    const count = (this.counts.get(key) ?? 0) - 1;
    if (count > 0) this.counts.set(key, count);
    else this.counts.delete(key);
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** Keys holding at least one. */
  get size(): number {
    return this.counts.size;
  }

  /** Each key with its count. */
  entries(): IterableIterator<[string, number]> {
    return this.counts.entries();
  }
}
