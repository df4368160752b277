import { createHash } from 'node:crypto';
import type { QueryResultRow } from 'pg';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from './pool';

const dialect = new PgDialect();

/**
 * Runs a hot query as a named prepared statement (one per distinct SQL text, cached by PostgreSQL per
 * connection), so repeated calls skip parsing and, once PostgreSQL settles on a generic plan, planning.
 * Inside a transaction it runs as usual on the transaction's connection.
 */
export async function executePrepared<T extends QueryResultRow>(db: DbOrTx, query: SQL): Promise<T[]> {
  const client = (db as Db & { $client?: { query: (q: object) => Promise<{ rows: T[] }> } }).$client;
  if (!client || !('totalCount' in client)) return (await db.execute<T>(query)).rows as T[];
  const { sql: text, params } = dialect.sqlToQuery(query);
  const name = `fz_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  return (await client.query({ name, text, values: params })).rows;
}
