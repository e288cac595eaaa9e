/**
 * What every class store promises (src/server/classes/store.ts), as one suite each store runs:
 * memory and files in `npm test`, PostgreSQL in `npm run test:services`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CLASS_LIFETIME_MS, digestOf, type ClassRecord } from '../../src/server/classes/record';
import { ClassGoneError, type ClassStore } from '../../src/server/classes/store';

export function classRecord(code = 'ACDEFH', changes: Partial<ClassRecord> = {}): ClassRecord {
  const now = 1_700_000_000_000;
  return {
    version: 1,
    code,
    teacherDigest: digestOf('teacher-key'),
    title: 'Period 3, "Economics" 🦊',
    settings: { scenario: '2025', length: 4, timer: 60, onTimeout: 'pass', computer: 'easy', pairing: 'random' },
    createdAt: now,
    updatedAt: now,
    expiresAt: now + CLASS_LIFETIME_MS,
    phase: 'gathering',
    pausedAt: null,
    finishing: false,
    message: null,
    students: [{ id: 'st1', name: 'سارا', keyDigest: digestOf('student-key'), joinedAt: now }],
    matches: [],
    ...changes,
  };
}

export interface ClassStoreHarness {
  /** A store on fresh, empty storage; `again` opens a second store on the same storage. */
  open(): Promise<{ store: ClassStore; again(): Promise<ClassStore>; plant(code: string, record: unknown): Promise<void>; close(): Promise<void> }>;
}

export function classStoreContract(name: string, harness: ClassStoreHarness): void {
  describe(`${name}: the class store contract`, () => {
    const open: { close(): Promise<void> }[] = [];
    afterEach(async () => {
      for (const o of open.splice(0)) await o.close();
    });
    const fresh = async () => {
      const opened = await harness.open();
      open.push(opened);
      await opened.store.connect();
      return opened;
    };

    it('keeps a class, hands out copies, and refuses a second class with the same code', async () => {
      const { store } = await fresh();
      expect(await store.createClass(classRecord())).toBe(true);
      expect(await store.createClass(classRecord('ACDEFH', { title: 'other' }))).toBe(false);
      const read = await store.readClass('ACDEFH');
      expect(read).toEqual(classRecord());
      if (read) (read as { title: string }).title = 'changed';
      expect((await store.readClass('ACDEFH'))?.title).toBe(classRecord().title);
      expect(await store.listClasses()).toEqual(['ACDEFH']);
    });

    it('writes only to a class that exists, and never brings a removed one back', async () => {
      const { store } = await fresh();
      await expect(store.writeClass(classRecord('ACDEFJ'))).rejects.toBeInstanceOf(ClassGoneError);
      expect(await store.readClass('ACDEFJ')).toBeUndefined();
      await store.createClass(classRecord('ACDEFJ'));
      await store.writeClass(classRecord('ACDEFJ', { phase: 'playing' }));
      expect((await store.readClass('ACDEFJ'))?.phase).toBe('playing');
      await store.removeClass('ACDEFJ');
      await store.removeClass('ACDEFJ');
      await expect(store.writeClass(classRecord('ACDEFJ'))).rejects.toBeInstanceOf(ClassGoneError);
      expect(await store.listClasses()).toEqual([]);
    });

    it('refuses to keep a record it could not read back, changing nothing', async () => {
      const { store } = await fresh();
      await store.createClass(classRecord());
      const bad = { ...classRecord(), students: [{ id: '__proto__ not an id', name: 'x', keyDigest: 'nope', joinedAt: 0 }] } as unknown as ClassRecord;
      await expect(store.writeClass(bad)).rejects.toThrow(/could not be read back/);
      await expect(store.createClass({ ...classRecord('ACDEFK'), code: 'lower' })).rejects.toThrow();
      expect(await store.readClass('ACDEFH')).toEqual(classRecord());
    });

    it.each(['__proto__', 'constructor', 'prototype', '../etc', 'acdefh', ''])('the code %j is never looked up or removed', async (code) => {
      const { store } = await fresh();
      expect(await store.readClass(code)).toBeUndefined();
      await store.removeClass(code);
    });

    it('survives a restart, and a record it cannot serve is moved aside while the others load', async () => {
      const { store, again, plant } = await fresh();
      await store.createClass(classRecord('ACDEFH', { phase: 'playing', pausedAt: 5 }));
      await plant('ACDEFM', { not: 'a class' });
      await plant('ACDEFN', classRecord('ACDEFP'));
      const reopened = await again();
      await reopened.connect();
      expect(await reopened.readClass('ACDEFH')).toMatchObject({ phase: 'playing', pausedAt: 5 });
      expect(await reopened.readClass('ACDEFM')).toBeUndefined();
      expect(await reopened.readClass('ACDEFN')).toBeUndefined();
      expect(await reopened.listClasses()).toEqual(['ACDEFH']);
    });
  });
}
