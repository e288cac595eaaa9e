/** The policy-card piles: drawing, reshuffling and recycling (R6). */
import type { Side } from '../content/types';
import type { WorkingState } from './working-copy';

export const HAND_LIMIT = 5;

/** The seeded randomness the engine needs; boardgame.io's `random` provides it. */
export interface Dice {
  d6(): number;
  shuffle<T>(items: T[]): T[];
}

/** Draws up to `count` cards without passing the hand limit; returns how many were drawn. */
export function drawCards(G: WorkingState, side: Side, count: number, dice: Dice): number {
  const pile = G.sides[side];
  let drawn = 0;
  while (drawn < count && pile.hand.length < HAND_LIMIT) {
    if (pile.deck.length === 0) {
      if (pile.discard.length === 0) break;
      pile.deck = dice.shuffle(pile.discard);
      pile.discard = [];
    }
    const card = pile.deck.pop();
    if (card === undefined) break;
    pile.hand.push(card);
    drawn += 1;
  }
  return drawn;
}

/** Moves one copy of `card` from the hand to the discard pile; false if it is not in hand. */
export function discardFromHand(G: WorkingState, side: Side, card: string): boolean {
  const pile = G.sides[side];
  const at = pile.hand.indexOf(card);
  if (at < 0) return false;
  pile.hand.splice(at, 1);
  pile.discard.push(card);
  return true;
}
