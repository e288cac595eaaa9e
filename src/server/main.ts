/**
 * `npm start`: one process serves the built client, the lobby API and the game's sockets on
 * PORT (default 8000). Matches are stored under DATA_DIR (default ./data), or in PostgreSQL
 * when DATABASE_URL is set (DATABASE_SCHEMA, default public); STORAGE=memory keeps nothing (for
 * benchmarks). ORIGINS lists the web origins allowed to use the API and sockets. MAX_BOTS caps
 * the computer players running at once (default 20); BOT_THINK_MS is their pause before a move
 * ("600-1200" by default; "0" for none).
 */
// The file store fsyncs every write; libuv runs file work on this many threads (default 4),
// so more threads let the writes of many matches go to disk together. Set before any I/O.
process.env.UV_THREADPOOL_SIZE ??= '64';

import { resolve } from 'node:path';
import type { StorageAPI } from 'boardgame.io';
import { createDeRiskServer } from './app';
import type { BotOptions } from './bots/registry';
import { bridgeLibraryErrors, log } from './log';
import { FileStore } from './storage/fileStore';

async function storage(): Promise<{ db: StorageAPI.Async; description: string }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { PostgresStore } = await import('./storage/postgresStore');
    const schema = process.env.DATABASE_SCHEMA ?? 'public';
    return { db: new PostgresStore(url, schema), description: `PostgreSQL (${new URL(url).host}, schema ${schema})` };
  }
  if (process.env.STORAGE === 'memory') {
    const { MemoryStore } = await import('./storage/memoryStore');
    return { db: new MemoryStore(), description: 'memory only (nothing survives a restart)' };
  }
  const dir = resolve(process.env.DATA_DIR ?? './data');
  return { db: new FileStore(dir), description: `files in ${dir}` };
}

/** MAX_BOTS (a whole number) and BOT_THINK_MS ("min-max" or one number of ms), where set. */
function botOptions(env: NodeJS.ProcessEnv): Partial<BotOptions> {
  const options: Partial<BotOptions> = {};
  if (env.MAX_BOTS && /^\d+$/.test(env.MAX_BOTS.trim())) options.max = Number(env.MAX_BOTS);
  const think = env.BOT_THINK_MS ? /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(env.BOT_THINK_MS) : null;
  if (think) options.thinkMs = [Number(think[1]), Math.max(Number(think[1]), Number(think[2] ?? think[1]))];
  return options;
}

async function main(): Promise<void> {
  bridgeLibraryErrors();
  const port = Number(process.env.PORT ?? 8000);
  const origins = process.env.ORIGINS?.split(',').map((o) => o.trim()).filter(Boolean) ?? [
    `http://localhost:${port}`,
    `http://127.0.0.1:${port}`,
  ];
  const { db, description } = await storage();
  const app = createDeRiskServer({
    db,
    origins,
    clientDir: resolve(process.env.CLIENT_DIR ?? './dist'),
    // CREATE_LIMIT=off lifts the limit on new matches per address (benchmarks on loopback).
    ...(process.env.CREATE_LIMIT === 'off' ? { createLimit: null } : {}),
    bots: botOptions(process.env),
  });
  await app.listen(port);
  console.log(`De-Risk is listening on http://localhost:${port} (storage: ${description}; allowed origins: ${origins.join(', ')})`);
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((error: Error) => {
  log('error', 'startup-failed', { message: error.message });
  process.exit(1);
});
