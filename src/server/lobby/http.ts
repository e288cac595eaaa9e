/**
 * The one guard in front of the lobby API. Every request whose path begins with `/games`, in
 * any spelling (any case, percent-encoded, doubled slashes, a trailing slash), is answered
 * here and never handed on: boardgame.io's own lobby router is out of service (bgio.ts), so
 * no spelling or content type can reach a handler that has not been checked.
 *
 * In order: the Origin (S6), the route (exact, canonical spellings only; anything else is 404),
 * the rate limits (per address, sized for a class behind one school router, and per match), the
 * body (JSON by Content-Type, at most 4 KB, no prototype keys; body.ts), its
 * shape (schemas.ts), and only then the handler, which gets the checked value.
 */
import type { z } from 'zod/mini';
import { clientAddress } from '../address';
import type { Middleware } from '../bgio';
import { answer, checkedBody, isPathUnder, methodPasses, originPasses } from '../apiGate';
import { isMatchID } from '../guards';
import { localLimiter, type Limiter } from '../cluster';
import type { Rate } from '../limits';
import { log } from '../log';
import { seatComputer } from './computer';
import { refuse, type Answer, type Lobby } from './context';
import { createMatch, getMatch, joinMatch, leaveMatch, listMatches, renamePlayer } from './matches';
import { playAgain } from './rematch';
import { ReplayFiles } from './replay';
import { botBody, createBody, gameoverFilter, joinBody, leaveBody, playAgainBody, updateBody } from './schemas';

export interface LobbyLimits {
  /** Any lobby request from one address (null: none). */
  perAddress: Rate | null;
  /** New matches from one address (null: none). */
  create: Rate | null;
  /** Requests for the computer from one address (null: none). */
  bot: Rate | null;
  /** Requests that change one match (join, rename, leave, rematch, computer); null: none. */
  perMatch: Rate | null;
  /** Requests for the computer in one match; null: none. */
  botPerMatch: Rate | null;
  /** Replay files from one address (each new one is played through the engine); null: none. */
  replay: Rate | null;
}

export const DEFAULT_LOBBY_LIMITS: LobbyLimits = {
  perAddress: { perSecond: 20, burst: 200 },
  create: { perSecond: 1, burst: 60 },
  bot: { perSecond: 0.5, burst: 30 },
  perMatch: { perSecond: 1, burst: 20 },
  botPerMatch: { perSecond: 1 / 60, burst: 5 },
  // A class behind one router downloading at the end, or a teacher taking every pair's file.
  replay: { perSecond: 1, burst: 60 },
};

export interface LobbyApiOptions {
  lobby: Lobby;
  origins: readonly string[];
  /** Proxies in front whose X-Forwarded-For is believed (address.ts). */
  trustProxy: number;
  limits: LobbyLimits;
  /** Where the limits are kept: this instance's memory (the default), or Redis for several (cluster.ts). */
  limiter?: (name: string, rate: Rate) => Limiter;
}

/** A POST route: the body's schema, and the handler that takes the checked body (a method, so routes of any body fit one table). */
interface PostRoute<T> {
  schema: z.ZodMiniType<T>;
  run(lobby: Lobby, matchID: string, body: T): Promise<Answer>;
}
const post = <T>(schema: z.ZodMiniType<T>, run: PostRoute<T>['run']): PostRoute<T> => ({ schema, run });

/** The POST routes on a match, by the last path segment. */
const MATCH_ACTIONS: Record<string, PostRoute<unknown>> = {
  join: post(joinBody, joinMatch),
  leave: post(leaveBody, leaveMatch),
  update: post(updateBody, renamePlayer),
  playAgain: post(playAgainBody, playAgain),
  bot: post(botBody, seatComputer),
};
const CREATE = post(createBody, (lobby, _matchID, body) => createMatch(lobby, body));

type Route =
  | { method: 'GET'; replay?: true; run: (lobby: Lobby, query: Record<string, string | string[] | undefined>) => Promise<Answer> }
  | { method: 'POST'; matchID: string | null; action: string; route: PostRoute<unknown> };

/** Whether a path is the lobby's, in any spelling: such a path is answered here, never passed on. */
export function isLobbyPath(path: string): boolean {
  return isPathUnder(path, '/games');
}

/** The route for an exact, canonical path; null for anything else (404). */
function routeOf(path: string, gameName: string, replays: ReplayFiles): Route | null {
  const parts = path.split('/');
  if (parts[0] !== '' || parts[1] !== 'games') return null;
  if (parts.length === 2) return { method: 'GET', run: () => Promise.resolve({ status: 200, body: [gameName] }) };
  if (parts[2] !== gameName) return null;
  if (parts.length === 3) return { method: 'GET', run: (lobby, query) => listMatches(lobby, gameoverFilter(query.isGameover)) };
  const id = parts[3] ?? '';
  if (parts.length === 4 && id === 'create') return { method: 'POST', matchID: null, action: 'create', route: CREATE };
  if (!isMatchID(id)) return null;
  if (parts.length === 4) return { method: 'GET', run: (lobby) => getMatch(lobby, id) };
  const action = parts[4] ?? '';
  if (parts.length === 5 && action === 'replay') return { method: 'GET', replay: true, run: (lobby) => replays.answer(lobby, id) };
  const route = parts.length === 5 && Object.prototype.hasOwnProperty.call(MATCH_ACTIONS, action) ? MATCH_ACTIONS[action] : undefined;
  return route ? { method: 'POST', matchID: id, action, route } : null;
}

export function lobbyApi({ lobby, origins, trustProxy, limits, limiter = localLimiter }: LobbyApiOptions): Middleware {
  const bucket = (name: string, rate: Rate | null) => (rate ? limiter(`lobby-${name}`, rate) : null);
  const buckets = {
    perAddress: bucket('address', limits.perAddress),
    create: bucket('create', limits.create),
    bot: bucket('bot', limits.bot),
    perMatch: bucket('match', limits.perMatch),
    botPerMatch: bucket('bot-match', limits.botPerMatch),
    replay: bucket('replay', limits.replay),
  };
  const replays = new ReplayFiles();
  return async (ctx, next) => {
    if (!isLobbyPath(ctx.path)) {
      await next();
      return;
    }
    if (!originPasses(ctx, origins, 'lobby')) return;
    const route = routeOf(ctx.path, lobby.gameName, replays);
    if (!route) {
      answer(ctx, refuse(404, 'badRequest', 'No such lobby action.'));
      return;
    }
    if (!methodPasses(ctx, route.method, 'Content-Type', 'lobby action')) return;
    const address = clientAddress(ctx.req.socket.remoteAddress, ctx.req.headers['x-forwarded-for'], trustProxy);
    const limited = async (limit: Limiter | null, key: string, event: string) => {
      if (!limit || (await limit.take(key))) return false;
      log('warn', event, { address, matchID: route.method === 'POST' ? route.matchID : undefined });
      ctx.set('Retry-After', '5');
      answer(ctx, refuse(429, 'tooMany', 'Too many requests from here; wait a moment and try again.'));
      return true;
    };
    if ((await limited(buckets.perAddress, address, 'lobby-flood'))) return;
    if (route.method === 'GET') {
      if (route.replay && (await limited(buckets.replay, address, 'replay-flood'))) return;
      answer(ctx, await route.run(lobby, ctx.query));
      return;
    }

    if (route.action === 'create' && (await limited(buckets.create, address, 'create-flood'))) return;
    if (route.action === 'bot' && (await limited(buckets.bot, address, 'bot-flood'))) return;
    const checked = await checkedBody(ctx, route.route.schema);
    if (!checked) return;
    if (route.matchID !== null) {
      if ((await limited(buckets.perMatch, route.matchID, 'match-flood'))) return;
      if (route.action === 'bot' && (await limited(buckets.botPerMatch, route.matchID, 'bot-flood'))) return;
    }
    answer(ctx, await route.route.run(lobby, route.matchID ?? '', checked.value));
  };
}
