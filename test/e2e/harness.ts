/**
 * Browser tests against the built app served by the real server (`dist-server/server.cjs`),
 * in Debian's Chromium through playwright-core. Nothing is downloaded. A test file sets up with
 * one call of `serverAndBrowser`; every page of its browser is watched for Content-Security-Policy
 * violations, and every test of a file that imports this harness fails if one was seen.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium, startServer, type AppServer } from './production';

const require = createRequire(import.meta.url);

const cspViolations: string[] = [];

/** The Content-Security-Policy violations seen since the last call (and forgets them). */
export function takeCspViolations(): string[] {
  return cspViolations.splice(0);
}

// After each test: the policy blocked nothing the game did (scripts, styles, images, the bot
// worker, the socket and its polling fallback, the charts).
afterEach(() => {
  expect(takeCspViolations(), 'Content-Security-Policy violations').toEqual([]);
});

/**
 * Records a context's CSP violations: its documents' `securitypolicyviolation` events and the
 * console's CSP errors. A worker's own violations reach neither, but the bot worker's only
 * eval-like code (socket.io's `Function('return this')`) never runs in a browser, and the
 * computer's tests fail if the worker cannot work.
 */
async function watchCsp(context: BrowserContext): Promise<BrowserContext> {
  await context.exposeBinding('deRiskCspViolation', (_source, text: string) => void cspViolations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { deRiskCspViolation: (text: string) => Promise<void> }).deRiskCspViolation;
      void report(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline code'} in ${e.sourceFile || document.URL}`);
    });
  });
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  return context;
}

async function launchBrowser(): Promise<Browser> {
  const browser = await launchChromium();
  // browser.newPage() makes its context through newContext(), so this watches every page.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => watchCsp(await newContext(options));
  return browser;
}

/**
 * The set-up of an e2e file, in one line: the built server (`env` adds settings) and a browser,
 * started before the file's tests and stopped after them, and the screenshot folder (SHOTS).
 * `newPage()` opens a page at the first screen size in a browser context of its own (its own
 * storage, as another device would have) and fails the test on any uncaught page error.
 */
export function serverAndBrowser(env: Record<string, string> = {}): { url: () => string; newPage: () => Promise<Page> } {
  let server: AppServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer(env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    url: () => server?.url ?? '',
    async newPage() {
      if (!browser) throw new Error('the browser has not started');
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      page.on('pageerror', (error) => {
        throw error;
      });
      return page;
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the page; returns the serious and critical violations. */
export async function axeSerious(page: Page): Promise<AxeViolation[]> {
  // A screen is judged as it settles: mid fade-in (the event banner's reveal, say) its text is
  // still translucent and would fail the contrast check by timing alone.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  // Evaluated through the DevTools protocol, not added as a <script>: the page's policy rightly
  // refuses inline scripts, and a test tool must not need a hole in it.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The page scrolls sideways: its content is wider than the window. */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/** The window sizes every screen is checked at. */
export const SIZES = [
  { name: '1366x768', width: 1366, height: 768 },
  { name: '1024x768', width: 1024, height: 768 },
  { name: '390x844', width: 390, height: 844 },
] as const;
/** A classroom projector: the control room, the spectator view and the class debrief are checked at it too. */
export const PROJECTOR = { name: '1920x1080', width: 1920, height: 1080 } as const;
export const SHOTS = 'test-results/screens';

/** Checks a screen with axe-core and at every size, saving a screenshot of each in SHOTS. */
export async function inspect(page: Page, screen: string, sizes: readonly { name: string; width: number; height: number }[] = SIZES): Promise<void> {
  expect(await axeSerious(page), `axe on ${screen}`).toEqual([]);
  for (const size of sizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    expect(await scrollsSideways(page), `${screen} at ${size.name} scrolls sideways`).toBe(false);
    await page.screenshot({ path: `${SHOTS}/${screen}-${size.name}.png`, fullPage: size.width < 500 });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}
