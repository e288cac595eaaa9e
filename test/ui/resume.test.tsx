// @vitest-environment happy-dom
/**
 * Nothing lost (issue 13): a hot-seat game or a game against the computer is saved in the browser
 * after every move, and a reload (the app mounted afresh at #/play) resumes it where it stood.
 * A save that cannot be played again is put aside with a clear message, never half resumed.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { actingSide, type DeRiskState } from '../../src/game';
import { App } from '../../src/ui/App';
import { createLocalMatch, resumeLocalMatch, type LocalMatch } from '../../src/ui/localMatch';
import { readSavedGame } from '../../src/ui/savedGame';
import { handOver, meterValue, playAction, revealSide } from '../helpers/renderMatch';

const KEY = 'de-risk:saved-game';
const stops: LocalMatch[] = [];

beforeEach(() => {
  localStorage.clear();
  window.location.hash = '';
});
afterEach(() => {
  cleanup();
  for (const match of stops.splice(0)) match.stop();
  localStorage.clear();
  window.location.hash = '';
});

describe('a hot-seat game survives a reload', () => {
  it('resumes at #/play where it stood: the move made, the other side to act, behind the curtain', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('radio', { name: /^Quick/ }));
    await user.click(screen.getByRole('button', { name: 'Start the game' }));
    await screen.findByRole('heading', { name: 'Pass the device to Washington' }, { timeout: 10_000 });
    await revealSide(user, 'Washington');
    const tariff = meterValue('U.S. tariff on China');
    await playAction(user, 'Raise tariffs (+10% on Chinese goods)');
    await handOver(user);
    expect(screen.getByRole('heading', { name: 'Pass the device to Beijing' })).toBeTruthy();
    expect((readSavedGame() as { record: { moves: unknown[] } }).record.moves).toHaveLength(1);

    // The tab is reloaded: a new app at the same address.
    cleanup();
    window.location.hash = '#/play';
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Pass the device to Beijing' }, { timeout: 10_000 })).toBeTruthy();
    await revealSide(user, 'Beijing');
    expect(meterValue('U.S. tariff on China')).toBe(tariff + 1);
    expect(screen.getByText('Round 1 of 4', { exact: false })).toBeTruthy();
  });

  it('the start screen offers the saved game; a new game replaces it', async () => {
    const user = userEvent.setup();
    const match = await createLocalMatch(1, { scenario: '2018', length: 6 });
    match.stop();
    render(<App />);
    const resume = screen.getByRole('button', { name: 'Resume your two-player game (2018, 6 rounds)' });
    expect(screen.getByText(/Saved in this browser after every move/)).toBeTruthy();
    await user.click(resume);
    expect(await screen.findByRole('heading', { name: 'Pass the device to Washington' }, { timeout: 10_000 })).toBeTruthy();
    window.location.hash = '#/';
    await user.click(await screen.findByRole('radio', { name: /^Quick/ }));
    await user.click(screen.getByRole('button', { name: 'Start the game' }));
    await waitFor(() => expect((readSavedGame() as { record: { setup: unknown } }).record.setup).toEqual({ scenario: '2025', length: 4 }));
  });

  it('a damaged save, or one played under other rules, is put aside with a clear message and the start screen shown', async () => {
    const match = await createLocalMatch(1, { scenario: '2025', length: 4 });
    match.stop();
    const text = localStorage.getItem(KEY) ?? '';
    localStorage.setItem(KEY, text.replace(/"rules":"[^"]*"/, '"rules":"0.old"'));
    window.location.hash = '#/play';
    render(<App />);
    expect((await screen.findByRole('alert', {}, { timeout: 10_000 })).textContent).toMatch(/^Your saved game could not be resumed/);
    expect(screen.getByRole('button', { name: 'Start the game' })).toBeTruthy();
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(localStorage.getItem(`${KEY}:set-aside`)).toContain('0.old');
    expect(window.location.hash).toBe('#/');
  });

  it('a save that is not JSON, or not a game, is not offered', () => {
    localStorage.setItem(KEY, '{"kind":"hotseat","record":');
    render(<App />);
    expect(screen.queryByRole('button', { name: /^Resume your/ })).toBeNull();
    cleanup();
    localStorage.setItem(KEY, JSON.stringify({ kind: 'chess', record: { setup: { scenario: '2025', length: 4 } } }));
    render(<App />);
    expect(screen.queryByRole('button', { name: /^Resume your/ })).toBeNull();
  });
});

describe('a game against the computer survives a reload', () => {
  it('resumes with both sides’ moves, the computer’s settings and its seed', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const opponent = { side: 'cn', level: 'hard', persona: 'hawk' } as const;
    const first = await createLocalMatch(1, { scenario: '2025', length: 4 }, opponent);
    if (first.kind !== 'computer') throw new Error('not a computer match');
    stops.push(first);
    const { human, bot } = first.game;
    // Six passes, each from the seat whose turn it is: the person's and the computer's moves are both in the record.
    for (let i = 0; i < 6; i += 1) {
      const state = human.getState();
      if (!state) throw new Error('no state');
      const seat = actingSide(state.G, state.ctx) === 'us' ? human : bot;
      const before = state._stateID;
      seat.moves.pass?.();
      await waitFor(() => expect(human.getState()?._stateID).toBeGreaterThan(before));
    }
    const seen = human.getState() as { G: DeRiskState; _stateID: number };
    await waitFor(() => expect((readSavedGame() as { record: { moves: unknown[] } }).record.moves).toHaveLength(6));
    first.stop();

    const again = await resumeLocalMatch(2);
    stops.push(again);
    if (again.kind !== 'computer') throw new Error('not a computer match');
    expect(again.game.opponent).toEqual(opponent);
    expect(again.game.config.seed).toBe(first.game.config.seed);
    const resumed = again.game.human.getState();
    expect(resumed?._stateID).toBe(seen._stateID);
    expect(resumed?.G.tracks).toEqual(seen.G.tracks);
    expect(resumed?.G.sides.us.hand).toEqual(seen.G.sides.us.hand);
  });
});
