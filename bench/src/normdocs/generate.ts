/**
 * Generator of the normative-documents benchmark dataset: the demo regions plus more counties, their
 * governments and departments, and N documents (default 100,000) with realistic Chinese titles and bodies,
 * search vectors tokenised by the module's own jieba code (tokenText — the same tokens searchVector stores),
 * and the records the figures count (filings, filing reviews, deliberations, legality reviews, fair-competition
 * reviews, unfiled findings, register checks, clean-up campaigns, evaluations, public comments).
 * Everything is bulk-inserted with `INSERT … SELECT … FROM unnest($1::t[], …)`.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { tokenText } from '../../../apps/server/src/modules/normdocs/normdocs.search-text';
import { hashPassword } from '../../../apps/server/src/platform/auth/password';
import { DEMO_REGIONS } from '../../../apps/server/src/seed/demo-data';
import { ColumnBatch, dropSecondaryIndexes, recreateIndexes, type Column } from '../lib/bulk';
import { Rng } from '../lib/rng';
import { DEPARTMENTS, EXTRA_COUNTIES } from '../lib/vocab';
import { CLAUSES, CLOSINGS, PURPOSES, SUBJECTS, TITLE_TEMPLATES, VERBS } from './vocab';

export const ND_USERNAME = 'bench.normdocs';
export const ND_PASSWORD = 'Bench@2026pw';
export const ND_SETTINGS_KEY = 'bench.normdocs.dataset';
export const ND_CITY = '411200';

export type NdOptions = { docs: number; seed: number; today: string };
export type NdDatasetInfo = {
  params: NdOptions;
  counts: Record<string, number>;
  timings: Record<string, number>;
  generatedAt: string;
};

type RegionRec = { code: string; name: string; level: string; parent: string | null; path: string };
type OrgRec = {
  id: string;
  name: string;
  type: 'government' | 'justice_bureau' | 'department';
  short: string;
  region: RegionRec;
  prefix: string;
};

const NUM = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1..99 in Chinese numerals (第十二条). */
function cn(n: number): string {
  if (n < 10) return NUM[n] as string;
  const t = Math.floor(n / 10);
  const u = n % 10;
  return `${t === 1 ? '' : NUM[t]}十${u ? NUM[u] : ''}`;
}

const addDays = (iso: string, d: number) => {
  const x = new Date(`${iso}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + d);
  return x.toISOString().slice(0, 10);
};
const minDate = (a: string, b: string) => (a < b ? a : b);
const fill = (tpl: string, v: Record<string, string>) =>
  tpl.replace(/\{(\w+)\}/g, (_m, k: string) => v[k] ?? '');
const dateZh = (iso: string) =>
  `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

function regionsAll(): RegionRec[] {
  const defs = [
    ...DEMO_REGIONS.map((r) => ({ code: r.code, name: r.name, level: r.level as string, parent: r.parent })),
    ...EXTRA_COUNTIES.map((c) => ({ code: c.code, name: c.name, level: 'county', parent: c.parent })),
  ];
  const byCode = new Map(defs.map((d) => [d.code, d]));
  const pathOf = (code: string): string => {
    const d = byCode.get(code);
    return d?.parent ? `${pathOf(d.parent)}${code}/` : `${code}/`;
  };
  return defs.map((d) => ({ ...d, path: pathOf(d.code) }));
}

function levelWord(r: RegionRec): string {
  if (r.level === 'province') return '省';
  if (r.level === 'prefecture') return '市';
  return r.name.endsWith('区') ? '区' : r.name.endsWith('市') ? '市' : '县';
}

function orgsFor(regions: RegionRec[]): OrgRec[] {
  const out: OrgRec[] = [];
  for (const r of regions) {
    if (r.level === 'township') continue;
    const abbr = r.name.slice(0, 1);
    out.push({
      id: randomUUID(),
      name: `${r.name}人民政府`,
      type: 'government',
      short: '政府',
      region: r,
      prefix: `${abbr}${r.code.slice(2, 4)}${r.code.slice(4)}政`,
    });
    out.push({
      id: randomUUID(),
      name: `${r.name}司法${r.level === 'province' ? '厅' : '局'}`,
      type: 'justice_bureau',
      short: '司法',
      region: r,
      prefix: `${abbr}${r.code.slice(2)}司`,
    });
    for (const d of DEPARTMENTS) {
      if (d.short === '综合执法' && r.level === 'province') continue;
      out.push({
        id: randomUUID(),
        name: `${r.name}${d.name}`,
        type: 'department',
        short: d.short,
        region: r,
        prefix: `${abbr}${r.code.slice(2)}${d.short}`,
      });
    }
  }
  return out;
}

const DOC_COLS: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'org_id', type: 'uuid' },
  { name: 'region_path', type: 'text' },
  { name: 'drafting_org_id', type: 'uuid' },
  { name: 'title', type: 'text' },
  { name: 'kind', type: 'text' },
  { name: 'doc_number', type: 'text' },
  { name: 'registration_number', type: 'text' },
  { name: 'registration_year', type: 'int4' },
  { name: 'registration_seq', type: 'int4' },
  { name: 'registered_on', type: 'date' },
  { name: 'status', type: 'text' },
  { name: 'involves_public_interest', type: 'bool' },
  { name: 'involves_market_entities', type: 'bool' },
  { name: 'legal_basis', type: 'jsonb' },
  { name: 'summary', type: 'text' },
  { name: 'body', type: 'text' },
  { name: 'signed_by', type: 'text' },
  { name: 'signed_on', type: 'date' },
  { name: 'published_on', type: 'date' },
  { name: 'publish_channels', type: 'jsonb' },
  { name: 'effective_on', type: 'date' },
  { name: 'valid_until', type: 'date' },
  { name: 'ended_on', type: 'date' },
  { name: 'interpretation_required', type: 'bool' },
  { name: 'interpretation_title', type: 'text' },
  { name: 'interpretation_published_on', type: 'date' },
  { name: 'interpretation_body', type: 'text' },
  { name: 'imported', type: 'bool' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
];
/** Token texts (title, summary, body) appended to each document row; the tsvector is built in the INSERT. */
const TOKEN_COLS: Column[] = [
  { name: 'tt', type: 'text' },
  { name: 'ts', type: 'text' },
  { name: 'tb', type: 'text' },
];
function docInsertSql(): string {
  const all = [...DOC_COLS, ...TOKEN_COLS];
  const arrays = all.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const names = DOC_COLS.map((c) => `"${c.name}"`).join(', ');
  const sel = DOC_COLS.map((c) => `u."${c.name}"`).join(', ');
  return `insert into normdocs (${names}, search_tsv)
          select ${sel}, setweight(to_tsvector('simple', u.tt), 'A') || setweight(to_tsvector('simple', u.ts), 'B') || setweight(to_tsvector('simple', u.tb), 'C')
            from unnest(${arrays}) as u(${all.map((c) => `"${c.name}"`).join(', ')})`;
}

const FILING_COLS: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'doc_id', type: 'uuid' },
  { name: 'org_id', type: 'uuid' },
  { name: 'region_path', type: 'text' },
  { name: 'recipient_kind', type: 'text' },
  { name: 'recipient_org_id', type: 'uuid' },
  { name: 'recipient_region_path', type: 'text' },
  { name: 'due_date', type: 'date' },
  { name: 'status', type: 'text' },
  { name: 'submitted_on', type: 'date' },
  { name: 'registration_result', type: 'text' },
  { name: 'registered_on', type: 'date' },
  { name: 'review_result', type: 'text' },
  { name: 'reviewed_on', type: 'date' },
];
const REVIEW_COLS: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'filing_id', type: 'uuid' },
  { name: 'reviewer_org_id', type: 'uuid' },
  { name: 'region_path', type: 'text' },
  { name: 'received_on', type: 'date' },
  { name: 'status', type: 'text' },
  { name: 'issues', type: 'jsonb' },
  { name: 'handling', type: 'text' },
  { name: 'reviewed_on', type: 'date' },
  { name: 'corrected', type: 'bool' },
  { name: 'correction_form', type: 'text' },
];
const PROC_COLS: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'doc_id', type: 'uuid' },
  { name: 'kind', type: 'text' },
  { name: 'started_on', type: 'date' },
  { name: 'ended_on', type: 'date' },
  { name: 'title', type: 'text' },
  { name: 'outcome', type: 'text' },
];
const LR_COLS: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'doc_id', type: 'uuid' },
  { name: 'submitted_on', type: 'date' },
  { name: 'accepted_on', type: 'date' },
  { name: 'reviewer_org_id', type: 'uuid' },
  { name: 'opinion', type: 'text' },
  { name: 'suggestion_count', type: 'int4' },
  { name: 'completed_on', type: 'date' },
];

const ISSUED = [
  'published',
  'in_force',
  'amended',
  'repealed',
  'declared_invalid',
  'expired',
  'removed_from_catalog',
];
const SIGNERS = ['王建国', '李红梅', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄海涛', '周敏', '吴强'];

export async function generateNormdocs(
  client: pg.ClientBase,
  o: NdOptions,
  log: (m: string) => void,
): Promise<NdDatasetInfo> {
  const rng = new Rng(o.seed);
  const timings: Record<string, number> = {};
  const counts: Record<string, number> = {};
  const t0 = performance.now();
  const lap = (k: string, since: number) => (timings[k] = Math.round(performance.now() - since));

  // Regions, organisations, the bench account.
  const regions = regionsAll();
  const regionByCode = new Map(regions.map((r) => [r.code, r]));
  await client.query(
    `insert into regions (code, name, level, parent_code, path)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) on conflict (code) do nothing`,
    [
      regions.map((r) => r.code),
      regions.map((r) => r.name),
      regions.map((r) => r.level),
      regions.map((r) => r.parent),
      regions.map((r) => r.path),
    ],
  );
  const orgs = orgsFor(regions);
  await client.query(
    `insert into organisations (id, name, type, region_code, region_path, doc_code_prefix)
     select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
    [
      orgs.map((x) => x.id),
      orgs.map((x) => x.name),
      orgs.map((x) => x.type),
      orgs.map((x) => x.region.code),
      orgs.map((x) => x.region.path),
      orgs.map((x) => x.prefix),
    ],
  );
  const bureauOf = new Map(orgs.filter((x) => x.type === 'justice_bureau').map((x) => [x.region.code, x]));
  const govOf = new Map(orgs.filter((x) => x.type === 'government').map((x) => [x.region.code, x]));
  const cityBureau = bureauOf.get(ND_CITY) as OrgRec;
  const userId = randomUUID();
  await client.query(
    `insert into users (id, username, display_name, org_id, password_hash, must_change_password) values ($1, $2, $3, $4, $5, false)`,
    [userId, ND_USERNAME, '规范性文件基准审核员', cityBureau.id, await hashPassword(ND_PASSWORD)],
  );
  await client.query(`insert into user_roles (user_id, role) values ($1, 'reviewer')`, [userId]);
  counts.regions = regions.length;
  counts.orgs = orgs.length;

  // Documents: issuing organs weighted (governments ×3), subjects matched to the department.
  const issuers = orgs.filter((x) => x.type !== 'justice_bureau' || rng.next() < 0.5);
  const weights = issuers.map((x) => (x.type === 'government' ? 3 : 1));
  const totalW = weights.reduce((a, b) => a + b, 0);
  const cum: number[] = [];
  weights.reduce((a, w, i) => (cum[i] = a + w), 0);
  const pickIssuer = () => {
    const x = rng.next() * totalW;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cum[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return issuers[lo] as OrgRec;
  };
  const subjectsByDept = new Map<string, (typeof SUBJECTS)[number][]>();
  for (const s of SUBJECTS) subjectsByDept.set(s.dept, [...(subjectsByDept.get(s.dept) ?? []), s]);
  const seqs = new Map<string, number>();
  const pick = <T>(a: readonly T[]) => a[rng.int(0, a.length - 1)] as T;

  const docs = new ColumnBatch('normdocs', [...DOC_COLS, ...TOKEN_COLS]);
  const filings = new ColumnBatch('normdoc_filings', FILING_COLS);
  const reviews = new ColumnBatch('normdoc_filing_reviews', REVIEW_COLS);
  const procs = new ColumnBatch('normdoc_procedures', PROC_COLS);
  const lrs = new ColumnBatch('normdoc_legality_reviews', LR_COLS);
  const docSql = docInsertSql();
  const dropped = await dropSecondaryIndexes(client, [
    'normdocs',
    'normdoc_filings',
    'normdoc_filing_reviews',
    'normdoc_procedures',
    'normdoc_legality_reviews',
  ]);
  const issuedDocs: { id: string; org: OrgRec; publishedOn: string; title: string }[] = [];
  let tokenMs = 0;
  let bodyChars = 0;
  const flushAll = async () => {
    const n = docs.size;
    if (n) await client.query(docSql, docs.take());
    for (const b of [filings, reviews, procs, lrs])
      counts[b.table] = (counts[b.table] ?? 0) + (await b.flush(client));
    counts.normdocs = (counts.normdocs ?? 0) + n;
  };
  const tDocs = performance.now();
  for (let i = 0; i < o.docs; i++) {
    const org = pickIssuer();
    const r = org.region;
    const pool = org.type === 'government' ? SUBJECTS : (subjectsByDept.get(org.short) ?? SUBJECTS);
    const subj = rng.next() < 0.8 ? pick(pool) : pick(SUBJECTS);
    const v = pick(VERBS);
    const title = fill(pick(TITLE_TEMPLATES), { o: org.name, s: subj.s, v });
    const level = levelWord(r);
    const deptName = org.type === 'government' ? `${r.name}${pick(DEPARTMENTS).name}` : org.name;
    const lawList = subj.laws;
    const purpose = fill(pick(PURPOSES), { s: subj.s, v });
    const nClauses = rng.int(3, 38);
    const lines = [
      `第一条 为了${purpose}，根据《${lawList.join('》《')}》等法律法规，结合本${level}实际，制定本办法。`,
    ];
    for (let c = 0; c < nClauses; c++) {
      lines.push(
        `第${cn(c + 2)}条 ${fill(pick(CLAUSES), { s: subj.s, l: level, o: `${r.name}人民政府`, d: deptName, n: String(rng.int(2, 30)), law: pick(lawList) })}`,
      );
    }
    // Status: mostly in force, then ended, then documents still in the making.
    const u = rng.next();
    const status =
      u < 0.6
        ? 'in_force'
        : u < 0.63
          ? 'published'
          : u < 0.69
            ? 'repealed'
            : u < 0.72
              ? 'declared_invalid'
              : u < 0.75
                ? 'expired'
                : u < 0.77
                  ? 'amended'
                  : u < 0.78
                    ? 'removed_from_catalog'
                    : pick([
                        'drafting',
                        'drafting',
                        'drafting',
                        'public_comment',
                        'submitted',
                        'legality_review',
                        'review_passed',
                        'adopted',
                        'signed',
                        'registered',
                        'abandoned',
                        'returned',
                      ]);
    const issued = ISSUED.includes(status);
    const year = 2014 + Math.min(12, Math.floor(Math.sqrt(rng.next()) * 13));
    let publishedOn = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    if (status === 'published') publishedOn = addDays(o.today, -rng.int(1, 25));
    publishedOn = minDate(publishedOn, o.today);
    const effectiveOn = addDays(publishedOn, 30);
    const validUntil = addDays(effectiveOn, 5 * 365);
    const ended = issued && !['published', 'in_force'].includes(status);
    const endedOn = ended ? minDate(addDays(publishedOn, rng.int(200, 2500)), o.today) : null;
    lines.push(
      fill(pick(CLOSINGS), { d: deptName, date: dateZh(effectiveOn), y: '5', end: dateZh(validUntil) }),
    );
    const body = lines.join('\n');
    bodyChars += body.length;
    const key = `${org.prefix}|${year}`;
    const seq = (seqs.get(key) ?? 0) + 1;
    seqs.set(key, seq);
    const regNo = issued ? `${org.prefix}规〔${year}〕${seq}号` : null;
    const interpRequired = rng.next() < 0.85;
    const interpreted = issued && interpRequired && rng.next() < 0.9;
    const id = randomUUID();
    const tk = performance.now();
    const tt = tokenText(title);
    const ts = tokenText(purpose);
    const tb = tokenText(body);
    tokenMs += performance.now() - tk;
    const createdAt = new Date(`${addDays(publishedOn, -60)}T02:00:00Z`);
    docs.push([
      id,
      org.id,
      r.path,
      org.id,
      title,
      org.type === 'government' ? 'government' : 'department',
      issued ? `${org.prefix.slice(0, 1)}${org.short}〔${year}〕${seq}号` : null,
      regNo,
      issued ? year : null,
      issued ? seq : null,
      issued ? addDays(publishedOn, -2) : null,
      status,
      rng.next() < 0.3,
      rng.next() < 0.4,
      JSON.stringify(lawList.map((name) => ({ name }))),
      purpose,
      body,
      issued ? pick(SIGNERS) : null,
      issued ? addDays(publishedOn, -5) : null,
      issued ? publishedOn : null,
      JSON.stringify(
        issued
          ? [{ channel: '政府网站', url: `https://www.${r.code}.gov.cn/zwgk/${id.slice(0, 8)}.html` }]
          : [],
      ),
      issued ? effectiveOn : null,
      issued ? validUntil : null,
      endedOn,
      interpRequired,
      interpreted ? `《${title.replace(/^.*?关于/, '关于')}》政策解读` : null,
      interpreted ? addDays(publishedOn, rng.int(0, 5)) : null,
      interpreted ? `一、制定背景\n二、主要内容\n三、${subj.s}有关政策的适用范围` : null,
      issued && rng.next() < 0.25,
      createdAt.toISOString(),
      createdAt.toISOString(),
      tt,
      ts,
      tb,
    ]);
    if (issued) {
      issuedDocs.push({ id, org, publishedOn, title });
      // Filings, one per recipient (DOMAIN.md §1.5); the due date here is publication + 30 days.
      const parent = r.parent ? regionByCode.get(r.parent) : undefined;
      const recipients: [string, RegionRec][] =
        org.type === 'government'
          ? [
              ['superior_government', parent ?? r],
              ['same_level_congress', r],
            ]
          : [['same_level_government', r]];
      for (const [kind, rr] of recipients) {
        const due = addDays(publishedOn, 30);
        const submitted =
          due < o.today || rng.next() < 0.5
            ? rng.next() < 0.97
              ? minDate(addDays(publishedOn, rng.int(3, 38)), o.today)
              : null
            : null;
        const reviewed =
          submitted && addDays(submitted, 30) < o.today && rng.next() < 0.88
            ? addDays(submitted, rng.int(5, 30))
            : null;
        const w = rng.next();
        const result = reviewed
          ? w < 0.93
            ? 'passed'
            : w < 0.98
              ? 'self_correct'
              : 'ordered_correct'
          : null;
        const fid = randomUUID();
        const recipientOrg = kind === 'same_level_congress' ? null : (bureauOf.get(rr.code) ?? null);
        filings.push([
          fid,
          id,
          org.id,
          r.path,
          kind,
          recipientOrg?.id ?? null,
          rr.path,
          due,
          result ? (result === 'passed' ? 'passed' : 'opinion_issued') : submitted ? 'registered' : 'due',
          submitted,
          submitted ? 'registered' : null,
          submitted ? addDays(submitted, 2) : null,
          result,
          reviewed,
        ]);
        if (reviewed && recipientOrg) {
          const corrected = result !== 'passed' && rng.next() < 0.8;
          reviews.push([
            randomUUID(),
            fid,
            recipientOrg.id,
            recipientOrg.region.path,
            submitted,
            'closed',
            JSON.stringify(
              result === 'passed'
                ? []
                : [
                    pick([
                      'violates_superior_law',
                      'reduces_rights',
                      'improper_procedure',
                      'unfair_competition',
                    ]),
                  ],
            ),
            result === 'passed'
              ? 'no_issue'
              : result === 'self_correct'
                ? 'written_opinion'
                : 'correction_notice',
            reviewed,
            result === 'passed' ? false : corrected,
            corrected ? pick(['amended', 'repealed', 'suspended']) : null,
          ]);
        }
      }
      // Procedure records for documents drafted in the system (not imported).
      if (rng.next() < 0.75) {
        const delib = addDays(publishedOn, -rng.int(8, 20));
        procs.push([
          randomUUID(),
          id,
          'deliberation',
          delib,
          delib,
          `${r.name}人民政府第${rng.int(1, 60)}次常务会议`,
          'adopted',
        ]);
        const done = rng.next() < 0.97 ? addDays(delib, -rng.int(2, 15)) : addDays(delib, 2);
        lrs.push([
          randomUUID(),
          id,
          addDays(done, -rng.int(5, 15)),
          addDays(done, -rng.int(3, 5)),
          bureauOf.get(r.code)?.id ?? null,
          rng.next() < 0.7 ? 'lawful' : 'lawful_after_revision',
          rng.int(0, 12),
          done,
        ]);
        if (rng.next() < 0.35)
          procs.push([
            randomUUID(),
            id,
            'fair_competition',
            addDays(delib, -30),
            addDays(delib, -20),
            '',
            pick(['compliant', 'revised', 'exception']),
          ]);
      }
    }
    if (docs.size >= 2000) {
      await flushAll();
      if ((i + 1) % 20000 === 0) log(`  ${(i + 1).toLocaleString('en')} documents …`);
    }
  }
  await flushAll();
  lap('documentsMs', tDocs);
  timings.tokenizeMs = Math.round(tokenMs);
  counts.bodyChars = bodyChars;
  log(
    `  ${o.docs.toLocaleString('en')} documents in ${((timings.documentsMs ?? 0) / 1000).toFixed(1)} s (jieba tokenising: ${(tokenMs / 1000).toFixed(1)} s for ${(bodyChars / 1e6).toFixed(1)} M characters of bodies)`,
  );

  // Smaller record sets so every figure family has work.
  const tSmall = performance.now();
  const places = regions.filter((r) => r.level !== 'township');
  const someOrg = () => pick(orgs.filter((x) => x.type !== 'justice_bureau'));
  const randDate = (y0: number) =>
    `${rng.int(y0, 2026)}-${String(rng.int(1, 10)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const fnd = Array.from({ length: 600 }, () => ({ org: someOrg(), on: randDate(2019) }));
  await client.query(
    `insert into normdoc_unfiled_findings (org_id, region_path, title, doc_number, found_on, status)
     select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[])`,
    [
      fnd.map((f) => f.org.id),
      fnd.map((f) => f.org.region.path),
      fnd.map((f) => `${f.org.name}关于${pick(SUBJECTS).s}的通知`),
      fnd.map((f) => `${f.org.prefix}〔${f.on.slice(0, 4)}〕${rng.int(1, 90)}号`),
      fnd.map((f) => f.on),
      fnd.map(() => pick(['open', 'rectifying', 'closed'])),
    ],
  );
  const regs = Array.from({ length: 400 }, () => ({
    id: randomUUID(),
    org: someOrg(),
    at: `${randDate(2019)}T03:00:00Z`,
  }));
  await client.query(
    `insert into normdoc_registers (id, org_id, region_path, title, entry_count, sample_size, created_at)
     select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::int4[], $6::int4[], $7::timestamptz[])`,
    [
      regs.map((g) => g.id),
      regs.map((g) => g.org.id),
      regs.map((g) => g.org.region.path),
      regs.map((g) => `${g.org.name}${g.at.slice(0, 4)}年发文目录`),
      regs.map(() => 20),
      regs.map(() => 2),
      regs.map((g) => g.at),
    ],
  );
  const ent = regs.flatMap((g) => Array.from({ length: 20 }, (_, k) => ({ g, seq: k + 1, sampled: k < 2 })));
  await client.query(
    `insert into normdoc_register_entries (register_id, seq, title, sampled, classification)
     select * from unnest($1::uuid[], $2::int4[], $3::text[], $4::bool[], $5::text[])`,
    [
      ent.map((e) => e.g.id),
      ent.map((e) => e.seq),
      ent.map((e) => `${e.g.org.name}关于${pick(SUBJECTS).s}的通知`),
      ent.map((e) => e.sampled),
      ent.map((e) => (e.sampled ? pick(['normative', 'not_normative']) : null)),
    ],
  );
  // Clean-up: one full clean-up per region and year 2019–2025, 30 issued documents of the region each.
  const docsByRegion = new Map<string, typeof issuedDocs>();
  for (const d of issuedDocs)
    docsByRegion.set(d.org.region.code, [...(docsByRegion.get(d.org.region.code) ?? []), d]);
  const camps: unknown[][] = [[], [], [], [], [], []];
  const items: unknown[][] = [[], [], []];
  for (const r of places) {
    const gov = govOf.get(r.code) as OrgRec;
    const list = docsByRegion.get(r.code) ?? [];
    for (let y = 2019; y <= 2025; y++) {
      const cid = randomUUID();
      [cid, gov.id, r.path, `${r.name}${y}年行政规范性文件全面清理`, `${y}-12-20`, `${y}-09-30`].forEach(
        (v, k) => camps[k]?.push(v),
      );
      const chosen = new Set<string>();
      for (let k = 0; k < 30 && list.length; k++) chosen.add(pick(list).id);
      for (const docId of chosen) {
        const w = rng.next();
        [
          cid,
          docId,
          w < 0.75
            ? 'keep'
            : w < 0.8
              ? 'amend'
              : w < 0.9
                ? 'repeal'
                : w < 0.98
                  ? 'declare_invalid'
                  : 'remove_from_catalog',
        ].forEach((v, k) => items[k]?.push(v));
      }
    }
  }
  await client.query(
    `insert into normdoc_cleanup_campaigns (id, org_id, region_path, title, kind, cutoff_date, status, decision_date)
     select u.id, u.org_id, u.rp, u.title, 'full', u.cutoff, 'decided', u.decided
       from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::date[], $6::date[]) as u(id, org_id, rp, title, decided, cutoff)`,
    camps,
  );
  await client.query(
    `insert into normdoc_cleanup_items (campaign_id, doc_id, result) select * from unnest($1::uuid[], $2::uuid[], $3::text[])`,
    items,
  );
  const evs = Array.from({ length: 800 }, () => pick(issuedDocs));
  await client.query(
    `insert into normdoc_evaluations (doc_id, evaluator, participants, findings, recommendation, report_on)
     select u.d, '制定机关', '["人大代表","政协委员","律师代表"]'::jsonb, '实施效果良好', u.r, u.o from unnest($1::uuid[], $2::text[], $3::date[]) as u(d, r, o)`,
    [
      evs.map((d) => d.id),
      evs.map(() => pick(['continue', 'continue', 'amend', 'repeal'])),
      evs.map((d) => minDate(addDays(d.publishedOn, rng.int(365, 1500)), o.today)),
    ],
  );
  const periods = Array.from({ length: 1500 }, () => ({ id: randomUUID(), d: pick(issuedDocs) }));
  await client.query(
    `insert into normdoc_comment_periods (id, doc_id, opens_on, closes_on, days, draft_title, draft_text)
     select u.id, u.d, u.o, u.o + 30, 30, u.t, '（征求意见稿）' from unnest($1::uuid[], $2::uuid[], $3::date[], $4::text[]) as u(id, d, o, t)`,
    [
      periods.map((p) => p.id),
      periods.map((p) => p.d.id),
      periods.map((p) => addDays(p.d.publishedOn, -90)),
      periods.map((p) => p.d.title),
    ],
  );
  const cms = periods.flatMap((p) =>
    Array.from({ length: rng.int(0, 8) }, () => ({
      p,
      at: `${addDays(p.d.publishedOn, -rng.int(61, 89))}T04:00:00Z`,
    })),
  );
  await client.query(
    `insert into normdoc_comments (period_id, doc_id, submitter_kind, content, ip_hash, adopted, submitted_at)
     select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::bool[], $7::timestamptz[])`,
    [
      cms.map((c) => c.p.id),
      cms.map((c) => c.p.d.id),
      cms.map(() => pick(['citizen', 'enterprise', 'organisation'])),
      cms.map(() => '建议进一步明确办理时限和申请材料。'),
      cms.map(() => 'bench'),
      cms.map(() => (rng.next() < 0.4 ? true : rng.next() < 0.8 ? false : null)),
      cms.map((c) => c.at),
    ],
  );
  counts.unfiledFindings = fnd.length;
  counts.registers = regs.length;
  counts.cleanupCampaigns = camps[0]?.length ?? 0;
  counts.cleanupItems = items[0]?.length ?? 0;
  counts.evaluations = evs.length;
  counts.comments = cms.length;
  lap('smallSetsMs', tSmall);

  const tIdx = performance.now();
  await recreateIndexes(client, dropped, log);
  lap('indexesMs', tIdx);
  const tAn = performance.now();
  await client.query('analyze');
  lap('analyzeMs', tAn);
  lap('totalMs', t0);
  const info: NdDatasetInfo = { params: o, counts, timings, generatedAt: new Date().toISOString() };
  await client.query(
    `insert into settings (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value`,
    [ND_SETTINGS_KEY, JSON.stringify(info)],
  );
  return info;
}

export async function readNdDatasetInfo(client: pg.ClientBase): Promise<NdDatasetInfo | null> {
  const res = await client.query<{ value: NdDatasetInfo }>('select value from settings where key = $1', [
    ND_SETTINGS_KEY,
  ]);
  const info = res.rows[0]?.value ?? null;
  if (!info) return null;
  const n = await client.query<{ n: string }>('select count(*) as n from normdocs');
  return Number(n.rows[0]?.n) === info.counts.normdocs ? info : null;
}
