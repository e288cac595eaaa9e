// @vitest-environment happy-dom
/**
 * The app shell starts a hot-seat game from the start screen even though the board, the
 * engine and boardgame.io are not in its first download: they load when the game starts.
 */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('app shell', () => {
  it('starts a hot-seat game, behind the curtain, and offers it again from the start screen', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('radio', { name: /^Quick/ }));
    await user.click(screen.getByRole('button', { name: 'Start the game' }));
    expect(await screen.findByRole('heading', { name: 'Pass the device to Washington' }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('Round 1 of 4', { exact: false })).toBeTruthy();
    window.location.hash = '#/';
    await user.click(await screen.findByRole('button', { name: 'Back to the game in progress' }));
    expect(await screen.findByRole('heading', { name: 'Pass the device to Washington' })).toBeTruthy();
  });

  it('opens the rules on one card from its address, with its own tab title, and links to the full rulebook', async () => {
    window.location.hash = '#/rules/summary';
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'De-Risk: the rules on one card', level: 1 }, { timeout: 10_000 })).toBeTruthy();
    expect(document.title).toBe('De-Risk: the rules on one card');
    expect(screen.getAllByRole('link', { name: /full rulebook/i }).length).toBeGreaterThan(0);
  });
});
