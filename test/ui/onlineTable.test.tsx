// @vitest-environment happy-dom
/**
 * Issue 13 (b, c): the online match hands the board its table: the room code, who holds each
 * capital and whether they are connected (from boardgame.io's match data, this device's own
 * connection from the socket), and for a seated player the turn-sound switch, which sounds
 * when the opponent's move makes it this seat's turn. The board itself is replaced by a stand-in
 * that records what it is given.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Side } from '../../src/game';
import OnlineMatch from '../../src/ui/online/OnlineMatch';
import { holdSeat } from '../../src/ui/online/seats';
import type { SeatInfo } from '../../src/ui/online/computerSeat';
import { tablePlayers } from '../../src/ui/online/table';
import { fakeAudio } from '../helpers/fakeAudio';
import { FakeSocket } from '../helpers/fakeSocket';
import { startMatch } from '../helpers/match';

interface TableProp {
  room?: string;
  players?: Partial<Record<Side, { name: string; connected: boolean | null }>>;
  controls?: ReactNode;
}

const fake = vi.hoisted((): { socket: unknown; boards: { table?: TableProp; seat: unknown }[] } => ({ socket: null, boards: [] }));
vi.mock('boardgame.io/multiplayer', async (original) => (await import('../helpers/fakeSocket')).withSocket(await original(), () => fake.socket));
vi.mock('../../src/ui/board/Board', () => ({
  Board: (props: { table?: TableProp; seat: unknown }) => {
    fake.boards.push(props);
    return null;
  },
}));

const CODE = 'HJKMNPQ';
const ADA: SeatInfo = { id: 0, name: 'Ada', isConnected: true };
const BO: SeatInfo = { id: 1, name: 'Bo', isConnected: false };
const COMPUTER: SeatInfo = { id: 1, name: 'Computer', isConnected: true, data: { bot: { level: 'hard', persona: 'hawk' } } };

let audio: ReturnType<typeof fakeAudio>;
beforeEach(() => {
  localStorage.clear();
  fake.boards = [];
  audio = fakeAudio();
  vi.stubGlobal('AudioContext', audio.AudioContext);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The table the board was last given. */
const table = (): TableProp => fake.boards.at(-1)?.table ?? {};

function open(players: SeatInfo[], { watch = false, state = startMatch().state } = {}) {
  const socket = new FakeSocket(state, players);
  fake.socket = socket;
  render(<OnlineMatch code={CODE} watch={watch} onOpenRules={() => undefined} onOpenGlossary={() => undefined} onGoTo={() => undefined} onHome={() => undefined} />);
  act(() => socket.connect());
  return socket;
}

describe('the online table on the board (issue 13)', () => {
  it('gives the board the room code, both names and their connection marks, and the sound switch', () => {
    holdSeat(CODE, { playerID: '0', credentials: 'secret', name: 'Ada' });
    const socket = open([ADA, BO]);
    expect(table().room).toBe(CODE);
    expect(table().players).toEqual({ us: { name: 'Ada', connected: true }, cn: { name: 'Bo', connected: false } });
    render(<>{table().controls}</>);
    expect(screen.getByRole('checkbox', { name: 'Sound on your turn' })).toBeTruthy();

    // A change of seat sent by the server shows at once.
    act(() => socket.fire('matchData', CODE, [ADA, { ...BO, isConnected: true }]));
    expect(table().players?.cn).toEqual({ name: 'Bo', connected: true });

    // This device offline: its own mark says so, and what the server last said of the other is no longer known.
    act(() => socket.drop());
    expect(table().players).toEqual({ us: { name: 'Ada', connected: false }, cn: { name: 'Bo', connected: null } });
  });

  it('a spectator is shown the room and both seats, and gets no sound switch', () => {
    open([ADA, BO], { watch: true });
    expect(table().room).toBe(CODE);
    expect(table().players).toEqual({ us: { name: 'Ada', connected: true }, cn: { name: 'Bo', connected: false } });
    expect(table().controls).toBeUndefined();
  });

  it('the computer is named with its level and temperament and has no connection mark; an empty seat is left out', () => {
    expect(tablePlayers([ADA, COMPUTER], 'us', true)).toEqual({ us: { name: 'Ada', connected: true }, cn: { name: 'the computer (Hard, Hawk)', connected: null } });
    expect(tablePlayers([ADA, { id: 1 }], 'us', true)).toEqual({ us: { name: 'Ada', connected: true } });
  });

  it('with the sound on, the opponent’s move that makes it this seat’s turn plays the tone once; opening at one’s turn does not', async () => {
    localStorage.setItem('de-risk:turnSound', 'on');
    holdSeat(CODE, { playerID: '1', credentials: 'secret', name: 'Bo' });
    const match = startMatch();
    const socket = open([ADA, { ...BO, isConnected: true }], { state: match.state });
    expect(audio.heard.tones).toBe(0);
    // Washington raises tariffs: Beijing's turn.
    expect(match.move('0', 'act', 'raiseTariffs')).toBe(true);
    act(() => socket.fire('update', CODE, match.state, []));
    expect(audio.heard.tones).toBe(1);
    act(() => socket.fire('matchData', CODE, [ADA, BO]));
    expect(audio.heard.tones).toBe(1);
    cleanup();

    // Washington opens the match at its own turn: silence.
    holdSeat(CODE, { playerID: '0', credentials: 'secret', name: 'Ada' });
    open([ADA, BO]);
    render(<>{table().controls}</>);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Sound on your turn' }).checked).toBe(true);
    expect(audio.heard.tones).toBe(1);
    await userEvent.setup().click(screen.getByRole('checkbox', { name: 'Sound on your turn' }));
    expect(localStorage.getItem('de-risk:turnSound')).toBe('off');
  });
});
