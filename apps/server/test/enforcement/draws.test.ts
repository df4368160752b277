import { createHash } from 'node:crypto';
import { completeUscc, type Draw } from '@fazhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../clocks/fixtures';
import {
  Client,
  login,
  makeOrg,
  makeRegion,
  makeUser,
  startTestEnv,
  type TestEnv,
  type TestOrg,
  type TestRegion,
} from '../harness';
import { insertEnterprises, makeBody, makeOfficer } from './inspections.fixtures';

let env: TestEnv;
let county: TestRegion;
let otherCounty: TestRegion;
let body: TestOrg;
let staff: Client;
let otherStaff: Client;
let supervisor: Client;
let pool: string[];
let officerIds: string[];

/** The algorithm as the public description states it, written independently of the server's code. */
function redraw(codes: string[], k: number, seed: string, label: string): string[] {
  const a = [...codes].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  for (let i = 0; i < k; i++) {
    const u = createHash('sha256').update(`${seed}:${label}:${i}`).digest().readUIntBE(0, 6);
    const j = i + (u % (a.length - i));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, k);
}

beforeAll(async () => {
  env = await startTestEnv();
  const city = await makeRegion(env, null);
  county = await makeRegion(env, city);
  otherCounty = await makeRegion(env, city);
  const bureau = await makeOrg(env, county, { type: 'justice_bureau' });
  body = await makeBody(env, county, bureau.id);
  const otherBody = await makeBody(env, otherCounty);
  staff = await login(env, (await makeUser(env, body, ['staff'])).username);
  otherStaff = await login(env, (await makeUser(env, otherBody, ['staff'])).username);
  supervisor = await login(env, (await makeUser(env, bureau, ['supervisor'])).username);
  pool = await insertEnterprises(env, county, 300, '餐饮');
  officerIds = [];
  for (let i = 0; i < 6; i++) officerIds.push(await makeOfficer(env, body));
  await makeOfficer(env, body, { suspendedFrom: '2020-02-01' }); // never in the inspector pool
});
afterAll(() => env.close());

const draw = (c: Client, over: Record<string, unknown> = {}) =>
  c.post<Draw>('/api/enforcement/draws', {
    title: '2026年第一批双随机抽查',
    criteria: { industry: '餐饮' },
    enterpriseCount: 20,
    inspectorCount: 2,
    seed: 'fazhi-2026-01',
    ...over,
  });

describe('双随机 draws', () => {
  it('records seed, algorithm and pool hash; re-running reproduces it; another seed differs', async () => {
    const r = await draw(staff);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const d = r.body;
    expect(d.seed).toBe('fazhi-2026-01');
    expect(d.algorithm).toMatch(/fisher-yates/);
    expect(d.enterprisePoolSize).toBe(300);
    expect(d.inspectorPoolSize).toBe(6);
    expect(d.enterprises).toHaveLength(20);
    expect(d.inspectorIds).toHaveLength(2);
    const sorted = [...pool].sort();
    expect(d.enterprisePoolHash).toBe(createHash('sha256').update(sorted.join('\n')).digest('hex'));
    // anyone holding the pool and the seed gets the same result from the published description
    expect(d.enterprises.map((e) => e.uscc)).toEqual(redraw(pool, 20, d.seed, 'enterprises'));
    expect(d.inspectorIds).toEqual(redraw(officerIds, 2, d.seed, 'inspectors'));

    const v = await supervisor.post<{
      matchesRecorded: boolean;
      snapshotIntact: boolean;
      enterpriseUsccs: string[];
    }>(`/api/enforcement/draws/${d.id}/verify`, {});
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({ matchesRecorded: true, snapshotIntact: true });
    const other = await supervisor.post<{ matchesRecorded: boolean; enterpriseUsccs: string[] }>(
      `/api/enforcement/draws/${d.id}/verify`,
      { seed: 'another-seed' },
    );
    expect(other.body.matchesRecorded).toBe(false);
    expect(other.body.enterpriseUsccs).not.toEqual(v.body.enterpriseUsccs);
    // a second draw with the same seed and pool yields the same enterprises
    const again = await draw(staff);
    expect(again.body.enterprises).toEqual(d.enterprises);
    // without a seed, a random one is recorded
    const random = await draw(staff, { seed: undefined });
    expect(random.body.seed).toMatch(/^[0-9a-f]{16}$/);
  });

  it('publishes the result on the portal with seed and algorithm', async () => {
    const d = (await draw(staff, { seed: 'publish-me' })).body;
    const anon = new Client(env.baseUrl);
    expect((await anon.get(`/api/public/random-draws/${d.id}`)).status).toBe(404);
    const p = await staff.post<Draw>(`/api/enforcement/draws/${d.id}/publish`, { version: d.version });
    expect(p.status).toBe(200);
    expect(p.body.publishedOn).not.toBeNull();
    expectError(
      await staff.post(`/api/enforcement/draws/${d.id}/publish`, { version: p.body.version }),
      409,
      'ILLEGAL_TRANSITION',
    );
    const pub = await anon.get<Draw>(`/api/public/random-draws/${d.id}`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ seed: 'publish-me', enterprisePoolHash: d.enterprisePoolHash });
    expect(pub.body.algorithmDescription).toMatch(/SHA-256/);
    expect(pub.body.enterprises.map((e) => e.uscc)).toEqual(d.enterprises.map((e) => e.uscc));
    expect('inspectorIds' in pub.body).toBe(false);
    const list = await anon.get<{ items: { id: string }[] }>(
      `/api/public/random-draws?regionCode=${county.code}`,
    );
    expect(list.body.items.map((i) => i.id)).toEqual([d.id]);
  });

  it('an empty pool is refused with 409 DRAW_POOL_EMPTY and nothing is written', async () => {
    const before = (await env.database.pool.query('select count(*)::int n from enforcement_random_draws'))
      .rows[0].n;
    expectError(await draw(staff, { criteria: { industry: '不存在的行业' } }), 409, 'DRAW_POOL_EMPTY');
    expectError(await draw(otherStaff), 409, 'DRAW_POOL_EMPTY'); // the other county has no enterprises
    expectError(await draw(staff, { enterpriseCount: 301 }), 400, 'DRAW_SIZE_TOO_LARGE');
    expectError(await draw(staff, { inspectorCount: 7 }), 400, 'DRAW_SIZE_TOO_LARGE');
    const after = (await env.database.pool.query('select count(*)::int n from enforcement_random_draws'))
      .rows[0].n;
    expect(after).toBe(before);
  });

  it('an uploaded list is checked code by code (400 INVALID_USCC)', async () => {
    const bad = pool[0]!.slice(0, 17) + (pool[0]![17] === '0' ? '1' : '0');
    expectError(
      await draw(staff, { criteria: undefined, usccList: [pool[1], bad], enterpriseCount: 1 }),
      400,
      'INVALID_USCC',
      bad,
    );
    const outside = completeUscc(`91${otherCounty.code}99999999`);
    expectError(
      await draw(staff, { usccList: [pool[1], outside], enterpriseCount: 1 }),
      400,
      'VALIDATION_FAILED',
    );
    const ok = await draw(staff, { usccList: pool.slice(0, 10), enterpriseCount: 3, inspectorCount: 0 });
    expect(ok.status).toBe(200);
    expect(ok.body.enterprisePoolSize).toBe(10);
  });

  it('another county cannot see or verify the draw', async () => {
    const d = (await draw(staff, { seed: 'scope' })).body;
    expect((await otherStaff.get(`/api/enforcement/draws/${d.id}`)).status).toBe(404);
    expect((await otherStaff.post(`/api/enforcement/draws/${d.id}/verify`, {})).status).toBe(404);
    expect((await otherStaff.get<{ total: number }>('/api/enforcement/draws')).body.total).toBe(0);
  });

  it('draws 500 enterprises from 200,000 within the time budget', async () => {
    const big = await makeRegion(env, county);
    await env.database.pool.query(
      `insert into enforcement_enterprises (uscc, name, region_code, region_path, industry)
       select u, '大样本企业' || i, $2, $3, '批发' from unnest($1::text[]) with ordinality as t(u, i)`,
      [
        Array.from({ length: 200_000 }, (_, i) => completeUscc(`93${big.code}${String(i).padStart(8, '0')}`)),
        big.code,
        big.path,
      ],
    );
    const t0 = performance.now();
    const r = await draw(staff, {
      criteria: { regionCode: big.code },
      enterpriseCount: 500,
      inspectorCount: 0,
    });
    const ms = performance.now() - t0;
    expect(r.status).toBe(200);
    expect(r.body.enterprisePoolSize).toBe(200_000);
    expect(r.body.enterprises).toHaveLength(500);
    console.log(`draw 500 of 200,000: ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(3000); // target ≤ 1 s (bench); generous here for shared CI machines
  }, 60_000);
});
