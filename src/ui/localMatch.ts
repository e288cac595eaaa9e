/**
 * Local matches (hot seat, against the computer), made by code that loads when a game starts:
 * the first visit downloads the start screen only, not the engine, the content or
 * boardgame.io. Once the start screen has loaded and sits idle, the hot-seat board is fetched
 * ahead, so that "Start the game" seldom waits for the network.
 */
import type { SetupData } from '../game';
import type { RecordedMove } from '../game/record';
import type { ComputerMatch } from './bots/computerMatch';
import type { ComputerOpponent } from './bots/opponent';
import type { DeRiskClient } from './hotseat/client';
import { readSavedGame } from './savedGame';

/** A match of this tab, kept by the app shell so that it survives a visit to the rulebook. */
export type LocalMatch = { readonly id: number; readonly stop: () => void } & (
  | { readonly kind: 'hotseat'; readonly client: DeRiskClient }
  | { readonly kind: 'computer'; readonly game: ComputerMatch }
);

/** The hot-seat client and its board, fetched together (they share the engine's chunks). */
const loadHotSeat = () => Promise.all([import('./hotseat/client'), import('./hotseat/HotSeat')]);

/**
 * Starts a hot-seat match, or one against `opponent`, numbered `id`, with a fresh seed; it is
 * saved in the browser after every move (savedGame.ts) until the next game replaces it.
 */
export async function createLocalMatch(id: number, setup: SetupData, opponent?: ComputerOpponent): Promise<LocalMatch> {
  const { newSeed } = await import('./resume');
  const seed = newSeed();
  if (!opponent) return hotSeatMatch(id, setup, seed, []);
  return computerMatch(id, setup, seed, opponent, Math.floor(Math.random() * 2 ** 31), []);
}

/**
 * Resumes the game saved in this browser, or `save` (a fork of a replayed game: issue 14): its
 * record is checked and played again through the engine, then into a new match's clients, which
 * go on saving. Rejects with a ResumeError (its reason) when it cannot be resumed, changing nothing.
 */
export async function resumeLocalMatch(id: number, save: unknown = readSavedGame()): Promise<LocalMatch> {
  const { checkedSave } = await import('./resume');
  const saved = checkedSave(save);
  const { setup, seed, moves } = saved.record;
  if (saved.kind === 'hotseat') return hotSeatMatch(id, setup, seed, moves);
  return computerMatch(id, setup, seed, saved.opponent, saved.botSeed, moves);
}

async function hotSeatMatch(id: number, setup: SetupData, seed: string, moves: readonly RecordedMove[]): Promise<LocalMatch> {
  const [[{ createHotSeatClient, stopOnce }], { keepSaving, replayHotSeat }] = await Promise.all([loadHotSeat(), import('./resume')]);
  const client = createHotSeatClient(setup, seed);
  try {
    replayHotSeat(client, moves);
  } catch (error) {
    stopOnce(client);
    throw error;
  }
  const stopSaving = keepSaving([client], setup, seed, (record) => ({ kind: 'hotseat', record }));
  return {
    id,
    kind: 'hotseat',
    client,
    stop: () => {
      stopSaving();
      stopOnce(client);
    },
  };
}

async function computerMatch(id: number, setup: SetupData, seed: string, opponent: ComputerOpponent, botSeed: number, moves: readonly RecordedMove[]): Promise<LocalMatch> {
  const [{ createComputerMatch }, { keepSaving, replayComputer }] = await Promise.all([import('./bots/computerMatch'), import('./resume')]);
  const game = createComputerMatch(setup, opponent, { seed, botSeed });
  try {
    await replayComputer(game, moves);
  } catch (error) {
    game.stop();
    throw error;
  }
  const stopSaving = keepSaving([game.human, game.bot], setup, seed, (record) => ({ kind: 'computer', record, opponent, botSeed }));
  return {
    id,
    kind: 'computer',
    game,
    stop: () => {
      stopSaving();
      game.stop();
    },
  };
}

/**
 * Fetches the hot-seat board once the page has loaded and the browser is idle, so that it
 * never competes with the start screen's own files or its first paint; returns a function that
 * cancels it if it has not begun.
 */
export function prefetchHotSeat(): () => void {
  let cancel = () => {};
  const whenIdle = () => {
    const begin = () => void loadHotSeat().catch(() => undefined);
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(begin, { timeout: 3000 });
      cancel = () => window.cancelIdleCallback(handle);
    } else {
      const timer = setTimeout(begin, 500);
      cancel = () => clearTimeout(timer);
    }
  };
  if (document.readyState === 'complete') whenIdle();
  else {
    window.addEventListener('load', whenIdle, { once: true });
    cancel = () => window.removeEventListener('load', whenIdle);
  }
  return () => cancel();
}
