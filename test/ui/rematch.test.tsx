// @vitest-environment happy-dom
/**
 * Issue 13 (d): "Play again" online invites the same two people into the same seats. The
 * presser goes to their own seat in the rematch; the other player's debrief asks the lobby
 * every few seconds and, once the opponent has taken their seat, offers "Join (as Beijing)",
 * which seats them on their old side in the same rematch. A refusal (the seat was given to
 * someone else after the wait) is worded; against the computer nothing is asked. The server's
 * part (one rematch however many ask at once, the seats kept, the computer seated again) is in
 * test/server/rematch.test.ts.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { playRandomGame } from '../../src/sim/headless';
import { loadMessages } from '../../src/ui/i18n';
import type { SeatInfo } from '../../src/ui/online/computerSeat';
import OnlineMatch from '../../src/ui/online/OnlineMatch';
import { REMATCH_POLL_MS } from '../../src/ui/online/Rematch';
import { heldSeat, holdSeat } from '../../src/ui/online/seats';
import { FakeSocket } from '../helpers/fakeSocket';

const fake = vi.hoisted((): { socket: unknown } => ({ socket: null }));
vi.mock('boardgame.io/multiplayer', async (original) => (await import('../helpers/fakeSocket')).withSocket(await original(), () => fake.socket));
vi.mock('chart.js', () => import('../helpers/chartMock'));

const OLD = 'HJKMNPQ';
const NEXT = 'RTUVWXY';
const ADA: SeatInfo = { id: 0, name: 'Ada', isConnected: true };
const BO: SeatInfo = { id: 1, name: 'Bo', isConnected: true };
const COMPUTER: SeatInfo = { id: 1, name: 'Computer', isConnected: true, data: { bot: { level: 'hard', persona: 'hawk' } } };
const finished = playRandomGame({ seed: 3, setupData: { scenario: '2018', length: 4 } }).state;

beforeAll(() => loadMessages('debrief'));

interface Lobby {
  /** The finished match's rematch, once someone has pressed Play again. */
  nextMatchID?: string;
  /** The rematch's seats as the lobby shows them. */
  rematch: SeatInfo[];
  /** The answer to playAgain. */
  playAgain: { status: number; body: unknown };
}

/** The lobby API behind fetch: the finished match, its rematch, and playAgain; every call recorded. */
function lobbyServer(lobby: Lobby) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      // The page's own origin, whatever happy-dom calls it, then the lobby's path.
      const path = url.slice(url.indexOf('/games/'));
      const method = (init?.method ?? 'GET').toUpperCase();
      calls.push({ method, path, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined });
      if (method === 'GET' && path === `/games/de-risk/${OLD}`) return json(200, { matchID: OLD, players: [ADA, BO], gameover: {}, ...(lobby.nextMatchID ? { nextMatchID: lobby.nextMatchID } : {}) });
      if (method === 'GET' && path === `/games/de-risk/${NEXT}`) return json(200, { matchID: NEXT, players: lobby.rematch, rematchOf: OLD });
      if (method === 'POST' && path === `/games/de-risk/${OLD}/playAgain`) return json(lobby.playAgain.status, lobby.playAgain.body);
      return json(404, { code: 'noMatch' });
    }),
  );
  return calls;
}

function openDebrief(seat: { playerID: '0' | '1'; name: string }, players: SeatInfo[] = [ADA, BO]) {
  holdSeat(OLD, { ...seat, credentials: `old-${seat.name}` });
  const socket = new FakeSocket(finished, players);
  fake.socket = socket;
  const onGoTo = vi.fn();
  render(<OnlineMatch code={OLD} watch={false} onOpenRules={() => undefined} onOpenGlossary={() => undefined} onGoTo={onGoTo} onHome={() => undefined} />);
  act(() => socket.connect());
  return { onGoTo };
}

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers({ shouldAdvanceTime: true });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const user = () => userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });

describe('Play again online (issue 13)', () => {
  it('the other player is invited once the presser has taken their seat, and Join seats them on their own side of the same rematch', async () => {
    const lobby: Lobby = { rematch: [ADA, { id: 1 }], playAgain: { status: 200, body: { nextMatchID: NEXT, playerID: '1', playerCredentials: 'next-Bo' } } };
    const calls = lobbyServer(lobby);
    const { onGoTo } = openDebrief({ playerID: '1', name: 'Bo' });
    await screen.findByRole('heading', { name: 'Game over: the debrief' });
    await act(() => vi.advanceTimersByTimeAsync(REMATCH_POLL_MS));
    expect(screen.queryByText(/wants to play again/)).toBeNull();

    // Ada presses Play again on her device.
    lobby.nextMatchID = NEXT;
    await act(() => vi.advanceTimersByTimeAsync(REMATCH_POLL_MS));
    expect((await screen.findByText('Washington (Ada) wants to play again.')).closest('[role="status"]')).toBeTruthy();
    const gets = calls.filter((c) => c.method === 'GET').length;
    // Found: the debrief stops asking.
    await act(() => vi.advanceTimersByTimeAsync(REMATCH_POLL_MS * 3));
    expect(calls.filter((c) => c.method === 'GET').length).toBe(gets);

    await user().click(screen.getByRole('button', { name: 'Join (as Beijing)' }));
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', path: `/games/de-risk/${OLD}/playAgain`, body: { playerID: '1', credentials: 'old-Bo', numPlayers: 2, setupData: { scenario: '2018', length: 4 } } },
    ]);
    expect(heldSeat(NEXT)).toEqual({ playerID: '1', credentials: 'next-Bo', name: 'Bo' });
    expect(onGoTo).toHaveBeenCalledWith(NEXT, false);
  });

  it('the presser goes to their own seat in the rematch and is not invited by themselves', async () => {
    const lobby: Lobby = { nextMatchID: NEXT, rematch: [ADA, { id: 1 }], playAgain: { status: 200, body: { nextMatchID: NEXT, playerID: '0', playerCredentials: 'next-Ada' } } };
    const calls = lobbyServer(lobby);
    const { onGoTo } = openDebrief({ playerID: '0', name: 'Ada' });
    await screen.findByRole('heading', { name: 'Game over: the debrief' });
    await act(() => vi.advanceTimersByTimeAsync(REMATCH_POLL_MS));
    expect(screen.queryByText(/wants to play again/)).toBeNull();

    await user().click(screen.getByRole('button', { name: 'Play again' }));
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ playerID: '0', credentials: 'old-Ada', numPlayers: 2, setupData: { scenario: '2018', length: 4 } }]);
    expect(heldSeat(NEXT)).toEqual({ playerID: '0', credentials: 'next-Ada', name: 'Ada' });
    expect(onGoTo).toHaveBeenCalledWith(NEXT, false);
  });

  it('a seat given to someone else after the wait is said plainly, and nothing is held', async () => {
    const lobby: Lobby = {
      nextMatchID: NEXT,
      rematch: [ADA, { id: 1, name: 'Eve' }],
      playAgain: { status: 409, body: { code: 'rematchSeatTaken', error: 'Someone else took your seat in the rematch.' } },
    };
    lobbyServer(lobby);
    const { onGoTo } = openDebrief({ playerID: '1', name: 'Bo' });
    await user().click(await screen.findByRole('button', { name: 'Join (as Beijing)' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Someone else took your seat in the rematch.');
    expect(heldSeat(NEXT)).toBeNull();
    expect(onGoTo).not.toHaveBeenCalled();
  });

  it('against the computer nothing is asked of the lobby, and Play again goes straight to the rematch', async () => {
    const lobby: Lobby = { rematch: [ADA, COMPUTER], playAgain: { status: 200, body: { nextMatchID: NEXT, playerID: '0', playerCredentials: 'next-Ada' } } };
    const calls = lobbyServer(lobby);
    const { onGoTo } = openDebrief({ playerID: '0', name: 'Ada' }, [ADA, COMPUTER]);
    await screen.findByRole('heading', { name: 'Game over: the debrief' });
    await act(() => vi.advanceTimersByTimeAsync(REMATCH_POLL_MS * 2));
    expect(calls).toEqual([]);
    await user().click(screen.getByRole('button', { name: 'Play again' }));
    expect(onGoTo).toHaveBeenCalledWith(NEXT, false);
  });
});
