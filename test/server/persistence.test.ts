/**
 * Reliability with the embedded store: a match survives a restart, and a move that a client
 * has seen survives a SIGKILL of the server (FileStore in a temporary folder).
 */
import { rm } from 'node:fs/promises';
import { FileStore } from '../../src/server/storage/fileStore';
import { persistenceSuite } from '../helpers/persistence';
import { tempDir } from '../helpers/server';

persistenceSuite('FileStore', async () => {
  const dir = await tempDir('de-risk-persist-');
  return {
    open: async () => ({ db: new FileStore(dir), close: async () => undefined }),
    // DATABASE_URL and STORAGE empty: main.ts uses the files whatever the environment says.
    childEnv: { DATA_DIR: dir, DATABASE_URL: '', STORAGE: '' },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
});
