/**
 * `npx tsx scripts/debrief-stats.ts [--games N] [--scenario S] [--length L] [--bots A:B] [--seed K]`
 *
 * Measures what the debrief says over many seeded bot games (issue 11, "a debrief that tells the
 * truth"): where the turning points fall (by round, by kind of entry, by role: the winner's
 * helpful plays, the loser's costly ones, the world's), how often an item is a collapsed repeat,
 * what the sudden ends are blamed on, the share of games that get each discussion question, and
 * how often the essay's forecast "held". Defaults: 300 games of 2025, 8 rounds, normal against
 * normal. The games are those of `npm run simulate` with the same options (the same match and
 * bot seeds), so the two can be read side by side. About half a minute for 300 games on one core.
 */
import { fileURLToPath } from 'node:url';
import { decide, type BotConfig, type BotLevel, type Persona } from '../src/bots';
import { LENGTHS, actingSide, type DeRiskState, type GameLength, type GameResult, type ScenarioId, type Side } from '../src/game';
import { forecastCheck, suddenEnd, turningPoints } from '../src/game/analysis';
import { SCENARIO_IDS } from '../src/content/types';
import { createHeadlessMatch, playerToAct } from '../src/sim/headless';
import { chooseQuestions } from '../src/ui/debrief/questions';
import { parseBot } from './simulate';

export interface StatsOptions {
  games: number;
  scenario: ScenarioId;
  length: GameLength;
  seed: number;
  bots: Record<Side, { level: BotLevel; persona: Persona }>;
}

export function parseArgs(argv: readonly string[]): StatsOptions {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const games = Number(value('--games') ?? 300);
  const scenario = (value('--scenario') ?? '2025') as ScenarioId;
  const length = Number(value('--length') ?? 8) as GameLength;
  const seed = Number(value('--seed') ?? 1);
  const [a = 'normal', b = 'normal'] = (value('--bots') ?? 'normal:normal').split(':');
  if (!Number.isInteger(games) || games < 1 || !Number.isInteger(seed)) throw new Error('--games and --seed must be whole numbers.');
  if (!SCENARIO_IDS.includes(scenario)) throw new Error(`--scenario must be one of ${SCENARIO_IDS.join(', ')}.`);
  if (!LENGTHS.includes(length)) throw new Error(`--length must be one of ${LENGTHS.join(', ')}.`);
  return { games, scenario, length, seed, bots: { us: parseBot(a), cn: parseBot(b) } };
}

export interface DebriefStats {
  games: number;
  /** Turning points by round, by kind (move, event, drift, other), by role, and repeats. */
  byRound: Record<number, number>;
  /** The rounds of every play in the turning points (a repeated play counts each of its rounds). */
  byPlayRound: Record<number, number>;
  /** The rounds of the turning points that are one play (or one event), not a repeat. */
  bySingleRound: Record<number, number>;
  plays: number;
  /** Games whose loser had at least one costly play listed. */
  gamesWithCost: number;
  decided: number;
  byKind: Record<string, number>;
  byRole: Record<string, number>;
  points: number;
  repeated: number;
  /** Games whose top items include an event. */
  gamesWithEvent: number;
  /** Sudden ends by what the engine recorded as their cause. */
  endCauses: Record<string, number>;
  /** Games that got each question. */
  questions: Record<string, number>;
  held: number;
  /** The old measure, for comparison: interdependence simply ended lower. */
  fell: number;
  /** Interdependence fell with the scheduled events' own changes left out (the players' and the world events' doing). */
  fellUnscheduled: number;
  barriersKept: number;
}

const KIND: Record<string, string> = { action: 'move', card: 'move', dealSigned: 'move', delayed: 'move', escalation: 'move', event: 'event', drift: 'drift' };

function playGame(o: StatsOptions, gameSeed: number): { G: DeRiskState; result: GameResult } {
  const match = createHeadlessMatch(`sim-${gameSeed}`, { scenario: o.scenario, length: o.length });
  const configs: Record<Side, BotConfig> = { us: { ...o.bots.us, seed: gameSeed * 2 }, cn: { ...o.bots.cn, seed: gameSeed * 2 + 1 } };
  for (let n = 0; match.state.ctx.gameover === undefined; n += 1) {
    if (n > 2000) throw new Error(`Game ${gameSeed} did not end within 2000 moves.`);
    const side = actingSide(match.state.G, match.state.ctx);
    if (!side) throw new Error(`Game ${gameSeed}: nobody to act.`);
    const { move } = decide(match.state.G, match.state.ctx, configs[side]);
    if (!match.move(playerToAct(match.state), move.move, ...move.args)) throw new Error(`Game ${gameSeed}: ${move.move} was refused.`);
  }
  return { G: match.state.G, result: match.state.ctx.gameover as GameResult };
}

const add = (counts: Record<string | number, number>, key: string | number) => (counts[key] = (counts[key] ?? 0) + 1);

export function debriefStats(o: StatsOptions): DebriefStats {
  const s: DebriefStats = {
    games: o.games,
    byRound: {},
    byPlayRound: {},
    bySingleRound: {},
    plays: 0,
    gamesWithCost: 0,
    decided: 0,
    byKind: {},
    byRole: {},
    points: 0,
    repeated: 0,
    gamesWithEvent: 0,
    endCauses: {},
    questions: {},
    held: 0,
    fell: 0,
    fellUnscheduled: 0,
    barriersKept: 0,
  };
  for (let i = 0; i < o.games; i += 1) {
    const { G, result } = playGame(o, o.seed + i);
    const points = turningPoints(G);
    for (const p of points) {
      s.points += 1;
      add(s.byRound, p.round);
      for (const e of p.entries) {
        if (e.kind === 'delayed') continue;
        add(s.byPlayRound, e.round);
        s.plays += 1;
      }
      add(s.byKind, KIND[p.entry.kind] ?? p.entry.kind);
      add(s.byRole, p.role);
      if (p.count > 1) s.repeated += 1;
      else add(s.bySingleRound, p.round);
    }
    if (points.some((p) => p.entry.kind === 'event')) s.gamesWithEvent += 1;
    if ('winnerSide' in result && result.winnerSide !== null) s.decided += 1;
    if (points.some((p) => p.role === 'cost')) s.gamesWithCost += 1;
    const end = suddenEnd(G);
    if (end) add(s.endCauses, `${end.kind}: ${end.cause?.kind ?? 'unrecorded'}${end.cause?.kind === 'collapse' ? ` (${end.cause.trigger.kind})` : ''}`);
    for (const key of chooseQuestions(G, result)) add(s.questions, key);
    const f = forecastCheck(G);
    if (f.forecastHeld) s.held += 1;
    if (f.deRiskingContinued) s.fell += 1;
    if (f.interdependenceUnscheduled < 0) s.fellUnscheduled += 1;
    if (f.barriersKept) s.barriersKept += 1;
  }
  return s;
}

const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;

export function formatStats(o: StatsOptions, s: DebriefStats): string {
  const lines = [`Debrief: ${s.games} games, scenario ${o.scenario}, ${o.length} rounds, ${o.bots.us.level}/${o.bots.us.persona} against ${o.bots.cn.level}/${o.bots.cn.persona}, seeds ${o.seed}–${o.seed + s.games - 1}`, ''];
  const table = (title: string, counts: Record<string | number, number>, of: number, sort = true) => {
    lines.push(title);
    const rows = Object.entries(counts);
    if (sort) rows.sort((a, b) => b[1] - a[1]);
    for (const [k, v] of rows) lines.push(`  ${k.padEnd(36)} ${String(v).padStart(5)}  ${pct(v, of).padStart(6)}`);
    lines.push('');
  };
  lines.push(`Turning points: ${s.points} (${(s.points / s.games).toFixed(2)} a game); collapsed repeats ${s.repeated} (${pct(s.repeated, s.points)}); games with an event among them ${s.gamesWithEvent} (${pct(s.gamesWithEvent, s.games)})`, '');
  table('  by the round of their first play', s.byRound, s.points, false);
  table('  by the round of every play in them (a repeat counts each time)', s.byPlayRound, s.plays, false);
  table('  single plays and events (not repeats), by round', s.bySingleRound, s.points - s.repeated, false);
  table('  by kind', s.byKind, s.points);
  table('  by role (helped: the winner’s, or each side’s after a draw; cost: the loser’s; world)', s.byRole, s.points);
  lines.push(`  games won by a side: ${s.decided}; of them, games listing a costly play of the loser: ${s.gamesWithCost} (${pct(s.gamesWithCost, s.decided)})`, '');
  table('Sudden ends by recorded cause (share of games)', s.endCauses, s.games);
  table('Discussion questions (share of games)', s.questions, s.games);
  lines.push(
    `Forecast held: ${s.held} of ${s.games} (${pct(s.held, s.games)})`,
    `  interdependence ended lower (the old measure): ${pct(s.fell, s.games)}; lower with the scheduled events left out: ${pct(s.fellUnscheduled, s.games)}; barriers kept or raised: ${pct(s.barriersKept, s.games)}`,
  );
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const o = parseArgs(process.argv.slice(2));
    console.log(formatStats(o, debriefStats(o)));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
