import type { ClockStatus, DueDateUnit } from '@fazhi/contracts';
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit.service';
import { currentCalendar, evaluateOn, lockCalendarShared } from '../../platform/clock/work-calendar';
import { shanghaiToday } from '../../platform/clock/today';
import type { Ctx } from '../../platform/context';
import type { DbOrTx, Tx } from '../../platform/db/pool';
import { enqueueEvent } from '../../platform/jobs';
import { invalidateClockCounts } from './clocks.count-cache';
import { auditable, statutoryInput } from './clocks.evaluate';
import { closePause, findClockById, findDetails, insertClock } from './clocks.repository';
import { clocks } from './clocks.tables';

/*
 * Clocks opened and closed by other modules (a filing's 备案 deadline, a review's time limit) inside their
 * own transaction. The calling module has already checked its own permission and scope; the clock then
 * shows in the 期限台账 and the daily 临期/超期 scan notifies its organisation like any other clock.
 */
export type OpenClockInput = {
  orgId: string;
  regionPath: string;
  title: string;
  subjectType: string;
  subjectId: string;
  startEvent: string;
  startDate: string;
  amount: number;
  unit: DueDateUnit;
  legalBasis: string;
  warningDays?: number;
};

export async function openClockInTx(
  tx: Tx,
  ctx: Ctx,
  input: OpenClockInput,
): Promise<{ id: string; dueDate: string; provisional: boolean; status: ClockStatus }> {
  await lockCalendarShared(tx);
  const sc = await currentCalendar(tx);
  const warningDays = input.warningDays ?? 3;
  const ev = evaluateOn(
    sc,
    statutoryInput({ ...input, warningDays, completedOn: null }, [], []),
    shanghaiToday(ctx.now()),
  );
  const row = await insertClock(tx, {
    orgId: input.orgId,
    regionPath: input.regionPath,
    title: input.title,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    startEvent: input.startEvent,
    startDate: input.startDate,
    amount: input.amount,
    unit: input.unit,
    legalBasis: input.legalBasis,
    warningDays,
    dueDate: ev.dueDate,
    provisional: ev.provisional,
    status: ev.status,
    createdBy: ctx.actor?.userId ?? null,
  });
  await appendAudit(tx, ctx, {
    action: 'clock.create',
    entityType: 'clock',
    entityId: row.id,
    before: null,
    after: auditable(row),
  });
  await enqueueEvent(tx, 'clock.changed', {
    clockId: row.id,
    action: 'create',
    orgId: input.orgId,
    status: ev.status,
    dueDate: ev.dueDate,
  });
  invalidateClockCounts();
  return { id: row.id, dueDate: ev.dueDate, provisional: ev.provisional, status: ev.status };
}

/** Marks a clock done on `completedOn` (no-op when already completed). */
export async function completeClockInTx(
  tx: Tx,
  ctx: Ctx,
  clockId: string,
  completedOn: string,
): Promise<void> {
  const row = await findClockById(tx, clockId, true);
  if (!row || row.status === 'completed') return;
  const details = (await findDetails(tx, [clockId])).get(clockId);
  const open = details?.pauses.find((p) => p.to === null);
  if (open) {
    await closePause(tx, open.id, completedOn < open.from ? open.from : completedOn);
  }
  await tx
    .update(clocks)
    .set({ status: 'completed', completedOn, version: row.version + 1, updatedAt: ctx.now() })
    .where(eq(clocks.id, clockId));
  await appendAudit(tx, ctx, {
    action: 'clock.complete',
    entityType: 'clock',
    entityId: clockId,
    before: { status: row.status },
    after: { status: 'completed', completedOn },
  });
  await enqueueEvent(tx, 'clock.changed', {
    clockId,
    action: 'complete',
    orgId: row.orgId,
    status: 'completed',
  });
  invalidateClockCounts();
}

/** The open clock another module opened for one of its records (by the subject it passed to openClockInTx). */
export async function findClockIdBySubject(
  db: DbOrTx,
  subjectType: string,
  subjectId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ id: clocks.id })
    .from(clocks)
    .where(and(eq(clocks.subjectType, subjectType), eq(clocks.subjectId, subjectId)))
    .orderBy(desc(clocks.createdAt))
    .limit(1);
  return row?.id ?? null;
}

/** Open clocks of some records of another module (deadline badges on that module's pages). */
export async function openClocksForSubjects(
  db: DbOrTx,
  subjectIds: readonly string[],
): Promise<
  {
    subjectType: string;
    subjectId: string | null;
    title: string;
    dueDate: string;
    status: string;
    provisional: boolean;
  }[]
> {
  if (subjectIds.length === 0) return [];
  return db
    .select({
      subjectType: clocks.subjectType,
      subjectId: clocks.subjectId,
      title: clocks.title,
      dueDate: clocks.dueDate,
      status: clocks.status,
      provisional: clocks.provisional,
    })
    .from(clocks)
    .where(and(inArray(clocks.subjectId, [...subjectIds]), ne(clocks.status, 'completed')))
    .orderBy(clocks.dueDate);
}
