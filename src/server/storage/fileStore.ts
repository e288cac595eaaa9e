/**
 * The embedded store: one file per match under DATA_DIR, `ID.json`. Every batch of changes
 * (see MemoryStore) replaces the file atomically and durably (durable.ts) before its promises
 * resolve and before reads see it; a batch that fails changes nothing, in memory or on disk.
 * Reads are served from memory, so the disk is only read at start-up.
 *
 * At start-up (`connect`), temporary files left by a crash are removed, and a file that is not
 * a match record the server can serve (not JSON, or not the shape record.ts describes) is moved
 * into `DATA_DIR/quarantine/` with an error log line, so one bad file never stops the others.
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { log } from '../log';
import { nodeFileSystem, removeFile, removeQuietly, replaceFile, TEMPORARY, type FileSystem } from './durable';
import { keptFrom, recordText, type KeptRecord } from './kept';
import { loadOnce } from './loadOnce';
import { MemoryStore } from './memoryStore';
import { recordProblem, validID, type MatchRecord } from './record';

export type { FileSystem } from './durable';

const FILE = /^(.+)\.json$/;
export const QUARANTINE = 'quarantine';

export class FileStore extends MemoryStore {
  private readonly loadFolder = loadOnce(() => this.load());

  /** `fs` is node:fs/promises unless a test injects faults. */
  constructor(
    private readonly dir: string,
    private readonly fs: FileSystem = nodeFileSystem,
  ) {
    super();
  }

  /** Loads the folder once (boardgame.io's Server and the tests may both call it); after a failure, the next call tries again. */
  override connect(): Promise<void> {
    return this.loadFolder();
  }

  /** The readiness check (health.ts): the folder is there and this process may write to it. */
  async ping(): Promise<void> {
    await access(this.dir, constants.W_OK);
  }

  protected override async persist(matchID: string, after: KeptRecord | undefined, before: KeptRecord | undefined): Promise<void> {
    const name = `${matchID}.json`;
    const previous = before && (() => recordText(before));
    if (after) await replaceFile(this.fs, this.dir, name, recordText(after), previous);
    else await removeFile(this.fs, this.dir, name, previous);
  }

  private async load(): Promise<void> {
    await this.fs.mkdir(this.dir, { recursive: true });
    let quarantined: Set<string> | null = null;
    for (const name of (await this.fs.readdir(this.dir)).sort()) {
      if (TEMPORARY.test(name)) {
        // A write cut short by a crash; the file it was to replace is still whole.
        await removeQuietly(this.fs, join(this.dir, name));
        log('warn', 'temporary-file-removed', { file: name });
        continue;
      }
      const id = FILE.exec(name)?.[1];
      if (id === undefined) continue;
      const read = await this.read(name, id);
      if ('record' in read) {
        this.serve(id, keptFrom(read.record));
        continue;
      }
      quarantined ??= new Set(await this.fs.readdir(join(this.dir, QUARANTINE)).catch(() => []));
      await this.quarantine(name, read.reason, quarantined);
    }
  }

  private async read(name: string, id: string): Promise<{ record: MatchRecord } | { reason: string }> {
    if (!validID(id)) return { reason: 'not a match id a store keeps' };
    let value: unknown;
    try {
      value = JSON.parse(await this.fs.readFile(join(this.dir, name), 'utf8'));
    } catch (error) {
      return { reason: `unreadable: ${(error as Error).message.slice(0, 200)}` };
    }
    const reason = recordProblem(value);
    return reason ? { reason } : { record: value as MatchRecord };
  }

  /** Moves a bad file aside, keeping its name (with a time stamp if that name is taken). Never throws. */
  private async quarantine(name: string, reason: string, taken: Set<string>): Promise<void> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const target = taken.has(name) ? name.replace(/(\.json)?$/, `.${stamp}$1`) : name;
    try {
      await this.fs.mkdir(join(this.dir, QUARANTINE), { recursive: true });
      await this.fs.rename(join(this.dir, name), join(this.dir, QUARANTINE, target));
      taken.add(target);
      log('error', 'match-quarantined', { file: name, reason, movedTo: `${QUARANTINE}/${target}` });
    } catch (error) {
      // Left in place and not served; the next start tries again.
      log('error', 'match-quarantined', { file: name, reason, movedTo: null, moveFailed: (error as Error).message });
    }
  }
}
