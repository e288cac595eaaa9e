/**
 * One track in two futures (issue 14): for each round from the fork on, the average of the
 * playouts as a line and their middle half (25th to 75th percentile) as a band, the future as
 * played in black, the other in orange, dashed, each band hatched its own way, so that no part
 * needs colour to be told apart. A plain SVG: it draws at once, prints, and scales to any width.
 */
import { useId } from 'react';
import type { TrackId } from '../../content/types';
import { TRACKS } from '../../game/tracks';
import type { Future } from '../../sim/fork';
import { t } from '../i18n';

const W = 640;
const H = 280;
const PAD = { left: 40, right: 16, top: 14, bottom: 34 };

const STYLE = {
  real: { stroke: '#000000', dash: undefined, fill: '#000000' },
  instead: { stroke: '#B35900', dash: '10 6', fill: '#E69F00' },
} as const;

export function FutureChart({ track, real, instead, label }: { track: TrackId; real: Future; instead: Future; label: string }) {
  const id = useId().replace(/:/g, '');
  const rounds = real.rounds;
  const max = TRACKS[track].max;
  const x = (k: number) => (rounds.length === 1 ? (PAD.left + W - PAD.right) / 2 : PAD.left + (k * (W - PAD.left - PAD.right)) / (rounds.length - 1));
  const y = (value: number) => PAD.top + (1 - value / max) * (H - PAD.top - PAD.bottom);
  const line = (values: readonly number[]) => values.map((v, k) => `${k === 0 ? 'M' : 'L'}${x(k).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const band = (low: readonly number[], high: readonly number[]) =>
    `${line(high)} ${[...low].reverse().map((v, i) => `L${x(low.length - 1 - i).toFixed(1)},${y(v).toFixed(1)}`).join(' ')} Z`;
  const ticks = Array.from(new Set([0, Math.round(max / 2), max]));
  return (
    <svg className="future-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
      <defs>
        <pattern id={`${id}-real`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="8" height="8" fill={STYLE.real.fill} opacity="0.08" />
          <line x1="0" y1="0" x2="0" y2="8" stroke={STYLE.real.fill} strokeWidth="2" opacity="0.25" />
        </pattern>
        <pattern id={`${id}-instead`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
          <rect width="8" height="8" fill={STYLE.instead.fill} opacity="0.15" />
          <line x1="0" y1="0" x2="0" y2="8" stroke={STYLE.instead.fill} strokeWidth="2" opacity="0.45" />
        </pattern>
      </defs>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#ccc" />
          <text x={PAD.left - 8} y={y(v) + 5} textAnchor="end" className="future-chart-tick">
            {v}
          </text>
        </g>
      ))}
      {rounds.map((round, k) => (
        <text key={round} x={x(k)} y={H - 10} textAnchor="middle" className="future-chart-tick">
          {t('whatIf.chartRound', { round })}
        </text>
      ))}
      <path d={band(real.tracks[track].low, real.tracks[track].high)} fill={`url(#${id}-real)`} />
      <path d={band(instead.tracks[track].low, instead.tracks[track].high)} fill={`url(#${id}-instead)`} />
      {(['real', 'instead'] as const).map((which) => {
        const future = which === 'real' ? real : instead;
        const { stroke, dash } = STYLE[which];
        return (
          <g key={which}>
            <path d={line(future.tracks[track].mean)} fill="none" stroke={stroke} strokeWidth="3" strokeDasharray={dash} />
            {future.tracks[track].mean.map((v, k) =>
              which === 'real' ? <circle key={k} cx={x(k)} cy={y(v)} r="5" fill={stroke} /> : <rect key={k} x={x(k) - 5} y={y(v) - 5} width="10" height="10" fill={stroke} />,
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** The chart's key, in words and the same marks. */
export function FutureLegend({ real, instead }: { real: string; instead: string }) {
  return (
    <ul className="future-legend">
      <li>
        <svg width="36" height="14" aria-hidden="true">
          <line x1="2" y1="7" x2="34" y2="7" stroke={STYLE.real.stroke} strokeWidth="3" />
          <circle cx="18" cy="7" r="5" fill={STYLE.real.stroke} />
        </svg>{' '}
        {real}
      </li>
      <li>
        <svg width="36" height="14" aria-hidden="true">
          <line x1="2" y1="7" x2="34" y2="7" stroke={STYLE.instead.stroke} strokeWidth="3" strokeDasharray="6 4" />
          <rect x="13" y="2" width="10" height="10" fill={STYLE.instead.stroke} />
        </svg>{' '}
        {instead}
      </li>
    </ul>
  );
}
