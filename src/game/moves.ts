/**
 * The moves. Each checks its arguments and the rules with `whyRefused` (so the board and
 * the bots see the same reasons), then resolves through the effect interpreter.
 */
import { INVALID_MOVE } from 'boardgame.io/core';
import { CONTENT, must } from '../content';
import type { PlayDef, Side, Tag } from '../content/types';
import { discardFromHand, drawCards } from './cards';
import { checkBreach, signDeal } from './deals';
import { diceFrom } from './dice';
import { addToTrack, emptyOutcome, resolve, type Resolution } from './effects';
import { refuse, type Refusal } from './refusals';
import { dealCost, costOf, RECYCLE_COST, whyRefused, type Play } from './rules';
import { other, PLAYER_OF, sideOf } from './sides';
import { SIDE_TRACKS } from './tracks';
import type { Reason } from './state';
import type { MoveContext, Mutation } from './working-copy';


/** The side making a move, if the move is allowed; null means INVALID_MOVE. */
function allowed({ G, ctx, playerID }: MoveContext, play: Play): Side | null {
  const side = sideOf(playerID);
  if (!side) return null;
  return whyRefused(G, ctx, side, play) === null ? side : null;
}

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

const asId = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The longest reason a move may carry (R12). */
export const REASON_MAX = 240;

/** How many arguments each move takes before its optional reason. */
const OWN_ARGS: Readonly<Record<string, number>> = { act: 1, playCard: 1, recycle: 1, proposeDeal: 1, acceptDeal: 0, rejectDeal: 0, pass: 0 };

/** A reason as one line of text; '' when none was given; null when it is not a short line of text (R12). */
function reasonLine(value: unknown): string | null {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text.length <= REASON_MAX ? text : null;
}

/** Why a move's reason argument is refused, or null if it is absent or a fine line of text. */
export function reasonProblem(move: string, args: readonly unknown[]): Refusal | null {
  if (reasonLine(args[OWN_ARGS[move] ?? 0]) !== null) return null;
  return refuse('malformed', `A move's reason must be one line of text of at most ${REASON_MAX} characters.`, { max: REASON_MAX });
}

/**
 * R12: every move may carry the mover's own one-line reason as its last argument (the
 * computer opponents always give one). Absent is fine; anything but a short line of text is
 * refused, so a malformed reason never reaches the chronicle. Returns `false` when refused.
 */
function reasonOf(value: unknown, side: Side | null): { reason?: Reason } | false {
  const text = reasonLine(value);
  if (text === null || (text && side === null)) return false;
  return text && side ? { reason: { side, text } } : {};
}

/** R5.4: take a standard action from the side's menu. */
export const act: Mutation = (context, actionId: unknown, why?: unknown) => {
  const id = asId(actionId);
  const side = allowed(context, { kind: 'action', id });
  const reason = reasonOf(why, side);
  if (!side || !reason) return INVALID_MOVE;
  const def = must(CONTENT.actions, id, 'action');
  const cost = costOf(context.G, side, def);
  const r = perform(context, side, def, `action:${id}`);
  context.G.chronicle.push({ kind: 'action', round: context.G.round, side, action: id, cost, ...r.out, ...reason });
};

/** R6.2: play a policy card from the hand; it is revealed and discarded. */
export const playCard: Mutation = (context, cardId: unknown, why?: unknown) => {
  const id = asId(cardId);
  const side = allowed(context, { kind: 'card', id });
  const reason = reasonOf(why, side);
  if (!side || !reason) return INVALID_MOVE;
  const def = must(CONTENT.cards, id, 'card');
  const cost = costOf(context.G, side, def);
  discardFromHand(context.G, side, id);
  const r = perform(context, side, def, `card:${id}`);
  context.G.chronicle.push({ kind: 'card', round: context.G.round, side, card: id, cost, ...r.out, ...reason });
};

/** R6.3: put a card face down on the discard pile and draw another; the card stays secret. */
export const recycle: Mutation = (context, cardId: unknown, why?: unknown) => {
  const id = asId(cardId);
  const side = allowed(context, { kind: 'recycle', id });
  const reason = reasonOf(why, side);
  if (!side || !reason) return INVALID_MOVE;
  const r = start(context, side, 'recycle');
  pay(r, side, RECYCLE_COST, []);
  discardFromHand(context.G, side, id);
  drawCards(context.G, side, 1, r.dice);
  context.G.sides[side].actionsTaken += 1;
  context.G.chronicle.push({ kind: 'recycle', round: context.G.round, side, cost: RECYCLE_COST, ...r.out, ...reason });
};

/** R7.1: propose a deal; the other side must answer before play goes on. */
export const proposeDeal: Mutation = (context, terms: unknown, why?: unknown) => {
  if (!Array.isArray(terms) || !terms.every((t): t is string => typeof t === 'string')) return INVALID_MOVE;
  const list = [...terms];
  const side = allowed(context, { kind: 'propose', terms: list });
  const reason = reasonOf(why, side);
  if (!side || !reason) return INVALID_MOVE;
  const { G, events } = context;
  const cost = dealCost(G, side);
  const r = start(context, side, 'deal');
  pay(r, side, cost, ['deal']);
  G.sides[side].actionsTaken += 1;
  G.proposal = { by: side, terms: list };
  G.chronicle.push({ kind: 'dealProposed', round: G.round, side, terms: list, cost, ...r.out, ...reason });
  events.setActivePlayers({ value: { [PLAYER_OF[other(side)]]: 'respond' } });
};

/** R7.3: the responder signs the deal on the table. */
export const acceptDeal: Mutation = (context, why?: unknown) => {
  const side = allowed(context, { kind: 'accept' });
  const proposal = context.G.proposal;
  const reason = reasonOf(why, side);
  if (!side || !proposal || !reason) return INVALID_MOVE;
  const r = start(context, side, 'deal');
  signDeal(r, proposal.terms, proposal.by);
  context.G.proposal = null;
  context.G.chronicle.push({ kind: 'dealSigned', round: context.G.round, side: proposal.by, terms: proposal.terms, ...r.out, ...reason });
};

/** R7.2: the responder turns the deal down; nothing changes but the proposer's spent leverage. */
export const rejectDeal: Mutation = (context, why?: unknown) => {
  const side = allowed(context, { kind: 'reject' });
  const proposal = context.G.proposal;
  const reason = reasonOf(why, side);
  if (!side || !proposal || !reason) return INVALID_MOVE;
  context.G.proposal = null;
  context.G.chronicle.push({ kind: 'dealRejected', round: context.G.round, side, terms: proposal.terms, changes: [], notes: [], ...reason });
};

/** R5.1: stop acting for the rest of the round. */
export const pass: Mutation = (context, why?: unknown) => {
  const side = allowed(context, { kind: 'pass' });
  const reason = reasonOf(why, side);
  if (!side || !reason) return INVALID_MOVE;
  context.G.sides[side].passed = true;
  context.G.chronicle.push({ kind: 'pass', round: context.G.round, side, changes: [], notes: [], ...reason });
};
