/**
 * A Web Worker that plays "what if?" futures (issue 14), so that hundreds of playouts never
 * block the page. The page starts one a core (whatIfRunner.ts) and stops it to cancel.
 */
import { runRequest } from './whatIfHandler';
import type { RunAnswer } from './whatIfProtocol';

/** The worker's global scope, typed by hand (see src/ui/bots/bot.worker.ts). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage: (answer: RunAnswer) => void;
};

scope.onmessage = (event) => runRequest(event.data, (answer) => scope.postMessage(answer));
