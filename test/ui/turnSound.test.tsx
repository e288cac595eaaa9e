// @vitest-environment happy-dom
/**
 * Issue 13 (c): the optional sound on one's turn online. Off until turned on, remembered on the
 * device; a short quiet tone when the turn passes to this seat, never on opening a match at
 * one's turn, never while the turn is unknown (a spectator), never when off.
 */
import { cleanup, render, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { savedTurnSound, TurnSoundToggle, useTurnSound, useTurnSoundSetting } from '../../src/ui/online/turnSound';
import { fakeAudio } from '../helpers/fakeAudio';

let audio: ReturnType<typeof fakeAudio>;
beforeEach(() => {
  localStorage.clear();
  audio = fakeAudio();
  vi.stubGlobal('AudioContext', audio.AudioContext);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function Toggle() {
  const [on, setOn] = useTurnSoundSetting();
  return <TurnSoundToggle on={on} onChange={setOn} />;
}

describe('the sound on your turn', () => {
  it('is off by default; turning it on plays the tone once as a sample and is remembered under a de-risk: key', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<Toggle />);
    const box = screen.getByRole('checkbox', { name: 'Sound on your turn' });
    expect((box as HTMLInputElement).checked).toBe(false);
    expect(savedTurnSound()).toBe(false);

    await user.click(box);
    expect(localStorage.getItem('de-risk:turnSound')).toBe('on');
    expect(audio.heard.tones).toBe(1);
    // Quiet: the gain peaks well under full volume.
    expect(Math.max(...audio.heard.peaks)).toBeLessThanOrEqual(0.1);
    unmount();

    render(<Toggle />);
    const again = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Sound on your turn' });
    expect(again.checked).toBe(true);
    await user.click(again);
    expect(localStorage.getItem('de-risk:turnSound')).toBe('off');
    expect(audio.heard.tones).toBe(1);
  });

  it('sounds when the turn passes to this seat, not on opening at one’s turn, not on other renders, not while unknown, not when off', () => {
    const { rerender } = renderHook(({ myTurn, on }: { myTurn: boolean | null; on: boolean }) => useTurnSound(myTurn, on), { initialProps: { myTurn: true as boolean | null, on: true } });
    // Opened at one's turn: silent.
    expect(audio.heard.tones).toBe(0);
    rerender({ myTurn: true, on: true });
    expect(audio.heard.tones).toBe(0);
    rerender({ myTurn: false, on: true });
    expect(audio.heard.tones).toBe(0);
    rerender({ myTurn: true, on: true });
    expect(audio.heard.tones).toBe(1);
    rerender({ myTurn: true, on: true });
    expect(audio.heard.tones).toBe(1);
    // Off: the turn comes and goes in silence.
    rerender({ myTurn: false, on: false });
    rerender({ myTurn: true, on: false });
    expect(audio.heard.tones).toBe(1);
    // Not known (a spectator, the connection being made): nothing, and the next known value is a start, not a change.
    rerender({ myTurn: null, on: true });
    rerender({ myTurn: true, on: true });
    expect(audio.heard.tones).toBe(1);
    // One page, one audio context.
    rerender({ myTurn: false, on: true });
    rerender({ myTurn: true, on: true });
    expect(audio.heard.tones).toBe(2);
    expect(audio.heard.contexts).toBe(1);
  });

  it('a browser without the Web Audio API plays nothing and breaks nothing', async () => {
    vi.stubGlobal('AudioContext', undefined);
    const user = userEvent.setup();
    function Page() {
      const [turn, setTurn] = useState(false);
      useTurnSound(turn, true);
      return (
        <>
          <Toggle />
          <button type="button" onClick={() => setTurn(true)}>
            turn
          </button>
        </>
      );
    }
    render(<Page />);
    await user.click(screen.getByRole('checkbox', { name: 'Sound on your turn' }));
    await user.click(screen.getByRole('button', { name: 'turn' }));
    expect(audio.heard.tones).toBe(0);
  });
});
