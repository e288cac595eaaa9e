// @vitest-environment happy-dom
/** The start screen's third mode: against the computer, with a side, a level and a temperament. */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StartScreen } from '../../src/ui/start/StartScreen';

afterEach(cleanup);

function renderStart() {
  const onStart = vi.fn();
  render(<StartScreen onStart={onStart} onGoTo={() => undefined} onOpenRules={() => undefined} onOpenGlossary={() => undefined} resumable={false} onResume={() => undefined} />);
  return { onStart, user: userEvent.setup() };
}

describe('start screen: against the computer', () => {
  it('offers the choices only in that mode, each a named radio group with a line of explanation', async () => {
    const { user } = renderStart();
    expect(screen.queryByRole('group', { name: 'How strong is the computer?' })).toBeNull();
    await user.click(screen.getByRole('radio', { name: /^Against the computer\./ }));
    const groups = {
      side: screen.getByRole('group', { name: 'Your side' }),
      level: screen.getByRole('group', { name: 'How strong is the computer?' }),
      temperament: screen.getByRole('group', { name: 'The computer’s temperament: how it likes to play' }),
    };
    expect(within(groups.side).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['us', 'cn']);
    expect(within(groups.level).getByRole('radio', { name: /^Easy/ }).closest('label')?.textContent).toMatch(/never plans ahead/);
    expect(within(groups.level).getByRole('radio', { name: /^Normal/ })).toHaveProperty('checked', true);
    for (const name of ['Balanced', 'Hawk', 'Dealmaker', 'Tit-for-tat']) {
      expect(within(groups.temperament).getByRole('radio', { name: new RegExp(`^${name}`) })).toBeTruthy();
    }
    expect(within(groups.temperament).getByRole('radio', { name: /^Balanced/ })).toHaveProperty('checked', true);
  });

  it('starts a game in which the computer plays the side the person did not choose', async () => {
    const { user, onStart } = renderStart();
    await user.click(screen.getByRole('radio', { name: /^Against the computer\./ }));
    await user.click(screen.getByRole('radio', { name: /^I play Beijing/ }));
    await user.click(screen.getByRole('radio', { name: /^Hard/ }));
    await user.click(screen.getByRole('radio', { name: /^Tit-for-tat/ }));
    await user.click(screen.getByRole('radio', { name: /^Quick/ }));
    await user.click(screen.getByRole('button', { name: 'Start the game' }));
    expect(onStart).toHaveBeenCalledWith({ scenario: '2025', length: 4 }, { side: 'us', level: 'hard', persona: 'titForTat' });
  });

  it('a hot-seat game has no computer', async () => {
    const { user, onStart } = renderStart();
    await user.click(screen.getByRole('button', { name: 'Start the game' }));
    expect(onStart).toHaveBeenCalledWith({ scenario: '2025', length: 8 }, undefined);
  });
});
