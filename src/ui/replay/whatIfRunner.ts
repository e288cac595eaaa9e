/**
 * The page's side of "what if?" (issue 14): shares the playouts of both futures among a few
 * workers (one a core, at most four), gathers each playout as it ends, tells the page how far
 * it has got, and sums the two futures up when every playout is in. Cancelling stops the
 * workers at once. A worker that fails, sends nonsense or falls silent stops the run with a
 * message that says so; the page stays as it was and the run can be tried again.
 */
import type { GameRecord, Side } from '../../game';
import { summarizeFuture, type Comparison, type FutureSpan, type PlayoutOutcome } from '../../sim/fork';
import type { BotLevel, Persona } from '../../bots/types';
import { workerPort, type WorkerPort } from '../bots/browserWorker';
import { parseRunAnswer, type RunRequest } from './whatIfProtocol';

export type WhatIfPort = WorkerPort<RunRequest>;

/** The fork and the settings of one run. */
export interface WhatIfJob {
  readonly record: GameRecord;
  readonly at: number;
  readonly side: Side;
  /** The fork's round and the game's last (for the summary's rounds). */
  readonly span: FutureSpan;
  /** `playKey`s of the play really made and of the one tried instead. */
  readonly real: string;
  readonly instead: string;
  readonly playouts: number;
  readonly level: BotLevel;
  readonly persona: Persona;
  readonly seed: number;
}

export interface WhatIfListener {
  /** Playouts ended so far, of both futures together, and how many there will be. */
  progress(done: number, total: number): void;
  done(comparison: Comparison): void;
  failed(message: string): void;
}

export interface WhatIfRun {
  /** Stops the workers; nothing more is heard from this run. */
  cancel(): void;
}

/** No word from a worker for this long and the run is taken to be stuck (a hard playout takes about half a second). */
export const STALL_MS = 30_000;

export const browserWhatIfWorker = (): WhatIfPort => workerPort(new Worker(new URL('./whatIf.worker.ts', import.meta.url), { type: 'module' }));

/** How many workers to start: one a core the browser admits to, at most four, never more than the playouts. */
export function workerCount(playouts: number): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(4, cores, playouts));
}

let lastId = 0;

export function runWhatIf(
  job: WhatIfJob,
  listener: WhatIfListener,
  { makeWorker = browserWhatIfWorker, workers = workerCount(job.playouts), stallMs = STALL_MS }: { makeWorker?: () => WhatIfPort; workers?: number; stallMs?: number } = {},
): WhatIfRun {
  lastId += 1;
  const id = lastId;
  const outcomes = { real: new Array<PlayoutOutcome | undefined>(job.playouts), instead: new Array<PlayoutOutcome | undefined>(job.playouts) };
  const total = job.playouts * 2;
  let ended = 0;
  // An object, not a `let`: the callbacks set it, and the loop below must see that.
  const run = { finished: false };
  const ports: WhatIfPort[] = [];
  const busy = new Set<WhatIfPort>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stop = () => {
    run.finished = true;
    clearTimeout(timer);
    for (const port of ports) port.terminate();
  };
  const fail = (message: string) => {
    if (run.finished) return;
    stop();
    listener.failed(message);
  };
  const watch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => fail(`The simulation stopped answering for ${Math.round(stallMs / 1000)} seconds.`), stallMs);
  };
  const complete = () => {
    const real = outcomes.real.filter((o): o is PlayoutOutcome => o !== undefined);
    const instead = outcomes.instead.filter((o): o is PlayoutOutcome => o !== undefined);
    if (real.length !== job.playouts || instead.length !== job.playouts) {
      fail('The simulation finished without every playout.');
      return;
    }
    stop();
    listener.done({ at: job.at, side: job.side, round: job.span.from, real: summarizeFuture(job.real, job.span, real), instead: summarizeFuture(job.instead, job.span, instead) });
  };

  const onMessage = (port: WhatIfPort, data: unknown) => {
    if (run.finished) return;
    const parsed = parseRunAnswer(data);
    if (!parsed.ok) {
      fail(parsed.problem);
      return;
    }
    const answer = parsed.value;
    if (answer.id !== id) return; // not this run's
    watch();
    if (answer.kind === 'failed') {
      fail(answer.message);
      return;
    }
    if (answer.kind === 'done') {
      busy.delete(port);
      if (busy.size === 0) complete();
      return;
    }
    const list = outcomes[answer.future];
    if (answer.index >= job.playouts || list[answer.index] !== undefined || answer.outcome.tracks.length !== job.span.last - job.span.from + 1) {
      fail('The simulation sent a playout that does not fit.');
      return;
    }
    list[answer.index] = answer.outcome;
    ended += 1;
    listener.progress(ended, total);
  };

  listener.progress(0, total);
  try {
    for (let shard = 0; shard < workers && !run.finished; shard += 1) {
      const port = makeWorker();
      ports.push(port);
      busy.add(port);
      port.listen(
        (data) => onMessage(port, data),
        (message) => fail(`The simulation stopped: ${message}.`),
      );
      const { record, at, instead, level, persona, seed, playouts } = job;
      port.postMessage({ kind: 'run', id, record, at, instead, level, persona, seed, playouts, shard, shards: workers });
    }
    if (!run.finished) watch();
  } catch (error) {
    fail(`The simulation could not start: ${error instanceof Error ? error.message : String(error)}.`);
  }
  return {
    cancel: () => {
      if (!run.finished) stop();
    },
  };
}
