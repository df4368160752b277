import {
  ENFORCEMENT_FIGURE_DEFINITIONS,
  enforcementFigureDefinitionByCode,
  type EnforcementFigure,
  type EnforcementFigureRecord,
  type EnforcementFiguresResult,
} from '@fazhi/contracts';
import { eq, sql, type SQL } from 'drizzle-orm';
import { escapeLike } from '../../../platform/access/policy';
import type { DbOrTx } from '../../../platform/db/pool';
import { organisations, regions } from '../../../platform/db/schema';
import { AppError } from '../../../platform/errors';
import { trainingHoursRequired } from '../officers/officers.settings';
import { FAMILIES, type FamilyScope, type Measure } from './figures.families';

/*
 * The enforcement figures (DOMAIN.md §4.10) for a region with its whole subtree, or one organisation, over
 * [from, to] (calendar days, inclusive). One SQL statement per family returns only aggregates; a rate keeps
 * its numerator and denominator, so a region's rate is Σ numerators ÷ Σ denominators (never an average). The
 * drill-down lists a figure's records by the same predicate, a page at a time.
 */
export type EnforcementFigureTarget = { regionCode?: string; orgId?: string };
export type EnforcementFigureQuery = EnforcementFigureTarget & { from: string; to: string };

type Resolved = {
  regionCode: string | null;
  orgId: string | null;
  name: string;
  where: FamilyScope['where'];
};

async function resolveTarget(db: DbOrTx, q: EnforcementFigureTarget): Promise<Resolved> {
  if (q.orgId) {
    const [o] = await db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, q.orgId));
    if (!o) throw new AppError('NOT_FOUND', '单位不存在');
    return { regionCode: null, orgId: o.id, name: o.name, where: (orgCol) => sql`${orgCol} = ${o.id}::uuid` };
  }
  const [r] = await db
    .select({ code: regions.code, name: regions.name, path: regions.path })
    .from(regions)
    .where(eq(regions.code, q.regionCode ?? ''));
  if (!r) throw new AppError('NOT_FOUND', '行政区划不存在');
  const prefix = escapeLike(r.path) + '%';
  return {
    regionCode: r.code,
    orgId: null,
    name: r.name,
    where: (_org, path) => sql`${path} like ${prefix}`,
  };
}

/** Families whose tables exist (the other areas' tables may be absent in an older database). */
async function presentFamilies(db: DbOrTx): Promise<{ present: string[]; missing: string[] }> {
  const tables = [...new Set(Object.values(FAMILIES).flatMap((f) => f.tables))];
  const res = await db.execute<{ t: string }>(
    sql`select t from unnest(${sql.param(tables)}::text[]) t where to_regclass(t) is not null`,
  );
  const have = new Set(res.rows.map((r) => r.t));
  const present: string[] = [];
  const missing: string[] = [];
  for (const [name, f] of Object.entries(FAMILIES))
    (f.tables.every((t) => have.has(t)) ? present : missing).push(name);
  return { present, missing };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function figureOf(code: string, num: number, den: number | null, recordCount: number): EnforcementFigure {
  const def = enforcementFigureDefinitionByCode(code);
  if (!def) throw new AppError('NOT_FOUND', '指标不存在');
  let value: number | null = num;
  if (def.shape === 'rate') value = den ? round2((num / den) * 100) : null;
  else if (def.shape === 'ratio') value = den ? round2(num / den) : null;
  else if (def.unit === '万元') value = round2(num / 1_000_000); // numerator in 分
  return {
    code,
    name: def.name,
    unit: def.unit,
    family: def.family,
    value,
    numerator: num,
    denominator: def.shape === 'count' ? null : (den ?? 0),
    recordCount,
    recordKind: def.recordKind,
    definition: def.definition,
    definitionVersion: def.version,
  };
}

async function familyScope(db: DbOrTx, target: Resolved, from: string, to: string): Promise<FamilyScope> {
  return { where: target.where, from, to, trainingHours: await trainingHoursRequired(db) };
}

/** Aggregate columns for one family: per code `<code>__n`, `<code>__d` and `<code>__c` (records listed). */
function aggregateSql(rows: SQL, measures: Record<string, Measure>): SQL {
  const cols = Object.entries(measures).flatMap(([code, m]) => [
    `(${m.num})::float8 as "${code}__n"`,
    `(${m.den ?? 'null'})::float8 as "${code}__d"`,
    `count(*) filter (where ${m.denPred ?? m.pred})::int as "${code}__c"`,
  ]);
  return sql`select ${sql.raw(cols.join(', '))} from (${rows}) r`;
}

export async function computeEnforcementFigures(
  db: DbOrTx,
  q: EnforcementFigureQuery,
): Promise<EnforcementFiguresResult> {
  if (q.from > q.to) throw new AppError('VALIDATION_FAILED', '统计期结束日期不能早于开始日期');
  const target = await resolveTarget(db, q);
  const scope = await familyScope(db, target, q.from, q.to);
  const { present, missing } = await presentFamilies(db);
  const byCode = new Map<string, EnforcementFigure>();
  for (const name of present) {
    const f = FAMILIES[name];
    if (!f) continue;
    const res = await db.execute<Record<string, number | null>>(aggregateSql(f.rows(scope), f.measures));
    const row = res.rows[0] ?? {};
    for (const code of Object.keys(f.measures)) {
      byCode.set(
        code,
        figureOf(
          code,
          Number(row[`${code}__n`] ?? 0),
          row[`${code}__d`] == null ? null : Number(row[`${code}__d`]),
          Number(row[`${code}__c`] ?? 0),
        ),
      );
    }
  }
  return {
    scope: { regionCode: target.regionCode, orgId: target.orgId, name: target.name, from: q.from, to: q.to },
    figures: ENFORCEMENT_FIGURE_DEFINITIONS.map((d) => byCode.get(d.code)).filter(
      (x): x is EnforcementFigure => !!x,
    ),
    missingFamilies: missing,
  };
}

/** The records behind one figure (the denominator's for a rate, with inNumerator), a page at a time. */
export async function enforcementFigureRecordPage(
  db: DbOrTx,
  q: EnforcementFigureQuery,
  code: string,
  page: { page: number; pageSize: number },
): Promise<{ items: EnforcementFigureRecord[]; total: number }> {
  const def = enforcementFigureDefinitionByCode(code);
  const family = def ? FAMILIES[def.family] : undefined;
  const m = family?.measures[code];
  if (!def || !family || !m) throw new AppError('NOT_FOUND', '指标不存在');
  const { missing } = await presentFamilies(db);
  if (missing.includes(def.family)) return { items: [], total: 0 };
  const target = await resolveTarget(db, q);
  const scope = await familyScope(db, target, q.from, q.to);
  const listPred = sql.raw(m.denPred ?? m.pred);
  const numPred = sql.raw(def.shape === 'count' ? 'null::boolean' : `(${m.pred})`);
  const res = await db.execute<{
    id: string;
    title: string;
    org_name: string | null;
    d: string | null;
    in_num: boolean | null;
    total: number;
  }>(sql`
    select r.id, r.title, og.name as org_name, r.d::text as d, ${numPred} as in_num, count(*) over ()::int as total
    from (${family.rows(scope)}) r
    left join organisations og on og.id = r.org_id
    where ${listPred}
    order by r.d desc nulls last, r.id
    limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`);
  return {
    items: res.rows.map((r) => ({
      id: r.id,
      kind: def.recordKind,
      title: r.title ?? '',
      orgName: r.org_name ?? '',
      date: r.d,
      inNumerator: r.in_num,
    })),
    total: res.rows[0]?.total ?? 0,
  };
}

/** Every id behind a figure (tests and exports; bounded by the scope and period). */
export async function enforcementFigureRecordIds(db: DbOrTx, q: EnforcementFigureQuery, code: string) {
  const ids: string[] = [];
  const numeratorIds: string[] = [];
  for (let p = 1; ; p++) {
    const { items } = await enforcementFigureRecordPage(db, q, code, { page: p, pageSize: 200 });
    for (const i of items) {
      ids.push(i.id);
      if (i.inNumerator) numeratorIds.push(i.id);
    }
    if (items.length < 200) return { ids, numeratorIds };
  }
}
