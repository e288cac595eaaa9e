// @vitest-environment happy-dom
/**
 * The board's optional "Why?" field (R12): a person's one-line reason rides on the next play,
 * in every kind of match that uses the board, is cleared after it, is never required, cannot
 * be longer than REASON_MAX, and stays hidden from the other side until the debrief.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { actingSide, REASON_MAX, type ChronicleEntry, type DeRiskState } from '../../src/game';
import { Board } from '../../src/ui/board/Board';
import { REASON_COUNTER_FROM } from '../../src/ui/board/ReasonField';
import type { ComputerMatch } from '../../src/ui/bots/computerMatch';
import { createHotSeatClient } from '../../src/ui/hotseat/client';
import { reasonLine, sendPlay, type MoveMaker } from '../../src/ui/moves';
import { MatchStoreProvider } from '../../src/ui/store/context';
import { fakeBotWorker } from '../helpers/fakeBotWorker';
import { handOver, playAction, renderHotSeat, revealSide } from '../helpers/renderMatch';
import { renderVsComputer } from '../helpers/renderVsComputer';
import { loadMessages } from '../../src/ui/i18n';

// The board's messages load with its screens (a lazy namespace), as in the app.
beforeAll(() => loadMessages('board'));

vi.mock('chart.js', () => import('../helpers/chartMock'));

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

const field = () => screen.getByRole<HTMLInputElement>('textbox', { name: 'Why? (optional)' });
const RAISE = 'Raise tariffs (+10% on Chinese goods)';

/** The raw (unfiltered) state of a hot-seat match, as the engine keeps it. */
const raw = (client: ReturnType<typeof createHotSeatClient>) => client.store.getState().G as DeRiskState;

/** The last entry a side made by its own move. */
function lastMoveBy(G: DeRiskState, side: 'us' | 'cn'): ChronicleEntry | undefined {
  return G.chronicle.findLast((e) => 'side' in e && e.side === side);
}

/** The texts that describe an element for assistive technology (its aria-describedby). */
function description(element: HTMLElement): string {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

/**
 * Washington's board alone, sending through a stand-in client exactly as the online board
 * does (`(play, reason) => sendPlay(client, play, reason)`), so the moves it sends can be read.
 */
function renderSendingBoard() {
  const local = createHotSeatClient({ scenario: '2025', length: 4 }, 'ui-test');
  local.updatePlayerID('0');
  const state = local.getState();
  if (!state) throw new Error('the client has no state');
  const sent: { move: string; args: unknown[] }[] = [];
  const client: MoveMaker = {
    moves: new Proxy({}, { get: (_, move) => (...args: unknown[]) => sent.push({ move: String(move), args }) }),
  };
  const user = userEvent.setup();
  render(
    <MatchStoreProvider>
      <Board G={state.G} ctx={state.ctx} seat="us" send={(play, reason) => {
        sendPlay(client, play, reason);
        return true;
      }} onOpenRules={() => undefined} onOpenGlossary={() => undefined} />
    </MatchStoreProvider>,
  );
  return { sent, user, local };
}

describe('the "Why?" field (R12)', () => {
  it('hot seat: a typed reason rides on the next action, the field clears, and the other side never sees it', async () => {
    const { user, client } = renderHotSeat();
    await revealSide(user, 'Washington');
    // Labelled, optional, and honest about a shared screen.
    expect(description(field())).toContain('Beijing sees it only when the game ends, so keep the screen to yourself while you type.');
    await user.type(field(), '  Make   Beijing pay  for the chips. ');
    await playAction(user, RAISE);

    // Trimmed, in the chronicle, with Washington's action.
    const entry = lastMoveBy(raw(client), 'us');
    expect(entry?.kind).toBe('action');
    expect(entry?.reason).toEqual({ side: 'us', text: 'Make Beijing pay for the chips.' });

    // While Washington reads what its move did, behind the curtain, and then on Beijing's side
    // of the screen, the words are nowhere.
    expect(document.body.textContent).not.toContain('Make Beijing pay');
    await handOver(user);
    expect(document.body.textContent).not.toContain('Make Beijing pay');
    await revealSide(user, 'Beijing');
    expect(document.body.textContent).not.toContain('Make Beijing pay');
    expect(field().value).toBe('');
    expect(client.getState()?.G.chronicle.some((e) => e.reason !== undefined)).toBe(false);

    // Skipping it: Beijing plays at once, and the move carries no reason.
    await user.click(screen.getByRole('button', { name: 'Pass' }));
    const pass = lastMoveBy(raw(client), 'cn');
    expect(pass?.kind).toBe('pass');
    expect(pass?.reason).toBeUndefined();

    // Back to Washington: the field was cleared by the move.
    await handOver(user);
    await revealSide(user, 'Washington');
    expect(field().value).toBe('');
  });

  it('hot seat: the proposer’s and the responder’s reasons ride on the proposal and the answer', async () => {
    const { user, client } = renderHotSeat();
    await revealSide(user, 'Washington');
    await user.click(screen.getByRole('button', { name: 'Propose a deal' }));
    await user.click(screen.getByRole('checkbox', { name: 'Cut tariffs by one step' }));
    await user.click(screen.getByRole('checkbox', { name: 'LNG' }));
    await user.type(field(), 'A truce before the midterms');
    await user.click(screen.getByRole('button', { name: 'Propose this deal' }));
    await handOver(user);
    await revealSide(user, 'Beijing');
    const dialog = screen.getByRole('dialog', { name: 'Washington proposes a deal' });
    // One field, inside the dialog (the desk's own is not offered behind it).
    expect(screen.getAllByRole('textbox')).toHaveLength(1);
    await user.type(within(dialog).getByRole('textbox', { name: 'Why? (optional)' }), 'Cheap LNG, lower tariffs');
    await user.click(within(dialog).getByRole('button', { name: 'Accept and sign' }));

    const G = raw(client);
    expect(G.chronicle.find((e) => e.kind === 'dealProposed')?.reason).toEqual({ side: 'us', text: 'A truce before the midterms' });
    expect(G.chronicle.find((e) => e.kind === 'dealSigned')?.reason).toEqual({ side: 'cn', text: 'Cheap LNG, lower tariffs' });
  });

  it('against the computer: the reason goes with the person’s move, never to the computer’s view, and the field clears', async () => {
    const rendered = renderVsComputer({ side: 'cn', level: 'easy', persona: 'hawk' }, { worker: () => fakeBotWorker({ hold: true }) });
    matches.push(rendered.match);
    const { user, match, workers } = rendered;
    expect(description(field())).toContain('Only you see it until the game ends.');
    await user.type(field(), 'Tariffs first, talk later');
    await playAction(user, RAISE);
    await waitFor(() => expect(workers.made[0]?.waiting).toHaveLength(1));

    // The person's own view keeps it; the computer's view and its worker's request do not.
    expect(lastMoveBy(match.human.getState()?.G as DeRiskState, 'us')?.reason).toEqual({ side: 'us', text: 'Tariffs first, talk later' });
    expect(lastMoveBy(match.bot.getState()?.G as DeRiskState, 'us')?.reason).toBeUndefined();
    expect(JSON.stringify(workers.made[0]?.waiting[0])).not.toContain('Tariffs first');

    workers.made[0]?.release();
    await waitFor(() => expect(document.querySelector('.board')?.hasAttribute('inert')).toBe(false));
    expect(field().value).toBe('');
  });

  it('the board’s sends (as online makes them) carry the trimmed reason last, or none when skipped', async () => {
    const { sent, user } = renderSendingBoard();
    await user.type(field(), ' Show strength ');
    await playAction(user, RAISE);
    expect(sent).toEqual([{ move: 'act', args: ['raiseTariffs', 'Show strength'] }]);
    // Cleared at once, even before any new state arrives.
    expect(field().value).toBe('');

    // Skipped, and blank: the move has no reason argument.
    await user.click(screen.getByRole('button', { name: 'Pass' }));
    await user.type(field(), '   ');
    await user.click(screen.getByRole('button', { name: 'Pass' }));
    expect(sent.slice(1)).toEqual([
      { move: 'pass', args: [] },
      { move: 'pass', args: [] },
    ]);

    // A card recycled carries it too.
    await user.click(screen.getByRole('button', { name: /^Hand \(5\)/ }));
    await user.type(field(), 'Nothing here helps');
    await user.click(screen.getAllByRole('button', { name: /^Recycle/ })[0] as HTMLElement);
    expect(sent.at(-1)?.move).toBe('recycle');
    expect(sent.at(-1)?.args.at(-1)).toBe('Nothing here helps');
  });

  it(`a reason cannot be longer than ${REASON_MAX} characters, and a counter shows near the limit`, async () => {
    const { sent, user } = renderSendingBoard();
    const input = field();
    expect(input.maxLength).toBe(REASON_MAX);
    await user.click(input);
    await user.paste('x'.repeat(REASON_MAX - REASON_COUNTER_FROM - 1));
    expect(screen.queryByText(/characters? left$/)).toBeNull();
    await user.type(input, 'y');
    expect(screen.getByText(`${REASON_COUNTER_FROM} characters left`)).toBeTruthy();
    expect(description(input)).toContain(`${REASON_COUNTER_FROM} characters left`);

    await user.type(input, 'z'.repeat(REASON_COUNTER_FROM + 15));
    expect(input.value).toHaveLength(REASON_MAX);
    expect(screen.getByText('0 characters left')).toBeTruthy();
    // Even text put in without typing is cut to the limit.
    fireEvent.change(input, { target: { value: 'w'.repeat(REASON_MAX + 60) } });
    expect(field().value).toHaveLength(REASON_MAX);

    await user.click(screen.getByRole('button', { name: 'Pass' }));
    expect(sent[0]?.args).toEqual(['w'.repeat(REASON_MAX)]);
  });

  it('words left unsent belong to their seat: another seat on screen never finds them, nor does the same seat later', async () => {
    const local = createHotSeatClient({ scenario: '2025', length: 4 }, 'ui-test');
    const view = (playerID: '0' | '1') => {
      local.updatePlayerID(playerID);
      const state = local.getState();
      if (!state) throw new Error('the client has no state');
      return state;
    };
    const board = (seat: 'us' | 'cn' | null, { G, ctx }: ReturnType<typeof view>) => (
      <MatchStoreProvider>
        <Board G={G} ctx={ctx} seat={seat} send={() => true} sharedScreen onOpenRules={() => undefined} onOpenGlossary={() => undefined} />
      </MatchStoreProvider>
    );
    const user = userEvent.setup();
    const { rerender } = render(board('us', view('0')));
    await user.type(field(), 'Not for Beijing');
    rerender(board('cn', view('1')));
    expect(field().value).toBe('');
    expect(document.body.textContent).not.toContain('Not for Beijing');
    expect(description(field())).toContain('Washington sees it only when the game ends');
    rerender(board('us', view('0')));
    expect(field().value).toBe('');
  });

  it('reasonLine makes nothing of a blank field and never sends more than the engine keeps', () => {
    const pass = { kind: 'pass' } as const;
    expect(reasonLine('  \t ')).toBeUndefined();
    expect(reasonLine(' a \n b ')).toBe('a b');
    expect(reasonLine('v'.repeat(REASON_MAX + 5))).toHaveLength(REASON_MAX);
    const sent: unknown[][] = [];
    sendPlay({ moves: { pass: (...args: unknown[]) => sent.push(args) } }, pass, reasonLine(' Wait and see '));
    sendPlay({ moves: { pass: (...args: unknown[]) => sent.push(args) } }, pass);
    expect(sent).toEqual([['Wait and see'], []]);
  });

  it('the debrief lists the person’s own words under “Why each side chose its moves”', async () => {
    const { user, client } = renderHotSeat();
    const over = () => screen.queryByRole('region', { name: 'Why each side chose its moves' });
    let typed = false;
    for (let step = 0; step < 80 && !over(); step += 1) {
      const state = client.getState();
      const side = state ? actingSide(state.G, state.ctx) : null;
      if (!side) break;
      await revealSide(user, side === 'us' ? 'Washington' : 'Beijing');
      if (!typed) {
        await user.type(field(), 'Hold fire and watch Beijing');
        typed = true;
      }
      await user.click(screen.getByRole('button', { name: 'Pass' }));
      // The summary of the turn, unless the pass ended the game.
      if (!over() && client.getState()?.ctx.gameover === undefined) await handOver(user);
    }
    const reasons = await screen.findByRole('region', { name: 'Why each side chose its moves' });
    const items = within(reasons).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]?.textContent).toContain('Washington');
    expect(items[0]?.textContent).toContain('Hold fire and watch Beijing');
  });
});
