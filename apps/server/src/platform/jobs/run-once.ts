import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/pool';

/**
 * Runs `fn` at most once per key: the ledger row and the work's writes commit in one transaction, so a job
 * redelivered after a crash (the queue guarantees at-least-once) finds its key and does nothing.
 * Returns false when the key had already run.
 */
export async function runOnce(db: Db, key: string, fn: (tx: Tx) => Promise<void>): Promise<boolean> {
  return db.transaction(async (tx) => {
    const ins = await tx.execute(
      sql`insert into job_runs (key) values (${key}) on conflict do nothing returning key`,
    );
    if (ins.rows.length === 0) return false;
    await fn(tx);
    return true;
  });
}
