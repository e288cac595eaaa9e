/**
 * Moves and hooks work on a private copy of the state and return it, instead of mutating
 * boardgame.io's immer draft. immer 9 (the version boardgame.io 0.50 ships) copies each
 * drafted object through property descriptors, about 14 µs an object on this machine, which
 * made it most of the cost of a move; plain spreads of the few parts the engine changes are
 * far cheaper, and immer still freezes what we return. Chronicle and history entries are never
 * changed once written, so they are shared rather than copied.
 *
 * boardgame.io hands moves an immer draft; the plain state is taken one layer further out by
 * the `working-base` plugin, whose wrapper runs outside immer's and passes `G` on as `baseG`.
 */
import type { FnContext, PlayerID, Plugin } from 'boardgame.io';
import { INVALID_MOVE } from 'boardgame.io/core';
import type { DeRiskState, SideState } from './state';

function copySide(s: SideState): SideState {
  return { ...s, hand: [...s.hand], deck: [...s.deck], discard: [...s.discard] };
}

export function workingCopy(G: DeRiskState): DeRiskState {
  return {
    ...G,
    tracks: { ...G.tracks },
    sides: { us: copySide(G.sides.us), cn: copySide(G.sides.cn) },
    eventDeck: [...G.eventDeck],
    flags: [...G.flags],
    discounts: [...G.discounts],
    delayed: [...G.delayed],
    offers: { ...G.offers },
    purchases: { ...G.purchases },
    roundPurchases: { ...G.roundPurchases },
    deal: G.deal && { ...G.deal, terms: [...G.deal.terms], commitments: [...G.deal.commitments], ceilings: [...G.deal.ceilings] },
    proposal: G.proposal && { ...G.proposal, terms: [...G.proposal.terms] },
    rupture: G.rupture && { ...G.rupture },
    history: [...G.history],
    chronicle: [...G.chronicle],
  };
}

type Context = FnContext<DeRiskState>;
export type MoveContext = Context & { playerID: PlayerID };

/** A move written as mutations of `G`: it returns nothing, or INVALID_MOVE to refuse. */
export type Mutation = (context: MoveContext, ...args: unknown[]) => typeof INVALID_MOVE | undefined;

interface WithBase {
  baseG?: DeRiskState;
}

/** The plugin that passes the plain state to moves and hooks as `baseG`. */
export const WorkingBase: Plugin = {
  name: 'working-base',
  fnWrap:
    (fn) =>
    (context, ...args: unknown[]): unknown =>
      fn({ ...context, baseG: context.G }, ...args),
};

function baseOf(context: Context & WithBase): DeRiskState {
  if (!context.baseG) throw new Error('The working-base plugin is not installed in this game.');
  return context.baseG;
}

/** Runs a move on a working copy; returns the copy, or INVALID_MOVE leaving the state untouched. */
export function moveOnCopy(move: Mutation): (context: MoveContext, ...args: unknown[]) => DeRiskState | typeof INVALID_MOVE {
  return (context, ...args) => {
    const G = workingCopy(baseOf(context));
    return move({ ...context, G }, ...args) === INVALID_MOVE ? INVALID_MOVE : G;
  };
}

/** Runs a phase hook on a working copy and returns it. */
export function hookOnCopy(hook: (context: Context) => void): (context: Context) => DeRiskState {
  return (context) => {
    const G = workingCopy(baseOf(context));
    hook({ ...context, G });
    return G;
  };
}
