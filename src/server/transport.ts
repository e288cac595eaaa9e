/**
 * boardgame.io's socket transport, rebuilt with the guards that 0.50.2 lacks
 * (docs/boardgame-io-traps.md, traps 3–9). It keeps boardgame.io's `Master` for the game
 * logic (through bgio.ts) and changes what reaches it and what leaves it:
 * - only well-formed MAKE_MOVE actions of a seat the socket has synced as (S1, S2, S3); a move
 *   that comes before any sync on its socket was made offline and is refused as such, and one
 *   that comes while its socket's sync is being handled waits for that sync;
 * - a sync for a match that does not exist creates nothing and leaves nothing behind (S5);
 * - the `initialState` in a sync goes through the player view like the rest (S4);
 * - a move is stored before anyone is told about it (store, then broadcast);
 * - every step that touches a match runs in the match queue it shares with the lobby and the
 *   bots (matchQueue.ts), so no two writers in this process overwrite each other; across
 *   processes (several instances on one PostgreSQL database) the store's version check refuses a
 *   state written over a newer one, and the move that lost is refused as stale (`lostRace`);
 * - a refused move re-syncs its sender and says why;
 * - foreign origins, oversized messages and floods are refused (S6, S7), and one address may
 *   hold only so many sockets and send only so many messages, all its sockets together.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import type { Game, Server, State, StorageAPI } from 'boardgame.io';
import { Server as SocketServer, type Socket } from 'socket.io';
import { reasonProblem, sideOf, toPlay, whyRefused, type DeRiskState, type ServerRefusal } from '../game';
import { clientAddress } from './address';
import type { Fanout } from './fanout';
import { fetchMatch, gameMaster, playerViewFilter, serverContext, TransportBase, type Auth, type KoaApp, type Outgoing, type PlayerViewFilter, type SyncInfo } from './bgio';
import { isMatchID, originAllowed, syncMessage, updateMessage } from './guards';
import type { Counter, Limiter } from './cluster';
import { KeyedRateLimit, RateLimit, type Rate } from './limits';
import { cut, log } from './log';
import type { MatchQueue } from './matchQueue';
import { seatOf } from './seats';
import { StaleStateError } from './storage/types';

export interface TransportOptions {
  origins: readonly string[];
  /** The queue every change to a match goes through (shared with the lobby). */
  queue: MatchQueue;
  /** socket.io disconnects a client that sends a bigger message. */
  maxMessageBytes: number;
  /** Messages one socket may send. */
  perSocket: Rate;
  /** Messages one address may send, all its sockets together (on every instance). */
  perAddress: Limiter;
  /** Sockets one address may hold open at once (the server's own computer players aside), and that maximum. */
  socketsPerAddress: Counter;
  maxSocketsPerAddress: number;
  /** New sockets one address may open (null: no limit). */
  connectsPerAddress: Limiter | null;
  /** Proxies in front whose X-Forwarded-For is believed (address.ts). */
  trustProxy: number;
  /** Told when a person acts in a match (syncs a seat, or a move of theirs is accepted). */
  onPersonActive?: (matchID: string) => void;
  /** Asked before every move: a refusal holds the match's moves (a class paused by its teacher). */
  holdMoves?: (matchID: string) => ServerRefusal | null;
  /** Told after a match changed: a move was accepted, or a seat connected or went away. */
  onMatchChanged?: (matchID: string) => void;
  /** Told after another instance changed a match (several instances): its class's control rooms here update. */
  onRemoteChange?: (matchID: string) => void;
  /** Several instances: what is told to a match's sockets here is published to the others, and theirs told here (fanout.ts). */
  fanout?: Fanout;
}

interface Seat {
  socket: Socket;
  matchID: string;
  playerID: string | null;
  credentials: string | undefined;
}


export const TOO_MANY_SOCKETS = 'Too many connections from your network; close a tab or two and try again.';

export class GuardedSocketIO extends TransportBase {
  private readonly rooms = new Map<string, Set<Seat>>();
  private readonly seats = new Map<string, Seat>();
  /** Refusals of whole addresses are logged at most once a minute each. */
  private readonly refusalLogs = new KeyedRateLimit({ perSecond: 1 / 60, burst: 1 });
  /** Given to the server's own computer players: their sockets are not counted against an address. */
  readonly internalToken = randomBytes(24).toString('base64url');
  private app: KoaApp | null = null;
  /** Set once `close` has begun: messages still arriving are dropped. */
  private closing = false;
  private games: Game[] = [];
  private io: SocketServer | null = null;
  /** What a step on a match needs, once `listen` has run (for the server's own moves). */
  private engine: { game: Game; db: StorageAPI.Async; auth: Auth; filter: PlayerViewFilter } | null = null;

  constructor(private readonly options: TransportOptions) {
    super();
  }

  /** How many sockets are in a match's room (for tests and the lobby). */
  connectedCount(matchID: string): number {
    return this.rooms.get(matchID)?.size ?? 0;
  }

  /** What the transport holds: rooms with sockets, seated sockets, addresses with sockets (tests, fuzzing). */
  get footprint(): { rooms: number; seats: number; addresses: number } {
    return { rooms: this.rooms.size, seats: this.seats.size, addresses: this.options.socketsPerAddress.size };
  }

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
        if (!ok) log('warn', 'origin-refused', { origin: cut(req.headers.origin, 100) });
        callback(null, ok);
      },
    });
    // socket.io's HTTP long-polling answers bypass Koa: they get the headers that matter for them here.
    io.engine.on('headers', (headers: Record<string, string>) => {
      headers['X-Content-Type-Options'] = 'nosniff';
      headers['Referrer-Policy'] = 'no-referrer';
    });
    const { db, auth } = serverContext(app);
    for (const game of games) {
      const filter = playerViewFilter(game);
      this.engine ??= { game, db, auth, filter };
      const namespace = io.of(`/${game.name ?? 'default'}`);
      namespace.use((socket, next) => void this.admit(socket, next));
      namespace.on('connection', (socket) => this.onConnection(socket, game, db, auth, filter));
    }
    this.io = io;
    const { fanout } = this.options;
    const engine = this.engine;
    if (fanout && engine) {
      fanout
        .listen(({ matchID, payload, metadata }) => {
          this.deliver(matchID, payload, engine.filter, metadata);
          this.options.onRemoteChange?.(matchID);
        })
        .catch((error: unknown) => {
        log('error', 'fanout-listen-failed', { message: cut((error as Error).message, 200) });
      });
    }
    return io;
  }

  /** Whether `close` has begun (asked again after every wait: it may have begun meanwhile). */
  private isClosing(): boolean {
    return this.closing;
  }

  /**
   * Shutdown: the sockets go first (their clients reconnect, through a balancer to another
   * instance) and nothing they send starts a step any more; then the steps under way finish
   * storing and telling the other instances, before the server closes its storage.
   */
  async close(): Promise<void> {
    this.closing = true;
    await this.io?.close();
    await this.options.queue.drain();
  }

  /**
   * A move the server makes for a seat (a class's decision timer ran out): through the Master
   * with the seat's own credentials, in the match's queue, stored before it is broadcast, like
   * any move. It was chosen on state `stateID`: if the game has moved on since, it is dropped.
   * Resolves with whether it was made.
   */
  async serverMove(matchID: string, playerID: '0' | '1', stateID: number, move: { move: string; args: readonly unknown[] }): Promise<boolean> {
    const engine = this.engine;
    if (!engine) return false;
    const { game, db, auth, filter } = engine;
    return this.options.queue.run(matchID, async () => {
      const { state: before, metadata } = await fetchMatch(db, matchID, { state: true, metadata: true });
      const credentials = metadata ? seatOf(metadata, playerID)?.credentials : undefined;
      if (!before || before._stateID !== stateID || !metadata || before.ctx.gameover !== undefined || typeof credentials !== 'string') return false;
      const pending: Outgoing[] = [];
      const action = { type: 'MAKE_MOVE', payload: { type: move.move, args: [...move.args], playerID, credentials } };
      // Another instance stored a move on this state first: the timer's move is dropped, as a stale one is.
      if (await lostRace(() => gameMaster(game, db, auth, () => undefined, (payload) => pending.push(payload)).onUpdate(action, before._stateID, matchID, playerID))) return false;
      const accepted = pending.some((p) => p.type === 'update' && p.args[1]._stateID !== before._stateID);
      if (accepted) {
        for (const payload of pending) this.broadcast(matchID, payload, filter, metadata);
        this.options.onMatchChanged?.(matchID);
      }
      return accepted;
    });
  }

  /**
   * A change the server makes to a match's state outside any move (a class finished after the
   * current round): written as the next state, so that every client takes it and a move made on
   * the state before is refused as stale, then broadcast. `change` returns null to leave it be.
   */
  async changeState(matchID: string, change: (state: State) => State | null): Promise<boolean> {
    const engine = this.engine;
    if (!engine) return false;
    const { db, filter } = engine;
    return this.options.queue.run(matchID, async () => {
      const { state, metadata } = await fetchMatch(db, matchID, { state: true, metadata: true });
      if (!state || !metadata || state.ctx.gameover !== undefined) return false;
      const changed = change(state);
      if (!changed) return false;
      const next = { ...changed, _stateID: state._stateID + 1 };
      if (await lostRace(() => db.setState(matchID, next))) return false;
      this.broadcast(matchID, { type: 'update', args: [matchID, next] }, filter, metadata);
      this.options.onMatchChanged?.(matchID);
      return true;
    });
  }

  private isInternal(socket: Socket): boolean {
    const given = (socket.handshake.auth as { internal?: unknown } | undefined)?.internal;
    if (typeof given !== 'string') return false;
    const [a, b] = [Buffer.from(given), Buffer.from(this.internalToken)];
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** Counts the socket against its address (over every instance), or refuses it when the address holds too many. */
  private async admit(socket: Socket, next: (error?: Error) => void): Promise<void> {
    const internal = this.isInternal(socket);
    const address = clientAddress(socket.handshake.address, socket.handshake.headers['x-forwarded-for'], this.options.trustProxy);
    socket.data = { address, internal };
    if (internal) {
      next();
      return;
    }
    const { connectsPerAddress, socketsPerAddress } = this.options;
    if ((connectsPerAddress && !(await connectsPerAddress.take(address))) || !(await socketsPerAddress.acquire(address))) {
      if (this.refusalLogs.take(`sockets:${address}`)) log('warn', 'too-many-sockets', { address, max: this.options.maxSocketsPerAddress });
      next(new Error(TOO_MANY_SOCKETS));
      return;
    }
    // Gone while it was being counted: socket.io drops it without a disconnect event.
    if (socket.conn.readyState !== 'open') {
      socketsPerAddress.release(address);
      return;
    }
    socket.once('disconnect', () => socketsPerAddress.release(address));
    next();
  }

  private emit(seat: Pick<Seat, 'socket' | 'playerID'>, payload: Outgoing, filter: PlayerViewFilter): void {
    let data = filter(seat.playerID, payload);
    if (data.type === 'sync') {
      // boardgame.io sends the initial state unfiltered: hands, decks and the seed (docs/boardgame-io-traps.md, trap 5).
      const [matchID, info] = data.args;
      const initialState = info.initialState ? (filter(seat.playerID, { type: 'sync', args: [matchID, { ...info, state: info.initialState }] }).args[1] as SyncInfo).state : undefined;
      data = { type: 'sync', args: [matchID, { ...info, initialState }] };
    }
    seat.socket.emit(data.type, ...data.args);
  }

  /** Tells the match's sockets here, and (several instances) the other instances' through the fan-out. */
  private broadcast(matchID: string, payload: Outgoing, filter: PlayerViewFilter, metadata?: Server.MatchData): void {
    this.deliver(matchID, payload, filter, metadata);
    this.options.fanout?.publish({ matchID, payload, ...(metadata ? { metadata } : {}) });
  }

  /** Tells the match's sockets on this instance, each through its own view. */
  private deliver(matchID: string, payload: Outgoing, filter: PlayerViewFilter, metadata?: Server.MatchData): void {
    for (const seat of [...(this.rooms.get(matchID) ?? [])]) {
      // A seat given up in the lobby (and perhaps taken by someone else) no longer sees its view.
      if (metadata && (seat.playerID === '0' || seat.playerID === '1') && seatOf(metadata, seat.playerID)?.credentials !== seat.credentials) {
        this.leave(seat.socket);
        this.refuse(seat.socket, matchID, { code: 'seatLost' });
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
      log('error', 'handler-failed', { socket: socket.id, matchID: cut(matchID), message: (error as Error).message });
      socket.emit('refused', matchID, { code: 'serverError' });
    }
  }

  private leave(socket: Socket): Seat | undefined {
    const seat = this.seats.get(socket.id);
    if (!seat) return undefined;
    this.seats.delete(socket.id);
    const room = this.rooms.get(seat.matchID);
    room?.delete(seat);
    if (room?.size === 0) this.rooms.delete(seat.matchID);
    void socket.leave(seat.matchID);
    return seat;
  }

  /** Whether another socket in the match still holds this seat (the same player in another tab). */
  private heldElsewhere(seat: Seat): boolean {
    return [...(this.rooms.get(seat.matchID) ?? [])].some((other) => other !== seat && other.playerID === seat.playerID && other.credentials === seat.credentials);
  }

  private refuse(socket: Socket, matchID: string, refusal: ServerRefusal, detail: Record<string, unknown> = {}): void {
    log('info', 'refused', { socket: socket.id, matchID: cut(matchID), code: refusal.code, ...detail });
    socket.emit('refused', matchID, refusal);
    // boardgame.io's client shows chat messages to the page: the board reads the refusal from there.
    socket.emit('chat', matchID, { id: `refused-${Date.now()}`, sender: 'server', payload: { refused: refusal } });
  }

  private onConnection(socket: Socket, game: Game, db: StorageAPI.Async, auth: Auth, filter: PlayerViewFilter): void {
    const { address, internal } = socket.data as { address: string; internal: boolean };
    const limit = new RateLimit(this.options.perSocket);
    const master = (send: (data: Outgoing & { playerID: string | null }) => void, sendAll: (payload: Outgoing) => void) => gameMaster(game, db, auth, send, sendAll);
    const queue = this.options.queue;
    // Syncs for matches that do not exist: the first is logged, the rest only counted.
    let unknownSyncs = 0;
    // The syncs this socket has sent, and those still being handled: a move waits for them (see 'update').
    let syncsSent = 0;
    let syncsPending = 0;
    let syncsDone: Promise<unknown> = Promise.resolve();

    // Messages keep their order: each waits for its address's limit (kept in Redis with several instances) in turn.
    const checked = async ([event]: unknown[], next: (error?: Error) => void) => {
      if (this.isClosing()) return;
      if (!limit.take() || (!internal && !(await this.options.perAddress.take(address)))) {
        log('warn', 'flood', { socket: socket.id, address });
        socket.disconnect(true);
        return;
      }
      if (this.isClosing()) return;
      if (event !== 'update' && event !== 'sync') {
        log('info', 'refused-event', { socket: socket.id, event: cut(String(event), 40) });
        return;
      }
      next();
    };
    socket.use((packet, next) => void checked(packet, next));
    socket.on('error', () => socket.disconnect(true));

    const unknownMatch = (matchID: string) => {
      unknownSyncs += 1;
      if (unknownSyncs === 1) log('info', 'unknown-match', { socket: socket.id, matchID: cut(matchID) });
      socket.emit('refused', matchID, { code: 'unknownMatch' });
    };

    const sync = async (args: unknown[]) => {
      const parsed = syncMessage.safeParse(args);
      if (!parsed.success) {
        this.refuse(socket, '', { code: 'malformedMessage' });
        return;
      }
      const [matchID, playerID = null, credentials] = parsed.data;
      // An id the server could never have made is not looked up at all: nothing is queued or read.
      if (!isMatchID(matchID)) {
        unknownMatch(matchID);
        return;
      }
      await this.guarded(socket, matchID, () =>
        queue.run(matchID, async () => {
          const { metadata } = await fetchMatch(db, matchID, { metadata: true });
          if (!metadata) {
            unknownMatch(matchID);
            return;
          }
          const seat: Seat = { socket, matchID, playerID, credentials: credentials ?? undefined };
          const response = await master(
            (data) => this.emit(seat, data, filter),
            (payload) => this.broadcast(matchID, payload, filter),
          ).onSync(matchID, playerID, credentials ?? undefined);
          if (response && 'error' in response) {
            this.refuse(socket, matchID, { code: 'unauthorized' });
            return;
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
            if (!internal) this.options.onPersonActive?.(matchID);
            this.options.onMatchChanged?.(matchID);
          }
        }),
      );
    };

    socket.on('sync', (...args: unknown[]) => {
      syncsSent += 1;
      syncsPending += 1;
      const handled = sync(args).finally(() => {
        syncsPending -= 1;
      });
      syncsDone = Promise.all([syncsDone, handled]);
    });

    socket.on('update', async (...args: unknown[]) => {
      const parsed = updateMessage.safeParse(args);
      if (!parsed.success) return this.refuse(socket, this.seats.get(socket.id)?.matchID ?? '', { code: 'malformedMessage' });
      const [action, stateID, matchID, playerID] = parsed.data;
      // boardgame.io's client syncs as soon as it connects, but socket.io sends what was emitted
      // while the connection was down before that: a move ahead of any sync was made offline.
      if (syncsSent === 0) return this.refuse(socket, matchID, { code: 'sentOffline' }, { move: action.payload.type });
      // A sync still being handled seats this socket first (a move sent right behind it).
      if (syncsPending > 0) await syncsDone;
      const seat = this.seats.get(socket.id);
      if (!seat || seat.matchID !== matchID || seat.playerID !== playerID || action.payload.playerID !== playerID) {
        return this.refuse(socket, matchID, { code: 'notSeated' });
      }
      await this.guarded(socket, matchID, () =>
        queue.run(matchID, async () => {
          /** Refuses the move and re-syncs its sender, so that it drops any optimistic state. */
          const refuseAndResync = async (refusal: ServerRefusal) => {
            this.refuse(socket, matchID, refusal, { move: action.payload.type });
            await master(
              (data) => this.emit(seat, data, filter),
              () => undefined,
            ).onSync(matchID, playerID, seat.credentials);
          };
          const held = this.options.holdMoves?.(matchID);
          if (held) {
            await refuseAndResync(held);
            return;
          }
          const { state: before, metadata } = await fetchMatch(db, matchID, { state: true, metadata: true });
          // The game waits for both seats: no move is made while a seat is empty (R1).
          if (metadata && before && (['0', '1'] as const).some((id) => typeof seatOf(metadata, id)?.name !== 'string')) {
            await refuseAndResync({ code: 'waitingForOpponent' });
            return;
          }
          const pending: Outgoing[] = [];
          let answer: unknown;
          const lost = await lostRace(async () => {
            answer = await master(
              (data) => this.emit(seat, data, filter),
              (payload) => pending.push(payload),
            ).onUpdate(action, stateID, matchID, playerID);
          });
          if (lost) {
            // Another instance stored a move on this state first (storage's version check): this one
            // is refused as stale, nobody is told of it, and its sender is re-synced to the stored state.
            await refuseAndResync({ code: 'stale' });
            return;
          }
          // The Master has written the new state by now: only then is anyone told (store, then broadcast).
          const accepted = pending.find((p) => p.type === 'update' && p.args[1]._stateID !== before?._stateID);
          if (accepted) {
            for (const payload of pending) this.broadcast(matchID, payload, filter, metadata);
            if (!internal) this.options.onPersonActive?.(matchID);
            this.options.onMatchChanged?.(matchID);
            return;
          }
          // For a match that exists, the Master answers an error only when the move's credentials do not hold the seat (S3).
          // Judged on the state as stored now: another instance may have moved the game on since `before` was read.
          const { state: now } = await fetchMatch(db, matchID, { state: true });
          const refusal: ServerRefusal = answer && before ? { code: 'unauthorized' } : refusalFor((now ?? before) as State<DeRiskState> | undefined, stateID, action.payload.type, action.payload.args ?? [], playerID);
          await refuseAndResync(refusal);
        }),
      );
    });

    socket.on('disconnect', async () => {
      if (unknownSyncs > 1) log('info', 'unknown-matches', { socket: socket.id, address, syncs: unknownSyncs });
      const seat = this.leave(socket);
      if (!seat || seat.playerID === null) return;
      await this.guarded(socket, seat.matchID, () =>
        queue.run(seat.matchID, async () => {
          // The same seat open in another tab stays connected; a match removed meanwhile has no seat to mark.
          if (this.heldElsewhere(seat) || !(await fetchMatch(db, seat.matchID, { metadata: true })).metadata) return;
          await master(
            () => undefined,
            (payload) => this.broadcast(seat.matchID, payload, filter),
          ).onConnectionChange(seat.matchID, seat.playerID as string, seat.credentials, false);
          this.options.onMatchChanged?.(seat.matchID);
        }),
      );
    });
  }
}

/** Why the server refused a move, in the engine's words where the engine can say. */
/** Runs a write; true when storage refused it because another writer stored that state first. */
async function lostRace(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return false;
  } catch (error) {
    if (error instanceof StaleStateError) return true;
    throw error;
  }
}

function refusalFor(state: State<DeRiskState> | undefined, stateID: number, move: string, args: readonly unknown[], playerID: string): ServerRefusal {
  if (!state) return { code: 'unknownMatch' };
  if (state.ctx.gameover !== undefined) return { code: 'gameOver' };
  if (state._stateID !== stateID) return { code: 'stale' };
  const badReason = reasonProblem(move, args);
  if (badReason) return badReason;
  const side = sideOf(playerID);
  const play = toPlay(move, args);
  const refusal = side && play ? whyRefused(state.G, state.ctx, side, play) : null;
  return refusal ?? { code: 'notAccepted' };
}
