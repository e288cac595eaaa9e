/**
 * Checks on what clients send, before anything acts on it: room codes, credentials, origins,
 * and over the socket only moves of this game, in the shape boardgame.io's client sends them,
 * with bounded arguments.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod/mini';
import { MOVE_NAMES, wireArgs } from '../game';

/** Room codes: seven characters that are easy to read aloud and type (no 0/O, 1/I/L). */
export const ROOM_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ROOM_CODE = new RegExp(`^[${ROOM_ALPHABET}]{7}$`);

const shortString = z.string().check(z.maxLength(64));
const seat = z.enum(['0', '1']);

/**
 * The only client action the server accepts: a move of this game (S1, S2), each with the
 * arguments the move registry declares for it (src/game/registry.ts), the reason last (R12).
 */
export const moveAction = z.object({
  type: z.literal('MAKE_MOVE'),
  payload: z.union(
    MOVE_NAMES.map((name) =>
      z.object({
        type: z.literal(name),
        args: z.nullable(z.optional(wireArgs(name))),
        playerID: seat,
        credentials: z.optional(shortString),
      }),
    ),
  ),
});

export const updateMessage = z.tuple([moveAction, z.int().check(z.minimum(0)), z.string(), seat]);

export const syncMessage = z.tuple([
  z.string(),
  z.optional(z.nullable(seat)),
  z.optional(z.nullable(shortString)),
  z.optional(z.literal(2)),
]);

/** Whether a request's Origin header is allowed (no header: not a browser page, allowed). */
export function originAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  return origin === undefined || allowed.includes(origin);
}

/** Whether a match id is one the server could have made (a room code): nothing else is looked up. */
export function isMatchID(id: unknown): id is string {
  return typeof id === 'string' && ROOM_CODE.test(id);
}

/** A seat's credentials: 192 random bits, so they cannot be guessed (base64url: letters, digits, - and _). */
export function newCredentials(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The credentials of a seat the server gives to its own computer player. The prefix holds a
 * dot, which base64url never does, so no credentials handed to a person can look like these:
 * a seat counts as the server's computer only with them (bots/botSeat.ts).
 */
export const BOT_CREDENTIALS_PREFIX = 'cpu.';
export function newBotCredentials(): string {
  return `${BOT_CREDENTIALS_PREFIX}${newCredentials()}`;
}

/**
 * Credentials must match exactly, for a real seat, always (S3); compared in constant time.
 * The player must be a seat record (id 0 or 1): boardgame.io looks seats up by the id the
 * client sent, and an id like "__proto__" would hand us Object.prototype instead.
 */
export function credentialsMatch(given: unknown, player: { id?: unknown; credentials?: unknown } | undefined): boolean {
  if (!player || typeof player !== 'object' || (player.id !== 0 && player.id !== 1)) return false;
  const expected = player.credentials;
  if (typeof given !== 'string' || typeof expected !== 'string' || given === '') return false;
  // Compared as bytes: a string of the same length in other characters has a different byte length.
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}
