// @vitest-environment happy-dom
/**
 * Issue 13 (a): a play made while the connection is down is not sent, and the page says so
 * truly ("Not sent: you were offline"), instead of socket.io holding the move and sending it on
 * reconnecting, ahead of the sync, where the server refused it with a wrong reason. The online
 * match is rendered whole, with boardgame.io's real client and transport on a pretend socket.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serverRefusalText } from '../../src/ui/bridge';
import OnlineMatch from '../../src/ui/online/OnlineMatch';
import { holdSeat } from '../../src/ui/online/seats';
import { FakeSocket } from '../helpers/fakeSocket';
import { startMatch } from '../helpers/match';
import { loadMessages } from '../../src/ui/i18n';

// The board's messages load with its screens (a lazy namespace), as in the app.
beforeAll(() => loadMessages('board'));

const fake = vi.hoisted((): { socket: unknown } => ({ socket: null }));
vi.mock('boardgame.io/multiplayer', async (original) => (await import('../helpers/fakeSocket')).withSocket(await original(), () => fake.socket));

const CODE = 'ABCDEFG';
const RAISE = 'Raise tariffs (+10% on Chinese goods)';
const NOT_SENT = 'Not sent: you were offline. Make your move again.';

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  localStorage.clear();
  holdSeat(CODE, { playerID: '0', credentials: 'washington-secret', name: 'Ada' });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Washington's online match on screen, connected, at the start of round 1 (Washington to act). */
async function washingtonOnline() {
  const socket = new FakeSocket(startMatch().state, [
    { id: 0, name: 'Ada', isConnected: true },
    { id: 1, name: 'Bo', isConnected: true },
  ]);
  fake.socket = socket;
  const user = userEvent.setup();
  render(<OnlineMatch code={CODE} watch={false} onOpenRules={() => undefined} onOpenGlossary={() => undefined} onGoTo={() => undefined} onHome={() => undefined} />);
  act(() => socket.connect());
  await screen.findByRole('heading', { name: 'Washington’s desk' });
  return { socket, user };
}

const raise = (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: `Take action: ${RAISE}` }));

describe('a play while the connection is down (issue 13)', () => {
  it('is not sent, says so, and nothing is sent when the connection returns; a play made then is sent and the notice goes', async () => {
    const { socket, user } = await washingtonOnline();
    act(() => socket.drop());
    expect(screen.getByRole('status').textContent).toMatch(/^Connection lost\. Reconnecting…/);

    await user.type(screen.getByRole('textbox', { name: 'Why? (optional)' }), 'Pressure first');
    await raise(user);
    expect(screen.getByRole('alert').textContent).toBe(NOT_SENT);
    expect(socket.sendBuffer).toEqual([]);
    // The reason typed for the play that was not sent is still there for the next try.
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Why? (optional)' }).value).toBe('Pressure first');

    act(() => socket.connect());
    // On reconnecting only the sync goes out: the play made offline was never queued.
    expect(socket.moves()).toEqual([]);
    expect(screen.getByRole('alert').textContent).toBe(NOT_SENT);

    await raise(user);
    expect(socket.moves()).toHaveLength(1);
    expect(socket.moves()[0]?.[1]).toMatchObject({ type: 'MAKE_MOVE', payload: { type: 'act', args: ['raiseTariffs', 'Pressure first'], playerID: '0' } });
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Why? (optional)' }).value).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('the board shows the room code, both names with their connection, and the sound switch (issue 13 b, c)', async () => {
    const { socket } = await washingtonOnline();
    expect(screen.getByText(`Room ${CODE}`)).toBeTruthy();
    const ada = screen.getByText('Ada').closest('p');
    const bo = screen.getByText('Bo').closest('p');
    expect(ada?.textContent).toMatch(/^Ada\s*connected$/);
    expect(bo?.textContent).toMatch(/^Bo\s*connected$/);
    expect(screen.getByRole('checkbox', { name: 'Sound on your turn' })).toBeTruthy();
    act(() => socket.drop());
    // This device's own mark follows its socket; the other's is no longer known, so not shown.
    expect(screen.getByText('Ada').closest('p')?.textContent).toMatch(/^Ada\s*disconnected$/);
    expect(screen.getByText('Bo').closest('p')?.textContent).toBe('Bo');
  });

  it('a move socket.io held back before it noticed the drop (its ping had run out) is taken out of its buffer and the page says so', async () => {
    const { socket, user } = await washingtonOnline();
    socket.pingExpired = true;
    await raise(user);
    expect(socket.sendBuffer.map((p) => p.data[0])).toEqual(['update']);

    act(() => socket.drop());
    expect(socket.sendBuffer).toEqual([]);
    expect(screen.getByRole('alert').textContent).toBe(NOT_SENT);
    act(() => socket.connect());
    expect(socket.moves()).toEqual([]);
    // The sync on reconnecting brought back the server's state: Washington still to act.
    expect(screen.getByRole('button', { name: `Take action: ${RAISE}` })).toBeTruthy();
  });

  it('the server’s refusal of a move that reached it before the sync (an older page, say) says it was made offline', () => {
    expect(serverRefusalText({ code: 'sentOffline' })).toBe('That move was made while you were offline, so it was not played. Make your move again.');
  });
});
