/**
 * One computer player in one online match, playing over the same protocol as a person: a
 * socket.io client on the server's own address (loopback) that syncs as its seat with the
 * seat's credentials and sends MAKE_MOVE updates exactly as boardgame.io's browser client does.
 * It gets only what that seat's player would get (the seat's filtered view), so the bot
 * cannot see more than a person in its chair, and every move goes through the same guards.
 */
import type { Ctx, State } from 'boardgame.io';
import { io, type Socket } from 'socket.io-client';
import { safeMove } from '../../bots/safe';
import type { BotConfig, BotDecision, BotMove } from '../../bots/types';
import { actingSide, sideOf, type DeRiskState } from '../../game';
import { log } from '../log';

/**
 * Why a bot stopped; 'idle': its opponent made no move for a long time (it may be woken again);
 * 'leaseLost': another instance runs this seat now (several instances, registry.ts).
 */
export type StopReason = 'gameOver' | 'matchGone' | 'seatLost' | 'gaveUp' | 'closed' | 'idle' | 'leaseLost';

export interface RunnerSeat {
  matchID: string;
  playerID: '0' | '1';
  credentials: string;
  config: BotConfig;
}

export interface RunnerOptions {
  /** The server's own address, e.g. http://127.0.0.1:8000. */
  url: string;
  /** Sent as the Origin header: one the server allows. */
  origin: string | undefined;
  /** Marks the socket as the server's own (not counted against the per-address socket cap). */
  token: string;
  /** Steps away after this long without a new state (0: never). */
  idleMs?: number;
  gameName: string;
  /** A pause before each move, drawn from [min, max] ms, so the computer does not answer instantly. */
  thinkMs: readonly [number, number];
  decide: (G: DeRiskState, ctx: Ctx, config: BotConfig) => Promise<BotDecision>;
  onStop: (reason: StopReason) => void;
  /** The wait before asking for the state again after a refusal, growing with each one in a row. */
  retryMs?: number;
}

/** Refusals in a row (without an accepted move in between) after which the bot gives up. */
const MAX_REFUSALS = 5;
/** How often a computer in a paused class asks whether the class has resumed. */
const PAUSED_RETRY_MS = 2000;

type Refusal = { code?: unknown };

/** A state as the server sends it (a seat's view): enough to be read as one. */
function isState(value: unknown): value is State<DeRiskState> {
  const s = value as Partial<State<DeRiskState>> | null | undefined;
  return typeof s === 'object' && s !== null && typeof s._stateID === 'number' && typeof s.G === 'object' && typeof s.ctx === 'object';
}

export class BotRunner {
  private readonly socket: Socket;
  private latest: State<DeRiskState> | null = null;
  /** The state a decision is being made for, or a move was sent from. */
  private pending: number | null = null;
  /** Bumped whenever an answer under way must be dropped (refusal, reconnect, stop). */
  private attempt = 0;
  /** The state whose move the server refused last: the next try there is the safe move. */
  private refusedAt: number | null = null;
  private refusals = 0;
  private synced = false;
  private idleTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  readonly stats = { moves: 0, refused: 0 };

  constructor(
    readonly seat: RunnerSeat,
    private readonly options: RunnerOptions,
  ) {
    this.socket = io(`${options.url}/${options.gameName}`, {
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
      extraHeaders: options.origin ? { Origin: options.origin } : {},
      auth: { internal: options.token },
      autoConnect: false,
    });
    this.socket.on('connect', () => this.sync());
    // What arrives over the socket is checked before it is believed, though it is our own server.
    this.socket.on('sync', (matchID: unknown, info: unknown) => {
      const state = (info as { state?: unknown } | null | undefined)?.state;
      if (matchID !== seat.matchID || !isState(state)) return;
      this.synced = true;
      this.onState(state);
    });
    this.socket.on('update', (matchID: unknown, state: unknown) => {
      if (matchID === seat.matchID && isState(state)) this.onState(state);
    });
    this.socket.on('refused', (_matchID: unknown, refusal: unknown) => this.onRefused(typeof refusal === 'object' && refusal !== null ? (refusal as Refusal) : {}));
    this.socket.on('disconnect', (reason) => {
      this.synced = false;
      this.pending = null;
      this.attempt += 1;
      // socket.io reconnects by itself, except when the server sent the disconnect.
      if (!this.stopped && reason === 'io server disconnect') this.later(this.retryMs, () => this.socket.connect());
    });
  }

  private get retryMs(): number {
    return this.options.retryMs ?? 500;
  }

  start(): void {
    this.touch();
    this.socket.connect();
  }

  /** Stops the idle clock: the computer itself is to move, so nobody is keeping it waiting. */
  private clearIdle(): void {
    if (!this.idleTimer) return;
    clearTimeout(this.idleTimer);
    this.timers.delete(this.idleTimer);
    this.idleTimer = undefined;
  }

  /** (Re)starts the idle clock: the computer waits for its opponent from now on. */
  private touch(): void {
    const idleMs = this.options.idleMs ?? 0;
    if (idleMs <= 0 || this.stopped) return;
    this.clearIdle();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.stop('idle');
    }, idleMs);
    this.idleTimer = timer;
    this.timers.add(timer);
  }

  stop(reason: StopReason): void {
    if (this.stopped) return;
    this.stopped = true;
    this.attempt += 1;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.socket.removeAllListeners();
    this.socket.close();
    this.options.onStop(reason);
  }

  private later(ms: number, work: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopped) work();
    }, ms);
    this.timers.add(timer);
  }

  private sync(): void {
    const { matchID, playerID, credentials } = this.seat;
    this.socket.emit('sync', matchID, playerID, credentials, 2);
  }

  private onState(state: State<DeRiskState>): void {
    if (this.stopped) return;
    const before = this.latest?._stateID;
    if (before !== undefined && state._stateID < before) return;
    if (before !== undefined && state._stateID > before) {
      this.refusals = 0;
      this.refusedAt = null;
    }
    const moved = before === undefined || state._stateID > before;
    this.latest = state;
    if (state.ctx.gameover !== undefined) return this.stop('gameOver');
    if (actingSide(state.G, state.ctx) !== sideOf(this.seat.playerID)) {
      // Waiting for the opponent: the idle clock runs from the last change of the game.
      if (moved || !this.idleTimer) this.touch();
      return;
    }
    this.clearIdle();
    if (this.pending === state._stateID) return;
    void this.play(state);
  }

  /** Decides (off the event loop) and pauses, both at once; sends only if nothing changed meanwhile. */
  private async play(state: State<DeRiskState>): Promise<void> {
    const stateID = state._stateID;
    const attempt = ++this.attempt;
    this.pending = stateID;
    const [min, max] = this.options.thinkMs;
    const pause = new Promise<void>((resolve) => this.later(min + Math.random() * Math.max(0, max - min), resolve));
    let move: BotMove;
    try {
      move = this.refusedAt === stateID ? safeMove(state.G, { kind: 'refused' }) : (await this.options.decide(state.G, state.ctx, this.seat.config)).move;
      await pause;
    } catch (error) {
      if (this.stopped || attempt !== this.attempt) return;
      log('warn', 'bot-decision-failed', { matchID: this.seat.matchID, message: (error as Error).message });
      this.retry();
      return;
    }
    if (this.stopped || attempt !== this.attempt || this.latest?._stateID !== stateID || !this.socket.connected) return;
    const { matchID, playerID, credentials } = this.seat;
    this.stats.moves += 1;
    this.socket.emit('update', { type: 'MAKE_MOVE', payload: { type: move.move, args: move.args, playerID, credentials } }, stateID, matchID, playerID);
  }

  private onRefused({ code }: Refusal): void {
    if (this.stopped) return;
    if (code === 'unknownMatch') return this.stop('matchGone');
    if (code === 'seatLost' || (code === 'unauthorized' && !this.synced)) return this.stop('seatLost');
    if (code === 'gameOver') return this.stop('gameOver');
    if (code === 'paused') {
      // The class's teacher paused every match: not a fault of the move; ask again later, without giving up.
      this.pending = null;
      this.attempt += 1;
      this.later(PAUSED_RETRY_MS, () => {
        if (this.socket.connected) this.sync();
      });
      return;
    }
    this.stats.refused += 1;
    this.refusedAt = this.pending ?? this.latest?._stateID ?? null;
    log('warn', 'bot-move-refused', { matchID: this.seat.matchID, code });
    this.retry();
  }

  /** Forgets the move under way and asks for the state again, a little later each time; gives up in the end. */
  private retry(): void {
    this.refusals += 1;
    this.pending = null;
    this.attempt += 1;
    if (this.refusals >= MAX_REFUSALS) {
      log('error', 'bot-gave-up', { matchID: this.seat.matchID, refusals: this.refusals });
      return this.stop('gaveUp');
    }
    this.later(this.retryMs * this.refusals, () => {
      if (this.socket.connected) this.sync();
    });
  }
}
