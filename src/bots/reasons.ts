/**
 * The data of a bot's reason (R12; the shape is src/game/botReason.ts): which one or two
 * changes made a play worth it, and what the persona's leaning says beyond the numbers. The
 * client words them from the bot's side ("my support", "Beijing's growth").
 */
import type { Side, TrackId } from '../content/types';
import type { ChronicleEntry, DeRiskState, Motive, ReasonChange, TellingPlay, TrackChange } from '../game';
import { REASON_CHANGES_MAX } from '../game';
import { lastTellingPlay, moodOf } from './persona';
import type { Persona } from './types';

/** How much each track matters to a reader, most first (leverage is the cost, not the point). */
const PRIORITY: readonly TrackId[] = [
  'usSupport',
  'cnSupport',
  'relationship',
  'cnGrowth',
  'usInflation',
  'usMineralDependence',
  'cnChipDependence',
  'usTariff',
  'exportControls',
  'mineralBans',
  'cnTariff',
  'interdependence',
];

/** The one or two changes that matter most (none: the play sets up later moves). */
export function mainChanges(changes: readonly TrackChange[]): ReasonChange[] {
  return changes
    .filter((c) => PRIORITY.includes(c.track))
    .sort((a, b) => PRIORITY.indexOf(a.track) - PRIORITY.indexOf(b.track))
    .slice(0, REASON_CHANGES_MAX)
    .map(({ track, from, to }) => ({ track, from, to }));
}

/** The other side's telling play, by content id, or as the deal signed or broken. */
function tellingPlay(entry: ChronicleEntry): TellingPlay {
  if (entry.kind === 'action') return { kind: 'action', id: entry.action };
  if (entry.kind === 'card') return { kind: 'card', id: entry.card };
  if (entry.kind === 'dealSigned' || entry.kind === 'dealCollapsed') return { kind: entry.kind };
  return { kind: 'lastMove' };
}

/** Why this persona leaned the way it did, if it says something beyond the numbers. */
export function motive(persona: Persona, G: DeRiskState, side: Side, hostile: boolean, friendly: boolean): Motive | undefined {
  if (persona === 'hawk' && hostile) return { kind: 'standFirm' };
  if (persona === 'dealmaker' && friendly) return { kind: 'buildTrust' };
  if (persona !== 'titForTat') return undefined;
  const last = lastTellingPlay(G, side);
  if (!last) return friendly ? { kind: 'openGoodwill' } : undefined;
  if (moodOf(G, side) === 'retaliate') return hostile ? { kind: 'answer', to: tellingPlay(last) } : undefined;
  return friendly ? { kind: 'returnGoodwill', to: tellingPlay(last) } : undefined;
}
