/**
 * The lobby request that gives an empty online seat to the computer
 * (`POST /games/de-risk/:matchID/bot`): who may ask, what it records, what it refuses, and
 * what happens to the computer when its match is given up or swept.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { matchWithBot, matchWithOnePerson, storedBotSeat } from '../helpers/botMatch';
import { closeAllSockets, createSeatedMatch, lobby, startTestServer, type TestServer } from '../helpers/server';

process.env.LOG_LEVEL = 'silent';

let server: TestServer;
const extra: TestServer[] = [];
beforeAll(async () => {
  // The computer must not move in these tests: they look at the seat, not the game.
  server = await startTestServer({ server: { bots: { thinkMs: [60_000, 60_000] } } });
});
afterEach(async () => {
  closeAllSockets();
  for (const s of extra.splice(0)) await s.close();
});
afterAll(async () => {
  await server.close();
});

const metadataOf = async (matchID: string, db = server.db) => (await db.fetch(matchID, { metadata: true })).metadata;

describe('asking for the computer', () => {
  it('the player holding a seat gets the computer in the other one: named Computer, with its level and temperament, credentials kept on the server', async () => {
    const table = await matchWithOnePerson(server.url, '1');
    const answer = await lobby(server.url).bot(table.matchID, { playerID: '1', credentials: table.credentials, level: 'hard', persona: 'titForTat' });

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ playerID: '0', playerName: 'Computer', bot: { level: 'hard', persona: 'titForTat' } });
    const seat = await storedBotSeat(server.db, { ...table, botID: '0' });
    expect(seat).toMatchObject({ name: 'Computer', data: { bot: { level: 'hard', persona: 'titForTat' } } });
    expect(seat.credentials).not.toBe(table.credentials);
    expect(answer.text).not.toContain(seat.credentials);
    expect(server.app.bots.isRunning(table.matchID)).toBe(true);
    // The computer's socket syncs as its seat: the seat shows as connected.
    await vi.waitFor(async () => expect((await metadataOf(table.matchID))?.players[0]?.isConnected).toBe(true));
  });

  /** The credentials with the last character changed: always wrong (a fixed 'x' was right one time in 64). */
  const wrongBy1 = (credentials: string) => `${credentials.slice(0, -1)}${credentials.endsWith('x') ? 'y' : 'x'}`;
  const refusals: { name: string; status: number; error: RegExp; body: (t: { matchID: string; credentials: string }) => unknown; path?: (matchID: string) => string }[] = [
    { name: 'wrong credentials', status: 403, error: /credentials do not hold/, body: (t) => ({ playerID: '0', credentials: wrongBy1(t.credentials), level: 'easy', persona: 'balanced' }) },
    { name: 'credentials for the empty seat', status: 403, error: /credentials do not hold/, body: (t) => ({ playerID: '1', credentials: t.credentials, level: 'easy', persona: 'balanced' }) },
    { name: 'a level that does not exist', status: 400, error: /level is one of easy, normal, hard/, body: (t) => ({ playerID: '0', credentials: t.credentials, level: 'expert', persona: 'balanced' }) },
    { name: 'a temperament that does not exist', status: 400, error: /temperament is one of balanced, hawk, dealmaker, titForTat/, body: (t) => ({ playerID: '0', credentials: t.credentials, level: 'easy', persona: 'dove' }) },
    { name: 'a missing level', status: 400, error: /level/, body: (t) => ({ playerID: '0', credentials: t.credentials, persona: 'balanced' }) },
    { name: 'an extra field (a seat name chosen by the client)', status: 400, error: /./, body: (t) => ({ playerID: '0', credentials: t.credentials, level: 'easy', persona: 'balanced', playerName: 'Deep Blue' }) },
    { name: 'an unknown match', status: 404, error: /no match with that code/, body: (t) => ({ playerID: '0', credentials: t.credentials, level: 'easy', persona: 'balanced' }), path: () => 'ZZZZZZZ' },
  ];

  for (const refusal of refusals) {
    it(`refuses ${refusal.name} (${refusal.status}) and changes nothing`, async () => {
      const table = await matchWithOnePerson(server.url, '0');
      const before = await metadataOf(table.matchID);
      const answer = await lobby(server.url).bot(refusal.path?.(table.matchID) ?? table.matchID, refusal.body(table));

      expect(answer.status).toBe(refusal.status);
      expect((answer.body as { error: string }).error).toMatch(refusal.error);
      expect(answer.text).not.toContain(table.credentials);
      expect(await metadataOf(table.matchID)).toEqual(before);
      expect(server.app.bots.isRunning(table.matchID)).toBe(false);
    });
  }

  it('refuses a match whose seats are both held by people (409) and changes nothing', async () => {
    const { matchID, credentials } = await createSeatedMatch(server.url);
    const before = await metadataOf(matchID);
    const answer = await lobby(server.url).bot(matchID, { playerID: '0', credentials: credentials['0'], level: 'normal', persona: 'hawk' });

    expect(answer).toMatchObject({ status: 409, body: { code: 'otherSeatTaken', error: 'The other seat is already taken.' } });
    expect(await metadataOf(matchID)).toEqual(before);
    expect(server.app.bots.isRunning(matchID)).toBe(false);
  });

  it('refuses a second computer for the same match (409) and keeps the first', async () => {
    const table = await matchWithBot(server.url, { level: 'easy', persona: 'hawk' }, '0');
    const before = await metadataOf(table.matchID);
    const again = await lobby(server.url).bot(table.matchID, { playerID: '0', credentials: table.credentials, level: 'hard', persona: 'dealmaker' });

    expect(again.status).toBe(409);
    expect(await metadataOf(table.matchID)).toEqual(before);
    expect(server.app.bots.isRunning(table.matchID)).toBe(true);
  });

  it('two requests at once for the same match seat one computer', async () => {
    const table = await matchWithOnePerson(server.url, '0');
    const body = { playerID: '0', credentials: table.credentials, level: 'easy', persona: 'balanced' };
    const answers = await Promise.all([lobby(server.url).bot(table.matchID, body), lobby(server.url).bot(table.matchID, body)]);

    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  });

  it('refuses with 503 beyond the cap on running computers, and changes nothing', async () => {
    const small = await startTestServer({ server: { bots: { max: 1, thinkMs: [60_000, 60_000] } } });
    extra.push(small);
    await matchWithBot(small.url);
    const table = await matchWithOnePerson(small.url, '0');
    const before = await metadataOf(table.matchID, small.db);
    const answer = await lobby(small.url).bot(table.matchID, { playerID: '0', credentials: table.credentials, level: 'easy', persona: 'balanced' });

    expect(answer.status).toBe(503);
    expect((answer.body as { error: string }).error).toMatch(/as many computer players as it can/);
    expect(await metadataOf(table.matchID, small.db)).toEqual(before);
    expect(small.app.bots.size).toBe(1);
  });

  it('limits requests for the computer from one address (429)', async () => {
    const limited = await startTestServer({ server: { botLimit: { perSecond: 0.001, burst: 2 } } });
    extra.push(limited);
    const table = await matchWithOnePerson(limited.url, '0');
    const body = { playerID: '0', credentials: 'wrong', level: 'easy', persona: 'balanced' };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await lobby(limited.url).bot(table.matchID, body)).status);

    expect(statuses).toEqual([403, 403, 429]);
  });

  it('a match where only the computer is left is removed, and the computer stops', async () => {
    const table = await matchWithBot(server.url);
    const left = await lobby(server.url).leave(table.matchID, { playerID: table.playerID, credentials: table.credentials });

    expect(left.status).toBe(200);
    expect(await metadataOf(table.matchID)).toBeUndefined();
    expect(server.app.bots.isRunning(table.matchID)).toBe(false);
  });

  it('the clean-up that removes a match also stops its computer', async () => {
    const sweeping = await startTestServer({ server: { abandonedAfterMs: -60_000, bots: { thinkMs: [60_000, 60_000] } } });
    extra.push(sweeping);
    const table = await matchWithBot(sweeping.url);
    expect(sweeping.app.bots.isRunning(table.matchID)).toBe(true);

    await sweeping.app.sweep();

    expect(await metadataOf(table.matchID, sweeping.db)).toBeUndefined();
    expect(sweeping.app.bots.size).toBe(0);
  });
});
