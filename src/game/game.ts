/** The De-Risk `Game`: flow, moves and secrets declared for boardgame.io (R4). */
import type { Game } from 'boardgame.io';
import { enumerate } from './ai';
import { diceFrom } from './dice';
import { stageMoves } from './registry';
import { canStillAct } from './rules';
import { closeHistory, endRound, startRound } from './round';
import { gameResult } from './scoring';
import { initialState, validateSetupData, type SetupData } from './setup';
import { other, PLAYER_OF, sideOf } from './sides';
import type { DeRiskState } from './state';
import { playerView } from './view';
import { hookOnCopy, moveOnCopy, WorkingBase } from './working-copy';

/** Whose turn follows `last`: alternate while both can act, else whoever still can (R4.5). */
function nextPosition(G: DeRiskState, last: string | null): number | undefined {
  const lastSide = sideOf(last);
  const order = lastSide ? [other(lastSide), lastSide] : (['us', 'cn'] as const);
  const next = order.find((side) => canStillAct(G, side));
  return next === undefined ? undefined : Number(PLAYER_OF[next]);
}

export const DeRisk: Game<DeRiskState, Record<string, unknown>, SetupData> = {
  name: 'de-risk',
  minPlayers: 2,
  maxPlayers: 2,
  disableUndo: true,
  plugins: [WorkingBase],
  setup: ({ random }, setupData) => initialState(setupData, diceFrom(random)),
  validateSetupData: (setupData, numPlayers) => validateSetupData(setupData, numPlayers),

  phases: {
    round: {
      start: true,
      next: 'round',
      onBegin: hookOnCopy(({ G, random }) => startRound(G, diceFrom(random))),
      onEnd: hookOnCopy(({ G, random }) => endRound(G, diceFrom(random))),
      turn: {
        order: {
          first: ({ G }) => nextPosition(G, null) ?? 0,
          next: ({ G, ctx }) => nextPosition(G, ctx.currentPlayer),
        },
        // One action a turn; a deal proposal keeps the turn open until it is answered.
        endIf: ({ G }) => G.proposal === null,
        // The responder answers a deal in a stage of its own (R7.2).
        stages: { respond: { moves: stageMoves('respond', moveOnCopy) } },
      },
      // The moves come from the registry (registry.ts). Every one is redacted in boardgame.io's
      // log: its last argument may be the mover's reason, a secret until the game ends (R12);
      // the chronicle in G is the public record.
      moves: stageMoves('turn', moveOnCopy),
    },
  },

  endIf: ({ G }) => gameResult(G),
  onEnd: hookOnCopy(({ G }) => closeHistory(G)),
  playerView,
  ai: { enumerate: (G, ctx) => enumerate(G, ctx) },

  // Everything a player does is a move; no client may end turns, phases or the game.
  events: {
    endGame: false,
    endPhase: false,
    endTurn: false,
    setPhase: false,
    endStage: false,
    setStage: false,
    pass: false,
    setActivePlayers: false,
  },
};
