/**
 * The messages between the replay page and the "what if?" workers (issue 14), and their checks.
 * A request asks one worker for its share of the playouts of both futures of a fork: the game's
 * record (a finished game: nothing in it is secret, R12), the move to fork at, the play to try
 * instead, the computer's settings, how many playouts each future has, and which of them are
 * this worker's (`shard` of `shards`: playouts i with i % shards === shard). The worker answers
 * each playout as it ends, then says it is done, or says why it cannot go on. Whatever crosses
 * the boundary arrives as `unknown` and is parsed here before either side trusts it.
 */
import * as z from 'zod/mini';
import { BOT_LEVELS, PERSONAS } from '../../bots/types';
import type { GameRecord } from '../../game';
import { TRACK_IDS } from '../../content/types';
import type { PlayoutOutcome } from '../../sim/fork';

/** The most playouts a future may ask for: enough for tight intervals, few enough to finish. */
export const MOST_PLAYOUTS = 2000;

export type FutureName = 'real' | 'instead';

export interface RunRequest {
  readonly kind: 'run';
  readonly id: number;
  readonly record: GameRecord;
  /** The move (0-based) that the fork changes. */
  readonly at: number;
  /** The play tried instead (`playKey`). */
  readonly instead: string;
  readonly level: (typeof BOT_LEVELS)[number];
  readonly persona: (typeof PERSONAS)[number];
  readonly seed: number;
  /** Playouts in each future. */
  readonly playouts: number;
  readonly shard: number;
  readonly shards: number;
}

export type RunAnswer =
  | { readonly kind: 'outcome'; readonly id: number; readonly future: FutureName; readonly index: number; readonly outcome: PlayoutOutcome }
  | { readonly kind: 'done'; readonly id: number }
  /** `id` is null when the request was too broken to read its id. */
  | { readonly kind: 'failed'; readonly id: number | null; readonly message: string };

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly id: number | null; readonly problem: string };

const id = z.int().check(z.positive());
const count = z.int().check(z.minimum(0));
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const requestSchema = z
  .object({
    kind: z.literal('run'),
    id,
    // The record's own check (format, rules, moves) is the engine's: `recordProblem` in the worker.
    record: z.custom<GameRecord>((value) => isRecord(value) && Array.isArray(value.moves), 'not a game record'),
    at: count,
    instead: z.string().check(z.maxLength(400)),
    level: z.enum(BOT_LEVELS),
    persona: z.enum(PERSONAS),
    seed: z.int(),
    playouts: z.int().check(z.positive(), z.maximum(MOST_PLAYOUTS)),
    shard: count,
    shards: z.int().check(z.positive(), z.maximum(64)),
  })
  .check(z.refine((r) => r.shard < r.shards, 'shard: must be below shards'));

const outcomeSchema = z.object({
  winner: z.nullable(z.enum(['us', 'cn'])),
  sudden: z.boolean(),
  tracks: z.array(z.array(z.number()).check(z.length(TRACK_IDS.length))).check(z.maxLength(64)),
});

const answerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('outcome'), id, future: z.enum(['real', 'instead']), index: count.check(z.maximum(MOST_PLAYOUTS - 1)), outcome: outcomeSchema }),
  z.object({ kind: z.literal('done'), id }),
  z.object({ kind: z.literal('failed'), id: z.nullable(id), message: z.string().check(z.maxLength(2000)) }),
]);

function problemOf(error: z.core.$ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

function parse<T>(schema: z.ZodMiniType<T>, data: unknown, what: string): Parsed<T> {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const found = id.safeParse(isRecord(data) ? data.id : undefined);
  return { ok: false, id: found.success ? found.data : null, problem: `${what}: ${problemOf(result.error)}` };
}

export const parseRunRequest = (data: unknown): Parsed<RunRequest> => parse(requestSchema, data, 'The simulation received a malformed request');

export const parseRunAnswer = (data: unknown): Parsed<RunAnswer> => parse(answerSchema, data, 'The simulation sent a malformed answer');
