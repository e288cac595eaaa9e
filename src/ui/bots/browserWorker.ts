/** Real Web Workers behind the small port the page's bridges use, so that tests can pass fakes. */
import type { DecideRequest } from './protocol';

/** The little a bridge needs from a worker: send a request, stop it, hear its messages and failures. */
export interface WorkerPort<Request> {
  postMessage(request: Request): void;
  terminate(): void;
  /** Connects the worker's messages, and its failures (a script error, an unreadable message). */
  listen(onMessage: (data: unknown) => void, onFailure: (message: string) => void): void;
}

/** Adapts a started worker to the port. */
export function workerPort<Request>(worker: Worker): WorkerPort<Request> {
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
      worker.onmessageerror = () => onFailure('a message could not be read');
    },
  };
}

/** The bot worker, started by Vite's worker URL pattern (bundled as its own chunk). */
export const browserWorker = (): WorkerPort<DecideRequest> => workerPort(new Worker(new URL('./bot.worker.ts', import.meta.url), { type: 'module' }));
