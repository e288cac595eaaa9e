/**
 * The De-Risk server: boardgame.io's Server with our transport, storage, lobby guard, room
 * codes, credential checks, static hosting and the clean-up of old matches. `main.ts` runs it;
 * the tests start it in-process or as a child process.
 */
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import type { StorageAPI } from 'boardgame.io';
import { Server } from 'boardgame.io/server';
import { DeRisk } from '../game';
import { ROOM_ALPHABET } from './guards';
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
}

export function roomCode(): string {
  return Array.from({ length: 7 }, () => ROOM_ALPHABET[randomInt(ROOM_ALPHABET.length)]).join('');
}

/** Credentials must match exactly, for every seat, always (S3); compared in constant time. */
function credentialsMatch(given: string | undefined, player: { credentials?: string } | undefined): boolean {
  const expected = player?.credentials;
  if (!given || !expected || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
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
    // 192 random bits: a seat's credentials cannot be guessed.
    generateCredentials: () => randomBytes(24).toString('base64url'),
  });
  server.app.use(
    lobbyGuard({ origins: options.origins, gameName: DeRisk.name ?? 'de-risk', createLimit: options.createLimit === undefined ? { perSecond: 1, burst: 30 } : options.createLimit }),
  );
  if (options.clientDir) server.app.use(serveClient(options.clientDir));

  let sweeper: NodeJS.Timeout | undefined;
  let http: HttpServer | undefined;
  const sweep = async () => {
    const now = Date.now();
    const finished = await options.db.listMatches({ where: { isGameover: true, updatedBefore: now - (options.finishedAfterMs ?? 7 * 24 * 3600_000) } });
    const abandoned = await options.db.listMatches({ where: { isGameover: false, updatedBefore: now - (options.abandonedAfterMs ?? 30 * 24 * 3600_000) } });
    for (const matchID of [...finished, ...abandoned]) await options.db.wipe(matchID);
    if (finished.length + abandoned.length > 0) log('info', 'cleanup', { removed: finished.length + abandoned.length });
  };

  return {
    server,
    transport,
    sweep,
    /** Starts listening; resolves with the HTTP server once sockets are attached. */
    async listen(port: number): Promise<HttpServer> {
      const { appServer } = await server.run({ port });
      http = appServer;
      transport.listen(appServer);
      sweeper = setInterval(() => void sweep().catch((e: Error) => log('error', 'cleanup-failed', { message: e.message })), options.cleanupEveryMs ?? 3600_000);
      sweeper.unref();
      return appServer;
    },
    async close(): Promise<void> {
      clearInterval(sweeper);
      await transport.close();
      if (http?.listening) await new Promise<void>((resolve) => http?.close(() => resolve()));
    },
  };
}
