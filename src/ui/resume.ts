/**
 * Saving a local game after every move, and resuming it: the record is checked and played again
 * through the engine first (src/sim/headless.ts), and only a record that plays to the end is
 * played into the match's clients. Loaded with the board, never on the first visit.
 */
import { newRecord, PLAYER_OF, recordedMoves, type GameRecord, type RecordedMove, type SetupData } from '../game';
import { replayRecord } from '../sim/headless';
import type { ComputerMatch } from './bots/computerMatch';
import { BOT_LEVELS, PERSONAS } from './bots/opponent';
import type { DeRiskClient } from './hotseat/client';
import { saveGame, type SavedGame } from './savedGame';

/** A saved game that cannot be resumed, and why (the record's own words: "made under other rules"). */
export class ResumeError extends Error {
  constructor(readonly problem: string) {
    super(`The saved game cannot be resumed: ${problem}`);
    this.name = 'ResumeError';
  }
}

/** A fresh seed for a new local game, so that its record can be played again. */
export function newSeed(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('');
}

/**
 * Saves the game whenever one of its clients shows a move not yet saved; returns the
 * unsubscribe. `wrap` makes the saved game of a record (adding, against the computer, who it is).
 */
export function keepSaving(clients: readonly DeRiskClient[], setup: SetupData, seed: string, wrap: (record: GameRecord) => SavedGame): () => void {
  let saved = -1;
  const save = () => {
    const moves = recordedMoves(...clients.map((c) => c.log));
    if (moves.length === saved) return;
    saved = moves.length;
    saveGame(wrap(newRecord(setup, seed, moves)));
  };
  const stops = clients.map((client) => client.subscribe(save));
  return () => stops.forEach((stop) => stop());
}

/** Checks a saved game (what localStorage held) by playing its record through the engine; throws ResumeError when it cannot be resumed. */
export function checkedSave(value: unknown): SavedGame {
  const saved = value as Partial<SavedGame> | null;
  if (saved?.kind !== 'hotseat' && saved?.kind !== 'computer') throw new ResumeError('not a saved game');
  const replayed = replayRecord(saved.record);
  if (!('state' in replayed)) throw new ResumeError(replayed.problem);
  if (saved.kind === 'computer') {
    const { opponent, botSeed } = saved;
    const known = (list: readonly string[], value: unknown) => typeof value === 'string' && list.includes(value);
    if (!opponent || !known(['us', 'cn'], opponent.side) || !known(BOT_LEVELS, opponent.level) || !known(PERSONAS, opponent.persona) || typeof botSeed !== 'number' || !Number.isSafeInteger(botSeed)) {
      throw new ResumeError('not a saved game');
    }
  }
  return saved as SavedGame;
}

const stateID = (client: DeRiskClient) => client.getState()?._stateID ?? -1;

/** Plays recorded moves into a hot-seat client (one client, its seat switched for each move), then lowers the curtain. */
export function replayHotSeat(client: DeRiskClient, moves: readonly RecordedMove[]): void {
  for (const { playerID, move, args } of moves) {
    const before = stateID(client);
    client.updatePlayerID(playerID);
    client.moves[move]?.(...args);
    if (stateID(client) === before) throw new ResumeError('a move the rules refuse');
  }
  client.updatePlayerID(null);
}

/** Resolves once `client` shows a state past `after`; rejects after `ms`. */
function moved(client: DeRiskClient, after: number, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let stop = () => {};
    const timer = setTimeout(() => {
      stop();
      reject(new ResumeError('a move the rules refuse'));
    }, ms);
    stop = client.subscribe(() => {
      if (stateID(client) > after) {
        clearTimeout(timer);
        queueMicrotask(() => stop());
        resolve();
      }
    });
  });
}

/** Plays recorded moves into a game against the computer, each from its own seat's client, waiting for the match to take each one. */
export async function replayComputer(match: ComputerMatch, moves: readonly RecordedMove[]): Promise<void> {
  for (const { playerID, move, args } of moves) {
    const seat = playerID === PLAYER_OF[match.humanSide] ? match.human : match.bot;
    const before = stateID(match.human);
    const taken = moved(match.human, before, 5000);
    seat.moves[move]?.(...args);
    await taken;
  }
}
