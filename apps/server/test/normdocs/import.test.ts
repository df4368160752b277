import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  login,
  makeOrg,
  makeRegion,
  makeUser,
  startTestEnv,
  type Client,
  type TestEnv,
  type TestOrg,
  type TestRegion,
} from '../harness';
import { fillTemplate, importFile, redCells, upload, workbook } from '../import/import-helpers';
import { insertDoc } from './fixtures';

const HEADERS = [
  '文件标题',
  '制定机关',
  '类型',
  '发文字号',
  '统一登记号',
  '公布日期',
  '施行日期',
  '有效期至',
  '状态',
  '失效日期',
  '上位法依据',
  '正文',
];
const col = (h: string) => HEADERS.indexOf(h) + 1;

let env: TestEnv;
let city: TestRegion;
let otherCity: TestRegion;
let cityGov: TestOrg;
let dept: TestOrg;
let otherDept: TestOrg;
let reviewer: Client;
let staff: Client;

beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  city = await makeRegion(env, prov);
  otherCity = await makeRegion(env, prov);
  cityGov = await makeOrg(env, city, { type: 'government' });
  dept = await makeOrg(env, city);
  otherDept = await makeOrg(env, otherCity);
  const bureau = await makeOrg(env, city, { type: 'justice_bureau' });
  reviewer = await login(env, (await makeUser(env, bureau, ['reviewer'])).username);
  staff = await login(env, (await makeUser(env, dept, ['staff'])).username);
});
afterAll(() => env.close());

const tag = () => Math.random().toString(36).slice(2, 8);

type DocDb = {
  id: string;
  title: string;
  status: string;
  org_id: string;
  region_path: string;
  kind: string;
  imported: boolean;
  registration_number: string;
  registration_year: number | null;
  valid_until: string | null;
  ended_on: string | null;
  provisional_rules: boolean;
  legal_basis: { name: string; article?: string }[];
};

async function docsByNumbers(numbers: string[]): Promise<Map<string, DocDb>> {
  const r = await env.database.pool.query<DocDb>(
    `select id, title, status, org_id, region_path, kind, imported, registration_number, registration_year,
            to_char(valid_until, 'YYYY-MM-DD') as valid_until, to_char(ended_on, 'YYYY-MM-DD') as ended_on,
            provisional_rules, legal_basis
       from normdocs where registration_number = any($1)`,
    [numbers],
  );
  return new Map(r.rows.map((d) => [d.registration_number, d]));
}

describe('normdocs import (existing catalogue)', () => {
  it('imports every row from the downloaded template: in force, searchable, with a timeline line and audit', async () => {
    const tpl = await reviewer.get('/api/import/normdocs/template.xlsx');
    expect(tpl.status).toBe(200);
    const t = tag();
    const n = (i: number) => `测规${t}〔2024〕${i}号`;
    // This year's 暂行 document is still in force whatever day the test runs.
    const year = new Date().getFullYear();
    const file = await fillTemplate(tpl.raw, '规范性文件', [
      [
        `关于优化营商环境${t}的若干意见`,
        cityGov.name,
        '政府规范性文件',
        '测政〔2024〕3号',
        n(1),
        '2024-03-01',
        '2024-04-01',
        null,
        '现行有效',
        null,
        '《优化营商环境条例》第十条；《河南省优化营商环境条例》',
        '为进一步优化营商环境，激发市场主体活力，制定本意见。',
      ],
      [
        `城市绿化管理暂行办法${t}`,
        dept.name,
        '部门规范性文件',
        `测建〔${year}〕8号`,
        n(2),
        `${year}年1月6日`,
        `${year}/1/6`,
        null,
        '现行有效',
        null,
        null,
        null,
      ],
      [
        `关于停车收费${t}的通知`,
        dept.name,
        '部门规范性文件',
        '测建〔2020〕1号',
        n(3),
        '2020-01-10',
        '2020-02-01',
        '2025-01-31',
        '已废止',
        '2023-06-30',
        null,
        null,
      ],
    ]);
    const job = await importFile(reviewer, 'normdocs', file);
    expect(job, JSON.stringify(job)).toMatchObject({ kind: 'normdocs', status: 'succeeded', total: 3 });

    const docs = await docsByNumbers([n(1), n(2), n(3)]);
    expect(docs.size).toBe(3);
    expect(docs.get(n(1))).toMatchObject({
      status: 'in_force',
      org_id: cityGov.id,
      region_path: cityGov.regionPath,
      kind: 'government',
      imported: true,
      registration_year: 2024,
      valid_until: '2029-03-31', // default: 5 years from the effective date
      ended_on: null,
      legal_basis: [{ name: '优化营商环境条例', article: '第十条' }, { name: '河南省优化营商环境条例' }],
    });
    // 暂行: 2 years by default.
    expect(docs.get(n(2))).toMatchObject({ provisional_rules: true, valid_until: `${year + 2}-01-05` });
    expect(docs.get(n(3))).toMatchObject({ status: 'repealed', ended_on: '2023-06-30' });

    // Searchable through the jieba tsvector written with the row (title and body).
    const id1 = docs.get(n(1))?.id as string;
    const hit = await env.database.pool.query<{ id: string }>(
      `select id from normdocs where search_tsv @@ to_tsquery('simple', $1) and id = $2`,
      ["'营商' & '环境'", id1],
    );
    expect(hit.rows).toHaveLength(1);
    const byBody = await env.database.pool.query<{ id: string }>(
      `select id from normdocs where search_tsv @@ to_tsquery('simple', $1) and id = $2`,
      ["'活力'", id1],
    );
    expect(byBody.rows).toHaveLength(1);

    const events = await env.database.pool.query<{ doc_id: string; action: string; to_status: string }>(
      `select doc_id, action, to_status from normdoc_events where doc_id = any($1)`,
      [[...docs.values()].map((d) => d.id)],
    );
    expect(events.rows).toHaveLength(3);
    expect(events.rows.every((e) => e.action === 'import')).toBe(true);
    expect(events.rows.find((e) => e.doc_id === id1)?.to_status).toBe('in_force');

    const audit = await env.database.pool.query<{ action: string }>(
      `select action from audit_log where entity_id = any($1) or entity_id = $2`,
      [[...docs.values()].map((d) => d.id), job.id],
    );
    expect(audit.rows.filter((a) => a.action === 'normdoc.import')).toHaveLength(3);
    expect(audit.rows.filter((a) => a.action === 'import.run')).toHaveLength(1);
  });

  it('a bad row writes nothing and returns the workbook with the bad cells marked', async () => {
    const t = tag();
    const n = (i: number) => `坏规${t}〔2024〕${i}号`;
    const row = (over: Partial<Record<string, string | null>>) =>
      HEADERS.map((h) =>
        h in over
          ? (over[h] ?? null)
          : ({
              文件标题: `关于测试导入${t}的通知`,
              制定机关: dept.name,
              类型: '部门规范性文件',
              发文字号: '测〔2024〕1号',
              公布日期: '2024-03-01',
              施行日期: '2024-03-01',
              状态: '现行有效',
            }[h] ?? null),
      );
    const file = await workbook('规范性文件', HEADERS, [
      row({ 统一登记号: n(1) }), // row 2: fine
      row({ 统一登记号: n(2), 公布日期: '2024-02-30' }), // row 3: no such date
      row({ 统一登记号: n(3), 制定机关: otherDept.name }), // row 4: outside the reviewer's region
      row({ 统一登记号: n(4), 状态: '已废止' }), // row 5: ended without 失效日期
      row({ 统一登记号: n(5), 类型: '规章' }), // row 6: not a kind
      row({ 统一登记号: n(6), 施行日期: '2024-02-01' }), // row 7: effective before publication
    ]);
    const job = await importFile(reviewer, 'normdocs', file);
    expect(job.status).toBe('failed');
    expect(job.processed).toBe(0);
    expect(job.errorCount).toBe(5);
    expect(job.message).toContain('未写入任何数据');
    expect((await docsByNumbers([1, 2, 3, 4, 5, 6].map(n))).size).toBe(0);

    const errors = await reviewer.get(`/api/import/jobs/${job.id}/errors.xlsx`);
    expect(errors.status).toBe(200);
    const { marked } = await redCells(errors.raw);
    expect(marked.map((m) => [m.row, m.col]).sort()).toEqual(
      [
        [3, col('公布日期')],
        [4, col('制定机关')],
        [5, col('失效日期')],
        [6, col('类型')],
        [7, col('施行日期')],
      ].sort(),
    );
    const noteAt = (r: number) => marked.find((m) => m.row === r)?.note ?? '';
    expect(noteAt(3)).toContain('不是有效日期');
    expect(noteAt(4)).toContain('不在您的管辖范围内');
    expect(noteAt(5)).toContain('失效日期');
    expect(noteAt(7)).toContain('不能早于公布日期');
  });

  it('refuses a registration number used in the database or twice in the file', async () => {
    const t = tag();
    const existing = await insertDoc(env, dept, { registrationNumber: `已有${t}〔2023〕9号` });
    const line = (title: string, reg: string) => [
      title,
      dept.name,
      '部门规范性文件',
      '测〔2023〕9号',
      reg,
      '2023-05-01',
      '2023-05-01',
      null,
      '现行有效',
      null,
      null,
      null,
    ];
    const dup = `重复${t}〔2024〕1号`;
    const file = await workbook('规范性文件', HEADERS, [
      line(`甲文件${t}`, existing.registrationNumber as string), // row 2: taken in the database
      line(`乙文件${t}`, dup), // row 3
      line(`丙文件${t}`, dup), // row 4: same as row 3
    ]);
    const job = await importFile(reviewer, 'normdocs', file);
    expect(job.status).toBe('failed');
    expect(job.errorCount).toBe(2);
    expect((await docsByNumbers([dup])).size).toBe(0);
    const { marked } = await redCells((await reviewer.get(`/api/import/jobs/${job.id}/errors.xlsx`)).raw);
    expect(marked.map((m) => [m.row, m.col]).sort()).toEqual(
      [
        [2, col('统一登记号')],
        [4, col('统一登记号')],
      ].sort(),
    );
    expect(marked.find((m) => m.row === 2)?.note).toContain('已被系统中的其他文件使用');
    expect(marked.find((m) => m.row === 4)?.note).toContain('与第 3 行重复');
  });

  it('is for the legality-review body only: a drafting unit may neither download the template nor upload', async () => {
    expect((await staff.get('/api/import/normdocs/template.xlsx')).status).toBe(403);
    const file = await workbook('规范性文件', HEADERS, []);
    expect((await upload(staff, 'normdocs', file)).status).toBe(403);
  });
});
