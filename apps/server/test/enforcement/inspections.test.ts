import type { CapCheck, Enterprise, Inspection, InspectionItem, InspectionPlan } from '@fazhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../clocks/fixtures';
import { importFile, workbook } from '../import/import-helpers';
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
import { makeBody, makeOfficer, uscc } from './inspections.fixtures';

let env: TestEnv;
let county: TestRegion;
let otherCounty: TestRegion;
let body: TestOrg;
let partner: TestOrg;
let staff: Client;
let partnerStaff: Client;
let otherStaff: Client;
let supervisor: Client;
let otherSupervisor: Client;
let officers: { a: string; b: string; suspended: string; expired: string; partner: string };
let item: InspectionItem;
let partnerItem: InspectionItem;
let draftItem: InspectionItem;
let enterprise: Enterprise;

async function newItem(c: Client, code: string, publish = true): Promise<InspectionItem> {
  const r = await c.post<InspectionItem>('/api/enforcement/inspection-items', {
    code,
    name: `检查事项${code}`,
    legalBasis: '《中华人民共和国食品安全法》第一百一十条',
    object: '食品经营者',
    method: 'onsite',
    category: 'routine',
    frequency: '每年不超过2次',
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  if (!publish) return r.body;
  const p = await c.post<InspectionItem>(`/api/enforcement/inspection-items/${r.body.id}/publish`, {
    version: r.body.version,
  });
  expect(p.status).toBe(200);
  return p.body;
}

async function newEnterprise(c: Client, region: TestRegion, name = '测试企业'): Promise<Enterprise> {
  const r = await c.post<Enterprise>('/api/enforcement/enterprises', {
    uscc: uscc(region),
    name,
    regionCode: region.code,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

const inspect = (c: Client, over: Record<string, unknown> = {}) =>
  c.post<Inspection>('/api/enforcement/inspections', {
    itemId: item.id,
    inspectedOn: '2026-03-10',
    enterpriseIds: [enterprise.id],
    officerIds: [officers.a, officers.b],
    result: 'no_problem',
    ...over,
  });

async function count(table: string): Promise<number> {
  const r = await env.database.pool.query(`select count(*)::int as n from ${table}`);
  return (r.rows[0] as { n: number }).n;
}

beforeAll(async () => {
  env = await startTestEnv();
  const city = await makeRegion(env, null);
  county = await makeRegion(env, city);
  otherCounty = await makeRegion(env, city);
  const bureau = await makeOrg(env, county, { type: 'justice_bureau' });
  const otherBureau = await makeOrg(env, otherCounty, { type: 'justice_bureau' });
  body = await makeBody(env, county, bureau.id);
  partner = await makeBody(env, county, bureau.id);
  const otherBody = await makeBody(env, otherCounty, otherBureau.id);
  staff = await login(env, (await makeUser(env, body, ['staff'])).username);
  partnerStaff = await login(env, (await makeUser(env, partner, ['staff'])).username);
  otherStaff = await login(env, (await makeUser(env, otherBody, ['staff'])).username);
  supervisor = await login(env, (await makeUser(env, bureau, ['supervisor'])).username);
  otherSupervisor = await login(env, (await makeUser(env, otherBureau, ['supervisor'])).username);
  officers = {
    a: await makeOfficer(env, body, { name: '张执法' }),
    b: await makeOfficer(env, body, { name: '李执法' }),
    suspended: await makeOfficer(env, body, { name: '王暂扣', suspendedFrom: '2026-03-01' }),
    expired: await makeOfficer(env, body, { name: '赵过期', validTo: '2025-12-31' }),
    partner: await makeOfficer(env, partner, { name: '钱联合' }),
  };
  item = await newItem(staff, 'SC-001');
  draftItem = await newItem(staff, 'SC-002', false);
  partnerItem = await newItem(partnerStaff, 'YJ-001');
  enterprise = await newEnterprise(staff, county, '某某餐饮有限公司');
});
afterAll(() => env.close());

describe('enterprises', () => {
  it('an invalid 统一社会信用代码 is 400 INVALID_USCC and nothing is written', async () => {
    const before = await count('enforcement_enterprises');
    const good = uscc(county);
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expectError(
      await staff.post('/api/enforcement/enterprises', { uscc: bad, name: '坏代码' }),
      400,
      'INVALID_USCC',
      bad,
    );
    expectError(
      await staff.post('/api/enforcement/enterprises', { uscc: '123', name: '太短' }),
      400,
      'INVALID_USCC',
    );
    expect(await count('enforcement_enterprises')).toBe(before);
  });

  it('imports enterprises from .xlsx: an invalid code fails the whole file, a clean file is written', async () => {
    const headers = ['统一社会信用代码', '企业名称', '行政区划代码', '行业', '风险等级'];
    const a = uscc(county);
    const b = uscc(county);
    const badCode = b.slice(0, 17) + (b[17] === '0' ? '1' : '0');
    const before = await count('enforcement_enterprises');
    const bad = await importFile(
      staff,
      'enforcement-enterprises',
      await workbook('企业', headers, [
        [a, '导入企业甲', county.code, '餐饮', '低风险'],
        [badCode, '导入企业乙', null, null, null],
        [enterprise.uscc, '重复企业', null, null, null],
        [uscc(otherCounty), '外县企业', otherCounty.code, null, null],
      ]),
    );
    expect(bad.status).toBe('failed');
    expect(bad.errorCount).toBe(3);
    expect(await count('enforcement_enterprises')).toBe(before);
    const ok = await importFile(
      staff,
      'enforcement-enterprises',
      await workbook('企业', headers, [
        [a, '导入企业甲', county.code, '餐饮', '低风险'],
        [b, '导入企业乙', null, null, null],
      ]),
    );
    expect(ok).toMatchObject({ status: 'succeeded', total: 2 });
    expect(await count('enforcement_enterprises')).toBe(before + 2);
  });

  it('a code is registered once (409 ENTERPRISE_DUPLICATE)', async () => {
    const r = await staff.post('/api/enforcement/enterprises', { uscc: enterprise.uscc, name: '重复' });
    expectError(r, 409, 'ENTERPRISE_DUPLICATE');
  });
});

describe('清单之外无检查', () => {
  it('an item not on the published list is refused with 409, nothing written', async () => {
    const before = await count('enforcement_inspections');
    expectError(
      await inspect(staff, { itemId: draftItem.id }),
      409,
      'INSPECTION_ITEM_NOT_LISTED',
      /清单之外无检查/,
    );
    // another body's item is not on this body's list either
    expectError(await inspect(staff, { itemId: partnerItem.id }), 409, 'INSPECTION_ITEM_NOT_LISTED');
    expect(await count('enforcement_inspections')).toBe(before);
  });

  it('the public portal lists published items only', async () => {
    const anon = new (staff.constructor as new (u: string) => Client)(env.baseUrl);
    const r = await anon.get<{ items: { id: string; code: string }[] }>(
      `/api/public/inspection-items?orgId=${body.id}&pageSize=200`,
    );
    expect(r.status).toBe(200);
    const ids = r.body.items.map((i) => i.id);
    expect(ids).toContain(item.id);
    expect(ids).not.toContain(draftItem.id);
  });
});

describe('officers and certificates', () => {
  it('one valid officer is refused (409 INSPECTION_OFFICERS_TOO_FEW)', async () => {
    expectError(
      await inspect(staff, { officerIds: [officers.a] }),
      409,
      'INSPECTION_OFFICERS_TOO_FEW',
      /两名以上/,
    );
  });

  it('an officer whose certificate was suspended that day is refused and named', async () => {
    const before = await count('enforcement_inspections');
    const r = await inspect(staff, { officerIds: [officers.a, officers.suspended] });
    expectError(r, 409, 'INSPECTION_CERTIFICATE_INVALID', /王暂扣/);
    // the day before the suspension the same pair is fine
    expect(await count('enforcement_inspections')).toBe(before);
    const ok = await inspect(staff, {
      officerIds: [officers.a, officers.suspended],
      inspectedOn: '2026-02-27',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.officers).toHaveLength(2);
    expect(ok.body.officers[0]?.certificateNumber).toMatch(/^豫执/);
  });

  it('an expired certificate is refused', async () => {
    expectError(
      await inspect(staff, { officerIds: [officers.b, officers.expired] }),
      409,
      'INSPECTION_CERTIFICATE_INVALID',
      /赵过期/,
    );
  });
});

describe('yearly cap per enterprise per body', () => {
  it('warns before the inspection that would exceed the cap and needs an override reason', async () => {
    const e = await newEnterprise(staff, county, '上限测试企业');
    const check = () =>
      staff.get<CapCheck>(
        `/api/enforcement/inspections/cap-check?enterpriseId=${e.id}&bodyId=${body.id}&date=2026-05-01`,
      );
    let c = await check();
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({ count: 0, cap: 2, wouldExceed: false, warning: null });
    expect((await inspect(staff, { enterpriseIds: [e.id], inspectedOn: '2026-04-01' })).status).toBe(200);
    expect((await inspect(staff, { enterpriseIds: [e.id], inspectedOn: '2026-04-02' })).status).toBe(200);
    c = await check();
    expect(c.body.count).toBe(2);
    expect(c.body.wouldExceed).toBe(true);
    expect(c.body.warning).toMatch(/上限/);
    const before = await count('enforcement_inspections');
    expectError(
      await inspect(staff, { enterpriseIds: [e.id], inspectedOn: '2026-05-01' }),
      409,
      'INSPECTION_CAP_EXCEEDED',
    );
    expect(await count('enforcement_inspections')).toBe(before);
    const over = await inspect(staff, {
      enterpriseIds: [e.id],
      inspectedOn: '2026-05-01',
      overrideReason: '群众投诉举报，需立即核查',
    });
    expect(over.status).toBe(200);
    expect(over.body.overrideReason).toBe('群众投诉举报，需立即核查');
    // next year starts afresh
    expect(
      (
        await staff.get<CapCheck>(
          `/api/enforcement/inspections/cap-check?enterpriseId=${e.id}&bodyId=${body.id}&date=2027-01-05`,
        )
      ).body.count,
    ).toBe(0);
  });

  it('the cap is a regional setting changed by the supervisor', async () => {
    const cur = await supervisor.get<{ version: number; yearlyCap: number }>(
      `/api/enforcement/inspection-settings?regionCode=${county.code}`,
    );
    expect(cur.body.yearlyCap).toBe(2);
    const r = await supervisor.put<{ yearlyCap: number }>('/api/enforcement/inspection-settings', {
      regionCode: county.code,
      yearlyCap: 3,
      planRequired: false,
      version: cur.body.version,
    });
    expect(r.status).toBe(200);
    expect(r.body.yearlyCap).toBe(3);
    expectError(
      await supervisor.put('/api/enforcement/inspection-settings', {
        regionCode: county.code,
        yearlyCap: 4,
        planRequired: false,
        version: 0,
      }),
      409,
      'STALE_WRITE',
    );
    await supervisor.put('/api/enforcement/inspection-settings', {
      regionCode: county.code,
      yearlyCap: 2,
      planRequired: false,
      version: 1,
    });
  });
});

describe('综合查一次', () => {
  it('a joint inspection of two bodies is one inspection per enterprise and one per body', async () => {
    const e = await newEnterprise(staff, county, '联合检查企业');
    const r = await inspect(staff, {
      enterpriseIds: [e.id],
      jointItemIds: [partnerItem.id],
      officerIds: [officers.a, officers.partner],
      inspectedOn: '2026-06-01',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.joint).toBe(true);
    expect(r.body.bodies.map((b) => b.id)).toEqual([body.id, partner.id]);
    for (const b of [body.id, partner.id]) {
      const c = await staff.get<CapCheck>(
        `/api/enforcement/inspections/cap-check?enterpriseId=${e.id}&bodyId=${b}&date=2026-06-02`,
      );
      expect(c.body.count).toBe(1);
      expect(c.body.enterpriseTotal).toBe(1);
    }
    // the partner body sees the joint inspection among its own
    const list = await partnerStaff.get<{ items: Inspection[] }>(
      `/api/enforcement/inspections?enterpriseId=${e.id}`,
    );
    expect(list.body.items.map((i) => i.id)).toEqual([r.body.id]);
  });

  it('a partner item that is not published is refused', async () => {
    const unpublished = await newItem(partnerStaff, 'YJ-002', false);
    expectError(
      await inspect(staff, { jointItemIds: [unpublished.id], officerIds: [officers.a, officers.partner] }),
      409,
      'INSPECTION_ITEM_NOT_LISTED',
    );
  });
});

describe('plans (计划备案)', () => {
  it('submit → accept by the supervisor; an inspection needs an accepted plan when the setting asks', async () => {
    const p = await staff.post<InspectionPlan>('/api/enforcement/inspection-plans', {
      year: 2026,
      kind: 'annual',
      title: '2026年度涉企行政检查计划',
      itemIds: [item.id],
    });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    expect(p.body.actions).toEqual(['submit']);
    expectError(await inspect(staff, { planId: p.body.id }), 409, 'INSPECTION_PLAN_NOT_ACCEPTED');
    expectError(
      await supervisor.post(`/api/enforcement/inspection-plans/${p.body.id}/accept`, { version: 1 }),
      409,
      'ILLEGAL_TRANSITION',
    );
    const s = await staff.post<InspectionPlan>(`/api/enforcement/inspection-plans/${p.body.id}/submit`, {
      version: 1,
    });
    expect(s.body.status).toBe('submitted');
    expect(
      (await otherSupervisor.post(`/api/enforcement/inspection-plans/${p.body.id}/accept`, { version: 2 }))
        .status,
    ).toBe(404);
    const a = await supervisor.post<InspectionPlan>(`/api/enforcement/inspection-plans/${p.body.id}/accept`, {
      version: 2,
      date: '2026-01-20',
    });
    expect(a.body).toMatchObject({ status: 'accepted', decidedOn: '2026-01-20' });

    const cur = await supervisor.get<{ version: number }>(
      `/api/enforcement/inspection-settings?regionCode=${county.code}`,
    );
    await supervisor.put('/api/enforcement/inspection-settings', {
      regionCode: county.code,
      yearlyCap: 2,
      planRequired: true,
      version: cur.body.version,
    });
    const e = await newEnterprise(staff, county, '计划内企业');
    expectError(await inspect(staff, { enterpriseIds: [e.id] }), 409, 'INSPECTION_PLAN_REQUIRED');
    expect((await inspect(staff, { enterpriseIds: [e.id], planId: p.body.id })).status).toBe(200);
    await supervisor.put('/api/enforcement/inspection-settings', {
      regionCode: county.code,
      yearlyCap: 2,
      planRequired: false,
      version: cur.body.version + 1,
    });
  });
});

describe('scope between counties', () => {
  it('another county neither sees nor records against this county’s records', async () => {
    const list = await otherStaff.get<{ items: Inspection[] }>('/api/enforcement/inspections');
    expect(list.body.items).toHaveLength(0);
    const sup = await otherSupervisor.get<{ items: Inspection[]; total: number }>(
      '/api/enforcement/inspections',
    );
    expect(sup.body.total).toBe(0);
    const mine = await supervisor.get<{ items: Inspection[]; total: number }>('/api/enforcement/inspections');
    expect(mine.body.total).toBeGreaterThan(0);
    const id = mine.body.items[0]!.id;
    expect((await otherSupervisor.get(`/api/enforcement/inspections/${id}`)).status).toBe(404);
    expect((await otherStaff.get(`/api/enforcement/inspection-items?orgId=${body.id}`)).body).toMatchObject({
      total: 0,
    });
    // the other county's body cannot use this body's item nor inspect its enterprise
    expectError(await inspect(otherStaff), 409, 'INSPECTION_ITEM_NOT_LISTED');
    expect(
      (
        await otherStaff.get(
          `/api/enforcement/inspections/cap-check?enterpriseId=${enterprise.id}&bodyId=${body.id}&date=2026-01-01`,
        )
      ).status,
    ).toBe(404);
  });

  it('exports the inspections as .xlsx', async () => {
    const r = await supervisor.get('/api/enforcement/inspections/export.xlsx');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/spreadsheetml/);
  });
});
