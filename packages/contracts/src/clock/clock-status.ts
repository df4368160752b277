/**
 * Evaluation of a statutory clock record (法定期限): base period, 中止/补正 pauses, 延长 extensions,
 * completion, and the 正常 / 临期 / 超期 / 已完成 status shown to users.
 *
 * Day counting follows 民事诉讼法 第八十五条 (start day not counted; a period ending on a rest day
 * ends on the next working day), applied via 行政复议法 第八十八条 — see due-date.ts.
 */
import { type WorkCalendar } from './calendar';
import { ClockInputError, compareDates, daysBetween, parseIsoDate } from './dates';
import {
  computeDueDateExcluding,
  MAX_PERIOD_DAYS,
  validatePeriod,
  type ExcludedRange,
  type PeriodUnit,
} from './due-date';

/** Status of a clock. */
export type StatutoryClockStatus = 'normal' | 'due_soon' | 'overdue' | 'completed';

/** All statuses, in display order. */
export const CLOCK_STATUS_ORDER: readonly StatutoryClockStatus[] = [
  'normal',
  'due_soon',
  'overdue',
  'completed',
];

/** Chinese labels of {@link StatutoryClockStatus}. */
export const CLOCK_STATUS_LABELS: Readonly<Record<StatutoryClockStatus, string>> = {
  normal: '正常',
  due_soon: '临期',
  overdue: '超期',
  completed: '已完成',
};

/**
 * A period during which the clock does not run (中止, 补正, third-party consultation …).
 * Both ends are inclusive: `from` is the first and `to` the last day not counted.
 * `to` = null: still suspended; the pause is treated as lasting through the reference day.
 */
export interface ClockPause {
  readonly from: string;
  readonly to: string | null;
}

/** An approved extension (延长), counted from the due date in force before it. */
export interface ClockExtension {
  readonly amount: number;
  readonly unit: PeriodUnit;
}

/** A statutory clock record. */
export interface StatutoryClockInput {
  readonly start: string;
  readonly amount: number;
  readonly unit: PeriodUnit;
  readonly pauses: readonly ClockPause[];
  readonly extensions: readonly ClockExtension[];
  readonly completedOn: string | null;
  /** 临期 threshold in calendar days before the due date (integer ≥ 0). */
  readonly warningDays: number;
}

/** Result of {@link evaluateClock}. */
export interface ClockEvaluation {
  /** Due date after pauses and all extensions. */
  readonly dueDate: string;
  /** Due date after pauses, before extensions. */
  readonly baseDueDate: string;
  readonly provisional: boolean;
  readonly provisionalYears: number[];
  readonly status: StatutoryClockStatus;
  /**
   * Calendar days from the reference day to `dueDate`: from `today`, or from `completedOn` once
   * completed. Negative = past due (overdue by that many days / completed that many days late).
   */
  readonly daysRemaining: number;
  /** True while an open pause (to = null) holds the clock. */
  readonly suspended: boolean;
  /** Completed on or before the due date; null while not completed. */
  readonly completedOnTime: boolean | null;
}

/**
 * Evaluates a clock on `today`.
 *
 * - Pauses: paused days are not counted and the due date moves on accordingly — by the paused
 *   calendar days for calendar-day and month clocks, by the paused working days for working-day
 *   clocks. Pause days on or before `start`, or after the point the clock had already run out, do
 *   not count. Overlapping pauses count once.
 * - Open pause (to = null): treated as ending on the reference day (`today`, or `completedOn` when
 *   completed), so `dueDate` is the earliest possible due date if the clock resumed tomorrow; the
 *   status stays 'normal' while suspended (unless the clock ran out before the pause began).
 * - Extensions: applied in order, each counted from the due date in force before it (start day not
 *   counted, same roll-forward rules), in its own unit.
 * - Status: 'completed' when `completedOn` is set; otherwise 'overdue' when today > dueDate;
 *   'due_soon' when 0 ≤ calendar days remaining ≤ warningDays (the due date itself is due_soon);
 *   else 'normal'.
 *
 * @throws ClockInputError on invalid dates, amounts, pauses or warningDays
 */
export function evaluateClock(cal: WorkCalendar, clock: StatutoryClockInput, today: string): ClockEvaluation {
  validateClock(clock, today);
  const referenceDay = clock.completedOn ?? today;
  const excluded: ExcludedRange[] = clock.pauses.map((pause) => ({
    from: pause.from,
    to: pause.to ?? referenceDay,
  }));

  const years = new Set<number>();
  const base = computeDueDateExcluding(
    cal,
    { start: clock.start, amount: clock.amount, unit: clock.unit },
    excluded,
  );
  base.provisionalYears.forEach((year) => years.add(year));
  let dueDate = base.dueDate;
  for (const extension of clock.extensions) {
    const extended = computeDueDateExcluding(
      cal,
      { start: dueDate, amount: extension.amount, unit: extension.unit },
      excluded,
    );
    extended.provisionalYears.forEach((year) => years.add(year));
    dueDate = extended.dueDate;
  }
  const provisionalYears = [...years].sort((a, b) => a - b);

  const daysRemaining = daysBetween(referenceDay, dueDate);
  const hasOpenPause = clock.pauses.some((pause) => pause.to === null);
  const suspended = clock.completedOn === null && hasOpenPause && daysRemaining >= 0;
  const completedOnTime = clock.completedOn === null ? null : daysRemaining >= 0;

  return {
    dueDate,
    baseDueDate: base.dueDate,
    provisional: provisionalYears.length > 0,
    provisionalYears,
    status: statusOf(clock, daysRemaining, suspended),
    daysRemaining,
    suspended,
    completedOnTime,
  };
}

function statusOf(
  clock: StatutoryClockInput,
  daysRemaining: number,
  suspended: boolean,
): StatutoryClockStatus {
  if (clock.completedOn !== null) return 'completed';
  if (daysRemaining < 0) return 'overdue';
  if (suspended) return 'normal';
  return daysRemaining <= clock.warningDays ? 'due_soon' : 'normal';
}

function validateClock(clock: StatutoryClockInput, today: string): void {
  parseIsoDate(today);
  validatePeriod(clock);
  for (const extension of clock.extensions) {
    validatePeriod({ start: clock.start, amount: extension.amount, unit: extension.unit });
  }
  const { warningDays } = clock;
  if (!Number.isInteger(warningDays) || warningDays < 0 || warningDays > MAX_PERIOD_DAYS) {
    throw new ClockInputError(
      'invalid_clock',
      `临期提醒天数应为 0 至 ${MAX_PERIOD_DAYS} 的整数：${warningDays}`,
    );
  }
  if (clock.completedOn !== null && compareDates(clock.completedOn, clock.start) < 0) {
    throw new ClockInputError('invalid_clock', `办结日期 ${clock.completedOn} 早于起算日期 ${clock.start}`);
  }
  const referenceDay = clock.completedOn ?? today;
  for (const pause of clock.pauses) {
    const end = pause.to ?? referenceDay;
    if (compareDates(pause.from, end) > 0) {
      const message =
        pause.to === null
          ? `中止开始日期 ${pause.from} 晚于${clock.completedOn === null ? '今天' : '办结日期'} ${end}`
          : `中止开始日期 ${pause.from} 晚于结束日期 ${pause.to}`;
      throw new ClockInputError('invalid_pause', message);
    }
  }
}
