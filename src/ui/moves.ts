/**
 * The one way the interface makes a move: a play becomes the registry's move (`toMove`) and
 * goes through a boardgame.io client, whichever screen holds it (hot seat, computer, online).
 */
import { toMove, type Play } from '../game';

/** The part of a boardgame.io client that makes moves. */
export interface MoveMaker {
  moves: Record<string, ((...args: unknown[]) => void) | undefined>;
}

export function sendPlay(client: MoveMaker, play: Play, reason?: string): void {
  const { move, args } = toMove(play, reason);
  client.moves[move]?.(...args);
}
