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
  readonly message: string;
}

export function refuse(code: RefusalCode, message: string): Refusal {
  return { code, message };
}
