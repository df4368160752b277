import { completeUscc } from '@fazhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  login,
  makeOrg,
  makeRegion,
  makeUser,
  startTestEnv,
  Client,
  type TestEnv,
  type TestOrg,
} from '../harness';

type Body = {
  id: string;
  version: number;
  status: string;
  actions: string[];
  history: { action: string; on: string }[];
};

let env: TestEnv;
let county1Org: TestOrg;
let county2Org: TestOrg;
let cityGov: TestOrg;
let supervisor: Client;
let supervisor2: Client;
let staff: Client;

beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  const city = await makeRegion(env, prov);
  const county1 = await makeRegion(env, city);
  const county2 = await makeRegion(env, city);
  const bureau = await makeOrg(env, city, { type: 'justice_bureau' });
  const bureau2 = await makeOrg(env, county2, { type: 'justice_bureau' });
  cityGov = await makeOrg(env, city, { type: 'government' });
  county1Org = await makeOrg(env, county1);
  county2Org = await makeOrg(env, county2);
  supervisor = await login(env, (await makeUser(env, bureau, ['supervisor'])).username);
  supervisor2 = await login(env, (await makeUser(env, bureau2, ['supervisor'])).username);
  staff = await login(env, (await makeUser(env, county1Org, ['staff'])).username);
});
afterAll(() => env.close());

const powers = [
  {
    code: 'CF-001',
    name: '对未取得营业执照从事经营活动的行政处罚',
    category: 'penalty',
    legalBasis: '《无证无照经营查处办法》第十三条',
  },
];

describe('enforcement bodies', () => {
  it('registers, confirms and announces a body; the portal lists it only once announced', async () => {
    const created = await supervisor.post<Body>('/api/enforcement/bodies', {
      orgId: county1Org.id,
      kind: 'administrative_organ',
      fields: ['市场监管'],
      powers,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body.status).toBe('draft');

    const anon = new Client(env.baseUrl);
    const listed = async () =>
      (
        await anon.get<{ items: { id: string }[] }>('/api/public/enforcement-bodies?pageSize=200')
      ).body.items.some((b) => b.id === created.body.id);
    expect(await listed()).toBe(false);

    const incomplete = await supervisor.post(`/api/enforcement/bodies/${created.body.id}/actions/confirm`, {
      version: created.body.version,
      on: '2025-03-01',
    });
    expect(incomplete.status).toBe(400);
    const confirmed = await supervisor.post<Body>(
      `/api/enforcement/bodies/${created.body.id}/actions/confirm`,
      {
        version: created.body.version,
        on: '2025-03-01',
        authority: '某县人民政府',
        document: '某政〔2025〕8号',
      },
    );
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const announced = await supervisor.post<Body>(
      `/api/enforcement/bodies/${created.body.id}/actions/announce`,
      {
        version: confirmed.body.version,
        on: '2025-03-10',
        document: '某政公告〔2025〕2号',
        url: 'https://www.example.gov.cn/gg/2.html',
      },
    );
    expect(announced.status).toBe(200);
    expect(announced.body.status).toBe('announced');
    expect(await listed()).toBe(true);
    const pub = (
      await anon.get<{ items: Record<string, unknown>[] }>('/api/public/enforcement-bodies?pageSize=200')
    ).body.items.find((b) => b.id === created.body.id);
    expect(pub).toMatchObject({
      name: county1Org.name,
      fields: ['市场监管'],
      powerCount: 1,
      announcedOn: '2025-03-10',
    });

    // 机构改革: an adjustment needs a new confirmation; the portal keeps the last announcement meanwhile.
    const adjusted = await supervisor.patch<Body>(`/api/enforcement/bodies/${created.body.id}`, {
      version: announced.body.version,
      fields: ['市场监管', '知识产权'],
      reason: '机构改革职能划入',
    });
    expect(adjusted.body.status).toBe('adjusted');
    expect(adjusted.body.history.map((h) => h.action)).toEqual(['register', 'confirm', 'announce', 'adjust']);
    expect(await listed()).toBe(true);

    const stale = await supervisor.post(`/api/enforcement/bodies/${created.body.id}/actions/cancel`, {
      version: announced.body.version,
      on: '2025-05-01',
    });
    expect(stale.status).toBe(409);
    const again = await supervisor.post(`/api/enforcement/bodies`, {
      orgId: county1Org.id,
      kind: 'administrative_organ',
      fields: ['市场监管'],
    });
    expect(again.body).toMatchObject({ code: 'BODY_EXISTS' });
  });

  it('checks the 统一社会信用代码 and the entrustment of a 受委托组织', async () => {
    const org = await makeOrg(env, { code: county2Org.regionCode, path: county2Org.regionPath, name: '' });
    const badUscc = await supervisor.post('/api/enforcement/bodies', {
      orgId: org.id,
      uscc: '91410000MA00000000',
      kind: 'administrative_organ',
      fields: ['城市管理'],
    });
    expect(badUscc.status).toBe(400);
    expect(badUscc.body).toMatchObject({ code: 'INVALID_USCC' });
    const mismatch = await supervisor.post('/api/enforcement/bodies', {
      orgId: org.id,
      uscc: completeUscc('12410000MA1234AB'),
      kind: 'administrative_organ',
      fields: ['城市管理'],
    });
    expect(mismatch.body).toMatchObject({ code: 'USCC_MISMATCH' });
    const noEntrustment = await supervisor.post('/api/enforcement/bodies', {
      orgId: org.id,
      kind: 'entrusted_organisation',
      fields: ['城市管理'],
    });
    expect(noEntrustment.status).toBe(400);
    expect(noEntrustment.body).toMatchObject({ code: 'BODY_ENTRUSTMENT_INCOMPLETE' });
    const ok = await supervisor.post<Body & { entrustingOrg: { id: string } }>('/api/enforcement/bodies', {
      orgId: org.id,
      kind: 'entrusted_organisation',
      fields: ['城市管理'],
      entrustingOrgId: cityGov.id,
      entrustmentDoc: '某城管委〔2025〕1号',
      entrustedMatters: ['占道经营的行政处罚'],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.entrustingOrg.id).toBe(cityGov.id);
  });

  it('keeps bodies inside the jurisdiction: another county answers 404, staff cannot register', async () => {
    const created = await supervisor.post<Body>('/api/enforcement/bodies', {
      orgId: county2Org.id,
      kind: 'administrative_organ',
      fields: ['应急管理'],
    });
    expect(created.status).toBe(200);
    const own = await supervisor.get<{ items: { id: string }[] }>('/api/enforcement/bodies?pageSize=200');
    expect(own.body.items.some((b) => b.id === created.body.id)).toBe(true);
    // county2's supervisor sees it; county1's staff does not.
    expect((await supervisor2.get(`/api/enforcement/bodies/${created.body.id}`)).status).toBe(200);
    expect((await staff.get(`/api/enforcement/bodies/${created.body.id}`)).status).toBe(404);
    const sideways = await supervisor2.post('/api/enforcement/bodies', {
      orgId: county1Org.id,
      kind: 'administrative_organ',
      fields: ['应急管理'],
    });
    expect(sideways.status).toBe(404);
    expect(
      (
        await staff.post('/api/enforcement/bodies', {
          orgId: county1Org.id,
          kind: 'administrative_organ',
          fields: ['x'],
        })
      ).status,
    ).toBe(403);
  });
});
