/**
 * `npm run bench`: seeded random full games, headless through boardgame.io's reducer.
 * Prints games and moves per second on one core (the engine target is ≥ 100 games/s).
 */
import { playRandomGame } from '../src/sim/headless';
import type { GameLength } from '../src/game';

interface Figures {
  games: number;
  moves: number;
  fullLength: number;
  ms: number;
}

function run(games: number, length: GameLength, firstSeed: number): Figures {
  let moves = 0;
  let fullLength = 0;
  const t0 = performance.now();
  for (let i = 0; i < games; i += 1) {
    const result = playRandomGame({ seed: firstSeed + i, setupData: { length } });
    moves += result.moves;
    if (result.state.G.finished) fullLength += 1;
  }
  return { games, moves, fullLength, ms: performance.now() - t0 };
}

function line(label: string, f: Figures): string {
  const perSecond = (n: number) => ((n / f.ms) * 1000).toFixed(0).padStart(7);
  return `${label.padEnd(22)} ${String(f.games).padStart(5)} games ${perSecond(f.games)} games/s ${perSecond(f.moves)} moves/s  ${(f.ms / f.games).toFixed(2).padStart(6)} ms/game  ${((f.fullLength / f.games) * 100).toFixed(0)}% went the distance`;
}

const games = Number(process.env.BENCH_GAMES ?? 500);
run(50, 8, 1_000_000); // warm-up: JIT and module caches
console.log(`De-Risk engine benchmark (random legal moves from ai.enumerate, one core, Node ${process.version})`);
console.log(line('8 rounds, 2025', run(games, 8, 1)));
console.log(line('6 rounds, 2025', run(games, 6, 100_001)));
console.log(line('4 rounds, 2025', run(games, 4, 200_001)));
