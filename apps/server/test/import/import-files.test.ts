import ExcelJS from 'exceljs';
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
} from '../harness';
import { importFile, ORG_HEADERS, upload, workbook } from './import-helpers';

let env: TestEnv;
let bureau: TestOrg;
let admin: Client;

beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  bureau = await makeOrg(env, prov, { type: 'justice_bureau' });
  admin = await login(env, (await makeUser(env, bureau, ['sysadmin'])).username);
});
afterAll(() => env.close());

type Err = { code: string; message: string };

describe('import templates, files and access', () => {
  it('serves a template with the header row, dropdowns for enum columns and a 说明 sheet with an example', async () => {
    const r = await admin.get('/api/import/orgs/template.xlsx');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toContain(encodeURIComponent('单位导入模板.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.raw);
    const data = wb.getWorksheet('单位') as ExcelJS.Worksheet;
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(ORG_HEADERS);
    expect(data.actualRowCount).toBe(1); // no example among the data
    expect(data.getCell('C2').dataValidation).toMatchObject({
      type: 'list',
      formulae: [expect.stringContaining('政府部门')],
    });
    expect(data.getCell('H500').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(String(data.getCell('F1').note)).toContain('校验位');
    const guide = wb.getWorksheet('说明') as ExcelJS.Worksheet;
    const text: string[] = [];
    guide.eachRow((row) => row.eachCell((c) => void text.push(String(c.value))));
    expect(text).toEqual(expect.arrayContaining(['统一社会信用代码', '三门峡市市场监督管理局', '政府部门']));

    const users = await admin.get('/api/import/users/template.xlsx');
    expect(users.status).toBe(200);
  });

  it('refuses files that are not .xlsx, have wrong headers, no rows or too many rows — with coded 4xx answers', async () => {
    const notXlsx = await upload(admin, 'orgs', Buffer.from('名称,类型\n甲,乙\n'), 'orgs.csv', 'text/csv');
    expect(notXlsx.status).toBe(400);
    expect(notXlsx.body.code).toBe('FILE_INVALID');
    const disguised = await upload(admin, 'orgs', Buffer.from('this is not a workbook'), 'orgs.xlsx');
    expect(disguised.status).toBe(400);
    expect(disguised.body.code).toBe('FILE_INVALID');
    const corrupt = await upload(
      admin,
      'orgs',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]),
      'orgs.xlsx',
    );
    expect(corrupt.status).toBe(400);
    expect(corrupt.body.code).toBe('FILE_INVALID');
    const empty = await upload(admin, 'orgs', Buffer.alloc(0), 'orgs.xlsx');
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('FILE_INVALID');

    const headersOnly = await upload(admin, 'orgs', await workbook('单位', ORG_HEADERS, []));
    expect(headersOnly.status).toBe(400);
    expect(headersOnly.body.message).toContain('没有数据行');

    const missing = await upload(
      admin,
      'orgs',
      await workbook(
        '单位',
        ORG_HEADERS.filter((h) => h !== '统一社会信用代码'),
        [['甲单位', null, '政府部门']],
      ),
    );
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('FILE_INVALID');
    expect(missing.body.message).toContain('统一社会信用代码');

    const many = Array.from({ length: 5001 }, (_, i) => [
      `单位${i}`,
      null,
      '政府部门',
      '110000',
      null,
      null,
      null,
      null,
      null,
    ]);
    const tooMany = await upload(admin, 'orgs', await workbook('单位', ORG_HEADERS, many));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.code).toBe('FILE_INVALID');
    expect(tooMany.body.message).toContain('5000');

    const huge = await upload(
      admin,
      'orgs',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(6 * 1024 * 1024, 7)]),
    );
    expect(huge.status, JSON.stringify(huge.body)).toBe(413);
    expect(huge.body.code).toBe('BODY_TOO_LARGE');

    const noFile = await admin.request<Err>('POST', '/api/import/orgs', new FormData());
    expect(noFile.status).toBe(400);
    expect(noFile.body.code).toBe('FILE_INVALID');

    const unknown = await upload(admin, 'cases', await workbook('x', ['a'], [['b']]));
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('IMPORT_UNKNOWN_KIND');
    const jobs = await env.database.pool.query('select count(*)::int as n from import_jobs');
    expect(jobs.rows[0].n).toBe(0); // nothing above created a job
  });

  it('needs org.import / user.import: a reviewer is refused, and the refusal is audited', async () => {
    const reviewerUser = await makeUser(env, bureau, ['reviewer']);
    const reviewer = await login(env, reviewerUser.username);
    const file = await workbook('单位', ORG_HEADERS, [
      ['甲单位', null, '政府部门', '110000', null, null, null, null, null],
    ]);
    for (const kind of ['orgs', 'users']) {
      const r = await upload(reviewer, kind, file);
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('FORBIDDEN');
      expect((await reviewer.get(`/api/import/${kind}/template.xlsx`)).status).toBe(403);
    }
    const denied = await env.database.pool.query<{ entity_id: string; diff: { permission: string } }>(
      `select entity_id, diff from audit_log where action = 'access.denied' and actor_id = $1 order by seq`,
      [reviewerUser.id],
    );
    expect(denied.rows.map((r) => r.diff.permission)).toEqual([
      'org.import',
      'org.import',
      'user.import',
      'user.import',
    ]);
    expect(denied.rows[0]?.entity_id).toBe('POST /api/import/:kind');
    const jobs = await env.database.pool.query('select 1 from import_jobs where user_id = $1', [
      reviewerUser.id,
    ]);
    expect(jobs.rowCount).toBe(0);
  });

  it('shows a job and its errors file only to the uploader', async () => {
    const job = await importFile(
      admin,
      'orgs',
      await workbook('单位', ORG_HEADERS, [['甲', null, '政府部门', '110000', null, null, null, null, null]]),
    );
    expect(job.status).toBe('failed');
    const other = await login(env, (await makeUser(env, bureau, ['sysadmin'])).username);
    const r = await other.get<Err>(`/api/import/jobs/${job.id}`);
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('NOT_FOUND');
    expect((await other.get(`/api/import/jobs/${job.id}/errors.xlsx`)).status).toBe(404);
    expect((await admin.get(`/api/import/jobs/${job.id}/errors.xlsx`)).status).toBe(200);
    expect((await admin.get('/api/import/jobs/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('reports a job left running by a stopped server as failed', async () => {
    const me = await admin.get<{ id: string }>('/api/auth/me');
    const stale = await env.database.pool.query<{ id: string }>(
      `insert into import_jobs (kind, user_id, status, total, created_at) values ('orgs', $1, 'running', 10, now() - interval '2 hours') returning id`,
      [me.body.id],
    );
    const job = await admin.get<{ status: string; message: string }>(`/api/import/jobs/${stale.rows[0]?.id}`);
    expect(job.body.status).toBe('failed');
    expect(job.body.message).toContain('中断');
  });
});
