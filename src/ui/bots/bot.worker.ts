/**
 * The Web Worker in which the computer opponents think, so that a hard decision (up to a few
 * hundred milliseconds) never blocks the page. Loaded by `browserWorker.ts`.
 */
import type { BotAnswer } from './protocol';
import { answerRequest } from './handler';

/**
 * The worker's global scope, typed by hand: the project compiles against the DOM library,
 * where `self` is a Window, and the WebWorker library cannot be loaded beside it.
 */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage: (answer: BotAnswer) => void;
};

scope.onmessage = (event) => scope.postMessage(answerRequest(event.data));
