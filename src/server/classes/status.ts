/**
 * The teacher's view of a class (issue 12): who joined, and for every match the two names and
 * sides, the round, whose turn and since when, the relationship and both supports, the score as
 * it stands, a deal in force, and warnings. Built field by field from the stored match (never a
 * copy of its state with parts deleted), so a hand, an agenda, a deck, a seed, a reason or a
 * credential can never slip through: the score here leaves the secret agendas out.
 */
import type { Server as ServerTypes, State } from 'boardgame.io';
import { botSettingsOf } from '../bots/botSeat';
import { actingSide, scoreFor, type DeRiskState, type GameResult } from '../../game';
import type { Side } from '../../content/types';
import { seatOf } from '../seats';
import type { ClassStatus, MatchStatus, SeatStatus, Warning } from '../../game/classWire';

export type { ClassStatus, MatchStatus } from '../../game/classWire';
import type { ClassRecord } from './record';

/** What the control room reads of a stored match. */
export interface StoredMatch {
  readonly state?: State;
  readonly metadata?: ServerTypes.MatchData;
}

const SIDE_OF_SEAT = { '0': 'us', '1': 'cn' } as const;
const IDLE_WITHOUT_TIMER_S = 180;

function seatStatus(metadata: ServerTypes.MatchData, seat: '0' | '1', studentID: string | null): SeatStatus {
  const player = seatOf(metadata, seat);
  const computer = botSettingsOf(player) !== null;
  return {
    name: typeof player?.name === 'string' ? player.name : '',
    studentID,
    computer,
    connected: computer || player?.isConnected === true,
  };
}

/** One match as the control room shows it; null when the match is gone. */
export function matchStatus(
  record: ClassRecord,
  entry: ClassRecord['matches'][number],
  stored: StoredMatch,
  now: number,
): MatchStatus | null {
  const { state, metadata } = stored;
  if (!state || !metadata) return null;
  const G = state.G as DeRiskState;
  const seats = { us: seatStatus(metadata, '0', entry.seats['0']), cn: seatStatus(metadata, '1', entry.seats['1']) };
  const result = state.ctx.gameover as GameResult | undefined;
  const toMove = result ? null : actingSide(G, state.ctx);
  // Counted from the last move, or from the resume if the class was paused since (as the decision clock counts, R4.7).
  const waitingSeconds = Math.max(0, Math.round((now - Math.max(metadata.updatedAt, record.resumedAt ?? 0)) / 1000));
  const warnings: Warning[] = [];
  if (!result) {
    for (const track of ['relationship', 'usSupport', 'cnSupport'] as const) {
      if (G.tracks[track] <= 2) warnings.push({ kind: 'nearSuddenEnd', track, value: G.tracks[track] });
    }
    const limit = record.settings.timer > 0 ? record.settings.timer : IDLE_WITHOUT_TIMER_S;
    if (toMove && !seats[toMove].computer && waitingSeconds > limit) warnings.push({ kind: 'idle', side: toMove, seconds: waitingSeconds });
    for (const side of ['us', 'cn'] as const) if (!seats[side].connected) warnings.push({ kind: 'disconnected', side });
  }
  const publicScore = (side: Side) => {
    const s = scoreFor(G, side);
    return s.total - s.agenda;
  };
  return {
    matchID: entry.matchID,
    seats,
    round: G.round,
    length: G.length,
    toMove,
    waitingSeconds,
    relationship: G.tracks.relationship,
    support: { us: G.tracks.usSupport, cn: G.tracks.cnSupport },
    score: { us: publicScore('us'), cn: publicScore('cn') },
    deal: G.deal ? [...G.deal.terms] : null,
    over: result ? { kind: result.kind, winner: 'winnerSide' in result ? result.winnerSide : null } : null,
    warnings,
  };
}

/** The class as its teacher sees it, given each match's stored state and match data. */
export function classStatus(record: ClassRecord, stored: ReadonlyMap<string, StoredMatch>, now: number): ClassStatus {
  const matches = record.matches.flatMap((entry) => {
    const status = matchStatus(record, entry, stored.get(entry.matchID) ?? {}, now);
    return status ? [status] : [];
  });
  return {
    code: record.code,
    title: record.title,
    settings: record.settings,
    phase: record.phase,
    paused: record.pausedAt !== null,
    finishing: record.finishing,
    message: record.message,
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
    students: record.students.map((s) => ({
      id: s.id,
      name: s.name,
      joinedAt: s.joinedAt,
      matchID: s.seat?.matchID ?? null,
      side: s.seat ? SIDE_OF_SEAT[s.seat.playerID] : null,
    })),
    matches,
  };
}
