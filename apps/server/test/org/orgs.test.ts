import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeUscc, type Org, type Region } from '@fazhi/contracts';
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

let env: TestEnv;
let prov: TestRegion;
let cityA: TestRegion;
let cityB: TestRegion;
let countyA1: TestRegion;
let bureauA: TestOrg;
let admin: Client;

beforeAll(async () => {
  env = await startTestEnv();
  prov = await makeRegion(env, null);
  cityA = await makeRegion(env, prov);
  cityB = await makeRegion(env, prov);
  countyA1 = await makeRegion(env, cityA);
  bureauA = await makeOrg(env, cityA, { type: 'justice_bureau' });
  const adminUser = await makeUser(env, bureauA, ['sysadmin']);
  admin = await login(env, adminUser.username);
});
afterAll(() => env.close());

const validUscc = (region: string, n: number) => completeUscc(`11${region}${String(30000000 + n)}`);

describe('organisations', () => {
  it('creates an organisation with a valid USCC in scope and audits it', async () => {
    const res = await admin.post<Org>('/api/orgs', {
      name: '测试市场监督管理局',
      type: 'department',
      uscc: validUscc(countyA1.code, 1),
      docCodePrefix: '测市监',
      regionCode: countyA1.code,
      parentId: bureauA.id,
      isLawEnforcementBody: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.regionCode).toBe(countyA1.code);
    expect(res.body.actions).toEqual(['update', 'disable']);
    const audit = await env.database.pool.query(`select action, diff from audit_log where entity_id = $1`, [
      res.body.id,
    ]);
    expect(audit.rows[0]?.action).toBe('org.create');
    expect(audit.rows[0]?.diff.changes.name.to).toBe('测试市场监督管理局');
  });

  it('rejects a USCC with a wrong check character, naming the field in Chinese', async () => {
    const good = validUscc(countyA1.code, 2);
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await admin.post<{ code: string; message: string; details: { issues: { path: string }[] } }>(
      '/api/orgs',
      {
        name: '校验失败单位',
        type: 'department',
        uscc: bad,
        regionCode: countyA1.code,
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toContain('统一社会信用代码');
    expect(res.body.details.issues[0]?.path).toBe('body.uscc');
  });

  it('refuses unknown fields, wrong types and an unknown region with coded 4xx', async () => {
    const unknown = await admin.post<{ code: string }>('/api/orgs', {
      name: '多余字段单位',
      type: 'department',
      regionCode: countyA1.code,
      color: 'red',
    });
    expect(unknown.status).toBe(400);
    const wrongType = await admin.post<{ code: string }>('/api/orgs', {
      name: 123,
      type: 'department',
      regionCode: countyA1.code,
    });
    expect(wrongType.status).toBe(400);
    const noRegion = await admin.post<{ code: string }>('/api/orgs', {
      name: '无区划单位',
      type: 'department',
      regionCode: '999999',
    });
    expect(noRegion.status).toBe(400);
    expect(noRegion.body.code).toBe('INVALID_REGION_CODE');
  });

  it('refuses an organisation in a sibling region (outside the administrator’s scope)', async () => {
    const res = await admin.post<{ code: string }>('/api/orgs', {
      name: '越权单位',
      type: 'department',
      regionCode: cityB.code,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_REGION_CODE');
  });

  it('answers a duplicate USCC and a duplicate name with 409 DUPLICATE', async () => {
    const uscc = validUscc(countyA1.code, 3);
    expect(
      (await admin.post('/api/orgs', { name: '甲单位', type: 'department', uscc, regionCode: countyA1.code }))
        .status,
    ).toBe(200);
    const dupCode = await admin.post<{ code: string; message: string }>('/api/orgs', {
      name: '乙单位',
      type: 'department',
      uscc,
      regionCode: countyA1.code,
    });
    expect(dupCode.status).toBe(409);
    expect(dupCode.body.message).toContain('统一社会信用代码');
    const dupName = await admin.post<{ code: string }>('/api/orgs', {
      name: '甲单位',
      type: 'department',
      regionCode: countyA1.code,
    });
    expect(dupName.status).toBe(409);
  });

  it('gives the second of two concurrent edits a 409 STALE_WRITE and keeps the first', async () => {
    const created = await admin.post<Org>('/api/orgs', {
      name: '并发单位',
      type: 'department',
      regionCode: countyA1.code,
    });
    const first = await admin.patch<Org>(`/api/orgs/${created.body.id}`, {
      shortName: '第一',
      version: created.body.version,
    });
    const second = await admin.patch<{ code: string }>(`/api/orgs/${created.body.id}`, {
      shortName: '第二',
      version: created.body.version,
    });
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('STALE_WRITE');
    expect((await admin.get<Org>(`/api/orgs/${created.body.id}`)).body.shortName).toBe('第一');
  });

  it('will not disable an organisation that still has active users', async () => {
    const org = await makeOrg(env, countyA1);
    await makeUser(env, org, ['staff']);
    const current = await admin.get<Org>(`/api/orgs/${org.id}`);
    const res = await admin.patch<{ code: string }>(`/api/orgs/${org.id}`, {
      disabled: true,
      version: current.body.version,
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ORG_HAS_CHILDREN');
  });

  it('refuses a parent cycle', async () => {
    const a = await admin.post<Org>('/api/orgs', {
      name: '环甲',
      type: 'department',
      regionCode: countyA1.code,
    });
    const b = await admin.post<Org>('/api/orgs', {
      name: '环乙',
      type: 'department',
      regionCode: countyA1.code,
      parentId: a.body.id,
    });
    const res = await admin.patch<{ code: string }>(`/api/orgs/${a.body.id}`, {
      parentId: b.body.id,
      version: a.body.version,
    });
    expect(res.status).toBe(400);
  });

  it('lists regions and organisations of the caller’s region tree only', async () => {
    const otherOrg = await makeOrg(env, cityB);
    const regions = await admin.get<{ items: Region[] }>('/api/regions');
    const codes = regions.body.items.map((r) => r.code);
    expect(codes).toContain(cityA.code);
    expect(codes).toContain(countyA1.code);
    expect(codes).not.toContain(cityB.code);
    expect(codes).not.toContain(prov.code);
    const orgs = await admin.get<{ items: Org[] }>('/api/orgs');
    expect(orgs.body.items.map((o) => o.id)).not.toContain(otherOrg.id);
    expect((await admin.get(`/api/orgs/${otherOrg.id}`)).status).toBe(404);
  });

  it('creates a township region below a county and refuses a level above its parent', async () => {
    const ok = await admin.post<Region>('/api/regions', {
      code: `${countyA1.code}201`,
      name: '测试镇',
      level: 'township',
      parentCode: countyA1.code,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.path).toBe(`${countyA1.path}${countyA1.code}201/`);
    const bad = await admin.post<{ code: string }>('/api/regions', {
      code: `${cityA.code.slice(0, 4)}77`,
      name: '错级区',
      level: 'prefecture',
      parentCode: cityA.code,
    });
    expect(bad.status).toBe(400);
  });

  it('exports the organisation list as an .xlsx workbook with Chinese headers', async () => {
    const res = await admin.get('/api/orgs/export.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).getCell(1).value).toBe('单位名称');
    expect(ws?.rowCount).toBeGreaterThan(1);
  });
});
