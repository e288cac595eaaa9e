// @vitest-environment happy-dom
/** The debrief says why each side chose its moves (R12), and who the computer played. */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BotReason, ChronicleEntry, Reason, ReasonChange, Side, TrackId } from '../../src/game';
import { contentField, dateLabel, sideName } from '../../src/ui/bridge';
import { playRandomGame } from '../../src/sim/headless';
import { entryTitle } from '../../src/ui/chronicleText';
import Debrief, { type ComputerPlayers } from '../../src/ui/debrief/Debrief';
import { reasonText } from '../../src/ui/reasonText';
import { playBotGame } from '../helpers/botGame';
import { loadMessages } from '../../src/ui/i18n';

// These screens are rendered here without the lazy route that loads their messages.
beforeAll(() => loadMessages('debrief'));

vi.mock('chart.js', () => import('../helpers/chartMock'));

afterEach(cleanup);

/** Washington and Beijing both give reasons; the deal-loving Washington makes a signed deal likely. */
const game = playBotGame('debrief-reasons', { us: { level: 'normal', persona: 'dealmaker' }, cn: { level: 'easy', persona: 'hawk' } });
const explained = game.G.chronicle.filter((e): e is ChronicleEntry & { reason: Reason } => e.reason !== undefined);

/** How the debrief names a change in English, told by `side` (the words the test looks for). */
function changeWords({ track, from, to }: ReasonChange, side: Side): string {
  const whose = (owner: Side) => (owner === side ? 'my' : `${sideName(owner)}’s`);
  const words: Record<TrackId, string> = {
    relationship: `the relationship to ${to}`,
    usSupport: `${whose('us')} support at home to ${to}`,
    cnSupport: `${whose('cn')} support at home to ${to}`,
    usLeverage: `${whose('us')} leverage`,
    cnLeverage: `${whose('cn')} leverage`,
    cnGrowth: `China’s growth to ${to}`,
    usInflation: `U.S. inflation ${to > from ? 'up' : 'down'} to ${to}`,
    usMineralDependence: `dependent on Chinese minerals (${to})`,
    cnChipDependence: `dependent on U.S. chips (${to})`,
    usTariff: `the U.S. tariff to ${to} step`,
    cnTariff: `China’s counter-tariff to ${to} step`,
    exportControls: `export controls to ${to}`,
    mineralBans: `mineral ban (${to} in force)`,
    interdependence: `(interdependence ${to})`,
  };
  return words[track];
}

/** The camelCase codes and ids inside a reason, none of which a reader should ever see. */
function rawCodes(value: unknown): string[] {
  if (typeof value === 'string') return /[a-z][A-Z]/.test(value) ? [value] : [];
  return value !== null && typeof value === 'object' ? Object.values(value).flatMap(rawCodes) : [];
}

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
      expect(text).toContain(`Why: ${reasonText(entry.reason)}`);
      expect(text).toContain(entry.reason.side === 'cn' ? 'Beijing (computer)' : 'Washington');
      if (entry.reason.side === 'us') expect(text).not.toContain('(computer)');
      expect(text).toContain(entry.kind === 'dealSigned' ? `${entry.reason.side === 'us' ? 'Washington' : 'Beijing'} accepted the deal` : entryTitle(entry));
      const round = item.closest('section');
      expect(round?.getAttribute('aria-label')).toBe(`Round ${entry.round} (${dateLabel(game.G.scenario, entry.round)})`);
    });
  });

  it('R12 words each computer’s reason: the play’s title and the main change in words, never a code or a message key', () => {
    renderDebrief({ us: { level: 'normal', persona: 'dealmaker' }, cn: { level: 'easy', persona: 'hawk' } });
    const items = within(screen.getByRole('region', { name: 'Why each side chose its moves' })).getAllByRole('listitem');
    const codes = explained.map((e) => e.reason.code).filter((code): code is BotReason => code !== undefined);
    expect(codes).toHaveLength(explained.length);
    const kinds = new Set(codes.map((c) => c.kind));
    expect([...kinds]).toEqual(expect.arrayContaining(['action', 'card', 'pass']));
    explained.forEach((entry, i) => {
      const code = entry.reason.code;
      const why = items[i]?.querySelector('.debrief-reason-why')?.textContent ?? '';
      if (!code) return;
      if (code.kind === 'action' || code.kind === 'card') expect(why).toContain(contentField(code.kind, code.id, 'title'));
      if (code.kind === 'propose') for (const term of code.terms) expect(why).toContain(contentField('term', term, 'title'));
      const [main] = 'changes' in code ? code.changes : [];
      if (main) expect(why).toContain(changeWords(main, entry.reason.side));
      expect(why, JSON.stringify(code)).not.toMatch(/bots\.|[{}]|undefined/);
      for (const raw of rawCodes(code)) expect(why, raw).not.toContain(raw);
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
