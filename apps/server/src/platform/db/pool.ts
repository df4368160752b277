import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from './schema-all';

// DATE columns stay 'YYYY-MM-DD' strings: a statutory date is a calendar day, never an instant.
pg.types.setTypeParser(1082, (v: string) => v);
// bigint counts (count(*)) as numbers; our counts stay far below 2^53.
pg.types.setTypeParser(20, (v: string) => Number(v));

export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type Database = { pool: pg.Pool; db: Db; close: () => Promise<void> };

export function openDatabase(url: string, max = 20): Database {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  pool.on('error', () => {
    /* a broken idle client is discarded by the pool; queries report their own errors */
  });
  const db = drizzle(pool, { schema });
  return { pool, db, close: () => pool.end() };
}
