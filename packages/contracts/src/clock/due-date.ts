/**
 * Statutory period arithmetic (期间计算).
 *
 * 民事诉讼法 (2023) 第八十五条: 期间以时、日、月、年计算。期间开始的时和日，不计算在期间内。
 * 期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期。
 * Applied to 行政复议 by 行政复议法 (2023) 第八十八条 ¶1 and to 行政诉讼 by 行政诉讼法 第一百零一条.
 * Working-day periods: 行政复议法 第八十八条 ¶2, 行政处罚法 第八十五条, 行政许可法 第八十二条.
 */
import { isOfficialYear, isWorkingDay, type WorkCalendar } from './calendar';
import { addDays, addMonths, ClockInputError, parseIsoDate } from './dates';

/** How a period is counted. */
export type PeriodUnit = 'working_days' | 'calendar_days' | 'months';

/** All period units, for schemas and selects. */
export const PERIOD_UNITS: readonly PeriodUnit[] = ['working_days', 'calendar_days', 'months'];

/** Largest accepted amount for day-based units (about ten years). */
export const MAX_PERIOD_DAYS = 3650;
/** Largest accepted amount for 'months'. */
export const MAX_PERIOD_MONTHS = 120;

/** A period: `amount` units counted from `start` (the start day itself is not counted). */
export interface PeriodInput {
  readonly start: string;
  readonly amount: number;
  readonly unit: PeriodUnit;
}

/** The last day of a period, and whether it rests on unofficial (provisional) calendar years. */
export interface DueDateResult {
  readonly dueDate: string;
  /** True when any day consulted to find `dueDate` lies in a year without official holiday data. */
  readonly provisional: boolean;
  /** Those years, ascending. */
  readonly provisionalYears: number[];
}

/** Inclusive range of days that are not counted (中止 / 补正). */
export interface ExcludedRange {
  readonly from: string;
  readonly to: string;
}

/** Upper bound of days scanned for one period; reached only with absurd calendar or pause data. */
const MAX_SCAN_DAYS = 40_000;

/**
 * Due date of a statutory period.
 *
 * - Start day not counted (民事诉讼法 第八十五条 ¶2).
 * - 'working_days': the Nth working day after `start`.
 * - 'calendar_days': `start` + N; if that day is not a working day (weekend or 法定节假日), the
 *   first working day after it (民事诉讼法 第八十五条 ¶3, via 行政复议法 第八十八条 ¶1).
 * - 'months': the same-numbered day of the target month, or its last day if it has none
 *   (2025-01-31 + 1 → 2025-02-28), then the same roll-forward.
 * - amount 0, any unit: `start` itself if it is a working day, else the next working day.
 *
 * @throws ClockInputError for an invalid date, unit or amount (integer, 0 ≤ amount ≤ 3650 days / 120 months)
 */
export function computeDueDate(cal: WorkCalendar, input: PeriodInput): DueDateResult {
  return computeDueDateExcluding(cal, input, []);
}

/**
 * {@link computeDueDate} where the days in `excluded` (inclusive ranges) are not counted and the due
 * date never falls inside one of them. Used by the clock evaluation for 中止 / 补正 pauses.
 */
export function computeDueDateExcluding(
  cal: WorkCalendar,
  input: PeriodInput,
  excluded: readonly ExcludedRange[],
): DueDateResult {
  validatePeriod(input);
  for (const range of excluded) {
    parseIsoDate(range.from);
    parseIsoDate(range.to);
  }
  const walker = new PeriodWalker(cal, excluded);
  const dueDate = walker.periodEnd(input);
  const provisionalYears = walker.provisionalYears();
  return { dueDate, provisional: provisionalYears.length > 0, provisionalYears };
}

/**
 * Validates a period input.
 * @throws ClockInputError
 */
export function validatePeriod(input: PeriodInput): void {
  parseIsoDate(input.start);
  if (!PERIOD_UNITS.includes(input.unit)) {
    throw new ClockInputError(
      'invalid_unit',
      `期限单位无效：${String(input.unit)}（应为工作日、自然日或月）`,
    );
  }
  const { amount } = input;
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 0) {
    throw new ClockInputError('invalid_amount', `期限数值应为不小于 0 的整数：${String(amount)}`);
  }
  const max = input.unit === 'months' ? MAX_PERIOD_MONTHS : MAX_PERIOD_DAYS;
  if (amount > max) {
    const unitLabel = input.unit === 'months' ? '个月' : '日';
    throw new ClockInputError(
      'amount_too_large',
      `期限过长：${amount}${unitLabel}，上限为 ${max}${unitLabel}`,
    );
  }
}

/** Walks day by day, remembering every year whose calendar was consulted. */
class PeriodWalker {
  private readonly consultedYears = new Set<number>();

  constructor(
    private readonly cal: WorkCalendar,
    private readonly excluded: readonly ExcludedRange[],
  ) {}

  periodEnd({ start, amount, unit }: PeriodInput): string {
    if (unit === 'working_days') return this.nthCountedDay(start, amount, true);
    if (unit === 'calendar_days') return this.rollForward(this.nthCountedDay(start, amount, false));
    // months: calendar target, then push back by the excluded days that fell inside the period.
    const target = amount === 0 ? start : addMonths(start, amount);
    let excludedInside = 0;
    for (let day = addDays(start, 1); day <= target; day = addDays(day, 1)) {
      if (this.isExcluded(day)) excludedInside += 1;
    }
    return this.rollForward(this.nthCountedDay(target, excludedInside, false));
  }

  provisionalYears(): number[] {
    return [...this.consultedYears].filter((year) => !isOfficialYear(this.cal, year)).sort((a, b) => a - b);
  }

  /**
   * The Nth counted day after `from` (`from` not counted). A day counts when it is not excluded and,
   * for working-day periods, is a working day. N = 0: `from` itself (working-day periods roll it forward).
   */
  private nthCountedDay(from: string, n: number, workingDaysOnly: boolean): string {
    if (n === 0) return workingDaysOnly ? this.rollForward(from) : from;
    let day = from;
    let counted = 0;
    for (let scanned = 0; counted < n; scanned += 1) {
      this.guard(scanned);
      day = addDays(day, 1);
      if (this.isExcluded(day)) continue;
      if (workingDaysOnly && !this.isWorkingDay(day)) continue;
      counted += 1;
    }
    return day;
  }

  /** `day` itself if it is a working day and not excluded, else the first such day after it. */
  private rollForward(day: string): string {
    let current = day;
    for (let scanned = 0; this.isExcluded(current) || !this.isWorkingDay(current); scanned += 1) {
      this.guard(scanned);
      current = addDays(current, 1);
    }
    return current;
  }

  private isWorkingDay(day: string): boolean {
    this.consultedYears.add(parseIsoDate(day).year);
    return isWorkingDay(this.cal, day);
  }

  private isExcluded(day: string): boolean {
    return this.excluded.some((range) => range.from <= day && day <= range.to);
  }

  private guard(scanned: number): void {
    if (scanned > MAX_SCAN_DAYS) {
      throw new ClockInputError('invalid_calendar', '无法在合理范围内确定到期日，请检查节假日数据或中止期间');
    }
  }
}
