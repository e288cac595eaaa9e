/** Why a play is refused, in a code for programs and words for people (R5.3). */

export type RefusalCode =
  | 'malformed'
  | 'gameOver'
  | 'notYourTurn'
  | 'awaitingAnswer'
  | 'noProposal'
  | 'passed'
  | 'noActionsLeft'
  | 'unknown'
  | 'wrongSide'
  | 'notInHand'
  | 'cannotAfford'
  | 'requirement'
  | 'pandemic'
  | 'dealInForce'
  | 'badTerms';

export interface Refusal {
  readonly code: RefusalCode;
  /** The reason in English words. */
  readonly message: string;
  /** The values in the message, so that another language can say it its own way. */
  readonly params?: Readonly<Record<string, string | number>>;
}

export function refuse(code: RefusalCode, message: string, params?: Record<string, string | number>): Refusal {
  return params ? { code, message, params } : { code, message };
}
