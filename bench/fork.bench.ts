/**
 * `npm run bench:fork`: how long "what if?" takes (issue 14). Forks a normal-vs-normal 8-round
 * game (2025) at the first move of round 3 and plays N futures from the real move and N from
 * another, the computer on both sides, one thread (the browser runs them in a Web Worker).
 * Prints the time for 200 + 200 at the normal level (target: under 10 s), then how it scales
 * with N and with the level (the hard level is measured on fewer playouts: it thinks ahead).
 */
import { decide } from '../src/bots';
import { newRecord, type RecordedMove } from '../src/game';
import { alternatives, compareFutures, forkPoint } from '../src/sim/fork';
import { createHeadlessMatch, playerToAct } from '../src/sim/headless';

const setup = { scenario: '2025', length: 8 } as const;
const match = createHeadlessMatch('bench-fork', setup);
const moves: RecordedMove[] = [];
let at = -1;
for (let n = 0; match.state.ctx.gameover === undefined; n += 1) {
  if (at < 0 && match.state.G.round >= 3) at = n;
  const { move } = decide(match.state.G, match.state.ctx, { level: 'normal', persona: 'balanced', seed: n });
  const playerID = playerToAct(match.state) as '0' | '1';
  if (!match.move(playerID, move.move, ...move.args)) throw new Error('a bot move was refused');
  moves.push({ playerID, move: move.move, args: move.args });
}
const point = forkPoint(newRecord(setup, 'bench-fork', moves), at);
if ('problem' in point) throw new Error(point.problem);
const [instead] = alternatives(point);
if (!instead) throw new Error('no other play at the fork');

console.log(`what if: fork at move ${at + 1} of ${moves.length} (round ${point.state.G.round} of 8), one thread`);
const runs = [
  ['normal', 200],
  ['normal', 50],
  ['normal', 100],
  ['easy', 200],
  ['hard', 10],
] as const;
for (const [level, playouts] of runs) {
  const started = performance.now();
  compareFutures(point, instead, { playouts, level, persona: 'balanced', seed: 1 });
  const ms = performance.now() - started;
  console.log(`  ${level.padEnd(6)} ${String(playouts).padStart(3)} + ${String(playouts).padEnd(3)} playouts: ${(ms / 1000).toFixed(1)} s (${(ms / (2 * playouts)).toFixed(0)} ms a playout)`);
}
