/**
 * The one interpreter of the content vocabulary's effects (R13). Every change to a track
 * goes through `setTrack`, which clamps it, records it for the chronicle and notices a
 * rupture.
 */
import type { Effect, Flag, Side, TrackId } from '../content/types';
import { drawCards, type Dice } from './cards';
import type { Cause, DeRiskState, Note, TrackChange } from './state';
import type { WorkingState } from './working-copy';
import { clampTrack } from './tracks';
import { allHold } from './conditions';

/** What one resolution changed: filled in as effects apply, then written to the chronicle. */
export interface Outcome {
  changes: TrackChange[];
  notes: Note[];
}

export function emptyOutcome(): Outcome {
  return { changes: [], notes: [] };
}

export interface Resolution {
  readonly G: WorkingState;
  /** The side whose play this is; null for events and round-end drift. */
  readonly actor: Side | null;
  /** What scheduled it, kept with delayed effects ("card:huaweiCutoff"). */
  readonly source: string;
  readonly dice: Dice;
  readonly out: Outcome;
  /** What set this resolution off, when `source` alone does not say: a deal's collapse (deals.ts). */
  readonly cause?: Cause;
}

/**
 * What a resolution's changes are recorded as caused by (a sudden end's cause, R11): its `cause`,
 * else read from its source ("action:id", "card:id", "event:id", "escalation", "drift",
 * "upkeep", and "deal" for the side that signed). Undefined for sources no sudden end can come
 * from (income, recycling) or outside a game (previews).
 */
export function causeOf(r: Resolution): Cause | undefined {
  if (r.cause) return r.cause;
  const colon = r.source.indexOf(':');
  const head = colon < 0 ? r.source : r.source.slice(0, colon);
  const id = r.source.slice(colon + 1);
  switch (head) {
    case 'action':
    case 'card':
      return r.actor ? { kind: head, side: r.actor, id } : undefined;
    case 'deal':
      return r.actor ? { kind: 'signing', side: r.actor } : undefined;
    case 'event':
      return { kind: 'event', event: id };
    case 'escalation':
    case 'drift':
    case 'upkeep':
    case 'erosion':
      return { kind: head };
    default:
      return undefined;
  }
}

export function setTrack(r: Resolution, track: TrackId, value: number): void {
  const { G, out } = r;
  const from = G.tracks[track];
  const to = clampTrack(track, value);
  if (to === from) return;
  G.tracks[track] = to;
  const seen = out.changes.findIndex((c) => c.track === track);
  // Entries are read-only like all state: a second change to a track replaces its entry.
  const first = out.changes[seen];
  if (first) out.changes[seen] = { ...first, to };
  else out.changes.push({ track, from, to });
  if (to === 0 && (track === 'usSupport' || track === 'cnSupport')) {
    // R11.1: what voted a side out, for the debrief (the last time wins: the game ends at the next check).
    const cause = causeOf(r);
    if (cause) G.supportLost = { ...G.supportLost, [track === 'usSupport' ? 'us' : 'cn']: cause };
  }
  if (track !== 'relationship') return;
  G.lowestRelationship = Math.min(G.lowestRelationship, to);
  if (to < from && r.actor !== null) G.lastRelationshipCut = r.actor;
  // R11.2: the first sudden end decides; a rupture after a side was voted out changes nothing.
  if (to === 0 && G.rupture === null && G.tracks.usSupport > 0 && G.tracks.cnSupport > 0) {
    const causedBy = r.actor ?? G.lastRelationshipCut;
    // Who loses follows R11.2; what broke it (a play, an event, a collapse) is kept for the debrief.
    const cause = causeOf(r);
    G.rupture = cause ? { causedBy, cause } : { causedBy };
    out.notes.push(cause ? { kind: 'rupture', causedBy, cause } : { kind: 'rupture', causedBy });
  }
}

export function addToTrack(r: Resolution, track: TrackId, delta: number): void {
  setTrack(r, track, r.G.tracks[track] + delta);
}

export function hasFlag(G: DeRiskState, flag: Flag): boolean {
  return G.flags.some((f) => f.flag === flag);
}

export function clearFlag(G: WorkingState, flag: Flag): boolean {
  const before = G.flags.length;
  G.flags = G.flags.filter((f) => f.flag !== flag);
  return G.flags.length !== before;
}

export function resolve(r: Resolution, effects: readonly Effect[]): void {
  for (const effect of effects) apply(r, effect);
}

function apply(r: Resolution, effect: Effect): void {
  const { G, out } = r;
  switch (effect.kind) {
    case 'track':
      addToTrack(r, effect.track, effect.delta);
      return;
    case 'tariffHit': {
      let amount = effect.amount;
      if (clearFlag(G, 'tariffShield')) {
        amount -= 1;
        out.notes.push({ kind: 'shieldUsed' });
      }
      if (amount > 0) addToTrack(r, 'cnGrowth', -amount);
      return;
    }
    case 'concession': {
      let amount = effect.amount;
      if (effect.side === 'us') {
        if (clearFlag(G, 'concessionWaiver')) {
          amount = 0;
          out.notes.push({ kind: 'waiverUsed' });
        } else if (hasFlag(G, 'hawkishCongress')) {
          amount += 1;
          out.notes.push({ kind: 'hawkishCongress' });
        }
      }
      if (amount > 0) addToTrack(r, effect.side === 'us' ? 'usSupport' : 'cnSupport', -amount);
      return;
    }
    case 'if':
      resolve(r, allHold(G, effect.when) ? effect.then : (effect.otherwise ?? []));
      return;
    case 'roll': {
      const value = r.dice.d6();
      const hit = value <= effect.atMost;
      out.notes.push({ kind: 'roll', value, atMost: effect.atMost, hit });
      resolve(r, hit ? effect.then : (effect.otherwise ?? []));
      return;
    }
    case 'nextRound':
      G.delayed.push({ round: G.round + 1, side: r.actor, source: r.source, effects: effect.effects });
      out.notes.push({ kind: 'delayed', round: G.round + 1 });
      return;
    case 'flag':
      G.flags = G.flags.filter((f) => f.flag !== effect.flag);
      G.flags.push({ flag: effect.flag, duration: effect.duration });
      out.notes.push({ kind: 'flag', flag: effect.flag, duration: effect.duration });
      return;
    case 'clearFlag':
      if (clearFlag(G, effect.flag)) out.notes.push({ kind: 'flagCleared', flag: effect.flag });
      return;
    case 'discount':
      G.discounts.push({ side: effect.side, tag: effect.tag, amount: effect.amount, duration: effect.duration });
      out.notes.push({ kind: 'discount', side: effect.side, tag: effect.tag, amount: effect.amount, duration: effect.duration });
      return;
    case 'purchase':
      G.purchases[effect.good] += 1;
      G.roundPurchases[effect.good] += 1;
      out.notes.push({ kind: 'purchase', good: effect.good });
      return;
    case 'offer':
      if (G.offers.preempt) {
        G.offers.preempt = false;
        G.offers.blocked += 1;
        out.notes.push({ kind: 'offerPreempted' });
      } else {
        G.offers.pending += 1;
        out.notes.push({ kind: 'offerMade' });
      }
      return;
    case 'blockOffer':
      if (G.offers.pending > 0) {
        G.offers.pending -= 1;
        G.offers.blocked += 1;
        out.notes.push({ kind: 'offerBlocked' });
      } else {
        G.offers.preempt = true;
        out.notes.push({ kind: 'screening' });
      }
      return;
    case 'approveOffer':
      if (G.offers.pending > 0) {
        G.offers.pending -= 1;
        G.offers.approved += 1;
        out.notes.push({ kind: 'offerApproved' });
      } else {
        out.notes.push({ kind: 'noOffer' });
      }
      return;
    case 'income':
      G.sides[effect.side].incomeBonus += effect.delta;
      out.notes.push({ kind: 'income', side: effect.side, delta: effect.delta });
      return;
    case 'draw': {
      const count = drawCards(G, effect.side, effect.count, r.dice);
      out.notes.push({ kind: 'drew', side: effect.side, count });
      return;
    }
  }
}
