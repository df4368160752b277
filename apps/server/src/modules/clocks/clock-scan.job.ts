import { CLOCK_STATUSES, isIsoDate, type ClockEvaluation } from '@fazhi/contracts';
import { sql } from 'drizzle-orm';
import { currentCalendar, lockCalendarShared } from '../../platform/clock/work-calendar';
import { shanghaiToday } from '../../platform/clock/today';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { runOnce, type JobDefinition } from '../../platform/jobs';
import { notify, type NewNotification } from '../../platform/notify/notify.service';
import { invalidateClockCounts } from './clocks.count-cache';
import { evaluateRecord } from './clocks.evaluate';
import {
  findDetails,
  findReminderRecipients,
  lockOpenClocksBatch,
  updateDerived,
  type ClockRecord,
} from './clocks.repository';
import { clocks } from './clocks.tables';

/** The id space is cut into 256 fixed ranges (first byte of the uuid): stable batches whatever rows come and go. */
const BUCKETS = 256;
const BATCH = 1000;

/**
 * `ranges`: id ranges scanned now; `alreadyDone`: ranges a previous run of the same day completed;
 * `empty`: ranges without open clocks (nothing to do, nothing recorded).
 */
export type ScanResult = {
  date: string;
  ranges: number;
  alreadyDone: number;
  empty: number;
  evaluated: number;
  changed: number;
  notified: number;
  failed: number;
};

function bucketRange(b: number): { from: string; to: string | null } {
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  return {
    from: `${hex(b)}000000-0000-0000-0000-000000000000`,
    to: b + 1 < BUCKETS ? `${hex(b + 1)}000000-0000-0000-0000-000000000000` : null,
  };
}

const ALERTING = new Set(['due_soon', 'overdue']);

function reminder(c: ClockRecord, ev: ClockEvaluation, userId: string): NewNotification {
  const overdue = ev.status === 'overdue';
  return {
    userId,
    kind: `clock.${ev.status}`,
    title: `期限${CLOCK_STATUSES[ev.status]}提醒：${c.title}`,
    body: overdue
      ? `“${c.title}”的期限已于 ${ev.dueDate} 届满，已超期 ${-ev.daysRemaining} 日，请尽快办结（依据：${c.legalBasis}）。`
      : `“${c.title}”的期限将于 ${ev.dueDate} 届满，还剩 ${ev.daysRemaining} 日（依据：${c.legalBasis}）。`,
    link: `/clocks/${c.id}`,
    // One reminder per status and due date: a rerun adds nothing; an extension that later runs short again reminds afresh.
    dedupeKey: `clock:${c.id}:${ev.status}:${ev.dueDate}`,
  };
}

/**
 * The daily scan (临期/超期 reminders). For each fixed id range, in one transaction recorded by runOnce
 * (`clock.scan:<date>:<range>`): re-evaluates the open clocks for `today`, writes changed due dates/statuses,
 * and reminds the 经办人 and 单位负责人 of the clock's organisation of each clock that is 临期 or 超期 and has
 * not been reminded for that status and due date. A rerun skips the ranges already done; a crash rolls back
 * the range it was in, which the rerun then does in full — so nothing is reminded twice and nothing skipped.
 */
export async function scanClocks(ctx: Ctx, today: string): Promise<ScanResult> {
  if (!isIsoDate(today)) throw new AppError('INVALID_DATE', `日期格式应为 YYYY-MM-DD：${today}`);
  const result: ScanResult = {
    date: today,
    ranges: 0,
    alreadyDone: 0,
    empty: 0,
    evaluated: 0,
    changed: 0,
    notified: 0,
    failed: 0,
  };
  for (let b = 0; b < BUCKETS; b += 1) {
    const range = bucketRange(b);
    const inRange = range.to
      ? sql`${clocks.id} >= ${range.from}::uuid and ${clocks.id} < ${range.to}::uuid`
      : sql`${clocks.id} >= ${range.from}::uuid`;
    const open = await ctx.db.execute(
      sql`select 1 from ${clocks} where ${inRange} and ${clocks.status} <> 'completed' limit 1`,
    );
    if (open.rows.length === 0) {
      result.empty += 1; // a clock created later is evaluated when it is created
      continue;
    }
    const part = { evaluated: 0, changed: 0, notified: 0, failed: 0 };
    const ran = await runOnce(
      ctx.db,
      `clock.scan:${today}:${b.toString(16).padStart(2, '0')}`,
      async (tx) => {
        await lockCalendarShared(tx);
        const sc = await currentCalendar(tx);
        let after: string | null = null;
        for (;;) {
          const rows = await lockOpenClocksBatch(tx, inRange, after, BATCH);
          if (rows.length === 0) break;
          const details = await findDetails(
            tx,
            rows.map((r) => r.id),
          );
          const updates: Parameters<typeof updateDerived>[1][number][] = [];
          const alerts: { clock: ClockRecord; ev: ClockEvaluation }[] = [];
          for (const row of rows) {
            let ev: ClockEvaluation;
            try {
              ev = evaluateRecord(sc, row, details.get(row.id) ?? { pauses: [], extensions: [] }, today);
            } catch {
              part.failed += 1; // inconsistent stored facts: leave the row as it is, count it, go on
              continue;
            }
            part.evaluated += 1;
            const alertKey = ALERTING.has(ev.status) ? `${ev.status}:${ev.dueDate}` : null;
            const alert = alertKey !== null && alertKey !== row.alertedFor;
            if (alert) alerts.push({ clock: row, ev });
            if (
              alert ||
              ev.dueDate !== row.dueDate ||
              ev.provisional !== row.provisional ||
              ev.status !== row.status
            ) {
              updates.push({
                id: row.id,
                dueDate: ev.dueDate,
                provisional: ev.provisional,
                status: ev.status,
                ...(alert ? { alertedFor: alertKey } : {}),
              });
            }
          }
          await updateDerived(tx, updates);
          part.changed += updates.length;
          if (alerts.length) {
            const recipients = await findReminderRecipients(tx, [
              ...new Set(alerts.map((a) => a.clock.orgId)),
            ]);
            const items = alerts.flatMap(({ clock, ev }) =>
              recipients.filter((r) => r.orgId === clock.orgId).map((r) => reminder(clock, ev, r.userId)),
            );
            part.notified += await notify(tx, items);
          }
          after = (rows[rows.length - 1] as ClockRecord).id;
        }
      },
    );
    if (!ran) {
      result.alreadyDone += 1;
      continue;
    }
    result.ranges += 1;
    if (part.changed > 0) invalidateClockCounts();
    result.evaluated += part.evaluated;
    result.changed += part.changed;
    result.notified += part.notified;
    result.failed += part.failed;
  }
  return result;
}

/** The daily scan at 00:05 Asia/Shanghai; `data.date` ('YYYY-MM-DD') reruns a given day. */
export const clockScanJob: JobDefinition = {
  name: 'clock.scan',
  cron: '5 0 * * *',
  handler: async (ctx, data) => {
    const date = typeof data.date === 'string' ? data.date : shanghaiToday(ctx.now());
    await scanClocks(ctx, date);
  },
};
