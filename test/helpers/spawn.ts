/**
 * A De-Risk server in a child process on a free loopback port, for tests and benchmarks that
 * need a real process (a restart, a SIGKILL, the production build). No vitest here, so that the
 * first-visit benchmark can use it too (test/e2e/production.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => {
        resolvePromise(port);
      });
    });
  });
}

export interface SpawnedServer {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the process has printed so far. */
  output: () => string;
  /** Sends `signal` (unless the process is gone) and waits until it has exited. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

export interface SpawnOptions {
  /** Node's arguments: the script and any flags. */
  args: readonly string[];
  cwd?: string;
  /** Added to this process's environment; PORT is set here. */
  env: Record<string, string>;
  /** The path that answers 200 once the server is up. */
  readyPath: string;
  timeoutMs: number;
  /** Also pass what the process prints on this stream through to this process's stderr (a benchmark's server logs). */
  echo?: { stdout?: boolean; stderr?: boolean };
}

/** Starts `node ...args` with PORT set to a free port and waits until `readyPath` answers 200. */
export async function spawnServer({ args, cwd, env, readyPath, timeoutMs, echo = {} }: SpawnOptions): Promise<SpawnedServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [...args], { cwd, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (pass: boolean | undefined) => (d: Buffer) => {
    output += d.toString();
    if (pass) process.stderr.write(d);
  };
  child.stdout?.on('data', keep(echo.stdout));
  child.stderr?.on('data', keep(echo.stderr));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const response = await fetch(`${url}${readyPath}`, { signal: AbortSignal.timeout(1000) });
      if (response.status === 200) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await stop('SIGKILL');
      throw new Error(`server did not start within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, port, child, output: () => output, stop };
}
