/** A whole game between two easy computers, as a record: what replay and "what if?" tests start from. */
import { decide } from '../../src/bots';
import { newRecord, type GameRecord, type RecordedMove, type SetupData } from '../../src/game';
import { createHeadlessMatch, playerToAct } from '../../src/sim/headless';

export function finishedGame(seed: string, setup: SetupData = { scenario: '2025', length: 4 }): GameRecord {
  const match = createHeadlessMatch(seed, setup);
  const moves: RecordedMove[] = [];
  for (let n = 0; match.state.ctx.gameover === undefined; n += 1) {
    if (n > 2000) throw new Error('the game did not end');
    const { move } = decide(match.state.G, match.state.ctx, { level: 'easy', persona: 'balanced', seed: n });
    const playerID = playerToAct(match.state) as '0' | '1';
    if (!match.move(playerID, move.move, ...move.args)) throw new Error(`the computer's ${move.move} was refused`);
    moves.push({ playerID, move: move.move, args: move.args });
  }
  return newRecord(setup, seed, moves);
}
