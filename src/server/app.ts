/**
 * The De-Risk server: boardgame.io's Server with our transport, storage, lobby guard, room
 * codes, credential checks, static hosting and the clean-up of old matches. `main.ts` runs it;
 * the tests start it in-process or as a child process.
 */
import { randomInt } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StorageAPI } from 'boardgame.io';
import { Server } from 'boardgame.io/server';
import { DeRisk } from '../game';
import { botSettingsOf } from './bots/botSeat';
import { BotRegistry, DEFAULT_BOT_OPTIONS, type BotOptions } from './bots/registry';
import { seatBot } from './bots/seatRequest';
import { credentialsMatch, newCredentials, ROOM_ALPHABET } from './guards';
import { securityHeaders } from './headers';
import { lobbyGuard, type CreateLimit } from './lobby';
import { log } from './log';
import { serveClient } from './static';
import { GuardedSocketIO } from './transport';

export interface ServerOptions {
  db: StorageAPI.Async;
  /** Where the built client is; omit to serve only the API. */
  clientDir?: string;
  origins: readonly string[];
  /** Finished matches older than this, and untouched ones older than `abandonedAfterMs`, are removed. */
  finishedAfterMs?: number;
  abandonedAfterMs?: number;
  cleanupEveryMs?: number;
  /** New matches a client address may create: 1 a second, bursts of 30 by default; null for none. */
  createLimit?: CreateLimit | null;
  /** Computer players for empty online seats: how many at once, their pause, their threads. */
  bots?: Partial<BotOptions>;
  /** Requests for the computer a client address may make: one every 5 s, bursts of 5 by default; null for none. */
  botLimit?: CreateLimit | null;
}

export function roomCode(): string {
  return Array.from({ length: 7 }, () => ROOM_ALPHABET[randomInt(ROOM_ALPHABET.length)]).join('');
}

export function createDeRiskServer(options: ServerOptions) {
  const transport = new GuardedSocketIO({ origins: options.origins, maxMessageBytes: 16_384, messagesPerSecond: 20, burst: 40 });
  const server = Server({
    games: [DeRisk],
    db: options.db,
    origins: [...options.origins],
    transport,
    uuid: roomCode,
    authenticateCredentials: (credentials, player) => credentialsMatch(credentials, player),
    generateCredentials: newCredentials,
  });
  const gameName = DeRisk.name ?? 'de-risk';
  const bots = new BotRegistry(options.db, gameName, { ...DEFAULT_BOT_OPTIONS, ...options.bots });
  /** Removes a match and stops its bot, if it has one. */
  const remove = async (matchID: string) => {
    bots.stop(matchID);
    await options.db.wipe(matchID);
  };
  server.app.use(securityHeaders());
  server.app.use(
    lobbyGuard({
      origins: options.origins,
      gameName,
      createLimit: options.createLimit === undefined ? { perSecond: 1, burst: 30 } : options.createLimit,
      botLimit: options.botLimit === undefined ? { perSecond: 0.2, burst: 5 } : options.botLimit,
      bots: {
        seat: (matchID, body) => seatBot(options.db, bots, matchID, body),
        // boardgame.io removes a match when no seat has a name left; the computer's seat does
        // not count: nobody would ever play it.
        afterLeave: async (matchID) => {
          const { metadata } = await options.db.fetch(matchID, { metadata: true });
          const seated = Object.values(metadata?.players ?? {}).filter((p) => p.name);
          if (seated.length > 0 && seated.every((p) => botSettingsOf(p))) await remove(matchID);
        },
      },
    }),
  );
  if (options.clientDir) server.app.use(serveClient(options.clientDir));

  let sweeper: NodeJS.Timeout | undefined;
  let http: HttpServer | undefined;
  const sweep = async () => {
    const now = Date.now();
    const finished = await options.db.listMatches({ where: { isGameover: true, updatedBefore: now - (options.finishedAfterMs ?? 7 * 24 * 3600_000) } });
    const abandoned = await options.db.listMatches({ where: { isGameover: false, updatedBefore: now - (options.abandonedAfterMs ?? 30 * 24 * 3600_000) } });
    for (const matchID of [...finished, ...abandoned]) await remove(matchID);
    if (finished.length + abandoned.length > 0) log('info', 'cleanup', { removed: finished.length + abandoned.length });
  };

  return {
    server,
    transport,
    bots,
    sweep,
    /** Starts listening; resolves with the HTTP server once sockets are attached and bots resumed. */
    async listen(port: number): Promise<HttpServer> {
      const { appServer } = await server.run({ port });
      http = appServer;
      transport.listen(appServer);
      // Bots play through the server's own sockets, on loopback, like any other client.
      bots.attach(`http://127.0.0.1:${(appServer.address() as AddressInfo).port}`, options.origins[0]);
      const resumed = await bots.resume();
      if (resumed > 0) log('info', 'bots-resumed', { count: resumed });
      sweeper = setInterval(() => void sweep().catch((e: Error) => log('error', 'cleanup-failed', { message: e.message })), options.cleanupEveryMs ?? 3600_000);
      sweeper.unref();
      return appServer;
    },
    async close(): Promise<void> {
      clearInterval(sweeper);
      // Bots first: their sockets close while the server can still record them as gone.
      await bots.close();
      await transport.close();
      if (http?.listening) await new Promise<void>((resolve) => http?.close(() => resolve()));
    },
  };
}
