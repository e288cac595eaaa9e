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
import type { Good, Side } from '../content/types';
import type { DeRiskState, Deal, Offers, Proposal, SideState, Tracks } from './state';

/** One level writable: the fields of `T`, not what they hold. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
/** The array itself writable (push, splice, reassign), its elements still read-only. */
type Items<T> = T extends readonly (infer E)[] ? E[] : T;

/** Track values that may be written: a working copy's, or a forecast's own copy. */
export type WorkingTracks = Mutable<Tracks>;
export type WorkingSide = Mutable<SideState> & { hand: string[]; deck: string[]; discard: string[] };
export type WorkingDeal = Mutable<Deal> & { terms: string[]; commitments: Items<Deal['commitments']>; ceilings: Items<Deal['ceilings']> };

/**
 * The state a move, a hook or setup writes: writable exactly as deep as `workingCopy` copies it.
 * Flags, discounts, delayed effects, deal ceilings, snapshots and chronicle entries are shared with
 * the frozen state they came from, so their arrays may change but the entries themselves may not
 * (replace an entry instead).
 */
export type WorkingState = Omit<
  Mutable<DeRiskState>,
  'tracks' | 'sides' | 'eventDeck' | 'flags' | 'discounts' | 'delayed' | 'offers' | 'purchases' | 'roundPurchases' | 'deal' | 'proposal' | 'history' | 'chronicle'
> & {
  tracks: WorkingTracks;
  sides: Record<Side, WorkingSide>;
  eventDeck: string[];
  flags: Items<DeRiskState['flags']>;
  discounts: Items<DeRiskState['discounts']>;
  delayed: Items<DeRiskState['delayed']>;
  offers: Mutable<Offers>;
  purchases: Record<Good, number>;
  roundPurchases: Record<Good, number>;
  deal: WorkingDeal | null;
  proposal: (Mutable<Proposal> & { terms: string[] }) | null;
  history: Items<DeRiskState['history']>;
  chronicle: Items<DeRiskState['chronicle']>;
};

function copySide(s: SideState): WorkingSide {
  return { ...s, hand: [...s.hand], deck: [...s.deck], discard: [...s.discard] };
}

/** A private copy of the state that the engine may write (see `WorkingState`). */
export function workingCopy(G: DeRiskState): WorkingState {
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
/** What a hook is handed: boardgame.io's context around a working copy. */
export type HookContext = FnContext<WorkingState>;
export type MoveContext = HookContext & { playerID: PlayerID };

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
export function moveOnCopy(move: Mutation): (context: Context & { playerID: PlayerID }, ...args: unknown[]) => DeRiskState | typeof INVALID_MOVE {
  return (context, ...args) => {
    const G = workingCopy(baseOf(context));
    return move({ ...context, G }, ...args) === INVALID_MOVE ? INVALID_MOVE : G;
  };
}

/** Runs a phase hook on a working copy and returns it. */
export function hookOnCopy(hook: (context: HookContext) => void): (context: Context) => DeRiskState {
  return (context) => {
    const G = workingCopy(baseOf(context));
    hook({ ...context, G });
    return G;
  };
}
