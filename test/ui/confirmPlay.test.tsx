// @vitest-environment happy-dom
/**
 * No move loses the game by surprise (issue 13): a play that would end the game at once, or
 * break the deal in force, asks first, saying what it would cause; "Go back" makes nothing,
 * "Play it anyway" makes the play. The engine's `consequencesOf` is what the board asks.
 */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, afterEach, describe, expect, it, vi } from 'vitest';
import { actingSide, consequencesOf, enumerate, MOVES, toMove, type DeRiskState } from '../../src/game';
import type { State } from 'boardgame.io';
import { Board } from '../../src/ui/board/Board';
import { MatchStoreProvider } from '../../src/ui/store/context';
import { createHeadlessMatch, playerToAct } from '../../src/sim/headless';
import { loadMessages } from '../../src/ui/i18n';

// The board's messages load with its screens (a lazy namespace), as in the app.
beforeAll(() => loadMessages('board'));

afterEach(cleanup);

function renderBoard(state: State<DeRiskState>) {
  const send = vi.fn(() => true);
  const seat = actingSide(state.G, state.ctx);
  render(
    <MatchStoreProvider>
      <Board G={state.G} ctx={state.ctx} seat={seat} send={send} onOpenRules={() => undefined} onOpenGlossary={() => undefined} />
    </MatchStoreProvider>,
  );
  return { send, user: userEvent.setup() };
}

const RAISE = { kind: 'action', id: 'raiseTariffs' } as const;

describe('a play that ends the game or breaks the deal asks first', () => {
  it('R11.2 with the relationship at 1, raising tariffs says the game ends and Washington loses; Go back makes nothing, Play it anyway makes it', async () => {
    const match = createHeadlessMatch('confirm-end', { scenario: '2025', length: 4 }, (G) => {
      G.tracks.relationship = 1;
    });
    const consequences = consequencesOf(match.state.G, 'us', RAISE);
    expect(consequences.ends).toMatchObject({ kind: 'rupture', causedBy: 'us', winnerSide: 'cn' });
    const { send, user } = renderBoard(match.state);
    await user.click(screen.getByRole('button', { name: 'Take action: Raise tariffs (+10% on Chinese goods)' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Play “Raise tariffs (+10% on Chinese goods)”? Look at what it does first' });
    expect(dialog.textContent).toContain('It ends the game at once: the relationship falls to 0 and breaks down. Washington broke it, so Washington loses.');
    expect(document.activeElement?.textContent).toBe('Go back');
    await user.click(screen.getByRole('button', { name: 'Go back' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(send).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Take action: Raise tariffs (+10% on Chinese goods)' }));
    await user.click(screen.getByRole('button', { name: 'Play it anyway' }));
    expect(send).toHaveBeenCalledWith(RAISE, undefined);
  });

  it('R7.3 with a deal in force, raising tariffs says the deal collapses and who is blamed', async () => {
    const match = createHeadlessMatch('confirm-deal', { scenario: '2025', length: 4 });
    const proposal = enumerate(match.state.G, match.state.ctx).find((m) => m.move === MOVES.propose.name);
    if (!proposal) throw new Error('no proposal');
    expect(match.move(playerToAct(match.state), proposal.move, ...proposal.args)).toBe(true);
    const accept = toMove({ kind: 'accept' });
    expect(match.move(playerToAct(match.state), accept.move, ...accept.args)).toBe(true);
    expect(match.state.G.deal).not.toBeNull();
    // Passes until Washington has the move again, the deal still in force.
    const pass = toMove({ kind: 'pass' });
    for (let i = 0; i < 10 && actingSide(match.state.G, match.state.ctx) !== 'us'; i += 1) expect(match.move(playerToAct(match.state), pass.move, ...pass.args)).toBe(true);
    expect(actingSide(match.state.G, match.state.ctx)).toBe('us');
    expect(match.state.G.deal).not.toBeNull();
    expect(consequencesOf(match.state.G, 'us', RAISE)).toMatchObject({ ends: null, breaksDeal: 'us' });
    const { send, user } = renderBoard(match.state);
    await user.click(screen.getByRole('button', { name: 'Take action: Raise tariffs (+10% on Chinese goods)' }));
    expect(screen.getByRole('alertdialog').textContent).toContain('It breaks the deal in force: it goes past a limit the deal set, so the deal collapses. Washington is blamed and loses 1 support at home.');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(send).not.toHaveBeenCalled();
  });

  it('an ordinary play is made at once, with no question', async () => {
    const match = createHeadlessMatch('confirm-none', { scenario: '2025', length: 4 });
    expect(consequencesOf(match.state.G, 'us', RAISE)).toEqual({ ends: null, mayEnd: null, breaksDeal: null });
    const { send, user } = renderBoard(match.state);
    await user.click(screen.getByRole('button', { name: 'Take action: Raise tariffs (+10% on Chinese goods)' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(send).toHaveBeenCalledWith(RAISE, undefined);
  });
});
