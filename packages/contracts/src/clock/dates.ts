/**
 * Calendar-date helpers on ISO 'YYYY-MM-DD' strings.
 *
 * Dates are civil dates without a time or a time zone. All arithmetic is done on an integer
 * day number (days since 1970-01-01, proleptic Gregorian calendar) — no `Date` object is used,
 * so the host's local time zone can never shift a date. Pure functions: safe in the server and
 * in the browser bundle.
 */

/** Machine-readable reason of a {@link ClockInputError}. */
export type ClockInputErrorCode =
  | 'invalid_date'
  | 'date_out_of_range'
  | 'invalid_amount'
  | 'amount_too_large'
  | 'invalid_unit'
  | 'invalid_calendar'
  | 'invalid_pause'
  | 'invalid_clock';

/** Invalid input to a statutory-clock function. `message` is Chinese and may be shown to users. */
export class ClockInputError extends Error {
  override readonly name = 'ClockInputError';

  constructor(
    readonly code: ClockInputErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A calendar date split into its parts; `month` is 1–12. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** ISO weekday: 1 = Monday … 6 = Saturday, 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

/** Whether `year` is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (`month` 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Parses and validates a 'YYYY-MM-DD' string (e.g. rejects '2025-02-29', '2025-1-5', '2025-01-05T00:00').
 * @throws ClockInputError code 'invalid_date'
 */
export function parseIsoDate(value: string): DateParts {
  const match = typeof value === 'string' ? ISO_DATE_PATTERN.exec(value) : null;
  if (!match) {
    throw new ClockInputError('invalid_date', `日期格式应为 YYYY-MM-DD：${String(value)}`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new ClockInputError('invalid_date', `日期不存在：${value}`);
  }
  return { year, month, day };
}

/** Whether `value` is a valid, existing 'YYYY-MM-DD' date. */
export function isIsoDate(value: string): boolean {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Formats date parts as 'YYYY-MM-DD'.
 * @throws ClockInputError code 'date_out_of_range' when the year is outside 0001–9999
 */
export function formatIsoDate(parts: DateParts): string {
  const { year, month, day } = parts;
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new ClockInputError('date_out_of_range', `日期超出支持范围（0001–9999 年）：${year} 年`);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (negative before). Algorithm: H. Hinnant, "days_from_civil". */
function toDayNumber({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = (month + 9) % 12; // March = 0 … February = 11
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Inverse of {@link toDayNumber}. Algorithm: H. Hinnant, "civil_from_days". */
function fromDayNumber(dayNumber: number): DateParts {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** `date` plus `days` calendar days (`days` may be negative). */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) {
    throw new ClockInputError('invalid_amount', `天数应为整数：${days}`);
  }
  return formatIsoDate(fromDayNumber(toDayNumber(parseIsoDate(date)) + days));
}

/**
 * `date` plus `months` months: the same-numbered day of the target month, or that month's last day
 * when it has no such day (2025-01-31 + 1 → 2025-02-28; 2024-01-31 + 1 → 2024-02-29).
 * No working-day adjustment here — see computeDueDate.
 */
export function addMonths(date: string, months: number): string {
  if (!Number.isInteger(months)) {
    throw new ClockInputError('invalid_amount', `月数应为整数：${months}`);
  }
  const { year, month, day } = parseIsoDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return formatIsoDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/** ISO weekday of `date`: 1 = Monday … 7 = Sunday. */
export function weekday(date: string): IsoWeekday {
  const dayNumber = toDayNumber(parseIsoDate(date));
  // 1970-01-01 was a Thursday (ISO 4).
  return (((((dayNumber + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

/** Whether `date` is a Saturday or a Sunday. */
export function isWeekend(date: string): boolean {
  return weekday(date) >= 6;
}

/** -1 when a < b, 0 when equal, 1 when a > b. Both are validated. */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  parseIsoDate(a);
  parseIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Signed number of calendar days from `from` to `to` (2025-01-01 → 2025-01-31 is 30). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(parseIsoDate(to)) - toDayNumber(parseIsoDate(from));
}

/** The last day of the month that contains `date` (2024-02-10 → 2024-02-29). */
export function lastDayOfMonth(date: string): string {
  const { year, month } = parseIsoDate(date);
  return formatIsoDate({ year, month, day: daysInMonth(year, month) });
}

/** The year of `date`. */
export function yearOf(date: string): number {
  return parseIsoDate(date).year;
}
