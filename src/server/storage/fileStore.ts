/**
 * The embedded store: one file per match under DATA_DIR, replaced atomically on every change
 * (write a temporary file, fsync it, rename it over the old one, fsync the folder). A change
 * is on disk before its promise resolves, and a crash leaves the old file or the new one,
 * never half of one. Changes that arrive while a write is under way (boardgame.io writes the
 * state and the match data of a move at the same time) are committed together by the next
 * write. Everything is also kept in memory, so reads never touch the disk after start-up.
 */
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { LogEntry, Server, State, StorageAPI } from 'boardgame.io';
import { Async } from 'boardgame.io/internal';
import { log } from '../log';

interface MatchRecord {
  state?: State;
  initialState?: State;
  metadata?: Server.MatchData;
  log: LogEntry[];
}

interface Pending {
  /** The write that is on its way to disk. */
  writing: Promise<void> | null;
  /** The write not yet started, which will carry every change made until it starts. */
  next: Promise<void> | null;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const FILE = /^([A-Za-z0-9_-]{1,64})\.json$/;

async function writeDurably(dir: string, name: string, data: string): Promise<void> {
  const target = join(dir, name);
  const temporary = join(dir, `.${name}.tmp`);
  const file = await open(temporary, 'w');
  try {
    await file.writeFile(data);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, target);
  const folder = await open(dir, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

export class FileStore extends Async {
  private readonly matches = new Map<string, MatchRecord>();
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly dir: string) {
    super();
  }

  private check(matchID: string): void {
    if (!ID.test(matchID)) throw new Error(`Refusing to store a match with the id ${JSON.stringify(matchID)}`);
  }

  /**
   * Resolves once the match's record, as it is now, is on disk. Changes made in the same tick
   * (a move's state and match data) share one write; a write waits for the one before it.
   */
  private commit(matchID: string): Promise<void> {
    const slot = this.pending.get(matchID) ?? { writing: null, next: null };
    this.pending.set(matchID, slot);
    if (slot.next) return slot.next;
    const write = async () => {
      const record = this.matches.get(matchID);
      if (record) await writeDurably(this.dir, `${matchID}.json`, JSON.stringify(record));
      else await rm(join(this.dir, `${matchID}.json`), { force: true });
    };
    const before = slot.writing ?? Promise.resolve();
    const next = before
      .catch(() => undefined)
      .then(() => {
        slot.next = null;
        const writing = write().finally(() => {
          if (slot.writing === writing) slot.writing = null;
        });
        slot.writing = writing;
        return writing;
      });
    slot.next = next;
    return next;
  }

  async connect(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    for (const name of await readdir(this.dir)) {
      const match = FILE.exec(name);
      if (!match?.[1]) continue;
      try {
        const record = JSON.parse(await readFile(join(this.dir, name), 'utf8')) as MatchRecord;
        if (!record.metadata || !Array.isArray(record.log)) throw new Error('not a match record');
        this.matches.set(match[1], record);
      } catch (error) {
        // A damaged match is left on disk for inspection; the others still load.
        log('error', 'match-unreadable', { file: name, message: (error as Error).message });
      }
    }
  }

  override async createMatch(matchID: string, { initialState, metadata }: StorageAPI.CreateMatchOpts): Promise<void> {
    this.check(matchID);
    if (this.matches.has(matchID)) throw new Error(`Match ${matchID} already exists`);
    this.matches.set(matchID, { state: initialState, initialState, metadata, log: [] });
    await this.commit(matchID);
  }

  async setState(matchID: string, state: State, deltalog?: LogEntry[]): Promise<void> {
    this.check(matchID);
    const record = this.matches.get(matchID) ?? { log: [] };
    record.state = state;
    if (deltalog?.length) record.log.push(...deltalog);
    this.matches.set(matchID, record);
    await this.commit(matchID);
  }

  async setMetadata(matchID: string, metadata: Server.MatchData): Promise<void> {
    this.check(matchID);
    const record = this.matches.get(matchID) ?? { log: [] };
    record.metadata = metadata;
    this.matches.set(matchID, record);
    await this.commit(matchID);
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
    this.check(matchID);
    this.matches.delete(matchID);
    await this.commit(matchID);
    this.pending.delete(matchID);
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
