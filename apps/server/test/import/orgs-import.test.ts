import ExcelJS from 'exceljs';
import { completeUscc } from '@fazhi/contracts';
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
import { fillTemplate, importFile, ORG_HEADERS, redCells, workbook } from './import-helpers';

let env: TestEnv;
let prov: TestRegion;
let city: TestRegion;
let otherProv: TestRegion;
let cityGov: TestOrg;
let admin: Client;

beforeAll(async () => {
  env = await startTestEnv();
  prov = await makeRegion(env, null);
  city = await makeRegion(env, prov);
  otherProv = await makeRegion(env, null);
  const bureau = await makeOrg(env, prov, { type: 'justice_bureau' });
  cityGov = await makeOrg(env, city, { type: 'government' });
  const sysadmin = await makeUser(env, bureau, ['sysadmin']);
  admin = await login(env, sysadmin.username);
});
afterAll(() => env.close());

const uniqueName = (label: string) => `${label}${Math.random().toString(36).slice(2, 8)}`;
const uscc = (n: number) => completeUscc(`11${city.code}${String(31000000 + n)}`);

async function orgsNamed(names: string[]) {
  const r = await env.database.pool.query<{
    id: string;
    name: string;
    parent_id: string | null;
    type: string;
    uscc: string | null;
    is_law_enforcement_body: boolean;
    region_code: string;
  }>(
    'select id, name, parent_id, type, uscc, is_law_enforcement_body, region_code from organisations where name = any($1)',
    [names],
  );
  return new Map(r.rows.map((o) => [o.name, o]));
}

describe('orgs import', () => {
  it('fills the downloaded template and imports every row in one go, through the org service, audited and in scope', async () => {
    const tpl = await admin.get('/api/import/orgs/template.xlsx');
    expect(tpl.status).toBe(200);
    const a = uniqueName('甲局');
    const b = uniqueName('甲局下属中心');
    const c = uniqueName('省直单位');
    const file = await fillTemplate(tpl.raw, '单位', [
      [a, '甲局', '政府部门', city.code, cityGov.name, uscc(1), '甲', '是', '否'],
      [b, null, '受委托组织', city.code, a, null, null, null, null],
      [c, null, '司法行政机关', prov.code, null, uscc(2), null, '否', '是'],
    ]);
    const job = await importFile(admin, 'orgs', file);
    expect(job).toMatchObject({ kind: 'orgs', status: 'succeeded', total: 3, processed: 3, errorCount: 0 });

    const rows = await orgsNamed([a, b, c]);
    expect(rows.size).toBe(3);
    expect(rows.get(a)).toMatchObject({
      type: 'department',
      parent_id: cityGov.id,
      uscc: uscc(1),
      is_law_enforcement_body: true,
      region_code: city.code,
    });
    expect(rows.get(b)?.parent_id).toBe(rows.get(a)?.id);
    expect(rows.get(c)).toMatchObject({ type: 'justice_bureau', parent_id: null });

    const audit = await env.database.pool.query<{
      action: string;
      entity_id: string;
      request_id: string;
      diff: { kind?: string; total?: number; written?: number };
    }>(
      `select action, entity_id, request_id, diff from audit_log where entity_id = any($1) or entity_id = $2 order by seq`,
      [[...rows.values()].map((o) => o.id), job.id],
    );
    expect(audit.rows.filter((x) => x.action === 'org.create')).toHaveLength(3);
    const run = audit.rows.find((x) => x.action === 'import.run');
    expect(run?.diff).toMatchObject({ kind: 'orgs', total: 3, written: 3 });
    expect(new Set(audit.rows.map((x) => x.request_id)).size).toBe(1); // the upload's request id labels every entry

    const listed = await admin.get<{ items: { name: string }[] }>('/api/orgs');
    expect(listed.body.items.map((o) => o.name)).toEqual(expect.arrayContaining([a, b, c]));
  });

  it('reports every bad cell at once, writes nothing, and returns the workbook with those cells marked', async () => {
    const good = uniqueName('好单位');
    const names = [
      good,
      uniqueName('坏代码'),
      uniqueName('缺类型'),
      uniqueName('无上级'),
      uniqueName('外省'),
    ];
    const file = await workbook('单位', ORG_HEADERS, [
      [good, null, '政府部门', city.code, null, null, null, null, null], // row 2: fine
      [names[1] as string, null, '政府部门', city.code, null, '91110000123456789X', null, null, null], // row 3: bad USCC
      [names[2] as string, null, null, city.code, null, null, null, null, null], // row 4: 单位类型 missing
      [names[3] as string, null, '政府部门', city.code, '没有这个单位', null, null, null, null], // row 5: unknown parent
      [good, null, '政府部门', city.code, null, null, null, null, null], // row 6: same name as row 2
      [names[4] as string, null, '政府部门', otherProv.code, null, null, null, null, null], // row 7: region outside the scope
    ]);
    const job = await importFile(admin, 'orgs', file);
    expect(job.status).toBe('failed');
    expect(job.errorCount).toBe(5);
    expect(job.processed).toBe(0);
    expect(job.message).toContain('未写入任何数据');
    expect((await orgsNamed(names)).size).toBe(0);

    const errors = await admin.get(`/api/import/jobs/${job.id}/errors.xlsx`);
    expect(errors.status).toBe(200);
    expect(errors.headers.get('content-type')).toContain('spreadsheetml');
    const { ws, marked } = await redCells(errors.raw);
    const col = (h: string) => ORG_HEADERS.indexOf(h) + 1;
    expect(marked.map((m) => [m.row, m.col]).sort()).toEqual(
      [
        [3, col('统一社会信用代码')],
        [4, col('单位类型')],
        [5, col('上级单位')],
        [6, col('单位名称')],
        [7, col('行政区划代码')],
      ].sort(),
    );
    const noteAt = (row: number) => marked.find((m) => m.row === row)?.note ?? '';
    expect(noteAt(3)).toContain('统一社会信用代码无效');
    expect(noteAt(4)).toContain('必填');
    expect(noteAt(5)).toContain('没有这个单位');
    expect(noteAt(6)).toContain('与第 2 行重复');
    expect(noteAt(7)).toContain('不在您的管辖范围内');
    const errorCol = ORG_HEADERS.length + 1;
    expect(ws.getCell(1, errorCol).value).toBe('错误说明');
    expect(ws.getCell(2, errorCol).value).toBeNull();
    for (const r of [3, 4, 5, 6, 7]) expect(String(ws.getCell(r, errorCol).value)).not.toBe('');
    expect(String(ws.getCell(4, errorCol).value)).toContain('单位类型：必填');

    const failed = await env.database.pool.query(
      `select outcome, diff from audit_log where action = 'import.run' and entity_id = $1`,
      [job.id],
    );
    expect(failed.rows).toEqual([
      { outcome: 'failed', diff: expect.objectContaining({ errorCount: 5, stage: 'validation' }) },
    ]);
  });

  it('takes the corrected errors file back: marks of the previous round are cleared', async () => {
    const n1 = uniqueName('重传甲');
    const n2 = uniqueName('重传乙');
    const first = await importFile(
      admin,
      'orgs',
      await workbook('单位', ORG_HEADERS, [
        [n1, null, '不是类型', city.code, null, null, null, null, null],
        [n2, null, '政府部门', city.code, null, '123', null, null, null],
      ]),
    );
    expect(first.errorCount).toBe(2);
    const load = async (jobId: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await admin.get(`/api/import/jobs/${jobId}/errors.xlsx`)).raw);
      return wb;
    };
    const wb = await load(first.id);
    (wb.worksheets[0] as ExcelJS.Worksheet).getCell(2, 3).value = '政府部门'; // fix row 2 only
    const second = await importFile(admin, 'orgs', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(second.errorCount).toBe(1);
    const { ws, marked } = await redCells((await admin.get(`/api/import/jobs/${second.id}/errors.xlsx`)).raw);
    expect(marked.map((m) => m.address)).toEqual(['F3']);
    expect(ws.getCell('C2').note).toBeUndefined();
    expect(ws.getCell(2, ORG_HEADERS.length + 1).value).toBeNull();

    const wb2 = await load(second.id);
    (wb2.worksheets[0] as ExcelJS.Worksheet).getCell('F3').value = null;
    const third = await importFile(admin, 'orgs', Buffer.from(await wb2.xlsx.writeBuffer()));
    expect(third.status).toBe('succeeded');
    expect((await orgsNamed([n1, n2])).size).toBe(2);
  });

  it('a business rule failing at commit rolls back every row and names the row', async () => {
    const existing = await makeOrg(env, city);
    const first = uniqueName('先写入');
    const second = uniqueName('也写入');
    const file = await workbook('单位', ORG_HEADERS, [
      [first, null, '政府部门', city.code, null, null, null, null, null],
      [second, null, '政府部门', city.code, first, null, null, null, null],
      [existing.name, null, '政府部门', city.code, null, null, null, null, null], // already exists in the region: createOrgTx refuses
    ]);
    const job = await importFile(admin, 'orgs', file);
    expect(job.status).toBe('failed');
    expect(job.errorCount).toBe(1);
    expect(job.message).toContain('第 4 行');
    expect(job.message).toContain('已全部回滚');
    expect((await orgsNamed([first, second])).size).toBe(0);
    const audit = await env.database.pool.query(
      `select 1 from audit_log where action = 'org.create' and diff::text like $1`,
      [`%${first}%`],
    );
    expect(audit.rowCount).toBe(0);

    const errors = await admin.get(`/api/import/jobs/${job.id}/errors.xlsx`);
    const { ws, marked } = await redCells(errors.raw);
    expect(marked.map((m) => m.row)).toEqual([4]);
    expect(String(ws.getCell(4, ORG_HEADERS.length + 1).value)).toContain(existing.name);
    expect(ws.getCell(2, ORG_HEADERS.length + 1).value).toBeNull();
  });
});
