// @vitest-environment happy-dom
/**
 * Replay (issue 14): a finished local game stepped through move by move (buttons, the scrubber
 * and the keyboard) shows the board as it stood, what each move did, and both hands; a file
 * that cannot be replayed says why; the replay file downloads as the record alone.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { boardTestHooks } from '../helpers/boardSetup';
import { finishedGame } from '../helpers/finishedGame';
import { readReplay, replayFileText } from '../../src/sim/replay';
import ReplayPage from '../../src/ui/replay/ReplayPage';
import { saveGame } from '../../src/ui/savedGame';

boardTestHooks();

const record = finishedGame('replay-ui');
const replay = readReplay(replayFileText(record));
if ('problem' in replay) throw new Error(replay.problem);
const total = record.moves.length;
const relationship = () => Number(screen.getByRole('meter', { name: 'Relationship' }).getAttribute('aria-valuenow'));
const position = () => screen.getByText(/^(After move \d+ of \d+|Before the first move)$/).textContent;
const page = (saved: boolean) => render(<ReplayPage saved={saved} onHome={() => undefined} onOpenRules={() => undefined} onOpenGlossary={() => undefined} />);

describe('replay', () => {
  it('opens the last local game at its end and steps through it with the buttons, the scrubber and the keyboard', async () => {
    saveGame({ kind: 'hotseat', record });
    const user = userEvent.setup();
    page(true);
    expect(position()).toBe(`After move ${total} of ${total}`);
    expect(relationship()).toBe(replay.states[total]?.G.tracks.relationship);

    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(position()).toBe('Before the first move');
    expect(relationship()).toBe(replay.states[0]?.G.tracks.relationship);
    // Both hands are shown: the game is over, so nothing is secret any more (R12).
    expect(within(screen.getByRole('region', { name: 'Washington’s hand' })).getAllByRole('listitem')).toHaveLength(replay.states[0]?.G.sides.us.hand.length ?? -1);
    expect(within(screen.getByRole('region', { name: 'Beijing’s hand' })).getAllByRole('listitem')).toHaveLength(replay.states[0]?.G.sides.cn.hand.length ?? -1);

    await user.click(screen.getByRole('button', { name: /Forward/ }));
    expect(position()).toBe(`After move 1 of ${total}`);
    const move = screen.getByRole('region', { name: 'This move' });
    expect(within(move).getAllByText(/^Washington/)[0]?.closest('.log-title, .log-entry')).toBeTruthy();
    expect(move.querySelector('.log-title')?.textContent).toMatch(/^Washington/);
    // The computer's reason for the move, in words.
    expect(within(move).getByText('Washington’s reason:')).toBeTruthy();

    // The scrubber: any move, the board as it stood then.
    const middle = Math.floor(total / 2);
    fireEvent.change(screen.getByRole('slider', { name: 'Move' }), { target: { value: String(middle) } });
    expect(position()).toBe(`After move ${middle} of ${total}`);
    expect(relationship()).toBe(replay.states[middle]?.G.tracks.relationship);
    expect(meter('U.S. tariff on China')).toBe(replay.states[middle]?.G.tracks.usTariff);

    // The keyboard: ← and → step, Home and End jump.
    const forward = screen.getByRole('button', { name: /Forward/ });
    forward.focus();
    await user.keyboard('{ArrowLeft}');
    expect(position()).toBe(`After move ${middle - 1} of ${total}`);
    await user.keyboard('{End}');
    expect(position()).toBe(`After move ${total} of ${total}`);
    await user.keyboard('{Home}');
    expect(position()).toBe('Before the first move');
  });

  it('says why a file cannot be replayed, and shows no board', async () => {
    const user = userEvent.setup();
    page(false);
    const edited = { ...record, moves: record.moves.map((m, i) => (i === 2 ? { ...m, move: 'act', args: ['noSuchAction'] } : m)) };
    await user.upload(screen.getByLabelText('Open a replay file:'), new File([replayFileText(edited)], 'game.json', { type: 'application/json' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This file cannot be replayed: move 3 is a move the rules refuse.');
    expect(screen.queryByRole('meter', { name: 'Relationship' })).toBeNull();
    await user.upload(screen.getByLabelText('Open a replay file:'), new File([replayFileText(record)], 'game.json', { type: 'application/json' }));
    expect(await screen.findByText(`After move ${total} of ${total}`)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('with no finished game saved in this browser, says so', () => {
    page(true);
    expect(screen.getByRole('alert').textContent).toBe('There is no finished game saved in this browser. Open a replay file instead.');
  });
});

function meter(name: string): number {
  return Number(screen.getByRole('meter', { name }).getAttribute('aria-valuenow'));
}
