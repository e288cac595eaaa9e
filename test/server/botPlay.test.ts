/**
 * The computer in an online seat plays over the same sockets as a person (real server, real
 * sockets, embedded store): it plays a whole quick match to the end with every move accepted,
 * gives its reason for each move (R12), never lets its credentials out, and stops with the server.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { botReasonSchema, sideOf, type ChronicleEntry } from '../../src/game';
import type { StopReason } from '../../src/server/bots/runner';
import { matchWithBot, playToTheEnd, storedBotSeat } from '../helpers/botMatch';
import { closeAllSockets, connectSocket, lobby, syncAndWait, type TestServer, startTestServer } from '../helpers/server';

process.env.LOG_LEVEL = 'silent';

interface Stop {
  matchID: string;
  reason: StopReason;
  stats: { moves: number; refused: number };
}

const servers: TestServer[] = [];
afterEach(async () => {
  closeAllSockets();
  for (const server of servers.splice(0)) await server.close();
});

async function serverWithStops(thinkMs: [number, number] = [0, 0]) {
  const stops: Stop[] = [];
  const server = await startTestServer({ server: { bots: { thinkMs, onStop: (matchID, reason, stats) => stops.push({ matchID, reason, stats }) } } });
  servers.push(server);
  return { server, stops };
}

describe('the computer in an online seat', () => {
  it('R12 plays a whole quick match against a person to the end: every move accepted, each with its reason in the chronicle', async () => {
    const { server, stops } = await serverWithStops();
    const table = await matchWithBot(server.url, { level: 'hard', persona: 'hawk' }, '0');
    const person = await connectSocket(server.url);
    const spectator = await connectSocket(server.url);
    await syncAndWait(spectator, table.matchID, null);

    const final = await playToTheEnd(person, table);

    expect(final.ctx.gameover).toBeDefined();
    await vi.waitFor(() => expect(stops).toHaveLength(1));
    const [stop] = stops;
    expect(stop).toMatchObject({ matchID: table.matchID, reason: 'gameOver', stats: { refused: 0 } });
    expect(server.app.bots.isRunning(table.matchID)).toBe(false);

    const { log } = await server.db.fetch(table.matchID, { log: true });
    const botMoves = (log).filter((e) => e.action.type === 'MAKE_MOVE' && e.action.payload.playerID === table.botID);
    expect(botMoves.length).toBeGreaterThan(0);
    expect(botMoves).toHaveLength(stop?.stats.moves ?? -1);

    // The final chronicle, as the person received it once the game was over, has the computer's
    // reason for every one of its moves.
    const chronicle = final.G.chronicle as ChronicleEntry[];
    const reasons = chronicle.filter((e) => e.reason?.side === sideOf(table.botID)).map((e) => e.reason);
    expect(reasons).toHaveLength(botMoves.length);
    // Each one as the code the computer sent (R12), for the person's client to word.
    for (const reason of reasons) expect(botReasonSchema.safeParse(reason?.code).success, JSON.stringify(reason)).toBe(true);
    for (const move of botMoves) expect((move.action.payload.args as unknown[] | null)?.at(-1)).toMatchObject({ kind: expect.any(String) });
  });

  it('S3 the computer’s credentials appear in no frame sent to the person or a spectator, and in no lobby answer', async () => {
    const { server } = await serverWithStops();
    const table = await matchWithBot(server.url, { level: 'easy', persona: 'dealmaker' }, '1');
    const person = await connectSocket(server.url);
    const spectator = await connectSocket(server.url);
    await syncAndWait(spectator, table.matchID, null);
    await playToTheEnd(person, table);
    const { credentials } = await storedBotSeat(server.db, table);
    const api = lobby(server.url);
    const answers = [await api.get(table.matchID), await api.list(), await api.call('GET', `/games/de-risk?isGameover=true`)];

    expect(credentials.length).toBeGreaterThan(20);
    for (const socket of [person, spectator]) expect(JSON.stringify(socket.frames)).not.toContain(credentials);
    for (const answer of answers) expect(answer.text).not.toContain(credentials);
    // The seat is shown as the computer.
    expect(answers[0]?.body).toMatchObject({ players: [{ id: 0, name: 'Computer', data: { bot: { level: 'easy', persona: 'dealmaker' } } }, { id: 1, name: 'Ada' }] });
  });

  it('stops its bots and their threads when the server closes, without waiting for a bot to finish thinking', async () => {
    const { server, stops } = await serverWithStops([30_000, 30_000]);
    // The computer plays Washington, who moves first: it is thinking when the server closes.
    const table = await matchWithBot(server.url, { level: 'normal', persona: 'balanced' }, '1');
    await vi.waitFor(() => expect(server.app.bots.pool.threadCount).toBe(1), { timeout: 10_000 });
    expect(server.app.bots.size).toBe(1);

    const started = Date.now();
    await server.close();

    expect(Date.now() - started).toBeLessThan(10_000);
    expect(server.app.bots.size).toBe(0);
    expect(server.app.bots.pool.threadCount).toBe(0);
    expect(stops).toEqual([{ matchID: table.matchID, reason: 'closed', stats: { moves: 0, refused: 0 } }]);
    const { state } = await server.db.fetch(table.matchID, { state: true });
    expect(state?._stateID).toBe(0);
  });
});
