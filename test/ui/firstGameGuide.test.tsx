// @vitest-environment happy-dom
/**
 * The guided first round (issue 13): a few tips, one at a time, each lighting up its part of the
 * board; skipped or finished, they do not come back for that side on this device, and the other
 * side of a hot seat still gets them once.
 */
import { cleanup, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { boardTestHooks } from '../helpers/boardSetup';
import { handOver, renderHotSeat, revealSide } from '../helpers/renderMatch';

boardTestHooks();

const tips = () => screen.queryByRole('dialog', { name: /^This is you|^Leverage|^The relationship|^See a move|^What just happened/ });
const lit = () => [...document.querySelectorAll('.guide-target')];

describe('the first-game tips', () => {
  it('point at the seat’s capital, its leverage, the relationship, a move’s preview and the chronicle, in turn', async () => {
    const { user } = renderHotSeat();
    // Nothing behind the curtain.
    expect(tips()).toBeNull();
    await revealSide(user, 'Washington');
    const expected: [RegExp, (el: Element) => boolean][] = [
      [/^This is you: Washington$/, (el) => el.matches('.side-us')],
      [/^Leverage is what you spend$/, (el) => within(el as HTMLElement).queryByRole('meter', { name: 'Leverage' }) !== null],
      [/^The relationship holds the game together$/, (el) => within(el as HTMLElement).queryByRole('meter', { name: 'Relationship' }) !== null],
      [/^See a move before you make it$/, (el) => within(el as HTMLElement).queryByRole('button', { name: /^Take action: / }) !== null],
      [/^What just happened$/, (el) => el.matches('.chronicle')],
    ];
    for (const [index, [title, isTarget]] of expected.entries()) {
      const dialog = tips();
      if (!dialog) throw new Error(`tip ${index + 1} is missing`);
      expect(within(dialog).getByRole('heading').textContent?.trim()).toMatch(title);
      expect(within(dialog).getByText(`First game tips: ${index + 1} of 5`)).toBeTruthy();
      expect(lit()).toHaveLength(1);
      expect(isTarget(lit()[0] as Element)).toBe(true);
      await user.click(within(dialog).getByRole('button', { name: index === expected.length - 1 ? 'Start playing' : 'Next tip' }));
    }
    expect(tips()).toBeNull();
    expect(lit()).toHaveLength(0);
  });

  it('skipped by one side, they do not come back for it, and the other side still gets them once', async () => {
    const first = renderHotSeat();
    await revealSide(first.user, 'Washington');
    await first.user.click(screen.getByRole('button', { name: 'Skip the tips' }));
    expect(tips()).toBeNull();
    await first.user.click(screen.getByRole('button', { name: 'Pass' }));
    await handOver(first.user);
    await revealSide(first.user, 'Beijing');
    expect(tips()?.textContent).toContain('This is you: Beijing');
    await first.user.click(screen.getByRole('button', { name: 'Skip the tips' }));
    cleanup();

    // A new game on the same device: no tips for either side.
    const second = renderHotSeat();
    await revealSide(second.user, 'Washington');
    expect(tips()).toBeNull();
    expect(screen.getByRole('button', { name: 'Pass' })).toBeTruthy();
  });

  it('a damaged record of them is not an error: the tips simply show', async () => {
    localStorage.setItem('de-risk:guide-done', '{"us": true');
    const { user } = renderHotSeat();
    await revealSide(user, 'Washington');
    expect(tips()?.textContent).toContain('This is you: Washington');
  });
});
