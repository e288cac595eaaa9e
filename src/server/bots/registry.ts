/**
 * The server's running bots: at most one per match (the other seat belongs to the person who
 * asked for it), capped in number, resumed when the server starts, stopped when their match
 * ends or is removed, and all stopped when the server closes.
 */
import type { StorageAPI } from 'boardgame.io';
import { log } from '../log';
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
  /** Told whenever a bot stops, with why and its figures (tests; logs say the same). */
  onStop?: (matchID: string, reason: StopReason, stats: BotRunner['stats']) => void;
}

export const DEFAULT_BOT_OPTIONS: BotOptions = { max: 20, thinkMs: [600, 1200], threads: 1 };

export class BotRegistry {
  private readonly runners = new Map<string, BotRunner>();
  /** Matches whose bot is being seated: counted against the cap before their data is written. */
  private readonly reserved = new Set<string>();
  readonly pool: DecisionPool;
  private address: { url: string; origin: string | undefined } | null = null;

  constructor(
    private readonly db: StorageAPI.Async,
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

  /** Where the bots connect: the server's own listening address, with an Origin it allows. */
  attach(url: string, origin: string | undefined): void {
    this.address = { url, origin };
  }

  /** Holds a place under the cap for a match's bot; false when the server is full. */
  reserve(matchID: string): boolean {
    if (!this.address || this.runners.size + this.reserved.size >= this.options.max) return false;
    this.reserved.add(matchID);
    return true;
  }

  release(matchID: string): void {
    this.reserved.delete(matchID);
  }

  /** Starts the bot of a seat (its place reserved or not: bots resumed at start-up were admitted before). */
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
        decide: (G, ctx, config) => this.pool.decide(G, ctx, config),
        onStop: (reason) => {
          if (this.runners.get(matchID) === runner) this.runners.delete(matchID);
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
    this.runners.get(matchID)?.stop(reason);
  }

  /** Starts the bots of every unfinished match that has one (after a restart). */
  async resume(): Promise<number> {
    let resumed = 0;
    for (const matchID of await this.db.listMatches({ gameName: this.gameName, where: { isGameover: false } })) {
      const { metadata } = await this.db.fetch(matchID, { metadata: true });
      for (const seat of metadata ? botSeats(metadata) : []) {
        this.start(matchID, seat.playerID, seat.credentials, seat.settings);
        resumed += 1;
      }
    }
    if (resumed > this.options.max) log('warn', 'bots-over-cap', { running: resumed, max: this.options.max });
    return resumed;
  }

  /** Stops every bot and the decision threads (server shutdown). */
  async close(): Promise<void> {
    for (const runner of [...this.runners.values()]) runner.stop('closed');
    this.address = null;
    await this.pool.close();
  }
}
