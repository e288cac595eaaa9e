/**
 * Reliability with the embedded store: a match survives a restart, and a move that a client
 * has seen survives a SIGKILL of the server (FileStore in a temporary folder).
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { StorageAPI } from 'boardgame.io';
import { FileStore } from '../../src/server/storage/fileStore';
import { persistenceSuite } from '../helpers/persistence';
import { tempDir } from '../helpers/server';

persistenceSuite('FileStore', async () => {
  const dir = await tempDir('de-risk-persist-');
  return {
    open: async () => {
      const db = new FileStore(dir);
      return { db, close: () => db.close() };
    },
    // The file itself: the record exactly as a restarted server would load it.
    read: async (matchID) => JSON.parse(await readFile(join(dir, `${matchID}.json`), 'utf8')) as Partial<StorageAPI.FetchFields>,
    // DATABASE_URL and STORAGE empty: main.ts uses the files whatever the environment says.
    childEnv: { DATA_DIR: dir, DATABASE_URL: '', STORAGE: '' },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
});
