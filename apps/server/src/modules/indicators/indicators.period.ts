import { AppError } from '../../platform/errors';

/** A reporting period: '2025' (year), '2025-H1'/'2025-H2' (half year), '2025-Q1'…'2025-Q4'. */
export const PERIOD_PATTERN = /^(\d{4})(?:-(H[12]|Q[1-4]))?$/;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The calendar days [from, to] (inclusive) of a period: '2025' → 2025-01-01 … 2025-12-31. */
export function periodRange(period: string): { from: string; to: string } {
  const m = PERIOD_PATTERN.exec(period);
  if (!m)
    throw new AppError('VALIDATION_FAILED', `统计期间“${period}”格式不正确，应为 2025、2025-H1 或 2025-Q3`);
  const y = Number(m[1]);
  const part = m[2];
  let first = 1;
  let last = 12;
  if (part?.startsWith('H')) {
    first = part === 'H1' ? 1 : 7;
    last = first + 5;
  } else if (part?.startsWith('Q')) {
    first = (Number(part[1]) - 1) * 3 + 1;
    last = first + 2;
  }
  return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(last)}-${pad(lastDay(y, last))}` };
}
