/**
 * Instances that start together on a new schema (several instances, issue 15) would race in
 * `CREATE SCHEMA IF NOT EXISTS` and `CREATE TABLE IF NOT EXISTS`: PostgreSQL looks for the name
 * before it takes its own locks, and the second one fails on a unique index. So the stores
 * create their tables in one transaction holding an advisory lock named after the schema: one
 * instance creates, the others wait and then find everything there.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';

/** The advisory-lock key of a schema's set-up (not the instance lock's: instanceLock.ts). */
function setupKey(schema: string): string {
  return createHash('sha256').update(`de-risk schema setup\0${schema}`).digest().readBigInt64BE(0).toString();
}

/** Runs `statements` in order, in one transaction, while no other instance sets up the same schema. */
export async function setUpSchema(pool: pg.Pool, schema: string, statements: readonly string[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [setupKey(schema)]);
    for (const statement of statements) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
