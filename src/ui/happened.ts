/**
 * "What just happened": which chronicle entries a person at the table has not taken in yet,
 * grouped the way a round unfolds (the moves, the round end, the next round's start). Pure
 * functions over the chronicle; the match's UI store keeps, for each viewer, the index from
 * which entries are news (`from`).
 */
import { moverOf, type ChronicleEntry, type ChronicleKind, type Side } from '../game';

/** A side at the table, or an onlooker (spectator, projector). */
export type Viewer = Side | 'watch';

export type Phase = 'moves' | 'roundEnd' | 'roundStart';

export interface HappenedGroup {
  phase: Phase;
  round: number;
  entries: { entry: ChronicleEntry; index: number }[];
}

const ROUND_END: ReadonlySet<ChronicleKind> = new Set(['escalation', 'drift', 'dealUpkeep']);
const ROUND_START: ReadonlySet<ChronicleKind> = new Set(['event', 'delayed', 'income']);

/** Where in the round an entry belongs; a collapse belongs with whatever set it off, just before it. */
function phaseOf(entry: ChronicleEntry, previous: Phase): Phase {
  if (ROUND_END.has(entry.kind)) return 'roundEnd';
  if (ROUND_START.has(entry.kind)) return 'roundStart';
  if (entry.kind === 'dealCollapsed') return previous;
  return 'moves';
}

/** The entries from `from` on, in order, grouped by round and phase. */
export function happenedSince(chronicle: readonly ChronicleEntry[], from: number): HappenedGroup[] {
  const groups: HappenedGroup[] = [];
  let phase: Phase = 'moves';
  chronicle.forEach((entry, index) => {
    phase = phaseOf(entry, phase);
    if (index < from) return;
    const last = groups.at(-1);
    if (last && last.phase === phase && last.round === entry.round) last.entries.push({ entry, index });
    else groups.push({ phase, round: entry.round, entries: [{ entry, index }] });
  });
  return groups;
}

function lastMoveIndex(chronicle: readonly ChronicleEntry[], by: (mover: Side) => boolean): number {
  return chronicle.findLastIndex((entry) => {
    const mover = moverOf(entry);
    return mover !== null && by(mover);
  });
}

/**
 * Where news starts for a viewer the table has not met yet (a new game, a reload, a spectator
 * arriving): for a side, everything after its own last move (or from the game's first move,
 * so the second player sees the first player's opening); for an onlooker, the latest move.
 */
export function initialFrom(chronicle: readonly ChronicleEntry[], viewer: Viewer): number {
  if (viewer === 'watch') {
    const last = lastMoveIndex(chronicle, () => true);
    return last < 0 ? chronicle.length : last;
  }
  const own = lastMoveIndex(chronicle, (mover) => mover === viewer);
  if (own >= 0) return own + 1;
  const first = chronicle.findIndex((entry) => moverOf(entry) !== null);
  return first < 0 ? chronicle.length : first;
}

/**
 * Where news starts once `viewer` makes a play at `before` (the chronicle's length then): news
 * they had on screen that was not their own is taken in, so the summary starts at the play;
 * their own earlier plays this turn stay, so the summary covers the whole turn.
 */
export function fromAfterPlay(chronicle: readonly ChronicleEntry[], from: number, before: number, viewer: Viewer): number {
  const start = Math.min(from, before);
  // A deal collapsing at once belongs to the play that broke it.
  const onlyOwn = chronicle.slice(start, before).every((entry) => moverOf(entry) === viewer || entry.kind === 'dealCollapsed');
  return onlyOwn ? start : before;
}
