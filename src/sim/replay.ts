/**
 * Replay files (issue 14): a finished game as a small, versioned JSON file that any machine can
 * play again exactly, and the positions it passes through, one a move, for stepping back and
 * forth. The file is the game's record (src/game/record.ts: format, rules version, setup, seed,
 * the moves with their reasons) and nothing else; reading one plays it through the engine, so a
 * file from other rules, an edited move or a game that is not over is refused with its reason,
 * never half shown. A finished game has no secrets left (R12), so a replay may show both hands.
 */
import type { State } from 'boardgame.io';
import { recordProblem, type DeRiskState, type GameRecord } from '../game';
import { createHeadlessMatch } from './headless';

/** A file's name for a game: `de-risk-2025-8-rounds.json`, or with a match's code (an online or class game) `de-risk-2025-8-rounds-K7MX3AB.json`. */
export function replayFileName(record: GameRecord, code?: string): string {
  return `de-risk-${record.setup.scenario}-${record.setup.length}-rounds${code ? `-${code}` : ''}.json`;
}

/** The file's text: the record alone, in a fixed key order. */
export function replayFileText(record: GameRecord): string {
  const { format, rules, setup, seed, moves } = record;
  const { scenario, length, endsAfter } = setup;
  return `${JSON.stringify({ format, rules, setup: { scenario, length, ...(endsAfter !== undefined ? { endsAfter } : {}) }, seed, moves: moves.map(({ playerID, move, args }) => ({ playerID, move, args })) })}\n`;
}

export interface Replay {
  readonly record: GameRecord;
  /** The position before the first move, then after each move: `moves.length + 1` states, the last one over. */
  readonly states: readonly State<DeRiskState>[];
}

/** Why a file cannot be replayed, in a sentence's middle ("made under other rules"), and the move at fault if one is. */
export type ReplayProblem = { readonly problem: string; readonly move?: number };

/** Reads a replay file's text into the game's positions, or says why it cannot. */
export function readReplay(text: string): Replay | ReplayProblem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'not a replay file (it is not JSON)' };
  }
  return replayOf(value);
}

/** Plays a record already read (a parsed file, the game this browser kept) into its positions, or says why it cannot. */
export function replayOf(value: unknown): Replay | ReplayProblem {
  const problem = recordProblem(value);
  if (problem) return { problem };
  const record = value as GameRecord;
  const match = createHeadlessMatch(record.seed, record.setup);
  const states: State<DeRiskState>[] = [match.state];
  for (const [index, { playerID, move, args }] of record.moves.entries()) {
    if (match.state.ctx.gameover !== undefined) return { problem: 'a move after the end of the game', move: index + 1 };
    if (!match.move(playerID, move, ...args)) return { problem: 'a move the rules refuse', move: index + 1 };
    states.push(match.state);
  }
  if (match.state.ctx.gameover === undefined) return { problem: 'a game that is not over: only a finished game can be replayed' };
  return { record, states };
}
