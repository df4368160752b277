import type { Normdoc } from '@fazhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, makeOrg, makeRegion, makeUser, startTestEnv, type Client, type TestEnv } from '../harness';

let env: TestEnv;
let k1Staff: Client;
let k2Staff: Client;
let cityReviewer: Client;
let k1Reviewer: Client;
let draft: Normdoc;

beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  const city = await makeRegion(env, prov);
  const k1 = await makeRegion(env, city);
  const k2 = await makeRegion(env, city);
  const k1Dept = await makeOrg(env, k1);
  const k2Dept = await makeOrg(env, k2);
  k1Staff = await login(env, (await makeUser(env, k1Dept, ['staff'])).username);
  k2Staff = await login(env, (await makeUser(env, k2Dept, ['staff'])).username);
  cityReviewer = await login(
    env,
    (await makeUser(env, await makeOrg(env, city, { type: 'justice_bureau' }), ['reviewer'])).username,
  );
  k1Reviewer = await login(
    env,
    (await makeUser(env, await makeOrg(env, k1, { type: 'justice_bureau' }), ['reviewer'])).username,
  );
  const res = await k1Staff.post<Normdoc>('/api/normdocs', { title: '某县草案甲', kind: 'department' });
  draft = res.body;
});
afterAll(() => env.close());

describe('normative document data scope', () => {
  it('a county user never sees another county’s drafts; the city justice bureau sees its counties’', async () => {
    expect((await k2Staff.get(`/api/normdocs/${draft.id}`)).status).toBe(404);
    const k2List = await k2Staff.get<{ items: { id: string }[] }>('/api/normdocs');
    expect(k2List.body.items.map((d) => d.id)).not.toContain(draft.id);
    expect((await cityReviewer.get(`/api/normdocs/${draft.id}`)).status).toBe(200);
    expect((await k1Reviewer.get(`/api/normdocs/${draft.id}`)).status).toBe(200);
    const cityList = await cityReviewer.get<{ items: { id: string }[] }>('/api/normdocs');
    expect(cityList.body.items.map((d) => d.id)).toContain(draft.id);
    // Writing into another county's draft is "not found", not "forbidden": its existence is not revealed.
    const write = await k2Staff.patch(`/api/normdocs/${draft.id}`, { version: 1, title: '越权修改' });
    expect(write.status).toBe(404);
  });

  it('a department may only issue its own 部门规范性文件 and a government document only for its own government', async () => {
    const res = await k1Staff.post('/api/normdocs', { title: '以政府名义', kind: 'government' });
    expect(res.status).toBe(400);
  });
});
