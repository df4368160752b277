import type { DashboardResult } from '@fazhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCollectedValues } from '../../src/modules/indicators';
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

/*
 * city ─┬─ countyA: orgA1, orgA2
 *       └─ countyB: orgB
 * Collected values for 2024 and 2025; the dashboard shows the city and each county per year.
 */
let env: TestEnv;
let city: TestRegion;
let countyA: TestRegion;
let countyB: TestRegion;
let orgA1: TestOrg;
let cityReviewer: Client;
let countyBReviewer: Client;
let head: Client;
const CODES = 'legal_advisors_engaged,hotline_tickets_received';

async function collect(org: TestOrg, period: string, values: Record<string, number>) {
  await env.database.db.transaction((tx) =>
    saveCollectedValues(tx, env.ctx, {
      orgId: org.id,
      regionPath: org.regionPath,
      period,
      values: Object.entries(values).map(([code, value]) => ({ code, value, provenance: { test: true } })),
    }),
  );
}

beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  city = await makeRegion(env, prov);
  countyA = await makeRegion(env, city);
  countyB = await makeRegion(env, city);
  const cityOrg = await makeOrg(env, city);
  orgA1 = await makeOrg(env, countyA);
  const orgA2 = await makeOrg(env, countyA);
  const orgB = await makeOrg(env, countyB);
  await collect(orgA1, '2024', { legal_advisors_engaged: 10, hotline_tickets_received: 1000 });
  await collect(orgA2, '2024', { legal_advisors_engaged: 5 });
  await collect(orgB, '2024', { legal_advisors_engaged: 7 });
  await collect(orgA1, '2025', { legal_advisors_engaged: 12 });
  await collect(orgB, '2025', { legal_advisors_engaged: 20 });
  cityReviewer = await login(env, (await makeUser(env, cityOrg, ['reviewer'])).username);
  countyBReviewer = await login(env, (await makeUser(env, orgB, ['reviewer'])).username);
  head = await login(env, (await makeUser(env, orgA1, ['head'])).username);
});
afterAll(async () => env.close());

const cell = (r: DashboardResult, subject: string, year: string, code: string) =>
  r.cells.find((c) => c.subjectCode === subject && c.year === year && c.code === code);

describe('GET /api/dashboard', () => {
  it('returns each indicator per year for the region and each region below it', async () => {
    const res = await cityReviewer.request<DashboardResult>(
      'GET',
      `/api/dashboard?regionCode=${city.code}&codes=${CODES}&years=2024,2025`,
    );
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.scope).toMatchObject({ code: city.code, kind: 'region' });
    expect(r.years).toEqual(['2024', '2025']);
    expect(r.indicators.map((i) => i.code)).toEqual(CODES.split(','));
    expect(r.cells).toHaveLength(3 * 2 * 2);
    expect(cell(r, city.code, '2024', 'legal_advisors_engaged')).toMatchObject({ self: true, value: 22 });
    expect(cell(r, city.code, '2025', 'legal_advisors_engaged')?.value).toBe(32);
    expect(cell(r, countyA.code, '2024', 'legal_advisors_engaged')).toMatchObject({ self: false, value: 15 });
    expect(cell(r, countyB.code, '2025', 'legal_advisors_engaged')?.value).toBe(20);
    expect(cell(r, countyB.code, '2024', 'hotline_tickets_received')).toMatchObject({
      value: null,
      display: '—',
    });
  });

  it('exports the same data as an Excel workbook', async () => {
    const res = await cityReviewer.request(
      'GET',
      `/api/dashboard/export.xlsx?codes=${CODES}&years=2024,2025`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(Buffer.from(res.raw).subarray(0, 2).toString()).toBe('PK');
  });

  it('answers 404 for a region outside the scope, 400 for an unknown indicator', async () => {
    expect(
      (await countyBReviewer.request('GET', `/api/dashboard?regionCode=${city.code}&codes=${CODES}`)).status,
    ).toBe(404);
    expect(
      (await countyBReviewer.request('GET', `/api/dashboard?regionCode=${countyA.code}&codes=${CODES}`))
        .status,
    ).toBe(404);
    const bad = await cityReviewer.request<{ code: string }>('GET', '/api/dashboard?codes=no_such_code');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('UNKNOWN_INDICATOR');
  });

  it('gives an own-organisation role its organisation only', async () => {
    const res = await head.request<DashboardResult>('GET', `/api/dashboard?codes=${CODES}&years=2024`);
    expect(res.status).toBe(200);
    expect(res.body.scope).toMatchObject({ code: orgA1.id, kind: 'org' });
    expect(cell(res.body, orgA1.id, '2024', 'legal_advisors_engaged')?.value).toBe(10);
    expect(
      (await head.request('GET', `/api/dashboard?regionCode=${countyA.code}&codes=${CODES}`)).status,
    ).toBe(404);
  });
});
