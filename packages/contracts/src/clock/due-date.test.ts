// Expected dates below were worked out by hand against the 2025/2026 official arrangements
// (国务院办公厅 holiday notices, as carried by chinese-days) — never computed with the code under test.
import { describe, expect, it } from 'vitest';
import { loadOfficialCalendarSeed } from '../../../../apps/server/src/platform/clock/official-calendar-seed';
import { buildWorkCalendar } from './calendar';
import { ClockInputError } from './dates';
import { computeDueDate, type PeriodUnit } from './due-date';

const seed = loadOfficialCalendarSeed();
const cal = buildWorkCalendar(seed.entries, seed.officialYears);

type Case = [start: string, amount: number, expected: string, why: string];

function expectDue(unit: PeriodUnit, [start, amount, expected]: Case): void {
  expect(computeDueDate(cal, { start, amount, unit })).toEqual({
    dueDate: expected,
    provisional: false,
    provisionalYears: [],
  });
}

describe('working days — start day not counted; the Nth working day after it', () => {
  it.each<Case>([
    ['2025-01-27', 1, '2025-02-05', 'Spring Festival 1/28–2/4 skipped'],
    ['2025-01-24', 1, '2025-01-26', 'Sunday 1/26 is a 调休 working day'],
    ['2025-01-24', 3, '2025-02-05', '1/26, 1/27, then 2/5'],
    ['2025-01-27', 5, '2025-02-10', '2/5, 2/6, 2/7, Sat 2/8 (调休), Mon 2/10'],
    ['2025-02-07', 1, '2025-02-08', 'Saturday 2/8 is a 调休 working day'],
    ['2025-09-26', 1, '2025-09-28', 'Sunday 9/28 is a 调休 working day'],
    ['2025-09-26', 5, '2025-10-10', '9/28, 9/29, 9/30, 10/9, 10/10'],
    ['2025-09-30', 3, '2025-10-11', 'National Day 10/1–10/8 skipped; Sat 10/11 works'],
    ['2025-09-30', 4, '2025-10-13', 'Sunday 10/12 is a rest day'],
    ['2025-10-01', 7, '2025-10-16', 'counted from inside the holiday'],
    ['2025-09-15', 20, '2025-10-17', '政府信息公开 20 working days across National Day'],
    ['2026-02-12', 1, '2026-02-13', 'ordinary Friday'],
    ['2026-02-12', 2, '2026-02-14', 'Saturday 2/14 is a 调休 working day'],
    ['2026-02-12', 3, '2026-02-24', 'Spring Festival 2/15–2/23 skipped'],
    ['2026-02-13', 5, '2026-02-27', '2/14, 2/24, 2/25, 2/26, 2/27'],
    ['2026-02-13', 6, '2026-02-28', 'Saturday 2/28 is a 调休 working day'],
    ['2026-02-13', 7, '2026-03-02', 'Sunday 3/1 is a rest day'],
    ['2026-09-18', 1, '2026-09-20', 'Sunday 9/20 is a 调休 working day'],
    ['2026-09-24', 1, '2026-09-28', '中秋 9/25–9/27 skipped'],
    ['2026-09-30', 1, '2026-10-08', 'National Day 10/1–10/7 skipped'],
    ['2026-09-30', 3, '2026-10-10', 'Saturday 10/10 is a 调休 working day'],
    ['2026-09-30', 4, '2026-10-12', 'Sunday 10/11 is a rest day'],
  ])('%s + %i working days → %s (%s)', (...c) => expectDue('working_days', c));

  it.each<Case>([
    ['2025-10-03', 0, '2025-10-09', 'holiday start → next working day'],
    ['2025-10-09', 0, '2025-10-09', 'working start → itself'],
    ['2025-10-11', 0, '2025-10-11', '调休 Saturday is itself a working day'],
  ])('%s + %i working days → %s (%s)', (...c) => expectDue('working_days', c));
});

describe('calendar days — start + N, rolled forward off rest days (民事诉讼法 第八十五条)', () => {
  it.each<Case>([
    ['2025-09-01', 30, '2025-10-09', 'ends 10/1 in National Day → first working day after'],
    ['2025-01-03', 30, '2025-02-05', 'ends Sun 2/2 inside Spring Festival'],
    ['2025-03-01', 14, '2025-03-17', 'ends on an ordinary Saturday'],
    ['2025-01-09', 30, '2025-02-08', 'ends on 调休 Saturday 2/8: a working day, no roll'],
    ['2025-08-29', 30, '2025-09-28', 'ends on 调休 Sunday 9/28: no roll'],
    ['2025-08-04', 60, '2025-10-09', '行政复议 60 days ending 10/3 in National Day'],
    ['2025-09-15', 15, '2025-09-30', 'ends on a working Tuesday'],
    ['2025-02-01', 0, '2025-02-05', 'zero days from a holiday'],
    ['2026-01-21', 30, '2026-02-24', 'ends Fri 2/20 in Spring Festival'],
    ['2026-01-29', 30, '2026-02-28', 'ends on 调休 Saturday 2/28: no roll'],
    ['2026-09-01', 30, '2026-10-08', 'ends 10/1 in National Day'],
    ['2025-12-31', 30, '2026-01-30', 'crosses the year within official data'],
    ['2003-12-31', 1, '2004-01-02', 'start day (2003, unofficial) is not consulted'],
  ])('%s + %i days → %s (%s)', (...c) => expectDue('calendar_days', c));
});

describe('months — same-numbered day or last day of the month, then roll forward', () => {
  it.each<Case>([
    ['2025-01-31', 1, '2025-02-28', '31st → 28th'],
    ['2024-01-31', 1, '2024-02-29', '31st → 29th in a leap year'],
    ['2023-11-30', 3, '2024-02-29', '30th → 29th in a leap year'],
    ['2025-03-31', 1, '2025-04-30', '31st → 30th'],
    ['2025-08-31', 1, '2025-09-30', '31st → 30th'],
    ['2025-07-31', 2, '2025-09-30', '31st → 30th over two months'],
    ['2025-05-30', 1, '2025-06-30', '30th → 30th'],
    ['2025-01-15', 6, '2025-07-15', 'ordinary'],
    ['2025-04-28', 2, '2025-06-30', 'Sat 6/28 rolls to Mon 6/30'],
    ['2024-12-28', 1, '2025-02-05', '1/28 is Spring Festival'],
    ['2025-07-01', 3, '2025-10-09', '10/1 is National Day'],
    ['2025-12-31', 2, '2026-02-28', '31st → 28th, which is 调休 Saturday: no roll'],
    ['2025-11-30', 3, '2026-02-28', '30th → 28th, 调休 Saturday'],
  ])('%s + %i months → %s (%s)', (...c) => expectDue('months', c));
});

describe('provisional results (a consulted day lies in a year without official data)', () => {
  it.each<[string, number, PeriodUnit, string, number[]]>([
    ['2026-12-31', 1, 'working_days', '2027-01-01', [2027]],
    ['2026-12-28', 5, 'working_days', '2027-01-04', [2027]],
    ['2026-12-15', 30, 'calendar_days', '2027-01-14', [2027]],
    ['2026-12-31', 2, 'calendar_days', '2027-01-04', [2027]],
    ['2027-03-01', 10, 'working_days', '2027-03-15', [2027]],
    ['2003-12-30', 3, 'working_days', '2004-01-05', [2003]],
  ])('%s + %i %s → %s, provisional %j', (start, amount, unit, dueDate, provisionalYears) => {
    expect(computeDueDate(cal, { start, amount, unit })).toEqual({
      dueDate,
      provisional: true,
      provisionalYears,
    });
  });

  it('a period inside 2026 that ends before 2027 is not provisional', () => {
    expect(computeDueDate(cal, { start: '2026-11-30', amount: 1, unit: 'months' })).toEqual({
      dueDate: '2026-12-30',
      provisional: false,
      provisionalYears: [],
    });
  });
});

describe('input validation', () => {
  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects amount %s', (amount) => {
    expect(() => computeDueDate(cal, { start: '2025-01-01', amount, unit: 'calendar_days' })).toThrow(
      ClockInputError,
    );
  });

  it('limits amounts to 3650 days and 120 months', () => {
    expect(() => computeDueDate(cal, { start: '2025-01-01', amount: 3651, unit: 'working_days' })).toThrow(
      '期限过长',
    );
    expect(() => computeDueDate(cal, { start: '2025-01-01', amount: 121, unit: 'months' })).toThrow(
      '期限过长',
    );
    expect(computeDueDate(cal, { start: '2025-01-01', amount: 120, unit: 'months' }).dueDate).toBe(
      '2035-01-01',
    );
    expect(
      computeDueDate(cal, { start: '2025-01-01', amount: 3650, unit: 'calendar_days' }).provisional,
    ).toBe(true);
  });

  it('rejects malformed dates and unknown units with Chinese messages', () => {
    expect(() => computeDueDate(cal, { start: '2025/01/01', amount: 1, unit: 'calendar_days' })).toThrow(
      '日期格式应为 YYYY-MM-DD',
    );
    const unit = 'weeks' as unknown as PeriodUnit;
    expect(() => computeDueDate(cal, { start: '2025-01-01', amount: 1, unit })).toThrow('期限单位无效');
  });
});
