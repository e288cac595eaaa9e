/**
 * What a play would do, for the board's preview: the play is resolved on a copy of the state,
 * with every die roll missing (so a preview never promises luck) and no reshuffle. The
 * outcome's notes say whether a roll is involved.
 */
import { CONTENT } from '../content';
import type { Side } from '../content/types';
import type { Dice } from './cards';
import { checkBreach, signDeal } from './deals';
import { addToTrack, emptyOutcome, resolve, type Outcome, type Resolution } from './effects';
import { costOf, dealCost, type Play } from './rules';
import type { DeRiskState } from './state';
import { workingCopy } from './working-copy';
import { SIDE_TRACKS } from './tracks';

const PREVIEW_DICE: Dice = { d6: () => 6, shuffle: (items) => [...items] };

export interface Preview extends Outcome {
  /** The play involves a die roll; the preview shows it missing. */
  rolls: boolean;
}

/** The changes `play` would make if `side` made it now; null for plays with nothing to show. */
export function previewPlay(G: DeRiskState, side: Side, play: Play): Preview | null {
  const copy = workingCopy(G);
  const r: Resolution = { G: copy, actor: side, source: 'preview', dice: PREVIEW_DICE, out: emptyOutcome() };
  switch (play.kind) {
    case 'action':
    case 'card': {
      const def = play.kind === 'action' ? CONTENT.actions.get(play.id) : CONTENT.cards.get(play.id);
      if (!def) return null;
      addToTrack(r, SIDE_TRACKS[side].leverage, -costOf(copy, side, def));
      resolve(r, def.effects);
      checkBreach(r);
      break;
    }
    case 'propose':
      addToTrack(r, SIDE_TRACKS[side].leverage, -dealCost(copy, side));
      signDeal(r, play.terms, side);
      break;
    case 'accept':
    case 'pass':
    case 'recycle':
    case 'reject':
      return null;
  }
  return { ...r.out, rolls: r.out.notes.some((n) => n.kind === 'roll') };
}

/** What signing these terms would do, without the proposer's cost (for the responder's dialog). */
export function previewDeal(G: DeRiskState, terms: readonly string[], proposedBy: Side): Preview {
  const r: Resolution = { G: workingCopy(G), actor: proposedBy, source: 'preview', dice: PREVIEW_DICE, out: emptyOutcome() };
  signDeal(r, terms, proposedBy);
  return { ...r.out, rolls: r.out.notes.some((n) => n.kind === 'roll') };
}
