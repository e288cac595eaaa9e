/** Every track's range, name and bands (R3.1). Values are clamped to these ranges. */
import type { Side, TrackId } from '../content/types';

export interface TrackInfo {
  readonly id: TrackId;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  /** Which side the track belongs to, or null when it is shared. */
  readonly owner: Side | null;
  /** true when a higher value is better for its owner (or for both, when shared). */
  readonly higherIsBetter: boolean;
}

const t = (id: TrackId, label: string, max: number, owner: Side | null, higherIsBetter: boolean): TrackInfo => ({
  id,
  label,
  min: 0,
  max,
  owner,
  higherIsBetter,
});

export const TRACKS: Readonly<Record<TrackId, TrackInfo>> = {
  relationship: t('relationship', 'Relationship', 10, null, true),
  usSupport: t('usSupport', 'Washington support', 10, 'us', true),
  cnSupport: t('cnSupport', 'Beijing support', 10, 'cn', true),
  usInflation: t('usInflation', 'U.S. inflation', 10, 'us', false),
  cnGrowth: t('cnGrowth', 'China growth', 10, 'cn', true),
  interdependence: t('interdependence', 'Interdependence', 20, null, true),
  usTariff: t('usTariff', 'U.S. tariff', 6, 'us', true),
  cnTariff: t('cnTariff', 'China counter-tariff', 4, 'cn', true),
  exportControls: t('exportControls', 'Export controls', 5, 'us', true),
  mineralBans: t('mineralBans', 'Mineral bans', 3, 'cn', true),
  usMineralDependence: t('usMineralDependence', 'U.S. mineral dependence', 5, 'us', false),
  cnChipDependence: t('cnChipDependence', 'China chip dependence', 5, 'cn', false),
  usLeverage: t('usLeverage', 'Washington leverage', 10, 'us', true),
  cnLeverage: t('cnLeverage', 'Beijing leverage', 10, 'cn', true),
};

/** A value kept within a track's range, not rounded (planners fold in expected, fractional values). */
export function boundTrack(track: TrackId, value: number): number {
  const { min, max } = TRACKS[track];
  return Math.min(max, Math.max(min, value));
}

/** A value as the track holds it: a whole number within its range (R3.1). */
export function clampTrack(track: TrackId, value: number): number {
  if (!Number.isFinite(value)) return TRACKS[track].min;
  return boundTrack(track, Math.round(value));
}

export const RELATIONSHIP_BANDS = [
  { upTo: 0, name: 'Rupture' },
  { upTo: 2, name: 'Hostile' },
  { upTo: 4, name: 'Strained' },
  { upTo: 6, name: 'Guarded' },
  { upTo: 8, name: 'Working' },
  { upTo: 10, name: 'Partnership' },
] as const;

export type RelationshipBand = (typeof RELATIONSHIP_BANDS)[number]['name'];

/** The relationship's band name: "Strained" for 4 (R3.2). */
export function relationshipBand(value: number): RelationshipBand {
  for (const band of RELATIONSHIP_BANDS) if (value <= band.upTo) return band.name;
  return 'Partnership';
}

/** Each side's own tracks, by role. */
export const SIDE_TRACKS = {
  us: { support: 'usSupport', leverage: 'usLeverage', economy: 'usInflation', dependence: 'usMineralDependence' },
  cn: { support: 'cnSupport', leverage: 'cnLeverage', economy: 'cnGrowth', dependence: 'cnChipDependence' },
} as const satisfies Record<Side, Record<'support' | 'leverage' | 'economy' | 'dependence', TrackId>>;

export const LEVERAGE_CAP = TRACKS.usLeverage.max;
