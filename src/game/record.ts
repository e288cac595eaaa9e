/**
 * A game as a record: its setup, its seed and every move in order, which is all it takes to
 * play it again to the same state (boardgame.io's randomness is seeded, and the engine has no
 * other). A record is what a local game keeps in the browser so that a reload resumes it, and
 * what a replay file will carry (issue 14).
 *
 * `RULES_VERSION` names the rules a record was played under: the engine's revision and a digest
 * of the content's numbers (its words are left out, so a corrected sentence does not orphan a
 * saved game). A record made under other rules is refused, since playing it again could reach
 * another state.
 */
import type { LogEntry } from 'boardgame.io';
import { CONTENT } from '../content';
import { LENGTHS, type SetupData } from './lengths';
import { isMoveName } from './registry';

/** Bump when a change to the engine's code (not its content) would play a recorded game differently. */
const ENGINE_REVISION = 1;

/** Content fields that are words for people, not rules: a change to them plays every game the same. */
const PROSE = new Set(['title', 'text', 'source', 'reality', 'reason', 'term', 'definition', 'example', 'note', 'name', 'summary', 'detail']);

/** FNV-1a, 32 bits, as eight hex digits: a digest to tell two versions apart, not a secret. */
function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The rules version of a content table: the engine's revision and a digest of everything in it but its words and its glossary. */
export function rulesVersionOf(content: object): string {
  const rules = JSON.stringify({ ...content, glossary: undefined }, (key, value: unknown) => {
    if (PROSE.has(key) && typeof value === 'string') return undefined;
    return value instanceof Map ? [...(value as Map<unknown, unknown>).entries()] : value;
  });
  return `${ENGINE_REVISION}.${digest(rules)}`;
}

export const RULES_VERSION = rulesVersionOf(CONTENT);

export const RECORD_FORMAT = 1;

/** One move as a seat sent it: the registry's move name and its arguments (a person's reason last). */
export interface RecordedMove {
  readonly playerID: '0' | '1';
  readonly move: string;
  readonly args: readonly unknown[];
}

/**
 * A record's setup: the game's setup data, and for a class game its teacher finished early
 * (R4.7), the round it ended after. Playing the record again sets that end from the start: the
 * engine reads it only at a round end (R4.6), so every move plays out the same.
 */
export interface RecordSetup extends SetupData {
  readonly endsAfter?: number;
}

export interface GameRecord {
  readonly format: typeof RECORD_FORMAT;
  readonly rules: string;
  readonly setup: RecordSetup;
  readonly seed: string;
  readonly moves: readonly RecordedMove[];
}

export function newRecord(setup: RecordSetup, seed: string, moves: readonly RecordedMove[] = []): GameRecord {
  const { scenario, length, endsAfter } = setup;
  return { format: RECORD_FORMAT, rules: RULES_VERSION, setup: { scenario, length, ...(endsAfter !== undefined ? { endsAfter } : {}) }, seed, moves };
}

/**
 * The moves of a game from boardgame.io logs, in the order they were made. Each seat's own log
 * holds its own moves whole and the other's with their arguments withheld (every move is
 * redacted, R12), so a game against the computer passes both seats' logs and each move is
 * taken from the log that holds it whole. Entries boardgame.io made itself (`automatic`) are
 * left out: playing the moves again makes them again.
 */
export function recordedMoves(...logs: readonly (readonly LogEntry[] | undefined)[]): RecordedMove[] {
  const byState = new Map<number, RecordedMove>();
  for (const log of logs) {
    for (const entry of log ?? []) {
      const { action } = entry;
      if (action.type !== 'MAKE_MOVE' || entry.automatic) continue;
      const { type, args, playerID } = action.payload as { type: string; args: unknown; playerID: unknown };
      if (!Array.isArray(args) || (playerID !== '0' && playerID !== '1') || byState.has(entry._stateID)) continue;
      byState.set(entry._stateID, { playerID, move: type, args });
    }
  }
  return [...byState.entries()].sort(([a], [b]) => a - b).map(([, move]) => move);
}

const isPlainRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/** What is wrong with something read as a record (a damaged save, an edited file), or null when it can be played again. */
export function recordProblem(value: unknown): string | null {
  if (!isPlainRecord(value)) return 'not a game record';
  if (value.format !== RECORD_FORMAT) return 'an unknown record format';
  if (value.rules !== RULES_VERSION) return 'made under other rules';
  const setup = value.setup;
  if (!isPlainRecord(setup) || typeof setup.scenario !== 'string' || !(CONTENT.scenarios as ReadonlyMap<string, unknown>).has(setup.scenario) || !(LENGTHS as readonly unknown[]).includes(setup.length)) {
    return 'an unknown scenario or length';
  }
  if (setup.endsAfter !== undefined && (typeof setup.endsAfter !== 'number' || !Number.isInteger(setup.endsAfter) || setup.endsAfter < 1 || setup.endsAfter >= (setup.length as number))) {
    return 'a bad early end';
  }
  if (typeof value.seed !== 'string' || value.seed.length === 0 || value.seed.length > 64) return 'a bad seed';
  if (!Array.isArray(value.moves) || value.moves.length > 2000) return 'bad moves';
  for (const move of value.moves as unknown[]) {
    if (!isPlainRecord(move) || (move.playerID !== '0' && move.playerID !== '1') || typeof move.move !== 'string' || !isMoveName(move.move) || !Array.isArray(move.args)) {
      return 'bad moves';
    }
  }
  return null;
}
