/**
 * The control room's table, as data: every match with its warnings as of now, sorted and
 * filtered as the teacher asks. No React here, so the rules of the table are tested alone.
 */
import type { ClassStatus, MatchStatus, Warning } from './classApi';

/** The server's threshold for "idle" when the class has no decision timer (src/server/classes/status.ts). */
const IDLE_WITHOUT_TIMER_S = 180;

export const SORTS = ['attention', 'players', 'round', 'relationship', 'gap', 'waiting'] as const;
export type SortBy = (typeof SORTS)[number];
export const FILTERS = ['all', 'warnings', 'playing', 'over'] as const;
export type Filter = (typeof FILTERS)[number];

export interface MatchRow {
  readonly match: MatchStatus;
  /** Seconds the side to move has taken, as of now. */
  readonly waiting: number;
  readonly warnings: readonly Warning[];
}

/**
 * A match's warnings as of now. The live feed sends a status when something changes, so a seat
 * that stops moving would only be flagged at the next change: the idle warning is worked out
 * here from the time since the status arrived. Nobody is idle while the class is paused.
 */
export function rowOf(match: MatchStatus, status: Pick<ClassStatus, 'paused' | 'settings'>, elapsedSeconds: number): MatchRow {
  const waiting = match.waitingSeconds + Math.max(0, Math.floor(elapsedSeconds));
  const warnings: Warning[] = match.warnings.filter((w) => w.kind !== 'idle');
  const limit = status.settings.timer > 0 ? status.settings.timer : IDLE_WITHOUT_TIMER_S;
  const mover = match.toMove;
  if (!status.paused && match.over === null && mover && !match.seats[mover].computer && waiting > limit) {
    warnings.push({ kind: 'idle', side: mover, seconds: waiting });
  }
  return { match, waiting, warnings };
}

const names = (m: MatchStatus) => `${m.seats.us.name} ${m.seats.cn.name}`.toLocaleLowerCase();
const gap = (m: MatchStatus) => Math.abs(m.score.us - m.score.cn);
const progress = (m: MatchStatus) => (m.over ? Number.POSITIVE_INFINITY : m.round);

const COMPARE: Readonly<Record<SortBy, (a: MatchRow, b: MatchRow) => number>> = {
  // Warnings first (most first), then games still playing, then the longest wait.
  attention: (a, b) => b.warnings.length - a.warnings.length || Number(a.match.over !== null) - Number(b.match.over !== null) || b.waiting - a.waiting,
  players: (a, b) => names(a.match).localeCompare(names(b.match)),
  round: (a, b) => progress(a.match) - progress(b.match),
  relationship: (a, b) => a.match.relationship - b.match.relationship,
  gap: (a, b) => gap(b.match) - gap(a.match),
  waiting: (a, b) => Number(a.match.over !== null) - Number(b.match.over !== null) || b.waiting - a.waiting,
};

const KEEP: Readonly<Record<Filter, (row: MatchRow) => boolean>> = {
  all: () => true,
  warnings: (row) => row.warnings.length > 0,
  playing: (row) => row.match.over === null,
  over: (row) => row.match.over !== null,
};

/** The rows to show: filtered, found by a student's name (any part, any case), sorted (ties keep the class's order). */
export function tableRows(rows: readonly MatchRow[], sortBy: SortBy, filter: Filter, search: string): MatchRow[] {
  const find = search.trim().toLocaleLowerCase();
  return rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => KEEP[filter](row) && (find === '' || names(row.match).includes(find)))
    .sort((a, b) => COMPARE[sortBy](a.row, b.row) || a.index - b.index)
    .map(({ row }) => row);
}

/** "3 min 05 s", as its parts. */
export function durationParts(seconds: number): { minutes: number; seconds: number } {
  const whole = Math.max(0, Math.floor(seconds));
  return { minutes: Math.floor(whole / 60), seconds: whole % 60 };
}
