/** Storage in memory only (STORAGE=memory): for benchmarks and throwaway servers, never for play. */
import type { LogEntry, Server, State, StorageAPI } from 'boardgame.io';
import { Async } from 'boardgame.io/internal';

interface MatchRecord {
  state?: State;
  initialState?: State;
  metadata?: Server.MatchData;
  log: LogEntry[];
}

export class MemoryStore extends Async {
  private readonly matches = new Map<string, MatchRecord>();

  async connect(): Promise<void> {}

  override async createMatch(matchID: string, { initialState, metadata }: StorageAPI.CreateMatchOpts): Promise<void> {
    this.matches.set(matchID, { state: initialState, initialState, metadata, log: [] });
  }

  async setState(matchID: string, state: State, deltalog?: LogEntry[]): Promise<void> {
    const record = this.matches.get(matchID) ?? { log: [] };
    record.state = state;
    if (deltalog?.length) record.log.push(...deltalog);
    this.matches.set(matchID, record);
  }

  async setMetadata(matchID: string, metadata: Server.MatchData): Promise<void> {
    const record = this.matches.get(matchID) ?? { log: [] };
    record.metadata = metadata;
    this.matches.set(matchID, record);
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
    this.matches.delete(matchID);
  }

  override async listMatches(): Promise<string[]> {
    return [...this.matches.keys()];
  }
}
