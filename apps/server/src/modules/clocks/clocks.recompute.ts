import { sql } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit.service';
import type { ServerCalendar } from '../../platform/clock/work-calendar';
import type { Ctx } from '../../platform/context';
import type { Tx } from '../../platform/db/pool';
import { enqueueEvent } from '../../platform/jobs';
import { evaluateRecord } from './clocks.evaluate';
import { findDetails, lockOpenClocksBatch, updateDerived } from './clocks.repository';
import { clockPauses, clocks } from './clocks.tables';

const BATCH = 500;

/**
 * After a calendar year is saved (in the same transaction, which holds the calendar lock exclusively):
 * re-evaluates every open clock whose day count can reach into `year` — started on or before its last day,
 * and due on or after its first day or held by an open pause (whose due date moves with today) — and writes
 * the changed due dates, provisional flags and statuses, one 'clock.recompute' audit entry per changed clock.
 * Clocks due before the year never consulted it, so they cannot change.
 */
export async function recomputeClocksForYear(
  tx: Tx,
  ctx: Ctx,
  sc: ServerCalendar,
  year: number,
  today: string,
): Promise<{ recomputed: number; changed: number }> {
  const affected = sql`${clocks.startDate} <= ${`${year}-12-31`}::date and (${clocks.dueDate} >= ${`${year}-01-01`}::date
    or exists (select 1 from ${clockPauses} p where p.clock_id = ${clocks.id} and p.to_date is null))`;
  let after: string | null = null;
  let recomputed = 0;
  let changed = 0;
  for (;;) {
    const rows = await lockOpenClocksBatch(tx, affected, after, BATCH);
    if (rows.length === 0) break;
    const details = await findDetails(
      tx,
      rows.map((r) => r.id),
    );
    const updates = [];
    for (const row of rows) {
      const d = details.get(row.id) ?? { pauses: [], extensions: [] };
      const ev = evaluateRecord(sc, row, d, today);
      recomputed += 1;
      if (ev.dueDate === row.dueDate && ev.provisional === row.provisional && ev.status === row.status)
        continue;
      updates.push({ id: row.id, dueDate: ev.dueDate, provisional: ev.provisional, status: ev.status });
      await appendAudit(tx, ctx, {
        action: 'clock.recompute',
        entityType: 'clock',
        entityId: row.id,
        before: { dueDate: row.dueDate, provisional: row.provisional, status: row.status },
        after: { dueDate: ev.dueDate, provisional: ev.provisional, status: ev.status },
        detail: { reason: 'calendar.year.update', year, provisionalYears: ev.provisionalYears },
      });
      await enqueueEvent(tx, 'clock.changed', {
        clockId: row.id,
        action: 'recompute',
        orgId: row.orgId,
        status: ev.status,
        dueDate: ev.dueDate,
        version: row.version,
      });
    }
    await updateDerived(tx, updates);
    changed += updates.length;
    after = (rows[rows.length - 1] as { id: string }).id;
  }
  return { recomputed, changed };
}
