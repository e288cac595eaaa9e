// @vitest-environment happy-dom
/**
 * Issue 14: online and class matches offer the same replay file as a local game, from the
 * server (`GET /games/de-risk/:code/replay`, test/server/replayFile.test.ts), and only once the
 * game is over (R12: during a live game nobody can replay). The online debrief links it for
 * players and spectators, with a note that the Replay page opens it; the control room links
 * each finished match's file, and the class debrief each finished pair's, for the projector.
 * A local game's debrief is unchanged.
 */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeRisk } from '../../src/game';
import { playRandomGame } from '../../src/sim/headless';
import ClassDebrief from '../../src/ui/classroom/ClassDebrief';
import { keepTeacherKey } from '../../src/ui/classroom/classKeys';
import { rowOf } from '../../src/ui/classroom/matchRows';
import { MatchTable } from '../../src/ui/classroom/MatchTable';
import Debrief from '../../src/ui/debrief/Debrief';
import { loadMessages } from '../../src/ui/i18n';
import type { SeatInfo } from '../../src/ui/online/computerSeat';
import OnlineMatch from '../../src/ui/online/OnlineMatch';
import { LOBBY_GAME, replayFileUrl } from '../../src/ui/online/replayFile';
import { holdSeat } from '../../src/ui/online/seats';
import { CODE, TEACHER_KEY, classResults, matchStatus, playingStatus, stubFetch } from '../helpers/classroom';
import { FakeSocket } from '../helpers/fakeSocket';
import { startMatch } from '../helpers/match';

const fake = vi.hoisted((): { socket: unknown } => ({ socket: null }));
vi.mock('boardgame.io/multiplayer', async (original) => (await import('../helpers/fakeSocket')).withSocket(await original(), () => fake.socket));
// The board is not under test here: a stand-in that says it is there.
vi.mock('../../src/ui/board/Board', () => ({ Board: () => <p>the board</p> }));
vi.mock('chart.js', () => {
  class Chart {
    static register() {}
    destroy() {}
  }
  const piece = {};
  return { Chart, LineController: piece, LineElement: piece, ScatterController: piece, PointElement: piece, LinearScale: piece, CategoryScale: piece, Legend: piece, Tooltip: piece };
});

const MATCH = 'HJKMNPQ';
const ADA: SeatInfo = { id: 0, name: 'Ada', isConnected: true };
const BO: SeatInfo = { id: 1, name: 'Bo', isConnected: true };
const finished = playRandomGame({ seed: 5, setupData: { scenario: '2025', length: 4 } }).state;
const DOWNLOAD = 'Download the replay file';

beforeAll(() => loadMessages('debrief', 'classroom'));
beforeEach(() => {
  localStorage.clear();
  // The debrief's rematch watch asks the lobby about the finished match.
  stubFetch({ [`GET /games/de-risk/${MATCH}`]: { body: { matchID: MATCH, players: [ADA, BO], gameover: {} } } });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function openMatch(watch: boolean, state = startMatch().state) {
  const socket = new FakeSocket(state, [ADA, BO]);
  fake.socket = socket;
  render(<OnlineMatch code={MATCH} watch={watch} onOpenRules={() => undefined} onOpenGlossary={() => undefined} onGoTo={() => undefined} onHome={() => undefined} />);
  act(() => socket.connect());
  return socket;
}

/** The download link and the note beside it, checked whole. */
async function expectDownload() {
  const link = await screen.findByRole('link', { name: DOWNLOAD });
  expect(link.getAttribute('href')).toBe(`/games/de-risk/${MATCH}/replay`);
  expect(link.hasAttribute('download')).toBe(true);
  const page = screen.getByRole('link', { name: 'Go to the Replay page' });
  expect(page.getAttribute('href')).toBe('#/replay');
  expect(page.closest('p')?.textContent).toMatch(/Open a replay file/);
}

describe('the online debrief’s replay file (issue 14)', () => {
  it('a player gets no download while the game is on, and the link once it is over', async () => {
    holdSeat(MATCH, { playerID: '0', credentials: 'secret', name: 'Ada' });
    const socket = openMatch(false);
    expect(await screen.findByText('the board')).toBeTruthy();
    expect(screen.queryByRole('link', { name: DOWNLOAD })).toBeNull();
    expect(document.body.innerHTML).not.toContain('/replay');

    act(() => socket.fire('update', MATCH, finished, []));
    expect(await screen.findByRole('heading', { name: 'Game over: the debrief' })).toBeTruthy();
    await expectDownload();
  });

  it('a spectator (the projector view) gets it too, once the game is over, and not before', async () => {
    const socket = openMatch(true);
    expect(await screen.findByText('the board')).toBeTruthy();
    expect(screen.queryByRole('link', { name: DOWNLOAD })).toBeNull();
    act(() => socket.fire('update', MATCH, finished, []));
    await expectDownload();
  });

  it('the link is the lobby’s route for this game, the code escaped', () => {
    expect(LOBBY_GAME).toBe(DeRisk.name);
    expect(replayFileUrl('ABCDEFG')).toBe('/games/de-risk/ABCDEFG/replay');
    expect(replayFileUrl('a/b?c')).toBe('/games/de-risk/a%2Fb%3Fc/replay');
  });
});

describe('the debrief itself', () => {
  it('a local game keeps its own replay and shows no server download; a download is never shown for a game that is not over', async () => {
    const onReplay = vi.fn();
    render(<Debrief G={finished.G} ctx={finished.ctx} onPlayAgain={() => undefined} onReplay={onReplay} />);
    expect(await screen.findByRole('button', { name: 'Replay this game, move by move' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: DOWNLOAD })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Go to the Replay page' })).toBeNull();
    cleanup();

    const live = startMatch().state;
    render(<Debrief G={live.G} ctx={live.ctx} onPlayAgain={() => undefined} replayFileUrl={replayFileUrl(MATCH)} />);
    expect(screen.queryByRole('link', { name: DOWNLOAD })).toBeNull();
  });
});

describe('a class’s replay files, for the teacher’s projector', () => {
  it('the control room links each finished match’s file, and no match still playing', () => {
    const status = playingStatus();
    const over = matchStatus({ matchID: 'RTUVWXY', toMove: null, over: { kind: 'score', winner: 'cn' } });
    const rows = [...status.matches, over].map((m) => rowOf(m, status, 0));
    render(<MatchTable rows={rows} classCode={CODE} />);
    const links = screen.getAllByRole('link', { name: /^Replay file/ });
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe('/games/de-risk/RTUVWXY/replay');
    expect(links[0]?.hasAttribute('download')).toBe(true);
    expect(links[0]?.textContent).toMatch(/of Ada and Bo/);
    // Each row still opens its spectator view.
    expect(screen.getAllByRole('link', { name: /^Watch/ })).toHaveLength(3);
  });

  it('the class debrief lists a download per finished pair, and points to the Replay page', async () => {
    keepTeacherKey(CODE, TEACHER_KEY);
    const results = classResults();
    const pairs = results.pairs.map((p, i) => (i === 1 ? { ...p, over: false, winner: null, ending: null } : p));
    stubFetch({ [`GET /classes/${CODE}/results.json`]: { body: { ...results, pairs } } });
    render(<ClassDebrief code={CODE} onHome={() => undefined} />);
    const card = (await screen.findByRole('heading', { name: 'Replay a pair’s game' })).closest('section');
    if (!card) throw new Error('no replay card');
    const links = within(card).getAllByRole('link', { name: /^Replay file: / });
    expect(links).toHaveLength(pairs.length - 1);
    expect(links[0]?.textContent).toBe('Replay file: US0 and CN0');
    expect(links[0]?.getAttribute('href')).toBe(`/games/de-risk/${pairs[0]?.matchID}/replay`);
    expect(links.map((l) => l.getAttribute('href'))).not.toContain(`/games/de-risk/${pairs[1]?.matchID}/replay`);
    expect(links.every((l) => l.hasAttribute('download'))).toBe(true);
    expect(within(card).getByRole('link', { name: 'Go to the Replay page' }).getAttribute('href')).toBe('#/replay');
  });

  it('the class debrief says when no game has finished yet', async () => {
    keepTeacherKey(CODE, TEACHER_KEY);
    const results = classResults();
    stubFetch({ [`GET /classes/${CODE}/results.json`]: { body: { ...results, pairs: results.pairs.map((p) => ({ ...p, over: false })) } } });
    render(<ClassDebrief code={CODE} onHome={() => undefined} />);
    expect(await screen.findByText('No game has finished yet.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /^Replay file/ })).toBeNull();
  });
});
