/**
 * `npm run bench:first-visit` (after `npm run build`): a first visit on a school-Chromebook
 * profile (1.6 Mbps down, 150 ms round trip, 4× CPU slowdown, cold cache) against the
 * production server, in Debian's Chromium. Prints the time until the start screen's first
 * button is shown and usable, and the bytes and requests it took, median and worst of a few
 * loads; then the same with compression refused (`Accept-Encoding: identity`) for comparison.
 * Figures only: nothing here passes or fails on time. Bounded: every wait has a deadline.
 */
import { existsSync } from 'node:fs';
import type { Browser, CDPSession } from 'playwright-core';
import { launchChromium, startServer } from '../test/e2e/production';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS = 2500;
/** CDP takes throughput in bytes per second: 1.6 Mbit/s down, 0.75 Mbit/s up. */
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const CPU_SLOWDOWN = 4;
/** The start screen's first button: "Start the game" (or, with a game under way, "Back to the game"). */
const FIRST_BUTTON = 'main.start button';
const LOAD_TIMEOUT_MS = 30_000;
/** After the first button: the visit is over once no request has been open for this long. */
const QUIET_MS = 1500;
/** The whole benchmark stops after this long, figures or not. */
const TIME_LIMIT_MS = Number(process.env.BENCH_TIME_LIMIT_MS ?? 300_000);

interface Visit {
  firstButtonMs: number;
  /** The start screen is the page's first content: its first paint, as the browser reports it. */
  firstPaintMs: number;
  startBytes: number;
  startRequests: number;
  allBytes: number;
  allRequests: number;
  encodings: string[];
}

interface Request {
  url: string;
  bytes: number;
  /** CDP's monotonic clock, in seconds. */
  sentAt: number;
  finishedAt: number | null;
}

/** The CDP binding through which the page reports the first button. */
const BINDING = 'deRiskFirstButton';

/**
 * Runs in the page before its own scripts: reports, on the page's clock (0 = navigation
 * start), the frame after which the first button is in the document, laid out and enabled.
 * Plain DevTools-protocol plumbing (a binding, a new-document script) rather than Playwright's
 * waiting helpers, whose injected script would compete for the throttled CPU. A string, not a
 * function: the TypeScript loader would decorate a function's text with its own helpers.
 */
const RECORD_FIRST_BUTTON = `
  const observer = new MutationObserver(() => {
    const button = document.querySelector(${JSON.stringify(FIRST_BUTTON)});
    if (!button || button.disabled || button.getClientRects().length === 0) return;
    observer.disconnect();
    requestAnimationFrame(() => window.${BINDING}(String(performance.now())));
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
`;

/** Every request of the page, with its bytes on the wire (headers and encoded body). */
function trackRequests(cdp: CDPSession): { requests: Map<string, Request>; encodings: Set<string> } {
  const requests = new Map<string, Request>();
  const encodings = new Set<string>();
  cdp.on('Network.requestWillBeSent', (e) => {
    requests.set(e.requestId, { url: e.request.url, bytes: 0, sentAt: e.timestamp, finishedAt: null });
  });
  cdp.on('Network.responseReceived', (e) => {
    const header = Object.entries(e.response.headers).find(([name]) => name.toLowerCase() === 'content-encoding');
    encodings.add(header ? header[1] : 'identity');
  });
  const finish = (id: string, at: number, bytes: number) => {
    const request = requests.get(id);
    if (request) Object.assign(request, { finishedAt: at, bytes });
  };
  cdp.on('Network.loadingFinished', (e) => finish(e.requestId, e.timestamp, e.encodedDataLength));
  cdp.on('Network.loadingFailed', (e) => finish(e.requestId, e.timestamp, 0));
  return { requests, encodings };
}

async function waitForQuiet(requests: Map<string, Request>): Promise<void> {
  const deadline = Date.now() + LOAD_TIMEOUT_MS;
  let seen = -1;
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    const open = [...requests.values()].some((r) => r.finishedAt === null);
    if (open || requests.size !== seen) {
      seen = requests.size;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= QUIET_MS) return;
  }
}

async function visit(browser: Browser, url: string, compressed: boolean): Promise<Visit> {
  // A new context has its own empty cache and connections: every visit is a first visit.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const { requests, encodings } = trackRequests(cdp);
    const shown = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no first button within ${LOAD_TIMEOUT_MS} ms`)), LOAD_TIMEOUT_MS);
      cdp.on('Runtime.bindingCalled', (e) => {
        if (e.name !== BINDING) return;
        clearTimeout(timer);
        resolve(Number(e.payload));
      });
    });
    await cdp.send('Runtime.enable');
    await cdp.send('Runtime.addBinding', { name: BINDING });
    await cdp.send('Page.enable');
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: RECORD_FIRST_BUTTON });
    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    if (!compressed) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
    await cdp.send('Page.navigate', { url });
    const firstButtonMs = await shown;
    await waitForQuiet(requests);
    const paint = await cdp.send('Runtime.evaluate', { expression: "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN", returnByValue: true });
    const firstPaintMs = Number(paint.result.value);
    const all = [...requests.values()];
    const navigationStart = Math.min(...all.map((r) => r.sentAt));
    const byButton = all.filter((r) => r.finishedAt !== null && r.finishedAt <= navigationStart + firstButtonMs / 1000);
    const sum = (list: Request[]) => list.reduce((total, r) => total + r.bytes, 0);
    return { firstButtonMs, firstPaintMs, startBytes: sum(byButton), startRequests: byButton.length, allBytes: sum(all), allRequests: all.length, encodings: [...encodings] };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function report(label: string, visits: Visit[]): void {
  const times = visits.map((v) => v.firstButtonMs);
  const pick = (key: keyof Omit<Visit, 'encodings'>) => median(visits.map((v) => v[key]));
  const encodings = [...new Set(visits.flatMap((v) => v.encodings))].sort().join(', ');
  console.log(
    `${label}: first button median ${Math.round(median(times))} ms, worst ${Math.round(Math.max(...times))} ms; first paint median ${Math.round(pick('firstPaintMs'))} ms\n` +
      `  downloaded by the first button ${kB(pick('startBytes'))} in ${pick('startRequests')} requests;` +
      ` in all, with the board fetched ahead, ${kB(pick('allBytes'))} in ${pick('allRequests')} requests (encodings: ${encodings})`,
  );
}

async function main(): Promise<void> {
  if (!existsSync('dist/index.html') || !existsSync('dist-server/server.cjs')) {
    throw new Error('Build first: npm run build');
  }
  const server = await startServer({ LOG_LEVEL: 'error' });
  const browser = await launchChromium();
  try {
    console.log(`First visit on the school-Chromebook profile: 1.6 Mbps down, 150 ms round trip, ${CPU_SLOWDOWN}× CPU slowdown, cold cache; ${RUNS} loads each`);
    console.log(`Target: first button ≤ ${TARGET_MS} ms on the school-Chromebook profile`);
    const runAll = async () => {
      for (const [label, compressed] of [['compressed (as served)', true], ['uncompressed (identity)', false]] as const) {
        const visits: Visit[] = [];
        for (let run = 0; run < RUNS; run += 1) visits.push(await visit(browser, server.url, compressed));
        report(label, visits);
      }
    };
    let timer: NodeJS.Timeout | undefined;
    const timeLimit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`stopped after ${TIME_LIMIT_MS} ms`)), TIME_LIMIT_MS);
    });
    await Promise.race([runAll(), timeLimit]).finally(() => clearTimeout(timer));
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
