/**
 * The store contract (src/server/storage/types.ts), written once and run against every store:
 * MemoryStore and FileStore in test/server/stores.test.ts, PostgresStore in
 * test/services/postgres.test.ts. Each test gets fresh data (a folder, a schema) and removes it.
 */
import type { LogEntry, Server, State } from 'boardgame.io';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MatchGoneError, type MatchStore } from '../../src/server/storage/types';

/** One place to keep matches, made fresh for a test. */
export interface ContractData {
  /** A store object on this data, not yet connected (a durable store: a new object each time, as after a restart). */
  open(): MatchStore;
  /** Stores a record as it is, bypassing the store's checks (as an old version or a hand edit could leave it). */
  plant?(matchID: string, record: unknown): Promise<void>;
  /** The match ids moved into quarantine so far. */
  quarantined?(): Promise<string[]>;
  dispose(): Promise<void>;
}

export interface ContractOptions {
  /** The data outlives the store object: a new store object must see every kept change. */
  durable: boolean;
  /** The store says cheaply which matches changed (`revisionsOf`). */
  revisions?: boolean;
}

export function metadata(updatedAt: number, extra: Partial<Server.MatchData> = {}): Server.MatchData {
  return {
    gameName: 'de-risk',
    unlisted: false,
    players: { 0: { id: 0, name: 'Ada', credentials: 'secret-0' }, 1: { id: 1 } },
    createdAt: updatedAt,
    updatedAt,
    ...extra,
  };
}

export function state(stateID: number, note = `state ${stateID}`): State {
  return { G: { note }, ctx: { numPlayers: 2, turn: 1, currentPlayer: '0', playOrder: ['0', '1'], playOrderPos: 0, phase: 'round' }, plugins: {}, _undo: [], _redo: [], _stateID: stateID } as unknown as State;
}

export function entry(stateID: number, move: string): LogEntry {
  return { action: { type: 'MAKE_MOVE', payload: { type: move, args: [], playerID: '0' } }, _stateID: stateID, turn: 1, phase: 'round' };
}

const ALL = { state: true, metadata: true, log: true, initialState: true } as const;

/** A seat of match data, to edit in place the way boardgame.io's lobby and Master do. */
function seat(data: Server.MatchData | undefined, id: 0 | 1): Server.PlayerMetadata {
  const found = data?.players[id];
  if (!found) throw new Error(`no seat ${id}`);
  return found;
}

/** Runs `body` with error logs on and returns the `match-quarantined` lines it wrote. */
export async function quarantineLines(body: () => Promise<void>): Promise<Record<string, unknown>[]> {
  const previous = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = 'error';
  const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    await body();
    return spy.mock.calls.map((call) => JSON.parse(String(call[0])) as Record<string, unknown>).filter((line) => line.event === 'match-quarantined');
  } finally {
    spy.mockRestore();
    process.env.LOG_LEVEL = previous;
  }
}

export function storeContract(name: string, makeData: () => Promise<ContractData>, { durable, revisions = false }: ContractOptions): void {
  describe(`${name} keeps the store contract`, () => {
    let data: ContractData;
    let store: MatchStore;
    const opened: MatchStore[] = [];
    const open = async () => {
      const next = data.open();
      opened.push(next);
      await next.connect();
      return next;
    };
    /** What a restarted server would see (the same store for a store that keeps nothing). */
    const afterRestart = async () => (durable ? open() : store);

    beforeEach(async () => {
      process.env.LOG_LEVEL = 'silent';
      data = await makeData();
      store = await open();
    });
    afterEach(async () => {
      for (const each of opened.splice(0)) await each.close?.();
      await data.dispose();
    });

    it('keeps a match: create, play (the log grows), change match data, wipe', async () => {
      await store.createMatch('MATCH01', { initialState: state(0), metadata: metadata(1000) });
      await store.setState('MATCH01', state(1), [entry(0, 'act')]);
      await store.setState('MATCH01', state(2), [entry(1, 'pass')]);
      await store.setMetadata('MATCH01', metadata(2000, { gameover: { winner: '0' } }));
      const expected = { state: state(2), initialState: state(0), metadata: metadata(2000, { gameover: { winner: '0' } }), log: [entry(0, 'act'), entry(1, 'pass')] };
      expect(await store.fetch('MATCH01', ALL)).toEqual(expected);
      expect(await store.fetch('MATCH01', { metadata: true })).toEqual({ metadata: expected.metadata });
      expect(await (await afterRestart()).fetch('MATCH01', ALL)).toEqual(expected);
      await store.wipe('MATCH01');
      expect(await store.fetch('MATCH01', ALL)).toEqual({});
      expect(await (await afterRestart()).fetch('MATCH01', ALL)).toEqual({});
    });

    it.runIf(revisions)('revisionsOf changes with every kept write, not with a refused one, and never comes back for a match made again', async () => {
      const revision = async (id: string) => (await store.revisionsOf?.([id, 'NOTHERE', id]))?.get(id);
      expect(await revision('REV0001')).toBeUndefined();
      await store.createMatch('REV0001', { initialState: state(0), metadata: metadata(1000) });
      const seen = [await revision('REV0001')];
      expect(seen[0]).toEqual(expect.any(Number));
      expect(await revision('REV0001')).toBe(seen[0]);
      await store.fetch('REV0001', ALL);
      expect(await revision('REV0001')).toBe(seen[0]);
      await store.setState('REV0001', state(1), [entry(0, 'act')]);
      seen.push(await revision('REV0001'));
      await store.setMetadata('REV0001', metadata(2000));
      seen.push(await revision('REV0001'));
      // A refused write changes nothing, so the revision stays.
      await expect(store.setState('REV0001', { ...state(2), G: { bad: 1n } })).rejects.toThrow();
      expect(await revision('REV0001')).toBe(seen.at(-1));
      // Many at once: those that exist, each with its own; odd ids are simply not there.
      await store.createMatch('REV0002', { initialState: state(0), metadata: metadata(1000) });
      const both = await store.revisionsOf?.(['REV0001', 'REV0002', '__proto__', 'constructor', "x'; DROP TABLE y; --", '']);
      expect([...(both?.keys() ?? [])].sort()).toEqual(['REV0001', 'REV0002']);
      expect(both?.get('REV0001')).toBe(seen.at(-1));
      await store.wipe('REV0001');
      expect(await revision('REV0001')).toBeUndefined();
      await store.createMatch('REV0001', { initialState: state(0), metadata: metadata(1000) });
      seen.push(await revision('REV0001'));
      expect(new Set(seen).size).toBe(seen.length);
      // A match loaded at start-up (or read by another instance) has a revision too.
      const restarted = await afterRestart();
      expect((await restarted.revisionsOf?.(['REV0001']))?.get('REV0001')).toEqual(expect.any(Number));
    });

    it('reads are copies, and so is what a write was given', async () => {
      const given = { initialState: state(0), metadata: metadata(1000) };
      await store.createMatch('COPIES1', given);
      seat(given.metadata, 0).name = 'changed after createMatch';
      (given.initialState.G as { note: string }).note = 'changed after createMatch';
      const read = await store.fetch('COPIES1', ALL);
      // What boardgame.io's Master does on a disconnect, before it writes the match data back.
      seat(read.metadata, 0).isConnected = false;
      seat(read.metadata, 1).name = 'Mallory';
      (read.state.G as { note: string }).note = 'edited';
      read.log.push(entry(9, 'forged'));
      (read.initialState.G as { note: string }).note = 'edited';
      const listed = await store.listMatchData({ gameName: 'de-risk', limit: 10 });
      seat(listed[0]?.metadata, 1).name = 'Mallory';
      expect(await store.fetch('COPIES1', ALL)).toEqual({ state: state(0), initialState: state(0), metadata: metadata(1000), log: [] });

      const next = metadata(2000);
      const moved = state(1);
      await Promise.all([store.setState('COPIES1', moved, [entry(0, 'act')]), store.setMetadata('COPIES1', next)]);
      seat(next, 1).name = 'changed after setMetadata';
      (moved.G as { note: string }).note = 'changed after setState';
      expect(await store.fetch('COPIES1', { state: true, metadata: true })).toEqual({ state: state(1), metadata: metadata(2000) });
    });

    it('no resurrection: writes to a match never created, or wiped, reject with MatchGoneError and create nothing', async () => {
      await expect(store.setState('NEVERMADE', state(1), [entry(0, 'act')])).rejects.toBeInstanceOf(MatchGoneError);
      await expect(store.setMetadata('NEVERMADE', metadata(1000))).rejects.toBeInstanceOf(MatchGoneError);
      await store.createMatch('WIPED01', { initialState: state(0), metadata: metadata(1000) });
      await store.wipe('WIPED01');
      await expect(store.setState('WIPED01', state(1), [entry(0, 'act')])).rejects.toBeInstanceOf(MatchGoneError);
      await expect(store.setMetadata('WIPED01', metadata(2000))).rejects.toBeInstanceOf(MatchGoneError);
      // A wipe and the writes of a move racing it: the wipe wins and stays won.
      await store.createMatch('RACED01', { initialState: state(0), metadata: metadata(1000) });
      const results = await Promise.allSettled([store.wipe('RACED01'), store.setState('RACED01', state(1)), store.setMetadata('RACED01', metadata(2000))]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
      // Removing what is not there is harmless.
      await store.wipe('WIPED01');
      await store.wipe('NEVERMADE');
      for (const reader of [store, await afterRestart()]) {
        for (const id of ['NEVERMADE', 'WIPED01', 'RACED01']) expect(await reader.fetch(id, ALL)).toEqual({});
        expect(await reader.listMatches()).toEqual([]);
        expect(await reader.listMatchData({ gameName: 'de-risk', limit: 10 })).toEqual([]);
      }
    });

    it('refuses ids that reach a prototype, and anything it could not load again', async () => {
      for (const id of ['__proto__', 'constructor', 'prototype', '', '../etc', 'x'.repeat(65)]) {
        await expect(store.createMatch(id, { initialState: state(0), metadata: metadata(1000) })).rejects.toThrow();
        await expect(store.setState(id, state(1))).rejects.toBeInstanceOf(MatchGoneError);
        await expect(store.setMetadata(id, metadata(1000))).rejects.toBeInstanceOf(MatchGoneError);
        expect(await store.fetch(id, ALL)).toEqual({});
        await store.wipe(id);
      }
      const threeSeats = { ...metadata(1000), players: { ...metadata(1000).players, 2: { id: 2 } } };
      await expect(store.createMatch('THREE01', { initialState: state(0), metadata: threeSeats })).rejects.toThrow(/would not load/);
      await store.createMatch('SHAPE01', { initialState: state(0), metadata: metadata(1000) });
      await expect(store.setMetadata('SHAPE01', threeSeats)).rejects.toThrow(/would not load/);
      await expect(store.setState('SHAPE01', { ...state(1), _stateID: 1.5 })).rejects.toThrow(/would not load/);
      expect(await store.fetch('SHAPE01', { state: true, metadata: true })).toEqual({ state: state(0), metadata: metadata(1000) });
      expect(await (await afterRestart()).listMatches()).toEqual(['SHAPE01']);
      expect(Object.prototype).not.toHaveProperty('gameName');
    });

    it('listMatchData filters by game, game over, listing and time, newest first, at most `limit`', async () => {
      const made: [string, Server.MatchData][] = [
        ['OPEN_OLD', metadata(1000)],
        ['OPEN_NEW', metadata(5000)],
        ['HIDDEN1', metadata(4000, { unlisted: true })],
        ['FINISHED', metadata(3000, { gameover: { winner: '1' } })],
        ['OTHER01', metadata(6000, { gameName: 'other-game' })],
        ['TIED_B', metadata(2000)],
        ['TIED_A', metadata(2000)],
      ];
      for (const [id, md] of made) await store.createMatch(id, { initialState: state(0), metadata: md });
      for (const reader of [store, await afterRestart()]) {
        const ids = async (options: Partial<Parameters<MatchStore['listMatchData']>[0]>) =>
          (await reader.listMatchData({ gameName: 'de-risk', limit: 100, ...options })).map((m) => m.matchID);
        expect(await ids({})).toEqual(['OPEN_NEW', 'HIDDEN1', 'FINISHED', 'TIED_A', 'TIED_B', 'OPEN_OLD']);
        expect(await ids({ limit: 2 })).toEqual(['OPEN_NEW', 'HIDDEN1']);
        expect(await ids({ limit: 0 })).toEqual([]);
        expect(await ids({ listedOnly: true })).toEqual(['OPEN_NEW', 'FINISHED', 'TIED_A', 'TIED_B', 'OPEN_OLD']);
        expect(await ids({ isGameover: true })).toEqual(['FINISHED']);
        expect(await ids({ isGameover: false, listedOnly: true, limit: 3 })).toEqual(['OPEN_NEW', 'TIED_A', 'TIED_B']);
        expect(await ids({ updatedBefore: 3000, updatedAfter: 1000 })).toEqual(['TIED_A', 'TIED_B']);
        expect(await ids({ gameName: 'other-game' })).toEqual(['OTHER01']);
        expect(await ids({ gameName: 'nope' })).toEqual([]);
        const [first] = await reader.listMatchData({ gameName: 'de-risk', limit: 1 });
        expect(first).toEqual({ matchID: 'OPEN_NEW', metadata: metadata(5000) });
        await expect(reader.listMatchData({ gameName: 'de-risk', limit: 1.5 })).rejects.toThrow(RangeError);
        // boardgame.io's own listing, which the sweeper and the bots' resume use, still works.
        const sorted = async (opts?: Parameters<MatchStore['listMatches']>[0]) => (await reader.listMatches(opts)).sort();
        expect(await sorted()).toEqual(made.map(([id]) => id).sort());
        expect(await sorted({ gameName: 'de-risk', where: { isGameover: false, updatedBefore: 4000, updatedAfter: 1000 } })).toEqual(['TIED_A', 'TIED_B']);
        expect(await sorted({ where: { isGameover: true } })).toEqual(['FINISHED']);
      }
    });

    if (!durable) return;

    it('quarantines records it cannot serve at start-up, with a log line each, and serves the rest', async () => {
      if (!data.plant || !data.quarantined) throw new Error('a durable store needs plant() and quarantined()');
      await store.createMatch('GOODONE', { initialState: state(0), metadata: metadata(1000) });
      const good = { metadata: metadata(1000), state: state(0), initialState: state(0), log: [] };
      await data.plant('NOPLAYERS', { ...good, metadata: { gameName: 'de-risk', createdAt: 1, updatedAt: 1 } });
      await data.plant('THIRDSEAT', { ...good, metadata: { ...metadata(1), players: { 0: { id: 0 }, 1: { id: 1 }, 2: { id: 2 } } } });
      await data.plant('PROTOSEAT', JSON.parse('{"metadata":{"gameName":"de-risk","createdAt":1,"updatedAt":1,"players":{"0":{"id":0},"1":{"id":1},"__proto__":{"id":0}}},"log":[]}'));
      await data.plant('BADSTATE', { ...good, state: { G: [], ctx: {}, _stateID: 'one' } });
      let restarted: MatchStore | undefined;
      const lines = await quarantineLines(async () => {
        restarted = await open();
      });
      expect(lines.map((line) => String(line.file)).sort()).toEqual(
        ['BADSTATE', 'NOPLAYERS', 'PROTOSEAT', 'THIRDSEAT'].map((id) => expect.stringContaining(id) as unknown as string),
      );
      for (const line of lines) expect(line).toMatchObject({ level: 'error', reason: expect.any(String) });
      expect((await data.quarantined()).sort()).toEqual(['BADSTATE', 'NOPLAYERS', 'PROTOSEAT', 'THIRDSEAT']);
      expect(await restarted?.listMatches()).toEqual(['GOODONE']);
      expect(await restarted?.fetch('THIRDSEAT', ALL)).toEqual({});
      expect(await restarted?.fetch('GOODONE', { metadata: true })).toEqual({ metadata: metadata(1000) });
      // Moved, not copied: the next start has nothing left to quarantine.
      expect(
        await quarantineLines(async () => {
          await open();
        }),
      ).toEqual([]);
    });
  });
}
