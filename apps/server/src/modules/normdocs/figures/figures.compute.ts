import { allOn } from '../../../platform/db/parallel';
import {
  NORMDOC_FIGURE_DEFINITIONS,
  NORMDOC_ISSUED,
  type NormdocFigureDefinition,
  type NormdocFigureRecordKind,
} from '@fazhi/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { escapeLike } from '../../../platform/access/policy';
import type { DbOrTx } from '../../../platform/db/pool';
import { AppError } from '../../../platform/errors';
import { settingsFor } from '../normdocs.settings';

/*
 * The module's figures (DOMAIN.md §1.6), for an organisation or a region with its whole subtree, over a
 * period [from, to] (calendar days, inclusive). Every figure is a predicate over the rows of one figure family
 * (filings, filing reviews, registers, …). One SQL statement per family returns only aggregates
 * (count(*) filter (where …)), grouped by the child region that places each row — the region's figures are
 * the sums of those groups, so a region's rate is always Σ numerators ÷ Σ denominators of its subtree, never
 * an average of its children's rates (DOMAIN.md §14 rule 10: every rate keeps numerator, denominator, unit
 * and 口径 version). The records behind a figure (drill-down) are listed by the same predicate, a page at a
 * time (figureRecordPage); the full id lists are read only on request (withRecordIds).
 */

export type FigureTarget =
  { regionCode: string; orgId?: undefined } | { orgId: string; regionCode?: undefined };
export type FigureQuery = FigureTarget & { from: string; to: string };
export type FigureOptions = {
  /** Also read the ids of every figure's records (recordIds, numeratorIds, recordPaths). Default false. */
  withRecordIds?: boolean;
};

export type Figure = {
  code: string;
  name: string;
  unit: '件' | '%' | '次';
  /** The count, or the rate in percent (2 decimals); null for a rate whose denominator is 0. */
  value: number | null;
  numerator: number;
  /** null for counts. */
  denominator: number | null;
  definition: string;
  definitionVersion: string;
  recordKind: NormdocFigureRecordKind;
  /** How many records the drill-down lists: the denominator's for a rate, the count's otherwise. */
  recordCount: number;
  /**
   * The ids counted: the records of the denominator for a rate, of the count otherwise. Only filled with
   * `withRecordIds` (empty otherwise — the drill-down lists them a page at a time: figureRecordPage).
   */
  recordIds: string[];
  /** For rates: the ids of the numerator (a subset of recordIds); only with `withRecordIds`. */
  numeratorIds: string[];
};

export type ChildFigures = {
  regionCode: string;
  regionName: string;
  path: string;
  own: boolean;
  figures: Figure[];
};

export type FiguresResult = {
  scope: {
    regionCode: string | null;
    orgId: string | null;
    name: string;
    path: string;
    from: string;
    to: string;
    timelinessBase: 'filed' | 'due';
  };
  figures: Figure[];
  byChildRegion: ChildFigures[];
  /** Record id → region path of the record (drill-down by child region); only with `withRecordIds`. */
  recordPaths: Map<string, string>;
};

type Family =
  | 'filings'
  | 'prior'
  | 'subordinate'
  | 'unfiled'
  | 'registers'
  | 'register_samples'
  | 'cleanup'
  | 'interpretation'
  | 'comments'
  | 'evaluations'
  | 'fair_competition';

type Scope = { path: string } | { orgId: string };
type Period = { from: string; to: string };

const issuedList = sql.raw(NORMDOC_ISSUED.map((s) => `'${s}'`).join(','));

/** Where-clause on a table alias's region path or organisation column. */
function scopeOn(alias: string, target: Scope, orgCol = 'org_id'): SQL {
  return 'orgId' in target
    ? sql`${sql.raw(`${alias}.${orgCol}`)} = ${target.orgId}`
    : sql`${sql.raw(`${alias}.region_path`)} like ${escapeLike(target.path) + '%'}`;
}

/**
 * The rows of a family that can count, with `id`, `rp` (the region path that places the row), the columns
 * the figures test, and o1…o3 (the drill-down order).
 */
function source(family: Family, target: Scope, { from, to }: Period): SQL {
  const between = (col: string) => sql`${sql.raw(col)} between ${from}::date and ${to}::date`;
  switch (family) {
    // Submitting side: the filing organ's region (normdoc_filings.region_path / org_id).
    case 'filings':
      return sql`
        select f.id, f.region_path as rp, f.recipient_kind, f.submitted_on, f.due_date, f.review_result,
               f.reviewed_on, coalesce(f.submitted_on, f.due_date) as o1, f.id as o2, null::int as o3
          from normdoc_filings f
         where ${scopeOn('f', target)}
           and (${between('f.submitted_on')} or ${between('f.due_date')} or ${between('f.reviewed_on')})`;
    // 前置合法性审查: documents adopted by collective deliberation in the period (国办发〔2018〕37号 (六)).
    case 'prior':
      return sql`
        select d.id, d.region_path as rp,
               exists (select 1 from normdoc_legality_reviews lr
                        where lr.doc_id = d.id and lr.opinion in ('lawful', 'lawful_after_revision')
                          and lr.completed_on is not null and lr.completed_on <= dl.deliberated_on) as reviewed,
               dl.deliberated_on as o1, d.id as o2, null::int as o3
          from (select p.doc_id, min(coalesce(p.ended_on, p.started_on)) as deliberated_on
                  from normdoc_procedures p
                 where p.kind = 'deliberation' and p.outcome = 'adopted'
                   and ${between('coalesce(p.ended_on, p.started_on)')}
                 group by p.doc_id) dl
          join normdocs d on d.id = dl.doc_id
         where ${scopeOn('d', target)}`;
    // Receiving side: the reviewing organ's region (normdoc_filing_reviews.region_path / reviewer_org_id).
    case 'subordinate':
      return sql`
        select r.id, r.region_path as rp, coalesce(r.corrected, false) as corrected,
               r.reviewed_on as o1, r.id as o2, null::int as o3
          from normdoc_filing_reviews r
         where ${scopeOn('r', target, 'reviewer_org_id')} and ${between('r.reviewed_on')}`;
    case 'unfiled':
      return sql`
        select u.id, u.region_path as rp, u.found_on as o1, u.id as o2, null::int as o3
          from normdoc_unfiled_findings u
         where ${scopeOn('u', target)} and ${between('u.found_on')}`;
    // One register per organisation counts once for register_orgs (its first register in the period).
    case 'registers':
      return sql`
        select g.id, g.region_path as rp, g.entry_count,
               (select count(*) from normdoc_register_entries e
                 where e.register_id = g.id and e.sampled)::int as sampled_count,
               row_number() over (partition by g.org_id order by g.created_at, g.id) = 1 as first_of_org,
               g.created_at as o1, g.id as o2, null::int as o3
          from normdoc_registers g
         where ${scopeOn('g', target)} and ${between("(g.created_at at time zone 'Asia/Shanghai')::date")}`;
    case 'register_samples':
      return sql`
        select e.id, g.region_path as rp, g.created_at as o1, g.id as o2, e.seq as o3
          from normdoc_registers g join normdoc_register_entries e on e.register_id = g.id and e.sampled
         where ${scopeOn('g', target)} and ${between("(g.created_at at time zone 'Asia/Shanghai')::date")}`;
    // 清理结果: decided campaigns; each item placed by its document's organisation.
    case 'cleanup':
      return sql`
        select i.campaign_id::text || ':' || i.doc_id::text as id, d.region_path as rp, i.result,
               c.decision_date as o1, c.id as o2, d.title as o3
          from normdoc_cleanup_campaigns c
          join normdoc_cleanup_items i on i.campaign_id = c.id
          join normdocs d on d.id = i.doc_id
         where c.status in ('decided', 'applied') and ${between('c.decision_date')}
           and i.result is not null and ${scopeOn('d', target)}`;
    case 'interpretation':
      return sql`
        select d.id, d.region_path as rp, (d.interpretation_published_on is not null) as interpreted,
               d.published_on as o1, d.id as o2, null::int as o3
          from normdocs d
         where ${scopeOn('d', target)} and d.status in (${issuedList}) and d.interpretation_required
           and ${between('d.published_on')}`;
    case 'comments':
      return sql`
        select c.id, d.region_path as rp, coalesce(c.adopted, false) as adopted,
               c.submitted_at as o1, c.id as o2, null::int as o3
          from normdoc_comments c join normdocs d on d.id = c.doc_id
         where ${scopeOn('d', target)}
           and ${between("(c.submitted_at at time zone 'Asia/Shanghai')::date")}`;
    case 'evaluations':
      return sql`
        select e.id, d.region_path as rp, e.report_on as o1, e.id as o2, null::int as o3
          from normdoc_evaluations e join normdocs d on d.id = e.doc_id
         where ${scopeOn('d', target)} and ${between('e.report_on')}`;
    case 'fair_competition':
      return sql`
        select p.id, d.region_path as rp, p.ended_on as o1, p.id as o2, null::int as o3
          from normdoc_procedures p join normdocs d on d.id = p.doc_id
         where p.kind = 'fair_competition' and ${between('p.ended_on')} and ${scopeOn('d', target)}`;
  }
}

/** One figure as predicates over its family's rows `s`. */
type Spec = {
  family: Family;
  /** The rows counted (a count) or the denominator (a rate). */
  where: SQL;
  /** For rates: the numerator (a subset of `where`). */
  num?: SQL;
  /** A count that sums a column of the rows instead of counting them. */
  sum?: 'entry_count' | 'sampled_count';
  /** The records the drill-down lists, when not the rows of `where`. */
  drill?: { family: Family; where: SQL };
  /** Counts only the rows of the asked level itself (`level`), not of its sub-regions. */
  ownLevel?: boolean;
};

/** Recipients a government (or its department) files its own documents with: upward filing (向上报备). */
const UPWARD = sql.raw(`('superior_government', 'same_level_congress', 'superior_department')`);

/**
 * Every figure's predicates. `level`: the rows of the asked level itself — for a region, organisations whose
 * region path is the region's own (not a sub-region's); for an organisation, its own rows.
 */
function specs(p: Period, base: 'filed' | 'due', level: SQL): Map<string, Spec> {
  const bw = (col: string) => sql`${sql.raw(col)} between ${p.from}::date and ${p.to}::date`;
  const submitted = bw('s.submitted_on');
  const due = bw('s.due_date');
  const reviewed = sql`(${bw('s.reviewed_on')} and s.review_result is not null)`;
  const onTime = sql`(s.submitted_on is not null and s.submitted_on <= s.due_date)`;
  const filedByEnd = sql`(s.submitted_on is not null and s.submitted_on <= ${p.to}::date)`;
  const passed = sql`s.review_result = 'passed'`;
  const upward = sql`(s.recipient_kind in ${UPWARD} and ${level})`;
  const all = sql`true`;
  const m = new Map<string, Spec>();
  const f = (code: string, spec: Spec) => m.set(code, spec);
  f('filed_total', { family: 'filings', where: submitted });
  for (const k of [
    'superior_government',
    'same_level_congress',
    'same_level_government',
    'superior_department',
  ])
    f(`filed_${k}`, { family: 'filings', where: sql`(${submitted} and s.recipient_kind = ${k})` });
  f('filing_rate', { family: 'filings', where: due, num: filedByEnd });
  f('timeliness_rate', { family: 'filings', where: base === 'filed' ? submitted : due, num: onTime });
  f('lawful_rate', { family: 'filings', where: reviewed, num: passed });
  f('filed_upward', { family: 'filings', where: sql`(${submitted} and ${upward})`, ownLevel: true });
  f('filing_rate_upward', {
    family: 'filings',
    where: sql`(${due} and ${upward})`,
    num: filedByEnd,
    ownLevel: true,
  });
  f('timeliness_rate_upward', {
    family: 'filings',
    where: sql`(${base === 'filed' ? submitted : due} and ${upward})`,
    num: onTime,
    ownLevel: true,
  });
  f('lawful_rate_upward', {
    family: 'filings',
    where: sql`(${reviewed} and ${upward})`,
    num: passed,
    ownLevel: true,
  });
  f('prior_review_rate', { family: 'prior', where: all, num: sql`s.reviewed` });
  f('subordinate_reviewed', { family: 'subordinate', where: all });
  f('subordinate_corrected', { family: 'subordinate', where: sql`s.corrected` });
  f('correction_rate', { family: 'subordinate', where: all, num: sql`s.corrected` });
  f('unfiled_found', { family: 'unfiled', where: all });
  f('register_orgs', { family: 'registers', where: sql`s.first_of_org` });
  f('register_entries', {
    family: 'registers',
    where: all,
    sum: 'entry_count',
    drill: { family: 'registers', where: sql`s.entry_count > 0` },
  });
  f('register_samples', {
    family: 'registers',
    where: all,
    sum: 'sampled_count',
    drill: { family: 'register_samples', where: all },
  });
  for (const res of ['keep', 'amend', 'repeal', 'declare_invalid', 'remove_from_catalog'])
    f(`cleanup_${res}`, { family: 'cleanup', where: sql`s.result = ${res}` });
  f('interpretation_rate', { family: 'interpretation', where: all, num: sql`s.interpreted` });
  f('comments_received', { family: 'comments', where: all });
  f('comments_adopted', { family: 'comments', where: sql`s.adopted` });
  f('post_evaluations', { family: 'evaluations', where: all });
  f('fair_competition_reviews', { family: 'fair_competition', where: all });
  return m;
}

/** numerator, denominator (rates) and the number of records listed by the drill-down. */
type Counts = { num: number; den: number | null; records: number };
const ZERO = (spec: Spec): Counts => ({ num: 0, den: spec.num ? 0 : null, records: 0 });

/** The aggregate columns of one spec (n, d, r) over `s`. */
function aggregates(spec: Spec): SQL[] {
  const cnt = (w: SQL) => sql`count(*) filter (where ${w})`;
  if (spec.num) return [cnt(sql`${spec.where} and ${spec.num}`), cnt(spec.where), sql`null::bigint`];
  if (spec.sum) {
    const col = sql.raw(`s.${spec.sum}`);
    const n = sql`coalesce(sum(${col}) filter (where ${spec.where}), 0)`;
    // The records listed: registers with entries (register_entries), the sampled entries (register_samples).
    const r = spec.sum === 'entry_count' ? cnt(sql`${spec.where} and s.entry_count > 0`) : n;
    return [n, sql`null::bigint`, r];
  }
  return [cnt(spec.where), sql`null::bigint`, sql`null::bigint`];
}

type Resolved = {
  name: string;
  path: string;
  scope: Scope;
  children: { code: string; name: string; path: string }[];
};

async function resolveTarget(db: DbOrTx, q: FigureQuery): Promise<Resolved> {
  if (q.from > q.to) throw new AppError('VALIDATION_FAILED', '开始日期不能晚于结束日期');
  if (q.orgId) {
    const res = await db.execute<{ name: string; region_path: string }>(
      sql`select name, region_path from organisations where id = ${q.orgId}`,
    );
    const org = res.rows[0];
    if (!org) throw new AppError('NOT_FOUND');
    return { name: org.name, path: org.region_path, scope: { orgId: q.orgId }, children: [] };
  }
  const [region, children] = await Promise.all([
    db
      .execute<{ name: string; path: string }>(
        sql`select name, path from regions where code = ${q.regionCode}`,
      )
      .then((r) => r.rows[0]),
    db
      .execute<{
        code: string;
        name: string;
        path: string;
      }>(sql`select code, name, path from regions where parent_code = ${q.regionCode} order by code`)
      .then((r) => r.rows),
  ]);
  if (!region) throw new AppError('NOT_FOUND');
  return { name: region.name, path: region.path, scope: { path: region.path }, children };
}

/** The path of the level that places `s.rp` right below the asked region (the region's own path for its own rows). */
function bucketOf(scope: Scope): SQL {
  if ('orgId' in scope) return sql`''`;
  const len = scope.path.length;
  return sql`left(s.rp, ${len}::int + strpos(substr(s.rp, ${len + 1}::int), '/'))`;
}

/** Per family: bucket → per figure code → counts. */
async function aggregate(
  db: DbOrTx,
  scope: Scope,
  period: Period,
  all: Map<string, Spec>,
): Promise<Map<string, Map<string, Counts>>> {
  const byFamily = new Map<Family, [string, Spec][]>();
  for (const [code, spec] of all)
    byFamily.set(spec.family, [...(byFamily.get(spec.family) ?? []), [code, spec]]);
  const out = new Map<string, Map<string, Counts>>();
  await allOn(
    db,
    [...byFamily].map(([family, list]) => async () => {
      const cols = list.flatMap(([, spec], i) =>
        aggregates(spec).map((a, j) => sql`${a} as ${sql.raw(`"c${i}_${j}"`)}`),
      );
      const res = await db.execute<Record<string, string | null>>(sql`
        select ${bucketOf(scope)} as bucket, ${sql.join(cols, sql`, `)}
          from (${source(family, scope, period)}) s
         group by 1`);
      for (const row of res.rows) {
        const bucket = String(row.bucket);
        const m = out.get(bucket) ?? new Map<string, Counts>();
        out.set(bucket, m);
        list.forEach(([code, spec], i) => {
          const n = Number(row[`c${i}_0`] ?? 0);
          const d = spec.num ? Number(row[`c${i}_1`] ?? 0) : null;
          const r = row[`c${i}_2`];
          m.set(code, { num: n, den: d, records: r === null || r === undefined ? (d ?? n) : Number(r) });
        });
      }
    }),
  );
  return out;
}

function toFigure(def: NormdocFigureDefinition, c: Counts, ids?: { all: string[]; num: string[] }): Figure {
  const value = c.den === null ? c.num : c.den === 0 ? null : Math.round((c.num / c.den) * 10000) / 100;
  return {
    code: def.code,
    name: def.name,
    unit: def.unit,
    value,
    numerator: c.num,
    denominator: c.den,
    definition: def.definition,
    definitionVersion: def.version,
    recordKind: def.recordKind,
    recordCount: c.records,
    recordIds: ids?.all ?? [],
    numeratorIds: ids && c.den !== null ? ids.num : [],
  };
}

/** The sum of the counts of the buckets kept (for an ownLevel figure: only `ownBucket`, when given). */
function sumBuckets(
  buckets: Map<string, Map<string, Counts>>,
  keep: (bucket: string) => boolean,
  ownBucket: string | null,
  all: Map<string, Spec>,
  ids?: Map<string, { all: string[]; num: string[] }>,
): Figure[] {
  return NORMDOC_FIGURE_DEFINITIONS.map((def) => {
    const spec = all.get(def.code) as Spec;
    const c = ZERO(spec);
    for (const [b, m] of buckets) {
      if (!keep(b) || (spec.ownLevel && ownBucket !== null && b !== ownBucket)) continue;
      const x = m.get(def.code);
      if (!x) continue;
      c.num += x.num;
      if (c.den !== null) c.den += x.den ?? 0;
      c.records += x.records;
    }
    return toFigure(def, c, ids?.get(def.code));
  });
}

/** The rows listed by a figure's drill-down, as SQL over `s` (ids, the region path, in the numerator). */
function drillOf(spec: Spec, scope: Scope, period: Period, extra: SQL, tail: SQL = sql``): SQL {
  const family = spec.drill?.family ?? spec.family;
  const where = spec.drill?.where ?? spec.where;
  return sql`
    select s.id::text as id, s.rp, ${spec.num ?? sql`null::boolean`} as in_num
      from (${source(family, scope, period)}) s
     where ${where} and ${extra}
     order by s.o1, s.o2, s.o3 ${tail}`;
}

/**
 * The figures of a region (with every organisation of its subtree) or of one organisation over [from, to],
 * with a breakdown by child region (regions only). Callers check scope; this function does not.
 * Other modules (the annual report) call it through the module's index.ts.
 */
export async function computeNormdocFigures(
  db: DbOrTx,
  q: FigureQuery,
  opts: FigureOptions = {},
): Promise<FiguresResult> {
  const t = await resolveTarget(db, q);
  const period = { from: q.from, to: q.to };
  const settings = await settingsFor(db, t.path);
  const base = settings.timelinessBase;
  const isOrg = 'orgId' in t.scope;
  const all = specs(period, base, isOrg ? sql`true` : sql`s.rp = ${bucketOf(t.scope)}`);
  const buckets = await aggregate(db, t.scope, period, all);

  let ids: Map<string, { all: string[]; num: string[] }> | undefined;
  const recordPaths = new Map<string, string>();
  if (opts.withRecordIds) {
    const top = specs(period, base, isOrg ? sql`true` : sql`s.rp = ${t.path}`);
    ids = new Map();
    await allOn(
      db,
      [...top].map(([code, spec]) => async () => {
        const res = await db.execute<{ id: string; rp: string; in_num: boolean | null }>(
          drillOf(spec, t.scope, period, sql`true`),
        );
        const uniq = (a: string[]) => [...new Set(a)];
        ids?.set(code, {
          all: uniq(res.rows.map((r) => r.id)),
          num: uniq(res.rows.filter((r) => r.in_num).map((r) => r.id)),
        });
        for (const r of res.rows) recordPaths.set(r.id, r.rp);
      }),
    );
  }

  const childPaths = new Set(t.children.map((c) => c.path));
  const ownBucket = isOrg ? null : t.path;
  const byChildRegion: ChildFigures[] = t.children.map((c) => ({
    regionCode: c.code,
    regionName: c.name,
    path: c.path,
    own: false,
    figures: sumBuckets(buckets, (b) => b === c.path, null, all),
  }));
  if (!isOrg && t.children.length)
    byChildRegion.unshift({
      regionCode: q.regionCode as string,
      regionName: `${t.name}本级`,
      path: t.path,
      own: true,
      figures: sumBuckets(buckets, (b) => !childPaths.has(b), ownBucket, all),
    });
  return {
    scope: {
      regionCode: q.orgId ? null : (q.regionCode ?? null),
      orgId: q.orgId ?? null,
      name: t.name,
      path: t.path,
      from: q.from,
      to: q.to,
      timelinessBase: base,
    },
    figures: sumBuckets(buckets, () => true, ownBucket, all, ids),
    byChildRegion,
    recordPaths,
  };
}

/**
 * A page of the records behind figures (drill-down): the records of the denominator for a rate (each marked
 * whether in the numerator), of the count otherwise; optionally only those of one child region of the
 * breakdown (or of the region's own organisations, childRegionCode = the region's code). Several codes (of one
 * family, all counts) list the records of any of them (e.g. every cleanup outcome).
 */
export async function figureRecordPage(
  db: DbOrTx,
  q: FigureQuery,
  codes: string[],
  page: { page: number; pageSize: number; childRegionCode?: string },
): Promise<{ ids: string[]; numeratorIds: Set<string> | null; total: number }> {
  const t = await resolveTarget(db, q);
  const period = { from: q.from, to: q.to };
  const base = (await settingsFor(db, t.path)).timelinessBase;
  let extra = sql`true`;
  let levelPath = t.path;
  if (page.childRegionCode) {
    // A row of the breakdown: a child region, or the region's own organisations (only beside children).
    const own = t.children.length > 0 && page.childRegionCode === q.regionCode;
    const child = t.children.find((c) => c.code === page.childRegionCode);
    if (!own && !child) throw new AppError('NOT_FOUND');
    if (child) {
      levelPath = child.path;
      extra = sql`s.rp like ${escapeLike(child.path) + '%'}`;
    } else {
      const patterns = t.children.map((c) => escapeLike(c.path) + '%');
      extra = sql`not (s.rp like any(${sql.param(patterns)}::text[]))`;
    }
  }
  const all = specs(period, base, 'orgId' in t.scope ? sql`true` : sql`s.rp = ${levelPath}`);
  const list = codes.map((c) => all.get(c)).filter((s): s is Spec => !!s);
  if (!list.length) return { ids: [], numeratorIds: null, total: 0 };
  const first = list[0] as Spec;
  const spec: Spec =
    list.length === 1
      ? first
      : {
          family: first.family,
          where: sql`(${sql.join(
            list.map((s) => sql`(${s.where})`),
            sql` or `,
          )})`,
        };
  const rows = db.execute<{ id: string; rp: string; in_num: boolean | null }>(
    drillOf(
      spec,
      t.scope,
      period,
      extra,
      sql`limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`,
    ),
  );
  const total = db.execute<{ n: string }>(
    sql`select count(*) as n from (${drillOf(spec, t.scope, period, extra)}) x`,
  );
  const [r, n] = await Promise.all([rows, total]);
  return {
    ids: r.rows.map((x) => x.id),
    numeratorIds: spec.num ? new Set(r.rows.filter((x) => x.in_num).map((x) => x.id)) : null,
    total: Number(n.rows[0]?.n ?? 0),
  };
}
