/**
 * The computer's seat survives a server restart (embedded store): the new server starts the
 * computer again for the unfinished match, with the same seat, and the game goes on to the end.
 */
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { matchWithBot, playToTheEnd, storedBotSeat } from '../helpers/botMatch';
import { closeAllSockets, connectSocket, startChildServer, syncAndWait, tempDir, type ChildServer, type TestServer, startTestServer } from '../helpers/server';

process.env.LOG_LEVEL = 'silent';

const servers: TestServer[] = [];
const children: ChildServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  closeAllSockets();
  for (const server of servers.splice(0)) await server.close();
  for (const child of children.splice(0)) await child.kill();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function serverOn(dir: string): Promise<TestServer> {
  const server = await startTestServer({ dir });
  servers.push(server);
  return server;
}

describe('the computer after a restart', () => {
  it('resumes in its unfinished match when the server starts again, and plays it to the end', async () => {
    const dir = await tempDir('de-risk-bot-restart-');
    dirs.push(dir);
    const first = await serverOn(dir);
    // The computer plays Washington, who moves first: its first move is made before the restart.
    const table = await matchWithBot(first.url, { level: 'normal', persona: 'dealmaker' }, '1');
    const person = await connectSocket(first.url);
    await syncAndWait(person, table.matchID, table.playerID, table.credentials);
    await person.waitFor('update', (id, state) => id === table.matchID && (state as { _stateID: number })._stateID === 1, 10_000);
    const seatBefore = await storedBotSeat(first.db, table);
    person.close();
    await first.close();
    expect(first.app.bots.size).toBe(0);

    const second = await serverOn(dir);

    expect(second.app.bots.isRunning(table.matchID)).toBe(true);
    expect((await storedBotSeat(second.db, table)).credentials).toBe(seatBefore.credentials);
    await vi.waitFor(async () => expect((await second.db.fetch(table.matchID, { metadata: true })).metadata?.players[0]?.isConnected).toBe(true));
    const again = await connectSocket(second.url);
    const final = await playToTheEnd(again, table);
    expect(final.ctx.gameover).toBeDefined();
    await vi.waitFor(() => expect(second.app.bots.size).toBe(0));
  });

  it('does not start a computer for a finished match', async () => {
    const dir = await tempDir('de-risk-bot-finished-');
    dirs.push(dir);
    const first = await serverOn(dir);
    const table = await matchWithBot(first.url, { level: 'easy', persona: 'balanced' }, '0');
    await playToTheEnd(await connectSocket(first.url), table);
    await first.close();

    const second = await serverOn(dir);

    expect(second.app.bots.size).toBe(0);
    expect((await second.db.fetch(table.matchID, { metadata: true })).metadata?.gameover).toBeDefined();
  });

  it('resumes after a SIGKILL of main.ts run by tsx (as `npm run dev:server` runs it), deciding in its worker thread', async () => {
    const dir = await tempDir('de-risk-bot-kill-');
    dirs.push(dir);
    const env = { DATA_DIR: dir, DATABASE_URL: '', STORAGE: '', BOT_THINK_MS: '0' };
    const first = await startChildServer(env);
    children.push(first);
    const table = await matchWithBot(first.url, { level: 'normal', persona: 'balanced' }, '1');
    const person = await connectSocket(first.url);
    await syncAndWait(person, table.matchID, table.playerID, table.credentials);
    await person.waitFor('update', (id, state) => id === table.matchID && (state as { _stateID: number })._stateID === 1, 15_000);
    await first.kill();

    const second = await startChildServer(env);
    children.push(second);
    const final = await playToTheEnd(await connectSocket(second.url), table);

    expect(final.ctx.gameover).toBeDefined();
  });
});
