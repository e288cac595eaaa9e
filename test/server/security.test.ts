/**
 * The server's security list (S1–S7) and the lobby's input checks, over real sockets and real
 * HTTP against an in-process server with the embedded store.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { State } from 'boardgame.io';
import { validateSetupData } from '../../src/game';
import { playerView } from '../../src/game/view';
import type { DeRiskState } from '../../src/game/state';
import {
  ALLOWED_ORIGIN,
  BEIJING,
  closeAllSockets,
  connectSocket,
  createSeatedMatch,
  expectSilence,
  lobby,
  move,
  quiet,
  sleep,
  startTestServer,
  stateOf,
  syncAndWait,
  syncAs,
  WASHINGTON,
  type SyncInfo,
  type TestServer,
  type TestSocket,
  type WireLogEntry,
  type WireState,
} from '../helpers/server';

let server: TestServer;

beforeAll(async () => {
  process.env.LOG_LEVEL = 'silent';
  server = await startTestServer();
});
afterEach(() => closeAllSockets());
afterAll(async () => {
  await server.close();
});

interface Table {
  matchID: string;
  credentials: Record<'0' | '1', string>;
  w: TestSocket;
  b: TestSocket;
  spectator: TestSocket;
  /** Washington's view at sync. */
  view: WireState;
}

/** A match with both seats taken and synced, and a spectator; all initial frames received. */
async function table(url = server.url): Promise<Table> {
  const { matchID, credentials } = await createSeatedMatch(url);
  const w = await connectSocket(url);
  const b = await connectSocket(url);
  const spectator = await connectSocket(url);
  const sync = await syncAndWait(w, matchID, WASHINGTON, credentials[WASHINGTON]);
  await syncAndWait(b, matchID, BEIJING, credentials[BEIJING]);
  await syncAndWait(spectator, matchID, null);
  await quiet([w, b, spectator]);
  return { matchID, credentials, w, b, spectator, view: sync.state };
}

async function stored(matchID: string, db = server.db) {
  return db.fetch(matchID, { state: true, metadata: true, log: true, initialState: true });
}

/** The 'refused' frames received from index `from` on. */
function refusals(socket: TestSocket, from = 0): { code: string }[] {
  return socket
    .since(from)
    .filter(([event]) => event === 'refused')
    .map((frame) => frame[2] as { code: string });
}

/** Washington raises tariffs (a legal first move); resolves with the update Beijing receives. */
async function legalMove(t: Table): Promise<WireState> {
  const { state } = await stored(t.matchID);
  const from = t.b.frames.length;
  move(t.w, t.matchID, WASHINGTON, t.credentials[WASHINGTON], (state)._stateID, 'act', 'raiseTariffs');
  const [, , next] = await t.b.waitFor('update', (id) => id === t.matchID, 3000, from);
  return next as WireState;
}

/** A forged state: Washington wins with 99 support. */
function forgedState(view: WireState): WireState {
  return {
    ...view,
    G: { ...view.G, tracks: { ...view.G.tracks, usSupport: 99 } },
    ctx: { ...view.ctx, gameover: { winner: WASHINGTON } },
    _stateID: view._stateID + 1,
  };
}

describe('S1 raw state messages', () => {
  for (const type of ['UPDATE', 'RESET', 'SYNC', 'PATCH'] as const) {
    it(`S1 a raw ${type} with valid credentials changes nothing and reaches no one`, async () => {
      const t = await table();
      const before = await stored(t.matchID);
      const credentials = t.credentials[WASHINGTON];
      const forged = forgedState(t.view);
      const payload = { type: 'act', args: ['raiseTariffs'], playerID: WASHINGTON, credentials };
      const actions = {
        UPDATE: { type, state: forged, deltalog: [], payload },
        RESET: { type, state: forged, payload },
        SYNC: { type, state: forged, log: [], initialState: forged, clientOnly: false, payload },
        PATCH: {
          type,
          prevStateID: t.view._stateID,
          stateID: t.view._stateID + 1,
          patch: [{ op: 'replace', path: '/G/tracks/usSupport', value: 99 }],
          deltalog: [],
          payload,
        },
      };
      const wFrom = t.w.frames.length;
      const silence = Promise.all([expectSilence(t.b), expectSilence(t.spectator)]);
      t.w.socket.emit('update', actions[type], t.view._stateID, t.matchID, WASHINGTON);
      const [toBeijing, toSpectator] = await silence;

      expect(toBeijing).toEqual([]);
      expect(toSpectator).toEqual([]);
      expect(refusals(t.w, wFrom)).toEqual([{ code: 'malformedMessage' }]);
      expect(t.w.since(wFrom).filter(([e]) => e === 'update' || e === 'sync' || e === 'patch')).toEqual([]);
      expect(await stored(t.matchID)).toEqual(before);

      // The sockets still work: a real move goes through and reaches Beijing, unforged.
      const next = await legalMove(t);
      expect(next.G.tracks.usSupport).not.toBe(99);
      expect(next.ctx.gameover).toBeUndefined();
      expect(next._stateID).toBe(t.view._stateID + 1);
    });
  }
});

describe('S2 events and automatic actions', () => {
  it('S2 every game event sent by a client (endTurn, endGame, endPhase, setActivePlayers…, automatic) is refused', async () => {
    const t = await table();
    const before = await stored(t.matchID);
    const credentials = t.credentials[WASHINGTON];
    const event = (type: string, args: unknown, extra: Record<string, unknown> = {}) => ({
      type: 'GAME_EVENT',
      payload: { type, args, playerID: WASHINGTON, credentials },
      ...extra,
    });
    const actions = [
      event('endTurn', []),
      event('endTurn', true, { automatic: true }),
      event('endGame', [{ winner: WASHINGTON }]),
      event('endPhase', []),
      event('setPhase', ['round']),
      event('setActivePlayers', [{ all: 'respond' }]),
      event('endStage', []),
      event('setStage', ['respond']),
      event('pass', []),
      // An event name dressed as a move.
      { type: 'MAKE_MOVE', payload: { type: 'endTurn', args: [], playerID: WASHINGTON, credentials } },
      { type: 'MAKE_MOVE', payload: { type: 'endGame', args: [{ winner: WASHINGTON }], playerID: WASHINGTON, credentials } },
    ];
    const wFrom = t.w.frames.length;
    const silence = Promise.all([expectSilence(t.b, 400), expectSilence(t.spectator, 400)]);
    for (const action of actions) t.w.socket.emit('update', action, t.view._stateID, t.matchID, WASHINGTON);
    const [toBeijing, toSpectator] = await silence;

    expect(toBeijing).toEqual([]);
    expect(toSpectator).toEqual([]);
    expect(refusals(t.w, wFrom).map((r) => r.code)).toEqual(actions.map(() => 'malformedMessage'));
    expect(await stored(t.matchID)).toEqual(before);
    const next = await legalMove(t);
    expect(next.ctx.gameover).toBeUndefined();
  });

  it('S2 UNDO, REDO and PLUGIN actions from a client are refused', async () => {
    const t = await table();
    // A real move first, so that there would be something to undo.
    await legalMove(t);
    await quiet([t.w, t.b, t.spectator]);
    const before = await stored(t.matchID);
    const stateID = (before.state)._stateID;
    const credentials = t.credentials[WASHINGTON];
    const actions = [
      { type: 'UNDO', payload: { type: null, args: null, playerID: WASHINGTON, credentials } },
      { type: 'REDO', payload: { type: null, args: null, playerID: WASHINGTON, credentials } },
      { type: 'PLUGIN', payload: { type: 'random', args: [], playerID: WASHINGTON, credentials } },
      { type: 'PLUGIN', payload: { type: 'events', args: [{ endGame: true }], playerID: WASHINGTON, credentials } },
    ];
    const bFrom = t.b.frames.length;
    const wSilence = Promise.all([expectSilence(t.w, 400), expectSilence(t.spectator, 400)]);
    // Beijing is the active player now: it sends them.
    for (const action of actions) t.b.socket.emit('update', { ...action, payload: { ...action.payload, playerID: BEIJING, credentials: t.credentials[BEIJING] } }, stateID, t.matchID, BEIJING);
    const [toWashington, toSpectator] = await wSilence;

    expect(toWashington).toEqual([]);
    expect(toSpectator).toEqual([]);
    expect(refusals(t.b, bFrom).map((r) => r.code)).toEqual(actions.map(() => 'malformedMessage'));
    expect(await stored(t.matchID)).toEqual(before);
  });

  it('S2 socket events other than sync and update (chat, custom) are dropped: nothing changes, nothing is relayed', async () => {
    const t = await table();
    const before = await stored(t.matchID);
    const silence = Promise.all([expectSilence(t.b), expectSilence(t.spectator)]);
    t.w.socket.emit('chat', t.matchID, { id: 'x', sender: WASHINGTON, payload: 'hello <script>' }, t.credentials[WASHINGTON]);
    t.w.socket.emit('matchData', t.matchID, [{ id: 0, name: 'Mallory' }]);
    t.w.socket.emit('patch', t.matchID, 0, 1, [], []);
    const [toBeijing, toSpectator] = await silence;
    expect(toBeijing).toEqual([]);
    expect(toSpectator).toEqual([]);
    expect(await stored(t.matchID)).toEqual(before);
    expect(t.w.socket.connected).toBe(true);
  });
});

describe('S3 credentials', () => {
  it('S3 a sync as a seat with wrong, missing or the other seat\'s credentials is refused and sends no state', async () => {
    const t = await table();
    const cases: [string, string | null][] = [
      ['wrong', 'x'.repeat(32)],
      ['missing', null],
      ['the other seat\'s', t.credentials[BEIJING]],
      ['one character off', t.credentials[WASHINGTON].slice(0, -1) + (t.credentials[WASHINGTON].endsWith('A') ? 'B' : 'A')],
    ];
    const silence = Promise.all([expectSilence(t.b, 500), expectSilence(t.w, 500)]);
    for (const [label, credentials] of cases) {
      const intruder = await connectSocket(server.url);
      syncAs(intruder, t.matchID, WASHINGTON, credentials);
      const [, matchID, refusal] = await intruder.waitFor('refused');
      expect(matchID, label).toBe(t.matchID);
      expect(refusal, label).toEqual({ code: 'unauthorized' });
      // Not seated: a move from this socket is refused before it reaches the game.
      const from = intruder.frames.length;
      move(intruder, t.matchID, WASHINGTON, t.credentials[WASHINGTON], t.view._stateID, 'act', 'raiseTariffs');
      const [, , second] = await intruder.waitFor('refused', () => true, 3000, from);
      expect(second, label).toEqual({ code: 'notSeated' });
      expect(intruder.frames.filter(([e]) => e === 'sync' || e === 'update' || e === 'matchData'), label).toEqual([]);
    }
    // The seated players saw no one come or go, and the match did not move.
    expect(await silence).toEqual([[], []]);
    expect(((await stored(t.matchID)).state)._stateID).toBe(t.view._stateID);
  });

  it('S3 an update with wrong, missing or the other seat\'s credentials, or for a seat not synced, changes nothing', async () => {
    const t = await table();
    const before = await stored(t.matchID);
    const stateID = t.view._stateID;
    const silence = Promise.all([expectSilence(t.b, 500)]);
    const wFrom = t.w.frames.length;
    // Washington's socket, seated as Washington, with bad credentials in the move.
    move(t.w, t.matchID, WASHINGTON, 'x'.repeat(32), stateID, 'act', 'raiseTariffs');
    move(t.w, t.matchID, WASHINGTON, undefined, stateID, 'act', 'raiseTariffs');
    move(t.w, t.matchID, WASHINGTON, t.credentials[BEIJING], stateID, 'act', 'raiseTariffs');
    // Washington's socket acting for Beijing with Beijing's real credentials.
    move(t.w, t.matchID, BEIJING, t.credentials[BEIJING], stateID, 'act', 'counterTariffs');
    // The spectator acting for Washington with Washington's real credentials.
    move(t.spectator, t.matchID, WASHINGTON, t.credentials[WASHINGTON], stateID, 'act', 'raiseTariffs');
    // A payload whose player differs from the seat it is sent for.
    t.w.socket.emit('update', { type: 'MAKE_MOVE', payload: { type: 'act', args: ['raiseTariffs'], playerID: BEIJING, credentials: t.credentials[WASHINGTON] } }, stateID, t.matchID, WASHINGTON);

    const [toBeijing] = await silence;
    expect(toBeijing).toEqual([]);
    // (notSeated is answered at once; the others after the game has looked at the move.)
    const codes = refusals(t.w, wFrom).map((r) => r.code);
    expect(codes.sort()).toEqual(['notSeated', 'notSeated', 'unauthorized', 'unauthorized', 'unauthorized']);
    expect(refusals(t.spectator).map((r) => r.code)).toEqual(['notSeated']);
    expect(t.w.since(wFrom).filter(([e]) => e === 'update')).toEqual([]);
    expect(await stored(t.matchID)).toEqual(before);
  });

  it('S3 lobby leave, update and playAgain refuse wrong, missing or another seat\'s credentials', async () => {
    const { matchID, credentials } = await createSeatedMatch(server.url);
    const api = lobby(server.url);
    const before = await stored(matchID);
    const wrong = [
      ['wrong', 'x'.repeat(32), 403],
      ['the other seat\'s', credentials[BEIJING], 403],
      ['missing', undefined, 400],
      ['empty', '', 400],
    ] as const;
    for (const [label, cred, status] of wrong) {
      const leave = await api.leave(matchID, { playerID: WASHINGTON, credentials: cred });
      const update = await api.update(matchID, { playerID: WASHINGTON, credentials: cred, newName: 'Mallory' });
      const again = await api.playAgain(matchID, { playerID: WASHINGTON, credentials: cred });
      expect([leave.status, update.status, again.status], label).toEqual([status, status, status]);
    }
    // Nothing changed: the same names, the same seats, no new match.
    expect(await stored(matchID)).toEqual(before);
    expect(await server.db.listMatches({ where: { updatedAfter: (before.metadata?.updatedAt ?? 0) - 1 } })).toEqual([matchID]);
    // With the right credentials the same calls do work.
    expect((await api.update(matchID, { playerID: WASHINGTON, credentials: credentials[WASHINGTON], newName: 'Grace' })).status).toBe(200);
    expect(((await api.get(matchID)).body as { players: { name?: string }[] }).players.map((p) => p.name)).toEqual(['Grace', 'Bo']);
  });

  it('S3 credentials never appear in listings, error bodies, frames or server logs', async () => {
    const previousLevel = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = 'info';
    const output: string[] = [];
    const capture = (...args: unknown[]) => void output.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a) ?? String(a))).join(' '));
    const spies = (['log', 'error', 'warn', 'info', 'debug'] as const).map((method) => vi.spyOn(console, method).mockImplementation(capture));
    const bodies: string[] = [];
    const secrets: string[] = [];
    const sockets: TestSocket[] = [];
    try {
      const api = lobby(server.url);
      const t = await table();
      sockets.push(t.w, t.b, t.spectator);
      secrets.push(t.credentials[WASHINGTON], t.credentials[BEIJING]);
      const keep = (r: { text: string }) => bodies.push(r.text);
      keep(await api.list());
      keep(await api.get(t.matchID));
      // Error bodies of calls that carry real credentials, sent for the wrong seat or in a bad shape.
      keep(await api.leave(t.matchID, { playerID: BEIJING, credentials: t.credentials[WASHINGTON] }));
      keep(await api.update(t.matchID, { playerID: BEIJING, credentials: t.credentials[WASHINGTON], newName: 'Mallory' }));
      keep(await api.playAgain(t.matchID, { playerID: BEIJING, credentials: t.credentials[WASHINGTON] }));
      keep(await api.update(t.matchID, { playerID: WASHINGTON, credentials: t.credentials[WASHINGTON], newName: '<b>x</b>' }));
      keep(await api.leave(t.matchID, { playerID: WASHINGTON, credentials: t.credentials[WASHINGTON], extra: t.credentials[BEIJING] }));
      keep(await api.leave('NOSUCH2', { playerID: WASHINGTON, credentials: t.credentials[WASHINGTON] }));
      keep(await lobby(server.url, { Origin: 'http://evil.example' }).leave(t.matchID, { playerID: WASHINGTON, credentials: t.credentials[WASHINGTON] }));
      // Socket refusals and moves that carry credentials.
      const intruder = await connectSocket(server.url);
      sockets.push(intruder);
      syncAs(intruder, t.matchID, BEIJING, t.credentials[WASHINGTON]);
      await intruder.waitFor('refused');
      move(t.w, t.matchID, WASHINGTON, t.credentials[BEIJING], t.view._stateID, 'act', 'raiseTariffs');
      move(t.w, t.matchID, BEIJING, t.credentials[BEIJING], t.view._stateID, 'act', 'raiseTariffs');
      t.w.socket.emit('update', { type: 'RESET', payload: { playerID: WASHINGTON, credentials: t.credentials[WASHINGTON] } }, t.view._stateID, t.matchID, WASHINGTON);
      await legalMove(t);
      t.b.close();
      await quiet(sockets);
      await sleep(100);
    } finally {
      for (const spy of spies) spy.mockRestore();
      process.env.LOG_LEVEL = previousLevel;
    }
    expect(bodies).toHaveLength(9);
    expect(output.length).toBeGreaterThan(0); // the server did log (refusals, origins)
    expect(secrets.every((s) => s.length >= 32)).toBe(true);
    const frames = sockets.flatMap((s) => s.frames.map((f) => JSON.stringify(f)));
    expect(frames.length).toBeGreaterThan(5);
    for (const secret of secrets) {
      expect(bodies.filter((b) => b.includes(secret))).toEqual([]);
      expect(output.filter((line) => line.includes(secret))).toEqual([]);
      expect(frames.filter((f) => f.includes(secret))).toEqual([]);
    }
  });
});

describe('S4 secrets', () => {
  type Seat = '0' | '1' | null;
  const seatName = (seat: Seat) => (seat === null ? 'spectator' : seat === WASHINGTON ? 'Washington' : 'Beijing');
  const sideOfSeat = (seat: Seat) => (seat === WASHINGTON ? 'us' : seat === BEIJING ? 'cn' : null);

  /** What `seat` may see of a true state: exactly the game's player view. */
  const viewOf = (state: State<DeRiskState>, seat: Seat) => playerView({ G: state.G, ctx: state.ctx, playerID: seat });

  /** Card, event and agenda ids that `seat` must not be sent while the true state is `state`. */
  function hiddenIds(state: State<DeRiskState>, seat: Seat): string[] {
    const mine = sideOfSeat(seat);
    const { G } = state;
    const ids = new Set<string>([...G.eventDeck]);
    for (const side of ['us', 'cn'] as const) {
      const s = G.sides[side];
      for (const id of s.deck) ids.add(id);
      if (side !== mine) {
        for (const id of [...s.hand, ...s.discard]) ids.add(id);
        if (s.agenda && state.ctx.gameover === undefined) ids.add(s.agenda);
      }
    }
    // An id that the view shows for another reason (a card played face up) is not a secret.
    const visible = JSON.stringify(viewOf(state, seat));
    return [...ids].filter((id) => !visible.includes(`"${id}"`));
  }

  function secretsOfRandom(state: State): string[] {
    const data = (state.plugins as Record<string, { data?: { seed?: unknown; prngstate?: Record<string, unknown> } }>).random?.data;
    const values = [data?.seed, ...Object.values(data?.prngstate ?? {})].filter((v) => v !== undefined && v !== null).map(String);
    return values.filter((v) => v.length >= 4);
  }

  it('S4 no frame to the other seat or a spectator carries a hidden card, agenda, deck order, seed or redacted argument', async () => {
    const t = await table();
    const truth = new Map<number, State<DeRiskState>>();
    const remember = async () => {
      const { state, initialState } = await stored(t.matchID);
      truth.set((state)._stateID, state as State<DeRiskState>);
      if (initialState) truth.set((initialState)._stateID, initialState as State<DeRiskState>);
      return state as State<DeRiskState>;
    };
    const { initialState } = await stored(t.matchID);
    let state = await remember();
    expect(state._stateID).toBe(0);

    // Washington recycles a card from its hand: a redacted move.
    const recycled = state.G.sides.us.hand[0] as string;
    expect(recycled).toBeTruthy();
    // Some cards have two copies, and the card drawn in its place may be the other copy.
    const copiesHeld = (s: State<DeRiskState>) => s.G.sides.us.hand.filter((c) => c === recycled).length;
    const heldBefore = copiesHeld(state);
    const updateTo = (stateID: number) => (_id: unknown, sent: unknown) => (sent as WireState)._stateID === stateID;
    move(t.w, t.matchID, WASHINGTON, t.credentials[WASHINGTON], state._stateID, 'recycle', recycled);
    await t.b.waitFor('update', updateTo(1));
    state = await remember();
    expect(state.G.sides.us.discard).toContain(recycled);
    expect(copiesHeld(state)).toBeLessThanOrEqual(heldBefore);
    expect(state.G.sides.us.hand).toHaveLength(5);

    // Beijing answers, Washington acts again: every seat gets updates with both hands moving.
    move(t.b, t.matchID, BEIJING, t.credentials[BEIJING], state._stateID, 'act', 'counterTariffs');
    await t.w.waitFor('update', updateTo(2));
    state = await remember();
    move(t.w, t.matchID, WASHINGTON, t.credentials[WASHINGTON], state._stateID, 'act', 'raiseTariffs');
    await t.b.waitFor('update', updateTo(3));
    await t.spectator.waitFor('update', updateTo(3));
    state = await remember();
    expect(state._stateID).toBe(3);

    // Everyone syncs again (as after a reconnection): the sync carries the log and initialState.
    const late = await connectSocket(server.url);
    for (const [socket, seat] of [
      [t.b, BEIJING],
      [t.spectator, null],
      [late, null],
      [t.w, WASHINGTON],
    ] as const) {
      await syncAndWait(socket, t.matchID, seat, seat === null ? null : t.credentials[seat]);
    }
    await quiet([t.w, t.b, t.spectator, late]);

    const trueLog = (await stored(t.matchID)).log;
    const recycleEntries = trueLog.filter((e) => e.action.payload.type === 'recycle');
    expect(recycleEntries).toHaveLength(1);
    expect(recycleEntries[0]?.action.payload.args).toEqual([recycled]);
    const randomSecrets = [...secretsOfRandom(initialState), ...[...truth.values()].flatMap(secretsOfRandom)];
    expect(randomSecrets.length).toBeGreaterThan(0);

    const receivers: [TestSocket, Seat][] = [
      [t.b, BEIJING],
      [t.spectator, null],
      [late, null],
      [t.w, WASHINGTON],
    ];
    // Washington's own log names the card it recycled (another copy may still be in its deck).
    const secretIds = (state: State<DeRiskState>, seat: Seat) => hiddenIds(state, seat).filter((id) => seat !== WASHINGTON || id !== recycled);
    let checkedStates = 0;
    let checkedRecycleEntries = 0;
    for (const [socket, seat] of receivers) {
      const who = seatName(seat);
      for (const frame of socket.frames) {
        const json = JSON.stringify(frame);
        expect(json.includes('"seed"') || json.includes('"prngstate"'), `${who}: ${frame[0]} carries the random seed`).toBe(false);
        for (const secret of randomSecrets) expect(json.includes(secret), `${who}: ${frame[0]} carries ${secret}`).toBe(false);

        const states: WireState[] = [];
        const current = stateOf(frame);
        if (current) states.push(current);
        if (frame[0] === 'sync' && (frame[2] as SyncInfo).initialState) states.push((frame[2] as SyncInfo).initialState as WireState);
        for (const sent of states) {
          const real = truth.get(sent._stateID);
          expect(real, `${who}: no true state known for _stateID ${sent._stateID}`).toBeDefined();
          if (!real) continue;
          // The frame is exactly the seat's view: hands, decks, discards, event deck, agendas.
          expect(sent.G, `${who}: G at ${sent._stateID}`).toEqual(viewOf(real, seat));
          expect(sent.ctx).toEqual(real.ctx);
          expect(sent.plugins.random?.data, `${who}: random data`).toBeUndefined();
          const sentJson = JSON.stringify(sent);
          for (const id of secretIds(real, seat)) expect(sentJson.includes(`"${id}"`), `${who}: ${frame[0]} at ${sent._stateID} names hidden ${id}`).toBe(false);
          checkedStates += 1;
        }

        const log = frame[0] === 'update' ? (frame[3] as WireLogEntry[] | undefined) : frame[0] === 'sync' ? (frame[2] as SyncInfo).log : undefined;
        const now = current && truth.get(current._stateID);
        if (log && now) {
          const logJson = JSON.stringify(log);
          for (const id of secretIds(now, seat)) expect(logJson.includes(`"${id}"`), `${who}: the log names hidden ${id}`).toBe(false);
        }
        for (const entry of log ?? []) {
          if (entry.action.payload.type !== 'recycle') continue;
          checkedRecycleEntries += 1;
          if (seat === WASHINGTON) expect(entry.action.payload.args).toEqual([recycled]);
          else expect(entry.action.payload.args, `${who}: recycle args`).toBeNull();
        }
        if (seat !== WASHINGTON) expect(json.includes(`"${recycled}"`), `${who}: ${frame[0]} names the recycled card`).toBe(false);
      }
    }
    // Each seat saw the recycle in its update and again in its sync log; each frame had a state.
    expect(checkedRecycleEntries).toBeGreaterThanOrEqual(7);
    expect(checkedStates).toBeGreaterThanOrEqual(16);
    const spectatorSync = late.frames.find(([e]) => e === 'sync')?.[2] as SyncInfo;
    expect(spectatorSync.initialState?.G.sides).toEqual({
      us: expect.objectContaining({ hand: [], deck: [], discard: [], agenda: null }),
      cn: expect.objectContaining({ hand: [], deck: [], discard: [], agenda: null }),
    });
    expect(spectatorSync.initialState?.G.eventDeck).toEqual([]);
  });
});

describe('S5 unknown matches', () => {
  it('S5 a sync for an unknown match id creates nothing and is refused with unknownMatch', async () => {
    const before = (await server.db.listMatches()).sort();
    const socket = await connectSocket(server.url);
    const ids = ['ZZZZZZZ', 'new-match', '../../etc', '__proto__'];
    for (const [index, matchID] of ids.entries()) {
      syncAs(socket, matchID, index % 2 === 0 ? null : WASHINGTON, index % 2 === 0 ? null : 'made-up-credentials');
      const [, id, refusal] = await socket.waitFor('refused', (id) => id === matchID);
      expect(id).toBe(matchID);
      expect(refusal).toEqual({ code: 'unknownMatch' });
      expect((await server.db.fetch(matchID, { state: true, metadata: true })).state).toBeUndefined();
    }
    // The client's numPlayers cannot make a match appear either (boardgame.io would create one).
    socket.socket.emit('sync', 'QQQQQQQ', null, null, 2);
    await socket.waitFor('refused', (id) => id === 'QQQQQQQ');
    expect(socket.frames.filter(([e]) => e === 'sync')).toEqual([]);
    expect((await server.db.listMatches()).sort()).toEqual(before);
    expect((await lobby(server.url).get('ZZZZZZZ')).status).toBe(404);
  });
});

describe('S6 origins', () => {
  const EVIL = 'http://evil.example';

  for (const transport of ['polling', 'websocket'] as const) {
    it(`S6 a page on a foreign origin cannot open the socket by ${transport === 'polling' ? 'HTTP polling' : 'WebSocket'}; the allowed origin can`, async () => {
      const refused = await connectSocket(server.url, { transports: [transport], extraHeaders: { Origin: EVIL }, connect: false });
      const [, message] = await refused.waitFor('#connect_error');
      expect(String(message)).toMatch(/error|forbidden/i);
      expect(refused.socket.connected).toBe(false);
      expect(refused.frames.filter(([e]) => !e.startsWith('#'))).toEqual([]);

      const allowed = await connectSocket(server.url, { transports: [transport], extraHeaders: { Origin: ALLOWED_ORIGIN } });
      expect(allowed.socket.connected).toBe(true);
      const { matchID } = await createSeatedMatch(server.url);
      const sync = await syncAndWait(allowed, matchID, null);
      expect(sync.state._stateID).toBe(0);
    });
  }

  it('S6 the socket.io handshake answers CORS only for the allowed origin', async () => {
    const handshake = (origin: string) => fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { Origin: origin }, signal: AbortSignal.timeout(3000) });
    const evil = await handshake(EVIL);
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const good = await handshake(ALLOWED_ORIGIN);
    expect(good.status).toBe(200);
    expect(good.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(good.headers.get('x-content-type-options')).toBe('nosniff');
    await good.text();
    await evil.text();
  });

  it('S6 a page on a foreign origin cannot call the lobby API (403), and creates nothing', async () => {
    const { matchID, credentials } = await createSeatedMatch(server.url);
    const before = (await server.db.listMatches()).sort();
    const evil = lobby(server.url, { Origin: EVIL });
    const responses = [
      await evil.list(),
      await evil.get(matchID),
      await evil.create({ numPlayers: 2 }),
      await evil.join(matchID, { playerID: WASHINGTON, playerName: 'Eve' }),
      await evil.update(matchID, { playerID: WASHINGTON, credentials: credentials[WASHINGTON], newName: 'Eve' }),
      await evil.leave(matchID, { playerID: WASHINGTON, credentials: credentials[WASHINGTON] }),
      await evil.playAgain(matchID, { playerID: WASHINGTON, credentials: credentials[WASHINGTON] }),
      await evil.call('GET', '/games'),
    ];
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 403));
    expect((await server.db.listMatches()).sort()).toEqual(before);
    expect(((await lobby(server.url).get(matchID)).body as { players: { name?: string }[] }).players.map((p) => p.name)).toEqual(['Ada', 'Bo']);

    const good = lobby(server.url, { Origin: ALLOWED_ORIGIN });
    const created = await good.create({ numPlayers: 2 });
    expect(created.status).toBe(200);
    expect((await good.list()).status).toBe(200);
  });

  it('S6 the allowed origins are configurable', async () => {
    const custom = await startTestServer({ origins: ['https://derisk.example', 'http://127.0.0.1:4173'] });
    try {
      for (const origin of ['https://derisk.example', 'http://127.0.0.1:4173']) {
        expect((await lobby(custom.url, { Origin: origin }).create()).status).toBe(200);
        const socket = await connectSocket(custom.url, { transports: ['polling'], extraHeaders: { Origin: origin } });
        expect(socket.socket.connected).toBe(true);
      }
      // The default test origin is not allowed on this server, for either transport.
      expect((await lobby(custom.url, { Origin: ALLOWED_ORIGIN }).create()).status).toBe(403);
      for (const transport of ['polling', 'websocket'] as const) {
        const refused = await connectSocket(custom.url, { transports: [transport], extraHeaders: { Origin: ALLOWED_ORIGIN }, connect: false });
        await refused.waitFor('#connect_error');
        expect(refused.socket.connected).toBe(false);
      }
    } finally {
      closeAllSockets();
      await custom.close();
    }
  });
});

describe('S7 sizes and floods', () => {
  for (const transport of ['websocket', 'polling'] as const) {
    it(`S7 a socket message bigger than 16 KB (${transport}) is refused: the socket is cut off and nothing changes`, async () => {
      const t = await table();
      const before = await stored(t.matchID);
      const big = await connectSocket(server.url, { transports: [transport] });
      await syncAndWait(big, t.matchID, WASHINGTON, t.credentials[WASHINGTON]);
      const beforeBig = (await stored(t.matchID)).state;
      const from = big.frames.length;
      move(big, t.matchID, WASHINGTON, t.credentials[WASHINGTON], t.view._stateID, 'act', 'x'.repeat(17 * 1024));
      await big.waitFor('#disconnect', () => true, 5000, from);
      expect(big.since(from).filter(([e]) => e === 'refused' || e === 'update')).toEqual([]);
      expect((await stored(t.matchID)).state).toEqual(beforeBig);
      expect((await stored(t.matchID)).state).toEqual(before.state);
      // A message just under the limit but with an over-long argument is refused politely.
      move(t.w, t.matchID, WASHINGTON, t.credentials[WASHINGTON], t.view._stateID, 'act', 'x'.repeat(8 * 1024));
      const [, , refusal] = await t.w.waitFor('refused');
      expect(refusal).toMatchObject({ code: 'malformedMessage' });
      expect(t.w.socket.connected).toBe(true);
      // The server and this match still work.
      expect((await legalMove(t)).G.tracks.usTariff).toBe(Number(t.view.G.tracks.usTariff) + 1);
    });
  }

  it('S7 a lobby request body over 4096 bytes is refused with 413 (declared or streamed) and creates nothing', async () => {
    const api = lobby(server.url);
    const { matchID } = await (async () => {
      const created = await api.create();
      return created.body;
    })();
    const before = (await server.db.listMatches()).sort();
    const padding = 'x'.repeat(5000);
    const declared = await api.create({ numPlayers: 2, setupData: { scenario: '2025', padding } });
    expect(declared.status).toBe(413);
    const join = await api.join(matchID, { playerID: WASHINGTON, playerName: padding });
    expect(join.status).toBe(413);
    // Streamed without a Content-Length (chunked): the guard counts the bytes itself.
    const chunks = [JSON.stringify({ numPlayers: 2, setupData: { padding: '' } }).slice(0, -3), `${padding}"}}`];
    const streamed = await fetch(`${server.url}/games/de-risk/create`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
          controller.close();
        },
      }),
      duplex: 'half',
      signal: AbortSignal.timeout(5000),
    } as RequestInit & { duplex: 'half' });
    expect(streamed.headers.get('content-length')).not.toBe('0');
    expect(streamed.status).toBe(413);
    expect((await server.db.listMatches()).sort()).toEqual(before);
    // 4096 bytes exactly is still a body the guard reads (and judges on its content).
    const exact = JSON.stringify({ numPlayers: 2, unlisted: false, setupData: { scenario: '2025' } });
    const atLimit = await api.create(exact + ' '.repeat(4096 - exact.length));
    expect(atLimit.status).toBe(200);
  });

  it('S7 a client flooding 200 syncs is cut off; the server stays up for others', async () => {
    const { matchID } = await createSeatedMatch(server.url);
    const flooder = await connectSocket(server.url);
    for (let i = 0; i < 200; i += 1) syncAs(flooder, matchID, null);
    await flooder.waitFor('#disconnect', () => true, 5000);
    // The bucket holds 40 messages: no more than that were answered.
    expect(flooder.frames.filter(([e]) => e === 'sync').length).toBeLessThanOrEqual(40);
    expect(flooder.socket.connected).toBe(false);

    // Someone else can still create, join and play.
    const t = await table();
    expect((await legalMove(t))._stateID).toBe(1);
  });

  it('S7 a seated client flooding 200 updates is cut off; at most one move is applied; others play on', async () => {
    // boardgame.io reports each stale move with console.error (docs/boardgame-io-traps.md, trap 11): keep the output readable.
    const quietErrors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    onTestFinished(() => quietErrors.mockRestore());
    const t = await table();
    const silence = expectSilence(t.spectator, 1000);
    for (let i = 0; i < 200; i += 1) move(t.w, t.matchID, WASHINGTON, t.credentials[WASHINGTON], t.view._stateID, 'act', 'raiseTariffs');
    await t.w.waitFor('#disconnect', () => true, 5000);
    await silence;
    const { state } = await stored(t.matchID);
    expect((state)._stateID).toBeLessThanOrEqual(t.view._stateID + 1);
    // The spectator got at most that one move, and the disconnection notice.
    const updates = t.spectator.frames.filter(([e]) => e === 'update');
    expect(updates.length).toBeLessThanOrEqual(1);

    // Washington reconnects and the match goes on; another match can be created and played.
    const w = await connectSocket(server.url);
    const sync = await syncAndWait(w, t.matchID, WASHINGTON, t.credentials[WASHINGTON]);
    expect(sync.state._stateID).toBe((state)._stateID);
    const other = await table();
    expect((await legalMove(other))._stateID).toBe(1);
  });
});

describe('Lobby input validation', () => {
  const api = () => lobby(server.url);

  it('Lobby: display names must be 1–24 characters without HTML or control characters', async () => {
    const { matchID } = (await api().create()).body;
    const refused = ['', '   ', 'x'.repeat(25), '<b>Ada</b>', '"><script>alert(1)</script>', 'Ada\u0000', 'A\nB', 'Ada\u202Eevil', '&amp;', 'Ada{}', 42, null];
    // Control characters and padding at either end are refused too (not trimmed away and stored).
    refused.push('Ada\n', '\tAda', 'Ada\r\n', `Ada${' '.repeat(1000)}`, '\u000bAda', 'Ada\uFEFF');
    for (const playerName of refused) {
      const response = await api().join(matchID, { playerID: WASHINGTON, playerName });
      expect(response.status, JSON.stringify(playerName)).toBe(400);
    }
    const players = ((await api().get(matchID)).body as { players: { name?: string }[] }).players;
    expect(players.map((p) => p.name)).toEqual([undefined, undefined]);

    // Good names are accepted, in any script, and can be changed within the same rules.
    const joined = await api().join(matchID, { playerID: WASHINGTON, playerName: 'x'.repeat(24) });
    expect(joined.status).toBe(200);
    const credentials = joined.body.playerCredentials;
    for (const newName of ['Zhōu Lì', 'O\'Brien-Smith', '周 力', 'Ada 2']) {
      expect((await api().update(matchID, { playerID: WASHINGTON, credentials, newName })).status, newName).toBe(200);
    }
    for (const newName of ['', 'x'.repeat(25), '<i>', 'tab\there']) {
      expect((await api().update(matchID, { playerID: WASHINGTON, credentials, newName })).status, newName).toBe(400);
    }
    const after = ((await api().get(matchID)).body as { players: { name?: string }[] }).players;
    expect(after.map((p) => p.name)).toEqual(['Ada 2', undefined]);
  });

  it('Lobby: setup data with an unknown scenario, length or key is refused with the engine\'s message', async () => {
    const before = (await server.db.listMatches()).length;
    const bad: unknown[] = [{ scenario: '1999' }, { length: 5 }, { length: '8' }, { scenario: '2025', extra: true }, 'fast', [1, 2]];
    for (const setupData of bad) {
      const response = await api().create({ numPlayers: 2, setupData });
      expect(response.status, JSON.stringify(setupData)).toBe(400);
      const message = validateSetupData(setupData, 2);
      expect(message).toBeTruthy();
      expect((response.body as unknown as { error: string }).error).toBe(message);
    }
    expect((await server.db.listMatches()).length).toBe(before);
    const good = await api().create({ numPlayers: 2, setupData: { scenario: '2025', length: 4 } });
    expect(good.status).toBe(200);
    const { state } = await server.db.fetch(good.body.matchID, { state: true });
    expect((state as State<DeRiskState>).G.length).toBe(4);
  });

  it('Lobby: numPlayers must be 2, unknown keys and non-JSON bodies are refused, other routes are closed', async () => {
    const before = (await server.db.listMatches()).length;
    for (const numPlayers of [1, 3, '2', 2.5, null, undefined]) {
      expect((await api().create({ numPlayers, setupData: { scenario: '2025' } })).status, String(numPlayers)).toBe(400);
    }
    expect((await api().create({ numPlayers: 2, admin: true })).status).toBe(400);
    expect((await api().create('{"numPlayers": 2')).status).toBe(400);
    expect((await api().create('[2]')).status).toBe(400);
    expect((await server.db.listMatches()).length).toBe(before);

    const { matchID, credentials } = await createSeatedMatch(server.url);
    const cred = credentials[WASHINGTON];
    const checks: [string, Promise<{ status: number }>, number][] = [
      ['join with data', api().join(matchID, { playerID: BEIJING, playerName: 'Eve', data: { admin: true } }), 400],
      ['join seat 2', api().join(matchID, { playerID: '2', playerName: 'Eve' }), 400],
      ['update with data', api().update(matchID, { playerID: WASHINGTON, credentials: cred, newName: 'Ada', data: { x: 1 } }), 400],
      ['leave with extra key', api().leave(matchID, { playerID: WASHINGTON, credentials: cred, force: true }), 400],
      ['playAgain with numPlayers 3', api().playAgain(matchID, { playerID: WASHINGTON, credentials: cred, numPlayers: 3 }), 400],
      ['rename route', api().call('POST', `/games/de-risk/${matchID}/rename`, { playerID: WASHINGTON, credentials: cred, newName: 'X' }), 404],
      ['other game', api().call('POST', '/games/tic-tac-toe/create', { numPlayers: 2 }), 404],
    ];
    for (const [label, pending, status] of checks) expect((await pending).status, label).toBe(status);
    const { metadata } = await server.db.fetch(matchID, { metadata: true });
    expect(Object.values(metadata?.players ?? {}).map((p) => [p.name, p.data as unknown])).toEqual([
      ['Ada', undefined],
      ['Bo', undefined],
    ]);
  });
});
