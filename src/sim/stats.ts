/** Small statistics for simulations: intervals and summaries that the CLI and the browser share. */

export interface Interval {
  rate: number;
  low: number;
  high: number;
}

/** The Wilson score interval for `wins` out of `n` at 95% (n = 0: nothing known). */
export function wilson(wins: number, n: number): Interval {
  if (n === 0) return { rate: 0, low: 0, high: 1 };
  const z = 1.96;
  const p = wins / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return { rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** The value at quantile `q` (0–1) of sorted `values`, interpolated; NaN when empty. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  const above = Math.min(sorted.length - 1, below + 1);
  const low = sorted[below] ?? Number.NaN;
  const high = sorted[above] ?? Number.NaN;
  return low + (high - low) * (at - below);
}
