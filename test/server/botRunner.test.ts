/**
 * The bot runner on its own, against a real server, with decisions the test controls: a refused
 * move is retried with the safe move, repeated failures end in giving up (never a loop), a
 * dropped connection is re-made, and a match that does not exist stops it.
 */
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Server as SocketServer } from 'socket.io';
import type { BotDecision } from '../../src/bots';
import { toMove } from '../../src/game';
import { BotRunner, type RunnerOptions, type StopReason } from '../../src/server/bots/runner';
import { ALLOWED_ORIGIN, closeAllSockets, connectSocket, createSeatedMatch, move, startTestServer, syncAndWait, type TestServer } from '../helpers/server';

process.env.LOG_LEVEL = 'silent';

const servers: TestServer[] = [];
const runners: BotRunner[] = [];
afterEach(async () => {
  for (const runner of runners.splice(0)) runner.stop('closed');
  closeAllSockets();
  for (const server of servers.splice(0)) await server.close();
});

const passed = { kind: 'pass', why: { kind: 'enough' } } as const;
const pass: BotDecision = { move: toMove({ kind: 'pass' }, passed), reason: passed };

async function runnerFor(playerID: '0' | '1', decide: RunnerOptions['decide']) {
  const server = await startTestServer();
  servers.push(server);
  const match = await createSeatedMatch(server.url, { scenario: '2025', length: 4 });
  const stops: StopReason[] = [];
  const runner = new BotRunner(
    { matchID: match.matchID, playerID, credentials: match.credentials[playerID], config: { level: 'easy', persona: 'balanced', seed: 1 } },
    { url: server.url, origin: ALLOWED_ORIGIN, token: server.app.transport.internalToken, gameName: 'de-risk', thinkMs: [0, 0], retryMs: 10, decide, onStop: (reason) => stops.push(reason) },
  );
  runners.push(runner);
  return { server, match, runner, stops };
}

const movesIn = async (server: TestServer, matchID: string) =>
  ((await server.db.fetch(matchID, { log: true })).log).filter((e) => e.action.type === 'MAKE_MOVE').map((e) => `${e.action.payload.playerID}:${e.action.payload.type}`);

describe('the bot runner', () => {
  it('after a refused move it syncs again and sends the move that is always allowed', async () => {
    const decide = vi.fn(async (): Promise<BotDecision> => ({ move: { move: 'playCard', args: ['noSuchCard', 'Played a card I do not hold'] }, reason: passed }));
    const { server, match, runner, stops } = await runnerFor('0', decide);
    // boardgame.io reports the refused move with console.error (docs/boardgame-io-traps.md, trap 11): keep the output readable.
    const quietErrors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    onTestFinished(() => quietErrors.mockRestore());
    runner.start();

    await vi.waitFor(async () => expect(await movesIn(server, match.matchID)).toEqual(['0:pass']), { timeout: 5000 });
    expect(runner.stats).toEqual({ moves: 2, refused: 1 });
    expect(decide).toHaveBeenCalledTimes(1);
    expect(stops).toEqual([]);
  });

  it('gives up after repeated failures instead of trying for ever', async () => {
    const decide = vi.fn(async (): Promise<BotDecision> => {
      throw new Error('no idea');
    });
    const { server, match, runner, stops } = await runnerFor('0', decide);
    runner.start();

    await vi.waitFor(() => expect(stops).toEqual(['gaveUp']), { timeout: 5000 });
    expect(decide).toHaveBeenCalledTimes(5);
    expect(await movesIn(server, match.matchID)).toEqual([]);
  });

  it('connects again when the server drops its connection, and plays on', async () => {
    const { server, match, runner } = await runnerFor('1', async () => pass);
    runner.start();
    await vi.waitFor(async () => expect((await server.db.fetch(match.matchID, { metadata: true })).metadata?.players[1]?.isConnected).toBe(true));
    // The transport's socket.io server is private: reach it to drop every connection at once.
    const namespace = (server.app.transport as unknown as { io: SocketServer }).io.of('/de-risk');
    const [dropped] = (await namespace.fetchSockets()).map((s) => s.id);
    expect(dropped).toBeDefined();
    namespace.disconnectSockets(true);
    await vi.waitFor(async () => expect((await namespace.fetchSockets()).map((s) => s.id)).toEqual([expect.not.stringMatching(dropped ?? '')]));

    const person = await connectSocket(server.url);
    const { state } = await syncAndWait(person, match.matchID, '0', match.credentials['0']);
    move(person, match.matchID, '0', match.credentials['0'], state._stateID, 'act', 'raiseTariffs');

    await person.waitFor('update', (id, next) => id === match.matchID && (next as { _stateID: number })._stateID === 2, 5000);
    expect(await movesIn(server, match.matchID)).toEqual(['0:act', '1:pass']);
  });

  it('stops when its match does not exist', async () => {
    const server = await startTestServer();
    servers.push(server);
    const stops: StopReason[] = [];
    const runner = new BotRunner(
      { matchID: 'ZZZZZZZ', playerID: '0', credentials: 'x'.repeat(32), config: { level: 'easy', persona: 'balanced', seed: 1 } },
      { url: server.url, origin: ALLOWED_ORIGIN, token: server.app.transport.internalToken, gameName: 'de-risk', thinkMs: [0, 0], decide: async () => pass, onStop: (reason) => stops.push(reason) },
    );
    runners.push(runner);
    runner.start();

    await vi.waitFor(() => expect(stops).toEqual(['matchGone']));
  });
});
