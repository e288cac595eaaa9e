import type { ChartConfiguration, PointStyle } from 'chart.js';
import { useCallback, useState } from 'react';
import type { TrackId } from '../../content/types';
import { ChartCanvas, ChartNumbers, ChartSection, GROUP_IDS, GroupButtons, LEGEND, TRACK_GROUPS, scatterChart, trackAxis, useChart, type BaseOptions, type TrackGroup } from '../debrief/chartSetup';
import { seriesLabel } from '../bridge';
import { formatNumber, t } from '../i18n';
import type { PairResult } from './classApi';

/** Okabe–Ito colours and a shape for each place in a group, so no track needs colour to be told apart. */
const LOOKS: readonly { color: string; point: PointStyle }[] = [
  { color: '#000000', point: 'circle' },
  { color: '#0072B2', point: 'rect' },
  { color: '#D55E00', point: 'triangle' },
  { color: '#009E73', point: 'rectRot' },
];

const pairName = (p: PairResult) => t('class.debrief.pair', { us: p.names.us || t('class.computer'), cn: p.names.cn || t('class.computer') });

/** Where a pair's dot sits beside its track's column, so that pairs with the same value do not hide each other. */
const spread = (index: number, count: number) => (count <= 1 ? 0 : ((index + 0.5) / count - 0.5) * 0.6);

/** Each track's final value in every pair: one dot per pair, a group of tracks at a time, and a table of the numbers. */
export function ClassTrackChart({ pairs }: { pairs: readonly PairResult[] }) {
  const [group, setGroup] = useState<TrackGroup>('relations');
  const tracks: readonly TrackId[] = TRACK_GROUPS[group];

  const configure = useCallback(
    (base: BaseOptions): ChartConfiguration<'scatter', { x: number; y: number }[]> => {
      const labels = tracks.map(seriesLabel);
      return {
        type: 'scatter',
        data: {
          datasets: tracks.map((track, i) => ({
            label: labels[i] ?? track,
            data: pairs.map((p, n) => ({ x: i + spread(n, pairs.length), y: p.tracks[track] })),
            borderColor: LOOKS[i]?.color,
            backgroundColor: LOOKS[i]?.color,
            pointStyle: LOOKS[i]?.point,
            pointRadius: 7,
            pointHoverRadius: 9,
            clip: false,
          })),
        },
        options: {
          ...base,
          scales: {
            x: {
              type: 'linear',
              min: -0.5,
              max: tracks.length - 0.5,
              ticks: { stepSize: 1, color: '#333', callback: (value) => (Number.isInteger(value) ? (labels[Number(value)] ?? '') : '') },
              grid: { display: false },
            },
            y: trackAxis(tracks),
          },
          plugins: {
            legend: LEGEND,
            tooltip: {
              usePointStyle: true,
              callbacks: {
                label: (item) => {
                  const pair = pairs[item.dataIndex];
                  return t('class.debrief.chartPoint', { pair: pair ? pairName(pair) : '', track: item.dataset.label ?? '', value: item.parsed.y ?? 0 });
                },
              },
            },
          },
        },
      };
    },
    [pairs, tracks],
  );
  const chart = useChart(scatterChart, configure);

  const stats = (track: TrackId) => {
    const values = pairs.map((p) => p.tracks[track]);
    const sum = values.reduce((a, b) => a + b, 0);
    return { values, low: Math.min(...values), high: Math.max(...values), mean: Math.round((10 * sum) / values.length) / 10 };
  };

  return (
    <ChartSection title={t('class.debrief.chartTitle')} intro={t('class.debrief.chartIntro')}>
      {pairs.length === 0 ? (
        <p>{t('class.debrief.noGames')}</p>
      ) : (
        <>
          <GroupButtons group={group} onChange={setGroup} />
          <ChartCanvas chart={chart} label={t('class.debrief.chartLabel', { tracks: tracks.map(seriesLabel).join(', '), count: pairs.length })} />
          <ChartNumbers caption={t('class.debrief.tableCaption')}>
            <thead>
              <tr>
                <th scope="col">{t('debrief.chart.track')}</th>
                <th scope="col">{t('class.debrief.lowest')}</th>
                <th scope="col">{t('class.debrief.average')}</th>
                <th scope="col">{t('class.debrief.highest')}</th>
                <th scope="col">{t('class.debrief.everyPair')}</th>
              </tr>
            </thead>
            <tbody>
              {GROUP_IDS.flatMap((g) => TRACK_GROUPS[g]).map((track) => {
                const s = stats(track);
                return (
                  <tr key={track}>
                    <th scope="row">{seriesLabel(track)}</th>
                    <td>{s.low}</td>
                    <td>{formatNumber(s.mean)}</td>
                    <td>{s.high}</td>
                    <td className="class-every-pair">{s.values.join(', ')}</td>
                  </tr>
                );
              })}
            </tbody>
          </ChartNumbers>
        </>
      )}
    </ChartSection>
  );
}
