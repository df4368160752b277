import { sql, type SQL } from 'drizzle-orm';

/*
 * The enforcement figures' SQL, one family per statement. Each family is a row set (id, title, org_id, d,
 * plus boolean/number columns) over the records of the period and scope; each figure is an aggregate over
 * those rows (`num`, and `den` for rates and ratios) and a row predicate (`pred`, `denPred`) that the drill-down
 * lists with the same meaning. The counting happens in PostgreSQL; only aggregates come back.
 */
export type FamilyScope = {
  /** Condition restricting a record to the scope, given its organisation and region-path columns. */
  where: (orgCol: SQL, pathCol: SQL) => SQL;
  from: string;
  to: string;
  trainingHours: number;
};
export type Measure = { num: string; den?: string; pred: string; denPred?: string };
export type Family = {
  /** Tables the family reads (the figures are skipped when one is missing). */
  tables: string[];
  rows: (s: FamilyScope) => SQL;
  measures: Record<string, Measure>;
};

const c = (flag: string): Measure => ({ num: `count(*) filter (where ${flag})`, pred: flag });
const rate = (numFlag: string, denFlag = 'true'): Measure => ({
  num: `count(*) filter (where ${numFlag} and ${denFlag})`,
  den: `count(*) filter (where ${denFlag})`,
  pred: numFlag,
  denPred: denFlag,
});
const R = (name: string) => sql.raw(name);

/** A certificate valid on date D (the officers area's rule, officers.validity.ts). */
const validOn = (alias: string, date: string) => sql`(${R(alias)}.issued_on is not null
  and ${R(alias)}.issued_on <= ${date}::date
  and ${R(alias)}.valid_from <= ${date}::date and ${R(alias)}.valid_to >= ${date}::date
  and (${R(alias)}.ended_on is null or ${R(alias)}.ended_on > ${date}::date)
  and not exists (select 1 from enforcement_certificate_suspensions s
    where s.certificate_id = ${R(alias)}.id and s.from_on <= ${date}::date
      and (s.to_on is null or s.to_on > ${date}::date)))`;

export const FAMILIES: Record<string, Family> = {
  certificates: {
    tables: ['enforcement_certificates', 'enforcement_certificate_suspensions'],
    rows: (s) => sql`
      select c.id, coalesce(c.number, '') || ' ' || coalesce(o.name, '') as title, c.org_id, c.issued_on as d,
        (c.issued_on between ${s.from}::date and ${s.to}::date) as issued_in,
        c.previous_id is not null as renewal,
        c.kind,
        (c.status = 'cancelled' and c.ended_on between ${s.from}::date and ${s.to}::date) as cancelled_in,
        (c.status = 'revoked' and c.ended_on between ${s.from}::date and ${s.to}::date) as revoked_in,
        ${validOn('c', s.to)} as held
      from enforcement_certificates c
      join enforcement_officers o on o.id = c.officer_id
      where c.issued_on is not null and ${s.where(sql`c.org_id`, sql`c.region_path`)}`,
    measures: {
      cert_issued_enforcement: c(`issued_in and not renewal and kind = 'enforcement'`),
      cert_issued_supervision: c(`issued_in and not renewal and kind = 'supervision'`),
      cert_renewed: c(`issued_in and renewal`),
      cert_cancelled: c(`cancelled_in`),
      cert_revoked: c(`revoked_in`),
      cert_held_enforcement: c(`held and kind = 'enforcement'`),
      cert_held_supervision: c(`held and kind = 'supervision'`),
    },
  },
  training: {
    tables: ['enforcement_officers', 'enforcement_trainings', 'enforcement_certificates'],
    rows: (s) => sql`
      select o.id, o.name as title, o.org_id, null::date as d,
        coalesce((select sum(t.hours) from enforcement_trainings t
          where t.officer_id = o.id and t.on between ${s.from}::date and ${s.to}::date), 0) >= ${s.trainingHours} as met
      from enforcement_officers o
      where o.status = 'active' and ${s.where(sql`o.org_id`, sql`o.region_path`)}
        and exists (select 1 from enforcement_certificates c
          where c.officer_id = o.id and c.kind = 'enforcement' and ${validOn('c', s.to)})`,
    measures: { training_completion_rate: rate('met') },
  },
  inspections: {
    tables: ['enforcement_inspections'],
    rows: (s) => sql`
      select i.id, i.inspected_on::text || ' ' || i.result as title, i.org_id, i.inspected_on as d,
        (i.inspected_on between ${s.from}::date and ${s.to}::date) as cur,
        (i.inspected_on between (${s.from}::date - interval '1 year')::date
           and (${s.to}::date - interval '1 year')::date) as prev,
        i.joint, not i.onsite as offsite
      from enforcement_inspections i
      where ${s.where(sql`i.org_id`, sql`i.region_path`)}
        and (i.inspected_on between ${s.from}::date and ${s.to}::date
          or i.inspected_on between (${s.from}::date - interval '1 year')::date
             and (${s.to}::date - interval '1 year')::date)`,
    measures: {
      inspections_total: c('cur'),
      inspections_joint_rate: rate('joint', 'cur'),
      inspections_offsite_rate: rate('offsite', 'cur'),
      inspections_prev_year: c('prev'),
      inspections_yoy_change: {
        num: `count(*) filter (where cur) - count(*) filter (where prev)`,
        den: `count(*) filter (where prev)`,
        pred: 'cur',
        denPred: 'prev',
      },
    },
  },
  inspection_subjects: {
    tables: ['enforcement_inspections', 'enforcement_inspection_subjects', 'enforcement_enterprises'],
    rows: (s) => sql`
      select e.id, e.name as title, null::uuid as org_id, max(i.inspected_on) as d,
        count(distinct i.id)::int as n
      from enforcement_inspections i
      join enforcement_inspection_subjects sj on sj.inspection_id = i.id
      join enforcement_enterprises e on e.id = sj.enterprise_id
      where i.inspected_on between ${s.from}::date and ${s.to}::date
        and ${s.where(sql`i.org_id`, sql`i.region_path`)}
      group by e.id, e.name`,
    measures: { inspections_per_enterprise: { num: 'coalesce(sum(n), 0)', den: 'count(*)', pred: 'true' } },
  },
  evaluation_files: {
    tables: ['enforcement_evaluation_files', 'enforcement_evaluation_campaigns', 'enforcement_case_files'],
    rows: (s) => sql`
      select f.id, cf.case_no || ' ' || cf.title as title, f.org_id, null::date as d,
        f.grade in ('excellent', 'pass') as passed, f.grade = 'excellent' as excellent
      from enforcement_evaluation_files f
      join enforcement_evaluation_campaigns k on k.id = f.campaign_id
      join enforcement_case_files cf on cf.id = f.case_file_id
      join organisations og on og.id = f.org_id
      where f.total is not null and f.grade is not null
        and k.year between extract(year from ${s.from}::date) and extract(year from ${s.to}::date)
        and ${s.where(sql`f.org_id`, sql`og.region_path`)}`,
    measures: {
      files_evaluated: c('true'),
      files_pass_rate: rate('passed'),
      files_excellent_rate: rate('excellent'),
    },
  },
  evaluation_rectifications: {
    tables: ['enforcement_evaluation_rectifications', 'enforcement_evaluation_campaigns'],
    rows: (s) => sql`
      select r.id, r.problem as title, r.org_id, r.due_date as d,
        (r.done_on is not null and r.done_on <= ${s.to}::date) as done
      from enforcement_evaluation_rectifications r
      join enforcement_evaluation_campaigns k on k.id = r.campaign_id
      where k.year between extract(year from ${s.from}::date) and extract(year from ${s.to}::date)
        and ${s.where(sql`r.org_id`, sql`r.region_path`)}`,
    measures: {
      evaluation_problems_found: c('true'),
      evaluation_problems_rectified: c('done'),
      evaluation_rectification_rate: rate('done'),
    },
  },
  supervision_notices: {
    tables: ['enf_supervision_notices', 'enf_supervision_notice_items'],
    rows: (s) => sql`
      select n.id, n.number || ' ' || n.title as title, n.org_id, n.issued_on as d, n.kind,
        (select count(*)::int from enf_supervision_notice_items it where it.notice_id = n.id) as items,
        (n.status = 'closed' and n.closed_on <= ${s.to}::date) as closed
      from enf_supervision_notices n
      where n.issued_on between ${s.from}::date and ${s.to}::date
        and ${s.where(sql`n.org_id`, sql`n.region_path`)}`,
    measures: {
      supervision_opinions: c(`kind = 'opinion'`),
      supervision_opinion_items: {
        num: `coalesce(sum(items) filter (where kind = 'opinion'), 0)`,
        pred: `kind = 'opinion'`,
      },
      supervision_decisions: c(`kind = 'decision'`),
      supervision_notices_closed: c('closed'),
    },
  },
  supervision_problems: {
    tables: ['enf_supervision_problems'],
    rows: (s) => sql`
      select p.id, left(p.description, 200) as title, p.org_id, p.received_on as d,
        p.is_clue, p.source = 'complaint' as complaint,
        (p.status in ('confirmed', 'rectified') or (not p.is_clue and p.status <> 'dismissed')) as found,
        (p.status = 'rectified' and p.rectified_on <= ${s.to}::date) as rectified
      from enf_supervision_problems p
      where p.received_on between ${s.from}::date and ${s.to}::date
        and ${s.where(sql`p.org_id`, sql`p.region_path`)}`,
    measures: {
      supervision_clues: c('is_clue'),
      supervision_complaints: c('complaint'),
      supervision_problems_found: c('found'),
      supervision_problems_rectified: c('found and rectified'),
      supervision_rectification_rate: rate('rectified', 'found'),
    },
  },
  supervision_interviews: {
    tables: ['enf_supervision_interviews'],
    rows: (s) => sql`
      select v.id, v.persons || '：' || left(v.reason, 100) as title, v.org_id, v.held_on as d
      from enf_supervision_interviews v
      where v.held_on between ${s.from}::date and ${s.to}::date
        and ${s.where(sql`v.org_id`, sql`v.region_path`)}`,
    measures: { supervision_interviews: c('true') },
  },
  supervision_accountability: {
    tables: ['enf_supervision_accountability'],
    rows: (s) => sql`
      select a.id, a.person || '（' || a.authority || '）' as title, a.org_id, a.decided_on as d
      from enf_supervision_accountability a
      where a.decided_on between ${s.from}::date and ${s.to}::date
        and ${s.where(sql`a.org_id`, sql`a.region_path`)}`,
    measures: { supervision_accountability: c('true') },
  },
  lenient_items: {
    tables: ['enforcement_lenient_lists', 'enforcement_lenient_items'],
    rows: (s) => sql`
      select it.id, l.title || ' 第' || it.seq || '项 ' || it.conduct as title, l.org_id, l.effective_from as d,
        l.kind
      from enforcement_lenient_items it
      join enforcement_lenient_lists l on l.id = it.list_id
      where l.effective_from <= ${s.to}::date
        and (l.effective_to is null or l.effective_to >= ${s.to}::date)
        and (l.superseded_at is null or (l.superseded_at at time zone 'Asia/Shanghai')::date > ${s.to}::date)
        and ${s.where(sql`l.org_id`, sql`l.region_path`)}`,
    measures: { lenient_items: c('true'), lenient_items_no_penalty: c(`kind = 'no_penalty'`) },
  },
  lenient_cases: {
    tables: ['enforcement_lenient_cases'],
    rows: (s) => sql`
      select lc.id, lc.case_no || ' ' || lc.party_name as title, lc.org_id, lc.handled_on as d, lc.amount_fen
      from enforcement_lenient_cases lc
      where lc.handled_on between ${s.from}::date and ${s.to}::date
        and ${s.where(sql`lc.org_id`, sql`lc.region_path`)}`,
    measures: {
      lenient_cases: c('true'),
      /** Σ 分 → 万元 (2 decimals) is applied by the caller from the numerator in 分. */
      lenient_amount: { num: 'coalesce(sum(amount_fen), 0)', pred: 'amount_fen > 0' },
    },
  },
  delegated_powers: {
    tables: ['enforcement_delegated_powers'],
    rows: (s) => sql`
      select dp.id, dp.name as title, dp.township_org_id as org_id, dp.effective_on as d,
        (dp.effective_on <= ${s.to}::date and (dp.withdrawn_on is null or dp.withdrawn_on > ${s.to}::date)) as in_effect,
        (dp.effective_on between ${s.from}::date and ${s.to}::date) as added,
        (dp.withdrawn_on between ${s.from}::date and ${s.to}::date) as withdrawn
      from enforcement_delegated_powers dp
      where ${s.where(sql`dp.township_org_id`, sql`dp.region_path`)}`,
    measures: {
      delegated_powers_in_effect: c('in_effect'),
      delegated_powers_added: c('added'),
      delegated_powers_withdrawn: c('withdrawn'),
    },
  },
};
