/**
 * The one way the interface makes a move: a play becomes the registry's move (`toMove`) and
 * goes through a boardgame.io client, whichever screen holds it (hot seat, computer, online).
 *
 * A person's one-line reason (R12) travels beside the play: the board hands its screen the play
 * and the words from its "Why?" field (`reasonLine`), and `sendPlay` sends them as the move's
 * last argument.
 */
import { REASON_MAX, toMove, type Play } from '../game';

/** The part of a boardgame.io client that makes moves. */
export interface MoveMaker {
  moves: Record<string, ((...args: unknown[]) => void) | undefined>;
}

/**
 * A person's words as one line (whitespace collapsed and trimmed, at most `REASON_MAX`
 * characters, as the engine keeps them), or undefined when there are none.
 */
export function reasonLine(text: string): string | undefined {
  const line = text.replace(/\s+/g, ' ').trim().slice(0, REASON_MAX).trim();
  return line === '' ? undefined : line;
}

/** Sends a play as its move, with the person's reason (R12) as its last argument when there is one. */
export function sendPlay(client: MoveMaker, play: Play, reason?: string): void {
  const { move, args } = toMove(play, reason);
  client.moves[move]?.(...args);
}
