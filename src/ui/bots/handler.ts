/**
 * What the bot worker does with one message, as a plain function: the worker entry
 * (`bot.worker.ts`) only wires it to `postMessage`, so tests run the very same code in-process.
 */
import { decide } from '../../bots';
import { SIDE_NAMES, actingSide } from '../../game';
import { parseRequest, type BotAnswer } from './protocol';

const failed = (id: number | null, message: string): BotAnswer => ({ kind: 'failed', id, message });

/** Answers a request: the bot's decision, or a message saying why it could not decide. */
export function answerRequest(data: unknown): BotAnswer {
  const parsed = parseRequest(data);
  if (!parsed.ok) return failed(parsed.id, parsed.problem);
  const { id, side, config, G, ctx } = parsed.value;
  // R12: a bot decides from its own seat's view only; refuse anything else rather than peek.
  if (G.view?.seat !== side) return failed(id, `The ${SIDE_NAMES[side]} bot may only read ${SIDE_NAMES[side]}’s own view of the game.`);
  if (actingSide(G, ctx) !== side) return failed(id, `It is not ${SIDE_NAMES[side]}’s move in this position.`);
  try {
    const decision = decide(G, ctx, config);
    return { kind: 'decision', id, move: decision.move, reason: decision.reason };
  } catch (error) {
    return failed(id, error instanceof Error ? error.message : String(error));
  }
}
