/**
 * A class as the server keeps it (issue 12): the teacher's settings, the students who joined,
 * the matches they were paired into, and the class-wide controls (pause, finish, message).
 *
 * Secrets are kept only as SHA-256 digests (the teacher key, each student key), so a leaked
 * record or backup cannot be used to act as anyone; the seat credentials a student collects
 * from "where is my seat" are the one exception (the server must hand them out once), and they
 * never appear in a status, a listing or an export (status.ts, results.ts choose their fields).
 *
 * `recordProblem` is the one shape check: every store runs it on load (a record that fails is
 * moved aside, never served) and before a write (a store never keeps what it could not load).
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import { LENGTHS } from '../../game';
import { SCENARIO_IDS } from '../../content/types';
import { CLASS_COMPUTER_LEVELS, PAIRINGS, TIMEOUT_ACTIONS, TIMERS, type ClassPhase, type ClassSettings } from '../../game/classWire';

export type { ClassPhase, ClassSettings } from '../../game/classWire';

/** Class codes: six characters no one misreads on a projector or mistypes on a phone (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G). */
export const CLASS_ALPHABET = 'ACDEFHJKMNPQRTUVWXY3479';
export const CLASS_CODE = new RegExp(`^[${CLASS_ALPHABET}]{6}$`);

export function newClassCode(): string {
  return Array.from({ length: 6 }, () => CLASS_ALPHABET[randomInt(CLASS_ALPHABET.length)]).join('');
}

/** Whether a text is a class code the server could have made: nothing else is looked up. */
export function isClassCode(code: unknown): code is string {
  return typeof code === 'string' && CLASS_CODE.test(code);
}

/** A teacher's or a student's key: 192 random bits (base64url). */
export function newKey(): string {
  return randomBytes(24).toString('base64url');
}

export function digestOf(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Whether `given` is the key whose digest is kept; compared in constant time, digest against digest. */
export function keyMatches(given: unknown, digest: string): boolean {
  if (typeof given !== 'string' || given.length === 0 || given.length > 128) return false;
  const [a, b] = [Buffer.from(digestOf(given), 'hex'), Buffer.from(digest, 'hex')];
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface Student {
  /** Short, random, public within the class (the teacher's screen uses it to rename or remove). */
  readonly id: string;
  readonly name: string;
  readonly keyDigest: string;
  readonly joinedAt: number;
  /** Once paired: the match and seat, and the seat's credentials for the student to collect. */
  readonly seat?: { readonly matchID: string; readonly playerID: '0' | '1'; readonly credentials: string };
}

export interface ClassMatch {
  readonly matchID: string;
  /** The student in each seat; null for the computer. */
  readonly seats: { readonly '0': string | null; readonly '1': string | null };
  readonly createdAt: number;
}

export interface ClassRecord {
  readonly version: 1;
  readonly code: string;
  readonly teacherDigest: string;
  readonly title: string;
  readonly settings: ClassSettings;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** After this (30 days from creation) the class is removed with its matches. */
  readonly expiresAt: number;
  readonly phase: ClassPhase;
  /** When the teacher paused all matches (ms since 1970), or null while they run. */
  readonly pausedAt: number | null;
  /** When the teacher last resumed them: decision timers count from here, not from before the pause. */
  readonly resumedAt?: number;
  /** The teacher asked every match to end at the end of its current round. */
  readonly finishing: boolean;
  readonly message: { readonly text: string; readonly at: number } | null;
  readonly students: readonly Student[];
  readonly matches: readonly ClassMatch[];
}

/** The teacher's choices, as the API takes them and a record keeps them. */
export const settingsShape = z.strictObject({
  scenario: z.enum(SCENARIO_IDS),
  length: z.union(LENGTHS.map((l) => z.literal(l))),
  timer: z.union(TIMERS.map((t) => z.literal(t))),
  onTimeout: z.enum(TIMEOUT_ACTIONS),
  computer: z.enum(CLASS_COMPUTER_LEVELS),
  pairing: z.enum(PAIRINGS),
});

const seatID = z.enum(['0', '1']);
const studentShape = z.strictObject({
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,16}$/)),
  name: z.string().check(z.maxLength(64)),
  keyDigest: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  joinedAt: z.number(),
  seat: z.optional(z.strictObject({ matchID: z.string().check(z.maxLength(64)), playerID: seatID, credentials: z.string().check(z.maxLength(128)) })),
});
const classShape = z.strictObject({
  version: z.literal(1),
  code: z.string().check(z.regex(CLASS_CODE)),
  teacherDigest: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  title: z.string().check(z.maxLength(80)),
  settings: settingsShape,
  createdAt: z.number(),
  updatedAt: z.number(),
  expiresAt: z.number(),
  phase: z.enum(['gathering', 'playing', 'finished']),
  pausedAt: z.nullable(z.number()),
  resumedAt: z.optional(z.number()),
  finishing: z.boolean(),
  message: z.nullable(z.strictObject({ text: z.string().check(z.maxLength(200)), at: z.number() })),
  students: z.array(studentShape).check(z.maxLength(200)),
  matches: z.array(
    z.strictObject({
      matchID: z.string().check(z.maxLength(64)),
      seats: z.strictObject({ '0': z.nullable(z.string()), '1': z.nullable(z.string()) }),
      createdAt: z.number(),
    }),
  ),
});

/** What is wrong with a value as a class record, or null when a store may keep and serve it. */
export function classProblem(value: unknown): string | null {
  const checked = classShape.safeParse(value);
  if (checked.success) return null;
  const [issue] = checked.error.issues;
  return `${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'not a class record'}`;
}

export const CLASS_DAYS = 30;
export const CLASS_LIFETIME_MS = CLASS_DAYS * 24 * 3600_000;
/** The most students one class takes. */
export const MAX_STUDENTS = 60;
