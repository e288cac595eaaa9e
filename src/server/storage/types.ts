/**
 * What the De-Risk server asks of a store, beyond boardgame.io's `StorageAPI.Async`.
 *
 * Every store (memory, embedded files, PostgreSQL) keeps these promises, and the persistence
 * suites check them for each:
 * - **Durable means durable.** A write's promise resolves once the change is kept; what a read
 *   returns changes only after that. A write that fails changes nothing (no half record, no
 *   temporary file, no match in memory).
 * - **Reads are copies.** Changing an object a read returned never changes the store.
 * - **No resurrection.** `setState` and `setMetadata` for a match that does not exist (never
 *   created, or wiped) reject with `MatchGoneError` and change nothing; only `createMatch`
 *   makes a match.
 * - **One bad match never stops start-up.** `connect()` moves a record it cannot read aside
 *   (quarantine, with a log line) and serves the rest.
 * - **Listings are one read.** `listMatchData` answers with the match data of every match
 *   asked for in one query, newest first, bounded by `limit`.
 */
import type { Server, StorageAPI } from 'boardgame.io';

export interface MatchSummary {
  matchID: string;
  metadata: Server.MatchData;
}

export interface ListMatchDataOptions {
  gameName: string;
  /** Only finished (true) or unfinished (false) matches; both when omitted. */
  isGameover?: boolean;
  /** Leave out matches created `unlisted`. */
  listedOnly?: boolean;
  updatedBefore?: number;
  updatedAfter?: number;
  /** At most this many, the most recently updated first. */
  limit: number;
}

export interface MatchStore extends StorageAPI.Async {
  listMatchData(options: ListMatchDataOptions): Promise<MatchSummary[]>;
  /** Releases connections or handles (a pool's clients); the data stays. */
  close?(): Promise<void>;
}

/** A write to a match that does not exist (never created, or removed meanwhile). */
export class MatchGoneError extends Error {
  constructor(readonly matchID: string) {
    super(`There is no match ${JSON.stringify(matchID.slice(0, 16))} to write to.`);
    this.name = 'MatchGoneError';
  }
}
