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
 * period [from, to] (calendar days, inclusive). One set-based SQL per figure family returns the records that
 * can count (id, the region path that places them, the flags a figure tests); the figures are then counted
 * in Node from those rows — for the region and for each child region from the same rows — so a region's
 * rate is always Σ numerators ÷ Σ denominators of its subtree, never an average of its children's rates
 * (DOMAIN.md §14 rule 10: every rate keeps numerator, denominator, unit and 口径 version).
 */

export type FigureTarget =
  { regionCode: string; orgId?: undefined } | { orgId: string; regionCode?: undefined };
export type FigureQuery = FigureTarget & { from: string; to: string };

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
  /** The ids counted: the records of the denominator for a rate, of the count otherwise (drill-down). */
  recordIds: string[];
  /** For rates: the ids of the numerator (a subset of recordIds). */
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
  /** Record id → region path of the record (drill-down by child region). */
  recordPaths: Map<string, string>;
};

type Row = { id: string; rp: string };
type FilingRow = Row & {
  recipient_kind: string;
  submitted_on: string | null;
  due_date: string;
  review_result: string | null;
  reviewed_on: string | null;
};
type Rows = {
  filings: FilingRow[];
  prior: (Row & { reviewed: boolean })[];
  subordinate: (Row & { corrected: boolean })[];
  unfiled: Row[];
  registers: (Row & { org_id: string; entry_count: number; sampled_ids: string[] })[];
  cleanup: (Row & { result: string })[];
  interpretation: (Row & { interpreted: boolean })[];
  comments: (Row & { adopted: boolean })[];
  evaluations: Row[];
  fairCompetition: Row[];
};

const issuedList = sql.raw(NORMDOC_ISSUED.map((s) => `'${s}'`).join(','));

/** Where-clause on a table alias's region path or organisation column. */
function scopeOn(alias: string, target: { path: string } | { orgId: string }, orgCol = 'org_id'): SQL {
  return 'orgId' in target
    ? sql`${sql.raw(`${alias}.${orgCol}`)} = ${target.orgId}`
    : sql`${sql.raw(`${alias}.region_path`)} like ${escapeLike(target.path) + '%'}`;
}

async function loadRows(
  db: DbOrTx,
  target: { path: string } | { orgId: string },
  from: string,
  to: string,
): Promise<Rows> {
  const between = (col: string) => sql`${sql.raw(col)} between ${from}::date and ${to}::date`;
  const q = <T extends Record<string, unknown>>(s: SQL) => db.execute<T>(s).then((r) => r.rows);
  const [
    filings,
    prior,
    subordinate,
    unfiled,
    registers,
    cleanup,
    interpretation,
    comments,
    evaluations,
    fairCompetition,
  ] = await Promise.all([
    // Submitting side: the filing organ's region (normdoc_filings.region_path / org_id).
    q<FilingRow>(sql`
      select f.id, f.region_path as rp, f.recipient_kind, f.submitted_on, f.due_date, f.review_result, f.reviewed_on
        from normdoc_filings f
       where ${scopeOn('f', target)}
         and (${between('f.submitted_on')} or ${between('f.due_date')} or ${between('f.reviewed_on')})
       order by coalesce(f.submitted_on, f.due_date), f.id`),
    // 前置合法性审查: documents adopted by collective deliberation in the period (国办发〔2018〕37号 (六)).
    q<Row & { reviewed: boolean }>(sql`
      select d.id, d.region_path as rp,
             exists (select 1 from normdoc_legality_reviews lr
                      where lr.doc_id = d.id and lr.opinion in ('lawful', 'lawful_after_revision')
                        and lr.completed_on is not null and lr.completed_on <= dl.deliberated_on) as reviewed
        from (select p.doc_id, min(coalesce(p.ended_on, p.started_on)) as deliberated_on
                from normdoc_procedures p
               where p.kind = 'deliberation' and p.outcome = 'adopted'
                 and ${between('coalesce(p.ended_on, p.started_on)')}
               group by p.doc_id) dl
        join normdocs d on d.id = dl.doc_id
       where ${scopeOn('d', target)}
       order by dl.deliberated_on, d.id`),
    // Receiving side: the reviewing organ's region (normdoc_filing_reviews.region_path / reviewer_org_id).
    q<Row & { corrected: boolean }>(sql`
      select r.id, r.region_path as rp, coalesce(r.corrected, false) as corrected
        from normdoc_filing_reviews r
       where ${scopeOn('r', target, 'reviewer_org_id')} and ${between('r.reviewed_on')}
       order by r.reviewed_on, r.id`),
    q<Row>(sql`
      select u.id, u.region_path as rp from normdoc_unfiled_findings u
       where ${scopeOn('u', target)} and ${between('u.found_on')}
       order by u.found_on, u.id`),
    q<Row & { org_id: string; entry_count: number; sampled_ids: string[] }>(sql`
      select g.id, g.region_path as rp, g.org_id, g.entry_count,
             array(select e.id::text from normdoc_register_entries e
                    where e.register_id = g.id and e.sampled order by e.seq) as sampled_ids
        from normdoc_registers g
       where ${scopeOn('g', target)} and ${between("(g.created_at at time zone 'Asia/Shanghai')::date")}
       order by g.created_at, g.id`),
    // 清理结果: decided campaigns; each item placed by its document's organisation.
    q<Row & { result: string }>(sql`
      select i.campaign_id::text || ':' || i.doc_id::text as id, d.region_path as rp, i.result
        from normdoc_cleanup_campaigns c
        join normdoc_cleanup_items i on i.campaign_id = c.id
        join normdocs d on d.id = i.doc_id
       where c.status in ('decided', 'applied') and ${between('c.decision_date')}
         and i.result is not null and ${scopeOn('d', target)}
       order by c.decision_date, c.id, d.title`),
    q<Row & { interpreted: boolean }>(sql`
      select d.id, d.region_path as rp, (d.interpretation_published_on is not null) as interpreted
        from normdocs d
       where ${scopeOn('d', target)} and d.status in (${issuedList}) and d.interpretation_required
         and ${between('d.published_on')}
       order by d.published_on, d.id`),
    q<Row & { adopted: boolean }>(sql`
      select c.id, d.region_path as rp, coalesce(c.adopted, false) as adopted
        from normdoc_comments c join normdocs d on d.id = c.doc_id
       where ${scopeOn('d', target)}
         and ${between("(c.submitted_at at time zone 'Asia/Shanghai')::date")}
       order by c.submitted_at, c.id`),
    q<Row>(sql`
      select e.id, d.region_path as rp from normdoc_evaluations e join normdocs d on d.id = e.doc_id
       where ${scopeOn('d', target)} and ${between('e.report_on')}
       order by e.report_on, e.id`),
    q<Row>(sql`
      select p.id, d.region_path as rp from normdoc_procedures p join normdocs d on d.id = p.doc_id
       where p.kind = 'fair_competition' and ${between('p.ended_on')} and ${scopeOn('d', target)}
       order by p.ended_on, p.id`),
  ]);
  return {
    filings,
    prior,
    subordinate,
    unfiled,
    registers: registers.map((r) => ({ ...r, entry_count: Number(r.entry_count) })),
    cleanup,
    interpretation,
    comments,
    evaluations,
    fairCompetition,
  };
}

type Counted = { num: string[]; den: string[] | null };
const ids = (rows: Row[]) => rows.map((r) => r.id);
const count = (rows: Row[]): Counted => ({ num: ids(rows), den: null });
const rate = <T extends Row>(den: T[], inNum: (r: T) => boolean): Counted => ({
  num: ids(den.filter(inNum)),
  den: ids(den),
});

/** Every figure's counted ids from the family rows (the same function for the region and each child). */
function countAll(rows: Rows, from: string, to: string, base: 'filed' | 'due'): Map<string, Counted> {
  const within = (d: string | null) => d !== null && d >= from && d <= to;
  const submitted = rows.filings.filter((f) => within(f.submitted_on));
  const due = rows.filings.filter((f) => within(f.due_date));
  const reviewed = rows.filings.filter((f) => within(f.reviewed_on) && f.review_result !== null);
  const byRecipient = (k: string) => count(submitted.filter((f) => f.recipient_kind === k));
  const onTime = (f: FilingRow) => f.submitted_on !== null && f.submitted_on <= f.due_date;
  const m = new Map<string, Counted>();
  m.set('filed_total', count(submitted));
  for (const k of [
    'superior_government',
    'same_level_congress',
    'same_level_government',
    'superior_department',
  ])
    m.set(`filed_${k}`, byRecipient(k));
  m.set(
    'filing_rate',
    rate(due, (f) => f.submitted_on !== null && f.submitted_on <= to),
  );
  m.set('timeliness_rate', base === 'filed' ? rate(submitted, onTime) : rate(due, onTime));
  m.set(
    'lawful_rate',
    rate(reviewed, (f) => f.review_result === 'passed'),
  );
  m.set(
    'prior_review_rate',
    rate(rows.prior, (r) => r.reviewed),
  );
  m.set('subordinate_reviewed', count(rows.subordinate));
  m.set('subordinate_corrected', count(rows.subordinate.filter((r) => r.corrected)));
  m.set(
    'correction_rate',
    rate(rows.subordinate, (r) => r.corrected),
  );
  m.set('unfiled_found', count(rows.unfiled));
  // One register per organisation counts once (the organisation's first register in the period).
  const firstPerOrg = rows.registers.filter((r, i, a) => a.findIndex((x) => x.org_id === r.org_id) === i);
  m.set('register_orgs', count(firstPerOrg));
  m.set('register_entries', {
    num: rows.registers.flatMap((r) => Array<string>(r.entry_count).fill(r.id)),
    den: null,
  });
  m.set('register_samples', { num: rows.registers.flatMap((r) => r.sampled_ids), den: null });
  for (const res of ['keep', 'amend', 'repeal', 'declare_invalid', 'remove_from_catalog'])
    m.set(`cleanup_${res}`, count(rows.cleanup.filter((c) => c.result === res)));
  m.set(
    'interpretation_rate',
    rate(rows.interpretation, (r) => r.interpreted),
  );
  m.set('comments_received', count(rows.comments));
  m.set('comments_adopted', count(rows.comments.filter((c) => c.adopted)));
  m.set('post_evaluations', count(rows.evaluations));
  m.set('fair_competition_reviews', count(rows.fairCompetition));
  return m;
}

function toFigure(def: NormdocFigureDefinition, c: Counted): Figure {
  const numerator = c.num.length;
  const denominator = c.den === null ? null : c.den.length;
  const value =
    denominator === null
      ? numerator
      : denominator === 0
        ? null
        : Math.round((numerator / denominator) * 10000) / 100;
  const uniq = (a: string[]) => [...new Set(a)];
  return {
    code: def.code,
    name: def.name,
    unit: def.unit,
    value,
    numerator,
    denominator,
    definition: def.definition,
    definitionVersion: def.version,
    recordKind: def.recordKind,
    recordIds: uniq(c.den ?? c.num),
    numeratorIds: c.den === null ? [] : uniq(c.num),
  };
}

function figuresOf(rows: Rows, from: string, to: string, base: 'filed' | 'due'): Figure[] {
  const m = countAll(rows, from, to, base);
  return NORMDOC_FIGURE_DEFINITIONS.map((def) => toFigure(def, m.get(def.code) ?? { num: [], den: null }));
}

function filterRows(rows: Rows, keep: (rp: string) => boolean): Rows {
  const f = <T extends Row>(a: T[]) => a.filter((r) => keep(r.rp));
  return {
    filings: f(rows.filings),
    prior: f(rows.prior),
    subordinate: f(rows.subordinate),
    unfiled: f(rows.unfiled),
    registers: f(rows.registers),
    cleanup: f(rows.cleanup),
    interpretation: f(rows.interpretation),
    comments: f(rows.comments),
    evaluations: f(rows.evaluations),
    fairCompetition: f(rows.fairCompetition),
  };
}

/**
 * The figures of a region (with every organisation of its subtree) or of one organisation over [from, to],
 * with a breakdown by child region (regions only). Callers check scope; this function does not.
 * Other modules (the annual report) call it through the module's index.ts.
 */
export async function computeNormdocFigures(db: DbOrTx, q: FigureQuery): Promise<FiguresResult> {
  if (q.from > q.to) throw new AppError('VALIDATION_FAILED', '开始日期不能晚于结束日期');
  let name: string;
  let path: string;
  let target: { path: string } | { orgId: string };
  if (q.orgId) {
    const res = await db.execute<{ name: string; region_path: string }>(
      sql`select name, region_path from organisations where id = ${q.orgId}`,
    );
    const org = res.rows[0];
    if (!org) throw new AppError('NOT_FOUND');
    name = org.name;
    path = org.region_path;
    target = { orgId: q.orgId };
  } else {
    const res = await db.execute<{ name: string; path: string }>(
      sql`select name, path from regions where code = ${q.regionCode}`,
    );
    const region = res.rows[0];
    if (!region) throw new AppError('NOT_FOUND');
    name = region.name;
    path = region.path;
    target = { path };
  }
  const [settings, rows, children] = await Promise.all([
    settingsFor(db, path),
    loadRows(db, target, q.from, q.to),
    q.orgId
      ? Promise.resolve([])
      : db
          .execute<{ code: string; name: string; path: string }>(
            sql`select code, name, path from regions where parent_code = ${q.regionCode} order by code`,
          )
          .then((r) => r.rows),
  ]);
  const base = settings.timelinessBase;
  const byChildRegion: ChildFigures[] = children.map((c) => ({
    regionCode: c.code,
    regionName: c.name,
    path: c.path,
    own: false,
    figures: figuresOf(
      filterRows(rows, (rp) => rp.startsWith(c.path)),
      q.from,
      q.to,
      base,
    ),
  }));
  if (!q.orgId && children.length) {
    const own = filterRows(rows, (rp) => !children.some((c) => rp.startsWith(c.path)));
    byChildRegion.unshift({
      regionCode: q.regionCode as string,
      regionName: `${name}本级`,
      path,
      own: true,
      figures: figuresOf(own, q.from, q.to, base),
    });
  }
  const recordPaths = new Map<string, string>();
  for (const list of Object.values(rows) as Row[][]) for (const r of list) recordPaths.set(r.id, r.rp);
  for (const r of rows.registers) for (const e of r.sampled_ids) recordPaths.set(e, r.rp);
  return {
    scope: {
      regionCode: q.orgId ? null : (q.regionCode ?? null),
      orgId: q.orgId ?? null,
      name,
      path,
      from: q.from,
      to: q.to,
      timelinessBase: base,
    },
    figures: figuresOf(rows, q.from, q.to, base),
    byChildRegion,
    recordPaths,
  };
}
