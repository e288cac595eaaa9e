/**
 * The file store under disk faults: every step of a durable write (open, write, fsync,
 * rename, fsync of the folder; unlink for a wipe) is made to fail the way a full or failing
 * disk does, through an injected file system. Whatever fails, the promise rejects, memory and
 * the folder keep the old record (as a restarted store sees it), no temporary file is left,
 * and the next write works. Also: a move's two writes share one file write, changes made
 * during a write go into the next one, and a failed write does not stop the queue.
 */
import * as realFs from 'node:fs/promises';
import { basename } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FileHandleLike, FileSystem } from '../../src/server/storage/durable';
import { FileStore } from '../../src/server/storage/fileStore';
import { entry, metadata, state } from '../helpers/storeContract';
import { tempDir } from '../helpers/server';

type Step = 'open' | 'write' | 'sync' | 'rename' | 'folderSync' | 'unlink';
const CODES: Record<Step, string> = { open: 'EMFILE', write: 'ENOSPC', sync: 'EIO', rename: 'EXDEV', folderSync: 'EIO', unlink: 'EIO' };
const ALL = { state: true, metadata: true, log: true, initialState: true } as const;
const isTemporary = (path: string) => /^\..*\.tmp$/.test(basename(path));

/** node:fs/promises with one step made to fail (`fault`), and writes that can be held (`hold`). */
class FaultyFs implements FileSystem {
  fault: { step: Step; once?: boolean } | null = null;
  /** Temporary files opened for writing: one per file write. */
  writes = 0;
  private gate: Promise<void> | null = null;
  private release: (() => void) | null = null;
  /** Resolves when a held write has reached the disk call. */
  reached: Promise<void> = Promise.resolve();
  private reach: (() => void) | null = null;

  private hits(step: Step): void {
    if (this.fault?.step !== step) return;
    if (this.fault.once) this.fault = null;
    throw Object.assign(new Error(`${CODES[step]}: injected at ${step}`), { code: CODES[step] });
  }

  /** Holds every file write at its write call until the returned function is called. */
  hold(): () => void {
    this.gate = new Promise((resolve) => (this.release = resolve));
    this.reached = new Promise((resolve) => (this.reach = resolve));
    return () => {
      this.gate = null;
      this.release?.();
    };
  }

  async open(path: string, flags: string): Promise<FileHandleLike> {
    const temporary = flags === 'w';
    if (temporary) {
      this.writes += 1;
      this.hits('open');
    }
    const handle = await realFs.open(path, flags);
    return {
      writeFile: async (data) => {
        this.reach?.();
        await this.gate;
        this.hits('write');
        await handle.writeFile(data);
      },
      sync: async () => {
        this.hits(temporary ? 'sync' : 'folderSync');
        await handle.sync();
      },
      close: () => handle.close(),
    };
  }
  async rename(from: string, to: string): Promise<void> {
    this.hits('rename');
    await realFs.rename(from, to);
  }
  async unlink(path: string): Promise<void> {
    // Removing a temporary file is the clean-up under test: only the removal of a match fails.
    if (!isTemporary(path)) this.hits('unlink');
    await realFs.unlink(path);
  }
  readdir = (path: string) => realFs.readdir(path);
  readFile = (path: string, encoding: 'utf8') => realFs.readFile(path, encoding);
  mkdir = (path: string, options: { recursive: true }) => realFs.mkdir(path, options);
}

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await realFs.rm(dir, { recursive: true, force: true });
});

async function setUp(withMatch: boolean) {
  const dir = await tempDir('de-risk-faults-');
  dirs.push(dir);
  const fs = new FaultyFs();
  const store = new FileStore(dir, fs);
  await store.connect();
  if (withMatch) await store.createMatch('MATCH01', { initialState: state(0), metadata: metadata(1000) });
  /** The match as the store serves it, as a restarted store reads it, and the folder's files. */
  const seen = async () => {
    // The files first: a fresh store removes temporary files when it connects.
    const files = (await realFs.readdir(dir)).sort();
    const fresh = new FileStore(dir);
    await fresh.connect();
    return { served: await store.fetch('MATCH01', ALL), restarted: await fresh.fetch('MATCH01', ALL), files };
  };
  return { dir, fs, store, seen };
}

type Store = Awaited<ReturnType<typeof setUp>>['store'];
const operations: Record<string, { existing: boolean; run(store: Store): Promise<unknown> }> = {
  createMatch: { existing: false, run: (store) => store.createMatch('MATCH01', { initialState: state(0), metadata: metadata(1000) }) },
  setState: { existing: true, run: (store) => store.setState('MATCH01', state(1), [entry(0, 'act')]) },
  setMetadata: { existing: true, run: (store) => store.setMetadata('MATCH01', metadata(2000, { gameover: { winner: '0' } })) },
  // The Master's writes for one move, made together; both must fail together.
  'a move (setState + setMetadata together)': {
    existing: true,
    run: async (store) => {
      const results = await Promise.allSettled([store.setState('MATCH01', state(1), [entry(0, 'act')]), store.setMetadata('MATCH01', metadata(2000))]);
      expect(results[0]?.status).toBe(results[1]?.status);
      if (results[0]?.status === 'rejected') throw results[0].reason;
    },
  },
  wipe: { existing: true, run: (store) => store.wipe('MATCH01') },
};

describe('FileStore under disk faults', () => {
  for (const [name, operation] of Object.entries(operations)) {
    const steps: Step[] = name === 'wipe' ? ['unlink', 'folderSync'] : ['open', 'write', 'sync', 'rename', 'folderSync'];
    for (const step of steps) {
      it(`${name}: a failure at ${step} (${CODES[step]}) rejects and changes nothing; the next try works`, async () => {
        const { fs, store, seen } = await setUp(operation.existing);
        const before = await seen();
        expect(before.files.some(isTemporary)).toBe(false);
        fs.writes = 0;
        fs.fault = { step };
        await expect(operation.run(store)).rejects.toMatchObject({ code: CODES[step] });
        // One file write for the whole operation (none for a wipe), and after a failed folder
        // sync one more that puts the old file back.
        const undo = step === 'folderSync' && operation.existing ? 1 : 0;
        expect(fs.writes).toBe((name === 'wipe' ? 0 : 1) + undo);
        expect(await seen()).toEqual(before);

        fs.fault = null;
        await operation.run(store);
        const after = await seen();
        expect(after.served).toEqual(after.restarted);
        expect(after.served).not.toEqual(before.served);
        expect(after.files.some(isTemporary)).toBe(false);
      });
    }
  }

  it('a change is served only once it is on disk; changes made during a write share the next one', async () => {
    const { fs, store, seen } = await setUp(true);
    const release = fs.hold();
    fs.writes = 0;
    const first = store.setState('MATCH01', state(1), [entry(0, 'act')]);
    await fs.reached;
    expect((await store.fetch('MATCH01', { state: true })).state).toEqual(state(0));
    const second = [store.setState('MATCH01', state(2), [entry(1, 'pass')]), store.setMetadata('MATCH01', metadata(3000))];
    const third = store.setMetadata('MATCH01', metadata(4000));
    release();
    await Promise.all([first, ...second, third]);
    expect(fs.writes).toBe(2);
    const { served, restarted } = await seen();
    expect(served).toEqual({ state: state(2), initialState: state(0), metadata: metadata(4000), log: [entry(0, 'act'), entry(1, 'pass')] });
    expect(restarted).toEqual(served);
  });

  it('a failed write does not stop the queue: the batch behind it is written', async () => {
    const { fs, store, seen } = await setUp(true);
    const release = fs.hold();
    fs.fault = { step: 'write', once: true };
    const failing = store.setState('MATCH01', state(1), [entry(0, 'act')]);
    const failed = expect(failing).rejects.toMatchObject({ code: 'ENOSPC' });
    await fs.reached;
    const behind = Promise.all([store.setState('MATCH01', state(2), [entry(1, 'pass')]), store.setMetadata('MATCH01', metadata(2000))]);
    release();
    await failed;
    await behind;
    const { served, restarted, files } = await seen();
    // The failed move's log entry is not there: the batch behind it was applied to the kept record.
    expect(served).toEqual({ state: state(2), initialState: state(0), metadata: metadata(2000), log: [entry(1, 'pass')] });
    expect(restarted).toEqual(served);
    expect(files).toEqual(['MATCH01.json']);
  });
});
