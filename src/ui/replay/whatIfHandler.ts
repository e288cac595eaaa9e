/**
 * What a "what if?" worker does with one request, as a plain function that posts its answers:
 * the worker entry (`whatIf.worker.ts`) wires `post` to `postMessage`, so tests run the very same
 * code in-process. It checks the record with the engine, forks it, checks that the play tried
 * instead is one the side could really have made, then plays its share of both futures, the
 * real move's and the other's, posting each playout as it ends.
 */
import { recordProblem } from '../../game';
import { alternatives, forkPoint, playKey, playoutOutcome, type ForkPoint } from '../../sim/fork';
import { parseRunRequest, type RunAnswer, type RunRequest } from './whatIfProtocol';

/** The fork a request names, and the play to try there, or why there is none. */
function forkOf(request: RunRequest): { point: ForkPoint; index: number } | { problem: string } {
  const problem = recordProblem(request.record);
  if (problem) return { problem: `This game cannot be replayed: ${problem}.` };
  const point = forkPoint(request.record, request.at);
  if ('problem' in point) return { problem: `This game cannot be forked there: ${point.problem}.` };
  const index = alternatives(point).findIndex((play) => playKey(play) === request.instead);
  if (index < 0) return { problem: `“${request.instead}” is not a play the side could have made instead at move ${request.at + 1}.` };
  return { point, index };
}

export function runRequest(data: unknown, post: (answer: RunAnswer) => void): void {
  const parsed = parseRunRequest(data);
  if (!parsed.ok) {
    post({ kind: 'failed', id: parsed.id, message: parsed.problem });
    return;
  }
  const request = parsed.value;
  const { id } = request;
  try {
    const fork = forkOf(request);
    if ('problem' in fork) {
      post({ kind: 'failed', id, message: fork.problem });
      return;
    }
    const { point } = fork;
    const instead = alternatives(point)[fork.index];
    if (!instead) throw new Error('the play to try went missing');
    const options = { playouts: request.playouts, level: request.level, persona: request.persona, seed: request.seed };
    for (let i = request.shard; i < request.playouts; i += request.shards) {
      // Playout i of each future starts from the same seed (common random numbers, src/sim/fork.ts).
      post({ kind: 'outcome', id, future: 'real', index: i, outcome: playoutOutcome(point, point.real, options, i) });
      post({ kind: 'outcome', id, future: 'instead', index: i, outcome: playoutOutcome(point, instead, options, i) });
    }
    post({ kind: 'done', id });
  } catch (error) {
    post({ kind: 'failed', id, message: `The simulation stopped: ${error instanceof Error ? error.message : String(error)}.` });
  }
}
