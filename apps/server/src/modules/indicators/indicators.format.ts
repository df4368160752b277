/*
 * How a value is computed and shown. A rate is numerator ÷ denominator × 100 (kept to 2 decimals, shown with
 * one: '93.9%', '100%'); a zero denominator has no value and shows '—', never NaN or ∞ (DOMAIN.md §14 rule 10:
 * every rate keeps its numerator and denominator).
 */

export const isRateUnit = (unit: string) => unit === '%';

/** numerator ÷ denominator × 100, rounded to 2 decimals; null for a missing or zero denominator. */
export function rateOf(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || !Number.isFinite(numerator) || !denominator) return null;
  const v = Math.round((numerator / denominator) * 10000) / 100;
  return Number.isFinite(v) ? v : null;
}

/** '—' without a value; rates with one decimal and '%'; counts as written (no thousands separators). */
export function displayValue(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (isRateUnit(unit)) {
    const one = Math.round(value * 10) / 10;
    return `${Number.isInteger(one) ? String(one) : one.toFixed(1)}%`;
  }
  return String(value);
}

/** numeric columns come back from pg as strings. */
export const num = (v: string | number | null | undefined): number | null =>
  v === null || v === undefined || v === '' ? null : Number(v);
