// Expected dates worked out by hand against the official 2025/2026 arrangements.
import { describe, expect, it } from 'vitest';
import { loadOfficialCalendarSeed } from '../../../../apps/server/src/platform/clock/official-calendar-seed';
import { buildWorkCalendar } from './calendar';
import {
  CLOCK_STATUS_LABELS,
  CLOCK_STATUS_ORDER,
  evaluateClock,
  type StatutoryClockInput,
} from './clock-status';
import { ClockInputError } from './dates';

const seed = loadOfficialCalendarSeed();
const cal = buildWorkCalendar(seed.entries, seed.officialYears);

/** 行政复议 decision clock: 60 days from acceptance (行政复议法 第六十二条), accepted 2025-08-04. */
const reconsideration: StatutoryClockInput = {
  start: '2025-08-04',
  amount: 60,
  unit: 'calendar_days',
  pauses: [],
  extensions: [],
  completedOn: null,
  warningDays: 7,
};

/** 30 calendar days from Monday 2025-03-03 → Wednesday 2025-04-02 (清明 is 4/4–4/6). */
const thirtyDays: StatutoryClockInput = { ...reconsideration, start: '2025-03-03', amount: 30 };

describe('status', () => {
  it('is normal well before the due date (due 10/3 in National Day → 10/9)', () => {
    const result = evaluateClock(cal, reconsideration, '2025-09-01');
    expect(result).toMatchObject({ dueDate: '2025-10-09', status: 'normal', daysRemaining: 38 });
    expect(result.provisional).toBe(false);
  });

  it('turns due_soon at warningDays calendar days before, including the due date itself', () => {
    expect(evaluateClock(cal, reconsideration, '2025-10-01')).toMatchObject({
      status: 'normal',
      daysRemaining: 8,
    });
    expect(evaluateClock(cal, reconsideration, '2025-10-02')).toMatchObject({
      status: 'due_soon',
      daysRemaining: 7,
    });
    expect(evaluateClock(cal, reconsideration, '2025-10-09')).toMatchObject({
      status: 'due_soon',
      daysRemaining: 0,
    });
  });

  it('is overdue the day after the due date', () => {
    expect(evaluateClock(cal, reconsideration, '2025-10-10')).toMatchObject({
      status: 'overdue',
      daysRemaining: -1,
    });
  });

  it('is completed once completedOn is set, on time or late', () => {
    const onTime = evaluateClock(cal, { ...reconsideration, completedOn: '2025-10-09' }, '2025-11-01');
    expect(onTime).toMatchObject({ status: 'completed', daysRemaining: 0, completedOnTime: true });
    const late = evaluateClock(cal, { ...reconsideration, completedOn: '2025-10-10' }, '2025-11-01');
    expect(late).toMatchObject({ status: 'completed', daysRemaining: -1, completedOnTime: false });
  });

  it('has Chinese labels', () => {
    expect(CLOCK_STATUS_ORDER.map((status) => CLOCK_STATUS_LABELS[status])).toEqual([
      '正常',
      '临期',
      '超期',
      '已完成',
    ]);
  });
});

describe('pauses (中止 / 补正: time not counted)', () => {
  it('adds the paused calendar days to a calendar-day clock, weekend days included', () => {
    const result = evaluateClock(
      cal,
      { ...thirtyDays, pauses: [{ from: '2025-03-08', to: '2025-03-12' }] },
      '2025-03-20',
    );
    expect(result.dueDate).toBe('2025-04-07'); // 4/2 + 5 days
  });

  it('adds the paused working days to a working-day clock', () => {
    // 20 working days from 2025-09-15 → 10/17; paused Sat 9/20–Wed 9/24 = 3 working days → 10/22.
    const clock: StatutoryClockInput = {
      ...reconsideration,
      start: '2025-09-15',
      amount: 20,
      unit: 'working_days',
      pauses: [{ from: '2025-09-20', to: '2025-09-24' }],
    };
    expect(evaluateClock(cal, clock, '2025-10-01').dueDate).toBe('2025-10-22');
  });

  it('only counts paused days after the start day', () => {
    // 3/4–3/5 excluded → 30th counted day is Fri 4/4 (清明) → Mon 4/7.
    const clock = { ...thirtyDays, pauses: [{ from: '2025-02-25', to: '2025-03-05' }] };
    expect(evaluateClock(cal, clock, '2025-03-20').dueDate).toBe('2025-04-07');
  });

  it('adds paused calendar days to a month clock', () => {
    const clock: StatutoryClockInput = {
      ...reconsideration,
      start: '2025-01-15',
      amount: 6,
      unit: 'months',
      pauses: [{ from: '2025-03-01', to: '2025-03-10' }],
    };
    expect(evaluateClock(cal, clock, '2025-04-01').dueDate).toBe('2025-07-25'); // 7/15 + 10 days
  });

  it('an open pause suspends the clock: due date as if it ended today, status stays normal', () => {
    const clock = { ...thirtyDays, pauses: [{ from: '2025-03-30', to: null }] };
    // Paused 3/30–4/1; the 30th counted day is Sat 4/5 (清明) → Mon 4/7, 6 days away (≤ 7) yet normal.
    expect(evaluateClock(cal, clock, '2025-04-01')).toMatchObject({
      dueDate: '2025-04-07',
      status: 'normal',
      suspended: true,
      daysRemaining: 6,
    });
    // Still paused on 4/20: the 4 remaining days run 4/21–4/24.
    expect(evaluateClock(cal, clock, '2025-04-20')).toMatchObject({
      dueDate: '2025-04-24',
      status: 'normal',
    });
  });

  it('once the pause is closed the status is computed normally', () => {
    const clock = { ...thirtyDays, pauses: [{ from: '2025-03-30', to: '2025-04-01' }] };
    expect(evaluateClock(cal, clock, '2025-04-02')).toMatchObject({
      dueDate: '2025-04-07',
      status: 'due_soon',
      suspended: false,
      daysRemaining: 5,
    });
  });

  it('a pause opened after the clock ran out does not revive it', () => {
    const clock = { ...thirtyDays, pauses: [{ from: '2025-04-10', to: null }] };
    expect(evaluateClock(cal, clock, '2025-04-15')).toMatchObject({
      dueDate: '2025-04-02',
      status: 'overdue',
      suspended: false,
      daysRemaining: -13,
    });
  });
});

describe('extensions (延长), counted from the due date in force', () => {
  it('60 days + 30 days (行政复议法 第六十二条): 10/9 + 30 = Sat 11/8 → Mon 11/10', () => {
    const clock = { ...reconsideration, extensions: [{ amount: 30, unit: 'calendar_days' as const }] };
    expect(evaluateClock(cal, clock, '2025-10-20')).toMatchObject({
      baseDueDate: '2025-10-09',
      dueDate: '2025-11-10',
      status: 'normal',
    });
  });

  it('20 + 20 working days (政府信息公开条例 第三十三条)', () => {
    const clock: StatutoryClockInput = {
      ...reconsideration,
      start: '2025-09-15',
      amount: 20,
      unit: 'working_days',
      extensions: [{ amount: 20, unit: 'working_days' }],
    };
    expect(evaluateClock(cal, clock, '2025-10-20')).toMatchObject({
      baseDueDate: '2025-10-17',
      dueDate: '2025-11-14',
    });
  });

  it('pauses inside the extension period also count', () => {
    const clock: StatutoryClockInput = {
      ...reconsideration,
      extensions: [{ amount: 30, unit: 'calendar_days' }],
      pauses: [{ from: '2025-10-20', to: '2025-10-24' }],
    };
    expect(evaluateClock(cal, clock, '2025-10-25')).toMatchObject({
      baseDueDate: '2025-10-09',
      dueDate: '2025-11-13',
    });
  });

  it('a clock started in 2026 and extended into 2027 is provisional', () => {
    const clock: StatutoryClockInput = {
      ...reconsideration,
      start: '2026-11-02',
      amount: 30,
      extensions: [{ amount: 30, unit: 'calendar_days' }],
    };
    expect(evaluateClock(cal, clock, '2026-12-20')).toEqual({
      dueDate: '2027-01-01',
      baseDueDate: '2026-12-02',
      provisional: true,
      provisionalYears: [2027],
      status: 'normal',
      daysRemaining: 12,
      suspended: false,
      completedOnTime: null,
    });
  });
});

describe('validation', () => {
  it.each<[string, Partial<StatutoryClockInput>, string]>([
    ['pause ending before it starts', { pauses: [{ from: '2025-09-10', to: '2025-09-01' }] }, '中止开始日期'],
    ['open pause starting after today', { pauses: [{ from: '2025-09-10', to: null }] }, '晚于今天'],
    ['negative warningDays', { warningDays: -1 }, '临期提醒天数'],
    ['completion before start', { completedOn: '2025-08-01' }, '早于起算日期'],
    ['fractional extension', { extensions: [{ amount: 0.5, unit: 'calendar_days' }] }, '整数'],
    ['bad pause date', { pauses: [{ from: '2025-9-1', to: null }] }, '日期格式应为 YYYY-MM-DD'],
  ])('rejects %s', (_label, patch, message) => {
    const evaluate = (): unknown => evaluateClock(cal, { ...reconsideration, ...patch }, '2025-09-05');
    expect(evaluate).toThrow(ClockInputError);
    expect(evaluate).toThrow(message);
  });

  it('rejects an invalid today', () => {
    expect(() => evaluateClock(cal, reconsideration, '2025-9-5')).toThrow('日期格式应为 YYYY-MM-DD');
  });
});
