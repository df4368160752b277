import {
  buildWorkCalendar,
  computeDueDate,
  evaluateClock,
  yearOf,
  type CalendarEntry,
  type ClockEvaluation,
  type DueDateResult,
  type PeriodInput,
  type StatutoryClockInput,
  type WorkCalendar,
} from '@fazhi/contracts';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/pool';
import { clockCompute } from './clock-errors';

/**
 * The working-day calendar as stored in `calendar_years` / `calendar_days` (DOMAIN.md §0.2: working days come
 * from the official 国务院办公厅 schedule with 调休 make-up days, never from "Mon–Fri minus holidays").
 *
 * A registered year applies its days. A registered year marked `official: false` (entered ahead of the
 * State Council notice) applies its days too, but due dates that depend on it stay provisional; a year not
 * registered at all is counted Mon–Fri and is provisional (contracts/clock/calendar.ts).
 */
export type ServerCalendar = {
  readonly cal: WorkCalendar;
  /** Registered years whose schedule is not (yet) official. */
  readonly draftYears: ReadonlySet<number>;
  readonly fingerprint: string;
};

/**
 * Clock writers hold this lock shared for their transaction; saving a calendar year holds it exclusively.
 * So a year's save waits for in-flight clock writes and then recomputes them, and a clock write that starts
 * during the save reads the new calendar after it commits — no clock is ever left on the old calendar.
 */
const CALENDAR_LOCK = 7301003;

export async function lockCalendarShared(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${CALENDAR_LOCK})`);
}

export async function lockCalendarExclusive(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CALENDAR_LOCK})`);
}

/**
 * Per-process cache, one entry per database. Every read checks a fingerprint (one tiny query over the ~30
 * rows of calendar_years): each save bumps its year's `version`, so the sum of versions and the count only
 * grow and the cache can never serve a calendar older than the last committed save — in this process or
 * any other.
 */
const cache = new Map<string, ServerCalendar>();

async function readFingerprint(db: DbOrTx): Promise<{ database: string; fingerprint: string }> {
  const res = await db.execute<{ database: string; v: number; n: number }>(
    sql`select current_database() as database, coalesce(sum(version), 0)::bigint as v, count(*)::int as n from calendar_years`,
  );
  const row = res.rows[0];
  return { database: String(row?.database), fingerprint: `${row?.n ?? 0}:${row?.v ?? 0}` };
}

/** The committed calendar, cached. Do not call it in a transaction that has written calendar rows. */
export async function currentCalendar(db: DbOrTx): Promise<ServerCalendar> {
  const { database, fingerprint } = await readFingerprint(db);
  const hit = cache.get(database);
  if (hit && hit.fingerprint === fingerprint) return hit;
  const loaded = await loadCalendar(db, fingerprint);
  cache.set(database, loaded);
  return loaded;
}

/** Reads the calendar as `db` sees it (uncached): the calendar save uses it inside its own transaction. */
export async function loadCalendar(db: DbOrTx, fingerprint = 'uncached'): Promise<ServerCalendar> {
  const years = await db.execute<{ year: number; official: boolean }>(
    sql`select year, official from calendar_years`,
  );
  const days = await db.execute<{ date: string; kind: 'holiday' | 'workday' }>(
    sql`select d.date, d.kind from calendar_days d where exists (select 1 from calendar_years y where y.year = extract(year from d.date)::int)`,
  );
  const entries: CalendarEntry[] = days.rows.map((d) => ({ date: d.date, kind: d.kind }));
  const cal = buildWorkCalendar(
    entries,
    years.rows.map((y) => y.year),
  );
  const draftYears = new Set(years.rows.filter((y) => !y.official).map((y) => y.year));
  return { cal, draftYears, fingerprint };
}

/** Forgets the cached calendar of every database (tests; the fingerprint makes it unnecessary otherwise). */
export function clearCalendarCache(): void {
  cache.clear();
}

/**
 * Adds the draft years a result depends on. The walk of a period only consults years between its start and
 * its due date, so a draft year in that span makes the result provisional (conservative for calendar-day
 * periods that jump over a whole draft year).
 */
function withDraftYears(
  sc: ServerCalendar,
  start: string,
  dueDate: string,
  provisionalYears: readonly number[],
): number[] {
  const years = new Set(provisionalYears);
  if (sc.draftYears.size > 0) {
    for (let y = yearOf(start); y <= yearOf(dueDate); y += 1) if (sc.draftYears.has(y)) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

/** Due date of a period on the stored calendar (民事诉讼法 第八十五条 via contracts computeDueDate). */
export function dueDateOn(sc: ServerCalendar, input: PeriodInput): DueDateResult {
  const r = clockCompute(() => computeDueDate(sc.cal, input));
  const provisionalYears = withDraftYears(sc, input.start, r.dueDate, r.provisionalYears);
  return { dueDate: r.dueDate, provisional: provisionalYears.length > 0, provisionalYears };
}

/** A clock evaluated on `today` with the stored calendar (contracts evaluateClock). */
export function evaluateOn(sc: ServerCalendar, input: StatutoryClockInput, today: string): ClockEvaluation {
  const r = clockCompute(() => evaluateClock(sc.cal, input, today));
  const provisionalYears = withDraftYears(sc, input.start, r.dueDate, r.provisionalYears);
  return { ...r, provisional: provisionalYears.length > 0, provisionalYears };
}
