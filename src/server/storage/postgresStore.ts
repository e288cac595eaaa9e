/**
 * PostgreSQL storage (DATABASE_URL): one row a match. A write returns once PostgreSQL has
 * committed it, so, as with the file store, a move is durable before anyone is told.
 */
import type { LogEntry, Server, State, StorageAPI } from 'boardgame.io';
import { Async } from 'boardgame.io/internal';
import pg from 'pg';

const TABLE = 'de_risk_matches';

export class PostgresStore extends Async {
  readonly pool: pg.Pool;

  /** `schema` puts the table in its own schema (the tests make and drop one). */
  constructor(
    connectionString: string,
    private readonly schema = 'public',
  ) {
    super();
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name ${schema}`);
    this.pool = new pg.Pool({ connectionString, max: 10 });
  }

  private get table(): string {
    return `"${this.schema}".${TABLE}`;
  }

  async connect(): Promise<void> {
    await this.pool.query(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
    await this.pool.query(`CREATE TABLE IF NOT EXISTS ${this.table} (
      id text PRIMARY KEY,
      game_name text NOT NULL,
      state jsonb,
      initial_state jsonb,
      metadata jsonb NOT NULL,
      log jsonb NOT NULL DEFAULT '[]'::jsonb,
      updated_at bigint NOT NULL,
      gameover boolean NOT NULL DEFAULT false
    )`);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  override async createMatch(matchID: string, { initialState, metadata }: StorageAPI.CreateMatchOpts): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.table} (id, game_name, state, initial_state, metadata, updated_at) VALUES ($1, $2, $3, $3, $4, $5)`,
      [matchID, metadata.gameName, JSON.stringify(initialState), JSON.stringify(metadata), metadata.updatedAt],
    );
  }

  async setState(matchID: string, state: State, deltalog?: LogEntry[]): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.table} (id, game_name, state, metadata, log, updated_at) VALUES ($1, '', $2, '{}'::jsonb, $3, $4)
       ON CONFLICT (id) DO UPDATE SET state = $2, log = ${this.table}.log || $3`,
      [matchID, JSON.stringify(state), JSON.stringify(deltalog ?? []), Date.now()],
    );
  }

  async setMetadata(matchID: string, metadata: Server.MatchData): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.table} (id, game_name, metadata, updated_at, gameover) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET metadata = $3, updated_at = $4, gameover = $5, game_name = $2`,
      [matchID, metadata.gameName, JSON.stringify(metadata), metadata.updatedAt, metadata.gameover !== undefined],
    );
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
    if (columns.length === 0) return result as StorageAPI.FetchResult<O>;
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

  async wipe(matchID: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.table} WHERE id = $1`, [matchID]);
  }

  override async listMatches(opts?: StorageAPI.ListMatchesOpts): Promise<string[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    const add = (clause: string, value: unknown) => {
      values.push(value);
      where.push(clause.replace('?', `$${values.length}`));
    };
    if (opts?.gameName) add('game_name = ?', opts.gameName);
    if (opts?.where?.isGameover !== undefined) add('gameover = ?', opts.where.isGameover);
    if (opts?.where?.updatedBefore !== undefined) add('updated_at < ?', opts.where.updatedBefore);
    if (opts?.where?.updatedAfter !== undefined) add('updated_at > ?', opts.where.updatedAfter);
    const { rows } = await this.pool.query(`SELECT id FROM ${this.table}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`, values);
    return rows.map((r: { id: string }) => r.id);
  }
}
