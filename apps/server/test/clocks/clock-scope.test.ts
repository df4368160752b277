import type { Clock } from '@fazhi/contracts';
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
import { createClock, expectError, reconsiderationClock } from './fixtures';

type Page = { items: Clock[]; total: number; totalCapped: boolean };

let env: TestEnv;
let city: TestRegion;
let county: TestRegion;
let sibling: TestRegion;
let orgA: TestOrg;
let orgB: TestOrg;
let staffA: Client;
let staffB: Client;
let cityReviewer: Client;
let siblingReviewer: Client;
let citySupervisor: Client;
let clockA: Clock;

/*
 * province ─ city ─┬─ county:  orgA (staffA), orgB (staffB)
 *                  └─ sibling: bureau (siblingReviewer)
 * city bureau: cityReviewer (clock.write over the region tree), citySupervisor (clock.read only)
 */
beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  city = await makeRegion(env, prov);
  county = await makeRegion(env, city);
  sibling = await makeRegion(env, city);
  orgA = await makeOrg(env, county);
  orgB = await makeOrg(env, county);
  const cityBureau = await makeOrg(env, city, { type: 'justice_bureau' });
  const siblingBureau = await makeOrg(env, sibling, { type: 'justice_bureau' });
  staffA = await login(env, (await makeUser(env, orgA, ['staff'])).username);
  staffB = await login(env, (await makeUser(env, orgB, ['staff'])).username);
  cityReviewer = await login(env, (await makeUser(env, cityBureau, ['reviewer'])).username);
  citySupervisor = await login(env, (await makeUser(env, cityBureau, ['supervisor'])).username);
  siblingReviewer = await login(env, (await makeUser(env, siblingBureau, ['reviewer'])).username);
  clockA = await createClock(staffA);
});
afterAll(() => env.close());

const ids = (p: { body: Page }) => p.body.items.map((c) => c.id);

describe('clock data scope', () => {
  it('a staff user sees only the own organisation’s clocks', async () => {
    const own = await staffA.get<Page>('/api/clocks');
    expect(own.status).toBe(200);
    expect(ids(own)).toContain(clockA.id);
    expect(own.body.items.every((c) => c.orgId === orgA.id)).toBe(true);

    const other = await staffB.get<Page>('/api/clocks');
    expect(ids(other)).not.toContain(clockA.id);
    expectError(await staffB.get(`/api/clocks/${clockA.id}`), 404, 'NOT_FOUND');
    expectError(
      await staffB.post(`/api/clocks/${clockA.id}/complete`, { completedOn: '2025-10-01', version: 1 }),
      404,
      'NOT_FOUND',
    );
  });

  it('a reviewer of the parent region sees and may act on the child region’s clocks', async () => {
    const list = await cityReviewer.get<Page>('/api/clocks');
    expect(ids(list)).toContain(clockA.id);
    const one = await cityReviewer.get<Clock>(`/api/clocks/${clockA.id}`);
    expect(one.status).toBe(200);
    expect(one.body.actions).toEqual(['pause', 'extend', 'complete']);
    const byRegion = await cityReviewer.get<Page>(`/api/clocks?regionCode=${county.code}`);
    expect(ids(byRegion)).toContain(clockA.id);
    const otherRegion = await cityReviewer.get<Page>(`/api/clocks?regionCode=${sibling.code}`);
    expect(ids(otherRegion)).not.toContain(clockA.id);
  });

  it('a supervisor reads the clocks of the region tree but gets no actions and may not write', async () => {
    const one = await citySupervisor.get<Clock>(`/api/clocks/${clockA.id}`);
    expect(one.status).toBe(200);
    expect(one.body.actions).toEqual([]);
    expectError(
      await citySupervisor.post(`/api/clocks/${clockA.id}/complete`, {
        completedOn: '2025-10-01',
        version: 1,
      }),
      403,
      'FORBIDDEN',
    );
  });

  it('a reviewer of a sibling region gets 404 and does not see it in lists', async () => {
    expectError(await siblingReviewer.get(`/api/clocks/${clockA.id}`), 404, 'NOT_FOUND');
    const list = await siblingReviewer.get<Page>('/api/clocks');
    expect(ids(list)).not.toContain(clockA.id);
    const filtered = await siblingReviewer.get<Page>(`/api/clocks?regionCode=${county.code}`);
    expect(filtered.body.items).toEqual([]);
    expectError(
      await siblingReviewer.post(`/api/clocks/${clockA.id}/pauses`, {
        kind: 'suspend',
        from: '2025-09-01',
        reason: 'x',
        version: 1,
      }),
      404,
      'NOT_FOUND',
    );
  });

  it('creating for another organisation requires it in the caller’s write scope', async () => {
    expectError(
      await staffB.post('/api/clocks', reconsiderationClock({ orgId: orgA.id })),
      400,
      'VALIDATION_FAILED',
      /管辖范围/,
    );
    const forA = await cityReviewer.post<Clock>('/api/clocks', reconsiderationClock({ orgId: orgA.id }));
    expect(forA.status, JSON.stringify(forA.body)).toBe(200);
    expect(forA.body.orgId).toBe(orgA.id);
    expectError(
      await siblingReviewer.post('/api/clocks', reconsiderationClock({ orgId: orgA.id })),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await citySupervisor.post('/api/clocks', reconsiderationClock()), 403, 'FORBIDDEN');
  });
});
