// @vitest-environment happy-dom
/**
 * Playing against the computer: the bot decides in a (fake, in-process) worker from its own
 * view, the board is inert while it thinks, its move lands through its own client, a failure
 * loses nothing, and the debrief names the computer (R4.5, R7.2, R12).
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { actingSide, botReasonSchema } from '../../src/game';
import type { ComputerMatch } from '../../src/ui/bots/computerMatch';
import { reasonText } from '../../src/ui/reasonText';
import { fakeBotWorker } from '../helpers/fakeBotWorker';
import { renderVsComputer } from '../helpers/renderVsComputer';
import { loadMessages } from '../../src/ui/i18n';

// The board's messages load with its screens (a lazy namespace), as in the app.
beforeAll(() => loadMessages('board'));

let matches: ComputerMatch[] = [];

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  for (const match of matches) match.stop();
  matches = [];
  vi.restoreAllMocks();
});

function start(...args: Parameters<typeof renderVsComputer>) {
  const rendered = renderVsComputer(...args);
  matches.push(rendered.match);
  return rendered;
}

const status = () => screen.getByRole('status');
const board = () => document.querySelector('.board');
const chronicle = () => screen.getByRole('region', { name: 'Chronicle' });

describe('against the computer', () => {
  it('R12 after the person’s move the computer thinks from its own view, with the board inert, then its move lands', async () => {
    const { user, match, workers } = start({ side: 'cn', level: 'easy', persona: 'hawk' }, { worker: () => fakeBotWorker({ hold: true }) });
    expect(screen.getByRole('heading', { name: 'Washington’s desk' })).toBeTruthy();
    expect(board()?.hasAttribute('inert')).toBe(false);
    // The tab says whose move it is, for a person looking at another tab.
    expect(document.title).toBe('● Your move: De-Risk');
    // The panels say who is who: "you" on Washington's, "computer" on Beijing's.
    expect(screen.getByRole('heading', { name: 'Washington you' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Beijing computer' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Take action: Raise tariffs (+10% on Chinese goods)' }));
    await waitFor(() => expect(workers.made[0]?.waiting).toHaveLength(1));
    expect(status().textContent).toBe('Beijing (computer) is thinking…');
    expect(board()?.hasAttribute('inert')).toBe(true);
    expect(document.title).toBe('De-Risk: the game');
    // The worker got Beijing's view: its own hand, never Washington's.
    const asked = workers.made[0]?.waiting[0];
    expect(asked?.side).toBe('cn');
    expect(asked?.G.view?.seat).toBe('cn');
    expect(asked?.G.sides.us.hand).toEqual([]);
    expect(asked?.G.sides.cn.hand.length).toBeGreaterThan(0);

    const before = match.human.getState()?.G.chronicle.length ?? 0;
    workers.made[0]?.release();
    await waitFor(() => expect(match.human.getState()?.G.chronicle.length).toBeGreaterThan(before));
    const moved = match.bot.getState()?.G.chronicle.at(-1);
    expect(moved && 'side' in moved ? moved.side : null).toBe('cn');
    expect(moved?.reason?.side).toBe('cn');
    // R12: the computer's reason travels as a code, which only the client words.
    expect(botReasonSchema.safeParse(moved?.reason?.code).success).toBe(true);
    expect(moved?.reason?.text).toBeUndefined();
    // Its reason stays hidden from the person until the game ends.
    expect(match.human.getState()?.G.chronicle.at(-1)?.reason).toBeUndefined();
    // Washington's turn again: the board is back, and the status says what the computer did.
    await waitFor(() => expect(board()?.hasAttribute('inert')).toBe(false));
    expect(document.title).toBe('● Your move: De-Risk');
    expect(within(chronicle()).getAllByText(/^Beijing/).length).toBeGreaterThan(0);
    expect(status().textContent).toMatch(/^Beijing \(computer\) made its move: Beijing/);
  });

  it('R4.5 moves first when it plays Washington, and gives the board back when done', async () => {
    const { match } = start({ side: 'us', level: 'normal', persona: 'balanced' });
    expect(board()?.hasAttribute('inert')).toBe(true);
    await waitFor(() => {
      const state = match.human.getState();
      expect(state && actingSide(state.G, state.ctx)).toBe('cn');
    });
    await waitFor(() => expect(board()?.hasAttribute('inert')).toBe(false));
    expect(screen.getByRole('heading', { name: 'Beijing’s desk' })).toBeTruthy();
    expect(status().textContent).toMatch(/^Washington \(computer\) made its move: Washington/);
  });

  it('R7.2 answers a deal the person proposes', async () => {
    const { user, match } = start({ side: 'cn', level: 'normal', persona: 'dealmaker' });
    await user.click(screen.getByRole('button', { name: 'Propose a deal' }));
    await user.click(screen.getByRole('checkbox', { name: 'Cut tariffs by one step' }));
    await user.click(screen.getByRole('checkbox', { name: 'LNG' }));
    await user.click(screen.getByRole('button', { name: 'Propose this deal' }));
    await waitFor(() => {
      const last = match.human.getState()?.G.chronicle.findLast((e) => e.kind === 'dealSigned' || e.kind === 'dealRejected');
      expect(last).toBeDefined();
    });
    expect(match.human.getState()?.G.proposal).toBeNull();
  });

  it('a worker failure shows a clear error and a retry button, and loses nothing', async () => {
    const { user, match, workers } = start({ side: 'cn', level: 'easy', persona: 'balanced' }, { worker: (index) => fakeBotWorker({ hold: index === 0 }) });
    await user.click(screen.getByRole('button', { name: 'Pass' }));
    await waitFor(() => expect(workers.made[0]?.waiting).toHaveLength(1));
    const before = match.human.getState()?.G.chronicle.length;
    workers.made[0]?.crash('the script failed to load');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Beijing (computer) could not choose a move.');
    expect(alert.textContent).toContain('Nothing is lost');
    expect(alert.textContent).toContain('The computer opponent stopped working: the script failed to load.');
    const retry = within(alert).getByRole('button', { name: 'Try again' });
    await waitFor(() => expect(document.activeElement).toBe(retry));
    expect(match.human.getState()?.G.chronicle.length).toBe(before);
    expect(status().textContent).not.toContain('thinking');

    await user.click(retry);
    await waitFor(() => expect(match.human.getState()?.G.chronicle.length).toBeGreaterThan(before ?? 0));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(workers.made).toHaveLength(2);
  });

  it('plays a quick game to the debrief, which names the computer and lists its reasons', async () => {
    const { user, match } = start({ side: 'cn', level: 'easy', persona: 'hawk' });
    const over = () => screen.queryByRole('button', { name: 'Play again' });
    for (let step = 0; step < 60 && !over(); step += 1) {
      // The person's controls are found only once the board is no longer inert.
      const next = await screen.findByRole('button', { name: /^(Pass|Reject|Play again)$/ }, { timeout: 5000 });
      if (next.getAttribute('aria-disabled') !== 'true' && next.textContent !== 'Play again') await user.click(next);
    }
    expect(over()).toBeTruthy();
    expect(screen.getByText(/^Beijing was played by the computer: easy level, Hawk temperament\./)).toBeTruthy();
    const reasons = screen.getByRole('region', { name: 'Why each side chose its moves' });
    const given = match.human.getState()?.G.chronicle.filter((e) => e.reason) ?? [];
    expect(given.length).toBeGreaterThan(0);
    expect(given.every((e) => e.reason?.side === 'cn')).toBe(true);
    expect(within(reasons).getAllByRole('listitem')).toHaveLength(given.length);
    expect(within(reasons).getAllByText('Beijing (computer)')).toHaveLength(given.length);
    // Each reason is worded, in the person's language, from the code the computer gave.
    const worded = within(reasons).getAllByRole('listitem').map((item) => item.querySelector('.debrief-reason-why')?.textContent ?? '');
    worded.forEach((text, i) => {
      const reason = given[i]?.reason;
      expect(reason?.code).toBeDefined();
      if (reason) expect(text).toBe(`Why: ${reasonText(reason)}`);
      expect(text).not.toMatch(/bots\.|[{}]/);
    });
  });
});
