/** Deals: proposal checks, signing, upkeep, breach and collapse (R7). */
import { CONTENT, must } from '../content';
import type { Condition, DealTermDef, Good, Side } from '../content/types';
import type { Dice } from './cards';
import { allHold } from './conditions';
import { addToTrack, causeOf, clearFlag, emptyOutcome, resolve, type Resolution } from './effects';
import { refuse, type Refusal } from './refusals';
import { other } from './sides';
import type { Ceiling, DeRiskState } from './state';
import type { WorkingDeal, WorkingState } from './working-copy';
import { SIDE_TRACKS } from './tracks';

export const DEAL_COST = 2;
export const MAX_TERMS_PER_SIDE = 2;
export const DEAL_HEALTH = 3;
export const SIGNING_RELATIONSHIP = 2;
export const SIGNING_INTERDEPENDENCE = 1;
export const COLLAPSE_RELATIONSHIP = -2;
/** What a collapse costs the side charged with it, in support (R7.5). */
export const COLLAPSE_SUPPORT = -1;
/** How far the hawks can move a side's support when a deal is signed. */
export const HAWK_SWING = 2;

/** A term's requirement, where a factory offer made by the same deal counts as pending (R7.1). */
export function requirementMet(G: DeRiskState, when: Condition, deal: readonly DealTermDef[]): boolean {
  if (when.kind === 'pendingOffer' && deal.some((d) => d.effects.some((e) => e.kind === 'offer'))) return true;
  return allHold(G, [when]);
}

/** Why a list of terms cannot be proposed now, or null if it can (R7.1). */
export function termsProblem(G: DeRiskState, terms: unknown): Refusal | null {
  if (!Array.isArray(terms) || !terms.every((t): t is string => typeof t === 'string')) {
    return refuse('malformed', { what: 'terms', max: 2 * MAX_TERMS_PER_SIDE });
  }
  if (terms.length === 0) return refuse('noTerms', {});
  const twice = terms.find((id, index) => terms.indexOf(id) !== index);
  if (twice !== undefined) return refuse('termTwice', { kind: 'term', id: twice });
  const defs: DealTermDef[] = [];
  for (const id of terms) {
    const def = CONTENT.dealTerms.get(id);
    if (!def) return refuse('unknown', { kind: 'term', id });
    defs.push(def);
  }
  for (const side of ['us', 'cn'] as const) {
    const count = defs.filter((d) => d.side === side).length;
    if (count === 0) return refuse('termsNeeded', { side });
    if (count > MAX_TERMS_PER_SIDE) return refuse('tooManyTerms', { side, max: MAX_TERMS_PER_SIDE });
  }
  for (const def of defs) {
    const clash = def.excludes.find((x) => terms.includes(x));
    if (clash) return refuse('termsClash', { kind: 'term', id: def.id, with: clash });
    const index = def.requires.findIndex((req) => !requirementMet(G, req.when, defs));
    if (index >= 0) return refuse('requirement', { kind: 'term', id: def.id, index });
  }
  return null;
}

/**
 * Whether one term can join the terms already chosen: its requirement (with the chosen terms'
 * factory offer counting, R7.1) and the terms it cannot go with. Null when it can.
 */
export function termAvailability(G: DeRiskState, id: string, chosen: readonly string[]): Refusal | null {
  const def = CONTENT.dealTerms.get(id);
  if (!def) return refuse('unknown', { kind: 'term', id });
  const others = chosen.filter((x) => x !== id).flatMap((x) => CONTENT.dealTerms.get(x) ?? []);
  const clash = others.find((o) => o.excludes.includes(id) || def.excludes.includes(o.id));
  if (clash) return refuse('termsClash', { kind: 'term', id, with: clash.id });
  const index = def.requires.findIndex((req) => !requirementMet(G, req.when, [def, ...others]));
  return index >= 0 ? refuse('requirement', { kind: 'term', id, index }) : null;
}

/** Orders terms so that Beijing's apply first: a factory offer in the deal exists before it is approved. */
function termDefs(terms: readonly string[]): DealTermDef[] {
  const defs = terms.map((id) => must(CONTENT.dealTerms, id, 'deal term'));
  return [...defs.filter((d) => d.side === 'cn'), ...defs.filter((d) => d.side === 'us')];
}

/** Builds the deal object: commitments and ceilings, measured after the signing effects. */
export function makeDeal(G: DeRiskState, terms: readonly string[], proposedBy: Side | null): WorkingDeal {
  const commitments: Good[] = [];
  const ceilings: Ceiling[] = [{ track: 'usTariff', side: 'us', limit: G.tracks.usTariff }];
  for (const def of termDefs(terms)) {
    for (const o of def.obligations) {
      if (o.kind === 'purchase') commitments.push(o.good);
      else ceilings.push({ track: o.track, side: def.side, limit: G.tracks[o.track] });
    }
  }
  return { terms: [...terms], proposedBy, signedRound: G.round, health: DEAL_HEALTH, commitments, ceilings };
}

/** What each side's hawks make of a deal: what it gets minus what it gives, capped (R7.3). */
export function hawkVerdict(terms: readonly string[]): Record<Side, number> {
  const given: Record<Side, number> = { us: 0, cn: 0 };
  for (const def of termDefs(terms)) given[def.side] += def.weight;
  const swing = (side: Side) => Math.max(-HAWK_SWING, Math.min(HAWK_SWING, given[other(side)] - given[side]));
  return { us: swing('us'), cn: swing('cn') };
}

/** Signs a deal: term effects, relationship +2, interdependence +1, the hawks' verdict, the deal in force (R7.3). */
export function signDeal(r: Resolution, terms: readonly string[], proposedBy: Side | null): void {
  const { G } = r;
  for (const def of termDefs(terms)) resolve(r, def.effects);
  addToTrack(r, 'relationship', SIGNING_RELATIONSHIP);
  addToTrack(r, 'interdependence', SIGNING_INTERDEPENDENCE);
  const verdict = hawkVerdict(terms);
  for (const side of ['us', 'cn'] as const) {
    if (verdict[side] !== 0) addToTrack(r, SIDE_TRACKS[side].support, verdict[side]);
  }
  for (const f of G.flags.filter((x) => x.duration === 'untilDeal')) {
    clearFlag(G, f.flag);
    r.out.notes.push({ kind: 'flagCleared', flag: f.flag });
  }
  G.discounts = G.discounts.filter((d) => d.duration !== 'untilDeal');
  G.deal = makeDeal(G, terms, proposedBy);
}

/** Ends the deal in force, charging the side that broke it, or nobody when it wore away (R7.5). */
export function collapseDeal(r: Resolution, breachedBy: Side | null): void {
  const { G } = r;
  if (!G.deal) return;
  G.deal = null;
  // Charged to the breaker (R7.5, R11.2); recorded as the collapse, with what set it off (R11).
  const trigger = causeOf(r);
  const breaker: Resolution = { ...r, actor: breachedBy, ...(trigger && { cause: { kind: 'collapse', breachedBy, trigger } }) };
  addToTrack(breaker, 'relationship', COLLAPSE_RELATIONSHIP);
  if (breachedBy) addToTrack(breaker, SIDE_TRACKS[breachedBy].support, COLLAPSE_SUPPORT);
}

/**
 * An open breach: a play pushed a track over a deal's ceiling. The deal collapses at once
 * and the promising side is charged (R7.5). Returns the breaching side, if any.
 */
export function checkBreach(r: Resolution): Side | null {
  const deal = r.G.deal;
  if (!deal) return null;
  const broken = deal.ceilings.find((c) => r.G.tracks[c.track] > c.limit);
  if (!broken) return null;
  r.out.notes.push({ kind: 'breach', side: broken.side, track: broken.track, limit: broken.limit });
  collapseDeal(r, broken.side);
  return broken.side;
}

/** The promised goods not yet ordered this round, if the deal's upkeep is due this round (R7.4). */
export function missedCommitments(G: DeRiskState): Good[] {
  const deal = G.deal;
  if (!deal || deal.signedRound >= G.round) return [];
  return deal.commitments.filter((good) => G.roundPurchases[good] < 1);
}

/**
 * How far interdependence has fallen this round, from the last round end's snapshot to now, if
 * the deal's upkeep is due this round; null when it has not fallen (R7.4: decoupling wears a deal
 * down, the essay's reason the Phase One deal failed).
 */
export function erosion(G: DeRiskState): { from: number; to: number } | null {
  const before = G.history.at(-1)?.tracks.interdependence;
  if (!G.deal || G.deal.signedRound >= G.round || before === undefined || G.tracks.interdependence >= before) return null;
  return { from: before, to: G.tracks.interdependence };
}

/**
 * Round-end upkeep (R7.4): a missed purchase promise, or a round that cut the two economies'
 * ties, costs the deal 1 health (1 in all); at 0 it collapses, charged to Beijing if it missed a
 * promise, else to nobody: it wore away.
 */
export function dealUpkeep(G: WorkingState, dice: Dice): void {
  const deal = G.deal;
  const missed = missedCommitments(G);
  const eroded = erosion(G);
  if (!deal || (missed.length === 0 && !eroded)) return;
  const out = emptyOutcome();
  const r: Resolution = { G, actor: null, source: missed.length > 0 ? 'upkeep' : 'erosion', dice, out };
  deal.health -= 1;
  if (missed.length > 0) out.notes.push({ kind: 'missed', goods: missed });
  if (eroded) out.notes.push({ kind: 'eroded', ...eroded });
  if (deal.health > 0) {
    G.chronicle.push({ kind: 'dealUpkeep', round: G.round, health: deal.health, ...out });
    return;
  }
  const charged = missed.length > 0 ? 'cn' : null;
  collapseDeal(r, charged);
  G.chronicle.push({ kind: 'dealCollapsed', round: G.round, breachedBy: charged, ...out });
}
