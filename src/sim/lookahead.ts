/**
 * A private copy of the game for the hard bot to think ahead on: the bot's own view run
 * through boardgame.io's reducer, the same code path as a real match. The view has no decks
 * and no other hand, so the simulated future holds no world event from the deck, no new
 * cards and an opponent who plays from its menu only: the bot never peeks (R12).
 */
import type { Ctx, State } from 'boardgame.io';
import { CreateGameReducer, ProcessGameConfig } from 'boardgame.io/internal';
import { DeRisk, type BotMove, type DeRiskState } from '../game';

/** The processed game and its reducer: pure functions of the game definition, shared by all bots. */
const reduce = CreateGameReducer({ game: ProcessGameConfig({ ...DeRisk }), isClient: false });

export type SimState = State<DeRiskState>;

/** A match state around a view; `seed` drives the dice rolled in the simulated future. */
export function simState(G: DeRiskState, ctx: Ctx, seed: string): SimState {
  return {
    G,
    ctx,
    plugins: { random: { data: { seed } }, log: { data: {} }, events: { data: {} } },
    _undo: [],
    _redo: [],
    _stateID: 0,
  };
}

/** The state after `playerID` makes `move`, or null if the engine refused it. */
export function simMove(state: SimState, playerID: string, move: BotMove): SimState | null {
  const next = reduce(state, { type: 'MAKE_MOVE', payload: { type: move.move, args: move.args, playerID } }) as SimState & {
    transients?: { error?: unknown };
  };
  if (next.transients?.error !== undefined || next === state) return null;
  const { transients: _ignored, ...clean } = next;
  return clean;
}
