/**
 * Durable, all-or-nothing file changes for the file store. A record replaces its file
 * atomically (temporary file, fsync, rename, fsync of the folder); a removal is an unlink and
 * an fsync of the folder. When a step fails the change is undone as far as anyone can see
 * (no temporary file left, the old file back in place), because the store reports it as not
 * made and keeps serving the old record.
 *
 * Everything goes through a `FileSystem` (node:fs/promises by default) so that the tests can
 * make any single step fail the way a full or failing disk does.
 */
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import { log } from '../log';

export interface FileHandleLike {
  writeFile(data: string): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The few calls of node:fs/promises the file store makes. */
export interface FileSystem {
  open(path: string, flags: string): Promise<FileHandleLike>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
}

export const nodeFileSystem: FileSystem = nodeFs;

/** The name of the temporary file a record is written to before it replaces `name`. */
export const temporaryName = (name: string): string => `.${name}.tmp`;
export const TEMPORARY = /^\..+\.tmp$/;

const codeOf = (error: unknown): unknown => (error as NodeJS.ErrnoException | null)?.code;

export async function removeQuietly(fs: FileSystem, path: string): Promise<void> {
  try {
    await fs.unlink(path);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') log('error', 'store-cleanup-failed', { file: path, code: codeOf(error) });
  }
}

/** Writes and fsyncs a new file; if any step fails, the file is removed and the error thrown. */
async function writeSynced(fs: FileSystem, path: string, data: string): Promise<void> {
  try {
    const file = await fs.open(path, 'w');
    let failure: unknown = null;
    try {
      await file.writeFile(data);
      await file.sync();
    } catch (error) {
      failure = error;
    }
    try {
      await file.close();
    } catch (error) {
      failure ??= error;
    }
    if (failure) throw failure instanceof Error ? failure : new Error('The file could not be written.', { cause: failure });
  } catch (error) {
    await removeQuietly(fs, path);
    throw error;
  }
}

/** Makes the folder's entries (a rename, an unlink) durable. */
async function syncFolder(fs: FileSystem, dir: string): Promise<void> {
  const folder = await fs.open(dir, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/**
 * Puts `name` back as it was before a change that is being reported as failed: the previous
 * record (or no file). Best effort: the folder has just failed to sync.
 */
async function undo(fs: FileSystem, dir: string, name: string, previous: (() => string) | undefined): Promise<void> {
  try {
    if (!previous) {
      await removeQuietly(fs, join(dir, name));
      return;
    }
    const temporary = join(dir, temporaryName(name));
    await writeSynced(fs, temporary, previous());
    await fs.rename(temporary, join(dir, name)).catch(async (error: unknown) => {
      await removeQuietly(fs, temporary);
      throw error;
    });
  } catch (error) {
    log('error', 'store-undo-failed', { file: name, code: codeOf(error), message: (error as Error).message });
  }
}

/** fsyncs the folder; if that fails, undoes the change it was to make durable, then throws. */
async function syncFolderOrUndo(fs: FileSystem, dir: string, name: string, previous: (() => string) | undefined): Promise<void> {
  try {
    await syncFolder(fs, dir);
  } catch (error) {
    await undo(fs, dir, name, previous);
    throw error;
  }
}

/**
 * Replaces (or creates) `dir/name` with `data`, durably. `previous` gives the old content
 * (undefined: there was no file), used only to undo the change if the folder cannot be synced.
 */
export async function replaceFile(fs: FileSystem, dir: string, name: string, data: string, previous: (() => string) | undefined): Promise<void> {
  const temporary = join(dir, temporaryName(name));
  await writeSynced(fs, temporary, data);
  try {
    await fs.rename(temporary, join(dir, name));
  } catch (error) {
    await removeQuietly(fs, temporary);
    throw error;
  }
  await syncFolderOrUndo(fs, dir, name, previous);
}

/** Removes `dir/name` durably; `previous` (its content) puts it back if the folder cannot be synced. */
export async function removeFile(fs: FileSystem, dir: string, name: string, previous: (() => string) | undefined): Promise<void> {
  try {
    await fs.unlink(join(dir, name));
  } catch (error) {
    // Already gone is what was asked for; the folder sync below still makes that durable.
    if (codeOf(error) !== 'ENOENT') throw error;
  }
  await syncFolderOrUndo(fs, dir, name, previous);
}
