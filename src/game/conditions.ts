/** Evaluates the content vocabulary's conditions against a state (R13). */
import type { Condition } from '../content/types';
import type { DeRiskState } from './state';

export function holds(G: DeRiskState, condition: Condition): boolean {
  switch (condition.kind) {
    case 'atLeast':
      return G.tracks[condition.track] >= condition.value;
    case 'atMost':
      return G.tracks[condition.track] <= condition.value;
    case 'pendingOffer':
      return G.offers.pending > 0;
    case 'approvedPlants':
      return G.offers.approved >= condition.atLeast;
    case 'dealInForce':
      return G.deal !== null;
    case 'noDeal':
      return G.deal === null;
    case 'flag':
      return G.flags.some((f) => f.flag === condition.flag);
    case 'noFlag':
      return !G.flags.some((f) => f.flag === condition.flag);
    case 'purchases':
      return G.purchases[condition.good] >= condition.atLeast;
    case 'dealCommitments':
      return G.deal !== null && G.deal.commitments.length >= condition.atLeast;
    case 'lowestRelationship':
      return G.lowestRelationship >= condition.atLeast;
  }
}

export function allHold(G: DeRiskState, conditions: readonly Condition[]): boolean {
  return conditions.every((c) => holds(G, c));
}
