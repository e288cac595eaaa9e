/**
 * The one bridge between the engine and the view: names, icons and words for what the
 * engine reports. Components ask the engine's queries and turn the answers into text here.
 */
import { CONTENT } from '../content';
import type { Tag } from '../content/types';
import { relationshipBand, TRACKS, type Note, type Refusal, type Side, type TrackChange, type TrackId } from '../game';
import { contentText, has, t } from './i18n';
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
export const bandName = (value: number): string => t(`band.${relationshipBand(value)}`);

/** "Strained, 4 of 10" for the relationship; "4 of 10" for other tracks. */
export function trackValueText(track: TrackId, value: number): string {
  const max = TRACKS[track].max;
  return track === 'relationship' ? t('meter.band', { band: bandName(value), value, max }) : t('meter.value', { value, max });
}

/** "Relationship 4 → 3". */
export function changeText(change: TrackChange): string {
  return t('change', { track: trackLabel(change.track), from: change.from, to: change.to });
}

/** Whether a change is good news for `side` (for colouring). */
export function isGoodFor(change: TrackChange, side: Side | null): boolean {
  const info = TRACKS[change.track];
  const up = change.to > change.from;
  const better = info.higherIsBetter ? up : !up;
  if (info.owner === null || side === null) return better;
  return info.owner === side ? better : !better;
}

type ContentKind = 'action' | 'card' | 'event' | 'agenda' | 'term' | 'scenario';

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

/** A refusal in the active language: its own message if the locale has one, else the engine's words. */
export function refusalText(refusal: Refusal): string {
  const key = `refusal.${refusal.code}`;
  return refusal.params && has(key) ? t(key, refusal.params) : refusal.message;
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
    case 'rupture':
      return t('note.rupture');
    case 'delayed':
      return t('note.delayed');
    case 'flagCleared':
      return t('note.flagCleared', { flag: t(`flagName.${note.flag}`) });
    default:
      return t(`note.${note.kind}`);
  }
}
