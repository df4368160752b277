import {
  isWeekend,
  type calendarYearSchema,
  type calendarYearUpdateSchema,
  type dueDateQuerySchema,
  type DueDateResult,
} from '@fazhi/contracts';
import type { z } from 'zod';
import { requirePermission, requireTopLevel } from '../../platform/access/policy';
import { appendAudit } from '../../platform/audit/audit.service';
import { shanghaiToday } from '../../platform/clock/today';
import {
  currentCalendar,
  dueDateOn,
  loadCalendar,
  lockCalendarExclusive,
} from '../../platform/clock/work-calendar';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { invalidateClockCounts, recomputeClocksForYear } from '../clocks';
import {
  findDays,
  findYear,
  findYearSummaries,
  replaceYear,
  type CalendarDayRow,
} from './calendar.repository';

type CalendarYear = z.infer<typeof calendarYearSchema>;
type YearUpdate = z.infer<typeof calendarYearUpdateSchema>;

/**
 * 期间计算 on the stored official calendar: start day not counted, a period ending on a rest day ends on the
 * next working day (民事诉讼法 第八十五条); working days exclude 法定节假日 and include 调休上班日.
 */
export async function computeDueDate(
  ctx: Ctx,
  q: z.infer<typeof dueDateQuerySchema>,
): Promise<DueDateResult> {
  requirePermission(ctx.actor, 'calendar.read');
  return dueDateOn(await currentCalendar(ctx.db), q);
}

export async function listCalendarYears(ctx: Ctx) {
  requirePermission(ctx.actor, 'calendar.read');
  return { years: await findYearSummaries(ctx.db) };
}

export async function getCalendarYear(ctx: Ctx, year: number): Promise<CalendarYear> {
  requirePermission(ctx.actor, 'calendar.read');
  const row = await findYear(ctx.db, year);
  if (!row) return { year, official: false, source: null, days: [], version: 0 };
  return {
    year,
    official: row.official,
    source: row.source,
    days: await findDays(ctx.db, year),
    version: row.version,
  };
}

const invalid = (message: string) => new AppError('CALENDAR_YEAR_INVALID', message);

/**
 * A year's schedule as the 国务院办公厅 notice gives it: 放假 days (法定节假日 and the weekend days and
 * bridged weekdays inside a holiday) and 调休上班 days, which are always a Saturday or Sunday.
 */
export function validateYearDays(year: number, days: YearUpdate['days']): CalendarDayRow[] {
  const seen = new Map<string, 'holiday' | 'workday'>();
  for (const d of days) {
    if (!d.date.startsWith(`${year}-`)) throw invalid(`日期 ${d.date} 不在 ${year} 年内`);
    const prior = seen.get(d.date);
    if (prior && prior !== d.kind) throw invalid(`日期 ${d.date} 不能既是放假日又是调休上班日`);
    if (prior) throw invalid(`日期 ${d.date} 重复登记`);
    if (d.kind === 'workday' && !isWeekend(d.date)) throw invalid(`调休上班日 ${d.date} 必须是周六或周日`);
    seen.set(d.date, d.kind);
  }
  return [...days]
    .sort((a, b) => (a.date < b.date ? -1 : 1))
    .map((d) => ({ date: d.date, kind: d.kind, name: d.name?.trim() || null }));
}

const dayKey = (d: CalendarDayRow) => `${d.date}|${d.kind}|${d.name ?? ''}`;

/**
 * Saves a year's holiday schedule (系统管理员) — how a new year gets its official schedule when the State
 * Council publishes it. In the same transaction, holding the calendar lock exclusively, every open clock the
 * year can affect is recomputed and each changed one audited, so no clock keeps a stale due date.
 */
export async function updateCalendarYear(ctx: Ctx, year: number, input: YearUpdate) {
  requirePermission(ctx.actor, 'calendar.write');
  // The holiday calendar is national: only the administrators at the top of the jurisdiction tree change it.
  requireTopLevel(ctx.actor);
  const days = validateYearDays(year, input.days);
  const result = await ctx.db.transaction(async (tx) => {
    await lockCalendarExclusive(tx);
    const before = await findYear(tx, year, true);
    // Optimistic concurrency: the version read with GET (0 for a year not yet entered) must still be current;
    // null writes unconditionally (like a PUT without If-Match).
    if (input.version !== null && input.version !== (before?.version ?? 0)) {
      throw new AppError('STALE_WRITE', before ? undefined : `${year} 年的节假日安排尚未登记，请刷新后重试`);
    }
    const oldDays = before ? await findDays(tx, year) : [];
    const after = await replaceYear(
      tx,
      year,
      { official: input.official, source: input.source, version: (before?.version ?? 0) + 1 },
      days,
    );
    const oldKeys = new Set(oldDays.map(dayKey));
    const newKeys = new Set(days.map(dayKey));
    await appendAudit(tx, ctx, {
      action: 'calendar.year.update',
      entityType: 'calendar_year',
      entityId: String(year),
      before: before ? { official: before.official, source: before.source, version: before.version } : null,
      after: { official: after.official, source: after.source, version: after.version },
      detail: {
        added: days.filter((d) => !oldKeys.has(dayKey(d))),
        removed: oldDays.filter((d) => !newKeys.has(dayKey(d))),
      },
    });
    // The new calendar as this transaction sees it (uncached: it is not committed yet).
    const sc = await loadCalendar(tx);
    const { recomputed, changed } = await recomputeClocksForYear(tx, ctx, sc, year, shanghaiToday(ctx.now()));
    return { year, recomputedClocks: recomputed, changedClocks: changed };
  });
  if (result.changedClocks > 0) invalidateClockCounts();
  return result;
}

export async function calendarDaysForExport(ctx: Ctx, year: number): Promise<CalendarDayRow[]> {
  requirePermission(ctx.actor, 'calendar.read');
  return findDays(ctx.db, year);
}
