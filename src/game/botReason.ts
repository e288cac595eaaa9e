/**
 * A computer player's one-line reason for a move (R12), as data: what it did, the one or two
 * track changes that mattered most to it, the leaning of its temperament, why it passed or
 * turned a deal down, and whether it thought ahead to the next round. The client words it in
 * the reader's language (src/ui/reasonText.ts); the engine, the server and the bots never do.
 *
 * Closed and small on purpose: every part is a union on a literal `kind`, every list and number
 * is bounded, and ids name content (an action, a card, a deal term) so that titles, too, are
 * shown in the reader's language. A recycled card is never named (R12). A new kind of reason is
 * a new member here, in `botReasonSchema` and in the client's wording, whose table fails to
 * compile without it.
 */
import { z } from 'zod/mini';
import { CONTENT } from '../content';
import { TRACK_IDS, type TrackId } from '../content/types';
import type { RefusalCode } from './refusals';
import type { Play } from './rules';

/** A change the bot expected, as it saw it; the client words whose track it is from the bot's side ("my support"). */
export interface ReasonChange {
  readonly track: TrackId;
  readonly from: number;
  readonly to: number;
}

/** At most this many changes a reason names (the ones that mattered most). */
export const REASON_CHANGES_MAX = 2;

/** The other side's last play that set the tone, for a tit-for-tat bot: a content entry, or a deal. */
export type TellingPlay =
  | { readonly kind: 'action'; readonly id: string }
  | { readonly kind: 'card'; readonly id: string }
  | { readonly kind: 'dealSigned' }
  | { readonly kind: 'dealCollapsed' }
  /** Any other play ("their last move"). */
  | { readonly kind: 'lastMove' };

/** Why a temperament leaned toward the play, beyond the numbers. */
export type Motive =
  /** A hawk's tough play: standing firm at home. */
  | { readonly kind: 'standFirm' }
  /** A dealmaker's friendly play: building trust for a deal. */
  | { readonly kind: 'buildTrust' }
  /** Tit-for-tat's first friendly play, before the other side has shown its hand. */
  | { readonly kind: 'openGoodwill' }
  /** Tit-for-tat's tough play after a hostile one of the other side. */
  | { readonly kind: 'answer'; readonly to: TellingPlay }
  /** Tit-for-tat's friendly play after a friendly one of the other side. */
  | { readonly kind: 'returnGoodwill'; readonly to: TellingPlay };

/** Why a first choice gave way to the move that is always open (a pass, or turning a deal down). */
export type Fallback =
  /** Nothing better was found. */
  | { readonly kind: 'nothingBetter' }
  /** The first choice was refused, by the engine (its refusal code) or by the server (no code). */
  | { readonly kind: 'refused'; readonly code?: RefusalCode };

export type PassWhy =
  /** Leverage is (nearly) spent: 1 or less. */
  | { readonly kind: 'lowLeverage' }
  /** No leverage at all this round. */
  | { readonly kind: 'noLeverage' }
  /** Enough has been done this round. */
  | { readonly kind: 'enough' }
  /** The last round: nothing left would raise the final score. */
  | { readonly kind: 'lastRound' }
  /** Nothing left is worth the leverage, so `keep` points of it are saved for the next round. */
  | { readonly kind: 'saveLeverage'; readonly keep: number }
  | Fallback;

export type RejectWhy =
  /** Signing would end the game against this side (R11). */
  | { readonly kind: 'wouldLose' }
  /** This side's hawks would call the deal a giveaway (R7.3). */
  | { readonly kind: 'hawks' }
  /** Signing would bring `changes` (none: too little), worth less than saying no. */
  | { readonly kind: 'worthLess'; readonly changes: readonly ReasonChange[] }
  | Fallback;

/** Which card a bot recycled, never by name (R12): any, one it cannot play now, or a weak one. */
export type RecycledCard = 'any' | 'dead' | 'weak';

/** Set when the hard bot played the rest of the round out before choosing (it thought ahead). */
interface Thought {
  readonly ahead?: true;
}

export type BotReason = Thought &
  (
    | { readonly kind: 'action'; readonly id: string; readonly changes: readonly ReasonChange[]; readonly motive?: Motive }
    | { readonly kind: 'card'; readonly id: string; readonly changes: readonly ReasonChange[]; readonly motive?: Motive }
    /** `changes`: what signing would bring; `odds`: how likely the bot thought a signature was. */
    | { readonly kind: 'propose'; readonly terms: readonly string[]; readonly changes: readonly ReasonChange[]; readonly odds?: 'likely' | 'longShot'; readonly motive?: Motive }
    | { readonly kind: 'accept'; readonly changes: readonly ReasonChange[]; readonly motive?: Motive }
    | { readonly kind: 'reject'; readonly why: RejectWhy }
    | { readonly kind: 'recycle'; readonly card: RecycledCard }
    | { readonly kind: 'pass'; readonly why: PassWhy }
  );

export type BotReasonKind = BotReason['kind'];

/** Every refusal code, as a record so that a new code missing here fails to compile. */
const REFUSAL_CODES: Readonly<Record<RefusalCode, true>> = {
  malformed: true,
  gameOver: true,
  notYourTurn: true,
  ownProposal: true,
  awaitingAnswer: true,
  noProposal: true,
  passed: true,
  noActionsLeft: true,
  unknown: true,
  wrongSide: true,
  notInHand: true,
  cannotAfford: true,
  requirement: true,
  pandemic: true,
  dealInForce: true,
  noTerms: true,
  termTwice: true,
  termsNeeded: true,
  tooManyTerms: true,
  termsClash: true,
};

/** An id of an entry of one content table: bounded, and one the game has. */
const idIn = (table: ReadonlyMap<string, unknown>, what: string) => z.string().check(z.maxLength(64), z.refine((id) => table.has(id), `not a known ${what}`));
const actionId = idIn(CONTENT.actions, 'action');
const cardId = idIn(CONTENT.cards, 'card');
/** Track values are small; this only bounds what a message may carry. */
const value = z.int().check(z.minimum(-99), z.maximum(99));

const change = z.strictObject({ track: z.enum(TRACK_IDS), from: value, to: value });
const changes = z.array(change).check(z.maxLength(REASON_CHANGES_MAX));

const telling = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('action'), id: actionId }),
  z.strictObject({ kind: z.literal('card'), id: cardId }),
  z.strictObject({ kind: z.literal('dealSigned') }),
  z.strictObject({ kind: z.literal('dealCollapsed') }),
  z.strictObject({ kind: z.literal('lastMove') }),
]);

const motive = z.optional(
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('standFirm') }),
    z.strictObject({ kind: z.literal('buildTrust') }),
    z.strictObject({ kind: z.literal('openGoodwill') }),
    z.strictObject({ kind: z.literal('answer'), to: telling }),
    z.strictObject({ kind: z.literal('returnGoodwill'), to: telling }),
  ]),
);

const fallbacks = [
  z.strictObject({ kind: z.literal('nothingBetter') }),
  z.strictObject({ kind: z.literal('refused'), code: z.optional(z.enum(Object.keys(REFUSAL_CODES) as [RefusalCode, ...RefusalCode[]])) }),
] as const;

const passWhy = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('lowLeverage') }),
  z.strictObject({ kind: z.literal('noLeverage') }),
  z.strictObject({ kind: z.literal('enough') }),
  z.strictObject({ kind: z.literal('lastRound') }),
  z.strictObject({ kind: z.literal('saveLeverage'), keep: z.int().check(z.minimum(0), z.maximum(99)) }),
  ...fallbacks,
]);

const rejectWhy = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('wouldLose') }),
  z.strictObject({ kind: z.literal('hawks') }),
  z.strictObject({ kind: z.literal('worthLess'), changes }),
  ...fallbacks,
]);

const ahead = z.optional(z.literal(true));

/** The schema of a computer's reason as a move carries it (the registry's and so the server's check). */
export const botReasonSchema: z.ZodMiniType<BotReason> = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('action'), id: actionId, changes, motive, ahead }),
  z.strictObject({ kind: z.literal('card'), id: cardId, changes, motive, ahead }),
  z.strictObject({
    kind: z.literal('propose'),
    terms: z.array(idIn(CONTENT.dealTerms, 'deal term')).check(z.minLength(1), z.maxLength(8)),
    changes,
    odds: z.optional(z.enum(['likely', 'longShot'])),
    motive,
    ahead,
  }),
  z.strictObject({ kind: z.literal('accept'), changes, motive, ahead }),
  z.strictObject({ kind: z.literal('reject'), why: rejectWhy, ahead }),
  z.strictObject({ kind: z.literal('recycle'), card: z.enum(['any', 'dead', 'weak']), ahead }),
  z.strictObject({ kind: z.literal('pass'), why: passWhy, ahead }),
]);

/** Whether a reason is about the play its move makes (the same kind, and the same action, card or terms). */
export function reasonFits(reason: BotReason, play: Play): boolean {
  switch (reason.kind) {
    case 'action':
    case 'card':
      return play.kind === reason.kind && play.id === reason.id;
    case 'propose':
      return play.kind === 'propose' && play.terms.length === reason.terms.length && play.terms.every((term, i) => term === reason.terms[i]);
    case 'accept':
    case 'pass':
    case 'recycle':
    case 'reject':
      return play.kind === reason.kind;
  }
}
