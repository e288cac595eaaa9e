/**
 * Matches kept in memory. On its own (STORAGE=memory) it is for benchmarks and throwaway
 * servers; the file store extends it and writes every change to disk.
 *
 * Every change to a match goes through that match's queue: it is applied to the record as it
 * is kept, handed to `persist` (nothing here; the file store writes the file), and only once
 * `persist` has resolved does it become what reads return. Changes made in the same tick (the
 * Master writes a move's state and match data with one `Promise.all`) form one batch and one
 * `persist`; changes made while a batch is being kept form the next one. Records are kept as
 * JSON text (kept.ts): a write keeps the text of what it was given and a read parses a fresh
 * copy, so a caller that edits what it read (the Master sets `isConnected` in place) cannot
 * change the store behind its back.
 */
import type { LogEntry, Server, State, StorageAPI } from 'boardgame.io';
import { AsyncStorage } from '../bgio';
import { keptLog, keptMetadata, readLog, readMetadata, readState, type KeptRecord } from './kept';
import { checkExistingID, checkLimit, checkNewID, checkWritable, matchesFilter, validID } from './record';
import { MatchGoneError, type ListMatchDataOptions, type MatchStore, type MatchSummary } from './types';

/** A change to one match: the record after it (undefined: removed), from the record before it. Throws to refuse. */
type Change = (record: KeptRecord | undefined) => KeptRecord | undefined;

interface Waiting {
  change: Change;
  resolve(): void;
  reject(error: unknown): void;
}

interface Queue {
  /** The batch being kept (or the last one); the next batch starts once it is done, kept or not. */
  tail: Promise<void>;
  /** The batch not yet started, which takes every change made until it starts. */
  open: Waiting[] | null;
}

export class MemoryStore extends AsyncStorage implements MatchStore {
  /** What reads return (copied); a record changes only once its batch has been kept. Set through `serve`. */
  private readonly matches = new Map<string, KeptRecord>();
  private readonly queues = new Map<string, Queue>();
  /** A number per match, new whenever what reads return changes (never reused, even for a match made again). */
  private readonly revisions = new Map<string, number>();
  private lastRevision = 0;

  async connect(): Promise<void> {}

  /** Resolves once every change already asked for has been kept or refused. */
  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.tail));
  }

  /**
   * Keeps a match's record as it will be after a batch (`after` undefined: the match is removed).
   * Rejecting refuses the whole batch: nothing changes in memory.
   */
  protected async persist(_matchID: string, _after: KeptRecord | undefined, _before: KeptRecord | undefined): Promise<void> {}

  private enqueue(matchID: string, change: Change): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let queue = this.queues.get(matchID);
      if (!queue) {
        queue = { tail: Promise.resolve(), open: null };
        this.queues.set(matchID, queue);
      }
      (queue.open ?? this.openBatch(matchID, queue)).push({ change, resolve, reject });
    });
  }

  /** A batch that starts once the one before it is done; `then` waits for this tick at least, so the rest of a move's changes join. */
  private openBatch(matchID: string, queue: Queue): Waiting[] {
    const batch: Waiting[] = [];
    queue.open = batch;
    const run = queue.tail.then(async () => {
      queue.open = null;
      await this.keep(matchID, batch);
    });
    queue.tail = run;
    // A queue with nothing after this batch is dropped, so that wiped matches leave nothing behind.
    void run.then(() => {
      if (queue.tail === run && this.queues.get(matchID) === queue) this.queues.delete(matchID);
    });
    return batch;
  }

  /** Applies a batch to the kept record, persists the result, and only then serves it. Never rejects. */
  private async keep(matchID: string, batch: Waiting[]): Promise<void> {
    const before = this.matches.get(matchID);
    let after = before;
    const applied: Waiting[] = [];
    for (const waiting of batch) {
      try {
        after = waiting.change(after);
        applied.push(waiting);
      } catch (error) {
        waiting.reject(error);
      }
    }
    if (applied.length === 0) return;
    try {
      if (after !== before) await this.persist(matchID, after, before);
    } catch (error) {
      for (const waiting of applied) waiting.reject(error);
      return;
    }
    this.serve(matchID, after);
    for (const waiting of applied) waiting.resolve();
  }

  /** Makes `record` what reads of the match return from now on (undefined: the match is gone). */
  protected serve(matchID: string, record: KeptRecord | undefined): void {
    if (record) {
      this.matches.set(matchID, record);
      this.revisions.set(matchID, ++this.lastRevision);
    } else {
      this.matches.delete(matchID);
      this.revisions.delete(matchID);
    }
  }

  override async createMatch(matchID: string, { initialState, metadata }: StorageAPI.CreateMatchOpts): Promise<void> {
    checkNewID(matchID);
    checkWritable({ metadata, state: initialState });
    const stateText = JSON.stringify(initialState);
    const own: KeptRecord = { ...keptMetadata(metadata), stateText, initialStateText: stateText, logTexts: [] };
    await this.enqueue(matchID, (record) => {
      if (record) throw new Error(`Match ${matchID} already exists`);
      return own;
    });
  }

  async setState(matchID: string, state: State, deltalog?: LogEntry[]): Promise<void> {
    checkExistingID(matchID);
    checkWritable({ state });
    const stateText = JSON.stringify(state);
    const entries = keptLog(deltalog ?? []);
    await this.enqueue(matchID, (record) => {
      if (!record) throw new MatchGoneError(matchID);
      return { ...record, stateText, logTexts: entries.length > 0 ? [...record.logTexts, ...entries] : record.logTexts };
    });
  }

  async setMetadata(matchID: string, metadata: Server.MatchData): Promise<void> {
    checkExistingID(matchID);
    checkWritable({ metadata });
    const own = keptMetadata(metadata);
    await this.enqueue(matchID, (record) => {
      if (!record) throw new MatchGoneError(matchID);
      return { ...record, ...own };
    });
  }

  /** See MatchStore.revisionsOf: a counter per kept write, so asking copies and parses nothing. */
  revisionsOf(matchIDs: readonly string[]): Promise<ReadonlyMap<string, number>> {
    const found = new Map<string, number>();
    for (const id of matchIDs) {
      const revision = this.revisions.get(id);
      if (revision !== undefined) found.set(id, revision);
    }
    return Promise.resolve(found);
  }

  /** Reads memory only (never waiting on a write): a copy of what is kept now. */
  fetch<O extends StorageAPI.FetchOpts>(matchID: string, opts: O): Promise<StorageAPI.FetchResult<O>> {
    const record = validID(matchID) ? this.matches.get(matchID) : undefined;
    const result: Partial<StorageAPI.FetchFields> = {};
    if (record) {
      const state = opts.state ? readState(record.stateText) : undefined;
      const initialState = opts.initialState ? readState(record.initialStateText) : undefined;
      if (state) result.state = state;
      if (opts.metadata) result.metadata = readMetadata(record);
      if (opts.log) result.log = readLog(record.logTexts);
      if (initialState) result.initialState = initialState;
    }
    return Promise.resolve(result as StorageAPI.FetchResult<O>);
  }

  /** Removes a match; a match that is not there (or could not be) is already removed. */
  async wipe(matchID: string): Promise<void> {
    if (!validID(matchID)) return;
    await this.enqueue(matchID, () => undefined);
  }

  override listMatches(opts?: StorageAPI.ListMatchesOpts): Promise<string[]> {
    const filter = { gameName: opts?.gameName, ...opts?.where };
    return Promise.resolve([...this.matches].filter(([, { metadata }]) => matchesFilter(metadata, filter)).map(([id]) => id));
  }

  listMatchData({ limit, listedOnly, ...filter }: ListMatchDataOptions): Promise<MatchSummary[]> {
    // In an executor, a bad limit rejects the promise as an async method would.
    return new Promise((resolve) => {
      checkLimit(limit);
      resolve(
        [...this.matches]
          .filter(([, { metadata }]) => matchesFilter(metadata, filter) && !(listedOnly && metadata.unlisted === true))
          .sort(([a, x], [b, y]) => y.metadata.updatedAt - x.metadata.updatedAt || (a < b ? -1 : a > b ? 1 : 0))
          .slice(0, limit)
          .map(([matchID, record]) => ({ matchID, metadata: readMetadata(record) })),
      );
    });
  }
}
