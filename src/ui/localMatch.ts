/**
 * Local matches (hot seat, against the computer), made by code that loads when a game starts:
 * the first visit downloads the start screen only, not the engine, the content or
 * boardgame.io. Once the start screen has loaded and sits idle, the hot-seat board is fetched
 * ahead, so that "Start the game" seldom waits for the network.
 */
import type { SetupData } from '../game';
import type { ComputerMatch } from './bots/computerMatch';
import type { ComputerOpponent } from './bots/opponent';
import type { DeRiskClient } from './hotseat/client';

/** A match of this tab, kept by the app shell so that it survives a visit to the rulebook. */
export type LocalMatch = { readonly id: number; readonly stop: () => void } & (
  | { readonly kind: 'hotseat'; readonly client: DeRiskClient }
  | { readonly kind: 'computer'; readonly game: ComputerMatch }
);

/** The hot-seat client and its board, fetched together (they share the engine's chunks). */
const loadHotSeat = () => Promise.all([import('./hotseat/client'), import('./hotseat/HotSeat')]);

/** Starts a hot-seat match, or one against `opponent`, numbered `id`. */
export async function createLocalMatch(id: number, setup: SetupData, opponent?: ComputerOpponent): Promise<LocalMatch> {
  if (!opponent) {
    const [{ createHotSeatClient, stopOnce }] = await loadHotSeat();
    const client = createHotSeatClient(setup);
    return { id, kind: 'hotseat', client, stop: () => stopOnce(client) };
  }
  const { createComputerMatch } = await import('./bots/computerMatch');
  const game = createComputerMatch(setup, opponent);
  return { id, kind: 'computer', game, stop: () => game.stop() };
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
