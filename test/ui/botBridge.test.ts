/** The bot worker's message handler and the page's bridge to it (R12: the bot reads only its own view). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PLAYER_OF, actingSide, botReasonSchema, reasonProblem, toPlay, whyRefused, type Side } from '../../src/game';
import { playerView } from '../../src/game/view';
import { createHeadlessMatch } from '../../src/sim/headless';
import { createBotBridge } from '../../src/ui/bots/bridge';
import { answerRequest } from '../../src/ui/bots/handler';
import type { DecideRequest } from '../../src/ui/bots/protocol';
import { fakeBotWorker, fakeWorkers } from '../helpers/fakeBotWorker';

const CONFIG = { level: 'easy', persona: 'balanced', seed: 3 } as const;

/** Round 1 of a quick game after Washington passed: Beijing to act. */
function position() {
  const match = createHeadlessMatch('bridge-test', { scenario: '2025', length: 4 });
  expect(match.move(PLAYER_OF.us, 'pass')).toBe(true);
  return match.state;
}

function request(side: Side = 'cn', seat: Side = side, id = 1): DecideRequest {
  const { G, ctx } = position();
  return { kind: 'decide', id, side, config: CONFIG, G: playerView({ G, ctx, playerID: PLAYER_OF[seat] }), ctx };
}

/** A worker's answer: a pass whose reason (keeping `keep` leverage) tells the answers apart. */
function decision(id: number, keep: number) {
  const reason = { kind: 'pass', why: { kind: 'saveLeverage', keep } };
  return { kind: 'decision', id, move: { move: 'pass', args: [reason] }, reason };
}
const kept = (keep: number) => ({ reason: { kind: 'pass', why: { keep } } });

afterEach(() => {
  vi.useRealTimers();
});

describe('the bot worker’s handler', () => {
  it('R12 answers with a legal move from the bot’s own view, its reason last', () => {
    const asked = request('cn');
    const answer = answerRequest(asked);
    expect(answer.kind).toBe('decision');
    if (answer.kind !== 'decision') return;
    expect(answer.id).toBe(1);
    // The reason is a code the page words (R12), the same one the move carries.
    expect(answer.move.args.at(-1)).toEqual(answer.reason);
    expect(botReasonSchema.safeParse(answer.reason).success).toBe(true);
    expect(reasonProblem(answer.move.move, answer.move.args)).toBeNull();
    const play = toPlay(answer.move.move, answer.move.args);
    expect(play).not.toBeNull();
    const { G, ctx } = position();
    expect(actingSide(G, ctx)).toBe('cn');
    if (play) expect(whyRefused(G, ctx, 'cn', play)).toBeNull();
  });

  it('R12 refuses to decide from another seat’s view', () => {
    const answer = answerRequest(request('cn', 'us'));
    expect(answer).toEqual({ kind: 'failed', id: 1, message: expect.stringMatching(/Beijing bot may only read Beijing’s own view/) });
  });

  it('refuses to decide for a side that need not act', () => {
    const asked = request('cn');
    const answer = answerRequest({ ...asked, side: 'us', G: { ...asked.G, view: { ...asked.G.view, seat: 'us' } } });
    expect(answer).toEqual({ kind: 'failed', id: 1, message: 'It is not Washington’s move in this position.' });
  });

  it('says what is wrong with a malformed request, keeping its id when it can', () => {
    const answer = answerRequest({ ...request(), config: { level: 'expert', persona: 'hawk', seed: 1 } });
    expect(answer).toMatchObject({ kind: 'failed', id: 1, message: expect.stringMatching(/malformed request: config\.level/) });
    expect(answerRequest('hello')).toMatchObject({ kind: 'failed', id: null });
  });
});

describe('the bridge to the bot worker', () => {
  it('matches each answer to its request by id, whatever the order', async () => {
    const workers = fakeWorkers(() => fakeBotWorker({ hold: true }));
    const bridge = createBotBridge(workers.make);
    const { kind: _kind, id: _id, ...asked } = request();
    const first = bridge.decide(asked);
    const second = bridge.decide(asked);
    const worker = workers.made[0];
    if (!worker) throw new Error('no worker was started');
    const [a, b] = worker.waiting.map((r) => r.id);
    expect(a).not.toBe(b);
    worker.send(decision(b ?? 0, 2));
    worker.send(decision(a ?? 0, 1));
    await expect(first).resolves.toMatchObject(kept(1));
    await expect(second).resolves.toMatchObject(kept(2));
    expect(workers.made).toHaveLength(1);
  });

  it('ignores stale answers: unknown ids, repeats, and answers after a time-out', async () => {
    vi.useFakeTimers();
    const workers = fakeWorkers(() => fakeBotWorker({ hold: true }));
    const bridge = createBotBridge(workers.make, { timeoutMs: 1000 });
    const { kind: _kind, id: _id, ...asked } = request();
    const answered = bridge.decide(asked);
    const worker = workers.made[0];
    const id = worker?.waiting[0]?.id ?? 0;
    worker?.send(decision(id + 100, 100));
    worker?.send(decision(id, 1));
    worker?.send(decision(id, 2));
    await expect(answered).resolves.toMatchObject(kept(1));

    const late = bridge.decide(asked);
    const lateId = worker?.waiting[1]?.id ?? 0;
    const settled = expect(late).rejects.toThrow('The computer took longer than 1 seconds to decide.');
    await vi.advanceTimersByTimeAsync(1001);
    await settled;
    expect(worker?.terminated).toBe(true);
    worker?.send(decision(lateId, 3));

    // The next decision goes to a new worker; only that worker may answer it.
    const next = bridge.decide(asked);
    const fresh = workers.made[1];
    const nextId = fresh?.waiting[0]?.id ?? 0;
    expect(nextId).not.toBe(lateId);
    worker?.send(decision(nextId, 4));
    fresh?.send(decision(nextId, 5));
    await expect(next).resolves.toMatchObject(kept(5));
  });

  it('turns a worker failure into a rejected promise with a clear message, then starts afresh', async () => {
    const workers = fakeWorkers((index) => fakeBotWorker({ hold: index === 0 }));
    const bridge = createBotBridge(workers.make);
    const { kind: _kind, id: _id, ...asked } = request();
    const failed = bridge.decide(asked);
    workers.made[0]?.crash('Uncaught ReferenceError: oops');
    await expect(failed).rejects.toThrow('The computer opponent stopped working: Uncaught ReferenceError: oops.');
    expect(workers.made[0]?.terminated).toBe(true);
    // The next decision runs in a new worker, with the real handler.
    const retried = await bridge.decide(asked);
    expect(workers.made).toHaveLength(2);
    expect(retried.move.args.at(-1)).toEqual(retried.reason);
  });

  it('R12 rejects a decision whose answer is malformed (its move, or a reason in words or of the wrong shape), and one the worker could not make', async () => {
    const workers = fakeWorkers(() => fakeBotWorker({ hold: true }));
    const bridge = createBotBridge(workers.make);
    const { kind: _kind, id: _id, ...asked } = request();
    const [malformed, asWords, badCode, refused] = [1, 2, 3, 4].map(() => bridge.decide(asked));
    const [a, b, c, d] = workers.made[0]?.waiting.map((r) => r.id) ?? [];
    workers.made[0]?.send({ ...decision(a ?? 0, 1), move: { move: 'launch', args: [] } });
    workers.made[0]?.send({ ...decision(b ?? 0, 1), reason: 'Passed: I am nearly out of leverage' });
    workers.made[0]?.send({ ...decision(c ?? 0, 1), reason: { kind: 'pass', why: { kind: 'bored' } } });
    workers.made[0]?.send({ kind: 'failed', id: d, message: 'No side must act: the game is over.' });
    await expect(malformed).rejects.toThrow(/malformed answer: move\.move: not a De-Risk move/);
    await expect(asWords).rejects.toThrow(/malformed answer: reason/);
    await expect(badCode).rejects.toThrow(/malformed answer: reason/);
    await expect(refused).rejects.toThrow('No side must act: the game is over.');
  });

  it('once terminated, rejects waiting and later decisions and stops the worker', async () => {
    const workers = fakeWorkers(() => fakeBotWorker({ hold: true }));
    const bridge = createBotBridge(workers.make);
    const { kind: _kind, id: _id, ...asked } = request();
    const waiting = bridge.decide(asked);
    bridge.terminate();
    bridge.terminate();
    await expect(waiting).rejects.toThrow('The computer opponent has been stopped.');
    await expect(bridge.decide(asked)).rejects.toThrow('The computer opponent has been stopped.');
    expect(workers.made[0]?.terminated).toBe(true);
  });
});
