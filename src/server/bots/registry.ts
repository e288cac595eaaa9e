/**
 * The server's running bots: at most one per match (the other seat belongs to the person who
 * asked for it), never more than `max` at once. A bot whose opponent has not moved for `idleMs`
 * steps away and frees its place; it comes back when its person returns to the match (their
 * socket syncs again) and a place is free. When the server starts, the bots of unfinished
 * matches resume, the most recently played first, up to the cap; the rest wait for their
 * person in the same way. Only seats the server itself gave to the computer are ever started
 * (botSeat.ts). Bots stop when their match ends or is removed, and all stop when the server
 * closes.
 *
 * Which bot runs where is a lease (cluster.ts): one instance keeps its leases in memory; several
 * keep them in Redis, so that each computer seat is run by exactly one instance and the cap holds
 * over all of them. An instance renews its leases every third of `leaseMs` and takes over
 * orphans: the seats of an instance that died (its leases ran out) or shut down (it handed them
 * off). A seat whose lease another instance took is stopped here ('leaseLost'), and an instance
 * that cannot renew for a whole `leaseMs` stops its bots, since another may be running them.
 */
import { fetchMatch } from '../bgio';
import { LocalBotLeases, type BotLeases, type LeaseEnd } from '../cluster';
import { log } from '../log';
import type { MatchStore } from '../storage/types';
import { botConfig, botSeats, type BotSettings } from './botSeat';
import { DecisionPool } from './pool';
import { BotRunner, type StopReason } from './runner';

export interface BotOptions {
  /** Bots that may run at once (over all instances); a request for one more is refused (503). */
  max: number;
  /** The pause before each bot move, [min, max] ms. */
  thinkMs: readonly [number, number];
  /** Decision threads shared by all bots. */
  threads: number;
  /** A bot whose opponent makes no move for this long steps away (0: never). */
  idleMs: number;
  /** How long a lease lasts unless renewed (several instances): the longest an orphaned seat waits. */
  leaseMs: number;
  /** Told whenever a bot stops, with why and its figures (tests; logs say the same). */
  onStop?: (matchID: string, reason: StopReason, stats: BotRunner['stats']) => void;
}

export const DEFAULT_BOT_OPTIONS: BotOptions = { max: 20, thinkMs: [600, 1200], threads: 1, idleMs: 10 * 60_000, leaseMs: 15_000 };

/** Orphans one instance takes over per heartbeat, so that they spread over the instances. */
const ORPHANS_PER_BEAT = 5;

/** How the bots reach the server: its own address, an Origin it allows, and the token that marks the server's own sockets. */
export interface BotAddress {
  url: string;
  origin: string | undefined;
  token: string;
}

export class BotRegistry {
  private readonly runners = new Map<string, BotRunner>();
  /** Matches whose computer stepped away (idle) or could not resume under the cap, as far as this instance knows. */
  private readonly sleeping = new Set<string>();
  /** Matches being woken or taken over now, each with its start under way (a person's sync and move can both ask at once). */
  private readonly starting = new Map<string, Promise<boolean>>();
  /** Lease releases under way: `close` waits for them. */
  private readonly releasing = new Set<Promise<void>>();
  readonly pool: DecisionPool;
  private address: BotAddress | null = null;
  private heartbeat: NodeJS.Timeout | undefined;
  private lastRenewed = Date.now();

  constructor(
    private readonly db: MatchStore,
    private readonly gameName: string,
    private readonly options: BotOptions,
    private readonly leases: BotLeases = new LocalBotLeases(options.max),
    /** Whether other instances share the leases (then this one renews them and takes over orphans). */
    private readonly shared = false,
  ) {
    this.pool = new DecisionPool(options.threads);
  }

  /** Bots running now on this instance. */
  get size(): number {
    return this.runners.size;
  }

  isRunning(matchID: string): boolean {
    return this.runners.has(matchID);
  }

  attach(address: BotAddress): void {
    this.address = address;
    if (this.shared && !this.heartbeat) {
      this.heartbeat = setInterval(() => void this.beat(), Math.max(100, Math.floor(this.options.leaseMs / 3)));
      this.heartbeat.unref();
    }
  }

  /** Holds a place under the cap for a match's bot (or a class's hold); false when the server is full. */
  async reserve(key: string): Promise<boolean> {
    if (!this.address) return false;
    try {
      return (await this.leases.acquire(key, 'capped')) === 'ok';
    } catch (error) {
      log('error', 'bot-lease-failed', { key, message: (error as Error).message });
      return false;
    }
  }

  release(key: string): void {
    this.end(key, 'done');
  }

  private end(matchID: string, how: LeaseEnd): void {
    const released = this.leases.release(matchID, how).catch((error: unknown) => log('error', 'bot-lease-failed', { matchID, message: (error as Error).message }));
    this.releasing.add(released);
    void released.finally(() => this.releasing.delete(released));
  }

  /**
   * Starts the bot of a seat whose place was reserved (under its match, or under a class's hold:
   * then the match's own lease is taken here, beyond the cap the hold already counted).
   */
  start(matchID: string, playerID: '0' | '1', credentials: string, settings: BotSettings): void {
    if (!this.address || this.runners.has(matchID)) return;
    if (this.leases.owns(matchID)) {
      this.spawn(matchID, playerID, credentials, settings);
      return;
    }
    void this.leases
      .acquire(matchID, 'uncapped')
      .then((answer) => {
        if (answer === 'ok') this.spawn(matchID, playerID, credentials, settings);
        else log('warn', 'bot-not-started', { matchID, answer });
      })
      .catch((error: unknown) => log('error', 'bot-lease-failed', { matchID, message: (error as Error).message }));
  }

  private spawn(matchID: string, playerID: '0' | '1', credentials: string, settings: BotSettings): void {
    const address = this.address;
    if (!address || this.runners.has(matchID)) return;
    this.sleeping.delete(matchID);
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
          // A seat another instance took is not this one's to release.
          if (reason !== 'leaseLost') this.end(matchID, reason === 'idle' ? 'asleep' : reason === 'closed' ? 'handOff' : 'done');
          const level = reason === 'gaveUp' ? 'error' : reason === 'leaseLost' ? 'warn' : 'info';
          log(level, 'bot-stopped', { matchID, reason, moves: runner.stats.moves, refused: runner.stats.refused });
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
    const runner = this.runners.get(matchID);
    if (runner) runner.stop(reason);
    else this.end(matchID, 'done');
  }

  /** Marks a match's computer as waiting for its person (seated while the server had no room to run it). */
  sleep(matchID: string): void {
    if (this.runners.has(matchID)) return;
    this.sleeping.add(matchID);
    this.end(matchID, 'asleep');
  }

  /** Marks again, in the shared leases, the computers this instance knows to be asleep (Redis forgot them). */
  remindSleeping(): void {
    for (const matchID of this.sleeping) if (!this.runners.has(matchID)) this.end(matchID, 'asleep');
  }

  /** Whether a match's computer is waiting to be woken, as far as this instance knows (tests). */
  isSleeping(matchID: string): boolean {
    return this.sleeping.has(matchID);
  }

  /**
   * Brings back the computer of a match whose person acted (synced or moved), if it stepped
   * away and the server has room. One instance alone knows which computers sleep and asks
   * nothing for the others; several ask the shared leases. Resolves with whether a bot started.
   */
  async wake(matchID: string): Promise<boolean> {
    if (this.runners.has(matchID) || this.starting.has(matchID) || !this.address) return false;
    if (!this.shared && !this.sleeping.has(matchID)) return false;
    return this.startOnce(matchID, async () => {
      const answer = await this.leases.acquire(matchID, 'wake');
      // Another instance runs it (woken there): not asleep, as far as this one knows either.
      if (answer === 'held') this.sleeping.delete(matchID);
      if (answer === 'full') log('warn', 'bot-wake-deferred', { matchID, running: this.runners.size, max: this.options.max });
      if (answer !== 'ok') return false;
      return this.adopt(matchID);
    });
  }

  /** Runs one start of a match's computer at a time; `starting` holds it meanwhile. */
  private async startOnce(matchID: string, start: () => Promise<boolean>): Promise<boolean> {
    const started = start();
    this.starting.set(matchID, started);
    try {
      return await started;
    } finally {
      if (this.starting.get(matchID) === started) this.starting.delete(matchID);
    }
  }

  /** Starts the computer of a match whose lease this instance has just taken; releases it when there is no seat to play. */
  private async adopt(matchID: string): Promise<boolean> {
    let seat: ReturnType<typeof botSeats>[number] | undefined;
    try {
      const { metadata } = await fetchMatch(this.db, matchID, { metadata: true });
      seat = metadata && metadata.gameover === undefined ? botSeats(metadata)[0] : undefined;
    } catch (error) {
      // Not readable now: handed back, so that this or another instance tries again.
      log('error', 'bot-resume-failed', { matchID, message: (error as Error).message });
      this.end(matchID, 'handOff');
      return false;
    }
    // Gone, finished or taken back meanwhile: nothing to run (and nothing left asleep).
    if (!seat || !this.address) {
      this.sleeping.delete(matchID);
      this.end(matchID, 'done');
      return false;
    }
    this.spawn(matchID, seat.playerID, seat.credentials, seat.settings);
    return true;
  }

  /**
   * Starts the bots of unfinished matches after a restart: the most recently played first, at
   * most `max` (over all instances), none that another instance runs. A match that cannot be
   * read is skipped with a log line, never stopping start-up.
   */
  async resume(): Promise<{ started: number; waiting: number }> {
    let started = 0;
    let waiting = 0;
    const matches = await this.db.listMatchData({ gameName: this.gameName, isGameover: false, limit: 10_000 });
    for (const { matchID, metadata } of matches) {
      try {
        const seat = botSeats(metadata)[0];
        if (!seat || this.runners.has(matchID)) continue;
        const answer = await this.leases.acquire(matchID, 'resume');
        if (answer === 'full' || answer === 'asleep') {
          this.sleeping.add(matchID);
          if (answer === 'full') waiting += 1;
          continue;
        }
        if (answer !== 'ok') continue;
        this.spawn(matchID, seat.playerID, seat.credentials, seat.settings);
        started += 1;
      } catch (error) {
        log('error', 'bot-resume-failed', { matchID, message: (error as Error).message });
      }
    }
    if (waiting > 0) log('warn', 'bots-waiting', { waiting, max: this.options.max });
    return { started, waiting };
  }

  /** Several instances: renews this instance's leases, stops the seats it lost, and takes over orphans. */
  private async beat(): Promise<void> {
    if (!this.address) return;
    try {
      const lost = await this.leases.renew([...this.runners.keys()]);
      this.lastRenewed = Date.now();
      for (const matchID of lost) this.runners.get(matchID)?.stop('leaseLost');
    } catch (error) {
      log('warn', 'bot-lease-renew-failed', { message: (error as Error).message });
      if (Date.now() - this.lastRenewed > this.options.leaseMs && this.runners.size > 0) {
        // Another instance may be running these seats by now: stop rather than play twice.
        log('error', 'bot-leases-expired', { running: this.runners.size });
        for (const runner of [...this.runners.values()]) runner.stop('leaseLost');
      }
      return;
    }
    try {
      for (const matchID of await this.leases.orphans(ORPHANS_PER_BEAT)) {
        // The lease is this instance's now: a start under way here (a person's wake that asked
        // just before it ran out) may not have started the computer, so it is waited for, not skipped.
        await this.starting.get(matchID)?.catch(() => false);
        if (this.runners.has(matchID)) continue;
        if (await this.startOnce(matchID, () => this.adopt(matchID))) log('info', 'bot-taken-over', { matchID });
      }
    } catch (error) {
      log('warn', 'bot-orphans-failed', { message: (error as Error).message });
    }
  }

  /** Stops every bot (handing their seats to the other instances, if any) and the decision threads (server shutdown). */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    for (const runner of [...this.runners.values()]) runner.stop('closed');
    this.address = null;
    await Promise.all([...this.releasing]);
    await this.pool.close();
  }
}
