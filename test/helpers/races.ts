/**
 * Issue 9, item 2: one writer per match. The races that lost updates when the lobby and the
 * socket transport each wrote the whole match record from their own earlier read, written once
 * and run against each store (test/server/races.test.ts: memory and files;
 * test/services/races.test.ts: PostgreSQL). Each race starts its two or three requests in the
 * same tick, many times over, and checks what a player would find afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchStore } from '../../src/server/storage/types';
import { BEIJING, closeAllSockets, connectSocket, createSeatedMatch, lobby, move, sleep, startTestServer, syncAndWait, syncAs, WASHINGTON, type SeatedMatch, type TestServer } from './server';

export interface RaceStore {
  db: MatchStore;
  close(): Promise<void>;
}

/** Waits until the sockets' own writes (connection status, moves) have reached the queue and settled. */
async function settle(server: TestServer): Promise<void> {
  await sleep(60);
  await server.app.queue.drain();
}

/** A seated match whose first move (Washington's) has just been sent and is on its way to the store. */
async function moveUnderWay(server: TestServer): Promise<SeatedMatch> {
  const match = await createSeatedMatch(server.url);
  const washington = await connectSocket(server.url);
  const { state } = await syncAndWait(washington, match.matchID, WASHINGTON, match.credentials[WASHINGTON]);
  await settle(server);
  move(washington, match.matchID, WASHINGTON, match.credentials[WASHINGTON], state._stateID, 'act', 'raiseTariffs');
  return match;
}

export function raceSuite(name: string, openStore: () => Promise<RaceStore>, tries = { join: 20, leave: 40, both: 20 }): void {
  describe(`${name}: one writer per match`, () => {
    let store: RaceStore;
    let server: TestServer;
    beforeAll(async () => {
      process.env.LOG_LEVEL = 'silent';
      store = await openStore();
      server = await startTestServer({ db: store.db });
    });
    afterAll(async () => {
      closeAllSockets();
      await server.close();
      await store.close();
    });

    it(`${name}: a join answered 200 keeps its credentials while the creator's tab opens or closes at the same moment (${tries.join} tries)`, async () => {
      const dead: number[] = [];
      for (let i = 0; i < tries.join; i += 1) {
        const api = lobby(server.url);
        const { matchID } = (await api.create()).body;
        const creator = await api.join(matchID, { playerID: WASHINGTON, playerName: 'Ada' });
        const tab = await connectSocket(server.url);
        await syncAndWait(tab, matchID, WASHINGTON, creator.body.playerCredentials);
        await settle(server);
        const other = i % 2 === 0 ? null : await connectSocket(server.url);
        // Same tick: Beijing joins while the creator's tab closes (even tries) or a second tab opens (odd tries).
        const joining = api.join(matchID, { playerID: BEIJING, playerName: 'Bo' });
        if (other) syncAs(other, matchID, WASHINGTON, creator.body.playerCredentials);
        else tab.close();
        const joined = await joining;
        expect(joined.status).toBe(200);
        await settle(server);
        const { metadata } = await store.db.fetch(matchID, { metadata: true });
        if (metadata?.players[1]?.credentials !== joined.body.playerCredentials) dead.push(i);
        const beijing = await connectSocket(server.url);
        const sync = await syncAndWait(beijing, matchID, BEIJING, joined.body.playerCredentials).catch(() => null);
        if (!sync && !dead.includes(i)) dead.push(i);
        closeAllSockets();
      }
      expect(dead, 'tries whose joined seat was lost').toEqual([]);
    });

    it(`${name}: a leave answered 200 stays done while a move is being stored (${tries.leave} tries)`, async () => {
      const undone: number[] = [];
      for (let i = 0; i < tries.leave; i += 1) {
        const { matchID, credentials } = await moveUnderWay(server);
        const left = await lobby(server.url).leave(matchID, { playerID: BEIJING, credentials: credentials[BEIJING] });
        expect(left.status).toBe(200);
        await settle(server);
        const { metadata } = await store.db.fetch(matchID, { metadata: true });
        const seat = metadata?.players[1];
        if (seat?.name !== undefined || seat?.credentials !== undefined) undone.push(i);
        closeAllSockets();
      }
      expect(undone, 'tries whose leave was undone').toEqual([]);
    });

    it(`${name}: both seats leaving while a move is being stored removes the match for good (${tries.both} tries)`, async () => {
      const back: number[] = [];
      for (let i = 0; i < tries.both; i += 1) {
        const { matchID, credentials } = await moveUnderWay(server);
        const answers = await Promise.all([
          lobby(server.url).leave(matchID, { playerID: WASHINGTON, credentials: credentials[WASHINGTON] }),
          lobby(server.url).leave(matchID, { playerID: BEIJING, credentials: credentials[BEIJING] }),
        ]);
        expect(answers.map((a) => a.status)).toEqual([200, 200]);
        await settle(server);
        const after = await store.db.fetch(matchID, { metadata: true, state: true });
        if (after.metadata !== undefined || after.state !== undefined) back.push(i);
        closeAllSockets();
      }
      expect(back, 'tries whose match came back').toEqual([]);
    });
  });
}
