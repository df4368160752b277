import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  ClockInputError,
  compareDates,
  daysBetween,
  isIsoDate,
  lastDayOfMonth,
  parseIsoDate,
  weekday,
} from './dates';

describe('parseIsoDate', () => {
  it('accepts existing dates, including 29 February of leap years', () => {
    expect(parseIsoDate('2025-01-05')).toEqual({ year: 2025, month: 1, day: 5 });
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it.each(['2025-02-29', '1900-02-29', '2025-13-01', '2025-04-31', '2025-00-10', '2025-01-00'])(
    'rejects the non-existent date %s',
    (value) => {
      expect(() => parseIsoDate(value)).toThrow(ClockInputError);
      expect(isIsoDate(value)).toBe(false);
    },
  );

  it.each(['2025-1-5', '20250105', '2025/01/05', '2025-01-05T00:00:00Z', ' 2025-01-05', ''])(
    'rejects the malformed string %j with a Chinese message',
    (value) => {
      expect(() => parseIsoDate(value)).toThrow('日期格式应为 YYYY-MM-DD');
    },
  );
});

describe('addDays / addMonths', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('1970-01-01', -1)).toBe('1969-12-31');
    expect(addDays('2025-01-01', 365)).toBe('2026-01-01');
  });

  it('keeps the day of month or clamps to the last day', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2025-05-31', 1)).toBe('2025-06-30');
  });
});

describe('weekday / compareDates / daysBetween / lastDayOfMonth', () => {
  it('gives ISO weekdays (1 = Monday … 7 = Sunday)', () => {
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('1969-12-31')).toBe(3);
    expect(weekday('2025-01-01')).toBe(3);
    expect(weekday('2025-01-26')).toBe(7);
    expect(weekday('2026-02-14')).toBe(6);
    expect(weekday('2027-01-01')).toBe(5);
  });

  it('compares and measures distances in calendar days', () => {
    expect(compareDates('2025-01-31', '2025-02-01')).toBe(-1);
    expect(compareDates('2025-02-01', '2025-02-01')).toBe(0);
    expect(compareDates('2026-01-01', '2025-12-31')).toBe(1);
    expect(daysBetween('2025-01-01', '2025-12-31')).toBe(364);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-10-09', '2025-09-01')).toBe(-38);
  });

  it('finds the last day of a month', () => {
    expect(lastDayOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(lastDayOfMonth('2100-02-01')).toBe('2100-02-28');
    expect(lastDayOfMonth('2025-04-15')).toBe('2025-04-30');
    expect(lastDayOfMonth('2025-12-01')).toBe('2025-12-31');
  });
});
