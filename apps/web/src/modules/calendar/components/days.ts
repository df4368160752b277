import type { Translate } from '../../../platform/i18n';
import type { CalendarDay } from '../api';

export type DayKind = CalendarDay['kind'];

/** One editable row of a year's arrangement. */
export interface DayRow {
  key: string;
  date?: string;
  kind: DayKind;
  name: string;
}

let counter = 0;
export const newRowKey = () => `row-${++counter}`;

export function toRows(days: readonly CalendarDay[]): DayRow[] {
  return [...days]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((d) => ({ key: newRowKey(), date: d.date, kind: d.kind, name: d.name ?? '' }));
}

export function toDays(rows: readonly DayRow[]): CalendarDay[] {
  return rows
    .flatMap((r) => (r.date ? [{ date: r.date, kind: r.kind, name: r.name.trim() || null }] : []))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Problems that would make the server refuse the year (CALENDAR_YEAR_INVALID). */
export function rowProblems(rows: readonly DayRow[], year: number, t: Translate): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const n = i + 1;
    if (!r.date) problems.push(t(`第 ${n} 行未填写日期`, `Row ${n} has no date`));
    else if (!r.date.startsWith(`${year}-`))
      problems.push(t(`第 ${n} 行的日期不在 ${year} 年`, `Row ${n} is not in ${year}`));
    else if (seen.has(r.date)) problems.push(t(`日期 ${r.date} 重复`, `Date ${r.date} appears twice`));
    if (r.date) seen.add(r.date);
    if (r.name.trim().length > 30)
      problems.push(t(`第 ${n} 行名称超过 30 字`, `Row ${n}: name longer than 30`));
  });
  if (rows.length > 120) problems.push(t('一年最多 120 个特殊日期', 'At most 120 dates per year'));
  return problems;
}
