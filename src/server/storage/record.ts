/**
 * What a stored match looks like, checked by every store: when it loads its matches (a record
 * that fails is quarantined, never served) and before it writes (so a store never keeps what
 * it could not load again). The shapes are exactly what boardgame.io 0.50.2 writes
 * (`createMetadata` and the lobby routes in server.js, the Master's `onUpdate` and
 * `onConnectionChange`): match data with two seats keyed "0" and "1", a state with `G`, `ctx`
 * and a whole `_stateID`, and a log. Unknown top-level match-data fields pass (the server may
 * add some later); seats are strict, and no key anywhere in match data may name a prototype,
 * because the lobby and the transport index match data by client-sent ids.
 *
 * The listing rules the in-memory stores share (PostgreSQL says the same in SQL) are here too.
 */
import type { LogEntry, Server, State } from 'boardgame.io';
import * as z from 'zod/mini';
import { MatchGoneError } from './types';

export interface MatchRecord {
  metadata: Server.MatchData;
  state?: State;
  initialState?: State;
  log: LogEntry[];
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Keys that reach an object's prototype when used as property names. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether a store may keep a match under this id (safe as a file name and as a key). */
export function validID(matchID: unknown): matchID is string {
  return typeof matchID === 'string' && ID.test(matchID) && !PROTOTYPE_KEYS.has(matchID);
}

/** For `createMatch`: throws for an id no store keeps. */
export function checkNewID(matchID: string): void {
  if (!validID(matchID)) throw new Error(`Refusing to store a match with the id ${JSON.stringify(String(matchID).slice(0, 80))}`);
}

/** For `setState` and `setMetadata`: a match with an id no store keeps cannot exist. */
export function checkExistingID(matchID: string): void {
  if (!validID(matchID)) throw new MatchGoneError(String(matchID));
}

const seat = <const Id extends 0 | 1>(id: Id) =>
  z.strictObject({
    id: z.literal(id),
    name: z.optional(z.string()),
    credentials: z.optional(z.string()),
    data: z.optional(z.unknown()),
    isConnected: z.optional(z.boolean()),
  });

export const metadataSchema = z.looseObject({
  gameName: z.string(),
  players: z.strictObject({ '0': seat(0), '1': seat(1) }),
  // z.number() refuses NaN and the infinities.
  createdAt: z.number(),
  updatedAt: z.number(),
  setupData: z.optional(z.unknown()),
  unlisted: z.optional(z.boolean()),
  gameover: z.optional(z.unknown()),
  nextMatchID: z.optional(z.string()),
});

export const stateSchema = z.looseObject({
  G: z.record(z.string(), z.unknown()),
  ctx: z.record(z.string(), z.unknown()),
  _stateID: z.int().check(z.minimum(0)),
});

const recordSchema = z.object({
  metadata: metadataSchema,
  // Every match is created with its first state: match data alone is a leftover (a late write to a removed match, from an older version), listed but unplayable.
  state: stateSchema,
  initialState: z.optional(stateSchema),
  log: z.array(z.unknown()),
});

/** The path of the first key that could reach a prototype (`__proto__` from JSON.parse is an own key), or null. */
function prototypeKey(value: unknown, path: string): string | null {
  if (typeof value !== 'object' || value === null) return null;
  for (const key of Object.keys(value)) {
    if (PROTOTYPE_KEYS.has(key)) return `${path}.${key}`;
    const found = prototypeKey((value as Record<string, unknown>)[key], `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

/** zod/mini carries no messages; say what was wrong in a few words for the log line. */
function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'unrecognized_keys':
      return `unexpected keys ${issue.keys.map((k) => JSON.stringify(k.slice(0, 32))).join(', ')}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'custom':
    case 'invalid_element':
    case 'invalid_format':
    case 'invalid_key':
    case 'invalid_union':
    case 'not_multiple_of':
    case 'too_big':
    // falls through: zod may add codes in a later version, and they read as their message too.
    case 'too_small':
    default:
      return issue.message && issue.message !== 'Invalid input' ? issue.message : issue.code;
  }
}

/** What is wrong with `value` by `schema`, as `path.to.field: what`, or null. */
function schemaProblem(schema: z.ZodMiniType, value: unknown, path: string): string | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0];
  const where = [path, ...(issue?.path ?? []).map(String)].join('.');
  return `${where}: ${issue ? describe(issue) : 'invalid'}`;
}

/**
 * Why this match data may not be stored or served, or null: its shape, and no prototype key
 * anywhere in it. (The state and the log are the engine's and boardgame.io's own; their shape
 * is enough.)
 */
export function metadataProblem(metadata: unknown): string | null {
  const key = prototypeKey(metadata, 'metadata');
  return schemaProblem(metadataSchema, metadata, 'metadata') ?? (key && `${key}: a prototype key`);
}

/** Why this state may not be stored, or null. */
export function stateProblem(state: unknown): string | null {
  return schemaProblem(stateSchema, state, 'state');
}

/** Why this value is not a match record a store can serve, or null when it is one. */
export function recordProblem(value: unknown): string | null {
  return schemaProblem(recordSchema, value, 'record') ?? metadataProblem((value as { metadata: unknown }).metadata);
}

/** Refuses, before anything changes, a write that would leave a record the store could not load. */
export function checkWritable(parts: { metadata?: unknown; state?: unknown }): void {
  const reason = (parts.metadata !== undefined && metadataProblem(parts.metadata)) || (parts.state !== undefined && stateProblem(parts.state)) || null;
  if (reason) throw new Error(`Refusing to store a match that would not load again: ${reason}`);
}

/** boardgame.io's listing filters (`listMatches`' game name and `where`), shared by `listMatchData`. */
export interface ListingFilter {
  gameName?: string;
  isGameover?: boolean;
  updatedBefore?: number;
  updatedAfter?: number;
}

/** Whether match data passes the listing filters, as boardgame.io's own stores decide it. */
export function matchesFilter(metadata: Server.MatchData, opts: ListingFilter): boolean {
  if (opts.gameName !== undefined && metadata.gameName !== opts.gameName) return false;
  if (opts.isGameover !== undefined && (metadata.gameover !== undefined) !== opts.isGameover) return false;
  if (opts.updatedBefore !== undefined && !(metadata.updatedAt < opts.updatedBefore)) return false;
  if (opts.updatedAfter !== undefined && !(metadata.updatedAt > opts.updatedAfter)) return false;
  return true;
}

/** `limit` must be a whole number of matches (PostgreSQL's LIMIT takes nothing else). */
export function checkLimit(limit: number): void {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`listMatchData needs a whole, non-negative limit, not ${limit}`);
}
