/**
 * The hard bot: it thinks ahead. The normal bot's best few plays are each tried on a private
 * copy of the bot's view, and the rest of the round (the bot's own later turns, the other
 * side's replies, the round end's drift and deal upkeep, the next round's start) is played
 * out with the normal bot standing in for both sides. A few dice seeds are averaged. The
 * budget is a fixed number of plays, never a clock, so a position always gets the same answer.
 */
import type { Ctx } from 'boardgame.io';
import type { Side } from '../content/types';
import { PLAYER_OF, actingSide, other, toMove, type DeRiskState } from '../game';
import { NORMAL_OPTIONS, personaBonus, rankPlays, type Candidate, type RankOptions } from './normal';
import { weightsFor } from './persona';
import { botView } from './position';
import { simMove, simState, type SimState } from '../sim/lookahead';
import type { Persona } from './types';
import { reachOf, terminalValue, valueOf } from './value';

export interface HardBudget {
  /** How many of the normal bot's best plays are searched. */
  readonly candidates: number;
  /** Dice seeds per candidate. */
  readonly samples: number;
  /** At most this many plays are simulated after the candidate. */
  readonly plies: number;
  /** How the stand-in normal bot ranks plays inside the simulation. */
  readonly rollout: RankOptions;
}

export const HARD_BUDGET: HardBudget = { candidates: 4, samples: 2, plies: 14, rollout: { proposals: 3, noise: 0.2 } };

export interface Searched {
  readonly candidate: Candidate;
  /** The searched value: the average outcome of the played-out futures. */
  readonly value: number;
}

/** Plays the rest of the round out from `state` and values the result for `side`. */
function rollout(start: SimState, side: Side, persona: Persona, rand: () => number, budget: HardBudget): number {
  let state = start;
  const round = state.G.round;
  for (let plies = 0; plies < budget.plies && state.ctx.gameover === undefined && state.G.round === round; plies += 1) {
    const actor = actingSide(state.G, state.ctx);
    if (!actor) break;
    const view = botView(state.G, state.ctx, actor);
    const [best] = rankPlays(view, state.ctx, actor, actor === side ? persona : 'balanced', rand, budget.rollout);
    const next = best ? simMove(state, PLAYER_OF[actor], toMove(best.play)) : null;
    if (!next) break;
    state = next;
  }
  const ended = terminalValue(state.G, side);
  if (ended !== null) return ended;
  const view = botView(state.G, state.ctx, side);
  const reach = { us: reachOf(view, 'us'), cn: reachOf(view, 'cn') };
  return valueOf(view, side, weightsFor(persona, view, side), { reach });
}

/**
 * The searched worth of a candidate once it is made. A proposal's answer is the other side's
 * to give, so both futures are played out and weighed by the chance the normal ranking gave a
 * signature (which falls with every deal that side has refused): the stand-in in the rollout
 * would otherwise sign whatever its own numbers like, and the bot would keep offering deals to
 * a player who refuses them all.
 */
function futureOf(start: SimState, candidate: Candidate, side: Side, persona: Persona, rand: () => number, budget: HardBudget): number {
  if (candidate.play.kind !== 'propose' || candidate.acceptance === undefined) return rollout(start, side, persona, rand, budget);
  const them = PLAYER_OF[other(side)];
  const signed = simMove(start, them, toMove({ kind: 'accept' }));
  const refused = simMove(start, them, toMove({ kind: 'reject' }));
  if (!signed || !refused) return rollout(start, side, persona, rand, budget);
  const p = candidate.acceptance;
  return p * rollout(signed, side, persona, rand, budget) + (1 - p) * rollout(refused, side, persona, rand, budget);
}

/** The normal ranking of `view`'s plays, re-scored by search; best first. */
export function searchPlays(
  view: DeRiskState,
  ctx: Ctx,
  side: Side,
  persona: Persona,
  seed: number,
  rand: () => number,
  budget: HardBudget = HARD_BUDGET,
): Searched[] {
  const ranked = rankPlays(view, ctx, side, persona, rand, NORMAL_OPTIONS);
  const w = weightsFor(persona, view, side);
  const out: Searched[] = [];
  for (const candidate of ranked.slice(0, budget.candidates)) {
    let total = 0;
    for (let s = 0; s < budget.samples; s += 1) {
      const start = simMove(simState(view, ctx, `${seed}:${s}`), PLAYER_OF[side], toMove(candidate.play));
      total += start ? futureOf(start, candidate, side, persona, rand, budget) : -Infinity;
    }
    out.push({ candidate, value: total / budget.samples + personaBonus(w, candidate, candidate.play) });
  }
  return out.sort((a, b) => b.value - a.value);
}
