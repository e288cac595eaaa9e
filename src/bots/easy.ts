/**
 * The easy bot: plausible but naive. It picks a weighted random legal play, never one that
 * would lose the game on the spot (a rupture it causes, its own support at 0; R11), leans
 * toward passing as its actions and leverage run down, and signs a deal unless its hawks
 * would punish it (R7.3). Its persona only tilts the dice: a hawk picks hostile plays more
 * often, a dealmaker friendly ones, tit-for-tat whichever answers the other side's last play.
 */
import type { Side } from '../content/types';
import { SIDE_TRACKS, gameResult, hawkVerdict, legalPlays, type BotReason, type DeRiskState, type Play, type ReasonChange, type TurnInfo } from '../game';
import { tone } from './normal';
import { moodOf } from './persona';
import { project, type Projection } from './position';
import { mainChanges } from './reasons';
import type { Persona } from './types';

interface Choice {
  readonly play: Play;
  readonly reason: BotReason;
}

/** Whether the position after a play has ended the game against this side. */
function lost(p: Projection, side: Side): boolean {
  const result = gameResult(p.G);
  return result !== undefined && !('winnerSide' in result && result.winnerSide === side);
}

/** How a persona tilts the odds of hostile and friendly plays, and of deals. */
function tilt(persona: Persona, G: DeRiskState, side: Side): { hostile: number; friendly: number; deal: number } {
  const mood = persona === 'titForTat' ? moodOf(G, side) : null;
  if (persona === 'hawk' || mood === 'retaliate') return { hostile: 2.5, friendly: 0.4, deal: 0.2 };
  if (persona === 'dealmaker' || mood === 'cooperate') return { hostile: 0.4, friendly: 2, deal: 1.5 };
  return { hostile: 1, friendly: 1, deal: 1 };
}

function baseWeight(G: DeRiskState, side: Side, play: Play): number {
  switch (play.kind) {
    case 'action':
      return 1;
    case 'card':
      return 1.3;
    case 'recycle':
      return 0.08;
    case 'propose':
      return 0.5;
    case 'pass': {
      const s = G.sides[side];
      const low = G.tracks[SIDE_TRACKS[side].leverage] <= 1 ? 1 : 0;
      return 0.15 + 0.35 * s.actionsTaken + 0.8 * low;
    }
    case 'accept':
    case 'reject':
      return 0;
  }
}

function pick<T>(items: readonly T[], weights: readonly number[], rand: () => number): T | undefined {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = rand() * total;
  for (let i = 0; i < items.length; i += 1) {
    r -= weights[i] ?? 0;
    if (r < 0) return items[i];
  }
  return items.at(-1);
}

function answer(G: DeRiskState, side: Side, persona: Persona, rand: () => number): Choice {
  const verdict = G.proposal ? hawkVerdict(G.proposal.terms)[side] : -2;
  const signed = project(G, side, { kind: 'accept' });
  const unsafe = lost(signed, side);
  if (!unsafe && (verdict >= 0 || rand() < 0.35 * tilt(persona, G, side).deal)) {
    return { play: { kind: 'accept' }, reason: { kind: 'accept', changes: mainChanges(signed.preview?.changes ?? []) } };
  }
  return { play: { kind: 'reject' }, reason: { kind: 'reject', why: { kind: unsafe ? 'wouldLose' : 'hawks' } } };
}

export function easyChoice(G: DeRiskState, ctx: TurnInfo, side: Side, persona: Persona, rand: () => number): Choice {
  if (G.proposal) return answer(G, side, persona, rand);
  const lean = tilt(persona, G, side);
  const legal = legalPlays(G, ctx, side);
  const proposals = legal.filter((p) => p.kind === 'propose' && hawkVerdict(p.terms)[side] >= 0);
  // All proposals together weigh as much as one play: an easy bot sometimes tries a deal.
  const deal = proposals[Math.floor(rand() * proposals.length)];
  const options: { play: Play; p: Projection; weight: number }[] = [];
  for (const play of deal ? [...legal.filter((p) => p.kind !== 'propose'), deal] : legal) {
    if (play.kind === 'propose' && play !== deal) continue;
    const p = project(G, side, play);
    if (play.kind !== 'pass' && lost(p, side)) continue;
    const t = tone(play, p);
    const weight = baseWeight(G, side, play) * (t.hostile ? lean.hostile : 1) * (t.friendly ? lean.friendly : 1) * (play === deal ? lean.deal : 1);
    options.push({ play, p, weight });
  }
  const chosen = pick(options, options.map((o) => o.weight), rand);
  if (!chosen || chosen.play.kind === 'pass') {
    const lev = G.tracks[SIDE_TRACKS[side].leverage];
    return { play: { kind: 'pass' }, reason: { kind: 'pass', why: { kind: lev <= 1 ? 'lowLeverage' : 'enough' } } };
  }
  return { play: chosen.play, reason: reasonFor(chosen.play, mainChanges(chosen.p.preview?.changes ?? [])) };
}

/** The reason for a play the easy bot drew: what it does, nothing more (it does not weigh its odds). */
function reasonFor(play: Exclude<Play, { kind: 'pass' }>, changes: readonly ReasonChange[]): BotReason {
  switch (play.kind) {
    case 'action':
    case 'card':
      return { kind: play.kind, id: play.id, changes };
    case 'propose':
      return { kind: 'propose', terms: [...play.terms], changes };
    case 'recycle':
      return { kind: 'recycle', card: 'any' };
    case 'accept':
      return { kind: 'accept', changes };
    case 'reject':
      return { kind: 'reject', why: { kind: 'nothingBetter' } };
  }
}
