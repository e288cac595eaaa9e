/**
 * `npm run bench`: seeded random games, headless through boardgame.io's reducer, on one core.
 * Prints games and moves per second, and separately the rate of games that went all the
 * rounds (random play often ends early in a rupture or collapse). Target: ≥ 100 full
 * 8-round games a second.
 */
import { playRandomGame } from '../src/sim/headless';
import type { GameLength } from '../src/game';

interface Figures {
  games: number;
  moves: number;
  fullLength: number;
  ms: number;
  /** Time and moves spent in games that went all the rounds. */
  fullMs: number;
  fullMoves: number;
}

function run(games: number, length: GameLength, firstSeed: number): Figures {
  const f: Figures = { games, moves: 0, fullLength: 0, ms: 0, fullMs: 0, fullMoves: 0 };
  for (let i = 0; i < games; i += 1) {
    const t0 = performance.now();
    const result = playRandomGame({ seed: firstSeed + i, setupData: { length } });
    const ms = performance.now() - t0;
    f.ms += ms;
    f.moves += result.moves;
    if (result.state.G.finished) {
      f.fullLength += 1;
      f.fullMs += ms;
      f.fullMoves += result.moves;
    }
  }
  return f;
}

const rate = (n: number, ms: number) => ((n / ms) * 1000).toFixed(0).padStart(6);

function line(label: string, f: Figures): string {
  const all = `${rate(f.games, f.ms)} games/s ${rate(f.moves, f.ms)} moves/s`;
  const full = `${rate(f.fullLength, f.fullMs)} full games/s (${f.fullLength} went the distance, ${(f.fullMoves / f.fullLength).toFixed(0)} moves each)`;
  return `${label.padEnd(16)} ${String(f.games).padStart(5)} games: ${all} | ${full}`;
}

const games = Number(process.env.BENCH_GAMES ?? 500);
run(50, 8, 1_000_000); // warm-up: JIT and module caches
console.log(`De-Risk engine benchmark (random legal moves from ai.enumerate, one core, Node ${process.version})`);
console.log(line('8 rounds, 2025', run(games, 8, 1)));
console.log(line('6 rounds, 2025', run(games, 6, 100_001)));
console.log(line('4 rounds, 2025', run(games, 4, 200_001)));
console.log('Target: at least 100 full 8-round games a second (the "full games/s" figure of the first line).');
