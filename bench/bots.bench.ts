/**
 * `node scripts/bench.mjs bench/bots.bench.ts`: milliseconds per bot decision, for each
 * level (and each persona of the normal bot), over a fixed set of seeded positions taken
 * from normal-vs-normal games in all three scenarios. Target: the hard bot decides within
 * about a second; the normal bot fast enough for 200 simulated games in well under a minute.
 */
import type { Ctx } from 'boardgame.io';
import { decide, type BotConfig } from '../src/bots';
import { actingSide, type DeRiskState, type ScenarioId } from '../src/game';
import { createHeadlessMatch, playerToAct } from '../src/sim/headless';

interface Position {
  G: DeRiskState;
  ctx: Ctx;
}

/** Every third position of six seeded normal-vs-normal games. */
function positions(): Position[] {
  const out: Position[] = [];
  const scenarios: ScenarioId[] = ['2025', '2018', '2020'];
  for (let seed = 1; seed <= 6; seed += 1) {
    const match = createHeadlessMatch(`bench-bots-${seed}`, { scenario: scenarios[seed % 3] ?? '2025', length: 8 });
    for (let n = 0; match.state.ctx.gameover === undefined; n += 1) {
      const { G, ctx } = match.state;
      const side = actingSide(G, ctx);
      if (!side) break;
      if (n % 3 === 0) out.push({ G, ctx });
      const d = decide(G, ctx, { level: 'normal', persona: 'balanced', seed: seed * 2 + (side === 'us' ? 0 : 1) });
      if (!match.move(playerToAct(match.state), d.move.move, ...d.move.args)) throw new Error('a bot move was refused');
    }
  }
  return out;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function measure(label: string, config: Omit<BotConfig, 'seed'>, at: readonly Position[]): void {
  const times: number[] = [];
  for (const [i, { G, ctx }] of at.entries()) {
    const t0 = performance.now();
    decide(G, ctx, { ...config, seed: i });
    times.push(performance.now() - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const f = (x: number) => x.toFixed(2).padStart(8);
  console.log(`${label.padEnd(20)} ${f(mean)} ${f(percentile(sorted, 0.5))} ${f(percentile(sorted, 0.95))} ${f(sorted.at(-1) ?? 0)}`);
}

const at = positions();
const CONFIGS: [string, Omit<BotConfig, 'seed'>][] = [
  ['easy', { level: 'easy', persona: 'balanced' }],
  ...(['balanced', 'hawk', 'dealmaker', 'titForTat'] as const).map((persona): [string, Omit<BotConfig, 'seed'>] => [`normal/${persona}`, { level: 'normal', persona }]),
  ['hard', { level: 'hard', persona: 'balanced' }],
  ['hard/hawk', { level: 'hard', persona: 'hawk' }],
];
// Warm-up, so that the JIT has compiled every level's code before anything is timed.
for (const [, config] of CONFIGS) for (const { G, ctx } of at.slice(0, 30)) decide(G, ctx, { ...config, seed: -1 });
console.log(`De-Risk bot benchmark: ${at.length} seeded positions (6 games, 3 scenarios), one core, Node ${process.version}`);
console.log(`${'bot'.padEnd(20)} ${'mean ms'.padStart(8)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}`);
for (const [label, config] of CONFIGS) measure(label, config, at);
console.log('Target: hard within about 1000 ms a decision (its budget is a fixed number of simulated plays, not a clock).');
