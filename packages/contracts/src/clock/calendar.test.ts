import { describe, expect, it } from 'vitest';
import { loadOfficialCalendarSeed } from '../../../../apps/server/src/platform/clock/official-calendar-seed';
import { buildWorkCalendar, isOfficialYear, isWorkingDay } from './calendar';
import { ClockInputError } from './dates';

const seed = loadOfficialCalendarSeed();
const cal = buildWorkCalendar(seed.entries, seed.officialYears);

describe('official calendar seed (chinese-days)', () => {
  it('covers 2004–2026 and only those years', () => {
    expect(seed.officialYears[0]).toBe(2004);
    expect(seed.officialYears.at(-1)).toBe(2026);
    expect(seed.officialYears).toHaveLength(23);
    expect(isOfficialYear(cal, 2025)).toBe(true);
    expect(isOfficialYear(cal, 2026)).toBe(true);
    expect(isOfficialYear(cal, 2027)).toBe(false);
    expect(isOfficialYear(cal, 2003)).toBe(false);
  });

  it('names days in Chinese', () => {
    expect(seed.entries).toContainEqual({ date: '2025-01-28', kind: 'holiday', name: '春节' });
    expect(seed.entries).toContainEqual({ date: '2025-01-26', kind: 'workday', name: '春节' });
    expect(seed.entries).toContainEqual({ date: '2026-10-10', kind: 'workday', name: '国庆节' });
  });
});

describe('isWorkingDay — Spring Festival 2025 (1/28–2/4; 调休 Sun 1/26, Sat 2/8)', () => {
  it.each([
    '2025-01-28',
    '2025-01-29',
    '2025-01-30',
    '2025-01-31',
    '2025-02-01',
    '2025-02-02',
    '2025-02-03',
    '2025-02-04',
  ])('%s is a holiday', (date) => expect(isWorkingDay(cal, date)).toBe(false));

  it('works the make-up weekend days and the days around the holiday', () => {
    expect(isWorkingDay(cal, '2025-01-26')).toBe(true); // Sunday, 调休
    expect(isWorkingDay(cal, '2025-02-08')).toBe(true); // Saturday, 调休
    expect(isWorkingDay(cal, '2025-01-27')).toBe(true);
    expect(isWorkingDay(cal, '2025-02-05')).toBe(true);
    expect(isWorkingDay(cal, '2025-01-25')).toBe(false); // ordinary Saturday
    expect(isWorkingDay(cal, '2025-02-09')).toBe(false); // ordinary Sunday
  });
});

describe('isWorkingDay — Spring Festival 2026 (2/15–2/23; 调休 Sat 2/14, Sat 2/28)', () => {
  it('follows the official arrangement', () => {
    expect(isWorkingDay(cal, '2026-02-13')).toBe(true);
    expect(isWorkingDay(cal, '2026-02-14')).toBe(true);
    expect(isWorkingDay(cal, '2026-02-15')).toBe(false);
    expect(isWorkingDay(cal, '2026-02-20')).toBe(false);
    expect(isWorkingDay(cal, '2026-02-23')).toBe(false); // Monday, bridged
    expect(isWorkingDay(cal, '2026-02-24')).toBe(true);
    expect(isWorkingDay(cal, '2026-02-28')).toBe(true);
    expect(isWorkingDay(cal, '2026-03-01')).toBe(false);
  });
});

describe('isWorkingDay — National Day 2025 (10/1–10/8; 调休 Sun 9/28, Sat 10/11) and 2026 (10/1–10/7; 调休 Sun 9/20, Sat 10/10)', () => {
  it('2025', () => {
    expect(isWorkingDay(cal, '2025-09-28')).toBe(true);
    expect(isWorkingDay(cal, '2025-09-30')).toBe(true);
    expect(isWorkingDay(cal, '2025-10-01')).toBe(false);
    expect(isWorkingDay(cal, '2025-10-06')).toBe(false); // 中秋
    expect(isWorkingDay(cal, '2025-10-08')).toBe(false);
    expect(isWorkingDay(cal, '2025-10-09')).toBe(true);
    expect(isWorkingDay(cal, '2025-10-11')).toBe(true);
    expect(isWorkingDay(cal, '2025-10-12')).toBe(false);
  });

  it('2026', () => {
    expect(isWorkingDay(cal, '2026-09-20')).toBe(true);
    expect(isWorkingDay(cal, '2026-09-25')).toBe(false); // 中秋 (Friday)
    expect(isWorkingDay(cal, '2026-09-30')).toBe(true);
    expect(isWorkingDay(cal, '2026-10-01')).toBe(false);
    expect(isWorkingDay(cal, '2026-10-07')).toBe(false);
    expect(isWorkingDay(cal, '2026-10-08')).toBe(true);
    expect(isWorkingDay(cal, '2026-10-10')).toBe(true);
    expect(isWorkingDay(cal, '2026-10-11')).toBe(false);
  });
});

describe('isWorkingDay — years without official data', () => {
  it('falls back to Mon–Fri', () => {
    expect(isWorkingDay(cal, '2027-01-01')).toBe(true); // Friday: real 元旦 unknown to the data
    expect(isWorkingDay(cal, '2027-01-02')).toBe(false);
    expect(isWorkingDay(cal, '2003-12-31')).toBe(true);
  });
});

describe('buildWorkCalendar validation', () => {
  it('rejects an entry outside the official years', () => {
    expect(() => buildWorkCalendar([{ date: '2027-01-01', kind: 'holiday' }], [2026])).toThrow(
      ClockInputError,
    );
  });

  it('rejects a make-up workday on a weekday', () => {
    expect(() => buildWorkCalendar([{ date: '2025-01-27', kind: 'workday' }], [2025])).toThrow(
      '调休上班日必须是周六或周日',
    );
  });

  it('rejects a day that is both holiday and workday', () => {
    const entries = [
      { date: '2025-01-26', kind: 'holiday' as const },
      { date: '2025-01-26', kind: 'workday' as const },
    ];
    expect(() => buildWorkCalendar(entries, [2025])).toThrow(ClockInputError);
  });

  it('rejects malformed dates', () => {
    expect(() => buildWorkCalendar([{ date: '2025-2-1', kind: 'holiday' }], [2025])).toThrow(
      '日期格式应为 YYYY-MM-DD',
    );
  });
});
