import { addDays } from '@fazhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiToday } from '../../src/platform/clock/today';
import { expectError } from '../clocks/fixtures';
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

type Power = { id: string; status: string; version: number; withdrawnOn: string | null; actions: string[] };
type Township = {
  orgId: string;
  powersInEffect: number;
  staff: number;
  certifiedManual: number | null;
  version: number;
};

let env: TestEnv;
let sup: Client;
let supB: Client;
let staffSource: Client;
let staffTown: Client;
let staffB: Client;
let town1: TestOrg;
let town2: TestOrg;
let source: TestOrg;
let sourceB: TestOrg;
const today = shanghaiToday(new Date());

beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  const county = await makeRegion(env, prov);
  const countyB = await makeRegion(env, prov);
  const bureau = await makeOrg(env, county, { type: 'justice_bureau' });
  const bureauB = await makeOrg(env, countyB, { type: 'justice_bureau' });
  source = await makeOrg(env, county, { parentId: bureau.id, name: `县城管局${Date.now()}` });
  sourceB = await makeOrg(env, countyB, { parentId: bureauB.id });
  const tr1 = await makeRegion(env, county);
  const tr2 = await makeRegion(env, county);
  town1 = await makeOrg(env, tr1, { type: 'township' });
  town2 = await makeOrg(env, tr2, { type: 'township' });
  sup = await login(env, (await makeUser(env, bureau, ['supervisor'])).username);
  supB = await login(env, (await makeUser(env, bureauB, ['supervisor'])).username);
  staffSource = await login(env, (await makeUser(env, source, ['staff'])).username);
  staffTown = await login(env, (await makeUser(env, town1, ['staff'])).username);
  staffB = await login(env, (await makeUser(env, sourceB, ['staff'])).username);
}, 120_000);
afterAll(() => env.close());

const power = (t: TestOrg, name: string) => ({
  townshipOrgId: t.id,
  sourceOrgId: source.id,
  code: 'CF-001',
  name,
  legalBasis: '《中华人民共和国行政处罚法》第二十四条',
});

describe('delegated township powers (乡镇赋权事项)', () => {
  let ids: string[] = [];

  it('a round adds powers to townships; non-townships are refused', async () => {
    expectError(
      await sup.post('/api/enforcement/delegation/rounds', {
        title: '错误批次',
        decisionDocNumber: '县政〔2024〕1号',
        decisionDate: '2024-01-02',
        effectiveOn: '2024-02-01',
        add: [power(source, '不是乡镇')],
      }),
      400,
      'DELEGATION_NOT_TOWNSHIP',
    );
    const r = await sup.post<{ added: number }>('/api/enforcement/delegation/rounds', {
      title: '第一批赋权',
      decisionDocNumber: '县政〔2024〕5号',
      decisionDate: '2024-01-02',
      effectiveOn: '2024-02-01',
      add: [power(town1, '占道经营处罚'), power(town1, '违法建设处罚'), power(town2, '占道经营处罚')],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.added).toBe(3);
    const list = await sup.get<{ items: (Power & { townshipOrgId: string })[] }>(
      '/api/enforcement/delegation/powers',
    );
    expect(list.body.items).toHaveLength(3);
    expect(list.body.items.every((p) => p.status === 'in_effect')).toBe(true);
    ids = list.body.items.filter((p) => p.townshipOrgId === town1.id).map((p) => p.id);
  });

  it('withdrawal ends a power on its date; an adjustment round withdraws and adds', async () => {
    const p = await sup.get<Power>(`/api/enforcement/delegation/powers/${ids[0]}`);
    expectError(
      await sup.post(`/api/enforcement/delegation/powers/${ids[0]}/withdraw`, {
        version: p.body.version,
        withdrawnOn: '2023-12-01',
        decisionDocNumber: '县政〔2025〕2号',
      }),
      409,
      'DELEGATION_WITHDRAW_DATE',
    );
    const w = await sup.post<Power>(`/api/enforcement/delegation/powers/${ids[0]}/withdraw`, {
      version: p.body.version,
      withdrawnOn: today,
      decisionDocNumber: '县政〔2025〕2号',
    });
    expect(w.status, JSON.stringify(w.body)).toBe(200);
    expect(w.body.status).toBe('withdrawn');
    expect(w.body.actions).toEqual([]);
    expectError(
      await sup.post(`/api/enforcement/delegation/powers/${ids[0]}/withdraw`, {
        version: w.body.version,
        withdrawnOn: today,
        decisionDocNumber: '县政〔2025〕2号',
      }),
      409,
      'DELEGATION_ALREADY_WITHDRAWN',
    );
    const future = addDays(today, 30);
    const r = await sup.post('/api/enforcement/delegation/rounds', {
      title: '动态调整',
      decisionDocNumber: '县政〔2025〕9号',
      decisionDate: today,
      effectiveOn: future,
      add: [power(town1, '噪声污染处罚')],
      withdraw: [ids[1]],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const after = await sup.get<Power>(`/api/enforcement/delegation/powers/${ids[1]}`);
    expect(after.body.withdrawnOn).toBe(future);
    expect(after.body.status).toBe('in_effect'); // still in effect until the round takes effect
    const pending = await sup.get<{ items: Power[] }>('/api/enforcement/delegation/powers?status=pending');
    expect(pending.body.items).toHaveLength(1);
    const rounds = await sup.get<{ items: unknown[] }>('/api/enforcement/delegation/rounds');
    expect(rounds.body.items).toHaveLength(2);
  });

  it('township capacity: powers in effect, staff and a manual certified count', async () => {
    const t = await sup.get<{ items: (Township & { certifiedFromRegister: number })[] }>(
      '/api/enforcement/delegation/townships',
    );
    const t1 = t.body.items.find((x) => x.orgId === town1.id)!;
    expect(t1.powersInEffect).toBe(1);
    expect(t1.certifiedFromRegister).toBe(0);
    const u = await sup.put<Township>(`/api/enforcement/delegation/townships/${town1.id}/capacity`, {
      staff: 12,
      certifiedManual: 10,
      note: '待录入持证人员库',
      version: 0,
    });
    expect(u.status, JSON.stringify(u.body)).toBe(200);
    expect(u.body).toMatchObject({ staff: 12, certifiedManual: 10, version: 1 });
    expectError(
      await sup.put(`/api/enforcement/delegation/townships/${town1.id}/capacity`, {
        staff: 1,
        certifiedManual: null,
        version: 0,
      }),
      409,
      'STALE_WRITE',
    );
    const mine = await staffTown.get<{ items: Township[] }>('/api/enforcement/delegation/townships');
    expect(mine.body.items.map((x) => x.orgId)).toEqual([town1.id]);
  });

  it('scope: the source department and the township see their powers; another county gets 404', async () => {
    const src = await staffSource.get<{ items: unknown[] }>('/api/enforcement/delegation/powers');
    expect(src.body.items).toHaveLength(4);
    const town = await staffTown.get<{ items: unknown[] }>('/api/enforcement/delegation/powers');
    expect(town.body.items).toHaveLength(3);
    expect((await supB.get(`/api/enforcement/delegation/powers/${ids[1]}`)).status).toBe(404);
    expect((await staffB.get(`/api/enforcement/delegation/powers/${ids[1]}`)).status).toBe(404);
    expect(
      (
        await supB.post(`/api/enforcement/delegation/powers/${ids[1]}/withdraw`, {
          version: 1,
          withdrawnOn: today,
          decisionDocNumber: 'x',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await supB.put(`/api/enforcement/delegation/townships/${town1.id}/capacity`, {
          staff: 1,
          certifiedManual: null,
          version: 1,
        })
      ).status,
    ).toBe(404);
    expectError(
      await supB.post('/api/enforcement/delegation/rounds', {
        title: '越界',
        decisionDocNumber: 'x〔2025〕1号',
        decisionDate: today,
        effectiveOn: today,
        add: [{ ...power(town1, '越界'), sourceOrgId: sourceB.id }],
      }),
      400,
      'DELEGATION_NOT_TOWNSHIP',
    );
    const exp = await sup.get('/api/enforcement/delegation/powers/export.xlsx');
    expect(exp.status).toBe(200);
  });
});
