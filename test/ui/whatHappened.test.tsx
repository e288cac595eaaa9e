// @vitest-environment happy-dom
/**
 * "What just happened" (issue 13): after each play the player sees what it changed, each track
 * named with its side, from → to; in hot seat the player who ends a turn reads it before the
 * curtain drops; the next player sees what happened since their last move; the round end says
 * why the economies drifted.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { boardTestHooks } from '../helpers/boardSetup';
import { CONTENT } from '../../src/content';
import type { DeRiskState } from '../../src/game';
import { handOver, playAction, renderHotSeat, revealSide } from '../helpers/renderMatch';

boardTestHooks();

const RAISE = 'Raise tariffs (+10% on Chinese goods)';
const handoverDialog = () => screen.getByRole('dialog', { name: 'What just happened' });
const panel = () => screen.queryByRole('region', { name: 'What just happened' });
const chipTexts = (scope: HTMLElement) => [...scope.querySelectorAll('.chip')].map((c) => ({ text: c.textContent ?? '', good: c.classList.contains('good') }));

describe('what just happened', () => {
  it('the player who ends a turn reads what the play did before the curtain drops, and nothing of the other side', async () => {
    const { user, client } = renderHotSeat();
    await revealSide(user, 'Washington');
    const tariff = client.getState()?.G.tracks.usTariff ?? -1;
    await playAction(user, RAISE);
    const dialog = handoverDialog();
    expect(within(dialog).getByText(/^Washington: Raise tariffs/)).toBeTruthy();
    expect(chipTexts(dialog)).toContainEqual({ text: `▲ up: U.S. tariff on China ${tariff} → ${tariff + 1}`, good: true });
    // The curtain is not down yet, and Beijing's cards are nowhere on screen.
    expect(screen.queryByRole('heading', { name: 'Pass the device to Beijing' })).toBeNull();
    const beijingHand = (client.store.getState().G as DeRiskState).sides.cn.hand;
    for (const id of beijingHand) expect(screen.queryByText(CONTENT.cards.get(id)?.title ?? id)).toBeNull();
    expect(document.activeElement?.textContent).toMatch(/Done: hide my side and pass to Beijing/);
    await handOver(user);
    expect(screen.getByRole('heading', { name: 'Pass the device to Beijing' })).toBeTruthy();
    expect(screen.queryByRole('dialog', { name: 'What just happened' })).toBeNull();
  });

  it('the next player sees what happened since their last move, coloured for them, and closes it with "Got it"', async () => {
    const { user, client } = renderHotSeat();
    await revealSide(user, 'Washington');
    const tariff = client.getState()?.G.tracks.usTariff ?? -1;
    await playAction(user, RAISE);
    await handOver(user);
    await revealSide(user, 'Beijing');
    const news = panel();
    expect(news).not.toBeNull();
    if (!news) return;
    expect(within(news).getByText(/^Washington: Raise tariffs/)).toBeTruthy();
    // Higher U.S. tariffs are bad news for Beijing: the same arrow, the other colour.
    expect(chipTexts(news)).toContainEqual({ text: `▲ up: U.S. tariff on China ${tariff} → ${tariff + 1}`, good: false });
    await user.click(within(news).getByRole('button', { name: 'Got it' }));
    expect(panel()).toBeNull();
  });

  it('the round end says which rule moved which track, and the new round’s income', async () => {
    const { user, client } = renderHotSeat();
    await revealSide(user, 'Washington');
    await playAction(user, RAISE);
    expect(client.getState()?.G.tracks.usTariff).toBeGreaterThanOrEqual(3);
    await handOver(user);
    await revealSide(user, 'Beijing');
    await user.click(screen.getByRole('button', { name: 'Pass' }));
    await handOver(user);
    await revealSide(user, 'Washington');
    // Washington ends the round and, first in round 2, keeps the device: the summary is on the
    // board, from its pass through the round end to round 2's start.
    await user.click(screen.getByRole('button', { name: 'Pass' }));
    expect(screen.queryByRole('dialog', { name: 'What just happened' })).toBeNull();
    const news = panel();
    if (!news) throw new Error('no summary on the board');
    expect(within(news).getByText('Washington passed')).toBeTruthy();
    expect(within(news).queryByText('Beijing passed')).toBeNull();
    expect(within(news).getByRole('heading', { name: 'End of round 1' })).toBeTruthy();
    expect(within(news).getByText(/^Why: U\.S\. tariffs of 3 steps or more push up prices in America/)).toBeTruthy();
    expect(within(news).getByRole('heading', { name: /^Round 2 begins/ })).toBeTruthy();
    expect(within(news).getByText(/^Washington gained \d+ leverage$/)).toBeTruthy();
    // The round end's changes are named and coloured for the reader too.
    expect(chipTexts(news)).toContainEqual(expect.objectContaining({ text: expect.stringMatching(/^▲ up: U\.S\. inflation \d+ → \d+$/), good: false }));
  });

  it('a play that does not end the turn shows its summary on the board, not in a dialog', async () => {
    const { user } = renderHotSeat();
    await revealSide(user, 'Washington');
    await user.click(screen.getByRole('button', { name: 'Pass' }));
    await handOver(user);
    await revealSide(user, 'Beijing');
    // Washington has passed, so Beijing keeps the device between its plays.
    await user.click(within(panel() ?? document.body).getByRole('button', { name: 'Got it' }));
    await playAction(user, 'Buy U.S. farm goods');
    expect(screen.queryByRole('dialog', { name: 'What just happened' })).toBeNull();
    const news = panel();
    expect(news && within(news).getByText(/^Beijing: Buy U.S. farm goods/)).toBeTruthy();
  });
});
