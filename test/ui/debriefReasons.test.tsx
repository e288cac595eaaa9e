// @vitest-environment happy-dom
/** The debrief says why each side chose its moves (R12), and who the computer played. */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChronicleEntry, Reason } from '../../src/game';
import { dateLabel } from '../../src/ui/bridge';
import { playRandomGame } from '../../src/sim/headless';
import { entryTitle } from '../../src/ui/chronicleText';
import Debrief, { type ComputerPlayers } from '../../src/ui/debrief/Debrief';
import { playBotGame } from '../helpers/botGame';

vi.mock('chart.js', () => import('../helpers/chartMock'));

afterEach(cleanup);

/** Washington and Beijing both give reasons; the deal-loving Washington makes a signed deal likely. */
const game = playBotGame('debrief-reasons', { us: { level: 'normal', persona: 'dealmaker' }, cn: { level: 'easy', persona: 'hawk' } });
const explained = game.G.chronicle.filter((e): e is ChronicleEntry & { reason: Reason } => e.reason !== undefined);

function renderDebrief(computer?: ComputerPlayers, state = game) {
  return render(<Debrief G={state.G} ctx={state.ctx} onPlayAgain={() => undefined} computer={computer} />);
}

describe('why each side chose its moves', () => {
  it('R12 lists every move that came with a reason, in order, with its round, side, move and reason', () => {
    renderDebrief({ cn: { level: 'easy', persona: 'hawk' } });
    const section = screen.getByRole('region', { name: 'Why each side chose its moves' });
    const items = within(section).getAllByRole('listitem');
    expect(explained.length).toBeGreaterThan(10);
    expect(items).toHaveLength(explained.length);
    explained.forEach((entry, i) => {
      const item = items[i] as HTMLElement;
      const text = item.textContent ?? '';
      expect(text).toContain(`Why: ${entry.reason.text}`);
      expect(text).toContain(entry.reason.side === 'cn' ? 'Beijing (computer)' : 'Washington');
      if (entry.reason.side === 'us') expect(text).not.toContain('(computer)');
      expect(text).toContain(entry.kind === 'dealSigned' ? `${entry.reason.side === 'us' ? 'Washington' : 'Beijing'} accepted the deal` : entryTitle(entry));
      const round = item.closest('section');
      expect(round?.getAttribute('aria-label')).toBe(`Round ${entry.round} (${dateLabel(game.G.scenario, entry.round)})`);
    });
  });

  it('names who the computer played, with its level and temperament', () => {
    renderDebrief({ us: { level: 'hard', persona: 'titForTat' }, cn: { level: 'normal', persona: 'hawk' } });
    expect(screen.getByText(/^Washington was played by the computer: hard level, Tit-for-tat temperament\./)).toBeTruthy();
    expect(screen.getByText(/^Beijing was played by the computer: normal level, Hawk temperament\./)).toBeTruthy();
    // The temperament is explained in the same line, in the start screen's words.
    expect(screen.getByText(/Hawk temperament\./).textContent).toContain('Loves tariffs, bans and standing firm');
  });

  it('shows neither when nobody gave a reason and nobody was the computer', () => {
    const { state } = playRandomGame({ seed: 7 });
    renderDebrief(undefined, state);
    expect(screen.queryByRole('region', { name: 'Why each side chose its moves' })).toBeNull();
    expect(screen.queryByText(/played by the computer/)).toBeNull();
  });
});
