/**
 * Rule queries: who acts, what things cost, what is legal and why not. The moves, the
 * board and the bots all ask these, so a rule is written once (R5).
 */
import type { Ctx } from 'boardgame.io';
import { CONTENT, must } from '../content';
import type { PlayDef, Side, Tag } from '../content/types';
import { allHold } from './conditions';
import { DEAL_COST, MAX_TERMS_PER_SIDE, requirementMet, termsProblem } from './deals';
import { hasFlag } from './effects';
import { refuse, type Refusal } from './refusals';
import { other, sideOf } from './sides';
import type { DeRiskState } from './state';
import { SIDE_TRACKS } from './tracks';

export const ACTIONS_PER_ROUND = 3;
export const RECYCLE_COST = 1;
export const BASE_INCOME = 3;

/** The parts of boardgame.io's context the rules read. */
export type TurnInfo = Pick<Ctx, 'currentPlayer' | 'gameover'>;

/** Anything a side can do, as the rules see it. */
export type Play =
  | { readonly kind: 'action'; readonly id: string }
  | { readonly kind: 'card'; readonly id: string }
  | { readonly kind: 'recycle'; readonly id: string }
  | { readonly kind: 'propose'; readonly terms: readonly string[] }
  | { readonly kind: 'pass' }
  | { readonly kind: 'accept' }
  | { readonly kind: 'reject' };

/** The side that must act now: the responder while a deal waits for an answer (R7.2). */
export function actingSide(G: DeRiskState, ctx: TurnInfo): Side | null {
  if (ctx.gameover !== undefined) return null;
  if (G.proposal) return other(G.proposal.by);
  return sideOf(ctx.currentPlayer);
}

/** The game's last round: its length, or the round a teacher finished it after (R11.3). */
export function lastRound(G: Pick<DeRiskState, 'length' | 'endsAfter'>): number {
  return Math.min(G.length, G.endsAfter ?? G.length);
}

/** Whether a side may still take actions this round (R5.1). */
export function canStillAct(G: DeRiskState, side: Side): boolean {
  const s = G.sides[side];
  return !s.passed && s.actionsTaken < ACTIONS_PER_ROUND;
}

/** Sum of the active discounts for a side on any of these tags. */
function discountFor(G: DeRiskState, side: Side, tags: readonly Tag[]): number {
  return G.discounts.filter((d) => d.side === side && tags.includes(d.tag)).reduce((sum, d) => sum + d.amount, 0);
}

/** What an action or card costs this side now, after discounts (R5.2). */
export function costOf(G: DeRiskState, side: Side, def: Pick<PlayDef, 'cost' | 'tags'>): number {
  return Math.max(0, def.cost - discountFor(G, side, def.tags));
}

export function dealCost(G: DeRiskState, side: Side): number {
  return costOf(G, side, { cost: DEAL_COST, tags: ['deal'] });
}

export interface IncomeBreakdown {
  base: number;
  support: number;
  economy: number;
  lasting: number;
  total: number;
}

/** Leverage a side gains at the start of a round (R4.3). */
export function incomeOf(G: DeRiskState, side: Side): IncomeBreakdown {
  const t = SIDE_TRACKS[side];
  const support = G.tracks[t.support] >= 7 ? 1 : 0;
  const economy = side === 'us' ? (G.tracks.usInflation <= 3 ? 1 : 0) : G.tracks.cnGrowth >= 6 ? 1 : 0;
  const lasting = G.sides[side].incomeBonus;
  return { base: BASE_INCOME, support, economy, lasting, total: Math.max(0, BASE_INCOME + support + economy + lasting) };
}

function playDefFor(play: Play): PlayDef | undefined {
  if (play.kind === 'action') return CONTENT.actions.get(play.id);
  if (play.kind === 'card') return CONTENT.cards.get(play.id);
  return undefined;
}

function checkPlayDef(G: DeRiskState, side: Side, kind: 'action' | 'card', def: PlayDef): Refusal | null {
  if (def.side !== side) return refuse('wrongSide', { kind, id: def.id, owner: def.side });
  if (def.tags.includes('purchase') && hasFlag(G, 'pandemic')) return refuse('pandemic', {});
  const index = def.requires.findIndex((req) => !allHold(G, [req.when]));
  if (index >= 0) return refuse('requirement', { kind, id: def.id, index });
  return affordable(G, side, costOf(G, side, def));
}

function affordable(G: DeRiskState, side: Side, cost: number): Refusal | null {
  const have = G.tracks[SIDE_TRACKS[side].leverage];
  return have >= cost
    ? null
    : refuse('cannotAfford', { cost, have, side });
}

/** Why `side` may not make `play` now, or null if it may (R5.3). */
export function whyRefused(G: DeRiskState, ctx: TurnInfo, side: Side, play: Play): Refusal | null {
  if (ctx.gameover !== undefined) return refuse('gameOver', {});
  if (play.kind === 'accept' || play.kind === 'reject') {
    if (!G.proposal) return refuse('noProposal', {});
    if (G.proposal.by === side) return refuse('ownProposal', { responder: other(side) });
    return null;
  }
  if (G.proposal) return refuse('awaitingAnswer', { responder: other(G.proposal.by) });
  if (sideOf(ctx.currentPlayer) !== side) return refuse('notYourTurn', { turn: other(side) });
  if (G.sides[side].passed) return refuse('passed', {});
  if (G.sides[side].actionsTaken >= ACTIONS_PER_ROUND) {
    return refuse('noActionsLeft', { actions: ACTIONS_PER_ROUND });
  }
  switch (play.kind) {
    case 'pass':
      return null;
    case 'action': {
      const def = playDefFor(play);
      return def ? checkPlayDef(G, side, 'action', def) : refuse('unknown', { kind: 'action', id: play.id });
    }
    case 'card': {
      const def = playDefFor(play);
      if (!def) return refuse('unknown', { kind: 'card', id: play.id });
      if (!G.sides[side].hand.includes(play.id)) return refuse('notInHand', { kind: 'card', id: play.id });
      return checkPlayDef(G, side, 'card', def);
    }
    case 'recycle':
      if (!G.sides[side].hand.includes(play.id)) return refuse('notInHand', { kind: 'card', id: play.id });
      return affordable(G, side, RECYCLE_COST);
    case 'propose':
      if (G.deal) return refuse('dealInForce', {});
      return termsProblem(G, play.terms) ?? affordable(G, side, dealCost(G, side));
  }
}

/** Every subset of 1 to MAX_TERMS_PER_SIDE terms from a side's list, computed once. */
function smallSubsets(ids: readonly string[]): string[][] {
  const out: string[][] = [[]];
  for (const id of ids) {
    for (const subset of [...out]) if (subset.length < MAX_TERMS_PER_SIDE) out.push([...subset, id]);
  }
  return out.filter((subset) => subset.length > 0);
}
const TERM_SUBSETS = {
  us: smallSubsets(CONTENT.termsOf.us.map((t) => t.id)),
  cn: smallSubsets(CONTENT.termsOf.cn.map((t) => t.id)),
};

/**
 * Every deal this side could propose now (R7.1): the checks of `termsProblem`, arranged so
 * that each side's term lists are filtered once rather than per combination, since bots ask
 * this on every turn. A Washington term's requirement can only depend on Beijing's terms.
 */
export function legalProposals(G: DeRiskState, ctx: TurnInfo, side: Side): string[][] {
  const base = whyRefused(G, ctx, side, { kind: 'pass' });
  if (base || G.deal || affordable(G, side, dealCost(G, side))) return [];
  const defs = (ids: readonly string[]) => ids.map((id) => must(CONTENT.dealTerms, id, 'deal term'));
  const exclusive = (subset: readonly string[]) =>
    defs(subset).every((d) => !d.excludes.some((x) => subset.includes(x)));
  const us = TERM_SUBSETS.us.filter(exclusive);
  const cn = TERM_SUBSETS.cn.filter(exclusive);
  const out: string[][] = [];
  for (const c of cn) {
    const cnDefs = defs(c);
    if (!cnDefs.every((d) => d.requires.every((req) => requirementMet(G, req.when, cnDefs)))) continue;
    for (const u of us) {
      if (defs(u).every((d) => d.requires.every((req) => requirementMet(G, req.when, cnDefs)))) out.push([...u, ...c]);
    }
  }
  return out;
}

/** Every legal play for `side` now, each exactly once (R5.1). */
export function legalPlays(G: DeRiskState, ctx: TurnInfo, side: Side): Play[] {
  if (actingSide(G, ctx) !== side) return [];
  if (G.proposal) return [{ kind: 'accept' }, { kind: 'reject' }];
  const candidates: Play[] = [
    ...CONTENT.menus[side].map((a): Play => ({ kind: 'action', id: a.id })),
    ...[...new Set(G.sides[side].hand)].flatMap((id): Play[] => [
      { kind: 'card', id },
      { kind: 'recycle', id },
    ]),
    { kind: 'pass' },
  ];
  const plays = candidates.filter((p) => whyRefused(G, ctx, side, p) === null);
  for (const terms of legalProposals(G, ctx, side)) plays.push({ kind: 'propose', terms });
  return plays;
}

export interface MenuEntry {
  readonly def: PlayDef;
  readonly cost: number;
  readonly refusal: Refusal | null;
}

/** A side's standard actions with their current cost and, if refused, why (for the board). */
export function actionMenu(G: DeRiskState, ctx: TurnInfo, side: Side): MenuEntry[] {
  return CONTENT.menus[side].map((def) => ({
    def,
    cost: costOf(G, side, def),
    refusal: whyRefused(G, ctx, side, { kind: 'action', id: def.id }),
  }));
}
