import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/pool';
import { loadOfficialCalendarSeed } from './official-calendar-seed';

/**
 * Loads the official holiday schedules (2004–2026) into an empty calendar. Later years are entered by the
 * system administrator when the State Council publishes them (each November); until then they are provisional.
 */
export async function seedCalendarIfEmpty(db: DbOrTx): Promise<{ seeded: boolean }> {
  const existing = await db.execute<{ n: number }>(sql`select count(*)::int as n from calendar_years`);
  if (Number(existing.rows[0]?.n) > 0) return { seeded: false };
  const seed = loadOfficialCalendarSeed();
  await db.execute(sql`
    insert into calendar_years (year, official, source)
    select y, true, 'chinese-days（国务院办公厅节假日安排通知）' from unnest(${sql.param(seed.officialYears)}::int[]) as y
    on conflict do nothing`);
  await db.execute(sql`
    insert into calendar_days (date, kind, name)
    select d::date, k, n from unnest(${sql.param(seed.entries.map((e) => e.date))}::text[], ${sql.param(seed.entries.map((e) => e.kind))}::text[], ${sql.param(seed.entries.map((e) => e.name))}::text[]) as t(d, k, n)
    on conflict do nothing`);
  return { seeded: true };
}
