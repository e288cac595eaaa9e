// @vitest-environment happy-dom
/** The hot-seat board: meters, refusals, the curtain and a deal handed over (R4.5, R5.3, R7, R12). */
import { cleanup, screen, within } from '@testing-library/react';
import { beforeAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT } from '../../src/content';
import { whyRefused, type DeRiskState } from '../../src/game';
import { refusalText } from '../../src/ui/bridge';
import { handOver, meterValue, playAction, renderHotSeat, revealSide } from '../helpers/renderMatch';
import { loadMessages } from '../../src/ui/i18n';

// The board's messages load with its screens (a lazy namespace), as in the app.
beforeAll(() => loadMessages('board'));

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const region = (name: RegExp | string) => screen.getByRole('region', { name });
const cardTitles = (ids: readonly string[]) => ids.map((id) => CONTENT.cards.get(id)?.title ?? id);

describe('hot seat', () => {
  it('R12 starts behind the curtain, with no hand or agenda on screen', () => {
    const { client } = renderHotSeat();
    expect(screen.getByRole('heading', { name: 'Pass the device to Washington' })).toBeTruthy();
    const raw = client.store.getState().G as DeRiskState;
    for (const title of cardTitles(raw.sides.us.hand)) expect(screen.queryByText(title)).toBeNull();
    expect(screen.queryByText(/Your secret agenda/)).toBeNull();
  });

  it('R5.4 playing an action updates the meters and hands the device over', async () => {
    const { user } = renderHotSeat();
    await revealSide(user, 'Washington');
    const relationship = meterValue('Relationship');
    const tariff = meterValue('U.S. tariff on China');
    await playAction(user, 'Raise tariffs (+10% on Chinese goods)');
    await handOver(user);
    expect(screen.getByRole('heading', { name: 'Pass the device to Beijing' })).toBeTruthy();
    await revealSide(user, 'Beijing');
    expect(meterValue('Relationship')).toBe(relationship - 1);
    expect(meterValue('U.S. tariff on China')).toBe(tariff + 1);
    expect(screen.getByRole('meter', { name: 'Relationship' }).getAttribute('aria-valuetext')).toMatch(/^(Hostile|Strained), \d of 10$/);
  });

  it('R5.2 each cost shows its unit: the leverage mark beside the number, read out as "costs N leverage"', async () => {
    const { user } = renderHotSeat();
    await revealSide(user, 'Washington');
    const badges = [...document.querySelectorAll('.action .cost')];
    expect(badges.length).toBeGreaterThan(3);
    for (const badge of badges) {
      expect(badge.querySelector('use')?.getAttribute('href')).toMatch(/#leverage$/);
      const cost = badge.querySelector('[aria-hidden="true"]')?.textContent?.trim() ?? '';
      expect(within(badge as HTMLElement).getByText(`costs ${cost} leverage`)).toBeTruthy();
    }
  });

  it('R4.6 a legend says what ⚠ and a striped bar mean, shown whenever a track is marked', async () => {
    const { user } = renderHotSeat();
    await revealSide(user, 'Washington');
    const legend = () => screen.queryByText(/^⚠ and a striped bar: watch this track/);
    const marked = () => document.querySelectorAll('.meter-danger').length;
    expect(legend() !== null).toBe(marked() > 0);
    await playAction(user, 'Raise tariffs (+10% on Chinese goods)');
    await handOver(user);
    await revealSide(user, 'Beijing');
    expect(marked()).toBeGreaterThan(0);
    expect(legend()).not.toBeNull();
  });

  it('R5.3 a refused action is shown with the engine’s reason and does nothing when clicked', async () => {
    const { user, client } = renderHotSeat();
    await revealSide(user, 'Washington');
    const state = client.getState();
    if (!state) throw new Error('the client has no state');
    const { G, ctx } = state;
    const refusal = whyRefused(G, ctx, 'us', { kind: 'action', id: 'approveFactory' });
    expect(refusal).not.toBeNull();
    const button = screen.getByRole('button', { name: 'Take action: Approve a Chinese factory' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    const reason = document.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toBe(refusal && refusalText(refusal));
    await user.click(button);
    expect(client.getState()?.G.sides.us.actionsTaken).toBe(0);
  });

  it('R12 the curtain hides the hand and the agenda of the side that just acted', async () => {
    const { user, client } = renderHotSeat();
    await revealSide(user, 'Washington');
    const hand = cardTitles((client.store.getState().G as DeRiskState).sides.us.hand);
    await user.click(screen.getByRole('button', { name: /^Hand \(5\)/ }));
    expect(screen.getByText(hand[0] ?? '')).toBeTruthy();
    expect(screen.getByText(/Your secret agenda/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Pass' }));
    await handOver(user);
    expect(screen.getByRole('heading', { name: 'Pass the device to Beijing' })).toBeTruthy();
    for (const title of hand) expect(screen.queryByText(title)).toBeNull();
    expect(screen.queryByText(/Your secret agenda/)).toBeNull();
    // The client's own view holds no hand at all while the curtain is down.
    expect(client.getState()?.G.sides.us.hand).toEqual([]);
    expect(client.getState()?.G.sides.cn.hand).toEqual([]);
  });

  it('R7 a deal is proposed, handed over, accepted and shown in force', async () => {
    const { user } = renderHotSeat();
    await revealSide(user, 'Washington');
    await user.click(screen.getByRole('button', { name: 'Propose a deal' }));
    await user.click(screen.getByRole('checkbox', { name: 'Cut tariffs by one step' }));
    await user.click(screen.getByRole('checkbox', { name: 'LNG' }));
    expect(screen.getByText('If the deal is signed')).toBeTruthy();
    // Every deal freezes the U.S. tariff: the composer says so before anyone proposes.
    expect(screen.getByText(/^Every deal freezes the U\.S\. tariff where it stands at signing/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Propose this deal' }));
    await handOver(user);
    expect(screen.getByRole('heading', { name: 'Pass the device to Beijing' })).toBeTruthy();
    expect(screen.getByText('Beijing must answer a deal proposal.')).toBeTruthy();
    await revealSide(user, 'Beijing');
    const dialog = screen.getByRole('dialog', { name: 'Washington proposes a deal' });
    expect(within(dialog).getByText(/^Every deal freezes the U\.S\. tariff/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Accept and sign' }));
    const deal = region('Deal in force');
    expect(within(deal).getByText('Cut tariffs by one step')).toBeTruthy();
    expect(within(deal).getByText('LNG')).toBeTruthy();
    expect(meterValue('Deal health', deal)).toBe(3);
    expect(within(deal).getByText('A round that ends with interdependence lower than it began costs the deal 1 health.')).toBeTruthy();
  });

  it('R7.4 the deal panel warns while the round is wearing the deal down (2020: the pandemic cut ties in round 1)', async () => {
    const { user } = renderHotSeat({ scenario: '2020', length: 4 });
    await revealSide(user, 'Washington');
    const deal = region('Deal in force');
    expect(within(deal).getByRole('status').textContent).toContain('Interdependence has fallen this round (14 → 12). Unless it is back to 14 by the round end, the deal loses 1 health.');
  });
});
