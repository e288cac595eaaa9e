/**
 * The classroom API's shapes (issue 12), shared by the server that answers (src/server/classes)
 * and the page that asks (src/ui/classroom): the teacher's settings, what a student may know, the
 * control room's status and the class's results. Types and constant lists only, with no Node
 * or DOM import, so both sides build from one definition and cannot drift apart.
 */
import type { ScenarioId, Side, TrackId } from '../content/types';
import type { GameLength, GameResult } from './state';

/** The computer levels a class may give its odd student (the bots' own list, src/bots/types.ts). */
export const CLASS_COMPUTER_LEVELS = ['easy', 'normal', 'hard'] as const;
export type ClassComputerLevel = (typeof CLASS_COMPUTER_LEVELS)[number];

export const TIMERS = [0, 60, 90, 120] as const;
export type TimerSeconds = (typeof TIMERS)[number];
export const TIMEOUT_ACTIONS = ['pass', 'computer'] as const;
export type TimeoutAction = (typeof TIMEOUT_ACTIONS)[number];
export const PAIRINGS = ['random', 'joinOrder'] as const;
export type Pairing = (typeof PAIRINGS)[number];

/** The teacher's choices for a class. */
export interface ClassSettings {
  readonly scenario: ScenarioId;
  readonly length: GameLength;
  readonly timer: TimerSeconds;
  readonly onTimeout: TimeoutAction;
  readonly computer: ClassComputerLevel;
  readonly pairing: Pairing;
}

export type ClassPhase = 'gathering' | 'playing' | 'finished';
export interface ClassMessage {
  readonly text: string;
  readonly at: number;
}

export interface CreatedClass {
  readonly code: string;
  readonly teacherKey: string;
  readonly expiresAt: number;
}

export interface JoinedClass {
  readonly studentID: string;
  readonly studentKey: string;
  readonly name: string;
}

/** What a student may know: the class's state, and once paired their own seat. */
export interface StudentView {
  readonly code: string;
  readonly title: string;
  readonly name: string;
  readonly phase: ClassPhase;
  readonly paused: boolean;
  readonly finishing: boolean;
  readonly message: ClassMessage | null;
  readonly settings: { readonly scenario: ScenarioId; readonly length: GameLength; readonly timer: TimerSeconds };
  readonly seat?: { readonly matchID: string; readonly playerID: '0' | '1'; readonly credentials: string };
}

export type Warning =
  | { readonly kind: 'nearSuddenEnd'; readonly track: 'relationship' | 'usSupport' | 'cnSupport'; readonly value: number }
  | { readonly kind: 'idle'; readonly side: Side; readonly seconds: number }
  | { readonly kind: 'disconnected'; readonly side: Side };

export interface SeatStatus {
  readonly name: string;
  readonly studentID: string | null;
  readonly computer: boolean;
  readonly connected: boolean;
}

export interface MatchStatus {
  readonly matchID: string;
  /** Grows with every change to the match (its state id), so a client can tell a changed row from a repeat. */
  readonly version: number;
  readonly seats: Readonly<Record<Side, SeatStatus>>;
  readonly round: number;
  readonly length: number;
  readonly toMove: Side | null;
  readonly waitingSeconds: number;
  readonly relationship: number;
  readonly support: Readonly<Record<Side, number>>;
  readonly score: Readonly<Record<Side, number>>;
  readonly deal: readonly string[] | null;
  readonly over: null | { readonly kind: GameResult['kind']; readonly winner: Side | null };
  readonly warnings: readonly Warning[];
}

export interface StudentStatus {
  readonly id: string;
  readonly name: string;
  readonly joinedAt: number;
  readonly matchID: string | null;
  readonly side: Side | null;
}

/** The control room's view of a class. */
export interface ClassStatus {
  readonly code: string;
  readonly title: string;
  readonly settings: ClassSettings;
  readonly phase: ClassPhase;
  readonly paused: boolean;
  readonly finishing: boolean;
  readonly message: ClassMessage | null;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly students: readonly StudentStatus[];
  readonly matches: readonly MatchStatus[];
}

export type Outcome = 'win' | 'loss' | 'stalemate' | 'unfinished';

export interface StudentRow {
  readonly name: string;
  readonly side: Side;
  readonly opponent: string;
  readonly opponentIsComputer: boolean;
  readonly matchID: string;
  readonly result: Outcome;
  readonly ending: GameResult['kind'] | null;
  readonly round: number;
  readonly score: { readonly support: number; readonly economy: number; readonly resilience: number; readonly agenda: number; readonly deal: number; readonly total: number };
  readonly agendaMet: boolean;
  readonly moves: number;
  readonly dealsSigned: number;
  readonly dealsCollapsed: number;
}

export interface PairResult {
  readonly matchID: string;
  readonly names: Readonly<Record<Side, string>>;
  readonly over: boolean;
  readonly winner: Side | null;
  readonly ending: GameResult['kind'] | null;
  readonly margin: number;
  readonly tracks: Readonly<Record<TrackId, number>>;
  readonly interdependence: { readonly start: number; readonly end: number };
}

/** The class debrief's figures (results.json). */
export interface ClassResults {
  readonly code: string;
  readonly title: string;
  readonly scenario: string;
  readonly length: number;
  readonly students: readonly StudentRow[];
  readonly pairs: readonly PairResult[];
  readonly summary: {
    readonly games: number;
    readonly finished: number;
    readonly wins: Readonly<Record<Side, number>>;
    readonly stalemates: number;
    readonly margin: Readonly<Record<Side, number | null>>;
    readonly suddenEnds: { readonly collapse: number; readonly rupture: number };
    readonly dealsSigned: number;
    readonly dealsCollapsed: number;
    readonly topMoves: Readonly<Record<Side, readonly { readonly id: string; readonly count: number }[]>>;
    readonly interdependenceFell: number;
  };
}
