/** Helpers for the tests of several server instances: their log lines, their Redis keys, a TCP relay. */
import { connect, type Socket } from 'node:net';
import { Redis } from 'ioredis';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The JSON log lines a server process has printed. */
export function logEvents(output: string): Record<string, unknown>[] {
  return output.split('\n').flatMap((line) => {
    try {
      const parsed: unknown = JSON.parse(line);
      return parsed && typeof parsed === 'object' ? [{ ...parsed }] : [];
    } catch {
      return [];
    }
  });
}

/** Removes every Redis key of a test run's prefix. */
export async function removeRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    const left = await redis.keys(`${prefix}*`);
    if (left.length > 0) await redis.del(...left);
  } finally {
    await redis.quit();
  }
}

/** Relays `client` to `port` on loopback (or `host`) both ways; both ends go when either does. `open` holds the live ones. */
export function relay(client: Socket, port: number, open: Set<Socket>, host = '127.0.0.1'): void {
  const upstream = connect(port, host);
  const cut = () => {
    client.destroy();
    upstream.destroy();
    open.delete(client);
    open.delete(upstream);
  };
  for (const socket of [client, upstream]) {
    open.add(socket);
    socket.on('error', cut);
    socket.on('close', cut);
  }
  client.pipe(upstream).pipe(client);
}
