/**
 * The production build as a visitor meets it: the built server (`dist-server/server.cjs`) on a
 * free port, and Debian's Chromium through playwright-core (nothing is downloaded). No vitest
 * here, so that the first-visit benchmark (bench/firstVisit.bench.ts) runs on the same pieces
 * as the browser tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { spawnServer } from '../helpers/spawn';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface AppServer {
  url: string;
  stop: () => Promise<void>;
}

/** Starts the built server (dist-server) on a free port with its own data folder; `env` adds settings. */
export async function startServer(env: Record<string, string> = {}): Promise<AppServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'de-risk-e2e-'));
  try {
    const server = await spawnServer({ args: ['dist-server/server.cjs'], env: { DATA_DIR: dataDir, NODE_ENV: 'production', ...env }, readyPath: '/', timeoutMs: 15_000 });
    return {
      url: server.url,
      stop: async () => {
        await server.stop('SIGTERM');
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Debian's Chromium, headless, with the flags that work here as root. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
