/**
 * The official working-day calendar (法定节假日 and 调休上班日) as published each year by the
 * 国务院办公厅. Working days must come from this data, never from "Mon–Fri minus holidays"
 * (DOMAIN.md §0.2, §14 rule 1).
 *
 * 行政复议法 第八十八条 ¶2, 行政处罚法 第八十五条, 行政许可法 第八十二条: "工作日" excludes
 * statutory holidays (法定节假日); a 调休 weekend day on which people work is a working day.
 */
import { ClockInputError, isWeekend, parseIsoDate } from './dates';

/** Official calendar data. Build it with {@link buildWorkCalendar}. */
export interface WorkCalendar {
  /** Years whose official arrangement is loaded. Any other year is judged on weekends only. */
  readonly officialYears: ReadonlySet<number>;
  /** Statutory rest days (法定节假日, including the bridged weekdays and the weekend days inside a holiday). */
  readonly holidays: ReadonlySet<string>;
  /** 调休 weekend days that are working days (调休上班日). */
  readonly makeupWorkdays: ReadonlySet<string>;
}

/** 'holiday' = 放假 (rest day); 'workday' = 调休上班 (a weekend day worked). */
export type CalendarEntryKind = 'holiday' | 'workday';

/** One day of the official arrangement. */
export interface CalendarEntry {
  readonly date: string;
  readonly kind: CalendarEntryKind;
}

/**
 * Builds a {@link WorkCalendar} from official entries and the list of years they fully cover.
 * @throws ClockInputError code 'invalid_calendar' when an entry is malformed, lies outside
 *   `officialYears`, is both a holiday and a workday, or is a make-up workday that is not a weekend day.
 */
export function buildWorkCalendar(
  entries: readonly CalendarEntry[],
  officialYears: readonly number[],
): WorkCalendar {
  for (const year of officialYears) {
    if (!Number.isInteger(year) || year < 1 || year > 9999) {
      throw new ClockInputError('invalid_calendar', `官方日历年份无效：${year}`);
    }
  }
  const years = new Set(officialYears);
  const holidays = new Set<string>();
  const makeupWorkdays = new Set<string>();
  for (const entry of entries) {
    const { year } = parseIsoDate(entry.date);
    if (!years.has(year)) {
      throw new ClockInputError(
        'invalid_calendar',
        `日历条目 ${entry.date} 所在年份未列入官方日历年份，请同时登记该年份`,
      );
    }
    if (entry.kind === 'holiday') {
      holidays.add(entry.date);
    } else if (entry.kind === 'workday') {
      if (!isWeekend(entry.date)) {
        throw new ClockInputError('invalid_calendar', `调休上班日必须是周六或周日：${entry.date}`);
      }
      makeupWorkdays.add(entry.date);
    } else {
      throw new ClockInputError('invalid_calendar', `日历条目类型无效：${String(entry.kind)}`);
    }
  }
  for (const date of holidays) {
    if (makeupWorkdays.has(date)) {
      throw new ClockInputError('invalid_calendar', `同一天不能既是节假日又是调休上班日：${date}`);
    }
  }
  return { officialYears: years, holidays, makeupWorkdays };
}

/** Whether official holiday data is loaded for `year`. */
export function isOfficialYear(cal: WorkCalendar, year: number): boolean {
  return cal.officialYears.has(year);
}

/**
 * Whether `date` is a working day (工作日).
 * In an official year: not a 法定节假日, and either Mon–Fri or a 调休上班日.
 * In any other year: Mon–Fri (provisional — the real arrangement is not yet known; callers
 * report this via `provisional`).
 */
export function isWorkingDay(cal: WorkCalendar, date: string): boolean {
  const { year } = parseIsoDate(date);
  if (!isOfficialYear(cal, year)) return !isWeekend(date);
  if (cal.holidays.has(date)) return false;
  if (cal.makeupWorkdays.has(date)) return true;
  return !isWeekend(date);
}
