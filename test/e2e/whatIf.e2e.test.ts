/**
 * "What if?" in real Chromium (issue 14): a replay file of a whole 8-round game opened at
 * #/replay, a move of round 3 forked, and 200 + 200 normal-level futures played in the page's
 * workers; the comparison renders with its sentence, its table and its chart, axe-clean at the
 * three sizes; then two players take the fork over. Prints how long the run took (a figure, not a timed test: the target is under 10 s).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alternatives, forkPoint } from '../../src/sim/fork';
import { replayFileText } from '../../src/sim/replay';
import { finishedGame } from '../helpers/finishedGame';
import { inspect, serverAndBrowser } from './harness';

const { url, newPage } = serverAndBrowser();
const dir = mkdtempSync(join(tmpdir(), 'de-risk-whatif-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('what if? in the browser', () => {
  it('forks a round-3 move of an 8-round game and compares 200 + 200 normal futures without blocking the page', async () => {
    const file = join(dir, 'game.json');
    writeFileSync(file, replayFileText(finishedGame('what-if-e2e', { scenario: '2025', length: 8 })));
    const page = await newPage();
    await page.goto(`${url()}/#/replay`);
    await page.getByLabel('Open a replay file:').setInputFiles(file);
    const card = page.getByRole('region', { name: 'What if?' });
    await card.waitFor();

    // The first move of round 3, from the list of every move.
    const picker = card.getByRole('combobox', { name: 'The move to change:' });
    const value = await picker.evaluate((select: HTMLSelectElement) => [...select.options].find((o) => /, round 3: /.test(o.text))?.value ?? '');
    expect(value).not.toBe('');
    await picker.selectOption(value);
    await page.getByText(`After move ${Number(value) + 1} of `).waitFor();
    const instead = card.getByRole('combobox', { name: /does instead:$/ });
    expect(await instead.locator('option').count()).toBeGreaterThan(1);

    const started = Date.now();
    await card.getByRole('button', { name: 'Play both futures (200 games each)' }).click();
    await card.getByRole('progressbar').waitFor();
    // The page stays live while the workers play: the replay still steps.
    await page.keyboard.press('Home');
    await page.getByText('Before the first move').waitFor({ timeout: 2000 });
    await card.getByText('Both futures are played: the comparison is below.').waitFor({ timeout: 60_000 });
    const seconds = (Date.now() - started) / 1000;
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    console.log(`what if? in Chromium: 200 + 200 normal futures from round 3 of 8 in ${seconds.toFixed(1)} s (${Math.min(4, cores)} workers on ${cores} cores)`);

    const results = card.getByRole('region', { name: /^Two futures from move \d+$/ });
    expect(await results.getByText(/^Had (Washington|Beijing) chosen .+ in round 3, /).count()).toBe(1);
    expect(await results.getByRole('table').getByText(/^\d+% \(\d+–\d+%\)$/).count()).toBe(6);
    expect(await results.getByRole('img', { name: /^Relationship round by round in both futures/ }).count()).toBe(1);
    await results.scrollIntoViewIfNeeded();
    await inspect(page, 'what-if');

    // Or play the fork: two players take it over on this device, from that moment (the replay
    // went back to the start above, so the move is chosen again).
    await picker.selectOption(value);
    await card.getByRole('button', { name: 'Two players on this device' }).click();
    await page.getByRole('heading', { name: /^Pass the device to / }).waitFor();
    expect(page.url()).toMatch(/#\/play$/);
    await page.close();
  });

  it('picks the other deal by its terms, axe-clean at the three sizes', async () => {
    const record = finishedGame('what-if-deal-e2e', { scenario: '2025', length: 8 });
    const at = record.moves.findIndex((_, n) => {
      const point = forkPoint(record, n);
      return !('problem' in point) && alternatives(point).filter((play) => play.kind === 'propose').length > 1;
    });
    expect(at).toBeGreaterThanOrEqual(0);
    const file = join(dir, 'deal.json');
    writeFileSync(file, replayFileText(record));
    const page = await newPage();
    await page.goto(`${url()}/#/replay`);
    await page.getByLabel('Open a replay file:').setInputFiles(file);
    const card = page.getByRole('region', { name: 'What if?' });
    await card.getByRole('combobox', { name: 'The move to change:' }).selectOption(String(at));
    await card.getByRole('combobox', { name: /does instead:$/ }).selectOption('deal');
    await card.getByText('The rules allow this deal here.').waitFor();
    expect(await card.getByRole('checkbox', { checked: true }).count()).toBeGreaterThanOrEqual(2);
    // Untick everything Beijing gives: no deal, and the page says what is missing.
    const beijing = card.getByRole('group', { name: 'Beijing gives' });
    for (const box of await beijing.getByRole('checkbox', { checked: true }).all()) await box.uncheck();
    await card.getByText('Tick at least one term that Beijing gives.').waitFor();
    expect(await card.getByRole('button', { name: 'Play both futures (200 games each)' }).isDisabled()).toBe(true);
    await beijing.getByRole('checkbox', { disabled: false }).first().check();
    await card.getByText('The rules allow this deal here.').waitFor();
    await card.getByRole('group', { name: 'Washington gives' }).scrollIntoViewIfNeeded();
    await inspect(page, 'what-if-deal');
    await page.close();
  });
});
