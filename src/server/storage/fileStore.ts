/**
 * The embedded store: one folder per match under DATA_DIR, each file replaced atomically
 * (write a temporary file, fsync it, rename it over the old one, fsync the folder), so a
 * change is on disk before the promise resolves and a crash leaves the old or the new file,
 * never half of one. The log is appended as JSON lines. Everything is also kept in memory,
 * so reads never touch the disk after start-up.
 */
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { LogEntry, Server, State, StorageAPI } from 'boardgame.io';
import { Async } from 'boardgame.io/internal';

interface MatchRecord {
  state?: State;
  initialState?: State;
  metadata?: Server.MatchData;
  log: LogEntry[];
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

async function writeDurably(dir: string, name: string, data: string): Promise<void> {
  const target = join(dir, name);
  const temporary = join(dir, `.${name}.${process.pid}.tmp`);
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

async function appendDurably(path: string, data: string): Promise<void> {
  const file = await open(path, 'a');
  try {
    await file.appendFile(data);
    await file.sync();
  } finally {
    await file.close();
  }
}

async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`Corrupt match file ${path}: ${(error as Error).message}`, { cause: error });
  }
}

export class FileStore extends Async {
  private readonly matches = new Map<string, MatchRecord>();
  /** Writes to one match happen one after another. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly dir: string) {
    super();
  }

  private folder(matchID: string): string {
    if (!ID.test(matchID)) throw new Error(`Refusing to store a match with the id ${JSON.stringify(matchID)}`);
    return join(this.dir, matchID);
  }

  private serialize<T>(matchID: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(matchID) ?? Promise.resolve();
    const next = previous.then(work, work);
    this.queues.set(
      matchID,
      next.catch(() => undefined),
    );
    return next;
  }

  async connect(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    for (const entry of await readdir(this.dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || !ID.test(entry.name)) continue;
      try {
        await this.load(entry.name);
      } catch (error) {
        // A damaged match is left on disk for inspection; the others still load.
        console.error(JSON.stringify({ level: 'error', event: 'match-unreadable', matchID: entry.name, message: (error as Error).message }));
      }
    }
  }

  private async load(matchID: string): Promise<void> {
    const dir = join(this.dir, matchID);
    const metadata = await readJson<Server.MatchData>(join(dir, 'metadata.json'));
    if (!metadata) return;
    const logText = await readFile(join(dir, 'log.jsonl'), 'utf8').catch(() => '');
    const log = logText
      .split('\n')
      .filter((line) => line.trim() !== '')
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as LogEntry];
        } catch {
          return []; // a last line cut short by a crash
        }
      });
    this.matches.set(matchID, {
      metadata,
      state: await readJson<State>(join(dir, 'state.json')),
      initialState: await readJson<State>(join(dir, 'initial.json')),
      log,
    });
  }

  override async createMatch(matchID: string, { initialState, metadata }: StorageAPI.CreateMatchOpts): Promise<void> {
    const dir = this.folder(matchID);
    if (this.matches.has(matchID)) throw new Error(`Match ${matchID} already exists`);
    this.matches.set(matchID, { state: initialState, initialState, metadata, log: [] });
    await this.serialize(matchID, async () => {
      await mkdir(dir, { recursive: true });
      await writeDurably(dir, 'initial.json', JSON.stringify(initialState));
      await writeDurably(dir, 'state.json', JSON.stringify(initialState));
      await writeDurably(dir, 'metadata.json', JSON.stringify(metadata));
    });
  }

  async setState(matchID: string, state: State, deltalog?: LogEntry[]): Promise<void> {
    const dir = this.folder(matchID);
    const record = this.matches.get(matchID) ?? { log: [] };
    record.state = state;
    if (deltalog?.length) record.log.push(...deltalog);
    this.matches.set(matchID, record);
    await this.serialize(matchID, async () => {
      await mkdir(dir, { recursive: true });
      if (deltalog?.length) await appendDurably(join(dir, 'log.jsonl'), deltalog.map((e) => JSON.stringify(e)).join('\n') + '\n');
      await writeDurably(dir, 'state.json', JSON.stringify(state));
    });
  }

  async setMetadata(matchID: string, metadata: Server.MatchData): Promise<void> {
    const dir = this.folder(matchID);
    const record = this.matches.get(matchID) ?? { log: [] };
    record.metadata = metadata;
    this.matches.set(matchID, record);
    await this.serialize(matchID, async () => {
      await mkdir(dir, { recursive: true });
      await writeDurably(dir, 'metadata.json', JSON.stringify(metadata));
    });
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
    const dir = this.folder(matchID);
    this.matches.delete(matchID);
    await this.serialize(matchID, () => rm(dir, { recursive: true, force: true }));
    this.queues.delete(matchID);
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
