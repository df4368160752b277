import { addDays, type CleanupCampaign, type CleanupItem, type Evaluation } from '@fazhi/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDueCampaigns } from '../../src/modules/normdocs/cleanup/cleanup.service';
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
import { insertDoc, type DocRow } from './fixtures';

let env: TestEnv;
let deptA: TestOrg;
let deptA2: TestOrg;
let deptCounty: TestOrg;
let deptB: TestOrg;
let reviewer: Client;
let reviewerB: Client;
let staffA: Client;
let staffB: Client;
const docs: Record<string, DocRow> = {};
const today = shanghaiToday(new Date());

beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  const city = await makeRegion(env, prov);
  const county = await makeRegion(env, city);
  const cityB = await makeRegion(env, prov);
  const bureau = await makeOrg(env, city, { type: 'justice_bureau' });
  deptA = await makeOrg(env, city, { parentId: bureau.id });
  deptA2 = await makeOrg(env, city, { parentId: bureau.id });
  deptCounty = await makeOrg(env, county);
  const bureauB = await makeOrg(env, cityB, { type: 'justice_bureau' });
  deptB = await makeOrg(env, cityB);
  reviewer = await login(env, (await makeUser(env, bureau, ['reviewer'])).username);
  reviewerB = await login(env, (await makeUser(env, bureauB, ['reviewer'])).username);
  staffA = await login(env, (await makeUser(env, deptA, ['staff'])).username);
  staffB = await login(env, (await makeUser(env, deptB, ['staff'])).username);

  docs.kept = await insertDoc(env, deptA, { status: 'in_force', effectiveOn: '2024-04-01' });
  docs.repealed = await insertDoc(env, deptA2, { status: 'published', effectiveOn: '2025-06-01' });
  docs.county = await insertDoc(env, deptCounty, { status: 'in_force', effectiveOn: '2025-12-31' });
  docs.amended = await insertDoc(env, deptA, { status: 'in_force', effectiveOn: '2023-01-01' });
  docs.removed = await insertDoc(env, deptA2, { status: 'in_force', effectiveOn: '2022-05-01' });
  docs.afterCutoff = await insertDoc(env, deptA, { status: 'in_force', effectiveOn: '2026-01-01' });
  docs.alreadyRepealed = await insertDoc(env, deptA, { status: 'repealed', effectiveOn: '2021-01-01' });
  docs.draft = await insertDoc(env, deptA, { status: 'drafting' });
  docs.otherCity = await insertDoc(env, deptB, { status: 'in_force', effectiveOn: '2024-01-01' });
});
afterAll(() => env.close());

const create = async (body: Record<string, unknown>) => {
  const res = await reviewer.post<CleanupCampaign>('/api/normdocs/cleanup-campaigns', body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const items = async (c: Client, id: string, query = '') =>
  (
    await c.get<{ items: CleanupItem[]; total: number }>(
      `/api/normdocs/cleanup-campaigns/${id}/items?pageSize=100${query}`,
    )
  ).body;
const decide = (id: string, docId: string, result: string, reason = '') =>
  reviewer.post(`/api/normdocs/cleanup-campaigns/${id}/items/${docId}`, { result, reason });
const statusOf = async (id: string) =>
  (await env.database.pool.query(`select status, ended_on::text from normdocs where id = $1`, [id]))
    .rows[0] as {
    status: string;
    ended_on: string | null;
  };
const eventsOf = async (id: string) =>
  (
    await env.database.pool.query(`select action, note from normdoc_events where doc_id = $1 order by at`, [
      id,
    ])
  ).rows as { action: string; note: string }[];

describe('clean-up campaigns', () => {
  it('snapshots exactly the in-force documents of the scope that took effect by the cut-off', async () => {
    const c = await create({ title: '2025年度规范性文件全面清理', kind: 'full', cutoffDate: '2025-12-31' });
    expect(c).toMatchObject({ status: 'open', kind: 'full', itemCount: 5, undecidedCount: 5, version: 1 });
    expect(c.scopeOrgs.map((o) => o.id)).toEqual(
      expect.arrayContaining([deptA.id, deptA2.id, deptCounty.id]),
    );
    expect(c.scopeOrgs.map((o) => o.id)).not.toContain(deptB.id);
    const list = await items(reviewer, c.id);
    expect(list.items.map((i) => i.docId).sort()).toEqual(
      [docs.kept, docs.repealed, docs.county, docs.amended, docs.removed].map((d) => d?.id).sort(),
    );
    // A document that comes into force later is not added to an existing worklist.
    docs.later = await insertDoc(env, deptA, { status: 'in_force', effectiveOn: '2024-01-01' });
    expect((await items(reviewer, c.id)).total).toBe(5);

    const special = await create({
      title: '妨碍统一市场和公平竞争专项清理',
      kind: 'special',
      topic: '妨碍统一市场和公平竞争',
      cutoffDate: '2025-12-31',
      scopeOrgIds: [deptA.id],
    });
    expect((await items(reviewer, special.id)).items.map((i) => i.docId).sort()).toEqual(
      [docs.kept?.id, docs.amended?.id, docs.later?.id].sort(),
    );
  });

  it('validates the campaign: topic for special, scope inside the jurisdiction', async () => {
    expectError(
      await reviewer.post('/api/normdocs/cleanup-campaigns', {
        title: '专项',
        kind: 'special',
        cutoffDate: '2025-12-31',
      }),
      400,
      'VALIDATION_FAILED',
    );
    const before = (await env.database.pool.query(`select count(*)::int n from normdoc_cleanup_campaigns`))
      .rows[0].n;
    expectError(
      await reviewer.post('/api/normdocs/cleanup-campaigns', {
        title: '越权',
        kind: 'full',
        cutoffDate: '2025-12-31',
        scopeOrgIds: [deptB.id],
      }),
      404,
      'NOT_FOUND',
    );
    expect(
      (await env.database.pool.query(`select count(*)::int n from normdoc_cleanup_campaigns`)).rows[0].n,
    ).toBe(before);
    expect(
      (
        await staffA.post('/api/normdocs/cleanup-campaigns', {
          title: 'x',
          kind: 'full',
          cutoffDate: '2025-12-31',
        })
      ).status,
    ).toBe(403);
  });

  it('takes results with reasons, refuses the decision while items are undecided, applies on the effective date by the job — once', async () => {
    const c = await create({ title: '动态清理', kind: 'continuous', cutoffDate: '2025-12-31' });
    expectError(await decide(c.id, docs.repealed!.id, 'repeal'), 400, 'VALIDATION_FAILED');
    expect((await decide(c.id, docs.kept!.id, 'keep')).status).toBe(200);
    expect((await decide(c.id, docs.later!.id, 'keep')).status).toBe(200);
    expect((await decide(c.id, docs.repealed!.id, 'repeal', '上位法已废止')).status).toBe(200);
    expect((await decide(c.id, docs.amended!.id, 'amend', '部分条款与新规定不一致')).status).toBe(200);
    expect((await decide(c.id, docs.removed!.id, 'remove_from_catalog', '不属于规范性文件')).status).toBe(
      200,
    );
    expectError(await decide(c.id, docs.otherCity!.id, 'keep'), 404, 'NOT_FOUND');

    const effectiveOn = addDays(today, 10);
    const decision = { version: 1, decisionDocNumber: '测政〔2026〕9号', decisionDate: today, effectiveOn };
    expectError(
      await reviewer.post(`/api/normdocs/cleanup-campaigns/${c.id}/decision`, decision),
      409,
      'CLEANUP_UNDECIDED',
      /1 件/,
    );
    expect((await decide(c.id, docs.county!.id, 'declare_invalid', '调整对象已消失')).status).toBe(200);
    const decided = await reviewer.post<CleanupCampaign>(
      `/api/normdocs/cleanup-campaigns/${c.id}/decision`,
      decision,
    );
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toMatchObject({ status: 'decided', version: 2, undecidedCount: 0, actions: [] });
    expect(decided.body.resultCounts).toEqual({
      keep: 2,
      repeal: 1,
      amend: 1,
      remove_from_catalog: 1,
      declare_invalid: 1,
    });
    expectError(await decide(c.id, docs.kept!.id, 'repeal', 'x'), 409, 'ILLEGAL_TRANSITION');

    expectError(
      await reviewer.post(`/api/normdocs/cleanup-campaigns/${c.id}/apply`, { version: 2 }),
      409,
      'CLEANUP_NOT_EFFECTIVE',
    );
    expect(await applyDueCampaigns(env.ctx, addDays(effectiveOn, -1))).toBe(0);
    expect((await statusOf(docs.repealed!.id)).status).toBe('published');

    expect(await applyDueCampaigns(env.ctx, effectiveOn)).toBe(1);
    expect(await statusOf(docs.repealed!.id)).toEqual({ status: 'repealed', ended_on: effectiveOn });
    expect(await statusOf(docs.county!.id)).toEqual({ status: 'declared_invalid', ended_on: effectiveOn });
    expect(await statusOf(docs.removed!.id)).toEqual({
      status: 'removed_from_catalog',
      ended_on: effectiveOn,
    });
    expect((await statusOf(docs.kept!.id)).status).toBe('in_force');
    // 修改: the document stays in force until its new version is published; a new draft version is started.
    expect((await statusOf(docs.amended!.id)).status).toBe('in_force');
    const draft = await env.database.pool.query(
      `select status from normdocs where previous_version_id = $1`,
      [docs.amended!.id],
    );
    expect(draft.rows.map((r) => r.status)).toEqual(['drafting']);
    const repealEvents = await eventsOf(docs.repealed!.id);
    expect(repealEvents.map((e) => e.action)).toContain('repeal');
    expect(repealEvents.find((e) => e.action === 'repeal')?.note).toContain('测政〔2026〕9号');
    expect((await eventsOf(docs.kept!.id)).map((e) => e.action)).toContain('cleanup_keep');

    // Run again (and via the route): nothing applied twice.
    const eventCount = (await env.database.pool.query(`select count(*)::int n from normdoc_events`)).rows[0]
      .n;
    expect(await applyDueCampaigns(env.ctx, effectiveOn)).toBe(0);
    expectError(
      await reviewer.post(`/api/normdocs/cleanup-campaigns/${c.id}/apply`, { version: 3 }),
      409,
      'ILLEGAL_TRANSITION',
    );
    expect((await env.database.pool.query(`select count(*)::int n from normdoc_events`)).rows[0].n).toBe(
      eventCount,
    );
    const after = await reviewer.get<CleanupCampaign>(`/api/normdocs/cleanup-campaigns/${c.id}`);
    expect(after.body).toMatchObject({ status: 'applied', version: 3 });
    const audit = await env.database.pool.query(
      `select count(*)::int n from audit_log where action = 'normdoc.cleanup.apply' and entity_id = $1`,
      [c.id],
    );
    expect(audit.rows[0].n).toBe(1);

    // Exports: the worklist and the results catalogue.
    const wl = await reviewer.get(`/api/normdocs/cleanup-campaigns/${c.id}/items/export.xlsx`);
    expect(wl.status).toBe(200);
    const cat = await reviewer.get(`/api/normdocs/cleanup-campaigns/${c.id}/catalogue.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(cat.raw);
    const results = (wb.worksheets[0]?.getColumn(1).values as unknown[]).slice(2);
    expect(results).toEqual(['继续有效', '继续有效', '修改', '废止', '宣布失效', '剔除目录']);
    expect((await reviewer.get('/api/normdocs/cleanup-campaigns/export.xlsx')).status).toBe(200);
  });

  it('applies through the route on the effective date, with timeline events; skips documents already out of force', async () => {
    const doc = await insertDoc(env, deptA2, { status: 'in_force', effectiveOn: '2020-01-01' });
    const gone = await insertDoc(env, deptA2, { status: 'in_force', effectiveOn: '2020-06-01' });
    const c = await create({
      title: '即时清理',
      kind: 'continuous',
      cutoffDate: '2020-12-31',
      scopeOrgIds: [deptA2.id],
    });
    expect(c.itemCount).toBe(2);
    await decide(c.id, doc.id, 'repeal', '已被新文件替代');
    await decide(c.id, gone.id, 'declare_invalid', '调整对象已消失');
    expectError(
      await reviewer.post(`/api/normdocs/cleanup-campaigns/${c.id}/decision`, {
        version: 1,
        decisionDocNumber: '测政〔2026〕10号',
        decisionDate: today,
        effectiveOn: addDays(today, -1),
      }),
      400,
      'VALIDATION_FAILED',
    );
    const d = await reviewer.post<CleanupCampaign>(`/api/normdocs/cleanup-campaigns/${c.id}/decision`, {
      version: 1,
      decisionDocNumber: '测政〔2026〕10号',
      decisionDate: today,
      effectiveOn: today,
    });
    expect(d.body.actions).toEqual(['apply']);
    expectError(
      await reviewer.post(`/api/normdocs/cleanup-campaigns/${c.id}/apply`, { version: 1 }),
      409,
      'STALE_WRITE',
    );
    expect(
      (await reviewerB.post(`/api/normdocs/cleanup-campaigns/${c.id}/apply`, { version: 2 })).status,
    ).toBe(404);
    // Meanwhile the second document expired on its own: it is skipped, not failed.
    await env.database.pool.query(
      `update normdocs set status = 'expired', ended_on = '2026-01-01' where id = $1`,
      [gone.id],
    );
    const res = await reviewer.post<{
      applied: number;
      skipped: { docId: string; message: string }[];
      campaign: CleanupCampaign;
    }>(`/api/normdocs/cleanup-campaigns/${c.id}/apply`, { version: 2 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ applied: 1, campaign: { status: 'applied' } });
    expect(res.body.skipped).toEqual([
      { docId: gone.id, message: expect.stringMatching(/有效期届满.*不能宣布失效/) },
    ]);
    expect(await statusOf(gone.id)).toEqual({ status: 'expired', ended_on: '2026-01-01' });
    expect(await statusOf(doc.id)).toEqual({ status: 'repealed', ended_on: today });
    expect((await eventsOf(doc.id)).map((e) => e.action)).toEqual(['repeal']);
    expect(await applyDueCampaigns(env.ctx, today)).toBe(0);
  });

  it('shows campaigns to the covered organisations and the region tree only', async () => {
    const c = await create({
      title: '可见性',
      kind: 'full',
      cutoffDate: '2025-12-31',
      scopeOrgIds: [deptA.id, deptA2.id],
    });
    const seen = await staffA.get<CleanupCampaign>(`/api/normdocs/cleanup-campaigns/${c.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.actions).toEqual([]);
    const own = await items(staffA, c.id);
    expect(own.items.every((i) => i.org.id === deptA.id)).toBe(true);
    expect(own.total).toBeGreaterThan(0);
    expect((await staffB.get(`/api/normdocs/cleanup-campaigns/${c.id}`)).status).toBe(404);
    expect((await reviewerB.get(`/api/normdocs/cleanup-campaigns/${c.id}`)).status).toBe(404);
    const listB = await reviewerB.get<{ items: { id: string }[] }>('/api/normdocs/cleanup-campaigns');
    expect(listB.body.items).toEqual([]);
  });
});

describe('后评估', () => {
  it('records an evaluation of an issued document with participants, on its timeline', async () => {
    const doc = await insertDoc(env, deptA, { status: 'in_force', effectiveOn: '2023-01-01' });
    const body = {
      evaluator: '制定机关（委托第三方律师事务所）',
      participants: ['人大代表', '政协委员', '律师代表', '政府部门'],
      method: '问卷调查、座谈会',
      findings: '实施效果良好，个别条款需根据新规定调整。',
      recommendation: 'amend',
      reportOn: '2026-03-01',
    };
    const res = await staffA.post<Evaluation>(`/api/normdocs/${doc.id}/evaluations`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ ...body, docId: doc.id });
    const list = await staffA.get<{ items: Evaluation[]; canCreate: boolean }>(
      `/api/normdocs/${doc.id}/evaluations`,
    );
    expect(list.body).toMatchObject({ canCreate: true, items: [{ id: res.body.id }] });
    expect((await eventsOf(doc.id)).map((e) => e.action)).toEqual(['post_evaluation']);
    const r = await reviewer.get<{ items: Evaluation[]; canCreate: boolean }>(
      `/api/normdocs/${doc.id}/evaluations`,
    );
    expect(r.body.canCreate).toBe(false);
    expect((await reviewer.post(`/api/normdocs/${doc.id}/evaluations`, body)).status).toBe(403);
    expect((await staffB.get(`/api/normdocs/${doc.id}/evaluations`)).status).toBe(404);
    expect((await staffB.post(`/api/normdocs/${doc.id}/evaluations`, body)).status).toBe(404);
    expect((await staffA.get(`/api/normdocs/${doc.id}/evaluations/export.xlsx`)).status).toBe(200);

    const draft = await insertDoc(env, deptA, { status: 'drafting' });
    expectError(
      await staffA.post(`/api/normdocs/${draft.id}/evaluations`, body),
      409,
      'EVALUATION_NOT_ISSUED',
    );
    expectError(
      await staffA.post(`/api/normdocs/${doc.id}/evaluations`, { ...body, findings: '' }),
      400,
      'VALIDATION_FAILED',
    );
  });
});
