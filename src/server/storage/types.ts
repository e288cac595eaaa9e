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
 *   (quarantine, with a log line) and serves the rest. What a record must look like is in
 *   record.ts; a write that would leave a record outside it (a third seat, say) is refused
 *   before anything changes, so a store never keeps what it could not load again.
 * - **Listings are one read.** `listMatchData` answers with the match data of every match
 *   asked for in one query, newest first (ties by id), bounded by `limit` (a whole number).
 * - **Ids are safe.** A store keeps only ids of 1–64 letters, digits, `_` and `-`, and never
 *   `__proto__`, `constructor` or `prototype`: `createMatch` refuses any other id, `setState`
 *   and `setMetadata` reject it with `MatchGoneError` (no such match can exist), `fetch`
 *   answers `{}` and `wipe` does nothing.
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
  /**
   * Optional: for each of these matches that exists, a number that changes whenever what `fetch`
   * would return for it changes, asked without reading the matches (one query for all of them).
   * It changes only once a write is kept, and never comes back for a match made again. A store
   * that cannot tell cheaply leaves it out, and its readers fetch every time.
   */
  revisionsOf?(matchIDs: readonly string[]): Promise<ReadonlyMap<string, number>>;
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

/**
 * A state written on top of a newer one: another writer (another server instance) stored a state
 * with this state id or a later one first. Of two moves made on the same state, exactly one is
 * stored; the other is refused as stale and its player re-synced.
 */
export class StaleStateError extends Error {
  constructor(
    readonly matchID: string,
    readonly stateID: number,
  ) {
    super(`The state ${stateID} of match ${JSON.stringify(matchID.slice(0, 16))} is already taken by another write.`);
    this.name = 'StaleStateError';
  }
}
