/**
 * Fan-out between server instances (issue 15): what one instance tells the sockets of a match
 * after a change it stored (a move, a seat connecting or leaving, the server's own change) is
 * also published on Redis, and every other instance tells its own sockets of that match, each
 * through its own player view. Nothing polls the database for changes.
 *
 * One channel for all matches (namespaced by `prefix`): each instance keeps only the messages for
 * matches it has sockets in. A message carries what boardgame.io's Master broadcasts (the whole
 * state, filtered per seat only when it is sent to a socket) and the match's metadata for the
 * seat check, so Redis holds secrets in transit: it must be reachable by the instances only
 * (docs/deploy.md). An instance ignores its own messages: it has told its sockets already.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'boardgame.io';
import { Redis } from 'ioredis';
import type { Outgoing } from './bgio';
import { cut, log } from './log';

export interface FanoutMessage {
  readonly matchID: string;
  readonly payload: Outgoing;
  readonly metadata?: Server.MatchData;
}

/** What the transport needs: publish a change, hear the others'. */
export interface Fanout {
  publish(message: FanoutMessage): void;
  /** `deliver` is called for every other instance's message, in the order they were published. */
  listen(deliver: (message: FanoutMessage) => void): Promise<void>;
  close(): Promise<void>;
}

interface Wire extends FanoutMessage {
  readonly origin: string;
}

const isWire = (value: unknown): value is Wire => {
  if (typeof value !== 'object' || value === null) return false;
  const wire = value as Record<string, unknown>;
  const payload = wire.payload as Record<string, unknown> | null | undefined;
  return typeof wire.origin === 'string' && typeof wire.matchID === 'string' && typeof payload === 'object' && payload !== null && typeof payload.type === 'string' && Array.isArray(payload.args);
};

export class RedisFanout implements Fanout {
  /** This instance, to tell its own messages apart. */
  readonly id = randomBytes(9).toString('base64url');
  private readonly channel: string;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;

  constructor(url: string, prefix = 'de-risk') {
    this.channel = `${prefix}:match-changes`;
    const options = { maxRetriesPerRequest: 2, connectTimeout: 5000, lazyConnect: true };
    this.publisher = new Redis(url, options);
    this.subscriber = new Redis(url, options);
    for (const [role, client] of [
      ['publisher', this.publisher],
      ['subscriber', this.subscriber],
    ] as const) {
      // ioredis reconnects by itself; a lost connection is worth a line, not a crash.
      client.on('error', (error: Error) => log('warn', 'redis-error', { role, message: cut(error.message, 200) }));
    }
  }

  publish({ matchID, payload, metadata }: FanoutMessage): void {
    const wire: Wire = { origin: this.id, matchID, payload, ...(metadata ? { metadata } : {}) };
    this.publisher.publish(this.channel, JSON.stringify(wire)).catch((error: unknown) => {
      log('error', 'fanout-publish-failed', { matchID: cut(matchID, 16), message: cut((error as Error).message, 200) });
    });
  }

  async listen(deliver: (message: FanoutMessage) => void): Promise<void> {
    await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
    this.subscriber.on('message', (channel: string, text: string) => {
      if (channel !== this.channel) return;
      let wire: unknown;
      try {
        wire = JSON.parse(text);
      } catch {
        log('warn', 'fanout-unreadable', { length: text.length });
        return;
      }
      if (!isWire(wire)) {
        log('warn', 'fanout-unreadable', { length: text.length });
        return;
      }
      if (wire.origin === this.id) return;
      const { matchID, payload, metadata } = wire;
      deliver({ matchID, payload, ...(metadata ? { metadata } : {}) });
    });
    await this.subscriber.subscribe(this.channel);
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.subscriber.quit(), this.publisher.quit()]);
  }
}
