/**
 * The contract with boardgame.io's private parts (src/server/bgio.ts): each thing the server
 * relies on, checked against the installed package, so that an upgrade that changes one of them
 * fails here, by name, instead of somewhere in a socket handler.
 */
import { readFileSync } from 'node:fs';
import type { Game, Server as ServerTypes, State } from 'boardgame.io';
import { describe, expect, it } from 'vitest';
import { DeRisk } from '../../src/game';
import {
  BOARDGAME_IO_VERSION,
  createBgioServer,
  gameMaster,
  newMatchRecord,
  playerViewFilter,
  retireLobbyRouter,
  seedOf,
  serverContext,
  TransportBase,
  type KoaApp,
  type Outgoing,
} from '../../src/server/bgio';
import { credentialsMatch } from '../../src/server/guards';
import { MemoryStore } from '../../src/server/storage/memoryStore';
import { createHeadlessMatch } from '../../src/sim/headless';

const installed = JSON.parse(readFileSync(new URL('../../node_modules/boardgame.io/package.json', import.meta.url), 'utf8')) as { version: string };

/** A transport that records what boardgame.io's Server() gives it. */
class Recorder extends TransportBase {
  given: { app: KoaApp; games: Game[] } | null = null;
  override init(app: KoaApp, games: Game[]): void {
    this.given = { app, games };
  }
}

function serverWith(db = new MemoryStore()) {
  const transport = new Recorder();
  const server = createBgioServer({ games: [DeRisk], db, transport, origins: [], authenticateCredentials: (c, p) => credentialsMatch(c, p), generateCredentials: () => 'x'.repeat(32) });
  return { server, transport, db };
}

async function seatedMatch(db: MemoryStore) {
  const made = newMatchRecord(DeRisk, { scenario: '2025', length: 4 }, false);
  if ('error' in made) throw new Error(made.error);
  const metadata: ServerTypes.MatchData = { ...made.metadata, players: { 0: { id: 0, name: 'Ada', credentials: 'a'.repeat(32) }, 1: { id: 1, name: 'Bo', credentials: 'b'.repeat(32) } } };
  await db.createMatch('CONTRCT', { initialState: made.initialState, metadata });
  return { initialState: made.initialState, metadata };
}

/** A Master on a seated match, recording what it sends to the whole match. */
async function matchMaster() {
  const { transport, db } = serverWith();
  const { auth } = serverContext(transport.given?.app as KoaApp);
  await seatedMatch(db);
  const all: Outgoing[] = [];
  return { db, all, master: gameMaster(DeRisk, db, auth, () => undefined, (payload) => all.push(payload)) };
}

describe('boardgame.io contract', () => {
  it(`the installed boardgame.io is ${BOARDGAME_IO_VERSION}, the version bgio.ts was checked against (re-check every item below before changing this)`, () => {
    expect(installed.version).toBe(BOARDGAME_IO_VERSION);
  });

  it('Server() hands the transport the Koa app and the games, and keeps the store and the credential checker on the Koa context', () => {
    const { transport, db } = serverWith();
    expect(transport.given?.games.map((g) => g.name)).toEqual(['de-risk']);
    const context = serverContext(transport.given?.app as KoaApp);
    expect(context.db).toBe(db);
    expect(typeof context.auth?.authenticateCredentials).toBe('function');
  });

  it('run() mounts the lobby router through router.routes(): once retired, none of its routes answers', async () => {
    const { server } = serverWith();
    retireLobbyRouter(server);
    const { appServer } = await server.run({ port: 0 });
    try {
      const address = appServer.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const post = (path: string) => fetch(`${url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"numPlayers":2}' });
      expect((await post('/games/de-risk/create')).status).toBe(404);
      expect((await post('/Games/de-risk/create')).status).toBe(404);
      expect((await fetch(`${url}/games`)).status).toBe(404);
    } finally {
      appServer.close();
    }
  });

  it('createMatch makes two empty seats keyed 0 and 1, the match flags, and the setup state; it refuses bad setup data', () => {
    const made = newMatchRecord(DeRisk, { scenario: '2018', length: 6 }, true);
    if ('error' in made) throw new Error(made.error);
    expect(made.metadata).toMatchObject({ gameName: 'de-risk', unlisted: true, setupData: { scenario: '2018', length: 6 }, players: { 0: { id: 0 }, 1: { id: 1 } } });
    expect(Object.keys(made.metadata.players)).toEqual(['0', '1']);
    expect(made.initialState._stateID).toBe(0);
    expect(newMatchRecord(DeRisk, { scenario: '1999' }, false)).toEqual({ error: expect.any(String) });
  });

  it('a new match keeps the seed of its randomness in the random plugin; the seed and the setup make the same first state again', () => {
    const made = newMatchRecord(DeRisk, { scenario: '2020', length: 6 }, false);
    if ('error' in made) throw new Error(made.error);
    const seed = seedOf(made.initialState);
    expect(seed).toEqual(expect.any(String));
    expect((made.initialState.plugins as Record<string, { data?: { seed?: unknown } }>).random?.data?.seed).toBe(seed);
    const again = createHeadlessMatch(seed ?? '', { scenario: '2020', length: 6 }).state;
    expect(again.G).toEqual(made.initialState.G);
    expect(again.ctx).toEqual(made.initialState.ctx);
    expect(again.plugins.random?.data).toEqual(made.initialState.plugins.random?.data);
    expect(seedOf(undefined)).toBeUndefined();
    expect(seedOf({ ...made.initialState, plugins: {} })).toBeUndefined();
  });

  it('the Master answers a sync with one directed sync of {state, log, filteredMetadata, initialState} and refuses wrong credentials with {error}', async () => {
    const { transport, db } = serverWith();
    const { auth } = serverContext(transport.given?.app as KoaApp);
    await seatedMatch(db);
    const sent: (Outgoing & { playerID: string | null })[] = [];
    const master = gameMaster(DeRisk, db, auth, (data) => sent.push(data), () => undefined);
    expect(await master.onSync('CONTRCT', '0', 'a'.repeat(32))).toBeUndefined();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.type).toBe('sync');
    expect(sent[0]?.playerID).toBe('0');
    const [id, info] = sent[0]?.args as [string, Record<string, unknown>];
    expect(id).toBe('CONTRCT');
    expect(Object.keys(info).sort()).toEqual(['filteredMetadata', 'initialState', 'log', 'state']);
    expect(JSON.stringify(info.filteredMetadata)).not.toContain('a'.repeat(32));
    expect(await master.onSync('CONTRCT', '0', 'wrong')).toEqual({ error: expect.any(String) });
  });

  it('the Master sends an accepted move to the match as {type: update, args: [matchID, state]} and stores state, log and match data', async () => {
    const { db, all, master } = await matchMaster();
    const action = { type: 'MAKE_MOVE', payload: { type: 'pass', args: [], playerID: '0', credentials: 'a'.repeat(32) } };
    expect(await master.onUpdate(action, 0, 'CONTRCT', '0')).toBeUndefined();
    expect(all.map((p) => p.type)).toEqual(['update']);
    expect(all[0]?.args[0]).toBe('CONTRCT');
    expect((all[0]?.args[1] as State)._stateID).toBe(1);
    const stored = await db.fetch('CONTRCT', { state: true, log: true, metadata: true });
    expect(stored.state?._stateID).toBe(1);
    expect((stored.log ?? []).filter((e) => e.action.type === 'MAKE_MOVE').map((e) => (e.action.payload as { type: string }).type)).toEqual(['pass']);
    // A stale or unauthorised move is dropped without an answer (the transport says why itself).
    expect(await master.onUpdate(action, 0, 'CONTRCT', '0')).toBeUndefined();
    expect(await master.onUpdate({ ...action, payload: { ...action.payload, credentials: 'x' } }, 1, 'CONTRCT', '0')).toEqual({ error: expect.any(String) });
    expect(all).toHaveLength(1);
  });

  it('the Master records a connection change in the match data and sends {type: matchData} to the match', async () => {
    const { db, all, master } = await matchMaster();
    await master.onConnectionChange('CONTRCT', '1', 'b'.repeat(32), true);
    expect(all.map((p) => p.type)).toEqual(['matchData']);
    expect((await db.fetch('CONTRCT', { metadata: true })).metadata?.players[1]?.isConnected).toBe(true);
  });

  it('the player-view filter applies playerView to update and sync payloads and strips redacted arguments for others', async () => {
    const db = new MemoryStore();
    const { initialState } = await seatedMatch(db);
    const filter = playerViewFilter(DeRisk);
    const entry = { action: { type: 'MAKE_MOVE', payload: { type: 'recycle', args: ['secret-card'], playerID: '0' } }, _stateID: 0, turn: 1, phase: 'round', redact: true };
    const state = { ...initialState, deltalog: [entry] } as State;
    const forOther = filter('1', { type: 'update', args: ['CONTRCT', state] });
    const forSelf = filter('0', { type: 'update', args: ['CONTRCT', state] });
    const { redact: _redact, ...unmarked } = entry;
    expect(forOther.args[2]).toEqual([{ ...unmarked, action: { ...entry.action, payload: { ...entry.action.payload, args: null } } }]);
    expect(forSelf.args[2]).toEqual([entry]);
    const view = forOther.args[1] as State<{ sides: Record<string, { hand: unknown[] }> }>;
    expect(view.G.sides.us?.hand).not.toEqual((initialState.G as { sides: Record<string, { hand: unknown[] }> }).sides.us?.hand);
    const sync = filter(null, { type: 'sync', args: ['CONTRCT', { state: initialState, log: [] }] });
    expect((sync.args[1] as { state: State }).state.G).not.toEqual(initialState.G);
  });
});
