/**
 * `npm run simulate -- --from replay.json --at N --instead '<play>' [--playouts P] [--level L]
 * [--persona T] [--seed K] [--json]`
 *
 * "What if?" from the command line (issue 14): reads a game record (a replay file), forks it at
 * move N (counted from 1), and plays P futures from the move really played and P from the
 * other play, the computer playing both sides (src/sim/fork.ts). Prints both futures side by
 * side, or JSON. Without `--instead`, lists the plays that were possible at move N.
 */
import { readFileSync } from 'node:fs';
import { BOT_LEVELS, PERSONAS, type BotLevel, type Persona } from '../src/bots';
import { SIDE_NAMES, type GameRecord } from '../src/game';
import { alternatives, compareFutures, forkPoint, parsePlay, playKey, type Comparison, type Future } from '../src/sim/fork';
import { replayOf } from '../src/sim/replay';
import type { Interval } from '../src/sim/stats';

export interface WhatIfOptions {
  file: string;
  /** The move to change, counted from 1 as people count. */
  at: number;
  instead: string | null;
  playouts: number;
  level: BotLevel;
  persona: Persona;
  seed: number;
  json: boolean;
}

export function parseWhatIf(argv: readonly string[]): WhatIfOptions {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const file = value('--from');
  if (!file) throw new Error('--from needs a replay file.');
  const at = Number(value('--at'));
  if (!Number.isInteger(at) || at < 1) throw new Error('--at must be a move number, counted from 1.');
  const playouts = Number(value('--playouts') ?? 200);
  if (!Number.isInteger(playouts) || playouts < 1 || playouts > 5000) throw new Error('--playouts must be a whole number from 1 to 5000.');
  const level = (value('--level') ?? 'normal') as BotLevel;
  if (!BOT_LEVELS.includes(level)) throw new Error(`--level must be one of ${BOT_LEVELS.join(', ')}.`);
  const persona = (value('--persona') ?? 'balanced') as Persona;
  if (!PERSONAS.includes(persona)) throw new Error(`--persona must be one of ${PERSONAS.join(', ')}.`);
  const seed = Number(value('--seed') ?? 1);
  if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number.');
  return { file, at, instead: value('--instead') ?? null, playouts, level, persona, seed, json: argv.includes('--json') };
}

/** A replay file read and checked (src/sim/replay.ts): a finished game that plays again to its end under these rules. */
export function readReplayFile(path: string): GameRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path} is not a readable JSON file (${error instanceof Error ? error.message : String(error)}).`, { cause: error });
  }
  const replayed = replayOf(parsed);
  if ('problem' in replayed) {
    throw new Error(replayed.move ? `${path}: move ${replayed.move} is ${replayed.problem}.` : `${path} cannot be replayed: ${replayed.problem}.`);
  }
  return replayed.record;
}

const pct = (i: Interval) => `${(i.rate * 100).toFixed(0)}% (${(i.low * 100).toFixed(0)}–${(i.high * 100).toFixed(0)})`;
const end = (f: Future, track: 'relationship' | 'usSupport' | 'cnSupport' | 'interdependence') => f.tracks[track].mean.at(-1) ?? Number.NaN;

/** Both futures as a table, with a one-line summary. */
export function comparisonTable(c: Comparison): string {
  const rows: [string, string, string][] = [
    ['Washington wins (95% interval)', pct(c.real.winRate.us), pct(c.instead.winRate.us)],
    ['Beijing wins (95% interval)', pct(c.real.winRate.cn), pct(c.instead.winRate.cn)],
    ['Draws', String(c.real.draws), String(c.instead.draws)],
    ['Sudden ends', pct(c.real.suddenRate), pct(c.instead.suddenRate)],
    ['Relationship at the end (mean)', end(c.real, 'relationship').toFixed(1), end(c.instead, 'relationship').toFixed(1)],
    ['Washington support at the end', end(c.real, 'usSupport').toFixed(1), end(c.instead, 'usSupport').toFixed(1)],
    ['Beijing support at the end', end(c.real, 'cnSupport').toFixed(1), end(c.instead, 'cnSupport').toFixed(1)],
    ['Interdependence at the end', end(c.real, 'interdependence').toFixed(1), end(c.instead, 'interdependence').toFixed(1)],
  ];
  const head: [string, string, string] = ['', `as played: ${c.real.play}`, `instead: ${c.instead.play}`];
  const widths = [0, 1, 2].map((k) => Math.max(...[head, ...rows].map((r) => r[k]?.length ?? 0)));
  const line = (r: [string, string, string]) => r.map((cell, k) => cell.padEnd(widths[k] ?? 0)).join('  ').trimEnd();
  const side = SIDE_NAMES[c.side];
  const gap = end(c.instead, 'relationship') - end(c.real, 'relationship');
  const summary = `Instead of ${c.real.play}, ${side} wins ${(c.instead.winRate[c.side].rate * 100).toFixed(0)}% instead of ${(c.real.winRate[c.side].rate * 100).toFixed(0)}%; the relationship ends ${Math.abs(gap).toFixed(1)} points ${gap >= 0 ? 'higher' : 'lower'}.`;
  return [`What if, at move ${c.at + 1} (round ${c.round}, ${side}), ${c.real.playouts} playouts each:`, line(head), ...rows.map(line), '', summary].join('\n');
}

export function whatIfMain(argv: readonly string[], print: (text: string) => void = console.log): Comparison | null {
  const options = parseWhatIf(argv);
  const record = readReplayFile(options.file);
  const point = forkPoint(record, options.at - 1);
  if ('problem' in point) throw new Error(point.problem);
  const choices = alternatives(point);
  if (options.instead === null) {
    print(`At move ${options.at} (round ${point.state.G.round}) ${SIDE_NAMES[point.side]} played ${playKey(point.real)}. It could have played instead:`);
    for (const play of choices) print(`  ${playKey(play)}`);
    return null;
  }
  const wanted = parsePlay(options.instead);
  const instead = wanted && choices.find((play) => playKey(play) === playKey(wanted));
  if (!instead) throw new Error(`"${options.instead}" is not a play ${SIDE_NAMES[point.side]} could make instead at move ${options.at}; leave out --instead to list them.`);
  const comparison = compareFutures(point, instead, options);
  print(options.json ? JSON.stringify(comparison, null, 2) : comparisonTable(comparison));
  return comparison;
}
