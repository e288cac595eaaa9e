/**
 * An optional sound when it becomes this seat's turn online (issue 13): a short, quiet tone
 * made with the Web Audio API (no audio file). It is off unless the player turns it on, and the
 * choice is remembered on this device. It sounds when the turn passes to this seat (the other
 * side has moved, or the opponent has just taken their seat and it is this seat's move), never
 * on opening a match at one's own turn, nor for a spectator, who has no turn. The tab's title
 * says the same thing silently (common/turnTitle.ts).
 */
import { useEffect, useRef, useState } from 'react';
import { t } from '../i18n';

const KEY = 'de-risk:turnSound';

export function savedTurnSound(): boolean {
  try {
    return localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

function saveTurnSound(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Storage refused (private mode): the choice lasts as long as the page.
  }
}

/** One audio context for the page: browsers limit how many a page may open. */
let audio: AudioContext | null = null;

/** The tone: a third of a second of a soft 660 Hz sine, faded in and out so that it does not click. */
export function playTurnTone(): void {
  const Context = typeof AudioContext === 'undefined' ? undefined : AudioContext;
  if (!Context) return;
  try {
    if (!(audio instanceof Context)) audio = new Context();
    // A context made before the page was touched starts suspended; by a turn's end the player has touched it.
    if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
    const start = audio.currentTime;
    const gain = audio.createGain();
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.08, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.3);
    gain.connect(audio.destination);
    const tone = audio.createOscillator();
    tone.type = 'sine';
    tone.frequency.setValueAtTime(660, start);
    tone.connect(gain);
    tone.start(start);
    tone.stop(start + 0.32);
  } catch {
    // A browser that refuses audio plays nothing; the tab's title still says whose move it is.
  }
}

/** Whether the sound is on, remembered on this device; off until the player turns it on. */
export function useTurnSoundSetting(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(savedTurnSound);
  const change = (next: boolean) => {
    saveTurnSound(next);
    setOn(next);
  };
  return [on, change];
}

/**
 * Plays the tone when `myTurn` turns from false to true while the sound is on. `myTurn` is null
 * while it is not known (connecting, a spectator, the game over): the first value known after
 * that is where the player starts, not a change, so opening a match at one's turn is silent.
 */
export function useTurnSound(myTurn: boolean | null, on: boolean): void {
  const previous = useRef<boolean | null>(null);
  useEffect(() => {
    if (on && previous.current === false && myTurn === true) playTurnTone();
    previous.current = myTurn;
  }, [myTurn, on]);
}

/** The switch, for the board's top bar. Turning it on plays the tone once, so the player hears what to expect. */
export function TurnSoundToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="muted">
      <input
        type="checkbox"
        checked={on}
        onChange={(e) => {
          onChange(e.target.checked);
          if (e.target.checked) playTurnTone();
        }}
      />{' '}
      {t('online.sound')}
    </label>
  );
}
