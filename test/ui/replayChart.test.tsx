// @vitest-environment happy-dom
/**
 * The scrubber over the track chart (issue 14): the replay's tracks drawn move by move, a marker
 * at the move shown, and a slider that the pointer (click or drag) and the keyboard (arrows a
 * move, Page Up and Page Down a round, Home and End) move to a move; the group buttons choose the
 * lines and the legend.
 */
import type { State } from 'boardgame.io';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { boardTestHooks } from '../helpers/boardSetup';
import { decide } from '../../src/bots';
import type { DeRiskState, TrackId } from '../../src/game';
import { createHeadlessMatch, playerToAct } from '../../src/sim/headless';
import { seriesLabel } from '../../src/ui/bridge';
import { ReplayChart, roundStarts } from '../../src/ui/replay/ReplayChart';

boardTestHooks();

/** A finished four-round game's positions, as a replay holds them: the start, then after each move. */
function finishedStates(): State<DeRiskState>[] {
  const match = createHeadlessMatch('replay-ui', { scenario: '2025', length: 4 });
  const states = [match.state];
  for (let n = 0; match.state.ctx.gameover === undefined; n += 1) {
    const { move } = decide(match.state.G, match.state.ctx, { level: 'easy', persona: 'balanced', seed: n });
    if (!match.move(playerToAct(match.state), move.move, ...move.args)) throw new Error(`move ${n} refused`);
    states.push(match.state);
  }
  return states;
}

const states = finishedStates();
const last = states.length - 1;
const starts = roundStarts(states);
const startOf = (round: number) => starts.find((s) => s.round === round)?.step ?? -1;
const roundAt = (step: number) => states[step]?.G.round;

function chart(step: number) {
  const onStep = vi.fn<(step: number) => void>();
  const view = render(<ReplayChart states={states} step={step} onStep={onStep} />);
  const slider = screen.getByRole('slider', { name: 'Tracks over the game' });
  const marker = () => Number(view.container.querySelector('.replay-chart-marker')?.getAttribute('x1'));
  const legend = () => within(screen.getByRole('list', { name: /^Lines on the chart/ })).getAllByRole('listitem').map((li) => li.textContent.trim());
  return { view, onStep, slider, marker, legend };
}

describe('the replay chart', () => {
  it('is a four-round game with a round start at each round (the test’s premise)', () => {
    expect(starts.map((s) => s.round)).toEqual([1, 2, 3, 4]);
    expect(starts[0]?.step).toBe(0);
    for (const { step, round } of starts.slice(1)) {
      expect(roundAt(step)).toBe(round);
      expect(roundAt(step - 1)).toBe(round - 1);
    }
  });

  it('marks the move shown: the slider’s value and words, the marker and the legend’s values follow the step', () => {
    const middle = startOf(3) + 1;
    const { view, onStep, slider, marker, legend } = chart(middle);
    expect(slider.getAttribute('aria-valuemin')).toBe('0');
    expect(slider.getAttribute('aria-valuemax')).toBe(String(last));
    expect(slider.getAttribute('aria-valuenow')).toBe(String(middle));
    expect(slider.getAttribute('aria-valuetext')).toBe(`Move ${middle} of ${last}, round 3`);
    expect(marker()).toBe(middle);
    expect(legend()).toContain(`Relationship ${states[middle]?.G.tracks.relationship}`);
    // The rounds are marked, R1 to R4, and every track of the group is drawn over every move.
    expect(view.container.querySelector('.replay-chart-rounds')?.textContent).toBe('R1R2R3R4');
    expect(view.container.querySelectorAll('.replay-chart-round')).toHaveLength(3);
    const relationship = view.container.querySelector('polyline[data-track="relationship"]')?.getAttribute('points')?.split(' ');
    expect(relationship).toHaveLength(states.length);

    view.rerender(<ReplayChart states={states} step={0} onStep={onStep} />);
    expect(slider.getAttribute('aria-valuenow')).toBe('0');
    expect(slider.getAttribute('aria-valuetext')).toBe('Before the first move, round 1');
    expect(marker()).toBe(0);
    expect(legend()).toContain(`Relationship ${states[0]?.G.tracks.relationship}`);
    expect(onStep).not.toHaveBeenCalled();
  });

  it('moves with the keyboard: arrows a move, Page Up and Page Down a round, Home and End; the page’s own keys do not step again', () => {
    const middle = startOf(2) + 2;
    const { onStep, slider } = chart(middle);
    const page = vi.fn();
    window.addEventListener('keydown', page);
    try {
      const press = (key: string) => {
        onStep.mockClear();
        fireEvent.keyDown(slider, { key });
        return onStep.mock.calls.map(([step]) => step);
      };
      expect(press('ArrowRight')).toEqual([middle + 1]);
      expect(press('ArrowUp')).toEqual([middle + 1]);
      expect(press('ArrowLeft')).toEqual([middle - 1]);
      expect(press('ArrowDown')).toEqual([middle - 1]);
      // Page Up: the next round's first move; Page Down: back to this round's.
      expect(press('PageUp')).toEqual([startOf(3)]);
      expect(press('PageDown')).toEqual([startOf(2)]);
      expect(press('End')).toEqual([last]);
      expect(press('Home')).toEqual([0]);
      expect(press('a')).toEqual([]);
      expect(page.mock.calls.filter(([event]) => (event as KeyboardEvent).key !== 'a')).toEqual([]);
    } finally {
      window.removeEventListener('keydown', page);
    }
  });

  it('Page Down from a round’s first move goes to the round before’s; at the ends the keys stay put', () => {
    const { view, onStep, slider } = chart(startOf(3));
    fireEvent.keyDown(slider, { key: 'PageDown' });
    expect(onStep).toHaveBeenLastCalledWith(startOf(2));
    view.rerender(<ReplayChart states={states} step={last} onStep={onStep} />);
    onStep.mockClear();
    for (const key of ['ArrowRight', 'PageUp', 'End']) fireEvent.keyDown(slider, { key });
    expect(onStep).not.toHaveBeenCalled();
  });

  it('a click moves to the nearest move, and a drag follows the pointer', () => {
    const { onStep, slider } = chart(last);
    // The chart is 400 px wide, 100 px from the left: move k is at 100 + 400·k/last.
    vi.spyOn(slider, 'getBoundingClientRect').mockReturnValue({ left: 100, top: 0, right: 500, bottom: 200, width: 400, height: 200, x: 100, y: 0, toJSON: () => ({}) });
    const at = (step: number, nudge: number) => 100 + (400 * step) / last + nudge;
    const nudge = 400 / last / 3;
    fireEvent.pointerDown(slider, { clientX: at(5, nudge), pointerId: 1, button: 0 });
    expect(onStep).toHaveBeenLastCalledWith(5);
    fireEvent.pointerMove(slider, { clientX: at(9, -nudge), pointerId: 1 });
    expect(onStep).toHaveBeenLastCalledWith(9);
    // Beyond the edges, the ends.
    fireEvent.pointerMove(slider, { clientX: 20, pointerId: 1 });
    expect(onStep).toHaveBeenLastCalledWith(0);
    fireEvent.pointerUp(slider, { clientX: 20, pointerId: 1 });
    onStep.mockClear();
    // After the drag, a pointer passing over the chart moves nothing.
    fireEvent.pointerMove(slider, { clientX: at(3, 0), pointerId: 1 });
    expect(onStep).not.toHaveBeenCalled();
  });

  it('the group buttons choose the lines and the legend', async () => {
    const user = userEvent.setup();
    const { view, legend } = chart(last);
    const value = (track: TrackId) => `${seriesLabel(track)} ${states[last]?.G.tracks[track]}`;
    expect(legend()).toEqual([value('relationship'), value('usSupport'), value('cnSupport')]);
    const group = screen.getByRole('group', { name: 'Tracks to show' });
    expect(within(group).getByRole('button', { name: /Relationship and support/ }).getAttribute('aria-pressed')).toBe('true');

    await user.click(within(group).getByRole('button', { name: /Trade war/ }));
    expect(within(group).getByRole('button', { name: /Trade war/ }).getAttribute('aria-pressed')).toBe('true');
    expect(within(group).getByRole('button', { name: /Relationship and support/ }).getAttribute('aria-pressed')).toBe('false');
    expect(legend()).toEqual([value('usTariff'), value('cnTariff'), value('exportControls'), value('mineralBans')]);
    expect([...view.container.querySelectorAll('polyline')].map((line) => line.getAttribute('data-track'))).toEqual(['usTariff', 'cnTariff', 'exportControls', 'mineralBans']);
    // The value axis reaches the group's highest maximum (the U.S. tariff's 6).
    expect(view.container.querySelector('.replay-chart-axis')?.textContent).toBe('60');
  });
});
