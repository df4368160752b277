import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Indicator, IndicatorGroup, IndicatorSystemTree } from '@fazhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIndicatorCatalogue } from '../../src/modules/indicators';
import {
  login,
  makeOrg,
  makeRegion,
  makeUser,
  startTestEnv,
  type Client,
  type TestEnv,
  type TestRegion,
} from '../harness';

let env: TestEnv;
let city: TestRegion;
let county: TestRegion;
let sibling: TestRegion;
let cityReviewer: Client;
let countyReviewer: Client;
let siblingReviewer: Client;
let staff: Client;

const catalogueFile = JSON.parse(
  readFileSync(join(__dirname, '../../src/modules/indicators/seed/catalogue.json'), 'utf8'),
) as { indicators: { code: string }[] };

beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  city = await makeRegion(env, prov);
  county = await makeRegion(env, city);
  sibling = await makeRegion(env, city);
  const cityBureau = await makeOrg(env, city, { type: 'justice_bureau' });
  const countyBureau = await makeOrg(env, county, { type: 'justice_bureau' });
  const siblingBureau = await makeOrg(env, sibling, { type: 'justice_bureau' });
  const dept = await makeOrg(env, county);
  cityReviewer = await login(env, (await makeUser(env, cityBureau, ['reviewer'])).username);
  countyReviewer = await login(env, (await makeUser(env, countyBureau, ['reviewer'])).username);
  siblingReviewer = await login(env, (await makeUser(env, siblingBureau, ['reviewer'])).username);
  staff = await login(env, (await makeUser(env, dept, ['staff'])).username);
});
afterAll(() => env?.close());

describe('catalogue seed', () => {
  it('holds every one of the 219 report keys, the G1…G9 groups and the normdocs figures; re-running inserts nothing', async () => {
    const { rows } = await env.database.pool.query<{
      code: string;
      kind: string;
      source_module: string | null;
    }>(`select code, kind, source_module from indicators`);
    const codes = new Set(rows.map((r) => r.code));
    expect(catalogueFile.indicators).toHaveLength(219);
    for (const i of catalogueFile.indicators) expect(codes.has(i.code), i.code).toBe(true);
    expect(rows.filter((r) => r.source_module === 'normdocs').every((r) => r.kind === 'computed')).toBe(true);
    expect(codes.has('normdoc_prior_review_rate')).toBe(true);
    const before = rows.length;
    // A local edit survives a restart: the seed never overwrites.
    await env.database.pool.query(
      `update indicators set name = '本地改名' where code = 'legal_advisors_engaged'`,
    );
    expect((await seedIndicatorCatalogue(env.database.db)).inserted).toBe(0);
    const after = await env.database.pool.query<{ n: number; name: string }>(
      `select (select count(*)::int from indicators) as n, (select name from indicators where code = 'legal_advisors_engaged') as name`,
    );
    expect(after.rows[0]).toEqual({ n: before, name: '本地改名' });
    await env.database.pool.query(
      `update indicators set name = '聘请政府（党政机关）法律顾问人数' where code = 'legal_advisors_engaged'`,
    );
  });

  it('moves a seeded computed indicator to the figure the seed now maps it to, with a new definition version', async () => {
    // As in a database seeded before 报备件数 meant the government's own upward filings.
    const old = await env.database.pool.query<{ definition_version: number; version: number }>(
      `update indicators set source_code = 'filed_total', definition = '旧口径'
        where code = 'normative_docs_filed' returning definition_version, version`,
    );
    const local = `local_filed_${Date.now()}`;
    await env.database.pool.query(
      `insert into indicators (code, name, unit, kind, source_module, source_code, local)
       values ($1, '本地报备件数', '件', 'computed', 'normdocs', 'filed_total', true)`,
      [local],
    );
    expect((await seedIndicatorCatalogue(env.database.db)).updated).toBe(1);
    const rows = await env.database.pool.query<{
      code: string;
      source_code: string;
      definition: string;
      definition_version: number;
      version: number;
    }>(
      `select code, source_code, definition, definition_version, version from indicators where code = any($1)`,
      [['normative_docs_filed', local]],
    );
    const by = new Map(rows.rows.map((r) => [r.code, r]));
    expect(by.get('normative_docs_filed')).toMatchObject({
      source_code: 'filed_upward',
      definition_version: old.rows[0]!.definition_version + 1,
      version: old.rows[0]!.version + 1,
    });
    expect(by.get('normative_docs_filed')?.definition).toContain('本级');
    expect(by.get(local)?.source_code).toBe('filed_total'); // local indicators are left alone
    expect((await seedIndicatorCatalogue(env.database.db)).updated).toBe(0);
  });

  it('maps the report figures onto the normdocs computations, with units and roll-ups by kind', async () => {
    const get = async (code: string) => (await staff.get<Indicator>(`/api/indicators/${code}`)).body;
    expect(await get('normative_docs_filed')).toMatchObject({
      kind: 'computed',
      sourceModule: 'normdocs',
      sourceCode: 'filed_upward',
      unit: '件',
      rollup: 'sum',
    });
    expect(await get('normative_doc_legality_rate')).toMatchObject({
      sourceCode: 'lawful_rate_upward',
      unit: '%',
      rollup: 'rate',
    });
    expect(await get('hotline_tickets_received')).toMatchObject({ kind: 'collected', unit: '件' }); // 万件 → 件
    expect(await get('enforcement_supervision_competition_rank')).toMatchObject({
      unit: '名',
      rollup: 'none',
    });
    expect(await get('consecutive_years_rated_excellent')).toMatchObject({ rollup: 'none' });
  });
});

describe('GET /api/indicators and groups', () => {
  it('lists by group, kind and words; exports .xlsx', async () => {
    const groups = await staff.get<{ items: IndicatorGroup[] }>('/api/indicator-groups');
    expect(groups.status).toBe(200);
    const g7 = groups.body.items.find((g) => g.code === 'G7');
    expect(g7?.name).toBe('矛盾纠纷化解');
    expect(groups.body.items.find((g) => g.code === 'G7a')).toMatchObject({
      parentCode: 'G7',
      name: '行政复议',
    });
    const all = await staff.get<{ items: Indicator[]; total: number }>('/api/indicators');
    expect(all.body.total).toBeGreaterThanOrEqual(219);
    const g7list = await staff.get<{ items: Indicator[] }>('/api/indicators?group=G7');
    expect(g7list.body.items.some((i) => i.groupCode === 'G7a')).toBe(true);
    expect(g7list.body.items.every((i) => i.groupCode?.startsWith('G7'))).toBe(true);
    const computed = await staff.get<{ items: Indicator[] }>('/api/indicators?kind=computed');
    expect(computed.body.items.every((i) => i.kind === 'computed')).toBe(true);
    const q = await staff.get<{ items: Indicator[] }>(`/api/indicators?q=${encodeURIComponent('热线')}`);
    expect(q.body.items.map((i) => i.code)).toContain('hotline_completion_rate');
    const x = await staff.get('/api/indicators/export.xlsx?group=G3');
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toContain('spreadsheetml');
    expect(Buffer.from(x.raw).subarray(0, 2).toString()).toBe('PK');
  });

  it('unknown code → 404; bad code → 400', async () => {
    expect((await staff.get('/api/indicators/no_such_code')).status).toBe(404);
    expect((await staff.get('/api/indicators/BAD-code')).status).toBe(400);
  });
});

describe('local indicators', () => {
  it('a reviewer adds one for the city; counties see it, siblings of the city do not edit it; stale → 409', async () => {
    const created = await cityReviewer.post<Indicator>('/api/indicators', {
      code: 'city_grid_mediators',
      name: '网格调解员人数',
      unit: '人',
      definition: '期末在岗网格调解员人数。',
      groupCode: 'G7c',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      local: true,
      ownerRegionCode: city.code,
      actions: ['edit'],
      version: 1,
    });
    expect(
      (await cityReviewer.post('/api/indicators', { code: 'city_grid_mediators', name: 'x', unit: '人' }))
        .status,
    ).toBe(409);
    expect((await staff.get<Indicator>('/api/indicators/city_grid_mediators')).body.actions).toEqual([]);
    // The county reviewer sees it (it is filled in below the city) but cannot edit it.
    const put = { name: '改', version: 1 };
    expect((await countyReviewer.put('/api/indicators/city_grid_mediators', put)).status).toBe(404);
    expect((await siblingReviewer.put('/api/indicators/city_grid_mediators', put)).status).toBe(404);
    const ok = await cityReviewer.put<Indicator>('/api/indicators/city_grid_mediators', {
      definition: '期末在岗网格调解员人数（含兼职）。',
      version: 1,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, definitionVersion: 2 });
    expect((await cityReviewer.put('/api/indicators/city_grid_mediators', put)).status).toBe(409);
    // A seeded indicator is not editable.
    const seeded = await cityReviewer.put<{ code: string }>('/api/indicators/legal_advisors_engaged', put);
    expect(seeded.body.code).toBe('INDICATOR_NOT_LOCAL');
    // Staff may not manage.
    expect((await staff.post('/api/indicators', { code: 'x_staff', name: 'x', unit: '件' })).status).toBe(
      403,
    );
    // A derived rate must name known parts.
    const bad = await cityReviewer.post<{ code: string }>('/api/indicators', {
      code: 'city_bad_rate',
      name: '比率',
      unit: '%',
      kind: 'derived',
      numeratorCode: 'nope_one',
      denominatorCode: 'legal_advisors_engaged',
    });
    expect(bad.body.code).toBe('UNKNOWN_INDICATOR');
    const audit = await env.database.pool.query(
      `select action from audit_log where entity_type = 'indicator' and entity_id = 'city_grid_mediators' order by seq`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['indicator.create', 'indicator.update']);
  });
});

describe('indicator systems', () => {
  it('the seeded 2021 edition is a partial draft: 一、> 1. > (1)(2)(3)', async () => {
    const list = await staff.get<{ items: { id: string; name: string; edition: string; status: string }[] }>(
      '/api/indicator-systems',
    );
    const sys = list.body.items.find((s) => s.name === '市县法治政府建设示范指标体系');
    expect(sys).toMatchObject({ edition: '2021年版', status: 'draft' });
    const tree = await staff.get<IndicatorSystemTree>(`/api/indicator-systems/${sys!.id}`);
    expect(tree.body.note).toContain('部分录入');
    expect(tree.body.items.map((i) => `${i.level}:${i.number}`)).toEqual([
      '1:一',
      '2:1',
      '3:(1)',
      '3:(2)',
      '3:(3)',
    ]);
    expect(tree.body.items[0]?.text).toBe('政府职能依法全面履行');
    expect(tree.body.items[1]?.text).toBe('加大简政放权力度');
    expect(tree.body.items[2]?.indicators.map((i) => i.code)).toContain('no_visit_approval_items');
  });

  it('a new edition copies the items; items are added under a parent and edited with the edition version', async () => {
    const list = await cityReviewer.get<{ items: { id: string; name: string }[] }>('/api/indicator-systems');
    const src = list.body.items.find((s) => s.name === '市县法治政府建设示范指标体系')!;
    const created = await cityReviewer.post<IndicatorSystemTree>('/api/indicator-systems', {
      code: 'city_county_demonstration',
      name: '市县法治政府建设示范指标体系',
      edition: '测试版',
      copyFromId: src.id,
    });
    expect(created.status).toBe(201);
    expect(created.body.items).toHaveLength(5);
    const level2 = created.body.items[1]!;
    expect(level2.parentId).toBe(created.body.items[0]!.id);
    const added = await cityReviewer.post<IndicatorSystemTree>(
      `/api/indicator-systems/${created.body.id}/items`,
      {
        parentId: level2.id,
        number: '(4)',
        text: '测试三级指标',
        evidenceRequirements: ['测试证明材料'],
        indicatorCodes: ['gov_service_items_total'],
        version: created.body.version,
      },
    );
    expect(added.status).toBe(201);
    expect(added.body.items.map((i) => i.number)).toEqual(['一', '1', '(1)', '(2)', '(3)', '(4)']);
    const item = added.body.items[5]!;
    expect(item).toMatchObject({ level: 3, evidenceRequirements: ['测试证明材料'] });
    const edited = await cityReviewer.put<IndicatorSystemTree>(`/api/indicator-system-items/${item.id}`, {
      indicatorCodes: ['gov_service_items_total', 'gov_service_items_online'],
      version: added.body.version,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.items[5]?.indicators.map((i) => i.code)).toEqual([
      'gov_service_items_total',
      'gov_service_items_online',
    ]);
    // Stale version, unknown indicator, a fourth level.
    expect(
      (
        await cityReviewer.put(`/api/indicator-system-items/${item.id}`, {
          text: 'x',
          version: added.body.version,
        })
      ).status,
    ).toBe(409);
    const unknown = await cityReviewer.put<{ code: string }>(`/api/indicator-system-items/${item.id}`, {
      indicatorCodes: ['nope_code'],
      version: edited.body.version,
    });
    expect(unknown.body.code).toBe('UNKNOWN_INDICATOR');
    const deep = await cityReviewer.post(`/api/indicator-systems/${created.body.id}/items`, {
      parentId: item.id,
      number: 'a',
      text: '第四级',
      version: edited.body.version,
    });
    expect(deep.status).toBe(400);
    // Same code and edition twice → 409; staff cannot create.
    expect(
      (
        await cityReviewer.post('/api/indicator-systems', {
          code: 'city_county_demonstration',
          name: 'x',
          edition: '测试版',
        })
      ).status,
    ).toBe(409);
    expect(
      (await staff.post('/api/indicator-systems', { code: 'x_sys', name: 'x', edition: 'x' })).status,
    ).toBe(403);
    const activated = await cityReviewer.put<IndicatorSystemTree>(
      `/api/indicator-systems/${created.body.id}`,
      {
        status: 'active',
        version: edited.body.version,
      },
    );
    expect(activated.body.status).toBe('active');
  });
});
