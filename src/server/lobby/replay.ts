/**
 * A finished match's replay file (issue 14), `GET /games/de-risk/:code/replay`: the same file a
 * local game downloads from its debrief (src/sim/replay.ts: the rules version, the setup, the
 * seed and every move with its reason), made from what the server stores: the seed and setup
 * from the match's first state, the moves from its log (the server keeps every argument; only
 * what it sends is redacted), and, for a class game its teacher finished early, the round it
 * ended after (R4.7).
 *
 * Only a finished match has one: before the end the answer is a refusal that says nothing of
 * the game (R12: during a live game nobody can replay; the seed would tell the decks' order).
 * Once the game is over nothing is secret, so anyone with the room code may download it: both
 * players, spectators, the teacher for the projector.
 *
 * Before a file is served, the server plays it through the engine and checks that it reaches
 * the stored final state; a match it cannot reproduce (played under other rules before an
 * upgrade, say) has no file. A finished match never changes, so each file made is kept (a
 * bounded number, the least recently asked dropped first) and asking again costs one read.
 */
import { isDeepStrictEqual } from 'node:util';
import type { State } from 'boardgame.io';
import { newRecord, recordedMoves, type DeRiskState, type GameRecord } from '../../game';
import { replayRecord } from '../../sim/headless';
import { replayFileName, replayFileText } from '../../sim/replay';
import { fetchMatch, seedOf, type MatchParts } from '../bgio';
import { cut, log } from '../log';
import { NO_MATCH, refuse, type Answer, type Lobby } from './context';

export const NOT_OVER = ['notOver', 'The game is not over: its replay file can be downloaded once it ends.'] as const;
export const NO_REPLAY = ['noReplay', 'This game cannot be played again from its moves, so it has no replay file.'] as const;

/** The record of a stored match: its setup and seed from its first state, its moves from its log; null when a part is missing. */
export function storedRecord({ state, initialState, log: entries }: MatchParts): GameRecord | null {
  const seed = seedOf(initialState);
  if (!state || !initialState || !seed) return null;
  const first = initialState.G as DeRiskState;
  const { endsAfter } = state.G as DeRiskState;
  return newRecord({ scenario: first.scenario, length: first.length, ...(endsAfter !== undefined ? { endsAfter } : {}) }, seed, recordedMoves(entries));
}

/** A state as stored (through JSON): what a store keeps of it, so that a field left undefined is no difference. */
const stored = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

/** Whether `record` plays through the engine to the game and the turn of `final`. */
export function reproduces(record: GameRecord, final: State): boolean {
  const replayed = replayRecord(record);
  if (!('state' in replayed)) return false;
  return isDeepStrictEqual(stored(replayed.state.G), stored(final.G)) && isDeepStrictEqual(stored(replayed.state.ctx), stored(final.ctx));
}

interface Kept {
  createdAt: number;
  stateID: number;
  answer: Answer;
}

/** Makes, checks and keeps replay files; one per lobby API. */
export class ReplayFiles {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly capacity = 200) {}

  async answer(lobby: Lobby, matchID: string): Promise<Answer> {
    const { state, metadata } = await fetchMatch(lobby.db, matchID, { state: true, metadata: true });
    if (!state || !metadata) return refuse(404, ...NO_MATCH);
    if (state.ctx.gameover === undefined) return refuse(409, ...NOT_OVER);
    const hit = this.kept.get(matchID);
    this.kept.delete(matchID);
    if (hit && hit.createdAt === metadata.createdAt && hit.stateID === state._stateID) {
      this.kept.set(matchID, hit);
      return hit.answer;
    }
    const parts = await fetchMatch(lobby.db, matchID, { state: true, initialState: true, log: true });
    if (!parts.state) return refuse(404, ...NO_MATCH);
    const record = parts.state._stateID === state._stateID ? storedRecord(parts) : null;
    let answer: Answer;
    if (record && reproduces(record, state)) {
      answer = {
        status: 200,
        body: replayFileText(record),
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Disposition': `attachment; filename="${replayFileName(record, matchID)}"`,
        },
      };
    } else {
      // Kept as well: a match that cannot be reproduced is not played through again at every ask.
      log('error', 'replay-not-reproduced', { matchID: cut(matchID, 16), moves: record?.moves.length ?? null });
      answer = refuse(409, ...NO_REPLAY);
    }
    this.kept.set(matchID, { createdAt: metadata.createdAt, stateID: state._stateID, answer });
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= this.capacity) break;
      this.kept.delete(oldest);
    }
    return answer;
  }
}
