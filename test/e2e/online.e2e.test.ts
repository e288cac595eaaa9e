/**
 * Online play in real Chromium: two browser contexts create and join a match by room code,
 * play several rounds, one reloads and plays on; a spectator context sees no hand; they play
 * to the end, one presses Play again and the other joins the rematch from the invitation, on
 * the same sides. And a lone player gives the empty seat to the server's computer player and
 * plays it to the debrief.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeSerious, serverAndBrowser } from './harness';

// A short pause before each computer move keeps the test quick (the default is 0.6–1.2 s).
const { url, newPage } = serverAndBrowser({ BOT_THINK_MS: '50' });

/** The side whose turn it is, as the top bar says. */
async function turnOf(page: Page): Promise<string> {
  return (await page.locator('.turn').innerText()).trim();
}

/** Whoever must act passes (or takes a first action); returns once the turn has moved on. */
async function act(page: Page, action?: string): Promise<void> {
  const before = await page.locator('.topbar-round').innerText();
  if (action) await page.getByRole('button', { name: `Take action: ${action}` }).click();
  else await page.getByRole('button', { name: 'Pass', exact: true }).click();
  await expect.poll(() => page.locator('.topbar-round').innerText()).not.toBe(before);
}

describe('online play', () => {
  it('two devices create and join by room code, play, reload and play on; a spectator sees no hand', async () => {
    const washington = await newPage();
    await washington.goto(url());
    await washington.getByLabel(/^Online, two devices/).check();
    await washington.getByLabel(/^Quick/).check();
    await washington.getByLabel('Your name').fill('Ada');
    await washington.getByRole('button', { name: 'Create the match' }).click();
    await washington.getByRole('heading', { name: 'Waiting for the other player' }).waitFor();
    const code = (await washington.locator('.room-code').innerText()).replace(/\s/g, '');
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{7}$/);
    expect(await axeSerious(washington)).toEqual([]);

    const beijing = await newPage();
    // Every socket.io request names its match, for a load balancer that routes by it (docs/deploy.md).
    const socketRequests: string[] = [];
    beijing.on('request', (request) => {
      if (request.url().includes('/socket.io/')) socketRequests.push(request.url());
    });
    await beijing.goto(url());
    await beijing.getByLabel(/^Online, two devices/).check();
    await beijing.getByLabel('Room code:').fill(code.toLowerCase());
    await beijing.getByRole('button', { name: 'Go', exact: true }).click();
    // The join page says which game it is before anyone joins.
    await beijing.getByText('Scenario 2025: Split screen, 4 rounds.').waitFor();
    await beijing.getByLabel('Your name').fill('Lin');
    await beijing.getByRole('button', { name: 'Join as Beijing' }).click();
    await beijing.getByRole('heading', { name: 'Beijing’s desk' }).waitFor();
    await expect.poll(() => washington.getByRole('heading', { name: 'Waiting for the other player' }).count()).toBe(0);
    expect(socketRequests.length).toBeGreaterThan(0);
    for (const request of socketRequests) expect(new URL(request).searchParams.get('matchID')).toBe(code);

    const spectator = await newPage();
    await spectator.goto(`${url()}/#/watch/${code}`);
    await spectator.getByText(/Spectator view of match/).waitFor();

    // Round 1: Washington raises tariffs, Beijing passes, Washington passes.
    expect(await turnOf(washington)).toMatch(/^Washington to act/);
    // The tab says whose move it is.
    await expect.poll(() => washington.title()).toBe('● Your move: De-Risk');
    expect(await beijing.title()).toBe('De-Risk: online match');
    await act(washington, 'Raise tariffs (+10% on Chinese goods)');
    await expect.poll(() => beijing.title()).toBe('● Your move: De-Risk');
    expect(await washington.title()).toBe('De-Risk: online match');
    await expect.poll(() => spectator.getByRole('meter', { name: 'U.S. tariff on China' }).getAttribute('aria-valuenow')).toBe('3');
    await act(beijing);
    await act(washington);
    await expect.poll(() => washington.locator('.topbar-round').innerText()).toMatch(/round 2 of 4/);

    // Washington reloads: the seat is kept in localStorage and the board comes back.
    await washington.reload();
    await washington.getByRole('heading', { name: 'Washington’s desk' }).waitFor();
    expect(await washington.locator('.topbar-round').innerText()).toMatch(/round 2 of 4/);
    await act(washington);
    await act(beijing);
    await expect.poll(() => beijing.locator('.topbar-round').innerText()).toMatch(/round 3 of 4/);

    // The spectator sees the game but no hand and no agenda.
    expect(await spectator.getByRole('heading', { name: /’s desk$/ }).count()).toBe(0);
    expect(await spectator.getByText(/Your secret agenda/).count()).toBe(0);
    expect(await axeSerious(spectator)).toEqual([]);

    // Both pass to the end (turning down any deal).
    const over = (page: Page) => page.getByRole('heading', { name: 'Game over: the debrief' });
    for (let moves = 0; (await over(washington).count()) === 0; moves += 1) {
      expect(moves).toBeLessThan(40);
      const turn = await turnOf(washington);
      const page = turn.startsWith('Washington') ? washington : beijing;
      const before = `${await washington.locator('.topbar-round').innerText()} ${turn}`;
      await page.getByRole('button', { name: / must answer/.test(turn) ? 'Reject' : 'Pass', exact: true }).click();
      await expect.poll(async () => (await over(washington).count()) > 0 || `${await washington.locator('.topbar-round').innerText()} ${await turnOf(washington)}` !== before).toBe(true);
    }
    await over(beijing).waitFor();

    // Play again (issue 13): Washington presses it and waits in the rematch; Beijing's debrief
    // is invited and joins it, on the same side.
    const finished = washington.url();
    await washington.getByRole('button', { name: 'Play again' }).click();
    await expect.poll(() => washington.url()).not.toBe(finished);
    await washington.getByRole('heading', { name: 'Waiting for the other player' }).waitFor();
    await beijing.getByText('Washington (Ada) wants to play again.').waitFor();
    expect(await axeSerious(beijing)).toEqual([]);
    await beijing.getByRole('button', { name: 'Join (as Beijing)' }).click();
    await beijing.getByRole('heading', { name: 'Beijing’s desk' }).waitFor();
    expect(beijing.url()).toBe(washington.url());
    await expect.poll(() => washington.getByRole('heading', { name: 'Waiting for the other player' }).count()).toBe(0);
    await washington.getByRole('heading', { name: 'Washington’s desk' }).waitFor();
    expect(await washington.locator('.topbar-round').innerText()).toMatch(/round 1 of 4/);
    // The table: the room code and both names, each with their connection.
    const rematchCode = washington.url().split('/').at(-1) ?? '';
    await washington.getByText(`Room ${rematchCode}`).waitFor();
    await expect.poll(() => washington.locator('.player-line', { hasText: 'Lin' }).innerText()).toMatch(/connected$/);
    expect(await beijing.locator('.player-line', { hasText: 'Ada' }).innerText()).toMatch(/connected$/);
  });

  it('a lone player gives the empty seat to the computer, plays it to the end, and the debrief names it and its reasons', async () => {
    const page = await newPage();
    await page.goto(url());
    await page.getByLabel(/^Online, two devices/).check();
    await page.getByLabel(/^Quick/).check();
    await page.getByLabel('Your name').fill('Ada');
    await page.getByRole('button', { name: 'Create the match' }).click();
    await page.getByRole('heading', { name: 'Waiting for the other player' }).waitFor();

    await page.getByText('Play against the computer instead').click();
    await page.getByLabel(/^Easy/).check();
    await page.getByLabel(/^Hawk/).check();
    expect(await axeSerious(page)).toEqual([]);
    await page.getByRole('button', { name: 'Give the empty seat to the computer' }).click();
    await page.getByRole('heading', { name: 'Washington’s desk' }).waitFor();

    // Washington passes whenever it must act and turns down any deal; the computer plays Beijing on the server.
    const debrief = page.getByRole('heading', { name: 'Game over: the debrief' });
    const turn = () => page.locator('.turn').innerText();
    for (let moves = 0; (await debrief.count()) === 0; moves += 1) {
      expect(moves).toBeLessThan(60);
      await expect.poll(async () => (await debrief.count()) > 0 || /^Washington (to act|must answer)/.test(await turn()), { timeout: 20_000 }).toBe(true);
      if ((await debrief.count()) > 0) break;
      const before = `${await page.locator('.topbar-round').innerText()} ${await turn()}`;
      const answering = (await turn()).startsWith('Washington must answer');
      await page.getByRole('button', { name: answering ? 'Reject' : 'Pass', exact: true }).click();
      await expect.poll(async () => (await debrief.count()) > 0 || `${await page.locator('.topbar-round').innerText()} ${await turn()}` !== before, { timeout: 20_000 }).toBe(true);
    }
    await page.getByText('Beijing was played by the computer: easy level, Hawk temperament.').waitFor();
    const reasons = page.getByRole('region', { name: 'Why each side chose its moves' });
    await reasons.waitFor();
    expect(await reasons.getByText('Beijing (computer)').count()).toBeGreaterThan(0);
    expect(await axeSerious(page)).toEqual([]);

    // Play again: a rematch where Ada is seated at once as Washington, and the computer is back as Beijing.
    const finished = page.url();
    await page.getByRole('button', { name: 'Play again' }).click();
    await expect.poll(() => page.url()).not.toBe(finished);
    await page.getByRole('heading', { name: 'Washington’s desk' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Waiting for the other player' }).count()).toBe(0);
    await page.getByText(/computer/i).first().waitFor();
    expect(await page.locator('.topbar-round').innerText()).toMatch(/round 1 of 4/);
  });
});
