/**
 * A whole hot-seat game in real Chromium, by clicking only, with a reload in the middle that
 * resumes it; axe-core on every screen;
 * screenshots at three sizes (test-results/screens/), none of which may scroll sideways.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { inspect, serverAndBrowser, SHOTS } from './harness';

const { url, newPage } = serverAndBrowser();

const curtain = (page: Page) => page.getByRole('heading', { name: /^Pass the device to / });
const enabled = async (page: Page, name: string) => {
  const button = page.getByRole('button', { name, exact: true });
  return (await button.count()) > 0 && (await button.first().getAttribute('aria-disabled')) === null;
};

describe('hot seat in the browser', () => {
  it('plays a quick game to the debrief by clicking only, with every screen accessible', async () => {
    const page = await newPage();
    await page.goto(url());
    await expect.poll(() => page.getByRole('heading', { name: 'De-Risk', level: 1 }).count()).toBe(1);
    await inspect(page, 'start');

    await page.getByLabel(/^Quick/).check();
    await page.getByRole('button', { name: 'Start the game' }).click();
    await expect.poll(() => curtain(page).count()).toBe(1);
    await inspect(page, 'curtain');

    let inspectedBoard = false;
    let sawTips = false;
    let sawHandover = false;
    let proposed = false;
    let raised = false;
    /** When the screen last showed no way forward (none: it did at the last look). */
    let stuckSince: number | null = null;
    for (let step = 0; step < 200; step += 1) {
      if ((await page.getByRole('button', { name: 'Play again' }).count()) > 0) break;
      // The first-game tips, once for each side: read through the first time, skipped after.
      const tips = page.getByRole('dialog', { name: /./ }).filter({ hasText: /^First game tips/ });
      if ((await tips.count()) > 0) {
        if (!sawTips) {
          sawTips = true;
          await inspect(page, 'tips');
          for (let tip = 0; tip < 4; tip += 1) await tips.getByRole('button', { name: 'Next tip' }).click();
          await tips.getByRole('button', { name: 'Start playing' }).click();
        } else {
          await tips.getByRole('button', { name: 'Skip the tips' }).click();
        }
        expect(await tips.count()).toBe(0);
        continue;
      }
      // After the last play of a turn, the player reads what it did, then hands over.
      const handover = page.getByRole('dialog', { name: 'What just happened' });
      if ((await handover.count()) > 0) {
        if (!sawHandover) {
          sawHandover = true;
          await inspect(page, 'what-happened');
        }
        await handover.getByRole('button', { name: /^Done: hide my side and pass to / }).click();
        await curtain(page).waitFor();
        continue;
      }
      const reveal = page.getByRole('button', { name: /^I am (Washington|Beijing): show my side$/ });
      if ((await reveal.count()) > 0) {
        await reveal.click();
        continue;
      }
      const answer = page.getByRole('dialog', { name: /proposes a deal$/ });
      if ((await answer.count()) > 0) {
        await inspect(page, 'deal-answer');
        await answer.getByRole('button', { name: 'Accept and sign' }).click();
        continue;
      }
      if (!inspectedBoard) {
        inspectedBoard = true;
        // At 1366×768 the table works without scrolling on the first turn: the relationship, the
        // first action's button and the top of the chronicle are all inside the window.
        await page.evaluate(() => window.scrollTo(0, 0));
        const inView = async (box: { y: number; height: number } | null) => box !== null && box.y >= 0 && box.y + box.height <= 768;
        expect(await inView(await page.getByRole('meter', { name: 'Relationship' }).boundingBox())).toBe(true);
        expect(await inView(await page.getByRole('button', { name: /^Take action: / }).first().boundingBox())).toBe(true);
        expect(await inView(await page.getByRole('heading', { name: 'Chronicle' }).boundingBox())).toBe(true);
        await inspect(page, 'board');
        await page.getByRole('button', { name: /^Hand \(\d\)$/ }).click();
        await inspect(page, 'hand');
        await page.getByRole('button', { name: 'Actions', exact: true }).click();
      }
      if (!raised && (await enabled(page, 'Take action: Raise tariffs (+10% on Chinese goods)'))) {
        raised = true;
        const tariff = page.getByRole('meter', { name: 'U.S. tariff on China' });
        const before = Number(await tariff.getAttribute('aria-valuenow'));
        await page.getByRole('button', { name: 'Take action: Raise tariffs (+10% on Chinese goods)' }).click();
        // A reload (F5) mid-game resumes it where it stood, behind the curtain.
        await page.reload();
        await curtain(page).waitFor({ timeout: 10_000 });
        expect(page.url()).toMatch(/#\/play$/);
        await page.getByRole('button', { name: /^I am (Washington|Beijing): show my side$/ }).click();
        expect(Number(await tariff.getAttribute('aria-valuenow'))).toBe(before + 1);
        await inspect(page, 'resumed');
        continue;
      }
      const beijingDesk = (await page.getByRole('heading', { name: 'Beijing’s desk' }).count()) > 0;
      if (!proposed && beijingDesk) {
        proposed = true;
        await page.getByRole('button', { name: 'Propose a deal' }).click();
        await page.getByRole('checkbox', { name: 'Cut tariffs by one step' }).check();
        await page.getByRole('checkbox', { name: 'LNG' }).check();
        await inspect(page, 'deal-composer');
        await page.getByRole('button', { name: 'Propose this deal' }).click();
        continue;
      }
      const pass = page.getByRole('button', { name: 'Pass', exact: true });
      if ((await pass.count()) === 0 && (await page.getByRole('status').filter({ hasText: 'Loading' }).count()) > 0) {
        await page.waitForTimeout(200);
        continue;
      }
      if ((await pass.count()) === 0) {
        // The screen may have changed while this step looked at it (the last move brings the
        // debrief): look again, and call it stuck only if no way forward shows up for a while.
        stuckSince ??= Date.now();
        if (Date.now() - stuckSince < 5000) {
          await page.waitForTimeout(200);
          continue;
        }
        await page.screenshot({ path: `${SHOTS}/stuck.png`, fullPage: true });
        throw new Error(`No way forward at step ${step}: ${(await page.locator('body').innerText()).slice(0, 600)}`);
      }
      stuckSince = null;
      await pass.click();
    }
    await expect.poll(() => page.getByRole('button', { name: 'Play again' }).count()).toBe(1);
    expect(raised && proposed && sawTips && sawHandover).toBe(true);
    // The chart loads lazily; give it a moment before the checks.
    await page.waitForTimeout(500);
    await inspect(page, 'debrief');

    // The finished game, move by move: Home, then → steps to the first move and says what it did.
    await page.getByRole('button', { name: 'Replay this game, move by move' }).click();
    await page.getByRole('heading', { name: 'Replay a finished game' }).waitFor();
    await page.keyboard.press('Home');
    await page.getByText('Before the first move').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('region', { name: 'This move' }).waitFor();
    expect(await page.getByRole('region', { name: 'Washington’s hand' }).count()).toBe(1);
    await inspect(page, 'replay');

    // What if? A turning point, another play, 50 quick futures each way: the comparison renders.
    const whatIf = page.getByRole('region', { name: 'What if?' });
    const picker = whatIf.getByRole('combobox', { name: 'The move to change:' });
    await picker.selectOption((await picker.locator('optgroup[label="Turning points"] option').first().getAttribute('value')) ?? '');
    await whatIf.getByRole('combobox', { name: /plays both sides/ }).selectOption('easy');
    await whatIf.getByRole('combobox', { name: 'Games played each way:' }).selectOption('50');
    await whatIf.getByRole('button', { name: 'Play both futures (50 games each)' }).click();
    await whatIf.getByRole('region', { name: /^Two futures from move \d+$/ }).waitFor({ timeout: 30_000 });
    expect(await whatIf.getByText(/^Had (Washington|Beijing) chosen /).count()).toBe(1);
    await page.close();
  });

  it.each([
    ['rulebook', '#/rules', 'The rulebook'],
    ['glossary', '#/glossary', 'Glossary'],
  ])('the %s page reads well and is accessible', async (screen, hash, title) => {
    const page = await newPage();
    await page.goto(`${url()}/${hash}`);
    await expect.poll(() => page.getByRole('heading', { name: title, level: 1, exact: true }).count()).toBe(1);
    await inspect(page, screen);
    await page.close();
  });

  it('plays a quick game with the keyboard alone', async () => {
    const page = await newPage();
    await page.goto(url());
    /** Presses Tab until the focused element's text or label is `name`. */
    const focus = async (name: RegExp) => {
      for (let i = 0; i < 120; i += 1) {
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLInputElement | null;
          if (!el) return '';
          const label = el.labels?.[0]?.innerText ?? el.getAttribute('aria-label') ?? '';
          return `${label} ${el.innerText ?? ''}`.trim();
        });
        if (name.test(focused)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Could not reach ${name} with the Tab key`);
    };
    const press = async (name: RegExp) => {
      await focus(name);
      await page.keyboard.press('Enter');
    };
    await page.getByRole('heading', { name: 'De-Risk', level: 1 }).waitFor();
    // The length radio group: arrow keys move the choice, as in any form.
    await focus(/^Full game/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByLabel(/^Quick/).isChecked()).toBe(true);
    await press(/^Start the game$/);
    for (let step = 0; step < 120; step += 1) {
      if ((await page.getByRole('button', { name: 'Play again' }).count()) > 0) break;
      if ((await page.getByRole('dialog', { name: 'What just happened' }).count()) > 0) {
        // The hand-over button has the focus: Enter hands the device over.
        await page.keyboard.press('Enter');
        continue;
      }
      if ((await curtain(page).count()) > 0) {
        // The curtain's button has the focus: Enter reveals the side.
        await page.keyboard.press('Enter');
        continue;
      }
      // Between screens (the curtain coming down, the debrief loading) there is no Pass to reach:
      // wait for the next screen rather than tab round a page that is changing.
      const loading = (await page.getByRole('status').filter({ hasText: 'Loading' }).count()) > 0;
      if (loading || (await page.getByRole('button', { name: 'Pass', exact: true }).count()) === 0) {
        await page.waitForTimeout(200);
        continue;
      }
      await press(/^Pass$/);
    }
    await expect.poll(() => page.getByRole('button', { name: 'Play again' }).count()).toBe(1);
    await page.close();
  });
});
