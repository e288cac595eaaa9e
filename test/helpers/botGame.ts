/** Headless games in which bots give their reasons (R12), for the debrief and other screens. */
import type { State } from 'boardgame.io';
import { decide, type BotConfig } from '../../src/bots';
import { actingSide, type BotMove, type DeRiskState, type SetupData, type Side } from '../../src/game';
import { createHeadlessMatch, playerToAct } from '../../src/sim/headless';

/**
 * Plays a game to the end. A side with a bot plays its decisions (each with its reason); a
 * side without one passes and rejects every deal, giving no reason, as a quiet person might.
 */
export function playBotGame(seed: string, bots: Partial<Record<Side, Omit<BotConfig, 'seed'>>>, setup: SetupData = { scenario: '2025', length: 4 }): State<DeRiskState> {
  const match = createHeadlessMatch(seed, setup);
  for (let n = 0; match.state.ctx.gameover === undefined; n += 1) {
    if (n > 1000) throw new Error(`${seed}: the game did not end`);
    const { G, ctx } = match.state;
    const side = actingSide(G, ctx);
    if (!side) throw new Error(`${seed}: nobody to act`);
    const bot = bots[side];
    const move: BotMove = bot ? decide(G, ctx, { ...bot, seed: 11 }).move : { move: G.proposal ? 'rejectDeal' : 'pass', args: [] };
    if (!match.move(playerToAct(match.state), move.move, ...move.args)) throw new Error(`${seed}: ${JSON.stringify(move)} was refused`);
  }
  return match.state;
}
