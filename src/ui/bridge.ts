/**
 * The one bridge between the engine and the view: names, icons and words for what the
 * engine reports. Components ask the engine's queries and turn the answers into text here.
 */
import { CONTENT } from '../content';
import type { Tag } from '../content/types';
import { relationshipBand, roundDate, TRACKS, type ScenarioId, type ConnectionRefusalCode, type ContentRef, type Note, type Refusal, type RefusalCode, type RefusalOf, type Side, type TrackChange, type TrackId } from '../game';
import { contentText, t } from './i18n';
import { sideName } from './start/setupChoices';

export const TRACK_ICONS: Readonly<Record<TrackId, string>> = {
  relationship: 'relationship',
  usSupport: 'support',
  cnSupport: 'support',
  usInflation: 'inflation',
  cnGrowth: 'growth',
  interdependence: 'interdependence',
  usTariff: 'tariff',
  cnTariff: 'counter-tariff',
  exportControls: 'controls',
  mineralBans: 'mineral-ban',
  usMineralDependence: 'mineral-dependence',
  cnChipDependence: 'chip-dependence',
  usLeverage: 'leverage',
  cnLeverage: 'leverage',
};

const TAG_ICONS: Partial<Record<Tag, string>> = {
  tariffCut: 'tariff-cut',
  tariff: 'tariff',
  controls: 'controls',
  boeing: 'boeing',
  lng: 'lng',
  farm: 'farm',
  medical: 'medical',
  purchase: 'purchase',
  minerals: 'minerals',
  investment: 'investment',
  data: 'data',
  tech: 'tech',
  diplomacy: 'diplomacy',
  economy: 'economy',
  security: 'security',
  deal: 'deal',
};

/** The most specific icon for a set of tags (a Boeing order shows the plane, not the cart). */
export function tagIcon(tags: readonly Tag[]): string {
  for (const [tag, icon] of Object.entries(TAG_ICONS)) if (tags.includes(tag as Tag)) return icon;
  return 'card';
}

/** A side's name in the active language (one definition, shared with the start screen). */
export { sideName };
export const trackLabel = (track: TrackId): string => t(`track.${track}`);

/** A round's half-year in words ("H1 2025"). */
export function dateLabel(scenario: ScenarioId, round: number): string {
  const { half, year } = roundDate(scenario, round);
  return t('date.half', { half, year: String(year) });
}
export const bandName = (value: number): string => t(`band.${relationshipBand(value)}`);

/** "Strained, 4 of 10" for the relationship; "4 of 10" for other tracks. */
export function trackValueText(track: TrackId, value: number): string {
  const max = TRACKS[track].max;
  return track === 'relationship' ? t('meter.band', { band: bandName(value), value, max }) : t('meter.value', { value, max });
}

/** A track's name, with its side when two tracks share a name ("Beijing: Support at home"). */
export function seriesLabel(track: TrackId): string {
  const label = trackLabel(track);
  const owner = TRACKS[track].owner;
  const shared = (Object.keys(TRACKS) as TrackId[]).some((other) => other !== track && trackLabel(other) === label);
  return owner !== null && shared ? t('change.sideTrack', { side: sideName(owner), track: label }) : label;
}

/** "Relationship 4 → 3", "Beijing: Support at home 6 → 7": the side named wherever the track's name alone would not say it. */
export function changeText(change: TrackChange): string {
  return t('change', { track: seriesLabel(change.track), from: change.from, to: change.to });
}

/** Whether a change is good news for `side` (for colouring). */
export function isGoodFor(change: TrackChange, side: Side | null): boolean {
  const info = TRACKS[change.track];
  const up = change.to > change.from;
  const better = info.higherIsBetter ? up : !up;
  if (info.owner === null || side === null) return better;
  return info.owner === side ? better : !better;
}

export type ContentKind = 'action' | 'card' | 'event' | 'agenda' | 'term' | 'scenario';

const TABLES = {
  action: CONTENT.actions,
  card: CONTENT.cards,
  event: CONTENT.events,
  agenda: CONTENT.agendas,
  term: CONTENT.dealTerms,
  scenario: CONTENT.scenarios,
} as const;

/** A content entry's field (title, text, reality, source) in the active language. */
export function contentField(kind: ContentKind, id: string, field: 'title' | 'text' | 'reality' | 'source'): string {
  const entry = (TABLES[kind] as ReadonlyMap<string, Record<typeof field, string>>).get(id);
  return entry ? contentText(kind, id, field, entry[field]) : id;
}

/** The text of a content entry's `requires[index]` (why it cannot be played now), in the active language. */
function requirementText(ref: ContentRef, index: number): string {
  const def = ref.kind === 'term' ? CONTENT.dealTerms.get(ref.id) : ref.kind === 'action' ? CONTENT.actions.get(ref.id) : CONTENT.cards.get(ref.id);
  const reason = def?.requires[index]?.reason ?? '';
  return contentText(ref.kind, ref.id, `requires.${index}`, reason);
}

const title = (ref: ContentRef) => contentField(ref.kind, ref.id, 'title');

/** Each refusal code in words: a Record, so a new code without its wording fails to compile. */
const REFUSAL_WORDS: { readonly [C in RefusalCode]: (r: RefusalOf<C>) => string } = {
  malformed: (r) => (r.what === 'reason' ? t('refusal.reasonTooLong', { max: r.max }) : r.what === 'code' ? t('refusal.reasonMalformed') : t('refusal.termsNotAList')),
  gameOver: () => t('refusal.gameOver'),
  notYourTurn: (r) => t('refusal.notYourTurn', { side: sideName(r.turn) }),
  ownProposal: (r) => t('refusal.ownProposal', { side: sideName(r.responder) }),
  awaitingAnswer: (r) => t('refusal.awaitingAnswer', { side: sideName(r.responder) }),
  noProposal: () => t('refusal.noProposal'),
  passed: () => t('refusal.passed'),
  noActionsLeft: (r) => t('refusal.noActionsLeft', { count: r.actions }),
  unknown: (r) => t('refusal.unknown', { kind: r.kind, id: r.id }),
  wrongSide: (r) => t('refusal.wrongSide', { title: title(r), side: sideName(r.owner) }),
  notInHand: (r) => t('refusal.notInHand', { title: title(r) }),
  cannotAfford: (r) => t('refusal.cannotAfford', { cost: r.cost, have: r.have, side: sideName(r.side) }),
  requirement: (r) =>
    r.kind === 'term' ? t('refusal.termRequirement', { title: title(r), reason: requirementText(r, r.index) }) : t('refusal.requirement', { reason: requirementText(r, r.index) }),
  pandemic: () => t('refusal.pandemic'),
  dealInForce: () => t('refusal.dealInForce'),
  noTerms: () => t('refusal.noTerms'),
  termTwice: (r) => t('refusal.termTwice', { title: title(r) }),
  termsNeeded: (r) => t('refusal.termsNeeded', { side: sideName(r.side) }),
  tooManyTerms: (r) => t('refusal.tooManyTerms', { side: sideName(r.side), max: r.max }),
  termsClash: (r) => t('refusal.termsClash', { title: title(r), other: contentField('term', r.with, 'title') }),
};

function wordRefusal<C extends RefusalCode>(code: C, refusal: RefusalOf<C>): string {
  const words: (r: RefusalOf<C>) => string = REFUSAL_WORDS[code];
  return words(refusal);
}

/** Why a play is refused, in the active language. */
export function refusalText(refusal: Refusal): string {
  return wordRefusal(refusal.code, refusal);
}

/** Every connection code, listed so that the compiler notices a new one that is not worded here. */
const CONNECTION_CODES: ReadonlySet<string> = new Set(
  Object.keys({
    malformedMessage: true,
    unauthorized: true,
    notSeated: true,
    seatLost: true,
    unknownMatch: true,
    stale: true,
    serverError: true,
    notAccepted: true,
    paused: true,
    waitingForOpponent: true,
    sentOffline: true,
  } satisfies Record<ConnectionRefusalCode, true>),
);
const isConnectionCode = (code: string): code is ConnectionRefusalCode => CONNECTION_CODES.has(code);

/**
 * Why the server refused a socket message, in the active language. The refusal comes off the
 * network: a code this client does not know (a newer server) reads as a general refusal.
 */
export function serverRefusalText(refusal: { code?: unknown }): string {
  const code = typeof refusal.code === 'string' ? refusal.code : '';
  if (isConnectionCode(code)) return t(`connection.${code}`);
  if (Object.prototype.hasOwnProperty.call(REFUSAL_WORDS, code)) return refusalText(refusal as Refusal);
  return t('connection.notAccepted');
}

/** A chronicle note in words, or null for notes that the changes already say. */
export function noteText(note: Note): string | null {
  switch (note.kind) {
    case 'roll':
      return t(note.hit ? 'note.rollHit' : 'note.rollMiss', { value: note.value, atMost: note.atMost });
    case 'purchase':
      return t('note.purchase', { good: t(`good.${note.good}`) });
    case 'flag':
      return t(`flag.${note.flag}`);
    case 'discount':
      return t('note.discount', { side: sideName(note.side), tag: t(`tag.${note.tag}`), amount: note.amount });
    case 'income':
      return t('note.income', { side: sideName(note.side), delta: note.delta > 0 ? `+${note.delta}` : String(note.delta) });
    case 'drew':
      return null;
    case 'breach':
      return t('note.breach', { side: sideName(note.side), track: trackLabel(note.track) });
    case 'missed':
      return t('note.missed', { goods: note.goods.map((g) => t(`good.${g}`)).join(', ') });
    case 'eroded':
      return t('note.eroded', { from: note.from, to: note.to });
    case 'rupture':
      return t('note.rupture');
    case 'delayed':
      return t('note.delayed');
    case 'drift':
      return t(`drift.${note.rule}`);
    case 'flagCleared':
      return t('note.flagCleared', { flag: t(`flagName.${note.flag}`) });
    case 'hawkishCongress':
    case 'noOffer':
    case 'offerApproved':
    case 'offerBlocked':
    case 'offerMade':
    case 'offerPreempted':
    case 'screening':
    case 'shieldUsed':
    case 'waiverUsed':
      return t(`note.${note.kind}`);
  }
}
