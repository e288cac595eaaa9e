/**
 * What the game's track chart (TrackChart) and the class's (ClassTrackChart) have in common: the
 * card, the groups of tracks and their buttons, the canvas with its loading and failure notes, the
 * value axis and the legend, the folded table of the numbers, and the hook that draws a Chart.js
 * chart. Chart.js is imported here, when a chart is first drawn, so that it stays in its own
 * chunk and out of the start screen's download.
 */
import type { Chart, ChartConfiguration, ChartType } from 'chart.js';
import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { TrackId } from '../../content/types';
import { TRACKS } from '../../game/tracks';
import { Icon } from '../common/Icon';
import { t } from '../i18n';

/** The tracks, in groups small enough to read on one chart. Together they cover every track. */
export const TRACK_GROUPS = {
  relations: ['relationship', 'usSupport', 'cnSupport'],
  economies: ['usInflation', 'cnGrowth'],
  tradeWar: ['usTariff', 'cnTariff', 'exportControls', 'mineralBans'],
  dependence: ['interdependence', 'usMineralDependence', 'cnChipDependence'],
  leverage: ['usLeverage', 'cnLeverage'],
} as const satisfies Record<string, readonly TrackId[]>;

export type TrackGroup = keyof typeof TRACK_GROUPS;
export const GROUP_IDS = Object.keys(TRACK_GROUPS) as TrackGroup[];

export type ChartStatus = 'loading' | 'ready' | 'failed';

/** What `useChart` answers: the canvas to draw on, and how the drawing is going. */
export interface DrawnChart {
  canvas: RefObject<HTMLCanvasElement | null>;
  status: ChartStatus;
}

/** Options every chart takes: it fills its box, and it moves only for readers who have not asked for less motion. */
export interface BaseOptions {
  responsive: true;
  maintainAspectRatio: false;
  animation: false | { duration: number };
}

/** The value axis: from 0 to the highest maximum among the tracks shown, in whole numbers. */
export const trackAxis = (tracks: readonly TrackId[]) => ({
  min: 0,
  suggestedMax: Math.max(...tracks.map((track) => TRACKS[track].max)),
  ticks: { precision: 0, color: '#333' },
});

/** The legend under the chart, each series with its point's shape, so that none needs colour to be told apart. */
export const LEGEND = { position: 'bottom', labels: { usePointStyle: true, color: '#222', font: { size: 14 } } } as const;

/**
 * Chart.js with what a line chart needs registered (the game's chart, round by round). Each
 * kind of chart names its pieces here rather than handing the whole module on, so that the
 * bundler keeps only the parts of Chart.js the two charts use (10 kB brotli less).
 */
export async function lineChart(): Promise<typeof Chart> {
  const { Chart, LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip } = await import('chart.js');
  Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);
  return Chart;
}

/** Chart.js with what a scatter chart needs registered (the class's chart, a dot a pair). */
export async function scatterChart(): Promise<typeof Chart> {
  const { Chart, ScatterController, PointElement, LinearScale, Legend, Tooltip } = await import('chart.js');
  Chart.register(ScatterController, PointElement, LinearScale, Legend, Tooltip);
  return Chart;
}

/**
 * Draws the chart that `configure` describes, built on `base`, on the returned canvas once `load`
 * (lineChart or scatterChart) has loaded Chart.js, and draws it afresh when `configure` changes
 * (keep it stable with useCallback, on what the chart shows). The old chart is destroyed before
 * a new one and when the component goes; if Chart.js cannot be loaded, the status says so.
 */
export function useChart<TType extends ChartType, TData, TLabel>(
  load: () => Promise<typeof Chart>,
  configure: (base: BaseOptions) => ChartConfiguration<TType, TData, TLabel>,
): DrawnChart {
  const [status, setStatus] = useState<ChartStatus>('loading');
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    let cancelled = false;
    let chart: { destroy(): void; resize(): void } | null = null;
    // A chart drawn for the screen keeps the screen's width on paper and spills over the table
    // beside it: redraw it to the printed box before printing, and back after.
    const fit = () => chart?.resize();
    const draw = async () => {
      const Chart = await load();
      if (cancelled) return;
      const still = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      const base: BaseOptions = { responsive: true, maintainAspectRatio: false, animation: still ? false : { duration: 300 } };
      chart = new Chart(element, configure(base));
      setStatus('ready');
    };
    draw().catch(() => {
      if (!cancelled) setStatus('failed');
    });
    window.addEventListener('beforeprint', fit);
    window.addEventListener('afterprint', fit);
    return () => {
      cancelled = true;
      window.removeEventListener('beforeprint', fit);
      window.removeEventListener('afterprint', fit);
      chart?.destroy();
    };
  }, [load, configure]);

  return { canvas, status };
}

/** The chart's card: a heading with the chart icon and a line of introduction, then the chart and its numbers. */
export function ChartSection({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="debrief-card debrief-chart" aria-labelledby={id}>
      <h2 id={id}>
        <Icon name="chart" /> {title}
      </h2>
      <p>{intro}</p>
      {children}
    </section>
  );
}

/** The canvas `useChart` draws on, described by `label` for screen readers, with a note while Chart.js loads or when it could not. */
export function ChartCanvas({ chart, label }: { chart: DrawnChart; label: string }) {
  return (
    <>
      <div className="debrief-chart-box">
        <canvas ref={chart.canvas} role="img" aria-label={label} />
      </div>
      {chart.status === 'loading' && <p role="status">{t('debrief.chart.loading')}</p>}
      {chart.status === 'failed' && <p role="alert">{t('debrief.chart.failed')}</p>}
    </>
  );
}

/** One toggle a group of tracks; the chart shows the pressed one. */
export function GroupButtons({ group, onChange }: { group: TrackGroup; onChange: (group: TrackGroup) => void }) {
  return (
    <div className="debrief-groups" role="group" aria-label={t('debrief.chart.groups')}>
      {GROUP_IDS.map((g) => (
        <button key={g} type="button" className="debrief-toggle" aria-pressed={g === group} onClick={() => onChange(g)}>
          {g === group && <Icon name="check" />} {t(`debrief.chart.group.${g}`)}
        </button>
      ))}
    </div>
  );
}

/** The chart's numbers as a table (`children` are its head and body), folded under a summary, for readers who cannot see the chart and for paper. */
export function ChartNumbers({ caption, children }: { caption: string; children: ReactNode }) {
  const id = useId();
  return (
    <details className="debrief-numbers">
      <summary>{t('debrief.chart.showNumbers')}</summary>
      <div className="debrief-table-wrap" role="region" tabIndex={0} aria-labelledby={id}>
        <table className="debrief-table">
          <caption id={id}>{caption}</caption>
          {children}
        </table>
      </div>
    </details>
  );
}
