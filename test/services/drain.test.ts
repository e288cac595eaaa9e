/**
 * Graceful shutdown drains an instance into the others (issue 15). Two server processes share
 * one PostgreSQL schema and one Redis prefix (made for this run, removed after) behind a test
 * balancer that sends each new connection to the first instance whose /readyz says ready. A
 * person plays the computer through the balancer, both on the first instance. SIGTERM to it:
 * /readyz turns 503 at once (the balancer sends nobody new there), DRAIN_GRACE_MS later its
 * sockets close and it hands its computer seat off; the person's client reconnects through the
 * balancer, reaches the other instance, syncs as boardgame.io's client does on every connect,
 * finds every move it had seen, and plays the computer, now run by the other instance, to the
 * end. The first instance exits 0.
 */
import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Ctx } from 'boardgame.io';
import { actingSide, sideOf, type DeRiskState } from '../../src/game';
import { startBalancer, type Balancer } from '../helpers/balancer';
import { matchWithBot } from '../helpers/botMatch';
import { logEvents, REDIS_URL, removeRedisKeys } from '../helpers/instances';
import { DATABASE_URL, dropSchema } from '../helpers/pgSchema';
import { ALLOWED_ORIGIN, startChildServer, type ChildServer, type WireState } from '../helpers/server';

const REDIS = REDIS_URL;
const run = randomBytes(6).toString('hex');
const schema = `de_risk_drain_${run}`;
const prefix = `de-risk-test-${run}`;
const children: ChildServer[] = [];
let balancer: Balancer | undefined;
let client: Socket | undefined;

afterAll(async () => {
  client?.close();
  await balancer?.close();
  for (const child of children) await child.kill();
  await dropSchema(schema);
  await removeRedisKeys(prefix);
});

const events = (child: ChildServer) => logEvents(child.output());

describe('SIGTERM to one of two instances', () => {
  it('drains its player and its computer seat into the other, and the game goes on to the end', async () => {
    const env = { DATABASE_URL, DATABASE_SCHEMA: schema, REDIS_URL: REDIS, REDIS_PREFIX: prefix, BOT_LEASE_MS: '3000', BOT_THINK_MS: '100', DRAIN_GRACE_MS: '400', LOG_LEVEL: 'info' };
    const first = await startChildServer(env);
    children.push(first);
    const second = await startChildServer(env);
    children.push(second);
    // Should it fail: what each instance did, to tell a fault of the drain from one of the game.
    onTestFailed(() => {
      for (const [name, child] of [['first', first], ['second', second]] as const) console.log(name, events(child).map((e) => JSON.stringify([e.event, e.reason ?? e.code])).join('; '));
    });
    balancer = await startBalancer([first, second]);
    expect(balancer.ready()).toEqual([first.url, second.url]);

    // The calmest start (relationship 6), so that the game does not end suddenly before the drain.
    const table = await matchWithBot(balancer.url, { level: 'easy', persona: 'balanced' }, '0', { scenario: '2018', length: 4 });
    expect(events(first).some((e) => e.event === 'bot-started' && e.matchID === table.matchID)).toBe(true);

    // The person's client: reconnects by itself, and syncs on every connect, as boardgame.io's does.
    const socket = io(`${balancer.url}/de-risk`, { transports: ['websocket'], extraHeaders: { Origin: ALLOWED_ORIGIN }, reconnectionDelay: 100, reconnectionDelayMax: 300 });
    client = socket;
    let connects = 0;
    let latest: WireState | undefined;
    /** The state each sync brought, and the last state seen before each disconnect. */
    const synced: number[] = [];
    const beforeDrop: number[] = [];
    let sentFrom = -1;
    const onState = (state: WireState) => {
      if (latest && state._stateID < latest._stateID) return;
      latest = state;
      const G = state.G as unknown as DeRiskState;
      const ctx = state.ctx as unknown as Ctx;
      if (ctx.gameover !== undefined || actingSide(G, ctx) !== sideOf(table.playerID) || sentFrom === state._stateID) return;
      sentFrom = state._stateID;
      // The person plays quietly (passes, and says no to deals), so the game runs its length.
      const move = state.ctx.activePlayers?.[table.playerID] === 'respond' ? 'rejectDeal' : 'pass';
      socket.emit('update', { type: 'MAKE_MOVE', payload: { type: move, args: [], playerID: table.playerID, credentials: table.credentials } }, state._stateID, table.matchID, table.playerID);
    };
    socket.on('connect', () => {
      connects += 1;
      socket.emit('sync', table.matchID, table.playerID, table.credentials, 2);
    });
    socket.on('disconnect', () => beforeDrop.push(latest?._stateID ?? -1));
    socket.on('sync', (_id: string, info: { state: WireState }) => {
      synced.push(info.state._stateID);
      // A move sent as the first instance closed may not have reached it: a sync says what to play from.
      sentFrom = -1;
      onState(info.state);
    });
    socket.on('update', (_id: string, state: WireState) => onState(state));

    // A few moves each on the first instance, then SIGTERM.
    await expect.poll(() => latest?._stateID ?? 0, { timeout: 15_000 }).toBeGreaterThanOrEqual(6);
    const stopped = first.stop('SIGTERM');
    await expect.poll(() => balancer?.ready(), { timeout: 3000 }).toEqual([second.url]);
    await stopped;
    expect(first.child.exitCode).toBe(0);
    // The game was still on when the first instance went: the rest of it is played on the second.
    expect(latest?.ctx.gameover).toBeUndefined();
    expect(events(first).some((e) => e.event === 'draining')).toBe(true);
    // Nothing in flight met a closed database or Redis on the way out.
    expect(events(first).filter((e) => e.level === 'error')).toEqual([]);

    // Back through the balancer on the second instance, with nothing lost, and on to the end.
    await expect.poll(() => connects, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await expect.poll(() => latest?.ctx.gameover !== undefined, { timeout: 60_000 }).toBe(true);
    // The sync on the second instance brought at least every move seen before the drop.
    expect(synced.length).toBeGreaterThanOrEqual(2);
    expect(synced[1]).toBeGreaterThanOrEqual(beforeDrop[0] ?? Infinity);
    expect(events(second).filter((e) => e.event === 'bot-taken-over' && e.matchID === table.matchID)).toHaveLength(1);
    expect(events(first).some((e) => e.event === 'bot-stopped' && e.reason === 'closed')).toBe(true);
  });
});
