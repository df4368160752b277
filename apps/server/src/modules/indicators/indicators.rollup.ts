import { num, rateOf } from './indicators.format';

/*
 * Roll-up of collected values over a region's organisations (DOMAIN.md §14 rule 10). Counts add up; a rate is
 * recomputed from the summed numerators and denominators — never the average of the organisations' rates;
 * ranks, streaks and texts (rollup 'none') are not aggregated.
 */

export type ValueRow = {
  id: string;
  org_id: string | null;
  region_path: string;
  source: string;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  approx: boolean;
};

export type RolledUp = {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  orgCount: number;
  valueIds: string[];
  approx: boolean;
};

/** The value of one row: a rate given only by its parts is computed from them. */
export function rowValue(r: ValueRow, rollup: string): RolledUp {
  const numerator = num(r.numerator);
  const denominator = num(r.denominator);
  const given = num(r.value);
  const value =
    rollup === 'rate' && numerator !== null && denominator !== null ? rateOf(numerator, denominator) : given;
  return {
    value,
    numerator,
    denominator,
    orgCount: r.org_id ? 1 : 0,
    valueIds: [r.id],
    approx: r.approx,
  };
}

/** One row per organisation (already chosen by source preference) → the region's value. */
export function rollUp(rows: ValueRow[], rollup: string): RolledUp {
  const ids = rows.map((r) => r.id);
  const approx = rows.some((r) => r.approx);
  const orgCount = new Set(rows.map((r) => r.org_id).filter(Boolean)).size;
  const first = rows[0];
  if (rows.length === 1 && first) return rowValue(first, rollup);
  if (rollup === 'sum') {
    const vals = rows.map((r) => num(r.value)).filter((v): v is number => v !== null);
    const value = vals.length ? Math.round(vals.reduce((a, b) => a + b, 0) * 1e6) / 1e6 : null;
    return { value, numerator: null, denominator: null, orgCount, valueIds: ids, approx };
  }
  if (rollup === 'rate') {
    const parts = rows.filter((r) => num(r.numerator) !== null && num(r.denominator) !== null);
    // A rate reported without its parts cannot be combined with others: no value rather than an average.
    if (parts.length !== rows.length)
      return { value: null, numerator: null, denominator: null, orgCount, valueIds: ids, approx };
    const numerator = parts.reduce((a, r) => a + (num(r.numerator) ?? 0), 0);
    const denominator = parts.reduce((a, r) => a + (num(r.denominator) ?? 0), 0);
    return { value: rateOf(numerator, denominator), numerator, denominator, orgCount, valueIds: ids, approx };
  }
  return { value: null, numerator: null, denominator: null, orgCount, valueIds: ids, approx };
}
