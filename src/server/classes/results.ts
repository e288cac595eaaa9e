/**
 * A class's results (issue 12): one row per student for the teacher's spreadsheet, and the
 * class-wide figures the class debrief shows (results by side, every pair's final tracks, deals,
 * sudden ends, the most used moves, the essay's forecast checked across the class). Built from
 * the stored matches with the engine's own scoring, field by field: no credential, key, hand or
 * reason is ever copied in. Agendas count in the scores of finished games only, as in play (R10).
 */
import type { State } from 'boardgame.io';
import { SIDES, TRACK_IDS, type Side, type TrackId } from '../../content/types';
import { agendaMet, gameResult, scoreFor, type ChronicleEntry, type DeRiskState, type GameResult } from '../../game';
import type { ClassResults, PairResult, StudentRow } from '../../game/classWire';
import type { ClassRecord } from './record';

const SEATS = { us: '0', cn: '1' } as const;

export type { ClassResults } from '../../game/classWire';

/** The chronicle's records of a side's own moves (not the round's own steps). */
const MOVE_KINDS: ReadonlySet<ChronicleEntry['kind']> = new Set(['action', 'card', 'recycle', 'pass', 'dealProposed', 'dealRejected', 'dealSigned']);

function isMoveBy(e: ChronicleEntry, side: Side): boolean {
  return MOVE_KINDS.has(e.kind) && 'side' in e && e.side === side;
}

function playsOf(G: DeRiskState, side: Side): string[] {
  return G.chronicle.flatMap((e) => {
    if (e.kind === 'action' && e.side === side) return [e.action];
    if (e.kind === 'card' && e.side === side) return [e.card];
    return [];
  });
}

function top(ids: readonly string[], count: number): { id: string; count: number }[] {
  const tally = new Map<string, number>();
  for (const id of ids) tally.set(id, (tally.get(id) ?? 0) + 1);
  return [...tally].map(([id, n]) => ({ id, count: n })).sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1)).slice(0, count);
}

/** The class's results from its record and each match's stored state (full, not a player's view). */
export function classResults(record: ClassRecord, states: ReadonlyMap<string, State | undefined>, names: ReadonlyMap<string, Readonly<Record<Side, string>>>): ClassResults {
  const students: StudentRow[] = [];
  const pairs: PairResult[] = [];
  const plays: Record<Side, string[]> = { us: [], cn: [] };
  let dealsSigned = 0;
  let dealsCollapsed = 0;
  for (const entry of record.matches) {
    const state = states.get(entry.matchID);
    if (!state) continue;
    const G = state.G as DeRiskState;
    const result = (state.ctx.gameover as GameResult | undefined) ?? gameResult(G);
    const over = result !== undefined;
    const winner = result && 'winnerSide' in result ? result.winnerSide : null;
    const seatNames = names.get(entry.matchID) ?? { us: '', cn: '' };
    const signed = G.chronicle.filter((e) => e.kind === 'dealSigned' && e.side !== null).length;
    const collapsed = G.chronicle.filter((e) => e.kind === 'dealCollapsed').length;
    dealsSigned += signed;
    dealsCollapsed += collapsed;
    const scores = { us: scoreFor(G, 'us'), cn: scoreFor(G, 'cn') };
    // A secret agenda counts only once the game is over (R10).
    const shown = (side: Side) => {
      const s = scores[side];
      return over ? s : { ...s, agenda: 0, total: s.total - s.agenda };
    };
    for (const side of SIDES) {
      plays[side].push(...playsOf(G, side));
      const studentID = entry.seats[SEATS[side]];
      if (studentID === null) continue;
      const student = record.students.find((s) => s.id === studentID);
      const other: Side = side === 'us' ? 'cn' : 'us';
      const { support, economy, resilience, agenda, deal, total } = shown(side);
      students.push({
        name: student?.name ?? seatNames[side],
        side,
        opponent: seatNames[other],
        opponentIsComputer: entry.seats[SEATS[other]] === null,
        matchID: entry.matchID,
        result: !over ? 'unfinished' : winner === null ? 'stalemate' : winner === side ? 'win' : 'loss',
        ending: result?.kind ?? null,
        round: G.round,
        score: { support, economy, resilience, agenda, deal, total },
        agendaMet: over && agendaMet(G, side),
        moves: G.chronicle.filter((e) => isMoveBy(e, side)).length,
        dealsSigned: signed,
        dealsCollapsed: collapsed,
      });
    }
    const start = G.history[0]?.tracks.interdependence ?? G.tracks.interdependence;
    pairs.push({
      matchID: entry.matchID,
      names: seatNames,
      over,
      winner,
      ending: result?.kind ?? null,
      margin: Math.abs(shown('us').total - shown('cn').total),
      tracks: Object.fromEntries(TRACK_IDS.map((t) => [t, G.tracks[t]])) as Record<TrackId, number>,
      interdependence: { start, end: G.tracks.interdependence },
    });
  }
  const finished = pairs.filter((p) => p.over);
  const marginOf = (side: Side) => {
    const won = finished.filter((p) => p.winner === side && p.ending === 'score');
    return won.length === 0 ? null : Math.round((10 * won.reduce((sum, p) => sum + p.margin, 0)) / won.length) / 10;
  };
  return {
    code: record.code,
    title: record.title,
    scenario: record.settings.scenario,
    length: record.settings.length,
    students,
    pairs,
    summary: {
      games: pairs.length,
      finished: finished.length,
      wins: { us: finished.filter((p) => p.winner === 'us').length, cn: finished.filter((p) => p.winner === 'cn').length },
      stalemates: finished.filter((p) => p.winner === null).length,
      margin: { us: marginOf('us'), cn: marginOf('cn') },
      suddenEnds: { collapse: finished.filter((p) => p.ending === 'collapse').length, rupture: finished.filter((p) => p.ending === 'rupture').length },
      dealsSigned,
      dealsCollapsed,
      topMoves: { us: top(plays.us, 5), cn: top(plays.cn, 5) },
      interdependenceFell: pairs.filter((p) => p.interdependence.end < p.interdependence.start).length,
    },
  };
}

/**
 * One field of a CSV line (RFC 4180): quoted when it holds a comma, a quote or a line break,
 * with quotes doubled; a text that a spreadsheet would run as a formula (= + - @ at the start)
 * is prefixed with an apostrophe, so a name can never become a formula.
 */
export function csvField(value: string | number | boolean): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_COLUMNS = [
  'name',
  'side',
  'opponent',
  'result',
  'ending',
  'support',
  'economy',
  'resilience',
  'agenda',
  'deal',
  'total',
  'agenda met',
  'moves',
  'deals signed',
  'deals collapsed',
  'match',
] as const;

/** The students' rows as CSV: UTF-8 with a byte-order mark (so spreadsheets read emoji and every script), CRLF lines. */
export function resultsCsv(results: ClassResults): string {
  const side = (s: Side) => (s === 'us' ? 'Washington' : 'Beijing');
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of results.students) {
    const fields: (string | number)[] = [
      r.name,
      side(r.side),
      r.opponentIsComputer ? `${r.opponent} (computer)` : r.opponent,
      r.result,
      r.ending ?? '',
      r.score.support,
      r.score.economy,
      r.score.resilience,
      r.score.agenda,
      r.score.deal,
      r.score.total,
      r.agendaMet ? 'yes' : 'no',
      r.moves,
      r.dealsSigned,
      r.dealsCollapsed,
      r.matchID,
    ];
    lines.push(fields.map(csvField).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
