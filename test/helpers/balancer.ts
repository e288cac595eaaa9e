/**
 * A load balancer for tests of several instances, on a loopback port: every new TCP connection
 * goes to the first backend whose `GET /readyz` answered 200 at the last check (every 100 ms),
 * as an orchestrator's balancer does with its readiness probe. No affinity: a connection that
 * closes and comes back may reach another instance.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { relay } from './instances';
import { freePort } from './spawn';

export interface Balancer {
  url: string;
  /** The backends that answered ready at the last check. */
  ready(): string[];
  close(): Promise<void>;
}

export async function startBalancer(backends: readonly { url: string; port: number }[]): Promise<Balancer> {
  const ready = new Set<number>();
  const check = async () => {
    await Promise.all(
      backends.map(async ({ url, port }) => {
        const ok = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(500) }).then(
          (r) => r.status === 200,
          () => false,
        );
        if (ok) ready.add(port);
        else ready.delete(port);
      }),
    );
  };
  await check();
  const poller = setInterval(() => void check(), 100);
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const target = backends.find((b) => ready.has(b.port));
    if (!target) {
      client.destroy();
      return;
    }
    relay(client, target.port, sockets);
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${port}`,
    ready: () => backends.filter((b) => ready.has(b.port)).map((b) => b.url),
    close: async () => {
      clearInterval(poller);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
