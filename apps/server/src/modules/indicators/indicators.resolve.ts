import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { computationOf, type ComputedFigure } from './indicators.computations';
import { displayValue, rateOf } from './indicators.format';
import { periodRange } from './indicators.period';
import { assertIndicatorsExist, type IndicatorRow } from './indicators.repository';
import { rollUp, type RolledUp, type ValueRow } from './indicators.rollup';
import { indicators } from './indicators.tables';
import { eq } from 'drizzle-orm';

/*
 * The value of each indicator for a region (with its whole subtree) or an organisation and a period, from
 * both sources: computed from a module's records, and collected (填报 submissions of the organisations, rolled
 * up; or a value confirmed for the region itself from an imported report). The computed value is the one
 * shown when it counts at least one record; otherwise the collected one. `differs` flags a disagreement.
 */

export type ResolvedValue = {
  code: string;
  name: string;
  unit: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** '—' when no value or a zero denominator; rates as '93.9%'; counts as written '3754558'. */
  display: string;
  approx: boolean;
  definitionVersion: number;
  computed: {
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    /** The records counted (listed by the provenance drill-down). */
    recordCount: number;
    /** Their ids when the module computation reads them; empty otherwise (see recordCount). */
    recordIds: string[];
  } | null;
  collected: {
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    orgCount: number;
    valueIds: string[];
  } | null;
  /** Both present and different. */
  differs: boolean;
};

export type ResolveQuery = { regionCode?: string; orgId?: string; period: string; codes?: string[] };

/** Preference among an organisation's (or the region's own) rows of one indicator. */
const SOURCE_RANK: Record<string, number> = { collected: 0, manual: 1, imported: 2 };

type Subject = { kind: 'region'; code: string; path: string } | { kind: 'org'; id: string; path: string };

async function subjectOf(db: DbOrTx, q: ResolveQuery): Promise<Subject> {
  if (!!q.orgId === !!q.regionCode)
    throw new AppError('VALIDATION_FAILED', '请指定区划或单位（只能选择其一）');
  if (q.orgId) {
    const r = await db.execute<{ region_path: string }>(
      sql`select region_path from organisations where id = ${q.orgId}`,
    );
    const path = r.rows[0]?.region_path;
    if (!path) throw new AppError('NOT_FOUND');
    return { kind: 'org', id: q.orgId, path };
  }
  const r = await db.execute<{ path: string }>(sql`select path from regions where code = ${q.regionCode}`);
  const path = r.rows[0]?.path;
  if (!path) throw new AppError('NOT_FOUND');
  return { kind: 'region', code: q.regionCode as string, path };
}

async function loadCatalogue(db: DbOrTx, codes: string[] | undefined): Promise<IndicatorRow[]> {
  if (codes === undefined) return db.select().from(indicators).where(eq(indicators.active, true));
  const found = await assertIndicatorsExist(db, codes);
  // Derived rates also need their parts.
  const parts = [...found.values()].flatMap((r) =>
    r.kind === 'derived' ? [r.numeratorCode, r.denominatorCode].filter((c): c is string => !!c) : [],
  );
  const more = parts.filter((c) => !found.has(c));
  if (more.length) for (const [k, v] of await assertIndicatorsExist(db, more)) found.set(k, v);
  return [...found.values()];
}

async function computeAll(
  db: DbOrTx,
  rows: IndicatorRow[],
  subject: Subject,
  range: { from: string; to: string },
): Promise<Map<string, Map<string, ComputedFigure>>> {
  const modules = [...new Set(rows.map((r) => r.sourceModule).filter((m): m is string => !!m))];
  const out = new Map<string, Map<string, ComputedFigure>>();
  // Sequential: `db` may be a transaction, whose queries share one connection.
  for (const m of modules) {
    const fn = computationOf(m);
    if (!fn) continue;
    const target = subject.kind === 'org' ? { orgId: subject.id } : { regionCode: subject.code };
    const figures = await fn(db, { ...target, ...range });
    out.set(m, new Map(figures.map((f) => [f.code, f])));
  }
  return out;
}

async function loadValues(
  db: DbOrTx,
  codes: string[],
  subject: Subject,
  period: string,
): Promise<Map<string, (ValueRow & { indicator_code: string })[]>> {
  const where =
    subject.kind === 'org'
      ? sql`v.org_id = ${subject.id}`
      : sql`((v.org_id is not null and v.region_path like ${subject.path.replace(/[\\%_]/g, (c) => `\\${c}`) + '%'})
              or (v.org_id is null and v.region_code = ${subject.code}))`;
  const res = await db.execute<ValueRow & { indicator_code: string }>(sql`
    select v.id, v.indicator_code, v.org_id, v.region_path, v.source, v.value::text as value, v.numerator::text as numerator,
           v.denominator::text as denominator, v.approx
      from indicator_values v
     where v.period = ${period} and v.source in ('collected', 'manual', 'imported')
       and v.indicator_code = any(${sql.param(codes)}::text[]) and ${where}
     order by v.indicator_code, v.updated_at desc, v.id`);
  const by = new Map<string, (ValueRow & { indicator_code: string })[]>();
  for (const r of res.rows) {
    const list = by.get(r.indicator_code) ?? [];
    list.push(r);
    by.set(r.indicator_code, list);
  }
  return by;
}

/**
 * The collected value of a region or an organisation. Per organisation one row (collected before manual before
 * imported). Submissions (collected, manual) of the organisations roll up. An imported value is a figure a
 * published report stated for a whole region (attributed to the issuing organisation), so it is never added to
 * submissions: it stands only when there is no submission, and then only the imported values of the
 * organisations nearest the top of the asked region count (a city's report already includes its counties).
 * Without any, a value entered for the region itself stands.
 */
function collectedOf(rows: ValueRow[], rollup: string): RolledUp | null {
  if (!rows.length) return null;
  const best = new Map<string, ValueRow>();
  for (const r of rows) {
    const key = r.org_id ?? '';
    const cur = best.get(key);
    if (!cur || (SOURCE_RANK[r.source] ?? 9) < (SOURCE_RANK[cur.source] ?? 9)) best.set(key, r);
  }
  const orgRows = [...best.entries()].filter(([k]) => k !== '').map(([, v]) => v);
  const submitted = orgRows.filter((r) => r.source !== 'imported');
  if (submitted.length) return rollUp(submitted, rollup);
  const imported = orgRows.filter((r) => r.source === 'imported');
  if (imported.length) {
    const depth = (r: ValueRow) => r.region_path.split('/').filter(Boolean).length;
    const top = Math.min(...imported.map(depth));
    return rollUp(
      imported.filter((r) => depth(r) === top),
      rollup,
    );
  }
  const own = best.get('');
  return own ? rollUp([own], rollup) : null;
}

const same = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) < 1e-9;

/**
 * Resolved values by indicator code. With `codes`, unknown codes answer 400 UNKNOWN_INDICATOR; without, every
 * active indicator. Callers check scope; this function does not.
 */
export async function resolveIndicatorValues(
  db: DbOrTx,
  q: ResolveQuery,
): Promise<Map<string, ResolvedValue>> {
  const subject = await subjectOf(db, q);
  const range = periodRange(q.period);
  const catalogue = await loadCatalogue(db, q.codes);
  const computed = await computeAll(db, catalogue, subject, range);
  const values = await loadValues(
    db,
    catalogue.map((r) => r.code),
    subject,
    q.period,
  );
  const out = new Map<string, ResolvedValue>();
  const derived: IndicatorRow[] = [];
  for (const ind of catalogue) {
    if (ind.kind === 'derived' && ind.numeratorCode && ind.denominatorCode) {
      derived.push(ind);
      continue;
    }
    const fig = ind.sourceModule
      ? (computed.get(ind.sourceModule)?.get(ind.sourceCode ?? ind.code) ?? null)
      : null;
    const col = collectedOf(values.get(ind.code) ?? [], ind.rollup);
    const c = fig
      ? {
          value: fig.value,
          numerator: fig.numerator,
          denominator: fig.denominator,
          recordCount: fig.recordCount ?? fig.recordIds.length,
          recordIds: fig.recordIds,
        }
      : null;
    const useComputed = c !== null && (c.recordCount > 0 || col === null);
    const chosen = useComputed ? c : col;
    out.set(ind.code, {
      code: ind.code,
      name: ind.name,
      unit: ind.unit,
      value: chosen?.value ?? null,
      numerator: chosen?.numerator ?? null,
      denominator: chosen?.denominator ?? null,
      display: displayValue(chosen?.value ?? null, ind.unit),
      approx: !useComputed && !!col?.approx,
      definitionVersion: ind.definitionVersion,
      computed: c,
      collected: col
        ? {
            value: col.value,
            numerator: col.numerator,
            denominator: col.denominator,
            orgCount: col.orgCount,
            valueIds: col.valueIds,
          }
        : null,
      differs: c !== null && col !== null && !same(c.value, col.value),
    });
  }
  // A derived rate: numerator ÷ denominator of two resolved indicators.
  for (const ind of derived) {
    const n = out.get(ind.numeratorCode as string)?.value ?? null;
    const d = out.get(ind.denominatorCode as string)?.value ?? null;
    const value = rateOf(n, d);
    out.set(ind.code, {
      code: ind.code,
      name: ind.name,
      unit: ind.unit,
      value,
      numerator: n,
      denominator: d,
      display: displayValue(value, ind.unit),
      approx: !!(
        out.get(ind.numeratorCode as string)?.approx || out.get(ind.denominatorCode as string)?.approx
      ),
      definitionVersion: ind.definitionVersion,
      computed: null,
      collected: null,
      differs: false,
    });
  }
  if (q.codes) {
    const wanted = new Set(q.codes);
    for (const k of [...out.keys()]) if (!wanted.has(k)) out.delete(k);
  }
  return out;
}
