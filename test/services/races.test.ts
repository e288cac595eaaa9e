/**
 * One writer per match on PostgreSQL (issue 9, item 2): the lobby and the socket transport used
 * to write whole match records from their own earlier reads and lose each other's changes
 * (8–9 joins in 20, 35 leaves in 40, 9 removals in 20). Each run works in its own schema,
 * dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { PostgresStore } from '../../src/server/storage/postgresStore';
import { raceSuite } from '../helpers/races';
import { DATABASE_URL, dropSchema } from '../helpers/pgSchema';


raceSuite('PostgreSQL', async () => {
  const schema = `de_risk_races_${randomBytes(6).toString('hex')}`;
  const db = new PostgresStore(DATABASE_URL, schema);
  return {
    db,
    async close() {
      await db.close();
      await dropSchema(schema);
    },
  };
});
