/**
 * An in-process stand-in for the bot's Web Worker, running the real message handler. Messages
 * are copied with `structuredClone` both ways, as `postMessage` would, and answered on a later
 * tick; with `hold`, requests wait until the test calls `release()`, so the test can look at
 * the page while the computer is "thinking".
 */
import type { BotWorkerPort } from '../../src/ui/bots/bridge';
import { answerRequest } from '../../src/ui/bots/handler';
import type { DecideRequest } from '../../src/ui/bots/protocol';

export interface FakeBotWorker extends BotWorkerPort {
  /** Requests received and not yet answered. */
  readonly waiting: DecideRequest[];
  /** Every request received. */
  readonly received: DecideRequest[];
  terminated: boolean;
  /** Answers every waiting request with the real handler. */
  release(): void;
  /** Sends any message, as if from the worker. */
  send(data: unknown): void;
  /** Fails as a worker whose script threw would. */
  crash(message: string): void;
}

export function fakeBotWorker({ hold = false }: { hold?: boolean } = {}): FakeBotWorker {
  let onMessage: (data: unknown) => void = () => undefined;
  let onFailure: (message: string) => void = () => undefined;
  const answer = (request: DecideRequest) => setTimeout(() => worker.send(answerRequest(request)), 0);
  const worker: FakeBotWorker = {
    waiting: [],
    received: [],
    terminated: false,
    postMessage(request) {
      const copy = structuredClone(request);
      worker.received.push(copy);
      if (hold) worker.waiting.push(copy);
      else answer(copy);
    },
    terminate() {
      worker.terminated = true;
    },
    listen(message, failure) {
      onMessage = message;
      onFailure = failure;
    },
    release() {
      for (const request of worker.waiting.splice(0)) answer(request);
    },
    // Delivers even after `terminate()`: ignoring a retired worker is the bridge's job.
    send(data) {
      onMessage(structuredClone(data));
    },
    crash(message) {
      onFailure(message);
    },
  };
  return worker;
}

/** A worker factory that remembers what it made; `next` shapes each new worker. */
export function fakeWorkers(next: (index: number) => FakeBotWorker = () => fakeBotWorker()) {
  const made: FakeBotWorker[] = [];
  return {
    made,
    make: (): BotWorkerPort => {
      const worker = next(made.length);
      made.push(worker);
      return worker;
    },
  };
}
