import type { ChartConfiguration, PointStyle } from 'chart.js';
import { useCallback, useMemo, useState } from 'react';
import { TRACKS, trackSeries, type DeRiskState, type TrackId } from '../../game';
import { dateLabel, seriesLabel } from '../bridge';
import { t } from '../i18n';
import { ChartCanvas, ChartNumbers, ChartSection, GROUP_IDS, GroupButtons, LEGEND, TRACK_GROUPS, lineChart, trackAxis, useChart, type BaseOptions, type TrackGroup } from './chartSetup';

// The groups moved to chartSetup with the rest of what the two charts share; what took them from here still can.
export { TRACK_GROUPS, type TrackGroup } from './chartSetup';

/**
 * Okabe–Ito colours (Washington blue, Beijing vermillion, shared black or green), and within
 * each group a different dash pattern and point shape, so no line needs colour to be told apart.
 * The replay's chart (src/ui/replay/ReplayChart.tsx) draws its lines the same way.
 */
export const LINE: Readonly<Record<TrackId, { color: string; dash: number[]; point: PointStyle }>> = {
  relationship: { color: '#000000', dash: [], point: 'circle' },
  usSupport: { color: '#0072B2', dash: [10, 5], point: 'rect' },
  cnSupport: { color: '#D55E00', dash: [3, 3], point: 'triangle' },
  usInflation: { color: '#0072B2', dash: [], point: 'rect' },
  cnGrowth: { color: '#D55E00', dash: [10, 5], point: 'triangle' },
  usTariff: { color: '#0072B2', dash: [], point: 'rect' },
  cnTariff: { color: '#D55E00', dash: [10, 5], point: 'triangle' },
  exportControls: { color: '#009E73', dash: [3, 3], point: 'rectRot' },
  mineralBans: { color: '#CC79A7', dash: [12, 4, 3, 4], point: 'star' },
  interdependence: { color: '#000000', dash: [], point: 'circle' },
  usMineralDependence: { color: '#0072B2', dash: [10, 5], point: 'rect' },
  cnChipDependence: { color: '#D55E00', dash: [3, 3], point: 'triangle' },
  usLeverage: { color: '#0072B2', dash: [], point: 'rect' },
  cnLeverage: { color: '#D55E00', dash: [10, 5], point: 'triangle' },
};

interface Column {
  short: string;
  long: string;
}

/**
 * The chart's columns: the start and each round's end from the history; a game that ended
 * suddenly has a last, partial snapshot taken at that moment.
 */
function useSeries(G: DeRiskState) {
  return useMemo(() => {
    const columns: Column[] = G.history.map(({ round, partial }) => {
      if (partial) {
        const ended = t('debrief.chart.ended', { round });
        return { short: ended, long: ended };
      }
      return round === 0
        ? { short: t('debrief.chart.start'), long: t('debrief.chart.start') }
        : { short: t('debrief.chart.round', { round }), long: t('debrief.chart.roundLong', { round, date: dateLabel(G.scenario, round) }) };
    });
    const values = Object.fromEntries(
      (Object.keys(TRACKS) as TrackId[]).map((track) => [track, trackSeries(G, track).map((p) => p.value)]),
    ) as Record<TrackId, number[]>;
    return { columns, values, sudden: G.history.at(-1)?.partial === true };
  }, [G]);
}

/** Every track over the rounds: a chart of one group at a time, and a table of all the numbers. */
export function TrackChart({ G }: { G: DeRiskState }) {
  const [group, setGroup] = useState<TrackGroup>('relations');
  const { columns, values, sudden } = useSeries(G);
  const tracks: readonly TrackId[] = TRACK_GROUPS[group];

  const configure = useCallback(
    (base: BaseOptions): ChartConfiguration<'line', number[], string> => ({
      type: 'line',
      data: {
        labels: columns.map((c) => c.short),
        datasets: tracks.map((track) => ({
          label: seriesLabel(track),
          data: values[track],
          borderColor: LINE[track].color,
          backgroundColor: LINE[track].color,
          borderDash: LINE[track].dash,
          borderWidth: 3,
          pointStyle: LINE[track].point,
          pointRadius: 6,
          pointHoverRadius: 8,
          // Points on 0 or on the top line are drawn whole, not cut by the chart area.
          clip: false,
        })),
      },
      options: {
        ...base,
        interaction: { mode: 'index', intersect: false },
        scales: { y: trackAxis(tracks), x: { ticks: { color: '#333' } } },
        plugins: { legend: LEGEND, tooltip: { usePointStyle: true } },
      },
    }),
    [columns, values, tracks],
  );
  const chart = useChart(lineChart, configure);

  const first = columns[0]?.short ?? '';
  const last = columns.at(-1)?.short ?? '';
  return (
    <ChartSection title={t('debrief.chart.title')} intro={t('debrief.chart.intro')}>
      <GroupButtons group={group} onChange={setGroup} />
      <ChartCanvas chart={chart} label={t('debrief.chart.label', { tracks: tracks.map(seriesLabel).join(', '), first, last })} />
      {sudden && <p className="debrief-note">{t('debrief.chart.suddenNote', { round: G.round })}</p>}
      <ChartNumbers caption={t('debrief.chart.tableCaption')}>
        <thead>
          <tr>
            <th scope="col">{t('debrief.chart.track')}</th>
            {columns.map((c, i) => (
              <th key={i} scope="col">
                {c.long}
              </th>
            ))}
          </tr>
        </thead>
        {GROUP_IDS.map((g) => (
          <tbody key={g}>
            <tr className="debrief-rowgroup">
              <th scope="rowgroup" colSpan={columns.length + 1}>
                {t(`debrief.chart.group.${g}`)}
              </th>
            </tr>
            {TRACK_GROUPS[g].map((track) => (
              <tr key={track}>
                <th scope="row">{seriesLabel(track)}</th>
                {values[track].map((v, i) => (
                  <td key={i}>{v}</td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </ChartNumbers>
    </ChartSection>
  );
}
