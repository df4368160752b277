import {
  addDays,
  DEFAULT_EVALUATION_TEMPLATE,
  type EvalCampaignDetail,
  type EvaluationTemplate,
} from '@fazhi/contracts';
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

let env: TestEnv;
let sup: Client;
let supB: Client;
let staff1: Client;
let staff2: Client;
let staffB: Client;
let body1: TestOrg;
let body2: TestOrg;
let template: EvaluationTemplate;

const fullScores = { F1: 10, F2: 10, C1: 25, C2: 20, C3: 20, C4: 15 };

beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  const a = await makeRegion(env, prov);
  const b = await makeRegion(env, prov);
  const bureau = await makeOrg(env, a, { type: 'justice_bureau' });
  const bureauB = await makeOrg(env, b, { type: 'justice_bureau' });
  body1 = await makeOrg(env, a, { parentId: bureau.id });
  body2 = await makeOrg(env, a, { parentId: bureau.id });
  const bodyB = await makeOrg(env, b, { parentId: bureauB.id });
  sup = await login(env, (await makeUser(env, bureau, ['supervisor'])).username);
  supB = await login(env, (await makeUser(env, bureauB, ['supervisor'])).username);
  staff1 = await login(env, (await makeUser(env, body1, ['staff'])).username);
  staff2 = await login(env, (await makeUser(env, body2, ['staff'])).username);
  staffB = await login(env, (await makeUser(env, bodyB, ['staff'])).username);
  for (let i = 1; i <= 8; i++) {
    for (const c of [staff1, staff2]) {
      const r = await c.post('/api/enforcement/evaluation/case-files', {
        caseNo: `罚〔2025〕${i}号`,
        title: `案件${i}`,
        decidedOn: `2025-0${1 + (i % 9)}-10`,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
  }
  const t = await sup.post<EvaluationTemplate>(
    '/api/enforcement/evaluation/templates',
    DEFAULT_EVALUATION_TEMPLATE,
  );
  expect(t.status, JSON.stringify(t.body)).toBe(200);
  template = t.body;
}, 120_000);
afterAll(() => env.close());

const campaignBody = () => ({
  year: 2025,
  title: '2025年度行政处罚案卷评查',
  templateId: template.id,
  scopeOrgIds: [body1.id, body2.id],
  perBody: 3,
  evaluators: [
    { name: '王评查', role: 'evaluator' },
    { name: '李律师', role: 'legal_adviser' },
  ],
});

describe('case-file evaluation (案卷评查)', () => {
  let c: EvalCampaignDetail;

  it('templates must total 100 points', async () => {
    const bad = await sup.post('/api/enforcement/evaluation/templates', {
      ...DEFAULT_EVALUATION_TEMPLATE,
      items: DEFAULT_EVALUATION_TEMPLATE.items.slice(0, 8),
    });
    expectError(bad, 400, 'VALIDATION_FAILED');
  });

  it('draws reproducibly with the same seed', async () => {
    const one = await sup.post<EvalCampaignDetail>('/api/enforcement/evaluation/campaigns', campaignBody());
    expect(one.status, JSON.stringify(one.body)).toBe(200);
    const two = await sup.post<EvalCampaignDetail>('/api/enforcement/evaluation/campaigns', campaignBody());
    const d1 = await sup.post<EvalCampaignDetail>(
      `/api/enforcement/evaluation/campaigns/${one.body.id}/draw`,
      {
        version: 1,
        seed: 'seed2025',
      },
    );
    expect(d1.status, JSON.stringify(d1.body)).toBe(200);
    const d2 = await sup.post<EvalCampaignDetail>(
      `/api/enforcement/evaluation/campaigns/${two.body.id}/draw`,
      {
        version: 1,
        seed: 'seed2025',
      },
    );
    expect(d1.body.files).toHaveLength(6);
    expect(d1.body.seed).toBe('seed2025');
    expect(d2.body.files.map((f) => f.caseFileId).sort()).toEqual(
      d1.body.files.map((f) => f.caseFileId).sort(),
    );
    expect(d1.body.files.filter((f) => f.orgId === body1.id)).toHaveLength(3);
    expectError(
      await sup.post(`/api/enforcement/evaluation/campaigns/${one.body.id}/draw`, { version: 2 }),
      409,
      'EVALUATION_ALREADY_DRAWN',
    );
    c = d1.body;
  });

  it('grades by thresholds; a veto item makes the file 不合格 whatever the score', async () => {
    const [f1, f2, f3, f4, f5, f6] = c.files;
    const url = (f: { id: string }) => `/api/enforcement/evaluation/campaigns/${c.id}/files/${f.id}/score`;
    const s1 = await sup.post<EvalCampaignDetail>(url(f1!), {
      version: 1,
      evaluator: '李律师',
      scores: fullScores,
    });
    expect(s1.status, JSON.stringify(s1.body)).toBe(200);
    expect(s1.body.files.find((f) => f.id === f1!.id)).toMatchObject({ total: 100, grade: 'excellent' });
    await sup.post(url(f2!), {
      version: 1,
      evaluator: '王评查',
      scores: { ...fullScores, C1: 5, C2: 5 },
      problems: ['调查取证不全'],
    });
    await sup.post(url(f3!), {
      version: 1,
      evaluator: '王评查',
      scores: { ...fullScores, C1: 0, C2: 0, C3: 5 },
      problems: ['未告知陈述申辩权'],
    });
    const veto = await sup.post<EvalCampaignDetail>(url(f4!), {
      version: 1,
      evaluator: '王评查',
      scores: fullScores,
      vetoHits: ['V2'],
      problems: ['执法人员仅一人'],
    });
    expect(veto.body.files.find((f) => f.id === f4!.id)).toMatchObject({
      total: 0,
      grade: 'fail',
      vetoHits: ['V2'],
    });
    // Thresholds are template data (优秀 ≥ 90, 合格 ≥ 60): the boundaries themselves.
    await sup.post(url(f5!), { version: 1, evaluator: '王评查', scores: { ...fullScores, F1: 0 } });
    const last = await sup.post<EvalCampaignDetail>(url(f6!), {
      version: 1,
      evaluator: '王评查',
      scores: { ...fullScores, C1: 0, C4: 0 },
    });
    const byId = new Map(last.body.files.map((f) => [f.id, f]));
    expect(byId.get(f2!.id)).toMatchObject({ total: 65, grade: 'pass' });
    expect(byId.get(f3!.id)).toMatchObject({ total: 40, grade: 'fail' });
    expect(byId.get(f5!.id)).toMatchObject({ total: 90, grade: 'excellent' });
    expect(byId.get(f6!.id)).toMatchObject({ total: 60, grade: 'pass' });
    expect(byId.get(f4!.id)).toMatchObject({ total: 0, grade: 'fail' });
    expectError(
      await sup.post(url(f1!), { version: 2, evaluator: '王', scores: { ...fullScores, F1: 11 } }),
      400,
      'EVALUATION_SCORE_INVALID',
    );
    expectError(
      await sup.post(url(f1!), { version: 1, evaluator: '王', scores: fullScores }),
      409,
      'STALE_WRITE',
    );
    expect(last.body.report).toMatchObject({
      files: 6,
      scored: 6,
      excellent: 2,
      pass: 2,
      fail: 2,
      passRate: 66.67,
      problems: 3,
    });
  });

  it('rectification: due date on the clock, the body answers with evidence, clock completes', async () => {
    const f = c.files.find((x) => x.orgId === body1.id)!;
    const r = await sup.post<EvalCampaignDetail>(
      `/api/enforcement/evaluation/campaigns/${c.id}/rectifications`,
      {
        fileId: f.id,
        problem: '调查取证不全',
        days: 30,
      },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const item = r.body.rectifications[0]!;
    expect(item.dueDate).toBe(addDays(shanghaiToday(new Date()), 30));
    const { rows } = await env.database.pool.query(
      `select status, due_date::text as due from clocks where subject_type = 'enforcement_evaluation_rectification' and subject_id = $1`,
      [item.id],
    );
    expect(rows[0].due).toBe(item.dueDate);
    // The other body cannot answer it (404), nor can another county's body.
    const body = {
      version: 1,
      response: '已补充证据',
      evidence: ['补充调查笔录.pdf'],
      doneOn: shanghaiToday(new Date()),
    };
    expect(
      (await staff2.post(`/api/enforcement/evaluation/rectifications/${item.id}/response`, body)).status,
    ).toBe(404);
    expect(
      (await staffB.post(`/api/enforcement/evaluation/rectifications/${item.id}/response`, body)).status,
    ).toBe(404);
    const view = await staff1.get<EvalCampaignDetail>(`/api/enforcement/evaluation/campaigns/${c.id}`);
    expect(view.body.rectifications[0]!.actions).toEqual(['respond']);
    expect(view.body.files.every((x) => x.orgId === body1.id)).toBe(true);
    const ok = await staff1.post<{ doneOn: string }>(
      `/api/enforcement/evaluation/rectifications/${item.id}/response`,
      body,
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const { rows: after } = await env.database.pool.query(
      `select status from clocks where subject_type = 'enforcement_evaluation_rectification' and subject_id = $1`,
      [item.id],
    );
    expect(after[0].status).toBe('completed');
    expectError(
      await staff1.post(`/api/enforcement/evaluation/rectifications/${item.id}/response`, {
        ...body,
        version: 2,
      }),
      409,
      'RECTIFICATION_DONE',
    );
    const rep = await sup.get(`/api/enforcement/evaluation/campaigns/${c.id}/report.xlsx`);
    expect(rep.status).toBe(200);
  });

  it('scope between counties: 404 for the other county, cannot include its bodies', async () => {
    expect((await supB.get(`/api/enforcement/evaluation/campaigns/${c.id}`)).status).toBe(404);
    expect((await staffB.get(`/api/enforcement/evaluation/campaigns/${c.id}`)).status).toBe(404);
    const list = await supB.get<{ items: unknown[] }>('/api/enforcement/evaluation/campaigns');
    expect(list.body.items).toHaveLength(0);
    expectError(
      await supB.post('/api/enforcement/evaluation/campaigns', campaignBody()),
      400,
      'VALIDATION_FAILED',
    );
  });
});
