// @vitest-environment happy-dom
/**
 * "What if?" on the replay page (issue 14): the move picker offers the turning points first and
 * moves the replay with it; the fork picker offers exactly the plays the rules allowed that side
 * there; a run shows its progress and ends in the two futures side by side (or in "cancelled");
 * playing the fork yourself starts from the real moves and the other play.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SIDE_NAMES, toMove } from '../../src/game';
import { alternatives, forkPoint, playKey } from '../../src/sim/fork';
import { readReplay, replayFileText } from '../../src/sim/replay';
import ReplayPage from '../../src/ui/replay/ReplayPage';
import { CONTENT } from '../../src/content';
import { contentField } from '../../src/ui/bridge';
import { dealChoices, firstProposal, type Proposal } from '../../src/ui/replay/DealPicker';
import { DEAL_CHOICE, playLabel } from '../../src/ui/replay/WhatIf';
import { runRequest } from '../../src/ui/replay/whatIfHandler';
import type { SavedGame } from '../../src/ui/savedGame';
import { boardTestHooks } from '../helpers/boardSetup';
import { finishedGame } from '../helpers/finishedGame';

boardTestHooks();

/** A Web Worker that runs the real handler in this page, answering a message a task. */
class InPageWorker {
  static started = 0;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  private stopped = false;
  constructor() {
    InPageWorker.started += 1;
  }
  postMessage(data: unknown) {
    setTimeout(() => {
      if (this.stopped) return;
      // The answers arrive over time, as a real worker's would.
      let k = 0;
      runRequest(data, (answer) => {
        k += 1;
        setTimeout(() => !this.stopped && this.onmessage?.({ data: answer }), 20 * k);
      });
    }, 0);
  }
  terminate() {
    this.stopped = true;
  }
}

beforeEach(() => {
  InPageWorker.started = 0;
  vi.stubGlobal('Worker', InPageWorker);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const record = finishedGame('what-if-ui');
const replay = readReplay(replayFileText(record));
if ('problem' in replay) throw new Error(replay.problem);
const total = record.moves.length;
const position = () => screen.getByText(/^(After move \d+ of \d+|Before the first move)$/).textContent;

function page(onPlayFork?: (saved: SavedGame) => void) {
  const file = new File([replayFileText(record)], 'game.json', { type: 'application/json' });
  render(<ReplayPage saved={false} onHome={() => undefined} onOpenRules={() => undefined} onOpenGlossary={() => undefined} onPlayFork={onPlayFork} />);
  return userEvent.setup().upload(screen.getByLabelText('Open a replay file:'), file);
}

/** The first move of the game where its side could have proposed a deal, and those deals. */
const dealPoint = (() => {
  for (let at = 0; at < total; at++) {
    const point = forkPoint(record, at);
    if ('problem' in point) continue;
    const deals = alternatives(point).filter((play): play is Proposal => play.kind === 'propose');
    if (deals.length > 1) return { point, deals };
  }
  throw new Error('no move of the recorded game could have been a deal');
})();

const card = () => screen.getByRole('region', { name: 'What if?' });
const movePicker = () => within(card()).getByRole('combobox', { name: 'The move to change:' });

describe('what if?', () => {
  it('offers the turning points first, and choosing a move steps the replay to it', async () => {
    await page();
    const groups = within(movePicker()).getAllByRole('group');
    expect(groups.map((g) => g.getAttribute('label'))).toEqual(['Turning points', 'Every other move']);
    const turning = within(groups[0] as HTMLElement).getAllByRole('option');
    expect(turning.length).toBeGreaterThan(0);
    // Every move is offered once.
    expect(within(movePicker()).getAllByRole('option').filter((o) => o.getAttribute('value') !== '')).toHaveLength(total);

    const first = turning[0] as HTMLOptionElement;
    await userEvent.setup().selectOptions(movePicker(), first);
    const at = Number(first.value);
    expect(position()).toBe(`After move ${at + 1} of ${total}`);
    expect(first.textContent).toMatch(new RegExp(`^Move ${at + 1}, round \\d: `));
  });

  it('links each move of the replay to the question: the link brings the other play’s picker into view', async () => {
    await page();
    const user = userEvent.setup();
    await user.selectOptions(movePicker(), '2');
    const side = record.moves[2]?.playerID === '0' ? 'Washington' : 'Beijing';
    await user.click(within(screen.getByRole('region', { name: 'This move' })).getByRole('button', { name: `What if ${side} had done something else here? ↓` }));
    expect(document.activeElement).toBe(within(card()).getByRole('combobox', { name: `What ${side} does instead:` }));
  });

  it('offers exactly the plays the rules allowed that side there, the real one left out', async () => {
    await page();
    const user = userEvent.setup();
    for (const at of [0, 5, total - 1]) {
      await user.selectOptions(movePicker(), String(at));
      const point = forkPoint(record, at);
      if ('problem' in point) throw new Error(point.problem);
      const expected = alternatives(point);
      if (expected.length === 0) {
        expect(within(card()).getByText(/the rules allowed nothing else/)).toBeTruthy();
        continue;
      }
      const picker = within(card()).getByRole('combobox', { name: /does instead:$/ });
      const offered = within(picker).getAllByRole<HTMLOptionElement>('option');
      // Every play but a deal is one entry; the deals are one entry that opens the terms to pick.
      const single = expected.filter((play) => play.kind !== 'propose');
      const deals = expected.filter((play) => play.kind === 'propose');
      expect(offered.map((o) => o.value).sort()).toEqual([...single.map(playKey), ...(deals.length > 0 ? [DEAL_CHOICE] : [])].sort());
      expect(offered.map((o) => o.textContent).filter((text) => text !== 'Propose a deal: pick its terms below').sort()).toEqual(single.map(playLabel).sort());
      expect(offered.map((o) => o.value)).not.toContain(playKey(point.real));
      if (deals.length > 0) {
        await user.selectOptions(picker, DEAL_CHOICE);
        const boxes = within(card()).getAllByRole<HTMLInputElement>('checkbox');
        expect(boxes.map((box) => box.closest('label')?.textContent).sort()).toEqual([...new Set(deals.flatMap((deal) => deal.terms))].map((id) => contentField('term', id, 'title')).sort());
      }
      expect(within(card()).getByText(`Here ${point.side === 'us' ? 'Washington' : 'Beijing'} chose: ${playLabel(point.real)}.`)).toBeTruthy();
    }
  });

  it('picks a deal by its terms: it starts on an allowed deal, refuses a side that gives nothing and the deal really made, and runs or forks the deal ticked', async () => {
    const forks: SavedGame[] = [];
    await page((saved) => forks.push(saved));
    const user = userEvent.setup();
    const at = dealPoint.point.at;
    await user.selectOptions(movePicker(), String(at));
    await user.selectOptions(within(card()).getByRole('combobox', { name: /does instead:$/ }), DEAL_CHOICE);
    const run = () => within(card()).getByRole<HTMLButtonElement>('button', { name: 'Play both futures (200 games each)' });
    const box = (id: string) => within(card()).getByRole<HTMLInputElement>('checkbox', { name: contentField('term', id, 'title') });
    const status = () => within(card()).getByText(/^(The rules allow this deal here\.|Tick at least one term that (Washington|Beijing) gives\.|That is the deal .* really proposed\..*|The rules do not allow these terms as one deal here\..*)$/);
    const first = firstProposal(dealPoint.deals) as Proposal;
    expect(dealPoint.deals.map(playKey)).toContain(playKey(first));
    for (const id of first.terms) expect(box(id).checked).toBe(true);
    expect(status().textContent).toBe('The rules allow this deal here.');
    expect(run().disabled).toBe(false);

    // Beijing gives nothing: no deal, nothing to run.
    for (const id of first.terms) if (CONTENT.dealTerms.get(id)?.side === 'cn') await user.click(box(id));
    expect(status().textContent).toBe('Tick at least one term that Beijing gives.');
    expect(run().disabled).toBe(true);
    expect(within(card()).getByRole<HTMLButtonElement>('button', { name: 'Two players on this device' }).disabled).toBe(true);
    const side = SIDE_NAMES[dealPoint.point.side];
    expect(within(card()).getByText(`Once the deal above is one the rules allow, you can start a game at this moment with ${side} proposing it instead.`)).toBeTruthy();

    // Another allowed deal, ticked term by term from nothing: what is forked is exactly it.
    const target = dealPoint.deals.find((deal) => playKey(deal) !== playKey(first)) ?? first;
    for (const input of within(card()).getAllByRole<HTMLInputElement>('checkbox')) if (input.checked) await user.click(input);
    for (const id of target.terms) {
      expect(box(id).disabled).toBe(false);
      await user.click(box(id));
    }
    expect(status().textContent).toBe('The rules allow this deal here.');
    const terms = target.terms.map((id) => contentField('term', id, 'title')).join(' + ');
    const sentence = `Start a game at this moment, with ${side} choosing a deal of ${terms} instead.`;
    expect(within(card()).getByText((text) => text.startsWith(sentence))).toBeTruthy();
    await user.click(within(card()).getByRole('button', { name: 'Two players on this device' }));
    const { move, args } = toMove(target);
    expect(forks[0]).toEqual({ kind: 'hotseat', record: { ...record, moves: [...record.moves.slice(0, at), { playerID: record.moves[at]?.playerID, move, args }] } });
  });

  it('plays both futures in workers with a progress bar, then shows them side by side with a chart and a sentence', async () => {
    await page();
    const user = userEvent.setup();
    await user.selectOptions(movePicker(), '3');
    await user.selectOptions(within(card()).getByRole('combobox', { name: /plays both sides/ }), 'easy');
    await user.selectOptions(within(card()).getByRole('combobox', { name: 'Games played each way:' }), '50');
    await user.click(within(card()).getByRole('button', { name: 'Play both futures (50 games each)' }));
    expect(within(card()).getByRole('progressbar')).toBeTruthy();
    expect(within(card()).getByText(/^Playing the futures of move 4: \d+ of 100 games/)).toBeTruthy();
    expect(InPageWorker.started).toBeGreaterThan(0);

    await screen.findByText('Both futures are played: the comparison is below.', undefined, { timeout: 20_000 });
    const results = within(card()).getByRole('region', { name: 'Two futures from move 4' });
    expect(within(results).getByText(/^Had (Washington|Beijing) chosen .+ instead of .+ in round \d, \1 would win \d+% of the games instead of \d+%, and the relationship would end /)).toBeTruthy();
    const table = within(results).getByRole('table');
    const rowHeads = within(table).getAllByRole('rowheader').map((th) => th.textContent);
    expect(rowHeads).toEqual(['Washington wins', 'Beijing wins', 'Nobody wins', 'Ends early (a breakdown, or a government falls)']);
    expect(within(table).getAllByText(/^\d+% \(\d+–\d+%\)$/).length).toBe(6);
    expect(within(results).getByRole('img', { name: /^Relationship round by round in both futures/ })).toBeTruthy();

    // Another track on the chart.
    await user.selectOptions(within(results).getByRole('combobox', { name: 'Track on the chart:' }), 'usSupport');
    expect(within(results).getByRole('img', { name: /^U\.S\. support|^Washington/ })).toBeTruthy();
  }, 30_000);

  it('cancels a run: the workers stop and nothing is shown but that it was cancelled', async () => {
    await page();
    const user = userEvent.setup();
    await user.selectOptions(movePicker(), '3');
    await user.selectOptions(within(card()).getByRole('combobox', { name: /plays both sides/ }), 'easy');
    await user.selectOptions(within(card()).getByRole('combobox', { name: 'Games played each way:' }), '50');
    await user.click(within(card()).getByRole('button', { name: /^Play both futures/ }));
    await user.click(within(card()).getByRole('button', { name: 'Cancel' }));
    expect(within(card()).getByText('Cancelled. Nothing was changed.')).toBeTruthy();
    expect(within(card()).queryByRole('progressbar')).toBeNull();
    await act(() => new Promise((r) => setTimeout(r, 300)));
    expect(within(card()).queryByRole('region', { name: /Two futures/ })).toBeNull();
  });

  it('hands the fork to two players, or to one against the computer: the real moves, then the other play', async () => {
    const forks: SavedGame[] = [];
    await page((saved) => forks.push(saved));
    const user = userEvent.setup();
    await user.selectOptions(movePicker(), '4');
    const picker = within(card()).getByRole('combobox', { name: /does instead:$/ });
    const choice = (within(picker).getAllByRole<HTMLOptionElement>('option').filter((o) => o.value !== DEAL_CHOICE).at(-1) as HTMLOptionElement).value;
    await user.selectOptions(picker, choice);
    await user.click(within(card()).getByRole('button', { name: 'Two players on this device' }));
    await user.click(within(card()).getByRole('button', { name: /^Play (Washington|Beijing) against the computer$/ }));
    const point = forkPoint(record, 4);
    if ('problem' in point) throw new Error(point.problem);
    const play = alternatives(point).find((p) => playKey(p) === choice);
    if (!play) throw new Error('the chosen play is not offered');
    const { move, args } = toMove(play);
    const moves = [...record.moves.slice(0, 4), { playerID: record.moves[4]?.playerID, move, args }];
    expect(forks[0]).toEqual({ kind: 'hotseat', record: { ...record, moves } });
    expect(forks[1]).toMatchObject({ kind: 'computer', record: { ...record, moves }, opponent: { side: point.side === 'us' ? 'cn' : 'us', level: 'normal' } });
  });
});

describe('dealChoices', () => {
  const points = Array.from({ length: total }, (_, at) => forkPoint(record, at)).flatMap((point) => {
    if ('problem' in point) return [];
    const deals = alternatives(point).filter((play): play is Proposal => play.kind === 'propose');
    return deals.length > 0 ? [{ point, deals }] : [];
  });

  it('reaches every allowed deal of the game, each exactly, and nothing the rules refuse', () => {
    expect(points.length).toBeGreaterThan(0);
    for (const { point, deals } of points) {
      for (const deal of deals) expect(dealChoices(deals, new Set(deal.terms), point.real).match).toBe(deal);
      // The real deal is no alternative; an empty side is none either.
      if (point.real.kind === 'propose') expect(dealChoices(deals, new Set(point.real.terms), point.real)).toMatchObject({ match: undefined, problem: { kind: 'real' } });
      expect(dealChoices(deals, new Set(), point.real).problem).toEqual({ kind: 'empty', side: 'us' });
    }
  });

  it('never leads into a dead end: ticking any open term keeps an allowed deal within reach', () => {
    // Six moves are plenty: each walk ticks every open term in every order.
    for (const { point, deals } of points.slice(0, 6)) {
      // Tick open terms in every order the first few allow (depth 4 covers 2 + 2 terms).
      const walk = (picked: Set<string>, depth: number) => {
        expect(deals.some((deal) => [...picked].every((id) => deal.terms.includes(id)))).toBe(true);
        if (depth === 0) return;
        const { terms } = dealChoices(deals, picked, point.real);
        for (const choice of [...terms.us, ...terms.cn]) if (choice.open && !choice.picked) walk(new Set([...picked, choice.id]), depth - 1);
      };
      walk(new Set(), 4);
    }
  });
});
