/**
 * Why a play is refused (R5.3): a code and the values a sentence would need, never the
 * sentence itself. The interface words each code in the player's language (src/ui/refusals.ts);
 * the server passes refusals on as they are. Ids name content (an action, a card, a deal term),
 * so that its title, too, is shown in the player's language.
 */
import type { Side } from '../content/types';

/** A content entry a refusal is about. */
export interface ContentRef {
  readonly kind: 'action' | 'card' | 'term';
  readonly id: string;
}

/** A refusal that needs no values beyond its code. */
export interface NoValues {
  readonly none?: never;
}

/** The values each refusal carries. */
export interface RefusalParams {
  /** An argument of the wrong shape: a reason too long (`max` characters), a computer's reason that does not fit its move, or deal terms that are not a list of ids. */
  readonly malformed: { readonly what: 'reason' | 'code' | 'terms'; readonly max: number };
  readonly gameOver: NoValues;
  /** It is the other side's turn. */
  readonly notYourTurn: { readonly turn: Side };
  /** The deal on the table is this side's own: the other side answers it. */
  readonly ownProposal: { readonly responder: Side };
  readonly awaitingAnswer: { readonly responder: Side };
  readonly noProposal: NoValues;
  readonly passed: NoValues;
  readonly noActionsLeft: { readonly actions: number };
  readonly unknown: ContentRef;
  readonly wrongSide: ContentRef & { readonly owner: Side };
  readonly notInHand: ContentRef;
  readonly cannotAfford: { readonly cost: number; readonly have: number; readonly side: Side };
  /** A condition of the content entry is not met: its `requires[index]`, whose text says which. */
  readonly requirement: ContentRef & { readonly index: number };
  readonly pandemic: NoValues;
  readonly dealInForce: NoValues;
  /** The terms picked so far make no proposal (the composer, before a term is chosen). */
  readonly noTerms: NoValues;
  readonly termTwice: ContentRef;
  readonly termsNeeded: { readonly side: Side };
  readonly tooManyTerms: { readonly side: Side; readonly max: number };
  readonly termsClash: ContentRef & { readonly with: string };
}

export type RefusalCode = keyof RefusalParams;

/** One refusal: its code and that code's values. */
export type RefusalOf<C extends RefusalCode> = { readonly code: C } & RefusalParams[C];
export type Refusal = { [C in RefusalCode]: RefusalOf<C> }[RefusalCode];

export function refuse<C extends RefusalCode>(code: C, params: RefusalParams[C]): RefusalOf<C> {
  return { code, ...params };
}
