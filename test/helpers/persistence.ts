/**
 * The persistence suite, written once and run against each store: the embedded FileStore
 * (test/server/persistence.test.ts) and PostgreSQL (test/services/postgres.test.ts).
 *
 * - Restart: two real boardgame.io clients play, the server stops, a new server (with a new
 *   store object on the same data) starts; the state is the same and the next move works.
 * - SIGKILL: `main.ts` runs as a child process; as soon as the other seat's socket receives the
 *   'update' frame of a move, the child is killed with SIGKILL; a fresh child on the same data
 *   must still have that move. Repeated for several moves.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogEntry, State, StorageAPI } from 'boardgame.io';
import { Client } from 'boardgame.io/client';
import { SocketIO } from 'boardgame.io/multiplayer';
import { DeRisk, enumerate, type BotMove } from '../../src/game';
import type { DeRiskState } from '../../src/game/state';
import type { MatchStore } from '../../src/server/storage/types';
import { playerView } from '../../src/game/view';
import {
  BEIJING,
  closeAllSockets,
  connectSocket,
  createSeatedMatch,
  move,
  startChildServer,
  startTestServer,
  syncAndWait,
  WASHINGTON,
  type ChildServer,
  type TestSocket,
  type WireState,
} from './server';

export interface OpenStore {
  db: MatchStore;
  /** Releases the store object (a pool's connections); the data stays. */
  close(): Promise<void>;
}

/** One place to keep matches (a folder, a schema), made fresh for each test. */
export interface StoreHandle {
  /** A new store object on this data, as a restarted server would make (not yet connected). */
  open(): Promise<OpenStore>;
  /** Environment for `main.ts` to use the same data. */
  childEnv: Record<string, string>;
  /**
   * Reads a match's stored record without starting a store, for data a live server is writing
   * (a FileStore's start-up removes temporary files, which would include the live server's).
   */
  read?(matchID: string): Promise<Partial<StorageAPI.FetchFields>>;
  /** Removes the data. */
  dispose(): Promise<void>;
}

export interface SuiteOptions {
  /** How many moves are each followed by a SIGKILL (default 5). */
  kills?: number;
}

type Seat = '0' | '1';
type GameClient = ReturnType<typeof Client<DeRiskState>>;

/** The whole stored record of a match, as the data holds it now (a server may be running on it). */
export async function readMatch(handle: StoreHandle, matchID: string): Promise<Partial<StorageAPI.FetchFields>> {
  if (handle.read) return handle.read(matchID);
  const store = await handle.open();
  try {
    await store.db.connect();
    return await store.db.fetch(matchID, { state: true, initialState: true, log: true, metadata: true });
  } finally {
    await store.close();
  }
}

/** The seat that must act: the responder while a deal waits for an answer, else the current player. */
export function seatToAct(state: State<DeRiskState>): Seat {
  const G = state.G;
  if (G.proposal) return G.proposal.by === 'us' ? BEIJING : WASHINGTON;
  return state.ctx.currentPlayer as Seat;
}

/** Actions that raise the relationship or cost nothing of it: a long run of them never ends the game. */
const PEACEFUL = ['cutTariffs', 'approveFactory', 'signLng', 'buyFarm', 'buyMedical', 'orderBoeing', 'offerFactory', 'stimulateDemand', 'coordinateG7', 'selfReliance'];

/** A legal move for whoever must act, preferring peaceful actions (they change tracks but keep the game going). */
export function pickMove(state: State<DeRiskState>): BotMove {
  if (state.ctx.gameover !== undefined) throw new Error(`The game is over: ${JSON.stringify(state.ctx.gameover)}`);
  const moves = enumerate(state.G, state.ctx).filter((m) => m.move !== 'proposeDeal');
  const peaceful = PEACEFUL.map((id) => moves.find((m) => m.move === 'act' && m.args[0] === id)).find((m) => m !== undefined);
  const choice = peaceful ?? moves.find((m) => m.move !== 'pass') ?? moves[0];
  if (!choice) throw new Error(`No legal move at _stateID ${state._stateID}`);
  return choice;
}

/** Makes a close function safe to call twice (a test may stop early; the clean-up runs again). */
function once(close: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  return () => (done ??= close());
}

function startClient(url: string, matchID: string, playerID: Seat, credentials: string): GameClient {
  const client = Client<DeRiskState>({
    game: DeRisk,
    multiplayer: SocketIO({ server: url, socketOpts: { transports: ['websocket'], reconnection: false } }),
    matchID,
    playerID,
    credentials,
    debug: false,
  });
  client.start();
  return client;
}

/** Waits until the client holds a synced state with this _stateID (bounded). */
async function clientAt(client: GameClient, stateID: number, timeoutMs = 5000): Promise<NonNullable<ReturnType<GameClient['getState']>>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = client.getState();
    if (state && state._stateID === stateID) return state;
    if (Date.now() > deadline) throw new Error(`client ${client.playerID} is at ${state?._stateID}, not ${stateID}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Makes a move through a boardgame.io client, as the UI does. */
function play(client: GameClient, name: string, ...args: unknown[]): void {
  const moveFn = client.moves[name];
  if (!moveFn) throw new Error(`The client has no move ${name}`);
  moveFn(...args);
}

/** Stops a client once (docs/boardgame-io-traps.md, trap 10: a second stop() throws). */
function stopClients(clients: GameClient[]): void {
  for (const client of clients.splice(0)) {
    try {
      client.stop();
    } catch {
      // already stopped
    }
  }
}

export function persistenceSuite(name: string, makeStore: () => Promise<StoreHandle>, { kills = 5 }: SuiteOptions = {}): void {
  describe(`${name} persistence`, () => {
    let handle: StoreHandle;
    const clients: GameClient[] = [];
    const children: ChildServer[] = [];
    const cleanups: (() => Promise<void>)[] = [];

    beforeEach(async () => {
      process.env.LOG_LEVEL = 'silent';
      handle = await makeStore();
    });
    afterEach(async () => {
      stopClients(clients);
      closeAllSockets();
      for (const child of children.splice(0)) await child.kill();
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
      await handle.dispose();
    });

    it(`${name}: a match survives a server restart (same state; the next move works)`, async () => {
      // First server: two real boardgame.io clients play three moves, one of them redacted.
      const first = await handle.open();
      const serverA = await startTestServer({ db: first.db });
      const stopA = once(async () => {
        await serverA.close();
        await first.close();
      });
      cleanups.push(stopA);
      const { matchID, credentials } = await createSeatedMatch(serverA.url);
      const washington = startClient(serverA.url, matchID, WASHINGTON, credentials[WASHINGTON]);
      const beijing = startClient(serverA.url, matchID, BEIJING, credentials[BEIJING]);
      clients.push(washington, beijing);
      const start = await clientAt(washington, 0);
      await clientAt(beijing, 0);
      expect(start.ctx.currentPlayer).toBe(WASHINGTON);

      play(washington, 'act', 'raiseTariffs');
      await clientAt(beijing, 1);
      play(beijing, 'act', 'counterTariffs');
      await clientAt(washington, 2);
      const card = (await clientAt(washington, 2)).G.sides.us.hand[0];
      expect(card).toBeTruthy();
      play(washington, 'recycle', card);
      const seenByBeijing = await clientAt(beijing, 3);
      await clientAt(washington, 3);
      expect(seenByBeijing.G.tracks.usTariff).toBe(start.G.tracks.usTariff + 1);
      expect(seenByBeijing.G.tracks.cnTariff).toBe(start.G.tracks.cnTariff + 1);

      const before = await serverA.db.fetch(matchID, { state: true, initialState: true, log: true });
      expect((before.state)._stateID).toBe(3);
      stopClients(clients);
      await stopA();

      // Second server, new store object on the same data.
      const second = await handle.open();
      const serverB = await startTestServer({ db: second.db });
      cleanups.push(
        once(async () => {
          await serverB.close();
          await second.close();
        }),
      );
      const after = await serverB.db.fetch(matchID, { state: true, initialState: true, log: true });
      expect(after).toEqual(before);

      // Both seats sync again over raw sockets and see exactly their view of the same state.
      const w = await connectSocket(serverB.url);
      const b = await connectSocket(serverB.url);
      const views: Record<Seat, WireState> = {
        '0': (await syncAndWait(w, matchID, WASHINGTON, credentials[WASHINGTON])).state,
        '1': (await syncAndWait(b, matchID, BEIJING, credentials[BEIJING])).state,
      };
      const truth = before.state as State<DeRiskState>;
      for (const seat of [WASHINGTON, BEIJING] as const) {
        expect(views[seat]._stateID).toBe(3);
        expect(views[seat].G).toEqual(playerView({ G: truth.G, ctx: truth.ctx, playerID: seat }));
        expect(views[seat].ctx).toEqual(truth.ctx);
      }

      // The next move works, through real clients again.
      const actor = seatToAct(truth);
      const next = pickMove(truth);
      const player = startClient(serverB.url, matchID, actor, credentials[actor]);
      const other = actor === WASHINGTON ? BEIJING : WASHINGTON;
      const watcher = startClient(serverB.url, matchID, other, credentials[other]);
      clients.push(player, watcher);
      await clientAt(player, 3);
      await clientAt(watcher, 3);
      play(player, next.move, ...next.args);
      await clientAt(watcher, 4);
      const final = await serverB.db.fetch(matchID, { state: true, log: true });
      expect(final.state._stateID).toBe(4);
      const moves = (final.log ?? []).filter((e) => e.action.type === 'MAKE_MOVE').map((e) => (e.action.payload as { type: string }).type);
      expect(moves).toEqual(['act', 'act', 'recycle', next.move]);
    });

    it(`${name}: a move a client has seen is not lost when the server is killed with SIGKILL right after it (${kills} kills)`, async () => {
      let child = await startChildServer(handle.childEnv);
      children.push(child);
      const { matchID, credentials } = await createSeatedMatch(child.url);
      let seen: { by: Seat; state: WireState; move: BotMove } | null = null;
      let played = 0;

      for (let round = 0; round <= kills; round += 1) {
        const sockets: Record<Seat, TestSocket> = { '0': await connectSocket(child.url), '1': await connectSocket(child.url) };
        const synced: Record<Seat, WireState> = {
          '0': (await syncAndWait(sockets[WASHINGTON], matchID, WASHINGTON, credentials[WASHINGTON])).state,
          '1': (await syncAndWait(sockets[BEIJING], matchID, BEIJING, credentials[BEIJING])).state,
        };
        const truth = (await readMatch(handle, matchID)).state as State<DeRiskState>;

        if (seen) {
          // The fresh server has exactly the state the other seat saw before the kill.
          expect(synced[seen.by], `after kill ${round}`).toEqual(seen.state);
          expect(truth._stateID, `after kill ${round}`).toBe(seen.state._stateID);
          const log = (await readMatch(handle, matchID)).log as LogEntry[];
          const last = log.filter((e) => e.action.type === 'MAKE_MOVE').at(-1);
          expect(last?.action.payload.type).toBe(seen.move.move);
          expect(last?.action.payload.args ?? []).toEqual(seen.move.args);
          expect(log.filter((e) => e.action.type === 'MAKE_MOVE')).toHaveLength(played);
        }
        if (round === kills) break;

        const actor = seatToAct(truth);
        const observer: Seat = actor === WASHINGTON ? BEIJING : WASHINGTON;
        const next: BotMove = round === 0 ? { move: 'act', args: ['raiseTariffs'] } : pickMove(truth);
        if (round === 0) expect(actor).toBe(WASHINGTON);
        // Kill the server the moment the other seat's socket gets the update.
        const victim = child;
        sockets[observer].socket.once('update', () => victim.child.kill('SIGKILL'));
        const from = sockets[observer].frames.length;
        move(sockets[actor], matchID, actor, credentials[actor], truth._stateID, next.move, ...next.args);
        const [, , state] = await sockets[observer].waitFor('update', () => true, 5000, from);
        await victim.kill();
        expect(victim.child.signalCode).toBe('SIGKILL');
        played += 1;
        seen = { by: observer, state: state as WireState, move: next };
        expect(seen.state._stateID).toBe(truth._stateID + 1);
        if (round === 0) expect(seen.state.G.tracks.usTariff).toBe(truth.G.tracks.usTariff + 1);
        closeAllSockets();

        child = await startChildServer(handle.childEnv);
        children.push(child);
      }
      expect(played).toBe(kills);
    });
  });
}
