/**
 * One writer per match on the embedded store (issue 9, item 2); the same races run against
 * PostgreSQL in test/services/races.test.ts. (The memory store is the file store's base: the
 * queue that serialises them is the same for every store.)
 */
import { rm } from 'node:fs/promises';
import { FileStore } from '../../src/server/storage/fileStore';
import { raceSuite } from '../helpers/races';
import { tempDir } from '../helpers/server';

raceSuite('file store', async () => {
  const dir = await tempDir('de-risk-races-');
  return { db: new FileStore(dir), close: () => rm(dir, { recursive: true, force: true }) };
});
