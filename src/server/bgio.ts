/**
 * The one place where the server touches boardgame.io 0.50.2 beyond its documented API: its
 * private modules (`boardgame.io/internal`, `boardgame.io/master`), what its `Server()` puts on
 * the Koa context, the shapes its `Master` hands a transport, and its lobby router, which we
 * take out of service (our own lobby in `lobby/` answers every `/games` request).
 *
 * Everything else in `src/server` talks to boardgame.io through this module, and
 * `test/server/bgioContract.test.ts` checks each thing relied on here against the installed
 * package, so that an upgrade that changes any of them fails loudly in one place.
 */
import type { Game, LogEntry, Server as ServerTypes, State, StorageAPI } from 'boardgame.io';
import { Async, createMatch, getFilterPlayerView } from 'boardgame.io/internal';
import { Master } from 'boardgame.io/master';
import { Server, SocketIO } from 'boardgame.io/server';

/** The version this adapter was written and checked against. */
export const BOARDGAME_IO_VERSION = '0.50.2';

/** The base class of every store: boardgame.io's asynchronous storage interface. */
export const AsyncStorage = Async;

/** The base class of our socket transport; boardgame.io's `Server()` calls its `init(app, games)`. */
export const TransportBase = SocketIO;

export type KoaApp = Parameters<SocketIO['init']>[0];
export type BgioServer = ReturnType<typeof Server>;
export type Middleware = Parameters<ServerTypes.App['use']>[0];

/** What a Master asks the transport to send: to one socket (`send`) or to a whole match (`sendAll`). */
export type Outgoing =
  | { type: 'sync'; args: [matchID: string, info: SyncInfo] }
  | { type: 'update'; args: [matchID: string, state: State, log?: LogEntry[]] }
  | { type: 'patch'; args: unknown[] }
  | { type: 'matchData'; args: [matchID: string, players: unknown[]] }
  | { type: 'chat'; args: [matchID: string, message: unknown] };

export interface SyncInfo {
  state: State;
  log?: LogEntry[];
  filteredMetadata?: unknown[];
  initialState?: State;
}

/**
 * What a store holds of a match, as it may be: boardgame.io's `FetchResult` types every field
 * asked for as present, but a match that does not exist (or was removed) has none of them.
 */
export interface MatchParts {
  state?: State;
  metadata?: ServerTypes.MatchData;
  log?: LogEntry[];
  initialState?: State;
}

export async function fetchMatch(db: StorageAPI.Async, matchID: string, opts: StorageAPI.FetchOpts): Promise<MatchParts> {
  return db.fetch(matchID, opts);
}

/**
 * The seed of a match's randomness, from its first state: boardgame.io's random plugin keeps
 * the seed it was set up with (the game's `seed`, or one it made from the clock) in
 * `plugins.random.data.seed`. With the setup data it makes the same first state again, so a
 * finished match's moves play again to the same end (a replay file, lobby/replay.ts). Undefined
 * when there is none a record could carry (a string of 1–64 characters).
 */
export function seedOf(state: State | undefined): string | undefined {
  const seed: unknown = (state?.plugins as Record<string, { data?: { seed?: unknown } } | undefined> | undefined)?.random?.data?.seed;
  return typeof seed === 'string' && seed.length > 0 && seed.length <= 64 ? seed : undefined;
}

/** boardgame.io's own player-view filter for a game: applies `playerView` and redacts the log. */
export type PlayerViewFilter = (playerID: string | null, payload: Outgoing) => Outgoing;

export function playerViewFilter(game: Game): PlayerViewFilter {
  return getFilterPlayerView(game) as unknown as PlayerViewFilter;
}

/** The credential check boardgame.io's `Server()` builds from our `authenticateCredentials`. */
export type Auth = ConstructorParameters<typeof Master>[3];

/** boardgame.io's Server() keeps the store and the credential checker on the Koa context. */
export function serverContext(app: KoaApp): { db: StorageAPI.Async; auth: Auth } {
  const context = app.context as unknown as { db?: StorageAPI.Async; auth?: Auth };
  if (!context.db || !context.auth) throw new Error('boardgame.io Server() did not put db and auth on the Koa context');
  return { db: context.db, auth: context.auth };
}

/** What a Master step answers: nothing when it went through (or was dropped quietly), or why it was refused. */
export type MasterAnswer = { error: string } | undefined;

export interface GameMaster {
  onSync(matchID: string, playerID: string | null, credentials: string | undefined): Promise<MasterAnswer>;
  onUpdate(action: unknown, stateID: number, matchID: string, playerID: string): Promise<MasterAnswer>;
  onConnectionChange(matchID: string, playerID: string, credentials: string | undefined, connected: boolean): Promise<MasterAnswer>;
}

/**
 * boardgame.io's Master for one step: it runs the game's reducer, checks credentials and
 * writes to the store, and tells `send` (one socket) and `sendAll` (the match) what to send.
 */
export function gameMaster(
  game: Game,
  db: StorageAPI.Async,
  auth: Auth,
  send: (data: Outgoing & { playerID: string | null }) => void,
  sendAll: (payload: Outgoing) => void,
): GameMaster {
  const master = new Master(game, db, { send: send, sendAll: sendAll }, auth);
  // The Master's own methods resolve to `{ error }` or to nothing (void).
  const answer = async (pending: Promise<unknown>): Promise<MasterAnswer> => ((await pending) as MasterAnswer) ?? undefined;
  return {
    // numPlayers only matters when boardgame.io creates a match on demand, which we never let it do.
    onSync: (matchID, playerID, credentials) => answer(master.onSync(matchID, playerID, credentials, 2)),
    onUpdate: (action, stateID, matchID, playerID) => answer(master.onUpdate(action as never, stateID, matchID, playerID)),
    onConnectionChange: (matchID, playerID, credentials, connected) => answer(master.onConnectionChange(matchID, playerID, credentials, connected)),
  };
}

/** A new match's first state and match data, made as boardgame.io makes them (setup, flow, players). */
export function newMatchRecord(game: Game, setupData: unknown, unlisted: boolean): { initialState: State; metadata: ServerTypes.MatchData } | { error: string } {
  const made = createMatch({ game, numPlayers: 2, setupData, unlisted });
  if ('setupDataError' in made) return { error: made.setupDataError };
  return { initialState: made.initialState, metadata: made.metadata };
}

/**
 * Takes boardgame.io's lobby router out of service: `run()` mounts `router.routes()` and
 * `router.allowedMethods()` after our own middleware, and both become answers of 404. Its
 * handlers (which match paths case-insensitively, parse forms as well as JSON, write player
 * fields from `__proto__` ids and echo credentials in errors) can then never run, whatever
 * reaches the end of our middleware.
 */
export function retireLobbyRouter(server: BgioServer): void {
  const closed: Middleware = (ctx) => {
    ctx.status = 404;
    ctx.body = { error: 'Not found.' };
  };
  const router = server.router as unknown as { routes: () => Middleware; allowedMethods: () => Middleware };
  router.routes = () => closed;
  router.allowedMethods = () => closed;
}

export { Server as createBgioServer };
