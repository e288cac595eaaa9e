/**
 * `npm run simulate -- --games N --scenario S --length L --bots A:B [--json] [--seed K] [--jobs J]`
 * (`npm run simulate -- --from replay.json --at N --instead '<play>'`: "what if?", scripts/whatIf.ts)
 * Plays N seeded games headless with bots for Washington (A) and Beijing (B), each spec a
 * level with an optional persona (`normal`, `hard/hawk`), and prints win rates with 95%
 * Wilson intervals, stalemates, sudden ends, average final tracks, the share of every move,
 * deals, and the time the bots took. `--jobs J` splits the seeds over J child processes and
 * merges their results: the same games, the same figures, sooner on a machine with J cores.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BOT_LEVELS, PERSONAS, decide, type BotConfig, type BotLevel, type BotMove, type Persona } from '../src/bots';
import { LENGTHS, SIDE_NAMES, actingSide, type DeRiskState, type GameLength, type GameResult, type ScenarioId, type Side } from '../src/game';
import { SCENARIO_IDS, TRACK_IDS, type TrackId } from '../src/content/types';
import { createHeadlessMatch, playerToAct } from '../src/sim/headless';
import { SCRIPTS, scriptMove } from '../src/sim/scripts';
import { wilson, type Interval } from '../src/sim/stats';

export { wilson, type Interval };
import type { Ctx } from 'boardgame.io';

export interface SimOptions {
  games: number;
  scenario: ScenarioId;
  length: GameLength;
  bots: Record<Side, BotSpec>;
  seed: number;
  json: boolean;
  /** Child processes to share the games between (1: play them all here). */
  jobs: number;
}

/** A computer player (a level and a temperament), or a scripted student (src/sim/scripts.ts). */
export type BotSpec = { level: BotLevel; persona: Persona } | { script: string };


export interface SimSummary {
  games: number;
  scenario: ScenarioId;
  length: GameLength;
  seed: number;
  bots: Record<'0' | '1', string>;
  wins: Record<'0' | '1', number>;
  winRate: Record<'0' | '1', Interval>;
  draws: number;
  suddenEnds: number;
  results: Record<GameResult['kind'], number>;
  /** Sudden ends by who lost: voted out (collapse) or blamed for a rupture. */
  suddenLosers: Record<'collapse' | 'rupture', Record<'0' | '1' | 'none', number>>;
  averageTracks: Record<TrackId, number>;
  averageRounds: number;
  actionShare: Record<string, number>;
  actionShareBySide: Record<'0' | '1', Record<string, number>>;
  dealsSigned: number;
  dealsInForce: number;
  moves: number;
  /** Decisions each side made (the denominators of `actionShareBySide`). */
  decisions: Record<'0' | '1', number>;
  elapsedMs: number;
  msPerDecision: Record<'0' | '1', number>;
}

const PID = { us: '0', cn: '1' } as const;

function parseSpec(text: string): BotSpec {
  if (text.startsWith('script/')) {
    const script = text.slice('script/'.length);
    if (!SCRIPTS.includes(script)) throw new Error(`Unknown script "${script}"; use ${SCRIPTS.join(', ')}.`);
    return { script };
  }
  return parseBot(text);
}

/** A computer player's spec, `level` or `level/persona` (`normal`, `hard/hawk`). */
export function parseBot(text: string): { level: BotLevel; persona: Persona } {
  const [level, persona = 'balanced'] = text.split('/');
  if (!BOT_LEVELS.includes(level as BotLevel)) throw new Error(`Unknown bot level "${level}"; use ${BOT_LEVELS.join(', ')}.`);
  if (!PERSONAS.includes(persona as Persona)) throw new Error(`Unknown persona "${persona}"; use ${PERSONAS.join(', ')}.`);
  return { level: level as BotLevel, persona: persona as Persona };
}

export function parseArgs(argv: readonly string[]): SimOptions {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const games = Number(value('--games') ?? 100);
  const scenario = (value('--scenario') ?? '2025') as ScenarioId;
  const length = Number(value('--length') ?? 8) as GameLength;
  const seed = Number(value('--seed') ?? 1);
  const [a = 'normal', b = 'normal'] = (value('--bots') ?? 'normal:normal').split(':');
  if (!Number.isInteger(games) || games < 1) throw new Error('--games must be a positive whole number.');
  if (!SCENARIO_IDS.includes(scenario)) throw new Error(`--scenario must be one of ${SCENARIO_IDS.join(', ')}.`);
  if (!LENGTHS.includes(length)) throw new Error(`--length must be one of ${LENGTHS.join(', ')}.`);
  const jobs = Number(value('--jobs') ?? 1);
  if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number.');
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new Error('--jobs must be a whole number from 1 to 64.');
  return { games, scenario, length, seed, jobs, json: argv.includes('--json'), bots: { us: parseSpec(a), cn: parseSpec(b) } };
}

/** A move's label for the share table: `action:raiseTariffs`, `card:huaweiCutoff`, `deal:propose`… */
export function moveLabel(move: BotMove): string {
  const [first] = move.args;
  switch (move.move) {
    case 'act':
      return `action:${String(first)}`;
    case 'playCard':
      return `card:${String(first)}`;
    case 'proposeDeal':
      return 'deal:propose';
    case 'acceptDeal':
      return 'deal:accept';
    case 'rejectDeal':
      return 'deal:reject';
    case 'pass':
    case 'recycle':
      return move.move;
  }
}

const specText = (s: BotSpec) => ('script' in s ? `script/${s.script}` : `${s.level}/${s.persona}`);

/** Counts as shares of `total`, largest first. */
function share(counts: Record<string, number>, total: number): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, v / total]));
}

export function simulate(o: SimOptions): SimSummary {
  const counts: Record<'0' | '1', Record<string, number>> = { '0': {}, '1': {} };
  const time = { '0': 0, '1': 0 };
  const decisions = { '0': 0, '1': 0 };
  const results: Record<GameResult['kind'], number> = { score: 0, stalemate: 0, collapse: 0, rupture: 0 };
  const suddenLosers = { collapse: { '0': 0, '1': 0, none: 0 }, rupture: { '0': 0, '1': 0, none: 0 } };
  const trackSums = Object.fromEntries(TRACK_IDS.map((t) => [t, 0])) as Record<TrackId, number>;
  const wins = { '0': 0, '1': 0 };
  let draws = 0;
  let dealsSigned = 0;
  let dealsInForce = 0;
  let rounds = 0;
  let moves = 0;
  const t0 = performance.now();
  for (let i = 0; i < o.games; i += 1) {
    const gameSeed = o.seed + i;
    const match = createHeadlessMatch(`sim-${gameSeed}`, { scenario: o.scenario, length: o.length });
    const player = (spec: BotSpec, seed: number) => (G: DeRiskState, ctx: Ctx): BotMove =>
      'script' in spec ? scriptMove(spec.script, G, ctx, seed) : decide(G, ctx, { ...spec, seed } satisfies BotConfig).move;
    const players: Record<Side, (G: DeRiskState, ctx: Ctx) => BotMove> = { us: player(o.bots.us, gameSeed * 2), cn: player(o.bots.cn, gameSeed * 2 + 1) };
    for (let n = 0; match.state.ctx.gameover === undefined; n += 1) {
      if (n > 2000) throw new Error(`Game ${gameSeed} did not end within 2000 moves.`);
      const { G, ctx } = match.state;
      const side = actingSide(G, ctx);
      if (!side) throw new Error(`Game ${gameSeed}: nobody to act in round ${G.round}.`);
      const started = performance.now();
      const move = players[side](G, ctx);
      time[PID[side]] += performance.now() - started;
      decisions[PID[side]] += 1;
      if (!match.move(playerToAct(match.state), move.move, ...move.args)) {
        throw new Error(`Game ${gameSeed}: the engine refused ${JSON.stringify(move)}.`);
      }
      const label = moveLabel(move);
      counts[PID[side]][label] = (counts[PID[side]][label] ?? 0) + 1;
      moves += 1;
    }
    const { G } = match.state;
    const result = match.state.ctx.gameover as GameResult;
    results[result.kind] += 1;
    if ('winner' in result && result.winner) wins[result.winner] += 1;
    else draws += 1;
    if (result.kind === 'collapse' || result.kind === 'rupture') {
      const loser = result.winnerSide === null ? 'none' : PID[result.winnerSide === 'us' ? 'cn' : 'us'];
      suddenLosers[result.kind][loser] += 1;
    }
    for (const t of TRACK_IDS) trackSums[t] += G.tracks[t];
    dealsSigned += G.chronicle.filter((e) => e.kind === 'dealSigned').length;
    if (G.deal) dealsInForce += 1;
    rounds += G.round;
  }
  const all: Record<string, number> = {};
  for (const side of ['0', '1'] as const) for (const [k, v] of Object.entries(counts[side])) all[k] = (all[k] ?? 0) + v;
  return {
    games: o.games,
    scenario: o.scenario,
    length: o.length,
    seed: o.seed,
    bots: { '0': specText(o.bots.us), '1': specText(o.bots.cn) },
    wins,
    winRate: { '0': wilson(wins['0'], o.games), '1': wilson(wins['1'], o.games) },
    draws,
    suddenEnds: results.collapse + results.rupture,
    results,
    suddenLosers,
    averageTracks: Object.fromEntries(TRACK_IDS.map((t) => [t, trackSums[t] / o.games])) as Record<TrackId, number>,
    averageRounds: rounds / o.games,
    actionShare: share(all, moves),
    actionShareBySide: { '0': share(counts['0'], decisions['0']), '1': share(counts['1'], decisions['1']) },
    dealsSigned,
    dealsInForce,
    moves,
    decisions,
    elapsedMs: performance.now() - t0,
    msPerDecision: { '0': time['0'] / Math.max(1, decisions['0']), '1': time['1'] / Math.max(1, decisions['1']) },
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function formatTable(s: SimSummary): string {
  const lines: string[] = [];
  const row = (label: string, n: number, extra = '') => lines.push(`  ${label.padEnd(22)} ${String(n).padStart(5)}  ${pct(n / s.games).padStart(6)}  ${extra}`);
  lines.push(
    `De-Risk simulation: ${s.games} games, scenario ${s.scenario}, ${s.length} rounds, seeds ${s.seed}–${s.seed + s.games - 1}`,
    `Washington (0): ${s.bots['0']}   Beijing (1): ${s.bots['1']}`,
    '',
    `  ${'Result'.padEnd(22)} ${'games'.padStart(5)}  ${'share'.padStart(6)}  95% CI (Wilson)`,
  );
  for (const id of ['0', '1'] as const) {
    const r = s.winRate[id];
    row(`${SIDE_NAMES[id === '0' ? 'us' : 'cn']} wins`, s.wins[id], `${pct(r.low)}–${pct(r.high)}`);
  }
  row('Stalemates (draws)', s.draws);
  row('Went all the rounds', s.results.score + s.results.stalemate);
  const c = s.suddenLosers.collapse;
  const r = s.suddenLosers.rupture;
  row('Sudden ends', s.suddenEnds);
  row('  collapse', s.results.collapse, `support 0: Washington ${c['0']}, Beijing ${c['1']}, both ${c.none}`);
  row('  rupture', s.results.rupture, `blamed: Washington ${r['0']}, Beijing ${r['1']}, nobody ${r.none}`);
  lines.push(`  Average rounds played: ${s.averageRounds.toFixed(2)}`, '', '  Average final tracks');
  for (const [t, v] of Object.entries(s.averageTracks)) lines.push(`    ${t.padEnd(22)} ${v.toFixed(2).padStart(6)}`);
  lines.push('', `  ${`Moves (${s.moves} in all)`.padEnd(33)} ${'all'.padStart(6)}  ${'Washington'.padStart(10)}  ${'Beijing'.padStart(7)}`);
  for (const [label, share] of Object.entries(s.actionShare)) {
    const bySide = (id: '0' | '1') => (s.actionShareBySide[id][label] === undefined ? '–' : pct(s.actionShareBySide[id][label] ?? 0));
    lines.push(`    ${label.padEnd(31)} ${pct(share).padStart(6)}  ${bySide('0').padStart(10)}  ${bySide('1').padStart(7)}`);
  }
  lines.push(
    '',
    `  Deals signed: ${s.dealsSigned} (${(s.dealsSigned / s.games).toFixed(2)} a game); in force at the end: ${s.dealsInForce} games (${pct(s.dealsInForce / s.games)})`,
    `  Time: ${(s.elapsedMs / 1000).toFixed(1)} s; ms per decision: Washington ${s.msPerDecision['0'].toFixed(2)}, Beijing ${s.msPerDecision['1'].toFixed(2)}`,
  );
  return lines.join('\n');
}

/** Adds up runs over consecutive seed ranges (same scenario, length and bots) into one summary. */
export function mergeSummaries(parts: readonly SimSummary[]): SimSummary {
  const [first] = parts;
  if (!first) throw new Error('Nothing to merge.');
  const games = parts.reduce((n, p) => n + p.games, 0);
  const total = (pick: (p: SimSummary) => number) => parts.reduce((n, p) => n + pick(p), 0);
  const pair = (pick: (p: SimSummary) => Record<'0' | '1', number>) => ({ '0': total((p) => pick(p)['0']), '1': total((p) => pick(p)['1']) });
  const counts = (pick: (p: SimSummary) => Record<string, number>, weight: (p: SimSummary) => number) => {
    const out: Record<string, number> = {};
    for (const p of parts) for (const [k, v] of Object.entries(pick(p))) out[k] = (out[k] ?? 0) + v * weight(p);
    return out;
  };
  const wins = pair((p) => p.wins);
  const decisions = pair((p) => p.decisions);
  const moves = total((p) => p.moves);
  const results = { score: 0, stalemate: 0, collapse: 0, rupture: 0 };
  for (const kind of Object.keys(results) as (keyof typeof results)[]) results[kind] = total((p) => p.results[kind]);
  const losers = (kind: 'collapse' | 'rupture') => ({
    '0': total((p) => p.suddenLosers[kind]['0']),
    '1': total((p) => p.suddenLosers[kind]['1']),
    none: total((p) => p.suddenLosers[kind].none),
  });
  return {
    ...first,
    games,
    seed: Math.min(...parts.map((p) => p.seed)),
    wins,
    winRate: { '0': wilson(wins['0'], games), '1': wilson(wins['1'], games) },
    draws: total((p) => p.draws),
    suddenEnds: total((p) => p.suddenEnds),
    results,
    suddenLosers: { collapse: losers('collapse'), rupture: losers('rupture') },
    averageTracks: Object.fromEntries(TRACK_IDS.map((t) => [t, total((p) => p.averageTracks[t] * p.games) / games])) as Record<TrackId, number>,
    averageRounds: total((p) => p.averageRounds * p.games) / games,
    actionShare: share(counts((p) => p.actionShare, (p) => p.moves), moves),
    actionShareBySide: {
      '0': share(counts((p) => p.actionShareBySide['0'], (p) => p.decisions['0']), Math.max(1, decisions['0'])),
      '1': share(counts((p) => p.actionShareBySide['1'], (p) => p.decisions['1']), Math.max(1, decisions['1'])),
    },
    dealsSigned: total((p) => p.dealsSigned),
    dealsInForce: total((p) => p.dealsInForce),
    moves,
    decisions,
    elapsedMs: Math.max(...parts.map((p) => p.elapsedMs)),
    msPerDecision: {
      '0': total((p) => p.msPerDecision['0'] * p.decisions['0']) / Math.max(1, decisions['0']),
      '1': total((p) => p.msPerDecision['1'] * p.decisions['1']) / Math.max(1, decisions['1']),
    },
  };
}

/** The games split into `jobs` consecutive seed ranges, as even as they go. */
export function splitGames(games: number, seed: number, jobs: number): { games: number; seed: number }[] {
  const parts: { games: number; seed: number }[] = [];
  let next = seed;
  for (let i = 0; i < Math.min(jobs, games); i += 1) {
    const share = Math.floor(games / jobs) + (i < games % jobs ? 1 : 0);
    parts.push({ games: share, seed: next });
    next += share;
  }
  return parts;
}

/** Runs one seed range in a child process of this same script (with the same loader flags). */
function runChild(options: SimOptions, part: { games: number; seed: number }): Promise<SimSummary> {
  const args = ['--games', part.games, '--seed', part.seed, '--scenario', options.scenario, '--length', options.length, '--bots', `${specText(options.bots.us)}:${specText(options.bots.cn)}`, '--json'];
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args.map(String)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as SimSummary) : reject(new Error(`A simulation job (seeds from ${part.seed}) failed with code ${code}.`))));
  });
}

/** Runs the command line; `print` receives the output (the console by default). */
export function main(argv: readonly string[], print: (text: string) => void = console.log): SimSummary {
  const options = parseArgs(argv);
  const summary = simulate(options);
  print(options.json ? JSON.stringify(summary, null, 2) : formatTable(summary));
  return summary;
}

/** The command line with `--jobs`: the games are shared between child processes, then merged. */
export async function mainWithJobs(argv: readonly string[], print: (text: string) => void = console.log): Promise<SimSummary> {
  const options = parseArgs(argv);
  if (options.jobs <= 1) return main(argv, print);
  const started = performance.now();
  const parts = await Promise.all(splitGames(options.games, options.seed, options.jobs).map((part) => runChild(options, part)));
  const summary = { ...mergeSummaries(parts), elapsedMs: performance.now() - started };
  print(options.json ? JSON.stringify(summary, null, 2) : formatTable(summary));
  return summary;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  // `--from replay.json`: "what if?" from a recorded game (scripts/whatIf.ts).
  const run = argv.includes('--from') ? import('./whatIf').then(({ whatIfMain }) => whatIfMain(argv)) : mainWithJobs(argv);
  run.catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
