/** The class stores of `npm test` (memory, files) keep the class store contract. */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileClassStore, MemoryClassStore } from '../../src/server/classes/store';
import { classRecord, classStoreContract } from '../helpers/classStoreContract';
import { tempDir } from '../helpers/server';

process.env.LOG_LEVEL = 'silent';

classStoreContract('FileClassStore', {
  async open() {
    const dir = await tempDir('de-risk-classes-');
    return {
      store: new FileClassStore(dir),
      again: () => Promise.resolve(new FileClassStore(dir)),
      plant: async (code, record) => {
        await mkdir(dir, { recursive: true });
        await writeFile(join(dir, `${code}.json`), JSON.stringify(record));
      },
      close: () => rm(dir, { recursive: true, force: true }),
    };
  },
});

describe('MemoryClassStore', () => {
  it('keeps a class until it is removed, and two creates of one code at once make one class', async () => {
    const store = new MemoryClassStore();
    const made = await Promise.all([store.createClass(classRecord()), store.createClass(classRecord())]);
    expect(made.filter(Boolean)).toHaveLength(1);
    await store.removeClass('ACDEFH');
    expect(await store.listClasses()).toEqual([]);
  });
});

describe('FileClassStore on disk', () => {
  it('writes one file a class and moves an unreadable one into quarantine at start-up', async () => {
    const dir = await tempDir('de-risk-classes-');
    try {
      const store = new FileClassStore(dir);
      await store.connect();
      await store.createClass(classRecord());
      await writeFile(join(dir, 'ACDEFQ.json'), '{not json');
      const again = new FileClassStore(dir);
      await again.connect();
      expect(await again.listClasses()).toEqual(['ACDEFH']);
      expect((await readdir(dir)).sort()).toEqual(['ACDEFH.json', 'quarantine']);
      expect((await readdir(join(dir, 'quarantine')))[0]).toMatch(/ACDEFQ\.json$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
