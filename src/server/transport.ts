/**
 * boardgame.io's socket transport, rebuilt with the guards that 0.50.2 lacks (STACK.md traps
 * 3–9). It keeps boardgame.io's `Master` for the game logic and changes what reaches it and
 * what leaves it:
 * - only well-formed MAKE_MOVE actions of a seat the socket has synced as (S1, S2, S3);
 * - a sync for a match that does not exist creates nothing (S5);
 * - the `initialState` in a sync goes through the player view like the rest (S4);
 * - a move is on disk before anyone is told about it (store, then broadcast);
 * - a refused move re-syncs its sender and says why;
 * - foreign origins, oversized messages and floods are refused (S6, S7).
 */
import type { Ctx, Game, LogEntry, Server as ServerTypes, State, StorageAPI } from 'boardgame.io';
import { getFilterPlayerView } from 'boardgame.io/internal';
import { Master } from 'boardgame.io/master';
import { SocketIO } from 'boardgame.io/server';
import type { Server as HttpServer } from 'node:http';
import { Server as SocketServer, type Socket } from 'socket.io';
import { reasonProblem, sideOf, toPlay, whyRefused, type DeRiskState } from '../game';
import { originAllowed, RateLimit, syncMessage, updateMessage } from './guards';
import { log } from './log';

export interface TransportOptions {
  origins: readonly string[];
  /** socket.io disconnects a client that sends a bigger message. */
  maxMessageBytes: number;
  messagesPerSecond: number;
  burst: number;
}

type Payload = { type: string; args: unknown[] };
type Filter = (playerID: string | null, payload: Payload) => Payload;

interface Seat {
  socket: Socket;
  matchID: string;
  playerID: string | null;
  credentials: string | undefined;
}

type KoaApp = Parameters<SocketIO['init']>[0];

export interface Refusal {
  code: string;
  message: string;
}

export class GuardedSocketIO extends SocketIO {
  private readonly rooms = new Map<string, Set<Seat>>();
  private readonly seats = new Map<string, Seat>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly options: TransportOptions) {
    super();
  }

  /** How many sockets are in a match's room (for tests and the lobby). */
  connectedCount(matchID: string): number {
    return this.rooms.get(matchID)?.size ?? 0;
  }

  private app: KoaApp | null = null;
  private games: Game[] = [];
  private io: SocketServer | null = null;

  /** Called by boardgame.io's Server(); the sockets start listening in `listen`. */
  override init(app: KoaApp, games: Game[]): void {
    this.app = app;
    this.games = games;
  }

  /** Attaches socket.io to the running HTTP server. */
  listen(http: HttpServer): SocketServer {
    const { app, games } = this;
    if (!app) throw new Error('The transport was not given to boardgame.io Server()');
    const { origins, maxMessageBytes } = this.options;
    const io = new SocketServer(http, {
      pingTimeout: 20_000,
      pingInterval: 10_000,
      maxHttpBufferSize: maxMessageBytes,
      cors: { origin: [...origins], methods: ['GET', 'POST'] },
      allowRequest: (req, callback) => {
        const ok = originAllowed(req.headers.origin, origins);
        if (!ok) log('warn', 'origin-refused', { origin: req.headers.origin });
        callback(null, ok);
      },
    });
    for (const game of games) {
      const filter = getFilterPlayerView(game) as unknown as Filter;
      io.of(`/${game.name ?? 'default'}`).on('connection', (socket) => this.onConnection(socket, game, app, filter));
    }
    this.io = io;
    return io;
  }

  async close(): Promise<void> {
    // Let queued moves reach the store before the sockets go.
    await Promise.all([...this.queues.values()]);
    await this.io?.close();
  }

  private queue<T>(matchID: string, work: () => Promise<T>): Promise<T> {
    const next = (this.queues.get(matchID) ?? Promise.resolve()).then(work, work);
    this.queues.set(
      matchID,
      next.catch(() => undefined),
    );
    return next;
  }

  private emit(seat: Pick<Seat, 'socket' | 'playerID'>, payload: Payload, filter: Filter): void {
    let data = filter(seat.playerID, payload);
    if (data.type === 'sync') {
      // Trap 5: boardgame.io sends the initial state unfiltered: hands, decks and the seed.
      const [matchID, info] = data.args as [string, { initialState?: State }];
      const initialState = info.initialState
        ? (filter(seat.playerID, { type: 'sync', args: [matchID, { ...info, state: info.initialState }] }).args[1] as { state: State }).state
        : undefined;
      data = { type: 'sync', args: [matchID, { ...info, initialState }] };
    }
    seat.socket.emit(data.type, ...data.args);
  }

  private broadcast(matchID: string, payload: Payload, filter: Filter, metadata?: ServerTypes.MatchData): void {
    for (const seat of [...(this.rooms.get(matchID) ?? [])]) {
      // A seat given up in the lobby (and perhaps taken by someone else) no longer sees its view.
      if (metadata && seat.playerID !== null && metadata.players[Number(seat.playerID)]?.credentials !== seat.credentials) {
        this.leave(seat.socket);
        this.refuse(seat.socket, matchID, { code: 'seatLost', message: 'This seat is no longer yours.' });
        continue;
      }
      this.emit(seat, payload, filter);
    }
  }

  /** Runs a socket handler; a failure (storage down, say) is logged and answered, never fatal. */
  private async guarded(socket: Socket, matchID: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      log('error', 'handler-failed', { socket: socket.id, matchID, message: (error as Error).message });
      socket.emit('refused', matchID, { code: 'serverError', message: 'The server could not handle that; please try again.' });
    }
  }

  private leave(socket: Socket): Seat | undefined {
    const seat = this.seats.get(socket.id);
    if (!seat) return undefined;
    this.seats.delete(socket.id);
    const room = this.rooms.get(seat.matchID);
    room?.delete(seat);
    if (room?.size === 0) {
      this.rooms.delete(seat.matchID);
      this.queues.delete(seat.matchID);
    }
    return seat;
  }

  private refuse(socket: Socket, matchID: string, refusal: Refusal, detail: Record<string, unknown> = {}): void {
    log('info', 'refused', { socket: socket.id, matchID, code: refusal.code, ...detail });
    socket.emit('refused', matchID, refusal);
    // boardgame.io's client shows chat messages to the page: the board reads the refusal from there.
    socket.emit('chat', matchID, { id: `refused-${Date.now()}`, sender: 'server', payload: { refused: refusal } });
  }

  private onConnection(socket: Socket, game: Game, app: KoaApp, filter: Filter): void {
    const db = (app.context as unknown as { db: StorageAPI.Async }).db;
    const auth = (app.context as unknown as { auth: ConstructorParameters<typeof Master>[3] }).auth;
    const limit = new RateLimit(this.options.messagesPerSecond, this.options.burst);

    socket.use(([event], next) => {
      if (!limit.take()) {
        log('warn', 'flood', { socket: socket.id });
        socket.disconnect(true);
        return;
      }
      if (event !== 'update' && event !== 'sync') {
        log('info', 'refused-event', { socket: socket.id, event: String(event).slice(0, 40) });
        return;
      }
      next();
    });
    socket.on('error', () => socket.disconnect(true));

    const master = (send: (data: Payload & { playerID: string | null }) => void, sendAll: (payload: Payload) => void) =>
      new Master(game, db, { send: send as never, sendAll: sendAll as never }, auth);

    socket.on('sync', async (...args: unknown[]) => {
      const parsed = syncMessage.safeParse(args);
      if (!parsed.success) return this.refuse(socket, '', { code: 'malformed', message: 'That sync message is not well formed.' });
      const [matchID, playerID = null, credentials] = parsed.data;
      await this.guarded(socket, matchID, () => this.queue(matchID, async () => {
        const { metadata } = await db.fetch(matchID, { metadata: true });
        if (!metadata) return this.refuse(socket, matchID, { code: 'unknownMatch', message: 'There is no match with that code.' });
        const seat: Seat = { socket, matchID, playerID, credentials: credentials ?? undefined };
        const response = await master(
          (data) => this.emit(seat, data, filter),
          (payload) => this.broadcast(matchID, payload, filter),
        ).onSync(matchID, playerID as string, credentials ?? undefined, 2);
        if (response && 'error' in response) {
          return this.refuse(socket, matchID, { code: 'unauthorized', message: 'Those credentials do not hold that seat.' });
        }
        this.leave(socket);
        await socket.join(matchID);
        this.seats.set(socket.id, seat);
        const room = this.rooms.get(matchID) ?? new Set<Seat>();
        room.add(seat);
        this.rooms.set(matchID, room);
        if (playerID !== null) {
          await master(
            () => undefined,
            (payload) => this.broadcast(matchID, payload, filter),
          ).onConnectionChange(matchID, playerID, credentials ?? undefined, true);
        }
      }));
    });

    socket.on('update', async (...args: unknown[]) => {
      const parsed = updateMessage.safeParse(args);
      const seat = this.seats.get(socket.id);
      if (!parsed.success) return this.refuse(socket, seat?.matchID ?? '', { code: 'malformed', message: 'Only moves of this game can be sent.' });
      const [action, stateID, matchID, playerID] = parsed.data;
      if (!seat || seat.matchID !== matchID || seat.playerID !== playerID || action.payload.playerID !== playerID) {
        return this.refuse(socket, matchID, { code: 'notSeated', message: 'This connection does not hold that seat.' });
      }
      await this.guarded(socket, matchID, () => this.queue(matchID, async () => {
        const { state: before, metadata } = await db.fetch(matchID, { state: true, metadata: true });
        const pending: Payload[] = [];
        await master(
          (data) => this.emit(seat, data, filter),
          (payload) => pending.push(payload),
        ).onUpdate(action as never, stateID, matchID, playerID);
        // The Master has written the new state by now: only then is anyone told (store, then broadcast).
        const accepted = pending.find((p) => p.type === 'update' && (p.args[1] as State)._stateID !== before?._stateID);
        if (accepted) {
          for (const payload of pending) this.broadcast(matchID, payload, filter, metadata);
          return;
        }
        this.refuse(socket, matchID, refusalFor(before as State<DeRiskState> | undefined, stateID, action.payload.type, action.payload.args ?? [], playerID), {
          move: action.payload.type,
        });
        // Re-sync the sender so that it drops any optimistic state.
        await master(
          (data) => this.emit(seat, data, filter),
          () => undefined,
        ).onSync(matchID, playerID, seat.credentials, 2);
      }));
    });

    socket.on('disconnect', async () => {
      const seat = this.leave(socket);
      if (!seat || seat.playerID === null) return;
      await this.guarded(socket, seat.matchID, () =>
        this.queue(seat.matchID, async () => {
          // A match removed meanwhile (given up, swept) has no seat left to mark as gone.
          if (!(await db.fetch(seat.matchID, { metadata: true })).metadata) return;
          await master(
            () => undefined,
            (payload) => this.broadcast(seat.matchID, payload, filter),
          ).onConnectionChange(seat.matchID, seat.playerID as string, seat.credentials, false);
        }),
      );
    });
  }
}

/** Why the server refused a move, in the engine's words where the engine can say. */
function refusalFor(state: State<DeRiskState> | undefined, stateID: number, move: string, args: readonly unknown[], playerID: string): Refusal {
  if (!state) return { code: 'unknownMatch', message: 'There is no match with that code.' };
  if (state.ctx.gameover !== undefined) return { code: 'gameOver', message: 'The game is over.' };
  if (state._stateID !== stateID) return { code: 'stale', message: 'The game moved on before your move arrived; your board has been refreshed.' };
  const badReason = reasonProblem(move, args);
  if (badReason) return badReason;
  const side = sideOf(playerID);
  const play = toPlay(move, args);
  const refusal = side && play ? whyRefused(state.G, state.ctx as Ctx, side, play) : null;
  return refusal ?? { code: 'unauthorized', message: 'That move was not accepted for this seat.' };
}

export type { LogEntry, ServerTypes };
