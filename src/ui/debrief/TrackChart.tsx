import type { ChartConfiguration, PointStyle } from 'chart.js';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { TRACKS, trackSeries, type DeRiskState, type TrackId } from '../../game';
import { dateLabel } from '../bridge';
import { Icon } from '../common/Icon';
import { t } from '../i18n';
import { seriesLabel } from './labels';

/** The tracks, in groups small enough to read on one chart. Together they cover every track. */
export const TRACK_GROUPS = {
  relations: ['relationship', 'usSupport', 'cnSupport'],
  economies: ['usInflation', 'cnGrowth'],
  tradeWar: ['usTariff', 'cnTariff', 'exportControls', 'mineralBans'],
  dependence: ['interdependence', 'usMineralDependence', 'cnChipDependence'],
  leverage: ['usLeverage', 'cnLeverage'],
} as const satisfies Record<string, readonly TrackId[]>;

export type TrackGroup = keyof typeof TRACK_GROUPS;
const GROUP_IDS = Object.keys(TRACK_GROUPS) as TrackGroup[];

/**
 * Okabe–Ito colours (Washington blue, Beijing vermillion, shared black or green), and within
 * each group a different dash pattern and point shape, so no line needs colour to be told apart.
 */
const LINE: Readonly<Record<TrackId, { color: string; dash: number[]; point: PointStyle }>> = {
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

type Status = 'loading' | 'ready' | 'failed';

/** Every track over the rounds: a chart of one group at a time, and a table of all the numbers. */
export function TrackChart({ G }: { G: DeRiskState }) {
  const [group, setGroup] = useState<TrackGroup>('relations');
  const [status, setStatus] = useState<Status>('loading');
  const canvas = useRef<HTMLCanvasElement>(null);
  const { columns, values, sudden } = useSeries(G);
  const tracks: readonly TrackId[] = TRACK_GROUPS[group];
  const id = useId();

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    let cancelled = false;
    let chart: { destroy(): void } | null = null;
    const draw = async () => {
      const { Chart, LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip } = await import('chart.js');
      if (cancelled) return;
      Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);
      const still = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      const config: ChartConfiguration<'line', number[], string> = {
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
          responsive: true,
          maintainAspectRatio: false,
          animation: still ? false : { duration: 300 },
          interaction: { mode: 'index', intersect: false },
          scales: {
            y: { min: 0, suggestedMax: Math.max(...tracks.map((track) => TRACKS[track].max)), ticks: { precision: 0, color: '#333' } },
            x: { ticks: { color: '#333' } },
          },
          plugins: {
            legend: { position: 'bottom', labels: { usePointStyle: true, color: '#222', font: { size: 14 } } },
            tooltip: { usePointStyle: true },
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
  }, [columns, values, tracks]);

  const first = columns[0]?.short ?? '';
  const last = columns.at(-1)?.short ?? '';
  return (
    <section className="debrief-card debrief-chart" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <Icon name="chart" /> {t('debrief.chart.title')}
      </h2>
      <p>{t('debrief.chart.intro')}</p>
      <div className="debrief-groups" role="group" aria-label={t('debrief.chart.groups')}>
        {GROUP_IDS.map((g) => (
          <button key={g} type="button" className="debrief-toggle" aria-pressed={g === group} onClick={() => setGroup(g)}>
            {g === group && <Icon name="check" />} {t(`debrief.chart.group.${g}`)}
          </button>
        ))}
      </div>
      <div className="debrief-chart-box">
        <canvas ref={canvas} role="img" aria-label={t('debrief.chart.label', { tracks: tracks.map(seriesLabel).join(', '), first, last })} />
      </div>
      {status === 'loading' && <p role="status">{t('debrief.chart.loading')}</p>}
      {status === 'failed' && <p role="alert">{t('debrief.chart.failed')}</p>}
      {sudden && <p className="debrief-note">{t('debrief.chart.suddenNote', { round: G.round })}</p>}
      <details className="debrief-numbers">
        <summary>{t('debrief.chart.showNumbers')}</summary>
        <div className="debrief-table-wrap" role="region" tabIndex={0} aria-labelledby={`${id}-caption`}>
          <table className="debrief-table">
            <caption id={`${id}-caption`}>{t('debrief.chart.tableCaption')}</caption>
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
          </table>
        </div>
      </details>
    </section>
  );
}
