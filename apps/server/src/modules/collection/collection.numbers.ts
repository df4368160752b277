/*
 * Numbers of a 填报 value. A rate (unit '%', or rollup 'rate') is filled as numerator and denominator and its
 * value is numerator ÷ denominator × 100 (2 decimals); a zero denominator has no value ('—'), never NaN or ∞.
 * Rates roll up by recomputing from summed parts — never by averaging rates.
 */
export const isRate = (ind: { unit: string; rollup: string }) => ind.unit === '%' || ind.rollup === 'rate';

/** Counts of things (件/人/次 …) are whole numbers; amounts (万元) and shares may have decimals. */
const WHOLE_UNITS = new Set(['件', '人', '人次', '条', '次', '个', '家', '项', '场', '户', '份', '名', '期']);
export const isWholeUnit = (unit: string) => WHOLE_UNITS.has(unit);

export function rateOf(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || !denominator) return null;
  const v = Math.round((numerator / denominator) * 10000) / 100;
  return Number.isFinite(v) ? v : null;
}

export const num = (v: string | number | null | undefined): number | null =>
  v === null || v === undefined || v === '' ? null : Number(v);

export function display(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (unit === '%') {
    const one = Math.round(value * 10) / 10;
    return `${Number.isInteger(one) ? String(one) : one.toFixed(1)}%`;
  }
  return String(value);
}

/** Differs when both exist and are not equal to 2 decimals. */
export const differ = (a: number | null, b: number | null) =>
  a !== null && b !== null && Math.round(a * 100) !== Math.round(b * 100);
