/**
 * A decision thread: receives a seat's view of the game and a bot's settings, answers with the
 * bot's move and reason. Hard decisions take up to a few hundred milliseconds of CPU, which is
 * why they run here and not on the server's event loop (see pool.ts).
 */
import { parentPort } from 'node:worker_threads';
import type { Ctx } from 'boardgame.io';
import { decide, type BotConfig } from '../../bots';
import type { DeRiskState } from '../../game';

export interface DecisionRequest {
  id: number;
  G: DeRiskState;
  ctx: Ctx;
  config: BotConfig;
}

export type DecisionAnswer = { id: number; ok: true; decision: ReturnType<typeof decide> } | { id: number; ok: false; message: string };

parentPort?.on('message', ({ id, G, ctx, config }: DecisionRequest) => {
  let answer: DecisionAnswer;
  try {
    answer = { id, ok: true, decision: decide(G, ctx, config) };
  } catch (error) {
    answer = { id, ok: false, message: (error as Error).message };
  }
  parentPort?.postMessage(answer);
});
