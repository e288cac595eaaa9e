/**
 * Where classes are kept: beside the matches, in the same storage (issue 12). The embedded
 * store writes one file a class under `DATA_DIR/classes/`, durably (durable.ts) before a write
 * resolves; PostgreSQL keeps one row a class in `de_risk_classes`; the memory store keeps text.
 *
 * The promises are the match stores' (storage/types.ts): a write resolves once the change is
 * kept and only then do reads see it; a failed write changes nothing; reads are copies; a class
 * that does not exist is never brought back by a write (`ClassGoneError`); a record that cannot
 * be read is moved aside at start-up with an error log line and the others still load. Writes
 * to one class are made one at a time by the class service (its queue), so a store never sees
 * two writes to the same class at once.
 */
import { join } from 'node:path';
import type pg from 'pg';
import { log } from '../log';
import { setUpSchema } from '../storage/schemaSetup';
import { nodeFileSystem, removeFile, removeQuietly, replaceFile, TEMPORARY, type FileSystem } from '../storage/durable';
import { loadOnce } from '../storage/loadOnce';
import { classProblem, isClassCode, type ClassRecord } from './record';

export interface ClassStore {
  connect(): Promise<void>;
  /** Adds a class; resolves false, changing nothing, when its code is taken. */
  createClass(record: ClassRecord): Promise<boolean>;
  /** A copy of the class, or undefined when there is none with that code. */
  readClass(code: string): Promise<ClassRecord | undefined>;
  /** Replaces a class that exists; rejects with `ClassGoneError` (changing nothing) otherwise. */
  writeClass(record: ClassRecord): Promise<void>;
  /** Removes a class; one that is not there is already removed. */
  removeClass(code: string): Promise<void>;
  /** The codes of every class kept. */
  listClasses(): Promise<string[]>;
}

export class ClassGoneError extends Error {
  constructor(readonly code: string) {
    super(`There is no class ${JSON.stringify(code.slice(0, 16))} to write to.`);
    this.name = 'ClassGoneError';
  }
}

function checked(record: ClassRecord): string {
  const problem = classProblem(record);
  if (problem) throw new Error(`Refusing to keep a class record that could not be read back (${problem})`);
  return JSON.stringify(record);
}

/** Classes as JSON text in memory; the file store extends it. */
export class MemoryClassStore implements ClassStore {
  protected readonly texts = new Map<string, string>();
  /** Codes being created now: a second create of the same code at the same time is refused. */
  private readonly creating = new Set<string>();

  async connect(): Promise<void> {}

  /** Keeps the change (nothing here; the file store writes the file); rejecting refuses it. */
  protected async persist(_code: string, _after: string | undefined, _before: string | undefined): Promise<void> {}

  async createClass(record: ClassRecord): Promise<boolean> {
    const text = checked(record);
    if (this.texts.has(record.code) || this.creating.has(record.code)) return false;
    this.creating.add(record.code);
    try {
      await this.persist(record.code, text, undefined);
      this.texts.set(record.code, text);
      return true;
    } finally {
      this.creating.delete(record.code);
    }
  }

  readClass(code: string): Promise<ClassRecord | undefined> {
    const text = isClassCode(code) ? this.texts.get(code) : undefined;
    return Promise.resolve(text === undefined ? undefined : (JSON.parse(text) as ClassRecord));
  }

  async writeClass(record: ClassRecord): Promise<void> {
    const text = checked(record);
    const before = this.texts.get(record.code);
    if (before === undefined) throw new ClassGoneError(record.code);
    await this.persist(record.code, text, before);
    if (!this.texts.has(record.code)) throw new ClassGoneError(record.code);
    this.texts.set(record.code, text);
  }

  async removeClass(code: string): Promise<void> {
    const before = isClassCode(code) ? this.texts.get(code) : undefined;
    if (before === undefined) return;
    await this.persist(code, undefined, before);
    this.texts.delete(code);
  }

  listClasses(): Promise<string[]> {
    return Promise.resolve([...this.texts.keys()]);
  }
}

const FILE = /^(.+)\.json$/;

/** One file a class, `DIR/CODE.json`; bad files go to `DIR/quarantine/`. */
export class FileClassStore extends MemoryClassStore {
  private readonly loadFolder = loadOnce(() => this.load());

  constructor(
    private readonly dir: string,
    private readonly fs: FileSystem = nodeFileSystem,
  ) {
    super();
  }

  /** Loads the folder once (the class service and the tests may both call it); after a failure, the next call tries again. */
  override connect(): Promise<void> {
    return this.loadFolder();
  }

  protected override async persist(code: string, after: string | undefined, before: string | undefined): Promise<void> {
    const name = `${code}.json`;
    const previous = before === undefined ? undefined : () => before;
    if (after !== undefined) await replaceFile(this.fs, this.dir, name, after, previous);
    else await removeFile(this.fs, this.dir, name, previous);
  }

  private async load(): Promise<void> {
    await this.fs.mkdir(this.dir, { recursive: true });
    for (const name of (await this.fs.readdir(this.dir)).sort()) {
      if (TEMPORARY.test(name)) {
        await removeQuietly(this.fs, join(this.dir, name));
        continue;
      }
      const code = FILE.exec(name)?.[1];
      if (code === undefined) continue;
      const problem = await this.read(name, code);
      if (problem) await this.quarantine(name, problem);
    }
  }

  /** Loads one file; answers what is wrong with it, or null once it is served. */
  private async read(name: string, code: string): Promise<string | null> {
    if (!isClassCode(code)) return 'not a class code';
    let value: unknown;
    try {
      value = JSON.parse(await this.fs.readFile(join(this.dir, name), 'utf8'));
    } catch (error) {
      return `unreadable: ${(error as Error).message.slice(0, 200)}`;
    }
    const problem = classProblem(value) ?? ((value as ClassRecord).code === code ? null : 'its code is not its file name');
    if (!problem) this.texts.set(code, JSON.stringify(value));
    return problem;
  }

  private async quarantine(name: string, reason: string): Promise<void> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    try {
      await this.fs.mkdir(join(this.dir, 'quarantine'), { recursive: true });
      await this.fs.rename(join(this.dir, name), join(this.dir, 'quarantine', `${stamp}.${name}`));
      log('error', 'class-quarantined', { file: name, reason });
    } catch (error) {
      log('error', 'class-quarantined', { file: name, reason, moveFailed: (error as Error).message });
    }
  }
}

/** One row a class in `SCHEMA.de_risk_classes`, sharing the match store's pool. */
export class PostgresClassStore implements ClassStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly schema = 'public',
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name ${schema}`);
  }

  private get table(): string {
    return `"${this.schema}".de_risk_classes`;
  }

  async connect(): Promise<void> {
    await setUpSchema(this.pool, this.schema, [
      `CREATE SCHEMA IF NOT EXISTS "${this.schema}"`,
      `CREATE TABLE IF NOT EXISTS ${this.table} (
        code text PRIMARY KEY,
        record jsonb NOT NULL,
        updated_at bigint NOT NULL
      )`,
      `CREATE TABLE IF NOT EXISTS "${this.schema}".de_risk_classes_quarantine (code text, reason text, record jsonb, quarantined_at timestamptz NOT NULL DEFAULT now())`,
    ]);
    const { rows } = await this.pool.query<{ code: string; record: unknown }>(`SELECT code, record FROM ${this.table}`);
    const bad = rows.flatMap(({ code, record }) => {
      const problem = isClassCode(code) ? (classProblem(record) ?? ((record as ClassRecord).code === code ? null : 'its code is not its key')) : 'not a class code';
      return problem ? [{ code, problem }] : [];
    });
    if (bad.length === 0) return;
    await this.pool.query(
      `WITH bad AS (SELECT * FROM unnest($1::text[], $2::text[]) AS b(code, reason)),
       moved AS (DELETE FROM ${this.table} c USING bad WHERE c.code = bad.code RETURNING c.*)
       INSERT INTO "${this.schema}".de_risk_classes_quarantine (code, reason, record)
       SELECT moved.code, bad.reason, moved.record FROM moved JOIN bad ON bad.code = moved.code`,
      [bad.map((b) => b.code), bad.map((b) => b.problem)],
    );
    for (const { code, problem } of bad) log('error', 'class-quarantined', { code: code.slice(0, 16), reason: problem });
  }

  async createClass(record: ClassRecord): Promise<boolean> {
    const text = checked(record);
    const { rowCount } = await this.pool.query(`INSERT INTO ${this.table} (code, record, updated_at) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING`, [record.code, text, record.updatedAt]);
    return rowCount === 1;
  }

  async readClass(code: string): Promise<ClassRecord | undefined> {
    if (!isClassCode(code)) return undefined;
    const { rows } = await this.pool.query<{ record: ClassRecord }>(`SELECT record FROM ${this.table} WHERE code = $1`, [code]);
    return rows[0]?.record;
  }

  async writeClass(record: ClassRecord): Promise<void> {
    const text = checked(record);
    const { rowCount } = await this.pool.query(`UPDATE ${this.table} SET record = $2, updated_at = $3 WHERE code = $1`, [record.code, text, record.updatedAt]);
    if (rowCount !== 1) throw new ClassGoneError(record.code);
  }

  async removeClass(code: string): Promise<void> {
    if (!isClassCode(code)) return;
    await this.pool.query(`DELETE FROM ${this.table} WHERE code = $1`, [code]);
  }

  async listClasses(): Promise<string[]> {
    const { rows } = await this.pool.query<{ code: string }>(`SELECT code FROM ${this.table}`);
    return rows.map((r) => r.code);
  }
}
