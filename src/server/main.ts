/**
 * `npm start`: one process serves the built client, the lobby API and the game's sockets on
 * PORT (default 8000). Matches are stored under DATA_DIR (default ./data), or in PostgreSQL
 * when DATABASE_URL is set (DATABASE_SCHEMA, default public); STORAGE=memory keeps nothing (for
 * benchmarks). ORIGINS lists the web origins allowed to use the API and sockets. MAX_BOTS caps
 * the computer players running at once (default 20); BOT_THINK_MS is their pause before a move
 * ("600-1200" by default; "0" for none); BOT_IDLE_MS is how long one waits for its opponent's
 * move before stepping away (default 10 minutes; "0" for never). TRUST_PROXY is the number of
 * proxies in front whose X-Forwarded-For names the client (default 0); MAX_SOCKETS_PER_ADDRESS
 * caps the sockets one address may hold (default 120). See docs/security.md.
 */
// The file store fsyncs every write; libuv runs file work on this many threads (default 4),
// so more threads let the writes of many matches go to disk together. Set before any I/O.
process.env.UV_THREADPOOL_SIZE ??= '64';

import { join, resolve } from 'node:path';
import { trustedHops } from './address';
import { createDeRiskServer } from './app';
import { FileClassStore, MemoryClassStore, PostgresClassStore, type ClassStore } from './classes/store';
import type { BotOptions } from './bots/registry';
import { bridgeLibraryErrors, log } from './log';
import { FileStore } from './storage/fileStore';
import type { MatchStore } from './storage/types';

/** The match store and, beside it in the same storage, the class store. */
async function storage(): Promise<{ db: MatchStore; classes: ClassStore; description: string }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { PostgresStore } = await import('./storage/postgresStore');
    const schema = process.env.DATABASE_SCHEMA ?? 'public';
    const db = new PostgresStore(url, schema);
    return { db, classes: new PostgresClassStore(db.pool, schema), description: `PostgreSQL (${new URL(url).host}, schema ${schema})` };
  }
  if (process.env.STORAGE === 'memory') {
    const { MemoryStore } = await import('./storage/memoryStore');
    return { db: new MemoryStore(), classes: new MemoryClassStore(), description: 'memory only (nothing survives a restart)' };
  }
  const dir = resolve(process.env.DATA_DIR ?? './data');
  return { db: new FileStore(dir), classes: new FileClassStore(join(dir, 'classes')), description: `files in ${dir}` };
}

/** A whole number from the environment, or undefined when unset or not a whole number. */
function wholeNumber(value: string | undefined): number | undefined {
  return value && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

/** MAX_BOTS (a whole number), BOT_IDLE_MS and BOT_THINK_MS ("min-max" or one number of ms), where set. */
function botOptions(env: NodeJS.ProcessEnv): Partial<BotOptions> {
  const options: Partial<BotOptions> = {};
  const max = wholeNumber(env.MAX_BOTS);
  if (max !== undefined) options.max = max;
  const idle = wholeNumber(env.BOT_IDLE_MS);
  if (idle !== undefined) options.idleMs = idle;
  const think = env.BOT_THINK_MS ? /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(env.BOT_THINK_MS) : null;
  if (think) options.thinkMs = [Number(think[1]), Math.max(Number(think[1]), Number(think[2] ?? think[1]))];
  return options;
}

async function main(): Promise<void> {
  bridgeLibraryErrors();
  // Whatever escapes a handler is one JSON log line, and the server keeps serving.
  process.on('unhandledRejection', (reason) => log('error', 'unhandled-rejection', { message: reason instanceof Error ? reason.message : String(reason).slice(0, 300) }));
  const port = Number(process.env.PORT ?? 8000);
  const origins = process.env.ORIGINS?.split(',').map((o) => o.trim()).filter(Boolean) ?? [
    `http://localhost:${port}`,
    `http://127.0.0.1:${port}`,
  ];
  const { db, classes, description } = await storage();
  const app = createDeRiskServer({
    db,
    classes,
    origins,
    clientDir: resolve(process.env.CLIENT_DIR ?? './dist'),
    // CREATE_LIMIT=off lifts the limit on new matches per address (benchmarks on loopback).
    ...(process.env.CREATE_LIMIT === 'off' ? { createLimit: null } : {}),
    trustProxy: trustedHops(process.env.TRUST_PROXY),
    ...(wholeNumber(process.env.MAX_SOCKETS_PER_ADDRESS) !== undefined ? { socketsPerAddress: wholeNumber(process.env.MAX_SOCKETS_PER_ADDRESS) } : {}),
    bots: botOptions(process.env),
  });
  await app.listen(port);
  console.log(`De-Risk is listening on http://localhost:${port} (storage: ${description}; allowed origins: ${origins.join(', ')})`);
  const stop = async () => {
    await app.close();
    // Pending file writes finish and the PostgreSQL pool ends before the process does.
    await db.close?.();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  log('error', 'startup-failed', { message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
