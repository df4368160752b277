import {
  CLEANUP_RESULTS,
  EVALUATION_RECOMMENDATIONS,
  FAIR_COMPETITION_CONCLUSIONS,
  FILING_RECIPIENTS,
  FILING_REVIEW_RESULTS,
  NORMDOC_STATUSES,
  REVIEW_HANDLINGS,
  type NormdocFigureRecord,
  type NormdocFigureRecordKind,
  type NormdocStatus,
} from '@fazhi/contracts';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/pool';

// The records behind one figure (drill-down): one query per record kind for the ids of a page.

const label = (map: Record<string, string>, k: string | null) => (k ? (map[k] ?? k) : '—');
const codeOf = (path: string) => path.split('/').filter(Boolean).at(-1) ?? '';

type R = {
  id: string;
  doc_id: string | null;
  title: string;
  org_name: string;
  rp: string;
  date: string | null;
  a: string | null;
  b: string | null;
  c: string | null;
  d: string | null;
};

async function fetchKind(db: DbOrTx, kind: NormdocFigureRecordKind, ids: string[]): Promise<R[]> {
  const q = (s: ReturnType<typeof sql>) => db.execute<R>(s).then((r) => r.rows);
  const uuids = sql`${`{${ids.join(',')}}`}::uuid[]`;
  switch (kind) {
    case 'filing':
      return q(sql`select f.id, f.doc_id, d.title, o.name as org_name, f.region_path as rp, f.submitted_on as date,
                     f.recipient_kind as a, f.due_date::text as b, f.review_result as c, f.reviewed_on::text as d
                from normdoc_filings f join normdocs d on d.id = f.doc_id join organisations o on o.id = f.org_id
               where f.id = any(${uuids})`);
    case 'document':
      return q(sql`select d.id, d.id as doc_id, d.title, o.name as org_name, d.region_path as rp, d.published_on as date,
                     d.status as a, d.interpretation_published_on::text as b, null as c, null as d
                from normdocs d join organisations o on o.id = d.org_id where d.id = any(${uuids})`);
    case 'filing_review':
      return q(sql`select r.id, f.doc_id, d.title, o.name as org_name, r.region_path as rp, r.reviewed_on as date,
                     r.handling as a, r.corrected::text as b, r.correction_form as c, null as d
                from normdoc_filing_reviews r join normdoc_filings f on f.id = r.filing_id
                join normdocs d on d.id = f.doc_id join organisations o on o.id = f.org_id
               where r.id = any(${uuids})`);
    case 'unfiled_finding':
      return q(sql`select u.id, u.doc_id, u.title, o.name as org_name, u.region_path as rp, u.found_on as date,
                     u.doc_number as a, u.status as b, null as c, null as d
                from normdoc_unfiled_findings u join organisations o on o.id = u.org_id where u.id = any(${uuids})`);
    case 'register':
      return q(sql`select g.id, null as doc_id, g.title, o.name as org_name, g.region_path as rp,
                     (g.created_at at time zone 'Asia/Shanghai')::date as date, g.entry_count::text as a,
                     (select count(*) from normdoc_register_entries e where e.register_id = g.id and e.sampled)::text as b,
                     null as c, null as d
                from normdoc_registers g join organisations o on o.id = g.org_id where g.id = any(${uuids})`);
    case 'register_entry':
      return q(sql`select e.id, null as doc_id, e.title, o.name as org_name, g.region_path as rp, e.issued_on as date,
                     e.doc_number as a, e.classification as b, g.title as c, null as d
                from normdoc_register_entries e join normdoc_registers g on g.id = e.register_id
                join organisations o on o.id = g.org_id where e.id = any(${uuids})`);
    case 'cleanup_item': {
      const pairs = ids.map((i) => i.split(':'));
      const camp = sql`${`{${pairs.map((p) => p[0]).join(',')}}`}::uuid[]`;
      const docs = sql`${`{${pairs.map((p) => p[1]).join(',')}}`}::uuid[]`;
      return q(sql`select c.id::text || ':' || d.id::text as id, d.id as doc_id, d.title, o.name as org_name,
                     d.region_path as rp, c.decision_date as date, i.result as a, c.title as b, i.reason as c, null as d
                from unnest(${camp}, ${docs}) as k(campaign_id, doc_id)
                join normdoc_cleanup_items i on i.campaign_id = k.campaign_id and i.doc_id = k.doc_id
                join normdoc_cleanup_campaigns c on c.id = i.campaign_id
                join normdocs d on d.id = i.doc_id join organisations o on o.id = d.org_id`);
    }
    case 'comment':
      return q(sql`select c.id, c.doc_id, d.title, o.name as org_name, d.region_path as rp,
                     (c.submitted_at at time zone 'Asia/Shanghai')::date as date, c.adopted::text as a,
                     left(c.content, 60) as b, null as c, null as d
                from normdoc_comments c join normdocs d on d.id = c.doc_id join organisations o on o.id = d.org_id
               where c.id = any(${uuids})`);
    case 'evaluation':
      return q(sql`select e.id, e.doc_id, d.title, o.name as org_name, d.region_path as rp, e.report_on as date,
                     e.recommendation as a, e.evaluator as b, null as c, null as d
                from normdoc_evaluations e join normdocs d on d.id = e.doc_id join organisations o on o.id = d.org_id
               where e.id = any(${uuids})`);
    case 'procedure':
      return q(sql`select p.id, p.doc_id, d.title, o.name as org_name, d.region_path as rp, p.ended_on as date,
                     p.outcome as a, p.title as b, null as c, null as d
                from normdoc_procedures p join normdocs d on d.id = p.doc_id join organisations o on o.id = d.org_id
               where p.id = any(${uuids})`);
  }
}

function detail(kind: NormdocFigureRecordKind, r: R): string {
  switch (kind) {
    case 'filing':
      return `报送对象：${label(FILING_RECIPIENTS, r.a)}；报备期限：${r.b ?? '—'}；报送日期：${r.date ?? '未报送'}；审查结果：${label(FILING_REVIEW_RESULTS, r.c)}${r.d ? `（${r.d}）` : ''}`;
    case 'document':
      return `状态：${NORMDOC_STATUSES[r.a as NormdocStatus]?.zh ?? r.a}；政策解读：${r.b ? `${r.b} 发布` : '未发布'}`;
    case 'filing_review':
      return `处理方式：${label(REVIEW_HANDLINGS, r.a)}；是否纠正：${r.b === 'true' ? '已纠正' : '否'}${r.c ? `（${r.c}）` : ''}`;
    case 'unfiled_finding':
      return `发文字号：${r.a || '—'}；状态：${r.b ?? '—'}`;
    case 'register':
      return `目录条数：${r.a ?? 0}；抽查份数：${r.b ?? 0}`;
    case 'register_entry':
      return `发文目录：${r.c ?? ''}；发文字号：${r.a || '—'}；认定：${r.b ?? '未认定'}`;
    case 'cleanup_item':
      return `清理活动：${r.b ?? ''}；清理结果：${label(CLEANUP_RESULTS, r.a)}${r.c ? `；理由：${r.c}` : ''}`;
    case 'comment':
      return `${r.a === 'true' ? '已采纳' : r.a === 'false' ? '未采纳' : '未处理'}：${r.b ?? ''}`;
    case 'evaluation':
      return `评估建议：${label(EVALUATION_RECOMMENDATIONS, r.a)}；评估主体：${r.b ?? ''}`;
    case 'procedure':
      return `审查结论：${label(FAIR_COMPETITION_CONCLUSIONS, r.a)}`;
  }
}

/** The records of `ids` (in that order) as drill-down rows; `numeratorIds` marks those in the numerator. */
export async function figureRecords(
  db: DbOrTx,
  kind: NormdocFigureRecordKind,
  ids: string[],
  numeratorIds: Set<string> | null,
): Promise<NormdocFigureRecord[]> {
  if (ids.length === 0) return [];
  const rows = await fetchKind(db, kind, ids);
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id,
        kind,
        docId: r.doc_id,
        title: r.title,
        orgName: r.org_name,
        regionCode: codeOf(r.rp),
        date: r.date,
        detail: detail(kind, r),
        inNumerator: numeratorIds ? numeratorIds.has(id) : null,
      },
    ];
  });
}
