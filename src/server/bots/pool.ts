/**
 * A small shared pool of decision threads (worker_threads) for the server's bots. A hard bot
 * thinks for up to a few hundred milliseconds of CPU: on the event loop that would stall every
 * socket of every match, so decisions are queued here and run one per thread at a time.
 * Threads start when first needed and are replaced if one fails or runs past its time.
 */
import { Worker } from 'node:worker_threads';
import type { Ctx } from 'boardgame.io';
import type { BotConfig, BotDecision } from '../../bots/types';
import type { DeRiskState } from '../../game';
import type { DecisionAnswer, DecisionRequest } from './worker';

interface Task {
  request: DecisionRequest;
  resolve: (decision: BotDecision) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  task: Task | null;
  timer: NodeJS.Timeout | undefined;
}

/**
 * The decision thread's file. The production bundle (dist-server/server.cjs, where esbuild sets
 * import.meta.url) has it beside it as bot-worker.cjs; from source, devWorker.mjs loads
 * worker.ts through tsx.
 */
function startWorker(): Worker {
  const self = import.meta.url;
  if (self.endsWith('.cjs')) return new Worker(new URL('./bot-worker.cjs', self));
  return new Worker(new URL('./devWorker.mjs', self), { workerData: { entry: new URL('./worker.ts', self).href } });
}

export class DecisionPool {
  private readonly threads = new Set<Thread>();
  private readonly queue: Task[] = [];
  private nextID = 1;
  private closed = false;

  constructor(
    private readonly size: number,
    /** A decision still running after this long is abandoned and its thread replaced. */
    private readonly timeoutMs = 15_000,
  ) {}

  /** Running threads (for tests: none after `close`). */
  get threadCount(): number {
    return this.threads.size;
  }

  decide(G: DeRiskState, ctx: Ctx, config: BotConfig): Promise<BotDecision> {
    if (this.closed) return Promise.reject(new Error('The decision pool is closed.'));
    return new Promise<BotDecision>((resolve, reject) => {
      this.queue.push({ request: { id: this.nextID++, G, ctx, config }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error('The decision pool is closed.'));
    await Promise.all([...this.threads].map((thread) => this.retire(thread, new Error('The decision pool is closed.'))));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const thread = [...this.threads].find((t) => t.task === null) ?? (this.threads.size < this.size ? this.spawn() : null);
      const task = thread && this.queue.shift();
      if (!thread || !task) return;
      thread.task = task;
      thread.timer = setTimeout(() => void this.retire(thread, new Error('The bot took too long to decide.')), this.timeoutMs);
      thread.worker.postMessage(task.request);
    }
  }

  private spawn(): Thread {
    const thread: Thread = { worker: startWorker(), task: null, timer: undefined };
    // An idle thread must not keep the process alive; the sockets of running bots do that.
    thread.worker.unref();
    thread.worker.on('message', (answer: DecisionAnswer) => {
      const task = thread.task;
      if (!task || task.request.id !== answer.id) return;
      clearTimeout(thread.timer);
      thread.task = null;
      if (answer.ok) task.resolve(answer.decision);
      else task.reject(new Error(answer.message));
      this.dispatch();
    });
    thread.worker.on('error', (error) => void this.retire(thread, error));
    thread.worker.on('exit', () => void this.retire(thread, new Error('The decision thread stopped.')));
    this.threads.add(thread);
    return thread;
  }

  /** Stops a thread, fails its task, and lets the queue go on with a fresh thread. */
  private async retire(thread: Thread, error: Error): Promise<void> {
    if (!this.threads.delete(thread)) return;
    clearTimeout(thread.timer);
    thread.task?.reject(error);
    thread.task = null;
    await thread.worker.terminate();
    if (!this.closed) this.dispatch();
  }
}
