/**
 * One plain-English line for each decision, for the debrief: what the bot did and the one or
 * two changes that made it worth doing, from the bot's own side ("my support", "Beijing's
 * growth"). A recycled card is never named (R12).
 */
import { CONTENT } from '../content';
import type { Side, TrackId } from '../content/types';
import { SIDE_NAMES, other, type ChronicleEntry, type DeRiskState, type Play, type TrackChange } from '../game';
import { lastTellingPlay, moodOf } from './persona';
import type { Persona } from './types';

const POSSESSIVE: Record<Side, string> = { us: 'Washington’s', cn: 'Beijing’s' };

/** How much each track matters to a reader on `side`, most first. */
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

function phrase(c: TrackChange, side: Side): string {
  const up = c.to > c.from;
  const mine = (s: Side) => (s === side ? 'my' : POSSESSIVE[s]);
  switch (c.track) {
    case 'usSupport':
    case 'cnSupport': {
      const owner: Side = c.track === 'usSupport' ? 'us' : 'cn';
      return `${up ? 'lifts' : 'cuts'} ${mine(owner)} support to ${c.to}`;
    }
    case 'relationship':
      return `${up ? 'raises' : 'lowers'} the relationship to ${c.to}`;
    case 'cnGrowth':
      return `${up ? 'lifts' : 'slows'} China’s growth to ${c.to}`;
    case 'usInflation':
      return `${up ? 'pushes' : 'brings'} U.S. inflation ${up ? 'up' : 'down'} to ${c.to}`;
    case 'usMineralDependence':
      return `${up ? 'raises' : 'cuts'} U.S. mineral dependence to ${c.to}`;
    case 'cnChipDependence':
      return `${up ? 'raises' : 'cuts'} China’s chip dependence to ${c.to}`;
    case 'usTariff':
      return `${up ? 'raises' : 'cuts'} the U.S. tariff to ${c.to} steps`;
    case 'exportControls':
      return `${up ? 'tightens' : 'eases'} export controls to ${c.to}`;
    case 'mineralBans':
      return `${up ? 'adds a mineral ban' : 'lifts a mineral ban'} (${c.to} in force)`;
    case 'cnTariff':
      return `${up ? 'raises' : 'cuts'} China’s counter-tariff to ${c.to} steps`;
    case 'interdependence':
      return `${up ? 'ties the economies closer' : 'loosens economic ties'} (interdependence ${c.to})`;
    default:
      return '';
  }
}

/** The one or two changes that matter most to `side`. */
export function mainEffects(changes: readonly TrackChange[], side: Side, fallback = 'sets up my next moves'): string {
  const ranked = changes
    .filter((c) => PRIORITY.includes(c.track))
    .sort((a, b) => PRIORITY.indexOf(a.track) - PRIORITY.indexOf(b.track))
    .slice(0, 2)
    .map((c) => phrase(c, side));
  return ranked.length === 0 ? fallback : ranked.join(' and ');
}

function titleOfEntry(entry: ChronicleEntry): string {
  if (entry.kind === 'action') return CONTENT.actions.get(entry.action)?.title ?? entry.action;
  if (entry.kind === 'card') return CONTENT.cards.get(entry.card)?.title ?? entry.card;
  if (entry.kind === 'dealSigned') return 'the deal we signed';
  if (entry.kind === 'dealCollapsed') return 'the broken deal';
  return 'their last move';
}

/** Why this persona leaned the way it did, if it says something beyond the numbers. */
export function motive(persona: Persona, G: DeRiskState, side: Side, hostile: boolean, friendly: boolean): string {
  const them = SIDE_NAMES[other(side)];
  if (persona === 'hawk' && hostile) return '; standing firm at home';
  if (persona === 'dealmaker' && friendly) return '; building trust for a deal';
  if (persona !== 'titForTat') return '';
  const last = lastTellingPlay(G, side);
  if (!last) return friendly ? `; opening with goodwill toward ${them}` : '';
  const title = titleOfEntry(last);
  if (moodOf(G, side) === 'retaliate') return hostile ? `; answering ${them}’s “${title}”` : '';
  return friendly ? `; returning ${them}’s goodwill (“${title}”)` : '';
}

export function playTitle(play: Play): string {
  switch (play.kind) {
    case 'action':
      return CONTENT.actions.get(play.id)?.title ?? play.id;
    case 'card':
      return `Played “${CONTENT.cards.get(play.id)?.title ?? play.id}”`;
    case 'propose':
      return `Proposed a deal (${play.terms.map((t) => CONTENT.dealTerms.get(t)?.title ?? t).join('; ')})`;
    case 'accept':
      return 'Accepted the deal';
    case 'reject':
      return 'Rejected the deal';
    case 'recycle':
      return 'Recycled a card';
    case 'pass':
      return 'Passed';
  }
}

/** Makes sure a reason is one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
