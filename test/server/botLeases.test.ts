/**
 * Computer seats as leases when several instances share them (issue 15, bots/registry.ts),
 * without Redis: the server runs with a shared cluster whose leases the test controls. A seat
 * whose lease another instance took is stopped here and not released; an instance that cannot
 * renew its leases for a whole lease stops every seat (another may run them by now); an orphan
 * handed to this instance is started if its match has a computer seat and released if not (also
 * when a person's wake of the same computer was under way here); a
 * person's move asks the shared leases to wake a sleeping computer; shutting down hands the
 * seats off.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocalCluster, type BotLeases, type LeaseAnswer, type LeaseEnd, type LeaseMode } from '../../src/server/cluster';
import { matchWithBot, matchWithOnePerson } from '../helpers/botMatch';
import { closeAllSockets, connectSocket, startTestServer, syncAndWait, type TestServer } from '../helpers/server';

process.env.LOG_LEVEL = 'silent';
const servers: TestServer[] = [];
afterEach(async () => {
  closeAllSockets();
  for (const s of servers.splice(0)) await s.close();
});

/** Leases as another instance and Redis would answer them, set by the test. */
class ScriptedLeases implements BotLeases {
  readonly held = new Set<string>();
  readonly asked: { matchID: string; mode: LeaseMode }[] = [];
  readonly released: { matchID: string; end: LeaseEnd }[] = [];
  lost: string[] = [];
  renewFails = false;
  orphanQueue: string[] = [];
  answer: LeaseAnswer = 'ok';
  /** While set, an answer waits for it (Redis slow to answer). */
  gate: Promise<void> | null = null;

  async acquire(matchID: string, mode: LeaseMode): Promise<LeaseAnswer> {
    this.asked.push({ matchID, mode });
    const answer = this.answer;
    if (this.gate) await this.gate;
    if (answer === 'ok') this.held.add(matchID);
    return answer;
  }
  release(matchID: string, end: LeaseEnd): Promise<void> {
    this.held.delete(matchID);
    this.released.push({ matchID, end });
    return Promise.resolve();
  }
  renew(matchIDs: readonly string[]): Promise<string[]> {
    if (this.renewFails) return Promise.reject(new Error('Redis is out of reach'));
    const lost = matchIDs.filter((m) => this.lost.includes(m));
    for (const m of lost) this.held.delete(m);
    return Promise.resolve(lost);
  }
  orphans(limit: number): Promise<string[]> {
    const taken = this.orphanQueue.splice(0, limit);
    for (const m of taken) this.held.add(m);
    return Promise.resolve(taken);
  }
  owns(matchID: string): boolean {
    return this.held.has(matchID);
  }
}

class SharedCluster extends LocalCluster {
  override readonly shared = true;
  constructor(readonly leases: ScriptedLeases) {
    super();
  }
  override bots(): BotLeases {
    return this.leases;
  }
}

async function start(leases: ScriptedLeases, stops: { matchID: string; reason: string }[]): Promise<TestServer> {
  const server = await startTestServer({
    server: {
      cluster: new SharedCluster(leases),
      bots: { leaseMs: 300, thinkMs: [0, 0], idleMs: 0, onStop: (matchID, reason) => void stops.push({ matchID, reason }) },
    },
  });
  servers.push(server);
  return server;
}

/** A match with a computer that started here, whose seat another instance has since taken. */
async function seatTakenElsewhere(server: TestServer, leases: ScriptedLeases) {
  const table = await matchWithBot(server.url, { level: 'easy', persona: 'balanced' });
  leases.lost = [table.matchID];
  await vi.waitFor(() => expect(server.app.bots.isRunning(table.matchID)).toBe(false), { timeout: 3000 });
  leases.lost = [];
  return table;
}

describe('computer seats under shared leases', () => {
  it('a seat whose lease another instance took stops here, and is not released by this one', async () => {
    const leases = new ScriptedLeases();
    const stops: { matchID: string; reason: string }[] = [];
    const server = await start(leases, stops);
    const table = await matchWithBot(server.url, { level: 'easy', persona: 'balanced' });
    expect(server.app.bots.isRunning(table.matchID)).toBe(true);
    expect(leases.asked).toContainEqual({ matchID: table.matchID, mode: 'capped' });
    leases.lost = [table.matchID];
    await vi.waitFor(() => expect(stops).toContainEqual({ matchID: table.matchID, reason: 'leaseLost' }), { timeout: 3000 });
    expect(server.app.bots.isRunning(table.matchID)).toBe(false);
    expect(leases.released.filter((r) => r.matchID === table.matchID)).toEqual([]);
  });

  it('an instance that cannot renew for a whole lease stops every seat it runs', async () => {
    const leases = new ScriptedLeases();
    const stops: { matchID: string; reason: string }[] = [];
    const server = await start(leases, stops);
    const tables = [await matchWithBot(server.url, { level: 'easy', persona: 'balanced' }), await matchWithBot(server.url, { level: 'easy', persona: 'balanced' })];
    leases.renewFails = true;
    // Not at the first failed renewal: only once a whole lease has gone by without one.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(server.app.bots.size).toBe(2);
    await vi.waitFor(() => expect(server.app.bots.size).toBe(0), { timeout: 3000 });
    expect(stops.map((s) => s.reason)).toEqual(['leaseLost', 'leaseLost']);
    expect(stops.map((s) => s.matchID).sort()).toEqual(tables.map((t) => t.matchID).sort());
  });

  it('takes over an orphan with a computer seat, and releases one without', async () => {
    const leases = new ScriptedLeases();
    const stops: { matchID: string; reason: string }[] = [];
    const server = await start(leases, stops);
    // Another instance took the seat; later it died, and this instance is handed the orphan.
    const table = await seatTakenElsewhere(server, leases);
    const personOnly = await matchWithOnePerson(server.url);
    leases.orphanQueue = [table.matchID, personOnly.matchID, 'class:ABCDEF:student'];
    await vi.waitFor(() => expect(server.app.bots.isRunning(table.matchID)).toBe(true), { timeout: 3000 });
    await vi.waitFor(() => expect(leases.released.map((r) => r.matchID)).toEqual(expect.arrayContaining([personOnly.matchID, 'class:ABCDEF:student'])));
    expect(server.app.bots.isRunning(personOnly.matchID)).toBe(false);
  });

  it('an orphan handed over while a wake of the same computer is under way here is started once that wake is answered', async () => {
    const leases = new ScriptedLeases();
    const stops: { matchID: string; reason: string }[] = [];
    const server = await start(leases, stops);
    const table = await seatTakenElsewhere(server, leases);
    // The person syncs: the wake asks the shared leases, which answer 'awake' (the other
    // instance's lease had not run out yet) only after the orphan was handed to this instance.
    let answerWake: () => void = () => undefined;
    leases.gate = new Promise<void>((resolve) => (answerWake = resolve));
    leases.answer = 'awake';
    const person = await connectSocket(server.url);
    await syncAndWait(person, table.matchID, table.playerID, table.credentials);
    await vi.waitFor(() => expect(leases.asked).toContainEqual({ matchID: table.matchID, mode: 'wake' }));
    leases.orphanQueue = [table.matchID];
    await vi.waitFor(() => expect(leases.orphanQueue).toEqual([]), { timeout: 3000 });
    leases.gate = null;
    answerWake();
    await vi.waitFor(() => expect(server.app.bots.isRunning(table.matchID)).toBe(true), { timeout: 3000 });
  });

  it('a person acting asks the shared leases to wake their computer; shutting down hands the seats off', async () => {
    const leases = new ScriptedLeases();
    const stops: { matchID: string; reason: string }[] = [];
    const server = await start(leases, stops);
    const table = await seatTakenElsewhere(server, leases);
    // The computer is asleep somewhere (as far as Redis knows): the person's sync here wakes it.
    const person = await connectSocket(server.url);
    await syncAndWait(person, table.matchID, table.playerID, table.credentials);
    await vi.waitFor(() => expect(server.app.bots.isRunning(table.matchID)).toBe(true), { timeout: 3000 });
    expect(leases.asked).toContainEqual({ matchID: table.matchID, mode: 'wake' });
    await server.close();
    servers.splice(0);
    expect(leases.released).toContainEqual({ matchID: table.matchID, end: 'handOff' });
  });
});
