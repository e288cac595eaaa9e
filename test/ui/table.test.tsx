// @vitest-environment happy-dom
/**
 * The board as a game table (issue 13): who sits at each capital and whether they are
 * connected (in words, not colour alone), the room code and the screen's controls in the top
 * bar, every track's help opened by keyboard or pointer and closed by Escape or a click
 * elsewhere, and the meters' names and values unchanged by the new layout (R3.1, R3.2).
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { State } from 'boardgame.io';
import type { ReactNode } from 'react';
import { beforeAll, afterEach, describe, expect, it, vi } from 'vitest';
import { actingSide, PLAYER_OF, playerView, toMove, TRACKS, type DeRiskState, type TrackId } from '../../src/game';
import { createHeadlessMatch, playerToAct } from '../../src/sim/headless';
import { Board, type BoardViewProps } from '../../src/ui/board/Board';
import { seriesLabel } from '../../src/ui/bridge';
import { loadMessages, t } from '../../src/ui/i18n';
import { MatchStoreProvider } from '../../src/ui/store/context';

// The board's messages load with its screens (a lazy namespace), as in the app.
beforeAll(() => loadMessages('board'));

afterEach(cleanup);

const start = () => createHeadlessMatch('table-test', { scenario: '2025', length: 4 });

function board(state: State<DeRiskState>, props: Partial<BoardViewProps> = {}): ReactNode {
  return (
    <MatchStoreProvider>
      <Board
        G={state.G}
        ctx={state.ctx}
        seat={actingSide(state.G, state.ctx)}
        send={vi.fn(() => true)}
        onOpenRules={() => undefined}
        onOpenGlossary={() => undefined}
        {...props}
      />
    </MatchStoreProvider>
  );
}

/** A capital's panel, named by its heading ("Washington you" for the seat on screen). */
const capital = (name: string) => screen.getByRole('region', { name });

describe('the table', () => {
  it('names each capital’s player with a connection mark in words, and shows the room code and the controls in the top bar', () => {
    render(
      board(start().state, {
        table: {
          room: 'ABCD1234',
          players: { us: { name: 'Ada', connected: true }, cn: { name: 'Bo', connected: false } },
          controls: <button type="button">Sound</button>,
        },
      }),
    );
    // The seat's own mark is still in its heading; the player's name and mark are beside it, not in it.
    expect(screen.getByRole('heading', { name: 'Washington you' })).toBeTruthy();
    const us = capital('Washington you');
    const cn = capital('Beijing');
    expect(within(us).getByText('Ada')).toBeTruthy();
    expect(within(us).getByText('connected')).toBeTruthy();
    expect(within(cn).getByText('Bo')).toBeTruthy();
    expect(within(cn).getByText('disconnected')).toBeTruthy();
    // A dot beside the words, filled or hollow by class; the words carry the meaning.
    expect(us.querySelector('.presence-on .presence-dot')?.getAttribute('aria-hidden')).toBe('true');
    expect(cn.querySelector('.presence-off .presence-dot')).not.toBeNull();
    const top = screen.getByRole('banner');
    expect(within(top).getByText('Room ABCD1234')).toBeTruthy();
    expect(within(top).getByRole('button', { name: 'Sound' })).toBeTruthy();
  });

  it('shows a player’s name without a mark when the connection is not known, and nothing of the kind without `table`', () => {
    const state = start().state;
    const { unmount } = render(board(state, { table: { players: { cn: { name: 'Bo', connected: null } } } }));
    expect(within(capital('Beijing')).getByText('Bo')).toBeTruthy();
    expect(within(capital('Beijing')).queryByText(/connected/)).toBeNull();
    expect(within(capital('Washington you')).queryByText(/connected/)).toBeNull();
    unmount();
    render(board(state));
    expect(screen.queryByText(/^Room /)).toBeNull();
    expect(document.querySelector('.player-line')).toBeNull();
  });

  it('R3.1 every track has a help button beside its meter (never inside it) that opens its explanation; Escape closes it and gives the focus back', async () => {
    const user = userEvent.setup();
    render(board(start().state));
    for (const track of Object.keys(TRACKS) as TrackId[]) {
      const text = t(`trackHelp.${track}`);
      // Each explanation cites the rulebook.
      expect(text, track).toMatch(/\(R\d+(\.\d+)?/);
      const button = screen.getByRole('button', { name: `About ${seriesLabel(track)}` });
      expect(button.closest('[role="meter"]'), track).toBeNull();
      expect(button.getAttribute('aria-expanded')).toBe('false');
      expect(screen.queryByText(text)).toBeNull();
      await user.click(button);
      expect(button.getAttribute('aria-expanded')).toBe('true');
      const shown = screen.getByText(text);
      expect(shown.closest(`#${CSS.escape(button.getAttribute('aria-controls') ?? '')}`)).not.toBeNull();
      await user.keyboard('{Escape}');
      expect(screen.queryByText(text)).toBeNull();
      expect(button.getAttribute('aria-expanded')).toBe('false');
      expect(document.activeElement).toBe(button);
    }
  });

  it('opens a track’s help from the keyboard and closes it with a click elsewhere', async () => {
    const user = userEvent.setup();
    render(board(start().state));
    const button = screen.getByRole('button', { name: 'About Interdependence' });
    button.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByText(t('trackHelp.interdependence'))).toBeTruthy();
    await user.click(screen.getByRole('heading', { name: 'The trade war' }));
    expect(screen.queryByText(t('trackHelp.interdependence'))).toBeNull();
  });

  it('R3.2 the relationship bridge is still the meter named "Relationship" with its value and band, and lays one plank a point', () => {
    const match = start();
    const before = match.state.G.tracks.relationship;
    const { rerender } = render(board(match.state));
    const meter = () => screen.getByRole('meter', { name: 'Relationship' });
    expect(meter().getAttribute('aria-valuenow')).toBe(String(before));
    expect(meter().getAttribute('aria-valuemin')).toBe('0');
    expect(meter().getAttribute('aria-valuemax')).toBe('10');
    expect(meter().getAttribute('aria-valuetext')).toMatch(new RegExp(`^\\w+, ${before} of 10$`));
    expect(meter().querySelectorAll('.bridge-plank:not(.fallen)')).toHaveLength(before);
    // Washington raises tariffs: relationship −1, one plank falls.
    const raise = toMove({ kind: 'action', id: 'raiseTariffs' });
    expect(match.move(playerToAct(match.state), raise.move, ...raise.args)).toBe(true);
    rerender(board(match.state));
    expect(meter().getAttribute('aria-valuenow')).toBe(String(before - 1));
    expect(meter().querySelectorAll('.bridge-plank:not(.fallen)')).toHaveLength(before - 1);
    expect(meter().querySelectorAll('.bridge-plank.fallen')).toHaveLength(10 - (before - 1));
  });

  it('keeps every meter’s name and value: the capitals’ four each, the strip’s five, the relationship', () => {
    const { G } = start().state;
    render(board(start().state));
    const meters = screen.getAllByRole('meter').map((m) => [m.getAttribute('aria-label'), Number(m.getAttribute('aria-valuenow'))]);
    expect(meters).toEqual([
      ['Support at home', G.tracks.usSupport],
      ['U.S. inflation', G.tracks.usInflation],
      ['Leverage', G.tracks.usLeverage],
      ['U.S. mineral dependence', G.tracks.usMineralDependence],
      ['Relationship', G.tracks.relationship],
      ['U.S. tariff on China', G.tracks.usTariff],
      ['U.S. export controls', G.tracks.exportControls],
      ['China counter-tariff', G.tracks.cnTariff],
      ['China mineral bans', G.tracks.mineralBans],
      ['Interdependence', G.tracks.interdependence],
      ['Support at home', G.tracks.cnSupport],
      ['China growth', G.tracks.cnGrowth],
      ['Leverage', G.tracks.cnLeverage],
      ['China chip dependence', G.tracks.cnChipDependence],
    ]);
  });

  it('R10 R12 shows the seat’s own agenda as a title and status, its text folded away, and never the other side’s', () => {
    const { G, ctx } = start().state;
    // What Washington's client holds: its own view of the state.
    const view = playerView({ G, ctx, playerID: PLAYER_OF.us });
    render(board({ ...start().state, G: view }));
    const us = capital('Washington you');
    const agenda = us.querySelector('details.agenda');
    expect(agenda?.hasAttribute('open')).toBe(false);
    expect(within(us).getByText(/^Your secret agenda: /)).toBeTruthy();
    expect(within(agenda as HTMLElement).getByText('Not met yet.')).toBeTruthy();
    expect(capital('Beijing').querySelector('details.agenda')).toBeNull();
  });

  it('gives each play button a short face and its whole name: "Take action" reads "Take action: <title>"', () => {
    render(board(start().state));
    const button = screen.getByRole('button', { name: 'Take action: Raise tariffs (+10% on Chinese goods)' });
    expect(button.querySelector('.play-face')?.textContent?.trim()).toBe('Take action');
  });

  it('while the computer chooses its move, the desk says so in its own flow', () => {
    const match = start();
    const raise = toMove({ kind: 'action', id: 'raiseTariffs' });
    expect(match.move(playerToAct(match.state), raise.move, ...raise.args)).toBe(true);
    render(board(match.state, { seat: 'us', computer: 'cn', thinking: true }));
    const desk = screen.getByRole('region', { name: 'Washington’s desk' });
    expect(within(desk).getByText('Beijing (computer) is choosing its move')).toBeTruthy();
  });
});
