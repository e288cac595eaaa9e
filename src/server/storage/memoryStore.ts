/**
 * Matches kept in memory. On its own (STORAGE=memory) it is for benchmarks and throwaway
 * servers; the file store extends it and writes every change to disk.
 */
import type { LogEntry, Server, State, StorageAPI } from 'boardgame.io';
import { Async } from 'boardgame.io/internal';

export interface MatchRecord {
  state?: State;
  initialState?: State;
  metadata?: Server.MatchData;
  log: LogEntry[];
}

export class MemoryStore extends Async {
  protected readonly matches = new Map<string, MatchRecord>();

  async connect(): Promise<void> {}

  /** Called after every change to a match; the file store makes it durable here. */
  protected async changed(_matchID: string): Promise<void> {}

  /** Throws for a match id the store cannot keep (checked before anything changes). */
  protected checkID(_matchID: string): void {}

  override async createMatch(matchID: string, { initialState, metadata }: StorageAPI.CreateMatchOpts): Promise<void> {
    this.checkID(matchID);
    if (this.matches.has(matchID)) throw new Error(`Match ${matchID} already exists`);
    this.matches.set(matchID, { state: initialState, initialState, metadata, log: [] });
    await this.changed(matchID);
  }

  async setState(matchID: string, state: State, deltalog?: LogEntry[]): Promise<void> {
    this.checkID(matchID);
    const record = this.matches.get(matchID) ?? { log: [] };
    record.state = state;
    if (deltalog?.length) record.log.push(...deltalog);
    this.matches.set(matchID, record);
    await this.changed(matchID);
  }

  async setMetadata(matchID: string, metadata: Server.MatchData): Promise<void> {
    this.checkID(matchID);
    const record = this.matches.get(matchID) ?? { log: [] };
    record.metadata = metadata;
    this.matches.set(matchID, record);
    await this.changed(matchID);
  }

  async fetch<O extends StorageAPI.FetchOpts>(matchID: string, opts: O): Promise<StorageAPI.FetchResult<O>> {
    const record = this.matches.get(matchID);
    const result: Partial<StorageAPI.FetchFields> = {};
    if (record) {
      if (opts.state) result.state = record.state;
      if (opts.metadata) result.metadata = record.metadata;
      if (opts.log) result.log = record.log;
      if (opts.initialState) result.initialState = record.initialState;
    }
    return result as StorageAPI.FetchResult<O>;
  }

  async wipe(matchID: string): Promise<void> {
    this.checkID(matchID);
    this.matches.delete(matchID);
    await this.changed(matchID);
  }

  override async listMatches(opts?: StorageAPI.ListMatchesOpts): Promise<string[]> {
    const where = opts?.where;
    return [...this.matches.entries()]
      .filter(([, { metadata }]) => {
        if (!metadata) return false;
        if (opts?.gameName && metadata.gameName !== opts.gameName) return false;
        if (where?.isGameover !== undefined && (metadata.gameover !== undefined) !== where.isGameover) return false;
        if (where?.updatedBefore !== undefined && metadata.updatedAt >= where.updatedBefore) return false;
        if (where?.updatedAfter !== undefined && metadata.updatedAt <= where.updatedAfter) return false;
        return true;
      })
      .map(([id]) => id);
  }
}
