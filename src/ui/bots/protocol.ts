/**
 * The messages between the page and the bot worker, and their checks. Anything that crosses
 * the worker boundary arrives as `unknown` and is parsed here before either side trusts it:
 * a request names the bot's side, its settings and that side's own player view (R12); an
 * answer carries the request's id and either the decision (the move and its structured reason)
 * or why there is none.
 */
import type { Ctx } from 'boardgame.io';
import * as z from 'zod/mini';
import { BOT_LEVELS, PERSONAS, type BotConfig, type BotMove } from '../../bots/types';
import { botReasonSchema, isMoveName, type BotReason, type DeRiskState, type MoveName, type Side } from '../../game';

/** Ask the bot of `side` to decide in this position (its own player view). */
export interface DecideRequest {
  readonly kind: 'decide';
  readonly id: number;
  readonly side: Side;
  readonly config: BotConfig;
  readonly G: DeRiskState;
  readonly ctx: Ctx;
}

export type BotAnswer =
  | { readonly kind: 'decision'; readonly id: number; readonly move: BotMove; readonly reason: BotReason }
  /** `id` is null when the request was too broken to read its id. */
  | { readonly kind: 'failed'; readonly id: number | null; readonly message: string };

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly id: number | null; readonly problem: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A player view of a De-Risk state, checked on the fields that route the request and guard
 * its privacy. The rest comes from our own boardgame.io client, and checking every field on
 * every decision would cost more than it could catch.
 */
function isPlayerView(value: unknown): value is DeRiskState {
  return (
    isRecord(value) &&
    isRecord(value.sides) &&
    isRecord(value.tracks) &&
    Array.isArray(value.chronicle) &&
    isRecord(value.view) &&
    (value.view.seat === 'us' || value.view.seat === 'cn' || value.view.seat === null)
  );
}

function isCtx(value: unknown): value is Ctx {
  return isRecord(value) && typeof value.currentPlayer === 'string' && typeof value.numPlayers === 'number' && typeof value.phase === 'string';
}

const id = z.int().check(z.positive());
const side = z.enum(['us', 'cn']);

const requestSchema = z.object({
  kind: z.literal('decide'),
  id,
  side,
  config: z.object({ level: z.enum(BOT_LEVELS), persona: z.enum(PERSONAS), seed: z.int() }),
  G: z.custom<DeRiskState>(isPlayerView, 'not a player view of a De-Risk game'),
  ctx: z.custom<Ctx>(isCtx, 'not a boardgame.io context'),
});

const answerSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('decision'),
    id,
    move: z.object({
      move: z.custom<MoveName>(isMoveName, 'not a De-Risk move'),
      args: z.array(z.unknown()),
    }),
    // The computer's reason as data (R12): the same schema the engine checks the move's reason with.
    reason: botReasonSchema,
  }),
  z.object({ kind: z.literal('failed'), id: z.nullable(id), message: z.string() }),
]);

function problemOf(error: z.core.$ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

/** The id of a message that failed its check, if it has a readable one (to answer or settle it). */
function idOf(data: unknown): number | null {
  const found = id.safeParse(isRecord(data) ? data.id : undefined);
  return found.success ? found.data : null;
}

function parse<T>(schema: z.ZodMiniType<T>, data: unknown, what: string): Parsed<T> {
  const result = schema.safeParse(data);
  return result.success ? { ok: true, value: result.data } : { ok: false, id: idOf(data), problem: `${what}: ${problemOf(result.error)}` };
}

export const parseRequest = (data: unknown): Parsed<DecideRequest> => parse(requestSchema, data, 'The bot received a malformed request');

export const parseAnswer = (data: unknown): Parsed<BotAnswer> => parse(answerSchema, data, 'The bot sent a malformed answer');
