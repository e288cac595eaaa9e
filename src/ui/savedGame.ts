/**
 * The local game this browser keeps (hot seat, or against the computer), saved after every
 * move so that a reload or a closed tab resumes it. What is kept is the game's record (setup,
 * seed, moves: src/game/record.ts) and, against the computer, who the computer is; the record
 * is checked and played again by the code that loads with the board (localMatch.ts), so this
 * module, part of the first download, only reads and writes the text.
 *
 * A local game runs wholly in this page, so the page already holds both sides' cards; keeping
 * the record here shows a curious player nothing the page did not hold already.
 */
import type { GameRecord } from '../game/record';
import type { ComputerOpponent } from './bots/opponent';

const KEY = 'de-risk:saved-game';

export type SavedGame =
  | { readonly kind: 'hotseat'; readonly record: GameRecord }
  | { readonly kind: 'computer'; readonly record: GameRecord; readonly opponent: ComputerOpponent; readonly botSeed: number };

/** What the start screen says of a saved game before its code loads: its kind, scenario and length. */
export interface SavedSummary {
  readonly kind: SavedGame['kind'];
  readonly scenario: string;
  readonly length: number;
}

/** The saved game as stored, unchecked (resume.ts checks it), or null when there is none or it is not JSON. */
export function readSavedGame(): unknown {
  try {
    const text = localStorage.getItem(KEY);
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

/** Enough of the saved game to offer it ("Resume: hot seat, 2025, 8 rounds"), or null. */
export function savedSummary(): SavedSummary | null {
  const saved = readSavedGame() as { kind?: unknown; record?: { setup?: { scenario?: unknown; length?: unknown } } } | null;
  const setup = saved?.record?.setup;
  if ((saved?.kind !== 'hotseat' && saved?.kind !== 'computer') || typeof setup?.scenario !== 'string' || typeof setup.length !== 'number') return null;
  return { kind: saved.kind, scenario: setup.scenario, length: setup.length };
}

/** Keeps the game; a browser that refuses (storage full or turned off) loses only the resume. */
export function saveGame(saved: SavedGame): boolean {
  try {
    localStorage.setItem(KEY, JSON.stringify(saved));
    return true;
  } catch {
    return false;
  }
}

/** Moves a save that cannot be resumed out of the way, kept (under another key) rather than deleted. */
export function setSavedGameAside(): void {
  try {
    const text = localStorage.getItem(KEY);
    if (text !== null) localStorage.setItem(`${KEY}:set-aside`, text);
    localStorage.removeItem(KEY);
  } catch {
    // Nothing kept, nothing to move.
  }
}

export function forgetSavedGame(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing kept, nothing to forget.
  }
}
