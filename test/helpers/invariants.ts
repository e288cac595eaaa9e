/** Invariants that must hold after every move of every game (R3.1, R4.4, R6). */
import type { State } from 'boardgame.io';
import { CONTENT } from '../../src/content';
import { HAND_LIMIT, TRACKS, type DeRiskState } from '../../src/game';
import { TRACK_IDS } from '../../src/content/types';

function sorted(list: readonly string[]): string[] {
  return [...list].sort();
}

/** Returns a list of broken invariants (empty when all hold). */
export function brokenInvariants(state: State<DeRiskState>): string[] {
  const { G } = state;
  const broken: string[] = [];
  for (const id of TRACK_IDS) {
    const value = G.tracks[id];
    const { min, max } = TRACKS[id];
    if (!Number.isInteger(value) || value < min || value > max) broken.push(`${id} = ${value} outside ${min}–${max}`);
  }
  for (const side of ['us', 'cn'] as const) {
    const pile = G.sides[side];
    if (pile.hand.length > HAND_LIMIT) broken.push(`${side} holds ${pile.hand.length} cards`);
    const everywhere = sorted([...pile.hand, ...pile.deck, ...pile.discard]);
    if (JSON.stringify(everywhere) !== JSON.stringify(sorted(CONTENT.decks[side]))) {
      broken.push(`${side}'s cards are not each in exactly one place`);
    }
    if (pile.actionsTaken > 3) broken.push(`${side} took ${pile.actionsTaken} actions`);
  }
  if (G.deal && (G.deal.health < 1 || G.deal.health > 3)) broken.push(`deal health ${G.deal.health}`);
  if (G.round < 1 || G.round > G.length) broken.push(`round ${G.round} of ${G.length}`);
  if (G.lowestRelationship > G.tracks.relationship) broken.push('lowest relationship above the current one');
  return broken;
}
