/**
 * The indicators benchmark (issue 4): a province-sized dataset and the time to resolve every indicator.
 *
 *   npm run bench:indicators -- [--docs 1000000] [--runs 5] [--fresh] [--drop] [--write-results]
 *
 * Opens the external PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres) and the
 * database fazhi_bench_indicators (created and migrated like the server does, the catalogue seeded; kept for reuse
 * unless --drop). Generates, unless already there: a province 990000 with 18 cities × 8 counties (163 regions),
 * 6 organisations per region, N normative documents (default 1,000,000) spread over 2021–2025, two filings per
 * document, a filing review for most submitted filings (search_tsv left null), and collected values of 40
 * summed indicators per organisation and year. All rows are generated inside PostgreSQL
 * (INSERT … SELECT … FROM generate_series) — the fastest bulk path, no round trips.
 *
 * Measures (median of --runs, after one warm-up):
 *   (a) resolveIndicatorValues for one city and 2024 (all active indicators) vs one statement with count(*) over
 *       the rows the computation reads (documents, filings, reviews of that city and year) — target ratio ≤ 2;
 *   (b) the province roll-up: resolveIndicatorValues for the province and 2024 — target ≤ 5 s;
 *   (c) .docx generation — target ≤ 1 s (only if the reports module exports a generator).
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { resolveIndicatorValues } from '../../../apps/server/src/modules/indicators';
import { boolFlag, intFlag, parseArgs } from '../lib/args';
import { adminQuery, BENCH_DIR, openBenchRuntime, OUT_DIR, withDatabase } from '../lib/databases';

const DB = 'fazhi_bench_indicators';
const PROVINCE = '990000';
const CITY = '990100';
const PERIOD = '2024';
const CITIES = 18;
const COUNTIES = 8;
const ORGS_PER_REGION = 6;
const COLLECTED_PER_ORG = 40;
const TARGETS = { cityRatio: 2, provinceMs: 5000, docxMs: 1000 };
const log = (m: string) => console.log(m);
const adminUrl = () => process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function generate(client: pg.ClientBase, docs: number): Promise<Record<string, number>> {
  const t = (label: string, since: number) => log(`  ${label}: ${Math.round(performance.now() - since)} ms`);
  let t0 = performance.now();
  await client.query(`
    insert into regions (code, name, level, parent_code, path) values ('${PROVINCE}', '基准省', 'province', null, '${PROVINCE}/')
    on conflict (code) do nothing;
    insert into regions (code, name, level, parent_code, path)
    select '99' || lpad(c::text, 2, '0') || '00', '基准市' || c, 'prefecture', '${PROVINCE}',
           '${PROVINCE}/99' || lpad(c::text, 2, '0') || '00/'
      from generate_series(1, ${CITIES}) c
    on conflict (code) do nothing;
    insert into regions (code, name, level, parent_code, path)
    select '99' || lpad(c::text, 2, '0') || lpad(k::text, 2, '0'), '基准市' || c || '第' || k || '县', 'county',
           '99' || lpad(c::text, 2, '0') || '00',
           '${PROVINCE}/99' || lpad(c::text, 2, '0') || '00/99' || lpad(c::text, 2, '0') || lpad(k::text, 2, '0') || '/'
      from generate_series(1, ${CITIES}) c, generate_series(1, ${COUNTIES}) k
    on conflict (code) do nothing;`);
  await client.query(`
    insert into organisations (name, type, region_code, region_path)
    select r.name || (array['人民政府','司法局','市场监督管理局','生态环境局','交通运输局','自然资源局'])[k],
           (array['government','justice_bureau','department','department','department','department'])[k],
           r.code, r.path
      from regions r, generate_series(1, ${ORGS_PER_REGION}) k
     where r.path like '${PROVINCE}/%'`);
  await client.query(`
    create table bench_orgs as
    select row_number() over (order by o.region_path, o.type, o.id) - 1 as idx, o.id, o.type, o.region_path,
           (select b.id from organisations b where b.region_code = coalesce(r.parent_code, r.code) and b.type = 'justice_bureau') as parent_bureau,
           (select p.path from regions p where p.code = coalesce(r.parent_code, r.code)) as parent_path
      from organisations o join regions r on r.code = o.region_code
     where o.region_path like '${PROVINCE}/%';
    create index on bench_orgs (idx)`);
  t('regions and organisations', t0);
  const norgs = Number(
    (await client.query<{ n: string }>('select count(*) as n from bench_orgs')).rows[0]!.n,
  );

  t0 = performance.now();
  const BATCH = 250_000;
  for (let from = 1; from <= docs; from += BATCH) {
    const to = Math.min(docs, from + BATCH - 1);
    await client.query(`
      insert into normdocs (id, org_id, region_path, drafting_org_id, title, kind, status, registration_year,
                            published_on, effective_on, interpretation_required, interpretation_published_on)
      select gen_random_uuid(), o.id, o.region_path, o.id, '基准规范性文件' || g,
             case o.type when 'government' then 'government' else 'department' end,
             (array['in_force','in_force','in_force','published','amended','repealed'])[1 + g % 6],
             2021 + ((g::bigint * 7919) % 1826)::int / 366,
             date '2021-01-01' + ((g::bigint * 7919) % 1826)::int, date '2021-01-01' + ((g::bigint * 7919) % 1826)::int + 30,
             g % 3 = 0, case when g % 3 = 0 and g % 7 <> 0 then date '2021-01-01' + ((g::bigint * 7919) % 1826)::int + 3 end
        from generate_series(${from}, ${to}) g join bench_orgs o on o.idx = g % ${norgs}`);
    log(`  normdocs ${to}/${docs}`);
  }
  t('normdocs', t0);
  t0 = performance.now();
  await client.query(`
    insert into normdoc_filings (id, doc_id, org_id, region_path, recipient_kind, recipient_org_id,
                                 recipient_region_path, due_date, status, submitted_on, registration_result,
                                 registered_on, review_result, reviewed_on)
    select gen_random_uuid(), d.id, d.org_id, d.region_path, k.kind,
           case k.kind when 'same_level_congress' then null else o.parent_bureau end,
           coalesce(o.parent_path, d.region_path), d.published_on + 30,
           case when h % 10 < 9 then 'passed' else 'registered' end,
           d.published_on + (h % 38), 'registered', d.published_on + (h % 38) + 2,
           case when h % 10 < 9 then (case when h % 50 = 0 then 'self_correct' else 'passed' end) end,
           case when h % 10 < 9 then d.published_on + (h % 38) + 5 + (h % 25) end
      from normdocs d
      join bench_orgs o on o.id = d.org_id
      cross join lateral (values ('superior_government'), ('same_level_congress')) k(kind)
      cross join lateral (select abs(hashtext(d.id::text || k.kind)) as h) hh
     where d.region_path like '${PROVINCE}/%'`);
  t('normdoc_filings', t0);
  t0 = performance.now();
  await client.query(`
    insert into normdoc_filing_reviews (id, filing_id, reviewer_org_id, region_path, received_on, status, issues,
                                        handling, reviewed_on, corrected)
    select gen_random_uuid(), f.id, f.recipient_org_id, f.recipient_region_path, f.submitted_on, 'closed', '[]'::jsonb,
           case f.review_result when 'passed' then 'no_issue' else 'written_opinion' end, f.reviewed_on,
           f.review_result <> 'passed'
      from normdoc_filings f
     where f.reviewed_on is not null and f.recipient_org_id is not null and f.region_path like '${PROVINCE}/%'`);
  t('normdoc_filing_reviews', t0);
  t0 = performance.now();
  await client.query(`
    insert into indicator_values (indicator_code, org_id, region_path, period, source, value, confirmed_at)
    select i.code, o.id, o.region_path, y::text, 'collected', (abs(hashtext(o.id::text || i.code || y)) % 200), now()
      from bench_orgs o
      cross join generate_series(2021, 2025) y
      cross join (select code from indicators where kind = 'collected' and rollup = 'sum' order by code limit ${COLLECTED_PER_ORG}) i`);
  t('indicator_values', t0);
  await client.query('drop table bench_orgs');
  t0 = performance.now();
  await client.query('analyze');
  t('analyze', t0);
  const counts: Record<string, number> = {};
  for (const table of [
    'regions',
    'organisations',
    'normdocs',
    'normdoc_filings',
    'normdoc_filing_reviews',
    'indicator_values',
  ]) {
    counts[table] = Number(
      (await client.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]!.n,
    );
  }
  return counts;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

async function time<T>(runs: number, fn: () => Promise<T>): Promise<{ ms: number; all: number[]; last: T }> {
  let last = await fn(); // warm-up
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await fn();
    all.push(Math.round((performance.now() - t0) * 10) / 10);
  }
  return { ms: median(all), all, last };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const docs = intFlag(args, 'docs', 1_000_000);
  const runs = intFlag(args, 'runs', 5);
  const admin = adminUrl();
  if (boolFlag(args, 'fresh')) await adminQuery(admin, `drop database if exists ${DB} with (force)`);
  const exists = await adminQuery(admin, 'select 1 from pg_database where datname = $1', [DB]);
  if (!exists.length) await adminQuery(admin, `create database ${DB}`);
  const dbUrl = withDatabase(admin, DB);
  const { runtime } = await openBenchRuntime({
    databaseUrl: dbUrl,
    dataDir: path.join(OUT_DIR, 'indicators-external'),
  });
  const db = runtime.database.db;
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const present = await client.query<{ n: string }>(
      `select count(*) as n from normdocs where region_path like '${PROVINCE}/%'`,
    );
    let counts: Record<string, number>;
    if (Number(present.rows[0]!.n) === 0) {
      log(`generating: ${CITIES} cities × ${COUNTIES} counties, ${docs} documents …`);
      const t0 = performance.now();
      counts = await generate(client, docs);
      log(`generated in ${Math.round((performance.now() - t0) / 1000)} s`);
    } else {
      counts = {};
      for (const table of [
        'regions',
        'organisations',
        'normdocs',
        'normdoc_filings',
        'normdoc_filing_reviews',
        'indicator_values',
      ])
        counts[table] = Number(
          (await client.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]!.n,
        );
      log('dataset present, reused');
    }
    log(JSON.stringify(counts));
    const moduleRecords = counts.normdocs! + counts.normdoc_filings! + counts.normdoc_filing_reviews!;

    const cityPath = `${PROVINCE}/${CITY}/`;
    const countSql = `
      select (select count(*) from normdocs where region_path like '${cityPath}%' and published_on between '2024-01-01' and '2024-12-31')
           + (select count(*) from normdoc_filings where region_path like '${cityPath}%'
                 and (submitted_on between '2024-01-01' and '2024-12-31' or due_date between '2024-01-01' and '2024-12-31'
                      or reviewed_on between '2024-01-01' and '2024-12-31'))
           + (select count(*) from normdoc_filing_reviews where region_path like '${cityPath}%'
                 and reviewed_on between '2024-01-01' and '2024-12-31') as n`;
    const count = await time(runs, async () =>
      Number((await client.query<{ n: string }>(countSql)).rows[0]!.n),
    );
    log(`count(*) over the city's rows (${count.last}): ${count.ms} ms ${JSON.stringify(count.all)}`);
    const city = await time(runs, () => resolveIndicatorValues(db, { regionCode: CITY, period: PERIOD }));
    const cityFilled = [...city.last.values()].filter((v) => v.value !== null).length;
    log(
      `resolveIndicatorValues(city ${CITY}, ${PERIOD}): ${city.ms} ms ${JSON.stringify(city.all)} — ${city.last.size} indicators, ${cityFilled} with a value`,
    );
    const province = await time(runs, () =>
      resolveIndicatorValues(db, { regionCode: PROVINCE, period: PERIOD }),
    );
    log(
      `resolveIndicatorValues(province ${PROVINCE}, ${PERIOD}): ${province.ms} ms ${JSON.stringify(province.all)}`,
    );

    const docx = await benchDocx(runs);
    log(`docx: ${docx.note}`);

    const ratio = Math.round((city.ms / Math.max(count.ms, 0.01)) * 100) / 100;
    const result = {
      at: new Date().toISOString(),
      params: { docs, runs, cities: CITIES, countiesPerCity: COUNTIES, period: PERIOD },
      counts,
      moduleRecords,
      city: {
        ms: city.ms,
        all: city.all,
        countMs: count.ms,
        countAll: count.all,
        rowsCounted: count.last,
        ratio,
        pass: ratio <= TARGETS.cityRatio,
      },
      province: { ms: province.ms, all: province.all, pass: province.ms <= TARGETS.provinceMs },
      docx,
    };
    fs.mkdirSync(OUT_DIR, { recursive: true });
    const out = path.join(OUT_DIR, `indicators-results-${result.at.replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(out, JSON.stringify(result, null, 1));
    log(`\nresult: ${out}\n${JSON.stringify(result, null, 1)}`);
    if (boolFlag(args, 'write-results')) appendResults(result);
  } finally {
    await client.end();
    await runtime.shutdown();
    if (boolFlag(args, 'drop')) await adminQuery(admin, `drop database if exists ${DB} with (force)`);
  }
}

/**
 * .docx generation of a full-length report: the 济源 2025 reference report (13,600 characters, 8 chapters) as
 * rendered sections, every Arabic number a figure run — through the reports module's buildReportDocx (公文
 * format). Figure values are resolved before rendering and measured above; this is the document build.
 */
async function benchDocx(
  runs: number,
): Promise<{ ms: number | null; all?: number[]; bytes?: number; note: string }> {
  let build: ((p: unknown) => Promise<Buffer>) | undefined;
  try {
    const m = (await import('../../../apps/server/src/modules/reports/reports.docx')) as Record<
      string,
      unknown
    >;
    build = m.buildReportDocx as typeof build;
  } catch {
    build = undefined;
  }
  if (typeof build !== 'function')
    return { ms: null, note: 'not measured: the reports module has no buildReportDocx' };
  const file = path.join(BENCH_DIR, '../apps/server/test/fixtures/reports/R3-jiyuan-city-2025.txt');
  const lines = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  type Run = Record<string, unknown>;
  const sections: { code: string; title: string; level: number; paragraphs: { runs: Run[] }[] }[] = [];
  let figures = 0;
  for (const line of lines) {
    if (/^[一二三四五六七八九十]+、/.test(line) && line.length < 40) {
      sections.push({ code: `s${sections.length}`, title: line, level: 1, paragraphs: [] });
      continue;
    }
    if (!sections.length) sections.push({ code: 's0', title: '导语', level: 1, paragraphs: [] });
    const runsOf: Run[] = [];
    for (const part of line.split(/(\d+(?:\.\d+)?)/)) {
      if (!part) continue;
      if (/^\d/.test(part)) {
        figures++;
        runsOf.push({
          kind: 'figure',
          code: `f${figures}`,
          name: '指标',
          unit: '件',
          display: part,
          value: Number(part),
          numerator: null,
          denominator: null,
          approx: false,
          source: 'computed',
          provenanceUrl: '',
          bold: false,
        });
      } else runsOf.push({ kind: 'text', text: part, bold: false });
    }
    sections.at(-1)!.paragraphs.push({ runs: runsOf });
  }
  const input = {
    reportId: 'bench',
    title: '济源市人民政府关于2025年度法治政府建设情况的报告',
    period: '2025',
    target: { orgId: null, regionCode: '419001', name: '济源市' },
    issuer: '济源市人民政府',
    issuedOn: '2026-01-21',
    sections,
    frozen: false,
    kind: 'to_superior',
    docNumber: '济政文〔2026〕1号',
    signer: '张三',
    fallbackDate: '2026-01-21',
  };
  const r = await time(runs, () => build(input));
  return {
    ms: r.ms,
    all: r.all,
    bytes: r.last.length,
    note: `buildReportDocx, ${sections.length} sections, ${lines.length} paragraphs, ${figures} figure runs, ${r.last.length} bytes`,
  };
}

type Result = {
  at: string;
  params: { docs: number; runs: number };
  counts: Record<string, number>;
  moduleRecords: number;
  city: { ms: number; countMs: number; rowsCounted: number; ratio: number; pass: boolean };
  province: { ms: number; pass: boolean };
  docx: { ms: number | null; note: string };
};

function appendResults(r: Result) {
  const file = path.join(BENCH_DIR, 'RESULTS.md');
  const lines = [
    '',
    `## Indicators (issue 4) — ${r.at.slice(0, 10)} (\`npm run bench:indicators\`, external PostgreSQL)`,
    '',
    `Dataset: province 990000, 18 cities × 8 counties (${r.counts.regions} regions in the database), ${r.counts.organisations} organisations; ` +
      `${r.moduleRecords.toLocaleString('en')} module records (${r.counts.normdocs} normative documents, ${r.counts.normdoc_filings} filings, ` +
      `${r.counts.normdoc_filing_reviews} filing reviews; documents over 2021–2025) and ${r.counts.indicator_values} collected values. Median of ${r.params.runs} runs after a warm-up.`,
    '',
    '| measure | target | measured | result |',
    '|---|---|---|---|',
    `| all indicators of one city (990100, 2024) vs one count(*) over the same ${r.city.rowsCounted.toLocaleString('en')} rows | ≤ 2× | ${r.city.ms} ms vs ${r.city.countMs} ms = ${r.city.ratio}× | ${r.city.pass ? 'pass' : '**fail**'} |`,
    `| province roll-up (990000, 2024, all indicators) | ≤ 5 s | ${r.province.ms} ms | ${r.province.pass ? 'pass' : '**fail**'} |`,
    `| .docx generation | ≤ 1 s | ${r.docx.ms ?? '—'} | ${r.docx.ms === null ? 'not measured' : r.docx.ms <= 1000 ? 'pass' : '**fail**'} — ${r.docx.note} |`,
    '',
  ];
  fs.appendFileSync(file, lines.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
