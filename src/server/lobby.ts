/**
 * A guard in front of boardgame.io's lobby API: foreign origins are refused (S6), bodies are
 * bounded (S7) and checked with zod (names, setup data, two players), and routes the game does
 * not use are closed. A valid body is handed on to boardgame.io unchanged; our own request to
 * give the empty seat to the computer (`/bot`) passes the same checks and is answered here.
 */
import { Readable } from 'node:stream';
import type { Server as ServerTypes } from 'boardgame.io';
import { z } from 'zod/mini';
import { BOT_LEVELS, PERSONAS } from '../bots/types';
import { validateSetupData } from '../game';
import type { LobbyAnswer, SeatBotBody } from './bots/seatRequest';
import { RateLimit } from './guards';
import { log } from './log';

type Middleware = Parameters<ServerTypes.App['use']>[0];

export const MAX_BODY_BYTES = 4096;

/**
 * Display names: 1–24 letters, digits, spaces and simple punctuation of any script. Checked as
 * sent, not trimmed: the guard hands the raw body on, so a trimmed check would let
 * `"Ada\n"` or a name padded with 1,000 spaces through to storage (the UI trims before sending).
 */
export const displayName = z.string().check(
  z.minLength(1, 'A name needs at least one character.'),
  z.maxLength(24, 'A name has at most 24 characters.'),
  z.regex(/^[\p{L}\p{N}][\p{L}\p{N} .'’_-]*$/u, 'A name may hold letters, digits, spaces and . \' - _ only.'),
);

const seat = z.enum(['0', '1']);
const credentials = z.string().check(z.minLength(1), z.maxLength(64));
const setupData = z.optional(z.unknown());

const BODIES: Record<string, z.ZodMiniType> = {
  create: z.strictObject({ numPlayers: z.literal(2), setupData, unlisted: z.optional(z.boolean()) }),
  join: z.strictObject({ playerID: seat, playerName: displayName }),
  update: z.strictObject({ playerID: seat, credentials, newName: displayName }),
  leave: z.strictObject({ playerID: seat, credentials }),
  playAgain: z.strictObject({ playerID: seat, credentials, numPlayers: z.optional(z.literal(2)), setupData }),
  // Our own route (not boardgame.io's): the computer takes the empty seat (bots/seatRequest.ts).
  bot: z.strictObject({
    playerID: seat,
    credentials,
    level: z.enum(BOT_LEVELS, { error: `The computer's level is one of ${BOT_LEVELS.join(', ')}.` }),
    persona: z.enum(PERSONAS, { error: `The computer's temperament is one of ${PERSONAS.join(', ')}.` }),
  }),
};

/** Which lobby route a POST is for: create, join, update, leave, playAgain, bot; null for others. */
function routeOf(path: string, gameName: string): string | null {
  const prefix = `/games/${gameName}/`;
  if (!path.startsWith(prefix)) return null;
  const rest = path.slice(prefix.length).split('/');
  if (rest.length === 1 && rest[0] === 'create') return 'create';
  if (rest.length === 2 && rest[1] && rest[1] in BODIES && rest[1] !== 'create') return rest[1];
  return null;
}

async function readBody(stream: NodeJS.ReadableStream): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export interface CreateLimit {
  perSecond: number;
  burst: number;
}

/** The lobby's part in seating the computer: the request itself, and what follows a person leaving. */
export interface BotLobby {
  seat(matchID: string, body: SeatBotBody): Promise<LobbyAnswer>;
  /** After a seat is given up: a match where only the computer is left is removed. */
  afterLeave(matchID: string): Promise<void>;
}

export interface LobbyGuardOptions {
  origins: readonly string[];
  gameName: string;
  /** New matches a client address may create; null for no limit. */
  createLimit: CreateLimit | null;
  /** Bot requests a client address may make (each one may start a bot); null for no limit. */
  botLimit?: CreateLimit | null;
  bots?: BotLobby;
}

export function lobbyGuard({ origins, gameName, createLimit, botLimit = null, bots }: LobbyGuardOptions): Middleware {
  // boardgame.io's join, leave and update read the match data and write it back whole: two at
  // once for the same match would lose one. They run one after another per match.
  const queues = new Map<string, Promise<unknown>>();
  const oneAtATime = (matchID: string, work: () => Promise<unknown>) => {
    const run = (queues.get(matchID) ?? Promise.resolve()).then(work, work);
    const settled = run.catch(() => undefined);
    queues.set(matchID, settled);
    void settled.then(() => {
      if (queues.get(matchID) === settled) queues.delete(matchID);
    });
    return run;
  };
  // New matches and bots per client address (a match is kept until the clean-up removes it; a
  // bot costs CPU until its game ends).
  const limits = { create: new Map<string, RateLimit>(), bot: new Map<string, RateLimit>() };
  const tooMany = (route: 'create' | 'bot', limit: CreateLimit, ip: string) => {
    const buckets = limits[route];
    const bucket = buckets.get(ip) ?? new RateLimit(limit.perSecond, limit.burst);
    buckets.set(ip, bucket);
    if (buckets.size > 10_000) buckets.clear();
    return !bucket.take();
  };
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/games')) return next();
    const origin = ctx.get('Origin');
    if (origin && !origins.includes(origin)) {
      log('warn', 'origin-refused', { origin, path: ctx.path });
      ctx.status = 403;
      ctx.body = { error: 'This origin may not use the lobby.' };
      return;
    }
    if (ctx.method !== 'POST') return next();
    const route = routeOf(ctx.path, gameName);
    if (!route) {
      ctx.status = 404;
      ctx.body = { error: 'No such lobby action.' };
      return;
    }
    if (route === 'create' && createLimit && tooMany('create', createLimit, ctx.ip)) {
      log('warn', 'create-flood', { ip: ctx.ip });
      ctx.status = 429;
      ctx.body = { error: 'Too many new matches from here; wait a moment.' };
      return;
    }
    if (route === 'bot' && botLimit && tooMany('bot', botLimit, ctx.ip)) {
      log('warn', 'bot-flood', { ip: ctx.ip });
      ctx.status = 429;
      ctx.body = { error: 'Too many requests for the computer from here; wait a moment.' };
      return;
    }
    const declared = Number(ctx.get('Content-Length') || 0);
    const raw = declared > MAX_BODY_BYTES ? null : await readBody(ctx.req);
    if (raw === null) {
      ctx.status = 413;
      ctx.body = { error: `A lobby request may be at most ${MAX_BODY_BYTES} bytes.` };
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8') || '{}');
    } catch {
      ctx.status = 400;
      ctx.body = { error: 'The request body must be JSON.' };
      return;
    }
    const schema = BODIES[route];
    const checked = schema?.safeParse(body);
    const setupProblem =
      (route === 'create' || route === 'playAgain') && typeof body === 'object' && body !== null
        ? validateSetupData((body as { setupData?: unknown }).setupData, 2)
        : undefined;
    if (!checked?.success || setupProblem) {
      ctx.status = 400;
      ctx.body = { error: setupProblem ?? checked?.error?.issues.map((i) => i.message).join(' ') ?? 'Invalid request.' };
      return;
    }
    const matchID = route === 'create' ? null : ctx.path.split('/')[3];
    if (route === 'bot') {
      if (!bots || !matchID) {
        ctx.status = 404;
        ctx.body = { error: 'No such lobby action.' };
        return;
      }
      const answer = (await oneAtATime(matchID, () => bots.seat(matchID, checked.data as SeatBotBody))) as LobbyAnswer;
      ctx.status = answer.status;
      ctx.body = answer.body;
      return;
    }
    // Hand the same bytes on to boardgame.io's own body parser.
    const replay = Readable.from([raw]) as unknown as typeof ctx.req;
    Object.assign(replay, { headers: ctx.req.headers, method: ctx.req.method, url: ctx.req.url });
    ctx.req = replay;
    const handOn = async () => {
      await next();
      if (route === 'leave' && ctx.status === 200 && matchID) await bots?.afterLeave(matchID);
    };
    try {
      await (matchID ? oneAtATime(matchID, handOn) : next());
    } catch (error) {
      // boardgame.io answers a wrong credential with `403 Invalid credentials <what was sent>`:
      // never echo a credential in an error body (S3).
      const sent = (body as { credentials?: unknown }).credentials;
      const { status, message } = error as { status?: number; message?: string };
      if (typeof sent !== 'string' || sent === '' || !status || !String(message).includes(sent)) throw error;
      ctx.status = status;
      ctx.body = { error: status === 403 ? 'Those credentials do not hold that seat.' : String(message).split(sent).join('…') };
    }
  };
}
