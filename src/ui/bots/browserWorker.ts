/** The real bot worker, started by Vite's worker URL pattern (bundled as its own chunk). */
import type { BotWorkerPort } from './bridge';

export function browserWorker(): BotWorkerPort {
  const worker = new Worker(new URL('./bot.worker.ts', import.meta.url), { type: 'module' });
  return {
    postMessage: (request) => worker.postMessage(request),
    terminate: () => worker.terminate(),
    listen(onMessage, onFailure) {
      worker.onmessage = (event: MessageEvent<unknown>) => onMessage(event.data);
      worker.onerror = (event: Event) => {
        // Handled here: keep the browser from also reporting it as an uncaught page error.
        event.preventDefault();
        const message = 'message' in event && typeof event.message === 'string' && event.message ? event.message : 'its script could not be loaded';
        onFailure(message);
      };
      worker.onmessageerror = () => onFailure('an answer could not be read');
    },
  };
}
