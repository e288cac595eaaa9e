/** Words the debrief needs beyond the bridge's: track names that say whose track it is. */
import { TRACKS, type TrackChange, type TrackId } from '../../game';
import { sideName, trackLabel } from '../bridge';
import { t } from '../i18n';

/** A track's name, with its side when two tracks share a name ("Washington: Support at home"). */
export function seriesLabel(track: TrackId): string {
  const label = trackLabel(track);
  const owner = TRACKS[track].owner;
  const shared = (Object.keys(TRACKS) as TrackId[]).some((other) => other !== track && trackLabel(other) === label);
  return owner !== null && shared ? t('debrief.chart.sideTrack', { side: sideName(owner), track: label }) : label;
}

/** "Washington: Support at home 6 → 7": the bridge's change text, with the side where it is needed. */
export function changeLabel(change: TrackChange): string {
  return t('change', { track: seriesLabel(change.track), from: change.from, to: change.to });
}
