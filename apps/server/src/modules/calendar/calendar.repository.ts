import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/pool';
import { calendarDays, calendarYears } from '../../platform/db/schema';

export type CalendarYearRow = typeof calendarYears.$inferSelect;
export type CalendarDayRow = { date: string; kind: 'holiday' | 'workday'; name: string | null };
export type CalendarYearSummary = {
  year: number;
  official: boolean;
  source: string | null;
  version: number;
  holidays: number;
  workdays: number;
};

const inYear = (year: number) =>
  and(gte(calendarDays.date, `${year}-01-01`), lte(calendarDays.date, `${year}-12-31`));

export async function findYearSummaries(db: DbOrTx): Promise<CalendarYearSummary[]> {
  const res = await db.execute<CalendarYearSummary>(sql`
    select y.year, y.official, y.source, y.version,
           count(d.date) filter (where d.kind = 'holiday')::int as holidays,
           count(d.date) filter (where d.kind = 'workday')::int as workdays
    from calendar_years y
    left join calendar_days d on d.date between make_date(y.year, 1, 1) and make_date(y.year, 12, 31)
    group by y.year
    order by y.year`);
  return res.rows;
}

export async function findYear(
  db: DbOrTx,
  year: number,
  forUpdate = false,
): Promise<CalendarYearRow | undefined> {
  const q = db.select().from(calendarYears).where(eq(calendarYears.year, year));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function findDays(db: DbOrTx, year: number): Promise<CalendarDayRow[]> {
  const rows = await db.select().from(calendarDays).where(inYear(year)).orderBy(asc(calendarDays.date));
  return rows.map((r) => ({ date: r.date, kind: r.kind as CalendarDayRow['kind'], name: r.name }));
}

/** Replaces the year's days and writes its header with the next version. */
export async function replaceYear(
  tx: DbOrTx,
  year: number,
  header: { official: boolean; source: string | null; version: number },
  days: readonly CalendarDayRow[],
): Promise<CalendarYearRow> {
  await tx.delete(calendarDays).where(inYear(year));
  if (days.length)
    await tx.insert(calendarDays).values(days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })));
  const values = {
    year,
    official: header.official,
    source: header.source,
    version: header.version,
    updatedAt: new Date(),
  };
  const [row] = await tx
    .insert(calendarYears)
    .values(values)
    .onConflictDoUpdate({
      target: calendarYears.year,
      set: {
        official: values.official,
        source: values.source,
        version: values.version,
        updatedAt: values.updatedAt,
      },
    })
    .returning();
  if (!row) throw new Error('calendar year upsert returned nothing');
  return row;
}
