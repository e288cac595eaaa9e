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
import { suddenResult } from './scoring';
import type { DeRiskState, GameResult } from './state';
import { workingCopy } from './working-copy';
import { SIDE_TRACKS } from './tracks';

const PREVIEW_DICE: Dice = { d6: () => 6, shuffle: (items) => [...items] };
/** Every roll hits, to see what a play could cause if luck goes its way. */
const HIT_DICE: Dice = { d6: () => 1, shuffle: (items) => [...items] };

export interface Preview extends Outcome {
  /** The play involves a die roll; the preview shows it missing. */
  rolls: boolean;
}

/** What a play would cause beyond the numbers, for the board to warn before it is made. */
export interface Consequences {
  /** The game would end at once (R11), and how. */
  readonly ends: GameResult | null;
  /** The game would end at once if a die roll hits (the preview shows it missing); null otherwise. */
  readonly mayEnd: GameResult | null;
  /** The deal in force would collapse, a ceiling it set passed (R7.3): the side charged with it; null otherwise. */
  readonly breaksDeal: Side | null;
}

/** The changes `play` would make if `side` made it now; null for plays with nothing to show. */
export function previewPlay(G: DeRiskState, side: Side, play: Play): Preview | null {
  const r = resolvePreview(G, side, play, PREVIEW_DICE);
  return r ? { ...r.out, rolls: r.out.notes.some((n) => n.kind === 'roll') } : null;
}

/**
 * What `play` by `side` would cause now: the end of the game (sure, or if a roll hits) and the
 * collapse of the deal. Worked out on copies, like the preview; the board asks before such a
 * play (the bots do not need it, and do not pay for it).
 */
export function consequencesOf(G: DeRiskState, side: Side, play: Play): Consequences {
  const sure = resolvePreview(G, side, play, PREVIEW_DICE);
  if (!sure) return { ends: null, mayEnd: null, breaksDeal: null };
  const ends = suddenResult(sure.G) ?? null;
  const lucky = !ends && sure.out.notes.some((n) => n.kind === 'roll') ? resolvePreview(G, side, play, HIT_DICE) : null;
  return {
    ends,
    mayEnd: lucky ? (suddenResult(lucky.G) ?? null) : null,
    breaksDeal: sure.out.notes.find((n) => n.kind === 'breach')?.side ?? null,
  };
}

function resolvePreview(G: DeRiskState, side: Side, play: Play, dice: Dice): Resolution | null {
  const copy = workingCopy(G);
  const r: Resolution = { G: copy, actor: side, source: 'preview', dice, out: emptyOutcome() };
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
  return r;
}

/** What signing these terms would do, without the proposer's cost (for the responder's dialog). */
export function previewDeal(G: DeRiskState, terms: readonly string[], proposedBy: Side): Preview {
  const r: Resolution = { G: workingCopy(G), actor: proposedBy, source: 'preview', dice: PREVIEW_DICE, out: emptyOutcome() };
  signDeal(r, terms, proposedBy);
  return { ...r.out, rolls: r.out.notes.some((n) => n.kind === 'roll') };
}
