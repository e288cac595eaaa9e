/**
 * What each kind of play does once the registry (registry.ts) has checked its arguments, its
 * reason (R12) and the rules (`whyRefused`): one performer a kind of play, each writing its
 * chronicle entry. The performers never see a malformed or illegal play.
 */
import { CONTENT, must } from '../content';
import type { PlayDef, Side, Tag } from '../content/types';
import { discardFromHand, drawCards } from './cards';
import { checkBreach, signDeal } from './deals';
import { diceFrom } from './dice';
import { addToTrack, emptyOutcome, resolve, type Resolution } from './effects';
import { costOf, dealCost, RECYCLE_COST, type Play } from './rules';
import { other, PLAYER_OF } from './sides';
import type { Reason } from './state';
import { SIDE_TRACKS } from './tracks';
import type { MoveContext } from './working-copy';

export type PlayOf<K extends Play['kind']> = Extract<Play, { kind: K }>;

/** The mover's reason (a person's words or the computer's code), spread into the chronicle entry: `{}` when none was given. */
export type ReasonField = { reason?: Reason };

/** Carries out an allowed play of one kind; false when the state forbids it after all (no deal to answer). */
export type Performer<K extends Play['kind']> = (context: MoveContext, side: Side, play: PlayOf<K>, reason: ReasonField) => boolean;

function start({ G, random }: MoveContext, side: Side, source: string): Resolution {
  return { G, actor: side, source, dice: diceFrom(random), out: emptyOutcome() };
}

/** Pays leverage; a discount that lasts until used is spent by the play it cheapened (R5.2). */
function pay(r: Resolution, side: Side, cost: number, tags: readonly Tag[]): void {
  r.G.discounts = r.G.discounts.filter((d) => !(d.duration === 'untilUsed' && d.side === side && tags.includes(d.tag)));
  addToTrack(r, SIDE_TRACKS[side].leverage, -cost);
}

function perform(context: MoveContext, side: Side, def: PlayDef, source: string): Resolution {
  const r = start(context, side, source);
  pay(r, side, costOf(context.G, side, def), def.tags);
  resolve(r, def.effects);
  checkBreach(r);
  context.G.sides[side].actionsTaken += 1;
  return r;
}

export const PERFORMERS: { readonly [K in Play['kind']]: Performer<K> } = {
  /** R5.4: take a standard action from the side's menu. */
  action(context, side, { id }, reason) {
    const def = must(CONTENT.actions, id, 'action');
    const cost = costOf(context.G, side, def);
    const r = perform(context, side, def, `action:${id}`);
    context.G.chronicle.push({ kind: 'action', round: context.G.round, side, action: id, cost, ...r.out, ...reason });
    return true;
  },

  /** R6.2: play a policy card from the hand; it is revealed and discarded. */
  card(context, side, { id }, reason) {
    const def = must(CONTENT.cards, id, 'card');
    const cost = costOf(context.G, side, def);
    discardFromHand(context.G, side, id);
    const r = perform(context, side, def, `card:${id}`);
    context.G.chronicle.push({ kind: 'card', round: context.G.round, side, card: id, cost, ...r.out, ...reason });
    return true;
  },

  /** R6.3: put a card face down on the discard pile and draw another; the card stays secret. */
  recycle(context, side, { id }, reason) {
    const r = start(context, side, 'recycle');
    pay(r, side, RECYCLE_COST, []);
    discardFromHand(context.G, side, id);
    drawCards(context.G, side, 1, r.dice);
    context.G.sides[side].actionsTaken += 1;
    context.G.chronicle.push({ kind: 'recycle', round: context.G.round, side, cost: RECYCLE_COST, ...r.out, ...reason });
    return true;
  },

  /** R7.1: propose a deal; the other side must answer before play goes on. */
  propose(context, side, { terms }, reason) {
    const { G, events } = context;
    const list = [...terms];
    const cost = dealCost(G, side);
    const r = start(context, side, 'deal');
    pay(r, side, cost, ['deal']);
    G.sides[side].actionsTaken += 1;
    G.proposal = { by: side, terms: list };
    G.chronicle.push({ kind: 'dealProposed', round: G.round, side, terms: list, cost, ...r.out, ...reason });
    events.setActivePlayers({ value: { [PLAYER_OF[other(side)]]: 'respond' } });
    return true;
  },

  /** R7.3: the responder signs the deal on the table. */
  accept(context, side, _play, reason) {
    const proposal = context.G.proposal;
    if (!proposal) return false;
    const r = start(context, side, 'deal');
    signDeal(r, proposal.terms, proposal.by);
    context.G.proposal = null;
    context.G.chronicle.push({ kind: 'dealSigned', round: context.G.round, side: proposal.by, terms: proposal.terms, ...r.out, ...reason });
    return true;
  },

  /** R7.2: the responder turns the deal down; nothing changes but the proposer's spent leverage. */
  reject(context, side, _play, reason) {
    const proposal = context.G.proposal;
    if (!proposal) return false;
    context.G.proposal = null;
    context.G.chronicle.push({ kind: 'dealRejected', round: context.G.round, side, terms: proposal.terms, changes: [], notes: [], ...reason });
    return true;
  },

  /** R5.1: stop acting for the rest of the round. */
  pass(context, side, _play, reason) {
    context.G.sides[side].passed = true;
    context.G.chronicle.push({ kind: 'pass', round: context.G.round, side, changes: [], notes: [], ...reason });
    return true;
  },
};
