/**
 * What a bot may know, and what a play would lead to. A bot only ever reads its own seat's
 * `playerView` (R12). A play's result is the engine's own preview (`previewPlay`,
 * `previewDeal`) folded back onto a light copy of that view, so the value function can ask
 * the engine's scoring queries about the position after the play.
 */
import type { Ctx } from 'boardgame.io';
import { CONTENT } from '../content';
import type { Effect, Side, TrackId } from '../content/types';
import { PLAYER_OF, allHold, boundTrack, makeDeal, playerView, previewDeal, previewPlay, workingCopy, type DeRiskState, type Play, type Preview, type WorkingState } from '../game';

/** The side's own view of the game: its hand and agenda, never the other's or any deck order. */
export function botView(G: DeRiskState, ctx: Ctx, side: Side): DeRiskState {
  const view = playerView({ G, ctx, playerID: PLAYER_OF[side] });
  // Already this seat's view (a client's state): keep the pile sizes it was given.
  return G.view?.seat === side ? { ...view, view: G.view } : view;
}

/** A copy that is cheap to clone for previews: the chronicle and history are not needed there. */
export function lite(G: DeRiskState): DeRiskState {
  return { ...G, chronicle: [], history: [] };
}

/** A position after a play, and what the bot expects beyond what the preview shows. */
export interface Projection {
  readonly G: DeRiskState;
  readonly preview: Preview | null;
  /** Cards the play is expected to draw (the view hides the deck, so the preview draws none). */
  readonly draws: number;
}

/** Folds a preview's changes and notes onto the copy (R13's vocabulary, as the engine reports it). */
function fold(S: WorkingState, side: Side, preview: Preview): void {
  for (const c of preview.changes) S.tracks[c.track] = c.to;
  const rel = preview.changes.find((c) => c.track === 'relationship');
  if (rel && rel.to < rel.from) S.lastRelationshipCut = side;
  S.lowestRelationship = Math.min(S.lowestRelationship, S.tracks.relationship);
  for (const n of preview.notes) {
    switch (n.kind) {
      case 'purchase':
        S.purchases[n.good] += 1;
        S.roundPurchases[n.good] += 1;
        break;
      case 'offerMade':
        S.offers.pending += 1;
        break;
      case 'offerPreempted':
        S.offers.preempt = false;
        S.offers.blocked += 1;
        break;
      case 'offerBlocked':
        S.offers.pending -= 1;
        S.offers.blocked += 1;
        break;
      case 'screening':
        S.offers.preempt = true;
        break;
      case 'offerApproved':
        S.offers.pending -= 1;
        S.offers.approved += 1;
        break;
      case 'flag':
        S.flags = [...S.flags.filter((f) => f.flag !== n.flag), { flag: n.flag, duration: n.duration }];
        break;
      case 'flagCleared':
        S.flags = S.flags.filter((f) => f.flag !== n.flag);
        break;
      case 'shieldUsed':
        S.flags = S.flags.filter((f) => f.flag !== 'tariffShield');
        break;
      case 'waiverUsed':
        S.flags = S.flags.filter((f) => f.flag !== 'concessionWaiver');
        break;
      case 'discount':
        S.discounts.push({ side: n.side, tag: n.tag, amount: n.amount, duration: n.duration });
        break;
      case 'income':
        S.sides[n.side].incomeBonus += n.delta;
        break;
      case 'breach':
        S.deal = null;
        break;
      case 'rupture':
        S.rupture = { causedBy: n.causedBy };
        break;
      case 'delayed':
      case 'drift':
      case 'drew':
      case 'hawkishCongress':
      case 'missed':
      case 'eroded':
      case 'noOffer':
      case 'roll':
        break;
    }
  }
}

/**
 * Adds a die roll's expected effect: the preview shows every roll missing (R13 "Roll N"). A roll
 * inside an `if` counts on the branch the condition picks in `G`, the position the play starts
 * from (the only nested rolls in the content test the tracks before anything else happens), so
 * a card like the Currency Accord is worth its chance of success, not only its cost.
 */
function expectRolls(S: WorkingState, G: DeRiskState, effects: readonly Effect[]): void {
  const nudge = (track: TrackId, delta: number) => {
    S.tracks[track] = boundTrack(track, S.tracks[track] + delta);
  };
  const simple = (list: readonly Effect[] | undefined, weight: number) => {
    for (const e of list ?? []) {
      if (e.kind === 'track') nudge(e.track, e.delta * weight);
      else if (e.kind === 'concession') nudge(e.side === 'us' ? 'usSupport' : 'cnSupport', -e.amount * weight);
      else if (e.kind === 'tariffHit') nudge('cnGrowth', -e.amount * weight);
    }
  };
  for (const e of effects) {
    if (e.kind === 'if') {
      expectRolls(S, G, allHold(G, e.when) ? e.then : (e.otherwise ?? []));
      continue;
    }
    if (e.kind !== 'roll') continue;
    const p = e.atMost / 6;
    simple(e.then, p);
    simple(e.otherwise, -p);
  }
}

/** Cards a list of effects makes its player draw, as far as the hand has room. */
function drawsOf(effects: readonly Effect[], handAfter: number): number {
  const wanted = effects.reduce((n, e) => n + (e.kind === 'draw' ? e.count : 0), 0);
  return Math.max(0, Math.min(wanted, 5 - handAfter));
}

function signInto(S: WorkingState, terms: readonly string[], proposedBy: Side, preview: Preview): void {
  fold(S, proposedBy, preview);
  S.discounts = S.discounts.filter((d) => d.duration !== 'untilDeal');
  S.deal = makeDeal(S, terms, proposedBy);
  S.proposal = null;
  expectRolls(S, S, terms.flatMap((id) => CONTENT.dealTerms.get(id)?.effects ?? []));
}

/** The position after `side` makes `play` in `G` (a bot's light view), as the bot expects it. */
export function project(G: DeRiskState, side: Side, play: Play): Projection {
  const S = workingCopy(G);
  const own = S.sides[side];
  switch (play.kind) {
    case 'action':
    case 'card': {
      const def = play.kind === 'action' ? CONTENT.actions.get(play.id) : CONTENT.cards.get(play.id);
      const preview = previewPlay(G, side, play);
      if (!def || !preview) return { G: S, preview, draws: 0 };
      if (play.kind === 'card') own.hand.splice(own.hand.indexOf(play.id), 1);
      own.actionsTaken += 1;
      S.discounts = S.discounts.filter((d) => !(d.duration === 'untilUsed' && d.side === side && def.tags.includes(d.tag)));
      fold(S, side, preview);
      for (const e of def.effects) {
        if (e.kind === 'nextRound') S.delayed.push({ round: G.round + 1, side, source: def.id, effects: e.effects });
      }
      expectRolls(S, G, def.effects);
      return { G: S, preview, draws: drawsOf(def.effects, own.hand.length) };
    }
    case 'propose': {
      const preview = previewPlay(G, side, play);
      own.actionsTaken += 1;
      if (preview) signInto(S, play.terms, side, preview);
      return { G: S, preview, draws: 0 };
    }
    case 'accept': {
      const proposal = G.proposal;
      if (!proposal) return { G: S, preview: null, draws: 0 };
      const preview = previewDeal(G, proposal.terms, proposal.by);
      signInto(S, proposal.terms, proposal.by, preview);
      return { G: S, preview, draws: 0 };
    }
    case 'reject':
      S.proposal = null;
      return { G: S, preview: null, draws: 0 };
    case 'recycle':
      own.hand.splice(own.hand.indexOf(play.id), 1);
      own.actionsTaken += 1;
      S.tracks[side === 'us' ? 'usLeverage' : 'cnLeverage'] -= 1;
      return { G: S, preview: null, draws: 1 };
    case 'pass':
      own.passed = true;
      return { G: S, preview: null, draws: 0 };
  }
}

/** What a rejected proposal leaves: the proposer's leverage and action are spent (R7.2). */
export function projectRejected(G: DeRiskState, side: Side, cost: number): DeRiskState {
  const S = workingCopy(G);
  S.tracks[side === 'us' ? 'usLeverage' : 'cnLeverage'] -= cost;
  S.sides[side].actionsTaken += 1;
  return S;
}
