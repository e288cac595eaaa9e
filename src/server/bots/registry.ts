/**
 * The server's running bots: at most one per match (the other seat belongs to the person who
 * asked for it), never more than `max` at once. A bot whose opponent has not moved for `idleMs`
 * steps away and frees its place; it comes back when its person returns to the match (their
 * socket syncs again) and a place is free. When the server starts, the bots of unfinished
 * matches resume, the most recently played first, up to the cap; the rest wait for their
 * person in the same way. Only seats the server itself gave to the computer are ever started
 * (botSeat.ts). Bots stop when their match ends or is removed, and all stop when the server
 * closes.
 */
import { fetchMatch } from '../bgio';
import { log } from '../log';
import type { MatchStore } from '../storage/types';
import { botConfig, botSeats, type BotSettings } from './botSeat';
import { DecisionPool } from './pool';
import { BotRunner, type StopReason } from './runner';

export interface BotOptions {
  /** Bots that may run at once; a request for one more is refused (503). */
  max: number;
  /** The pause before each bot move, [min, max] ms. */
  thinkMs: readonly [number, number];
  /** Decision threads shared by all bots. */
  threads: number;
  /** A bot whose opponent makes no move for this long steps away (0: never). */
  idleMs: number;
  /** Told whenever a bot stops, with why and its figures (tests; logs say the same). */
  onStop?: (matchID: string, reason: StopReason, stats: BotRunner['stats']) => void;
}

export const DEFAULT_BOT_OPTIONS: BotOptions = { max: 20, thinkMs: [600, 1200], threads: 1, idleMs: 10 * 60_000 };

/** How the bots reach the server: its own address, an Origin it allows, and the token that marks the server's own sockets. */
export interface BotAddress {
  url: string;
  origin: string | undefined;
  token: string;
}

export class BotRegistry {
  private readonly runners = new Map<string, BotRunner>();
  /** Matches whose bot is being seated: counted against the cap before their data is written. */
  private readonly reserved = new Set<string>();
  /** Matches whose computer stepped away (idle) or could not resume under the cap: woken when their person acts. */
  private readonly sleeping = new Set<string>();
  readonly pool: DecisionPool;
  private address: BotAddress | null = null;

  constructor(
    private readonly db: MatchStore,
    private readonly gameName: string,
    private readonly options: BotOptions,
  ) {
    this.pool = new DecisionPool(options.threads);
  }

  /** Bots running now. */
  get size(): number {
    return this.runners.size;
  }

  isRunning(matchID: string): boolean {
    return this.runners.has(matchID);
  }

  attach(address: BotAddress): void {
    this.address = address;
  }

  private get full(): boolean {
    return this.runners.size + this.reserved.size >= this.options.max;
  }

  /** Holds a place under the cap for a match's bot; false when the server is full. */
  reserve(matchID: string): boolean {
    if (!this.address || this.full) return false;
    this.reserved.add(matchID);
    return true;
  }

  release(matchID: string): void {
    this.reserved.delete(matchID);
  }

  /** Starts the bot of a seat whose place was reserved (or checked free just before). */
  start(matchID: string, playerID: '0' | '1', credentials: string, settings: BotSettings): void {
    this.reserved.delete(matchID);
    const address = this.address;
    if (!address || this.runners.has(matchID)) return;
    const runner = new BotRunner(
      { matchID, playerID, credentials, config: botConfig(settings, credentials) },
      {
        ...address,
        gameName: this.gameName,
        thinkMs: this.options.thinkMs,
        idleMs: this.options.idleMs,
        decide: (G, ctx, config) => this.pool.decide(G, ctx, config),
        onStop: (reason) => {
          if (this.runners.get(matchID) === runner) this.runners.delete(matchID);
          if (reason === 'idle') this.sleeping.add(matchID);
          log(reason === 'gaveUp' ? 'error' : 'info', 'bot-stopped', { matchID, reason, moves: runner.stats.moves, refused: runner.stats.refused });
          this.options.onStop?.(matchID, reason, { ...runner.stats });
        },
      },
    );
    this.runners.set(matchID, runner);
    log('info', 'bot-started', { matchID, playerID, botLevel: settings.level, persona: settings.persona });
    runner.start();
  }

  /** Stops a match's bot (its match was removed or given up). */
  stop(matchID: string, reason: StopReason = 'matchGone'): void {
    this.sleeping.delete(matchID);
    this.runners.get(matchID)?.stop(reason);
  }

  /** Marks a match's computer as waiting for its person (seated while the server had no room to run it). */
  sleep(matchID: string): void {
    if (!this.runners.has(matchID)) this.sleeping.add(matchID);
  }

  /** Whether a match's computer is waiting to be woken (tests). */
  isSleeping(matchID: string): boolean {
    return this.sleeping.has(matchID);
  }

  /**
   * Brings back the computer of a match whose person acted (synced or moved), if it stepped
   * away and the server has room. Costs nothing for matches whose computer is not asleep.
   * Resolves with whether a bot was started.
   */
  async wake(matchID: string): Promise<boolean> {
    if (!this.sleeping.has(matchID) || this.runners.has(matchID) || !this.address) return false;
    if (this.full) {
      log('warn', 'bot-wake-deferred', { matchID, running: this.runners.size, max: this.options.max });
      return false;
    }
    this.reserved.add(matchID);
    try {
      const { metadata } = await fetchMatch(this.db, matchID, { metadata: true });
      const seat = metadata && metadata.gameover === undefined ? botSeats(metadata)[0] : undefined;
      // Gone, finished or taken back meanwhile: nothing to wake (and nothing left asleep).
      if (!seat) this.sleeping.delete(matchID);
      if (!seat || !this.sleeping.delete(matchID)) return false;
      this.start(matchID, seat.playerID, seat.credentials, seat.settings);
      return true;
    } finally {
      this.reserved.delete(matchID);
    }
  }

  /**
   * Starts the bots of unfinished matches after a restart: the most recently played first, at
   * most `max`. A match that cannot be read is skipped with a log line, never stopping start-up.
   */
  async resume(): Promise<{ started: number; waiting: number }> {
    let started = 0;
    let waiting = 0;
    const matches = await this.db.listMatchData({ gameName: this.gameName, isGameover: false, limit: 10_000 });
    for (const { matchID, metadata } of matches) {
      try {
        const seat = botSeats(metadata)[0];
        if (!seat) continue;
        if (this.full) {
          this.sleeping.add(matchID);
          waiting += 1;
          continue;
        }
        this.start(matchID, seat.playerID, seat.credentials, seat.settings);
        started += 1;
      } catch (error) {
        log('error', 'bot-resume-failed', { matchID, message: (error as Error).message });
      }
    }
    if (waiting > 0) log('warn', 'bots-waiting', { waiting, max: this.options.max });
    return { started, waiting };
  }

  /** Stops every bot and the decision threads (server shutdown). */
  async close(): Promise<void> {
    for (const runner of [...this.runners.values()]) runner.stop('closed');
    this.address = null;
    await this.pool.close();
  }
}
