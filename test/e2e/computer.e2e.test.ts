/**
 * A quick game against the computer in real Chromium, the bot thinking in a real Web Worker:
 * the person mostly passes, sees the computer's live status, and reaches the debrief with the
 * computer's reasons (R12). axe-core checks the new screens.
 */
import { describe, expect, it } from 'vitest';
import { inspect, serverAndBrowser } from './harness';

const { url, newPage } = serverAndBrowser();

describe('against the computer in the browser', () => {
  it('plays a quick game against the hard bot in a worker, to a debrief with its reasons', async () => {
    const page = await newPage();
    await page.goto(url());
    await page.getByLabel(/^Against the computer/).check();
    await page.getByLabel(/^I play Washington/).check();
    await page.getByLabel(/^Hard/).check();
    await page.getByLabel(/^Hawk/).check();
    await page.getByLabel(/^Quick/).check();
    await inspect(page, 'start-computer');
    await page.getByRole('button', { name: 'Start the game' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Washington’s desk' }).count()).toBe(1);
    await inspect(page, 'computer-board');

    const thinking = page.getByText('Beijing (computer) is thinking…');
    const over = page.getByRole('button', { name: 'Play again' });
    // By keyboard: the focus leaves the board while it is inert, and comes back once the computer has moved.
    await page.getByRole('button', { name: 'Take action: Raise tariffs (+10% on Chinese goods)' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => thinking.count()).toBe(1);
    await page.waitForFunction(() => !document.querySelector('.board')?.hasAttribute('inert'));
    if ((await page.getByRole('dialog', { name: /proposes a deal$/ }).count()) === 0) {
      expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Raise tariffs');
    }
    // What just happened: the person's move and the computer's answer, each change named by side.
    const news = page.getByRole('region', { name: 'What just happened' });
    await expect.poll(() => news.count()).toBe(1);
    expect(await news.innerText()).toMatch(/Washington: Raise tariffs[\s\S]*Beijing/);
    await inspect(page, 'computer-news');
    // The start screen offers the game in progress again, exactly as it was.
    const played = await page.locator('.chronicle li').count();
    await page.evaluate(() => (window.location.hash = '#/'));
    await page.getByRole('button', { name: 'Back to the game in progress' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Washington’s desk' }).count()).toBe(1);
    expect(await page.locator('.chronicle li').count()).toBe(played);

    for (let step = 0; step < 400 && (await over.count()) === 0; step += 1) {
      if ((await thinking.count()) > 0) {
        await page.waitForTimeout(100);
        continue;
      }
      const answer = page.getByRole('dialog', { name: /proposes a deal$/ });
      if ((await answer.count()) > 0) {
        await answer.getByRole('button', { name: 'Reject' }).click();
        continue;
      }
      const pass = page.getByRole('button', { name: 'Pass', exact: true });
      if ((await pass.count()) > 0 && (await pass.getAttribute('aria-disabled')) === null) {
        // The computer then takes its turn; its status stays up for at least half a second. The
        // debrief may replace the board before the click lands: the loop then finds it over.
        await pass.click({ timeout: 3000 }).catch(() => undefined);
        continue;
      }
      await page.waitForTimeout(100);
    }
    await expect.poll(() => over.count()).toBe(1);

    await expect.poll(() => page.getByText(/Beijing was played by the computer: hard level, Hawk temperament\./).count()).toBe(1);
    const reasons = page.getByRole('region', { name: 'Why each side chose its moves' });
    expect(await reasons.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await reasons.getByText('Beijing (computer)').count()).toBe(await reasons.getByRole('listitem').count());
    expect(await reasons.getByText(/thought through to the next round/).count()).toBeGreaterThan(0);
    // The chart loads lazily; give it a moment before the checks.
    await page.waitForTimeout(500);
    await inspect(page, 'computer-debrief');
    await page.close();
  });
});
