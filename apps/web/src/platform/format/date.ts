import dayjs, { type Dayjs } from 'dayjs';
import type { Locale } from '../i18n';

export const DATE_FORMAT = 'YYYY-MM-DD';

const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format(DATE_FORMAT) : value;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : value;
}

/** 星期一 / Monday for an ISO date (read as a calendar date, no time zone shift). */
export function weekdayOf(isoDate: string, locale: Locale): string {
  const d = dayjs(isoDate, DATE_FORMAT);
  const i = d.isValid() ? d.day() : -1;
  return (locale === 'en' ? WEEKDAYS_EN : WEEKDAYS_ZH)[i] ?? '';
}

export function toIsoDate(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format(DATE_FORMAT) : undefined;
}

export function fromIsoDate(value: string | null | undefined): Dayjs | undefined {
  if (!value) return undefined;
  const d = dayjs(value, DATE_FORMAT);
  return d.isValid() ? d : undefined;
}

export function today(): string {
  return dayjs().format(DATE_FORMAT);
}
