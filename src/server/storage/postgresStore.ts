/**
 * PostgreSQL storage (DATABASE_URL): one row a match. A write returns once PostgreSQL has
 * committed it, so, as with the file store, a move is durable before anyone is told. Reads
 * are parsed from the rows, so they are the caller's own copies.
 *
 * `connect()` creates what is missing (it also runs on a table made by an earlier version),
 * then checks every row with the same rules as the file store (record.ts) and moves the rows
 * it could not serve into `de_risk_quarantine`, in one statement, with an error log line each.
 */
import type { LogEntry, Server, State, StorageAPI } from 'boardgame.io';
import { AsyncStorage } from '../bgio';
import pg from 'pg';
import { log } from '../log';
import { checkExistingID, checkLimit, checkNewID, checkWritable, recordProblem, validID, type ListingFilter } from './record';
import { setUpSchema } from './schemaSetup';
import { MatchGoneError, StaleStateError, type ListMatchDataOptions, type MatchStore, type MatchSummary } from './types';

const TABLE = 'de_risk_matches';
const QUARANTINE = 'de_risk_quarantine';

/** A WHERE clause built from optional conditions, with numbered parameters. */
class Where {
  readonly values: unknown[] = [];
  private readonly clauses: string[] = [];
  /** `clause` uses `?` for the value, if it takes one. */
  add(clause: string, ...value: [] | [unknown]): this {
    if (value.length > 0) this.values.push(value[0]);
    this.clauses.push(clause.replace('?', `$${this.values.length}`));
    return this;
  }
  param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
  /** The WHERE clause, or nothing when there is no condition. */
  get sql(): string {
    return this.clauses.length > 0 ? ` WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

/** boardgame.io's listing filters, as conditions on the columns. */
function filters(opts: ListingFilter): Where {
  const where = new Where();
  if (opts.gameName !== undefined) where.add('game_name = ?', opts.gameName);
  if (opts.isGameover !== undefined) where.add('gameover = ?', opts.isGameover);
  if (opts.updatedBefore !== undefined) where.add('updated_at < ?', opts.updatedBefore);
  if (opts.updatedAfter !== undefined) where.add('updated_at > ?', opts.updatedAfter);
  return where;
}

interface CheckedRow {
  id: string;
  metadata: unknown;
  /** The state without `G` (the bulk of it), and what kind of JSON value `G` is. */
  state: unknown;
  g_type: string | null;
}

export class PostgresStore extends AsyncStorage implements MatchStore {
  readonly pool: pg.Pool;
  private closed: Promise<void> | null = null;

  /** `schema` puts the tables in their own schema (the tests make and drop one). */
  constructor(
    connectionString: string,
    private readonly schema = 'public',
  ) {
    super();
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name ${schema}`);
    this.pool = new pg.Pool({ connectionString, max: 10 });
    // An idle pooled connection that PostgreSQL drops (a restart, a cut network) is an 'error' on
    // the pool; unheard, it would end the process. The next query opens a new connection.
    this.pool.on('error', (error) => log('warn', 'storage-connection-lost', { message: error.message.slice(0, 200) }));
  }

  private get table(): string {
    return `"${this.schema}".${TABLE}`;
  }

  async connect(): Promise<void> {
    await setUpSchema(this.pool, this.schema, [
      `CREATE SCHEMA IF NOT EXISTS "${this.schema}"`,
      // The same columns as the first version, so that its tables need nothing but the index.
      `CREATE TABLE IF NOT EXISTS ${this.table} (
        id text PRIMARY KEY,
        game_name text NOT NULL,
        state jsonb,
        initial_state jsonb,
        metadata jsonb NOT NULL,
        log jsonb NOT NULL DEFAULT '[]'::jsonb,
        updated_at bigint NOT NULL,
        gameover boolean NOT NULL DEFAULT false
      )`,
      // Listings ask for one game's unfinished (or finished) matches, newest first.
      `CREATE INDEX IF NOT EXISTS ${TABLE}_listing ON ${this.table} (game_name, gameover, updated_at DESC)`,
      `CREATE TABLE IF NOT EXISTS "${this.schema}".${QUARANTINE} (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text NOT NULL,
        reason text NOT NULL,
        row jsonb NOT NULL,
        quarantined_at timestamptz NOT NULL DEFAULT now()
      )`,
    ]);
    await this.quarantineBadRows();
  }

  /** Checks every row in one read and moves the bad ones aside in one statement. */
  private async quarantineBadRows(): Promise<void> {
    // `G` is left out (it is most of a state, and the engine's own); its kind is enough.
    const { rows } = await this.pool.query<CheckedRow>(
      `SELECT id, metadata,
         CASE WHEN jsonb_typeof(state) = 'object' THEN state - 'G' ELSE state END AS state,
         jsonb_typeof(state -> 'G') AS g_type
       FROM ${this.table}`,
    );
    const bad: { id: string; reason: string }[] = [];
    for (const row of rows) {
      const state = row.state !== null && typeof row.state === 'object' && row.g_type === 'object' ? { ...row.state, G: {} } : row.state;
      const reason = validID(row.id) ? recordProblem({ metadata: row.metadata, ...(state === null ? {} : { state }), log: [] }) : 'not a match id a store keeps';
      if (reason) bad.push({ id: row.id, reason });
    }
    if (bad.length === 0) return;
    await this.pool.query(
      `WITH bad AS (SELECT * FROM unnest($1::text[], $2::text[]) AS b(id, reason)),
       moved AS (DELETE FROM ${this.table} m USING bad WHERE m.id = bad.id RETURNING m.*)
       INSERT INTO "${this.schema}".${QUARANTINE} (id, reason, row)
       SELECT moved.id, bad.reason, to_jsonb(moved) FROM moved JOIN bad ON bad.id = moved.id`,
      [bad.map((b) => b.id), bad.map((b) => b.reason)],
    );
    for (const { id, reason } of bad) log('error', 'match-quarantined', { file: `${this.schema}.${TABLE}/${id.slice(0, 80)}`, reason, movedTo: `${this.schema}.${QUARANTINE}` });
  }

  async close(): Promise<void> {
    this.closed ??= this.pool.end();
    await this.closed;
  }

  override async createMatch(matchID: string, { initialState, metadata }: StorageAPI.CreateMatchOpts): Promise<void> {
    checkNewID(matchID);
    checkWritable({ metadata, state: initialState });
    await this.pool.query(
      `INSERT INTO ${this.table} (id, game_name, state, initial_state, metadata, updated_at, gameover) VALUES ($1, $2, $3, $3, $4, $5, $6)`,
      [matchID, metadata.gameName, JSON.stringify(initialState), JSON.stringify(metadata), metadata.updatedAt, metadata.gameover !== undefined],
    );
  }

  /**
   * An UPDATE, never an insert: a state for a match that is gone must not bring it back. And a
   * version check in the same statement: the state is written only over an older one (a lower
   * `_stateID`), so of two instances that each make a move on the same state, exactly one is
   * stored and the other gets a StaleStateError, whatever process holds what in memory.
   */
  async setState(matchID: string, state: State, deltalog?: LogEntry[]): Promise<void> {
    checkExistingID(matchID);
    checkWritable({ state });
    const { rowCount } = await this.pool.query(
      `UPDATE ${this.table} SET state = $2, log = log || $3::jsonb
       WHERE id = $1 AND (state IS NULL OR jsonb_typeof(state -> '_stateID') IS DISTINCT FROM 'number' OR (state ->> '_stateID')::numeric < $4)`,
      [matchID, JSON.stringify(state), JSON.stringify(deltalog ?? []), state._stateID],
    );
    if (rowCount === 1) return;
    const { rowCount: exists } = await this.pool.query(`SELECT 1 FROM ${this.table} WHERE id = $1`, [matchID]);
    throw exists === 1 ? new StaleStateError(matchID, state._stateID) : new MatchGoneError(matchID);
  }

  async setMetadata(matchID: string, metadata: Server.MatchData): Promise<void> {
    checkExistingID(matchID);
    checkWritable({ metadata });
    const { rowCount } = await this.pool.query(`UPDATE ${this.table} SET metadata = $2, game_name = $3, updated_at = $4, gameover = $5 WHERE id = $1`, [
      matchID,
      JSON.stringify(metadata),
      metadata.gameName,
      metadata.updatedAt,
      metadata.gameover !== undefined,
    ]);
    if (rowCount !== 1) throw new MatchGoneError(matchID);
  }

  async fetch<O extends StorageAPI.FetchOpts>(matchID: string, opts: O): Promise<StorageAPI.FetchResult<O>> {
    // Only the columns asked for: the log and the initial state are large and rarely needed.
    const columns = [
      opts.state && 'state',
      opts.metadata && 'metadata',
      opts.log && 'log',
      opts.initialState && 'initial_state',
    ].filter((c): c is string => typeof c === 'string');
    const result: Partial<StorageAPI.FetchFields> = {};
    if (columns.length === 0 || !validID(matchID)) return result as StorageAPI.FetchResult<O>;
    const { rows } = await this.pool.query(`SELECT ${columns.join(', ')} FROM ${this.table} WHERE id = $1`, [matchID]);
    const row = rows[0] as { state?: State | null; initial_state?: State | null; metadata?: Server.MatchData; log?: LogEntry[] } | undefined;
    if (row) {
      if (row.state) result.state = row.state;
      if (row.metadata) result.metadata = row.metadata;
      if (row.log) result.log = row.log;
      if (row.initial_state) result.initialState = row.initial_state;
    }
    return result as StorageAPI.FetchResult<O>;
  }

  /** Removes a match; one that is not there is already removed. */
  /**
   * See MatchStore.revisionsOf: each row's `xmin`, the transaction that wrote its current version.
   * Every write is its own transaction (an UPDATE, an INSERT after a DELETE), so it changes with
   * every kept write, is seen only once committed, and is read from the row's header without
   * reading (or de-compressing) its state. One query for a whole class, from any instance.
   */
  async revisionsOf(matchIDs: readonly string[]): Promise<ReadonlyMap<string, number>> {
    const ids = [...new Set(matchIDs.filter(validID))];
    if (ids.length === 0) return new Map();
    const { rows } = await this.pool.query<{ id: string; revision: string }>(`SELECT id, xmin::text AS revision FROM ${this.table} WHERE id = ANY($1::text[])`, [ids]);
    return new Map(rows.map((row) => [row.id, Number(row.revision)]));
  }

  async wipe(matchID: string): Promise<void> {
    if (!validID(matchID)) return;
    await this.pool.query(`DELETE FROM ${this.table} WHERE id = $1`, [matchID]);
  }

  override async listMatches(opts?: StorageAPI.ListMatchesOpts): Promise<string[]> {
    const where = filters({ gameName: opts?.gameName, ...opts?.where });
    const { rows } = await this.pool.query<{ id: string }>(`SELECT id FROM ${this.table}${where.sql}`, where.values);
    return rows.map((r) => r.id);
  }

  /** One query, served newest first by the listing index. */
  async listMatchData({ limit, listedOnly, ...filter }: ListMatchDataOptions): Promise<MatchSummary[]> {
    checkLimit(limit);
    const where = filters(filter);
    // Compared as JSON, so an odd `unlisted` value can never make the query fail.
    if (listedOnly) where.add(`(metadata -> 'unlisted') IS DISTINCT FROM 'true'::jsonb`);
    const { rows } = await this.pool.query<{ id: string; metadata: Server.MatchData }>(
      `SELECT id, metadata FROM ${this.table}${where.sql} ORDER BY updated_at DESC, id LIMIT ${where.param(limit)}`,
      where.values,
    );
    return rows.map((row) => ({ matchID: row.id, metadata: row.metadata }));
  }
}
