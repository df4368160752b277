/**
 * Seed data for the official working-day calendar (法定节假日 and 调休上班日, 2004–2026), taken from
 * the npm package `chinese-days`, which follows the 国务院办公厅 annual holiday notices
 * (关于…年部分节假日安排的通知). Server-only: the contracts package receives these entries as plain
 * data (buildWorkCalendar) so the web bundle never ships this package.
 *
 * Data format (dist/chinese-days.json): { holidays: { 'YYYY-MM-DD': 'English,中文,days' },
 * workdays: { … same … }, inLieuDays: { … } } — inLieuDays (bridged weekdays) is a subset of
 * holidays and needs no separate entry.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/** One official day: 'holiday' = 放假, 'workday' = 调休上班 (a weekend day worked). */
export interface OfficialCalendarSeedEntry {
  date: string;
  kind: 'holiday' | 'workday';
  /** The holiday the day belongs to, in Chinese when the data has it (e.g. '春节', '国庆节'). */
  name: string;
}

/** Seed for the calendar table: the years fully covered and their entries, sorted by date. */
export interface OfficialCalendarSeed {
  officialYears: number[];
  entries: OfficialCalendarSeedEntry[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Builds the seed from the `chinese-days` data. Every year present in the data counts as official. */
export function loadOfficialCalendarSeed(): OfficialCalendarSeed {
  const holidays: Readonly<Record<string, string>> = chineseDays.holidays;
  const workdays: Readonly<Record<string, string>> = chineseDays.workdays;
  const entries = [...toEntries(holidays, 'holiday'), ...toEntries(workdays, 'workday')].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  const officialYears = [...new Set(entries.map((entry) => Number(entry.date.slice(0, 4))))].sort(
    (a, b) => a - b,
  );
  return { officialYears, entries };
}

function toEntries(
  days: Readonly<Record<string, string>>,
  kind: OfficialCalendarSeedEntry['kind'],
): OfficialCalendarSeedEntry[] {
  return Object.entries(days).map(([date, description]) => {
    if (!ISO_DATE.test(date)) {
      throw new Error(`chinese-days: unexpected date key ${date}`);
    }
    return { date, kind, name: holidayName(description) };
  });
}

/** 'Spring Festival,春节,4' → '春节'; falls back to the English name, then to the raw text. */
function holidayName(description: string): string {
  const [english, chinese] = description.split(',');
  return chinese?.trim() || english?.trim() || description;
}
