/**
 * Checks on what clients send over the socket, before boardgame.io sees it: only moves of
 * this game, in the shape boardgame.io's client sends them, with bounded arguments.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod/mini';
import { REASON_MAX } from '../game';

/** Room codes: seven characters that are easy to read aloud and type (no 0/O, 1/I/L). */
export const ROOM_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ROOM_CODE = new RegExp(`^[${ROOM_ALPHABET}]{7}$`);

export const MOVE_NAMES = ['act', 'playCard', 'recycle', 'proposeDeal', 'acceptDeal', 'rejectDeal', 'pass'] as const;

const shortString = z.string().check(z.maxLength(64));
/** An id, a deal's terms, or the mover's one-line reason (R12), which the engine checks again. */
const moveArg = z.union([z.string().check(z.maxLength(REASON_MAX * 2)), z.array(shortString).check(z.maxLength(8))]);

/** The only client action the server accepts: a move of this game (S1, S2). */
export const moveAction = z.object({
  type: z.literal('MAKE_MOVE'),
  payload: z.object({
    type: z.enum(MOVE_NAMES),
    args: z.nullable(z.optional(z.array(moveArg).check(z.maxLength(2)))),
    playerID: z.enum(['0', '1']),
    credentials: z.optional(shortString),
  }),
});

export const updateMessage = z.tuple([moveAction, z.int().check(z.minimum(0)), z.string(), z.enum(['0', '1'])]);

export const syncMessage = z.tuple([
  z.string(),
  z.optional(z.nullable(z.enum(['0', '1']))),
  z.optional(z.nullable(shortString)),
  z.optional(z.literal(2)),
]);

/** A token bucket: `burst` messages at once, refilled at `perSecond`. */
export class RateLimit {
  private tokens: number;
  private last = Date.now();
  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }
  take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Whether a request's Origin header is allowed (no header: not a browser page, allowed). */
export function originAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  return origin === undefined || allowed.includes(origin);
}

/** A seat's credentials: 192 random bits, so they cannot be guessed. */
export function newCredentials(): string {
  return randomBytes(24).toString('base64url');
}

/** Credentials must match exactly, for every seat, always (S3); compared in constant time. */
export function credentialsMatch(given: string | undefined, player: { credentials?: string } | undefined): boolean {
  const expected = player?.credentials;
  if (!given || !expected || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
