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
import type { MatchStore } from '../storage/types';

/** What the control room reads of a stored match. Shared between readers: never changed. */
export interface StoredMatch {
  readonly state?: State;
  readonly metadata?: ServerTypes.MatchData;
}

/** How many matches `storedMatchesReader` keeps parsed: the matches of 10 classes of 40 many times over. */
const KEPT_PARSED = 2_000;

/**
 * Reads the state and match data of a class's matches for the control room and the results.
 * Every live feed reads every match of its class each time it sends (up to twice a second), and
 * a read parses the whole state; so when the store can say cheaply which matches changed
 * (`revisionsOf`: a counter in memory, a row's `xmin` in PostgreSQL, one query for the class), a
 * match read before is answered from what was parsed then, and only a changed match is read
 * again. Stores that cannot say are read every time. The revision is asked before the read, so
 * what is kept is never older than the revision it is kept under (a write in between only costs
 * one more read next time). At most KEPT_PARSED matches are kept, the least recently read
 * dropped first.
 */
export function storedMatchesReader(db: Pick<MatchStore, 'fetch' | 'revisionsOf'>): (matchIDs: readonly string[]) => Promise<Map<string, StoredMatch>> {
  const kept = new Map<string, { revision: number; stored: StoredMatch }>();
  const fetchOne = (matchID: string): Promise<StoredMatch> => db.fetch(matchID, { state: true, metadata: true });
  return async (matchIDs) => {
    if (!db.revisionsOf) return new Map(await Promise.all(matchIDs.map(async (id) => [id, await fetchOne(id)] as const)));
    const revisions = await db.revisionsOf(matchIDs);
    const read = async (matchID: string): Promise<readonly [string, StoredMatch]> => {
      const revision = revisions.get(matchID);
      const hit = kept.get(matchID);
      kept.delete(matchID);
      // Gone: nothing to read, nothing to keep.
      if (revision === undefined) return [matchID, {}];
      if (hit?.revision === revision) {
        kept.set(matchID, hit);
        return [matchID, hit.stored];
      }
      const stored = await fetchOne(matchID);
      kept.set(matchID, { revision, stored });
      for (const oldest of kept.keys()) {
        if (kept.size <= KEPT_PARSED) break;
        kept.delete(oldest);
      }
      return [matchID, stored];
    };
    return new Map(await Promise.all(matchIDs.map(read)));
  };
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
    version: state._stateID,
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
