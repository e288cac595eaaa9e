// @vitest-environment happy-dom
/** The online waiting room's offer to give the empty seat to the computer, and how seats the computer holds are shown. */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WaitingRoom } from '../../src/ui/online/WaitingRoom';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const seat = { playerID: '0', credentials: 'held-seat-secret', name: 'Ada' } as const;

function answer(status: number, body: unknown) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('the waiting room and the computer', () => {
  it('offers the computer for the empty seat and asks the server with the chosen level and temperament', async () => {
    const fetchMock = answer(200, { playerID: '1', playerName: 'Computer', bot: { level: 'hard', persona: 'hawk' } });
    const user = userEvent.setup();
    render(<WaitingRoom code="ABCDEFG" players={[{ id: 0, name: 'Ada', isConnected: true }, { id: 1 }]} seat={seat} onLeft={() => undefined} />);

    await user.click(screen.getByText('Play against the computer instead'));
    await user.click(screen.getByRole('radio', { name: /^Hard/ }));
    await user.click(screen.getByRole('radio', { name: /^Hawk/ }));
    // Each temperament has its plain line.
    expect(screen.getByRole('radio', { name: /^Tit-for-tat.*answers your last move in kind/ })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Give the empty seat to the computer' }));

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toMatch(/\/games\/de-risk\/ABCDEFG\/bot$/);
    expect(JSON.parse(typeof init?.body === 'string' ? init.body : '')).toEqual({ playerID: '0', credentials: 'held-seat-secret', level: 'hard', persona: 'hawk' });
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'The computer is taking its seat…');
  });

  it('shows the server’s reason when the computer cannot take the seat', async () => {
    answer(503, { code: 'serverFull', error: 'The server is busy (English, for developers).' });
    const user = userEvent.setup();
    render(<WaitingRoom code="ABCDEFG" players={[{ id: 0, name: 'Ada', isConnected: true }, { id: 1 }]} seat={seat} onLeft={() => undefined} />);

    await user.click(screen.getByText('Play against the computer instead'));
    await user.click(screen.getByRole('button', { name: 'Give the empty seat to the computer' }));

    expect((await screen.findByRole('alert')).textContent).toBe('The server is running as many computer players as it can; please try again later.');
    expect(screen.getByRole('button', { name: 'Give the empty seat to the computer' })).toBeTruthy();
  });

  it('shows a seat the computer holds as the computer, with its level and temperament, and no offer', () => {
    render(
      <WaitingRoom
        code="ABCDEFG"
        players={[{ id: 0, name: 'Ada', isConnected: true }, { id: 1, name: 'Computer', isConnected: true, data: { bot: { level: 'easy', persona: 'dealmaker' } } }]}
        seat={seat}
        onLeft={() => undefined}
      />,
    );

    expect(screen.getByText(/the computer \(Easy, Dealmaker\)/)).toBeTruthy();
    expect(screen.queryByText('Play against the computer instead')).toBeNull();
  });
});
