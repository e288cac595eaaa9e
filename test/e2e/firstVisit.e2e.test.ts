/**
 * The first visit in real Chromium, against the production build and server (issue 9): the
 * start screen works from its own files alone, they arrive compressed and cached as promised,
 * no source map ships, and the policy that keeps the page from being framed really does.
 */
import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser, takeCspViolations } from './harness';

const { url, newPage } = serverAndBrowser();

/** The files index.html names for the first screen: the entry script, its preloads, the style sheet. */
async function firstScreenFiles(): Promise<string[]> {
  const html = await (await fetch(url())).text();
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
}

const startScreenShown = (page: Page) => page.getByRole('button', { name: 'Start the game' }).waitFor({ timeout: 15_000 });

describe('first visit', () => {
  it('shows the whole start screen with every other chunk refused: it needs no engine, content or board', async () => {
    const allowed = new Set(await firstScreenFiles());
    const refused: string[] = [];
    const page = await newPage();
    await page.route('**/assets/*', (route) => {
      const path = new URL(route.request().url()).pathname;
      // The icon sprite is an image the start screen shows, not code.
      if (allowed.has(path) || path.endsWith('.svg')) return route.continue();
      refused.push(path);
      return route.abort();
    });
    await page.goto(url());
    await startScreenShown(page);
    for (const title of ['2025: Split screen', '2018: The trade war begins']) {
      expect(await page.getByText(title, { exact: true }).count(), title).toBe(1);
    }
    await page.getByLabel(/^Against the computer/).check();
    expect(await page.getByRole('group', { name: 'How strong is the computer?' }).count()).toBe(1);
    // The board is fetched ahead while the screen is idle: that is what was refused.
    await expect.poll(() => refused.some((p) => /\/HotSeat-/.test(p))).toBe(true);
    await page.close();
  });

  it('receives its files brotli-compressed, hashed files cached for good and the page revalidated', async () => {
    const page = await newPage();
    const responses: Response[] = [];
    page.on('response', (r) => void responses.push(r));
    await page.goto(url());
    await startScreenShown(page);
    const document = responses.find((r) => new URL(r.url()).pathname === '/');
    const entry = responses.find((r) => /\/assets\/index-[\w-]+\.js$/.test(r.url()));
    if (!document || !entry) throw new Error('no page or entry script seen');
    expect(await document.headerValue('cache-control')).toBe('no-cache');
    expect(await document.headerValue('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await entry.headerValue('content-encoding')).toBe('br');
    expect(await entry.headerValue('cache-control')).toBe('public, max-age=31536000, immutable');
    const sizes = await page.evaluate((url) => {
      const timing = performance.getEntriesByName(url)[0] as PerformanceResourceTiming | undefined;
      return timing ? { encoded: timing.encodedBodySize, decoded: timing.decodedBodySize } : null;
    }, entry.url());
    expect(sizes?.encoded).toBeGreaterThan(0);
    expect(sizes?.encoded ?? Infinity).toBeLessThan((sizes?.decoded ?? 0) / 2);
    await page.close();
  });

  it('ships no source maps: none named in the scripts, none on the server', async () => {
    for (const file of (await firstScreenFiles()).filter((f) => f.endsWith('.js'))) {
      expect(await (await fetch(`${url()}${file}`)).text()).not.toContain('sourceMappingURL');
      expect((await fetch(`${url()}${file}.map`)).status).toBe(404);
    }
  });

  it("cannot be framed by another page (frame-ancestors 'none')", async () => {
    const page = await newPage();
    // setContent waits for the frame's load: the game's page, or the browser's refusal.
    await page.setContent(`<iframe src="${url()}/" title="framed"></iframe>`);
    const framed = page.frames().find((f) => f !== page.mainFrame());
    expect(await framed?.getByRole('heading', { name: 'De-Risk', level: 1 }).count()).toBe(0);
    const seen: string[] = [];
    await expect
      .poll(() => {
        seen.push(...takeCspViolations());
        return seen.some((v) => /frame-ancestors/.test(v));
      })
      .toBe(true);
    await page.close();
  });
});
