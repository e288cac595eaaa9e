/**
 * The page's side of the bot worker: one Promise per decision, matched to its answer by the
 * request's id. Answers for requests that are no longer waiting (timed out, or sent by a
 * worker that has since been replaced) are ignored. When the worker fails, every waiting
 * decision is rejected with a message and the next one starts a fresh worker, so a retry can
 * succeed without losing the game.
 */
import type { BotDecision } from '../../bots/types';
import { browserWorker, type WorkerPort } from './browserWorker';
import { parseAnswer, type DecideRequest } from './protocol';

/** The bot worker as the bridge sees it: `browserWorker()` adapts a real one, tests pass a fake. */
export type BotWorkerPort = WorkerPort<DecideRequest>;

/** A request as the caller gives it; the bridge adds the kind and the id. */
export type DecisionRequest = Omit<DecideRequest, 'kind' | 'id'>;

export interface BotBridge {
  /** The bot's decision in this position; rejects with a readable message if there is none. */
  decide(request: DecisionRequest): Promise<BotDecision>;
  /** Stops the worker for good: waiting and later decisions are rejected. */
  terminate(): void;
}

/** A hard decision takes well under a second; past this the worker is taken to be stuck. */
export const DECISION_TIMEOUT_MS = 30_000;

interface Waiting {
  resolve: (decision: BotDecision) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
  /** The worker the request went to: only it may answer. */
  worker: BotWorkerPort;
}

export function createBotBridge(makeWorker: () => BotWorkerPort = browserWorker, { timeoutMs = DECISION_TIMEOUT_MS } = {}): BotBridge {
  const waiting = new Map<number, Waiting>();
  let worker: BotWorkerPort | null = null;
  let lastId = 0;
  let stopped = false;

  const settle = (id: number): Waiting | undefined => {
    const found = waiting.get(id);
    if (found) {
      clearTimeout(found.timer);
      waiting.delete(id);
    }
    return found;
  };

  /** Drops a broken worker and rejects what it still owed; the next request starts another. */
  const retire = (broken: BotWorkerPort, message: string) => {
    for (const [id, entry] of waiting) if (entry.worker === broken) settle(id)?.reject(new Error(message));
    broken.terminate();
    if (worker === broken) worker = null;
  };

  const onMessage = (from: BotWorkerPort, data: unknown) => {
    const parsed = parseAnswer(data);
    if (!parsed.ok) {
      if (parsed.id === null) retire(from, parsed.problem);
      else if (waiting.get(parsed.id)?.worker === from) settle(parsed.id)?.reject(new Error(parsed.problem));
      return;
    }
    const answer = parsed.value;
    if (answer.id === null) {
      // The worker could not even read which request it was answering.
      if (answer.kind === 'failed') retire(from, answer.message);
      return;
    }
    if (waiting.get(answer.id)?.worker !== from) return; // stale: nobody waits for it any more
    const entry = settle(answer.id);
    if (answer.kind === 'decision') entry?.resolve({ move: answer.move, reason: answer.reason });
    else entry?.reject(new Error(answer.message));
  };

  const connect = (): BotWorkerPort => {
    if (worker) return worker;
    const created = makeWorker();
    created.listen(
      (data) => onMessage(created, data),
      (message) => retire(created, `The computer opponent stopped working: ${message}.`),
    );
    worker = created;
    return created;
  };

  return {
    decide(request) {
      if (stopped) return Promise.reject(new Error('The computer opponent has been stopped.'));
      return new Promise<BotDecision>((resolve, reject) => {
        lastId += 1;
        const id = lastId;
        try {
          const target = connect();
          const timer = setTimeout(() => retire(target, `The computer took longer than ${Math.round(timeoutMs / 1000)} seconds to decide.`), timeoutMs);
          waiting.set(id, { resolve, reject, timer, worker: target });
          target.postMessage({ kind: 'decide', id, ...request });
        } catch (error) {
          // The worker could not be started, or the position could not be sent to it.
          settle(id);
          reject(new Error(`The computer opponent could not be asked: ${error instanceof Error ? error.message : String(error)}`));
        }
      });
    },
    terminate() {
      if (stopped) return;
      stopped = true;
      for (const id of [...waiting.keys()]) settle(id)?.reject(new Error('The computer opponent has been stopped.'));
      worker?.terminate();
      worker = null;
    },
  };
}
