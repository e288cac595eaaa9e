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
import { log } from '../log';
import { MemoryStore, type MatchRecord } from './memoryStore';

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

export class FileStore extends MemoryStore {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly dir: string) {
    super();
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

  override async connect(): Promise<void> {
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

  protected override checkID(matchID: string): void {
    if (!ID.test(matchID)) throw new Error(`Refusing to store a match with the id ${JSON.stringify(matchID)}`);
  }

  protected override async changed(matchID: string): Promise<void> {
    await this.commit(matchID);
    if (!this.matches.has(matchID)) this.pending.delete(matchID);
  }
}
