import type { RegisterDetail, RegisterSampleResult, RegisterSummary, UnfiledFinding } from '@fazhi/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawSample } from '../../src/modules/normdocs/registers/register-sampling';
import { expectError } from '../clocks/fixtures';
import {
  login,
  makeOrg,
  makeRegion,
  makeUser,
  startTestEnv,
  type Client,
  type TestEnv,
  type TestOrg,
} from '../harness';
import { insertDoc } from './fixtures';

let env: TestEnv;
let dept: TestOrg;
let otherDept: TestOrg;
let reviewer: Client;
let otherReviewer: Client;

beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  const city = await makeRegion(env, prov);
  const sibling = await makeRegion(env, prov);
  const bureau = await makeOrg(env, city, { type: 'justice_bureau' });
  dept = await makeOrg(env, city, { parentId: bureau.id });
  const otherBureau = await makeOrg(env, sibling, { type: 'justice_bureau' });
  otherDept = await makeOrg(env, sibling);
  reviewer = await login(env, (await makeUser(env, bureau, ['reviewer'])).username);
  otherReviewer = await login(env, (await makeUser(env, otherBureau, ['reviewer'])).username);
});
afterAll(() => env.close());

type Cell = string | Date | number | null;
async function xlsx(rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('发文登记');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function form(orgId: string, title: string, file: Buffer, name = '发文目录.xlsx'): FormData {
  const f = new FormData();
  f.append('orgId', orgId);
  f.append('title', title);
  f.append('file', new Blob([new Uint8Array(file)]), name);
  return f;
}

async function counts() {
  const r = await env.database.pool.query(
    `select (select count(*)::int from normdoc_registers) as registers, (select count(*)::int from normdoc_register_entries) as entries`,
  );
  return r.rows[0] as { registers: number; entries: number };
}

const goodRows = (n: number): Cell[][] => [
  ['某某局2025年发文目录'],
  ['序号', '文号', '标题', '成文日期'],
  ...Array.from({ length: n }, (_, i) => [
    i + 1,
    `测局文〔2025〕${i + 1}号`,
    `关于第${i + 1}项工作的通知`,
    i === 0 ? new Date(Date.UTC(2025, 0, 6)) : i === 1 ? '2025年2月3日' : `2025/3/${(i % 28) + 1}`,
  ]),
];

async function upload(n = 20): Promise<RegisterSummary> {
  const res = await reviewer.post<RegisterSummary>(
    '/api/normdocs/registers',
    form(dept.id, '2025年度发文目录核查', await xlsx(goodRows(n))),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describe('发文目录 import', () => {
  it('downloads the template with the three columns', async () => {
    const res = await reviewer.get('/api/normdocs/registers/template.xlsx');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw);
    const header = wb.worksheets[0]?.getRow(1).values as unknown[];
    expect(header.slice(1)).toEqual(['发文字号', '文件标题', '发文日期']);
  });

  it('imports a register with header variants, a title line and mixed date formats', async () => {
    const reg = await upload(20);
    expect(reg).toMatchObject({
      org: { id: dept.id, name: dept.name },
      entryCount: 20,
      periodFrom: '2025-01-06',
      periodTo: '2025-03-20',
      sampleSeed: null,
    });
    const detail = await reviewer.get<RegisterDetail>(`/api/normdocs/registers/${reg.id}?page=2&pageSize=5`);
    expect(detail.status).toBe(200);
    expect(detail.body.entries.total).toBe(20);
    expect(detail.body.entries.items.map((e) => e.seq)).toEqual([6, 7, 8, 9, 10]);
    expect(detail.body.entries.items[0]).toMatchObject({
      docNumber: '测局文〔2025〕6号',
      title: '关于第6项工作的通知',
      issuedOn: '2025-03-06',
      sampled: false,
      classification: null,
    });
    const first = await reviewer.get<RegisterDetail>(`/api/normdocs/registers/${reg.id}?pageSize=2`);
    expect(first.body.entries.items.map((e) => e.issuedOn)).toEqual(['2025-01-06', '2025-02-03']);
    const audit = await env.database.pool.query(
      `select action from audit_log where entity_type = 'normdoc_register' and entity_id = $1`,
      [reg.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['normdoc.register.import']);
  });

  it('refuses a file with bad rows naming row and column, and writes nothing', async () => {
    const before = await counts();
    const rows: Cell[][] = [
      ['发文字号', '文件标题', '发文日期'],
      ['测局文〔2025〕1号', '关于甲的通知', '2025-01-02'],
      ['测局文〔2025〕2号', '关于乙的通知', '2025-13-01'],
      ['测局文〔2025〕3号', '', '2025-01-03'],
    ];
    const res = await reviewer.post(
      '/api/normdocs/registers',
      form(dept.id, '有错误的目录', await xlsx(rows)),
    );
    expectError(res, 422, 'REGISTER_ROWS_INVALID', /第3行“发文日期”.*第4行“文件标题”不能为空/);
    expect((res.body as { details: { problems: unknown[] } }).details.problems).toHaveLength(2);
    expect(await counts()).toEqual(before);
  });

  it('refuses a non-xlsx file, a missing title column and an organisation outside the scope', async () => {
    const before = await counts();
    const csv = Buffer.from('发文字号,文件标题\n1,2\n');
    expectError(
      await reviewer.post('/api/normdocs/registers', form(dept.id, '目录', csv, '目录.csv')),
      400,
      'FILE_INVALID',
      /\.xlsx/,
    );
    expectError(
      await reviewer.post(
        '/api/normdocs/registers',
        form(
          dept.id,
          '目录',
          await xlsx([
            ['发文字号', '日期'],
            ['x', '2025-01-01'],
          ]),
        ),
      ),
      400,
      'FILE_INVALID',
      /文件标题/,
    );
    expectError(
      await reviewer.post('/api/normdocs/registers', form(otherDept.id, '越权', await xlsx(goodRows(2)))),
      404,
      'NOT_FOUND',
    );
    expect(await counts()).toEqual(before);
  });

  it('keeps registers inside the jurisdiction', async () => {
    const reg = await upload(3);
    expect((await otherReviewer.get(`/api/normdocs/registers/${reg.id}`)).status).toBe(404);
    const list = await otherReviewer.get<{ items: RegisterSummary[] }>('/api/normdocs/registers');
    expect(list.body.items.map((r) => r.id)).not.toContain(reg.id);
    const mine = await reviewer.get<{ items: RegisterSummary[] }>('/api/normdocs/registers');
    expect(mine.body.items.map((r) => r.id)).toContain(reg.id);
    const exp = await reviewer.get('/api/normdocs/registers/export.xlsx');
    expect(exp.status).toBe(200);
    expect(exp.headers.get('content-type')).toContain('spreadsheetml');
  });
});

describe('sampling', () => {
  it('draws the same sample for the same seed, another for another seed, and records it', async () => {
    const reg = await upload(40);
    const a = await reviewer.post<RegisterSampleResult>(`/api/normdocs/registers/${reg.id}/sample`, {
      size: 8,
      seed: '2025-核查-甲',
    });
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(a.body.seqs).toHaveLength(8);
    expect(a.body.seqs).toEqual([...a.body.seqs].sort((x, y) => x - y));
    expect(a.body.algorithm).toBe('sha256-ctr48/partial-fisher-yates/v1');
    // The published algorithm reproduces the draw.
    expect(a.body.seqs).toEqual(
      drawSample(
        Array.from({ length: 40 }, (_, i) => i + 1),
        8,
        '2025-核查-甲',
      ),
    );

    const again = await reviewer.post<RegisterSampleResult>(`/api/normdocs/registers/${reg.id}/sample`, {
      size: 8,
      seed: '2025-核查-甲',
    });
    expect(again.body.seqs).toEqual(a.body.seqs);
    const other = await reviewer.post<RegisterSampleResult>(`/api/normdocs/registers/${reg.id}/sample`, {
      size: 8,
      seed: '2025-核查-乙',
    });
    expect(other.body.seqs).not.toEqual(a.body.seqs);

    const detail = await reviewer.get<RegisterDetail>(
      `/api/normdocs/registers/${reg.id}?sampledOnly=true&pageSize=50`,
    );
    expect(detail.body.register).toMatchObject({
      sampleSeed: '2025-核查-乙',
      sampleSize: 8,
      sampleAlgorithm: 'sha256-ctr48/partial-fisher-yates/v1',
    });
    expect(detail.body.entries.items.map((e) => e.seq)).toEqual(other.body.seqs);

    const verify = await reviewer.post<RegisterSampleResult>(
      `/api/normdocs/registers/${reg.id}/sample/verify`,
      { size: 8, seed: '2025-核查-乙' },
    );
    expect(verify.body).toMatchObject({ seqs: other.body.seqs, matchesRecorded: true });
    const wrong = await reviewer.post<RegisterSampleResult>(
      `/api/normdocs/registers/${reg.id}/sample/verify`,
      { size: 8, seed: '2025-核查-甲' },
    );
    expect(wrong.body.matchesRecorded).toBe(false);

    const audit = await env.database.pool.query(
      `select diff->'detail'->>'seed' as seed from audit_log where action = 'normdoc.register.sample' and entity_id = $1 order by seq`,
      [reg.id],
    );
    expect(audit.rows.map((r) => r.seed)).toEqual(['2025-核查-甲', '2025-核查-甲', '2025-核查-乙']);
  });

  it('chooses and records a random seed when none is given, and refuses more than the register holds', async () => {
    const reg = await upload(5);
    const res = await reviewer.post<RegisterSampleResult>(`/api/normdocs/registers/${reg.id}/sample`, {
      size: 2,
    });
    expect(res.status).toBe(200);
    expect(res.body.seed).toMatch(/^[0-9a-f]{16}$/);
    expectError(
      await reviewer.post(`/api/normdocs/registers/${reg.id}/sample`, { size: 6, seed: 'x' }),
      400,
      'VALIDATION_FAILED',
      /不能超过目录条数/,
    );
    expect((await otherReviewer.post(`/api/normdocs/registers/${reg.id}/sample`, { size: 1 })).status).toBe(
      404,
    );
  });
});

describe('认定 and 漏备 findings', () => {
  it('classifies entries: a normative, unfiled entry becomes a finding with a 30-day follow-up clock', async () => {
    const reg = await upload(6);
    await reviewer.post(`/api/normdocs/registers/${reg.id}/sample`, { size: 6, seed: 's' });
    const detail = await reviewer.get<RegisterDetail>(`/api/normdocs/registers/${reg.id}`);
    const [e1, e2, e3] = detail.body.entries.items;

    expectError(
      await reviewer.post(`/api/normdocs/register-entries/${e1?.id}/classify`, {
        classification: 'normative',
      }),
      400,
      'VALIDATION_FAILED',
    );

    const res = await reviewer.post<{
      entry: { classification: string; classifiedByName: string };
      finding: UnfiledFinding;
    }>(`/api/normdocs/register-entries/${e1?.id}/classify`, {
      classification: 'normative',
      reason: '涉及公民权利义务，具有普遍约束力，可反复适用',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.entry.classification).toBe('normative');
    expect(res.body.entry.classifiedByName).toMatch(/^测试/);
    const f = res.body.finding;
    expect(f).toMatchObject({
      status: 'open',
      title: e1?.title,
      docNumber: e1?.docNumber,
      org: { id: dept.id },
    });
    const due = new Date(`${f.foundOn}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 30);
    // 30 calendar days, moved to the next working day when it falls on a holiday or weekend (民事诉讼法 第八十五条).
    expect(f.followUpDue && f.followUpDue >= due.toISOString().slice(0, 10)).toBe(true);
    const clock = await env.database.pool.query(
      `select status, due_date::text, legal_basis from clocks where subject_type = 'normdoc_unfiled' and subject_id = $1`,
      [f.id],
    );
    expect(clock.rows[0]).toMatchObject({ due_date: f.followUpDue });
    expect(clock.rows[0].legal_basis).toContain('法规规章备案审查条例');

    // A second classification of the same entry is refused once a finding exists.
    expectError(
      await reviewer.post(`/api/normdocs/register-entries/${e1?.id}/classify`, {
        classification: 'not_normative',
        reason: '改判',
      }),
      409,
      'ILLEGAL_TRANSITION',
    );

    // Not normative: no finding.
    const no = await reviewer.post<{ finding: unknown }>(
      `/api/normdocs/register-entries/${e2?.id}/classify`,
      {
        classification: 'not_normative',
        reason: '内部工作方案',
      },
    );
    expect(no.body.finding).toBeNull();

    // Normative, but the organ filed it: matched, no finding.
    const filed = await insertDoc(env, dept, {
      title: e3?.title as string,
      docNumber: e3?.docNumber as string,
    });
    await env.database.pool.query(
      `insert into normdoc_filings (doc_id, org_id, region_path, recipient_kind, recipient_region_path, due_date, status, submitted_on)
       values ($1, $2, $3, 'superior_government', $3, '2025-05-01', 'submitted', '2025-04-10')`,
      [filed.id, dept.id, dept.regionPath],
    );
    const matched = await reviewer.post<{ finding: unknown; matchedDocId: string }>(
      `/api/normdocs/register-entries/${e3?.id}/classify`,
      { classification: 'normative', reason: '规范性文件，已报备' },
    );
    expect(matched.body).toMatchObject({ finding: null, matchedDocId: filed.id });

    // The sample is fixed once classification started.
    expectError(
      await reviewer.post(`/api/normdocs/registers/${reg.id}/sample`, { size: 2, seed: 'new' }),
      409,
      'SAMPLE_LOCKED',
    );
    // Outside the jurisdiction: not found.
    expect(
      (
        await otherReviewer.post(`/api/normdocs/register-entries/${e2?.id}/classify`, {
          classification: 'uncertain',
          reason: 'x',
        })
      ).status,
    ).toBe(404);
  });

  it('follows a finding up to closure, completing its clock; lists and exports findings in scope', async () => {
    const reg = await upload(2);
    const entries = await reviewer.get<RegisterDetail>(`/api/normdocs/registers/${reg.id}`);
    const res = await reviewer.post<{ finding: UnfiledFinding }>(
      `/api/normdocs/register-entries/${entries.body.entries.items[0]?.id}/classify`,
      { classification: 'normative', reason: '属于规范性文件' },
    );
    const f = res.body.finding;
    const list = await reviewer.get<{ items: UnfiledFinding[] }>(
      `/api/normdocs/unfiled-findings?registerId=${reg.id}`,
    );
    expect(list.body.items.map((x) => x.id)).toEqual([f.id]);
    const others = await otherReviewer.get<{ items: UnfiledFinding[] }>('/api/normdocs/unfiled-findings');
    expect(others.body.items.map((x) => x.id)).not.toContain(f.id);

    const r1 = await reviewer.post<UnfiledFinding>(`/api/normdocs/unfiled-findings/${f.id}/follow-up`, {
      version: 1,
      status: 'rectifying',
      note: '已通知制定机关补报',
    });
    expect(r1.status, JSON.stringify(r1.body)).toBe(200);
    expect(r1.body).toMatchObject({ status: 'rectifying', version: 2 });
    expectError(
      await reviewer.post(`/api/normdocs/unfiled-findings/${f.id}/follow-up`, {
        version: 1,
        status: 'closed',
        note: '旧版本',
      }),
      409,
      'STALE_WRITE',
    );
    const doc = await insertDoc(env, dept, { title: f.title });
    const r2 = await reviewer.post<UnfiledFinding>(`/api/normdocs/unfiled-findings/${f.id}/follow-up`, {
      version: 2,
      status: 'closed',
      note: '已补办登记并报备',
      docId: doc.id,
    });
    expect(r2.status, JSON.stringify(r2.body)).toBe(200);
    expect(r2.body).toMatchObject({ status: 'closed', docId: doc.id, version: 3 });
    expect(r2.body.followUp).toContain('已通知制定机关补报');
    expect(r2.body.followUp).toContain('已补办登记并报备');
    const clock = await env.database.pool.query(
      `select status from clocks where subject_type = 'normdoc_unfiled' and subject_id = $1`,
      [f.id],
    );
    expect(clock.rows[0].status).toBe('completed');
    expectError(
      await reviewer.post(`/api/normdocs/unfiled-findings/${f.id}/follow-up`, {
        version: 3,
        status: 'rectifying',
        note: 'x',
      }),
      409,
      'ILLEGAL_TRANSITION',
    );
    const exp = await reviewer.get('/api/normdocs/unfiled-findings/export.xlsx');
    expect(exp.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exp.raw);
    const titles = wb.worksheets[0]?.getColumn(1).values as unknown[];
    expect(titles).toContain(f.title);
  });
});
