/** Old finished and abandoned matches are removed on a schedule; live ones stay. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'boardgame.io';
import { afterEach, describe, expect, it } from 'vitest';
import { DeRisk } from '../../src/game';
import { createDeRiskServer } from '../../src/server/app';
import { newMatchRecord } from '../../src/server/bgio';
import { FileStore } from '../../src/server/storage/fileStore';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const DAY = 24 * 3600_000;

/** A new match's first state, made as the server makes one. */
function firstState() {
  const made = newMatchRecord(DeRisk, undefined, false);
  if ('error' in made) throw new Error(made.error);
  return made.initialState;
}

function metadata(updatedAt: number, over: boolean, joined = true): Server.MatchData {
  return {
    gameName: 'de-risk',
    players: joined ? { 0: { id: 0, name: 'Ada' }, 1: { id: 1, name: 'Bo' } } : { 0: { id: 0 }, 1: { id: 1 } },
    createdAt: updatedAt,
    updatedAt,
    ...(over ? { gameover: { kind: 'stalemate', draw: true } } : {}),
  };
}

describe('clean-up', () => {
  it('removes finished matches after a week, untouched ones after 30 days and ones nobody joined after an hour, and keeps the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'de-risk-cleanup-'));
    dirs.push(dir);
    const db = new FileStore(dir);
    await db.connect();
    const initialState = firstState();
    const now = Date.now();
    await db.createMatch('OLDDONE', { initialState, metadata: metadata(now - 8 * DAY, true) });
    await db.createMatch('NEWDONE', { initialState, metadata: metadata(now - 1 * DAY, true) });
    await db.createMatch('ABANDON', { initialState, metadata: metadata(now - 31 * DAY, false) });
    await db.createMatch('LIVEONE', { initialState, metadata: metadata(now - 2 * DAY, false) });
    await db.createMatch('UNJOIND', { initialState, metadata: metadata(now - 2 * 3600_000, false, false) });
    await db.createMatch('FRESHMT', { initialState, metadata: metadata(now - 10 * 60_000, false, false) });
    const app = createDeRiskServer({ db, origins: [] });
    await app.sweep();
    expect((await db.listMatches()).sort()).toEqual(['FRESHMT', 'LIVEONE', 'NEWDONE']);
    expect(readdirSync(dir).sort()).toEqual(['FRESHMT.json', 'LIVEONE.json', 'NEWDONE.json']);
  });

  it('a corrupt match file is quarantined with an error and the other matches still load', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'de-risk-corrupt-'));
    dirs.push(dir);
    const db = new FileStore(dir);
    await db.connect();
    await db.createMatch('GOODONE', { initialState: firstState(), metadata: metadata(Date.now(), false) });
    writeFileSync(join(dir, 'BADFILE.json'), '{"metadata": {"gameName": "de-risk"'); // cut short
    const reloaded = new FileStore(dir);
    const previous = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = 'silent';
    await reloaded.connect();
    if (previous === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = previous;
    expect(await reloaded.listMatches()).toEqual(['GOODONE']);
    // Moved aside for inspection (test/server/stores.test.ts checks the details), not deleted.
    expect(readdirSync(dir).sort()).toEqual(['GOODONE.json', 'quarantine']);
    expect(readdirSync(join(dir, 'quarantine'))).toEqual(['BADFILE.json']);
  });
});
