/**
 * The scrubber over the track chart (issue 14): one group of the game's tracks drawn move by move
 * over the whole game, the rounds marked, and a marker at the move the replay shows. Clicking or
 * dragging anywhere on the chart moves the replay to the nearest move; with the keyboard the chart
 * is a slider (arrows a move, Page Up and Page Down a round, Home and End). A plain SVG, no
 * Chart.js, so it is small and draws at once; its texts are HTML, so they stay readable at any width.
 */
import type { State } from 'boardgame.io';
import { useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { TRACKS, type DeRiskState, type TrackId } from '../../game';
import { seriesLabel } from '../bridge';
import { Icon } from '../common/Icon';
import { GROUP_IDS, TRACK_GROUPS, type TrackGroup } from '../debrief/chartSetup';
import { LINE } from '../debrief/TrackChart';
import { t } from '../i18n';

/** Where a round begins: the first position of the round (the one before its first move). */
interface RoundStart {
  readonly step: number;
  readonly round: number;
}

/** The first position of each round, in order; the game's start begins the first. */
export function roundStarts(states: readonly State<DeRiskState>[]): RoundStart[] {
  const starts: RoundStart[] = [];
  states.forEach((state, step) => {
    if (step === 0 || state.G.round !== states[step - 1]?.G.round) starts.push({ step, round: state.G.round });
  });
  return starts;
}

/**
 * The position a key moves the slider to, or undefined for a key the slider leaves alone: the
 * arrows a move (→ and ↑ forward), Page Up the next round's start, Page Down this round's start
 * (or the round before's, from a start), Home and End the game's ends.
 */
export function stepForKey(key: string, step: number, last: number, starts: readonly RoundStart[]): number | undefined {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return Math.min(last, step + 1);
    case 'ArrowLeft':
    case 'ArrowDown':
      return Math.max(0, step - 1);
    case 'PageUp':
      return starts.find((s) => s.step > step)?.step ?? last;
    case 'PageDown':
      return starts.findLast((s) => s.step < step)?.step ?? 0;
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}

/** A track's line from the start to the end: x the position, y the value, the top of the chart `top`. */
function linePoints(states: readonly State<DeRiskState>[], track: TrackId, top: number): string {
  return states.map((state, step) => `${step},${top - state.G.tracks[track]}`).join(' ');
}

/** A short line in a track's colour and dash, for the legend. */
function Swatch({ track }: { track: TrackId }) {
  return (
    <svg className="replay-chart-swatch" viewBox="0 0 36 10" aria-hidden="true" focusable="false">
      <line x1="0" y1="5" x2="36" y2="5" stroke={LINE[track].color} strokeWidth="3" strokeDasharray={LINE[track].dash.join(' ') || undefined} />
    </svg>
  );
}

export function ReplayChart({ states, step, onStep }: { states: readonly State<DeRiskState>[]; step: number; onStep: (step: number) => void }) {
  const [group, setGroup] = useState<TrackGroup>('relations');
  const titleId = useId();
  const hintId = useId();
  // The pointer that is dragging the marker, if one is.
  const dragging = useRef<number | null>(null);
  const last = Math.max(0, states.length - 1);
  const span = Math.max(1, last);
  const starts = useMemo(() => roundStarts(states), [states]);
  const tracks: readonly TrackId[] = TRACK_GROUPS[group];
  const top = Math.max(...tracks.map((track) => TRACKS[track].max));
  const state = states[step] ?? states[last];
  const round = state?.G.round ?? 0;
  const x = (at: number) => `${(at / span) * 100}%`;

  const go = (to: number) => {
    if (to !== step) onStep(to);
  };
  // The nearest position to a point on the chart, from its left edge (the start) to its right (the end).
  const stepAt = (element: HTMLElement, clientX: number) => {
    const box = element.getBoundingClientRect();
    if (box.width <= 0) return step;
    return Math.max(0, Math.min(last, Math.round(((clientX - box.left) / box.width) * span)));
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    dragging.current = event.pointerId;
    // Keep the drag when the pointer leaves the chart (not every test DOM has pointer capture).
    if ('setPointerCapture' in event.currentTarget) event.currentTarget.setPointerCapture(event.pointerId);
    go(stepAt(event.currentTarget, event.clientX));
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (dragging.current === event.pointerId) go(stepAt(event.currentTarget, event.clientX));
  };
  const endDrag = () => {
    dragging.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const to = stepForKey(event.key, step, last, starts);
    if (to === undefined) return;
    // The slider's keys are its own: the page's ←/→/Home/End must not step a second time.
    event.preventDefault();
    event.stopPropagation();
    go(to);
  };

  return (
    <section className="replay-chart" aria-labelledby={titleId}>
      <h2 id={titleId}>
        <Icon name="chart" /> {t('replay.chart.title')}
      </h2>
      <div className="replay-chart-groups" role="group" aria-label={t('replay.chart.groups')}>
        {GROUP_IDS.map((g) => (
          <button key={g} type="button" className="small" aria-pressed={g === group} onClick={() => setGroup(g)}>
            {g === group && <Icon name="check" />} {t(`replay.chart.group.${g}`)}
          </button>
        ))}
      </div>
      <div className="replay-chart-frame">
        <div className="replay-chart-rounds" aria-hidden="true">
          {starts.map((s) => (
            <span key={s.step} style={{ left: x(s.step) }}>
              {t('replay.chart.round', { round: s.round })}
            </span>
          ))}
        </div>
        <div className="replay-chart-axis" aria-hidden="true">
          <span>{top}</span>
          <span>0</span>
        </div>
        <div
          className="replay-chart-plot"
          role="slider"
          tabIndex={0}
          aria-labelledby={titleId}
          aria-describedby={hintId}
          aria-orientation="horizontal"
          aria-valuemin={0}
          aria-valuemax={last}
          aria-valuenow={step}
          aria-valuetext={step === 0 ? t('replay.chart.atStart', { round }) : t('replay.chart.position', { step, total: last, round })}
          onKeyDown={onKeyDown}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={endDrag}
          onPointerCancel={endDrag}
          onLostPointerCapture={endDrag}
        >
          <svg viewBox={`0 0 ${span} ${top}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <line className="replay-chart-grid" x1="0" y1={top / 2} x2={span} y2={top / 2} vectorEffect="non-scaling-stroke" />
            {starts
              .filter((s) => s.step > 0)
              .map((s) => (
                <line key={s.step} className="replay-chart-round" x1={s.step} y1="0" x2={s.step} y2={top} vectorEffect="non-scaling-stroke" />
              ))}
            {tracks.map((track) => (
              <polyline
                key={track}
                className="replay-chart-line"
                data-track={track}
                points={linePoints(states, track, top)}
                fill="none"
                stroke={LINE[track].color}
                strokeDasharray={LINE[track].dash.join(' ') || undefined}
                vectorEffect="non-scaling-stroke"
              />
            ))}
            <line className="replay-chart-marker" x1={step} y1="0" x2={step} y2={top} vectorEffect="non-scaling-stroke" />
          </svg>
          <span className="replay-chart-thumb" aria-hidden="true" style={{ left: x(step) }} />
        </div>
      </div>
      <p id={hintId} className="replay-chart-hint muted">
        {t('replay.chart.hint')}
      </p>
      <ul className="replay-chart-legend" aria-label={t('replay.chart.legend')}>
        {tracks.map((track) => (
          <li key={track}>
            <Swatch track={track} /> {t('replay.chart.value', { track: seriesLabel(track), value: state?.G.tracks[track] ?? 0 })}
          </li>
        ))}
      </ul>
    </section>
  );
}
