/**
 * "What if?" workers (issue 14): the worker's handler plays its share of both futures and refuses
 * what it cannot trust; the page's runner shares the playouts among workers, reports progress,
 * and turns a cancel, a crash, nonsense or silence into a clear end, never a frozen page.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { alternatives, compareFutures, forkPoint, playKey, spanOf, type Comparison, type ForkPoint } from '../../src/sim/fork';
import { runRequest } from '../../src/ui/replay/whatIfHandler';
import type { RunAnswer, RunRequest } from '../../src/ui/replay/whatIfProtocol';
import { runWhatIf, type WhatIfJob, type WhatIfPort } from '../../src/ui/replay/whatIfRunner';
import { finishedGame } from '../helpers/finishedGame';

const record = finishedGame('what-if-worker');
const AT = 2;
const found = forkPoint(record, AT);
if ('problem' in found) throw new Error(found.problem);
const point: ForkPoint = found;
const instead = alternatives(point)[0];
if (!instead) throw new Error('no other play at the fork');
const options = { playouts: 6, level: 'easy', persona: 'balanced', seed: 9 } as const;

const job: WhatIfJob = { record, at: AT, side: point.side, span: spanOf(point), real: playKey(point.real), instead: playKey(instead), ...options };
const request = (over: Partial<RunRequest> = {}): RunRequest => {
  const { record: r, at, instead: i, level, persona, seed, playouts } = job;
  return { kind: 'run', id: 1, record: r, at, instead: i, level, persona, seed, playouts, shard: 0, shards: 1, ...over };
};

function answers(data: unknown): RunAnswer[] {
  const out: RunAnswer[] = [];
  runRequest(data, (answer) => out.push(answer));
  return out;
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the what-if worker’s handler', () => {
  it('plays its shard of both futures, each playout as it ends, then says it is done', () => {
    const out = answers(request({ shard: 1, shards: 2 }));
    const outcomes = out.filter((a) => a.kind === 'outcome');
    expect(outcomes.map((a) => [a.future, a.index])).toEqual([
      ['real', 1],
      ['instead', 1],
      ['real', 3],
      ['instead', 3],
      ['real', 5],
      ['instead', 5],
    ]);
    expect(out.at(-1)).toEqual({ kind: 'done', id: 1 });
    // One row of every track a round, from the fork's round to the last.
    for (const a of outcomes) expect(a.outcome.tracks).toHaveLength(job.span.last - job.span.from + 1);
  });

  it('refuses a play the side could not have made there, the real move itself among them', () => {
    expect(answers(request({ instead: 'action:noSuchAction' }))).toEqual([{ kind: 'failed', id: 1, message: expect.stringMatching(/not a play the side could have made instead at move 3/) }]);
    expect(answers(request({ instead: playKey(point.real) }))).toEqual([{ kind: 'failed', id: 1, message: expect.stringMatching(/not a play/) }]);
  });

  it('refuses a record from other rules, an edited move, and a move the game does not have', () => {
    // boardgame.io logs the edited move it refuses; the answer is what counts.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(answers(request({ record: { ...record, rules: 'other' } }))).toEqual([{ kind: 'failed', id: 1, message: expect.stringMatching(/cannot be replayed: .*other rules/) }]);
    const edited = { ...record, moves: record.moves.map((m, i) => (i === 0 ? { ...m, playerID: m.playerID === '0' ? ('1' as const) : ('0' as const) } : m)) };
    expect(answers(request({ record: edited }))[0]).toMatchObject({ kind: 'failed', id: 1 });
    expect(answers(request({ at: record.moves.length }))).toEqual([{ kind: 'failed', id: 1, message: expect.stringMatching(/there is no move/) }]);
  });

  it('answers a malformed request with its problem, and its id when it can read one', () => {
    expect(answers({ kind: 'run', id: 4, playouts: 0 })).toEqual([{ kind: 'failed', id: 4, message: expect.stringMatching(/^The simulation received a malformed request/) }]);
    expect(answers(request({ shard: 2, shards: 2 }))).toEqual([{ kind: 'failed', id: 1, message: expect.stringMatching(/shard/) }]);
    expect(answers(request({ playouts: 1_000_000 }))[0]).toMatchObject({ kind: 'failed', id: 1 });
    expect(answers('__proto__')).toEqual([{ kind: 'failed', id: null, message: expect.stringMatching(/malformed/) }]);
    expect(answers(JSON.parse('{"__proto__": {"kind": "run"}, "constructor": 1}'))[0]).toMatchObject({ kind: 'failed', id: null });
  });
});

/** A worker that runs the real handler in this process, a message at a time, as a browser would. */
function inProcessWorker(log: { started: number; stopped: number }, tamper?: (answer: RunAnswer) => unknown): () => WhatIfPort {
  return () => {
    log.started += 1;
    let stopped = false;
    let deliver: (data: unknown) => void = () => undefined;
    return {
      postMessage(message) {
        const queue: RunAnswer[] = [];
        runRequest(message, (answer) => queue.push(answer));
        // Each answer arrives in a task of its own, a millisecond apart, and none after the worker was stopped.
        for (const [k, answer] of queue.entries()) setTimeout(() => stopped || deliver(tamper ? tamper(answer) : answer), k);
      },
      terminate() {
        stopped = true;
        log.stopped += 1;
      },
      listen(onMessage) {
        deliver = onMessage;
      },
    };
  };
}

function listener() {
  const progress: [number, number][] = [];
  let resolve: (value: { done?: Comparison; failed?: string }) => void = () => undefined;
  const ended = new Promise<{ done?: Comparison; failed?: string }>((r) => (resolve = r));
  return {
    progress,
    ended,
    calls: { progress: (done: number, total: number) => progress.push([done, total]), done: (done: Comparison) => resolve({ done }), failed: (failed: string) => resolve({ failed }) },
  };
}

describe('the page’s what-if runner', () => {
  it('shares the playouts among workers and sums up exactly what one thread would, reporting each playout', async () => {
    const log = { started: 0, stopped: 0 };
    const l = listener();
    runWhatIf(job, l.calls, { makeWorker: inProcessWorker(log), workers: 3 });
    const { done } = await l.ended;
    expect(log).toEqual({ started: 3, stopped: 3 });
    expect(done).toEqual(compareFutures(point, instead, options));
    expect(l.progress[0]).toEqual([0, 12]);
    expect(l.progress.at(-1)).toEqual([12, 12]);
    expect(l.progress.map(([n]) => n)).toEqual(Array.from({ length: 13 }, (_, n) => n));
  });

  it('stops every worker when cancelled, and tells nothing more', async () => {
    vi.useFakeTimers();
    const log = { started: 0, stopped: 0 };
    const l = listener();
    let told = false;
    const run = runWhatIf(job, { ...l.calls, done: () => (told = true), failed: () => (told = true) }, { makeWorker: inProcessWorker(log), workers: 2 });
    await vi.advanceTimersByTimeAsync(1);
    // Some playouts are in, not all.
    expect(l.progress.at(-1)).toEqual([4, 12]);
    run.cancel();
    await vi.runAllTimersAsync();
    expect(log).toEqual({ started: 2, stopped: 2 });
    expect(l.progress.at(-1)).toEqual([4, 12]);
    expect(told).toBe(false);
  });

  it('turns a worker’s crash into a message and stops the others', async () => {
    const stopped: number[] = [];
    const l = listener();
    runWhatIf(job, l.calls, {
      workers: 2,
      makeWorker: () => {
        const n = stopped.length;
        stopped.push(0);
        return {
          postMessage: () => undefined,
          terminate: () => (stopped[n] = 1),
          listen: (_onMessage, onFailure) => setTimeout(() => n === 1 && onFailure('Out of memory'), 0),
        };
      },
    });
    expect(await l.ended).toEqual({ failed: 'The simulation stopped: Out of memory.' });
    expect(stopped).toEqual([1, 1]);
  });

  it('stops on an answer that is not one, and on a worker that falls silent', async () => {
    const l = listener();
    runWhatIf(job, l.calls, { makeWorker: inProcessWorker({ started: 0, stopped: 0 }, (a) => (a.kind === 'outcome' ? { ...a, outcome: { winner: 'us', sudden: 'no' } } : a)), workers: 1 });
    expect((await l.ended).failed).toMatch(/^The simulation sent a malformed answer/);

    const twice = listener();
    runWhatIf(job, twice.calls, { makeWorker: inProcessWorker({ started: 0, stopped: 0 }, (a) => (a.kind === 'outcome' ? { ...a, index: 0 } : a)), workers: 1 });
    expect((await twice.ended).failed).toBe('The simulation sent a playout that does not fit.');

    vi.useFakeTimers();
    const silent = listener();
    runWhatIf(job, silent.calls, { makeWorker: () => ({ postMessage: () => undefined, terminate: () => undefined, listen: () => undefined }), workers: 1, stallMs: 5000 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(await silent.ended).toEqual({ failed: 'The simulation stopped answering for 5 seconds.' });
  });

  it('says so when a worker cannot even be started', async () => {
    const l = listener();
    runWhatIf(job, l.calls, {
      makeWorker: () => {
        throw new Error('Workers are turned off');
      },
    });
    expect(await l.ended).toEqual({ failed: 'The simulation could not start: Workers are turned off.' });
  });
});
