import type { Side, TrackChange } from '../../game';
import { changeText, isGoodFor } from '../bridge';
import { t } from '../i18n';

/**
 * One change to a track, the same everywhere (preview, chronicle, debrief): the track named with
 * its side where the name alone would not say it, the arrow for up or down, and the colour for
 * good or bad news for `viewer` (or, with no viewer, for the side the track belongs to). The
 * colour is never the only sign: the arrow and the numbers say it in words too.
 */
export function ChangeChip({ change, viewer, as: Tag = 'span', label }: {
  change: TrackChange;
  viewer: Side | null;
  as?: 'span' | 'li';
  /** Words in place of "track from → to" (the debrief's sum of several moves: "Relationship −2"). */
  label?: string;
}) {
  const up = change.to > change.from;
  return (
    <Tag className={`chip ${isGoodFor(change, viewer) ? 'good' : 'bad'}`}>
      <span aria-hidden="true">{up ? '▲' : '▼'} </span>
      <span className="visually-hidden">{t(up ? 'change.up' : 'change.down')}: </span>
      {label ?? changeText(change)}
    </Tag>
  );
}

/** What the chips' arrows and colours mean, for the reader's place at the table. */
export function ChangeLegend({ viewer }: { viewer: Side | null }) {
  return <p className="change-legend muted">{t(viewer ? 'change.legend' : 'change.legendWatching')}</p>;
}
