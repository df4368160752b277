import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './pool';

/**
 * Runs independent queries in parallel on the pool (each on its own connection), but one after another
 * inside a transaction, whose queries share one connection (pg queues them and warns; pg 9 will refuse).
 */
export async function allOn<T>(db: DbOrTx, tasks: readonly (() => Promise<T>)[]): Promise<T[]> {
  if (!(db instanceof PgTransaction)) return Promise.all(tasks.map((t) => t()));
  const out: T[] = [];
  for (const t of tasks) out.push(await t());
  return out;
}
