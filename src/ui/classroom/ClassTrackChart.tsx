import type { ChartConfiguration, PointStyle } from 'chart.js';
import { useEffect, useId, useRef, useState } from 'react';
import type { TrackId } from '../../content/types';
import { TRACKS } from '../../game/tracks';
import { Icon } from '../common/Icon';
import { seriesLabel } from '../debrief/labels';
import { TRACK_GROUPS, type TrackGroup } from '../debrief/TrackChart';
import { formatNumber, t } from '../i18n';
import type { PairResult } from './classApi';

const GROUP_IDS = Object.keys(TRACK_GROUPS) as TrackGroup[];
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

type Status = 'loading' | 'ready' | 'failed';

/** Each track's final value in every pair: one dot per pair, a group of tracks at a time, and a table of the numbers. */
export function ClassTrackChart({ pairs }: { pairs: readonly PairResult[] }) {
  const [group, setGroup] = useState<TrackGroup>('relations');
  const [status, setStatus] = useState<Status>('loading');
  const canvas = useRef<HTMLCanvasElement>(null);
  const id = useId();
  const tracks: readonly TrackId[] = TRACK_GROUPS[group];

  useEffect(() => {
    const element = canvas.current;
    if (!element || pairs.length === 0) return;
    let cancelled = false;
    let chart: { destroy(): void } | null = null;
    const draw = async () => {
      const { Chart, ScatterController, PointElement, LinearScale, Legend, Tooltip } = await import('chart.js');
      if (cancelled) return;
      Chart.register(ScatterController, PointElement, LinearScale, Legend, Tooltip);
      const still = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      const labels = tracks.map(seriesLabel);
      const config: ChartConfiguration<'scatter', { x: number; y: number }[]> = {
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
          responsive: true,
          maintainAspectRatio: false,
          animation: still ? false : { duration: 300 },
          scales: {
            x: {
              type: 'linear',
              min: -0.5,
              max: tracks.length - 0.5,
              ticks: { stepSize: 1, color: '#333', callback: (value) => (Number.isInteger(value) ? (labels[Number(value)] ?? '') : '') },
              grid: { display: false },
            },
            y: { min: 0, suggestedMax: Math.max(...tracks.map((track) => TRACKS[track].max)), ticks: { precision: 0, color: '#333' } },
          },
          plugins: {
            legend: { position: 'bottom', labels: { usePointStyle: true, color: '#222', font: { size: 14 } } },
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
      chart = new Chart(element, config);
      setStatus('ready');
    };
    draw().catch(() => {
      if (!cancelled) setStatus('failed');
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [pairs, tracks]);

  const stats = (track: TrackId) => {
    const values = pairs.map((p) => p.tracks[track]);
    const sum = values.reduce((a, b) => a + b, 0);
    return { values, low: Math.min(...values), high: Math.max(...values), mean: Math.round((10 * sum) / values.length) / 10 };
  };

  return (
    <section className="debrief-card debrief-chart" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <Icon name="chart" /> {t('class.debrief.chartTitle')}
      </h2>
      <p>{t('class.debrief.chartIntro')}</p>
      {pairs.length === 0 ? (
        <p>{t('class.debrief.noGames')}</p>
      ) : (
        <>
          <div className="debrief-groups" role="group" aria-label={t('debrief.chart.groups')}>
            {GROUP_IDS.map((g) => (
              <button key={g} type="button" className="debrief-toggle" aria-pressed={g === group} onClick={() => setGroup(g)}>
                {g === group && <Icon name="check" />} {t(`debrief.chart.group.${g}`)}
              </button>
            ))}
          </div>
          <div className="debrief-chart-box">
            <canvas ref={canvas} role="img" aria-label={t('class.debrief.chartLabel', { tracks: tracks.map(seriesLabel).join(', '), count: pairs.length })} />
          </div>
          {status === 'loading' && <p role="status">{t('debrief.chart.loading')}</p>}
          {status === 'failed' && <p role="alert">{t('debrief.chart.failed')}</p>}
          <details className="debrief-numbers">
            <summary>{t('debrief.chart.showNumbers')}</summary>
            <div className="debrief-table-wrap" role="region" tabIndex={0} aria-labelledby={`${id}-caption`}>
              <table className="debrief-table">
                <caption id={`${id}-caption`}>{t('class.debrief.tableCaption')}</caption>
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
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
