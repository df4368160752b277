import type { Report, ReportPreview } from '@fazhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCollectedValues } from '../../src/modules/indicators';
import {
  collectionNarratives,
  collectionTargets,
  collectionTasks,
} from '../../src/modules/collection/collection.tables';
import {
  Client,
  login,
  makeOrg,
  makeRegion,
  makeUser,
  startTestEnv,
  type TestEnv,
  type TestOrg,
} from '../harness';
import { createReport, previewText, saveSection } from './helpers';

/*
 * region city ─ county: the report of the city government, drafted by the justice bureau's reviewer,
 * signed by the government's head; a county reviewer and a sibling city's reviewer must not see it.
 */
let env: TestEnv;
let gov: TestOrg;
let dept: TestOrg;
let reviewer: Client;
let head: Client;
let countyReviewer: Client;
let siblingReviewer: Client;
let deptStaff: Client;
let report: Report;

async function auditActions(entityId: string): Promise<string[]> {
  const { rows } = await env.database.pool.query<{ action: string }>(
    `select action from audit_log where entity_id = $1 order by seq`,
    [entityId],
  );
  return rows.map((r) => r.action);
}

async function act(c: Client, segment: string, body: Record<string, unknown>) {
  const res = await c.post<Report & { code?: string; message?: string }>(
    `/api/reports/${report.id}/${segment}`,
    { version: report.version, ...body },
  );
  if (res.status === 200) report = res.body;
  return res;
}

beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  const city = await makeRegion(env, prov);
  const county = await makeRegion(env, city);
  const sibling = await makeRegion(env, prov);
  gov = await makeOrg(env, city, { type: 'government', name: '生命周期市人民政府' });
  dept = await makeOrg(env, city, { type: 'department', name: '生命周期市市场监督管理局' });
  const bureau = await makeOrg(env, city, { type: 'justice_bureau' });
  reviewer = await login(env, (await makeUser(env, bureau, ['reviewer'])).username);
  head = await login(env, (await makeUser(env, gov, ['head'])).username);
  deptStaff = await login(env, (await makeUser(env, dept, ['staff'])).username);
  countyReviewer = await login(
    env,
    (await makeUser(env, await makeOrg(env, county, { type: 'justice_bureau' }), ['reviewer'])).username,
  );
  siblingReviewer = await login(
    env,
    (await makeUser(env, await makeOrg(env, sibling, { type: 'justice_bureau' }), ['reviewer'])).username,
  );
  // A zero-denominator rate for the department (no case to appear in court).
  await env.database.db.transaction((tx) =>
    saveCollectedValues(tx, env.ctx, {
      orgId: dept.id,
      regionPath: dept.regionPath,
      period: '2025',
      values: [
        {
          code: 'agency_head_court_appearance_rate',
          value: null,
          numerator: 0,
          denominator: 0,
          provenance: {},
        },
        { code: 'legal_advisors_engaged', value: 12, provenance: {} },
      ],
    }),
  );
  // An accepted 填报 with narratives for the 起草助手.
  const [task] = await env.database.db
    .insert(collectionTasks)
    .values({
      orgId: bureau.id,
      regionPath: city.path,
      title: '2025年度法治政府建设材料填报',
      period: '2025',
      sectionCodes: ['g4', 'problems'],
      dueDate: '2026-01-10',
      status: 'closed',
    })
    .returning();
  const [target] = await env.database.db
    .insert(collectionTargets)
    .values({ taskId: task?.id as string, orgId: dept.id, regionPath: dept.regionPath, status: 'accepted' })
    .returning();
  const [returned] = await env.database.db
    .insert(collectionTargets)
    .values({
      taskId: task?.id as string,
      orgId: bureau.id,
      regionPath: bureau.regionPath,
      status: 'returned',
    })
    .returning();
  await env.database.db.insert(collectionNarratives).values([
    {
      targetId: target?.id as string,
      sectionCode: 'g4',
      text: '严格落实重大行政决策程序，聘请法律顾问参与合法性审查。',
    },
    { targetId: target?.id as string, sectionCode: 'problems', text: '基层执法力量不足。' },
    { targetId: returned?.id as string, sectionCode: 'g4', text: '退回的材料不应出现。' },
  ]);
});
afterAll(() => env.close());

describe('annual report: creation, sections, placeholders', () => {
  it('creates the report with the outline of DOMAIN.md §10.1 and the 1 March / 1 April deadlines', async () => {
    report = await createReport(reviewer, { orgId: gov.id, year: 2025, kind: 'to_congress' });
    expect(report.status).toBe('planned');
    expect(report.title).toBe('生命周期市人民政府关于2025年度法治政府建设情况的报告');
    expect(report.deadlines).toEqual({ sendBy: '2026-03-01', publishBy: '2026-04-01' });
    expect(report.sections.map((s) => s.title)).toEqual([
      '一、主要做法和成效',
      '（一）加强党对法治政府建设的领导',
      '（二）依法全面履行政府职能',
      '（三）健全依法行政制度体系',
      '（四）推进科学民主依法决策',
      '（五）严格规范公正文明执法',
      '（六）依法预防处置重大突发事件',
      '（七）依法化解社会矛盾纠纷',
      '（八）强化行政权力制约和监督',
      '二、存在的不足和原因',
      '三、党政主要负责人履行推进法治建设第一责任人职责情况',
      '四、下一年度工作打算',
      '五、其他需要报告的事项',
    ]);
    const dup = await reviewer.post<{ code: string }>('/api/reports', {
      orgId: gov.id,
      year: 2025,
      kind: 'to_congress',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('DUPLICATE');
  });

  it('refuses a placeholder naming an unknown indicator (400 UNKNOWN_INDICATOR naming it), nothing saved', async () => {
    const sec = report.sections.find((s) => s.code === 'g7');
    const res = await reviewer.put<{ code: string; message: string; details: { codes: string[] } }>(
      `/api/reports/${report.id}/sections/g7`,
      {
        version: sec?.version,
        body: '全年办理行政复议案件{{reconsideration.nonexistent}}件，{{legal_advisors_engaged}}人。',
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('UNKNOWN_INDICATOR');
    expect(res.body.message).toContain('reconsideration.nonexistent');
    expect(res.body.details.codes).toEqual(['reconsideration.nonexistent']);
    const again = await reviewer.get<Report>(`/api/reports/${report.id}`);
    expect(again.body.sections.find((s) => s.code === 'g7')?.body).toBe('');
  });

  it('refuses markup outside the 公文 subset (HTML, tables, unbalanced bold)', async () => {
    const sec = report.sections.find((s) => s.code === 'g7');
    for (const body of ['<span style="color:red">红字</span>', '| 表 | 格 |', '**未闭合的加粗']) {
      const res = await reviewer.put<{ code: string }>(`/api/reports/${report.id}/sections/g7`, {
        version: sec?.version,
        body,
      });
      expect(res.status, body).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('is versioned: a stale section write is 409 STALE_WRITE', async () => {
    report = await saveSection(reviewer, report, 'g1', '**深学笃行习近平法治思想。**坚持党的领导。');
    const res = await reviewer.put<{ code: string }>(`/api/reports/${report.id}/sections/g1`, {
      version: 1,
      body: '旧版本',
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('STALE_WRITE');
  });

  it('the 起草助手 fills empty sections with accepted narratives and figure sentences', async () => {
    const res = await reviewer.post<{ filled: string[]; skipped: string[]; report: Report }>(
      `/api/reports/${report.id}/assist`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    report = res.body.report;
    expect(res.body.skipped).toContain('g1');
    const g4 = report.sections.find((s) => s.code === 'g4')?.body ?? '';
    expect(g4).toContain(`【${dept.name}】严格落实重大行政决策程序`);
    expect(g4).toContain('{{legal_advisors_engaged}}人');
    expect(g4).not.toContain('退回的材料');
    expect(report.sections.find((s) => s.code === 'problems')?.body).toContain('基层执法力量不足');
    expect(report.sections.find((s) => s.code === 'g1')?.body).toBe(
      '**深学笃行习近平法治思想。**坚持党的领导。',
    );
  });

  it('renders a rate with a zero denominator as “—”, never NaN or ∞', async () => {
    const deptReport = await createReport(reviewer, { orgId: dept.id, year: 2025, kind: 'department' });
    await saveSection(
      reviewer,
      deptReport,
      'g7',
      '行政机关负责人出庭应诉率{{agency_head_court_appearance_rate}}，聘请法律顾问{{legal_advisors_engaged}}人。',
    );
    const res = await deptStaff.get<ReportPreview>(`/api/reports/${deptReport.id}/preview`);
    expect(res.status).toBe(200);
    const text = previewText(res.body);
    expect(text).toContain('出庭应诉率—，聘请法律顾问12人');
    expect(text).not.toMatch(/NaN|Infinity|∞/);
    const fig = res.body.sections
      .flatMap((s) => s.paragraphs.flatMap((p) => p.runs))
      .find((r) => r.kind === 'figure' && r.code === 'agency_head_court_appearance_rate');
    expect(fig && fig.kind === 'figure' && fig.value).toBeNull();
    expect(fig && fig.kind === 'figure' && fig.denominator).toBe(0);
    const docx = await deptStaff.get(`/api/reports/${deptReport.id}/document.docx`);
    expect(docx.status).toBe(200);
  });
});

describe('annual report: scope', () => {
  it('a county reviewer (below) and a sibling city reviewer see nothing of it', async () => {
    for (const c of [countyReviewer, siblingReviewer]) {
      expect((await c.get(`/api/reports/${report.id}`)).status).toBe(404);
      expect((await c.get(`/api/reports/${report.id}/preview`)).status).toBe(404);
      expect((await c.get(`/api/reports/${report.id}/document.docx`)).status).toBe(404);
      const list = await c.get<{ total: number }>('/api/reports');
      expect(list.body.total).toBe(0);
      const res = await c.put(`/api/reports/${report.id}/sections/g1`, { version: 2, body: '越权' });
      expect(res.status).toBe(404);
    }
    // The department's staff sees its own department report only.
    const list = await deptStaff.get<{ items: { org: { id: string } }[] }>('/api/reports');
    expect(list.body.items.map((i) => i.org.id)).toEqual([dept.id]);
  });
});

describe('annual report: drafts, comments, secrecy review, sign-off, sending, publication', () => {
  it('comments are added per section and resolved', async () => {
    const c = await head.post<{ id: string; resolved: boolean }>(`/api/reports/${report.id}/comments`, {
      sectionCode: 'g1',
      text: '请补充常务会议学法情况',
    });
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    const r1 = await reviewer.get<Report>(`/api/reports/${report.id}`);
    expect(r1.body.sections.find((s) => s.code === 'g1')?.openComments).toBe(1);
    const resolved = await reviewer.post<{ resolved: boolean }>(
      `/api/reports/${report.id}/comments/${c.body.id}/resolve`,
    );
    expect(resolved.body.resolved).toBe(true);
    report = (await reviewer.get<Report>(`/api/reports/${report.id}`)).body;
  });

  it('refuses publication without a secrecy review (409 SECRECY_REVIEW_REQUIRED), nothing changed', async () => {
    const res = await act(head, 'publish-transitions', { action: 'publish', publishedOn: '2026-01-25' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SECRECY_REVIEW_REQUIRED');
    expect((await reviewer.get<Report>(`/api/reports/${report.id}`)).body.status).toBe('planned');
  });

  it('goes 初稿 → 讨论稿 → 送审稿 with a saved version each', async () => {
    expect(report.actions).toContain('start_draft');
    expect((await act(reviewer, 'transitions', { action: 'start_draft' })).status).toBe(200);
    expect((await act(reviewer, 'transitions', { action: 'to_discussion' })).status).toBe(200);
    // The head cannot use the editor's route.
    expect((await act(head, 'transitions', { action: 'to_review' })).status).toBe(403);
    expect((await act(reviewer, 'transitions', { action: 'to_review' })).status).toBe(200);
    expect(report.status).toBe('review_draft');
    const versions = await reviewer.get<{ items: { id: string; label: string }[] }>(
      `/api/reports/${report.id}/versions`,
    );
    expect(versions.body.items.map((v) => v.label).sort()).toEqual(['初稿', '讨论稿', '送审稿'].sort());
    const v = await reviewer.get<{ sections: { code: string; body: string }[] }>(
      `/api/reports/${report.id}/versions/${versions.body.items[0]?.id}`,
    );
    expect(v.body.sections.find((s) => s.code === 'g1')?.body).toContain('深学笃行');
    const manual = await reviewer.post<{ label: string }>(`/api/reports/${report.id}/versions`, {
      label: '送审稿（修改）',
    });
    expect(manual.status).toBe(200);
  });

  it('refuses sign-off before the secrecy review (ILLEGAL_TRANSITION)', async () => {
    const res = await act(head, 'approve-transitions', {
      action: 'sign',
      signoffs: [{ name: '李四', position: '市长', signedOn: '2026-01-20' }],
      issuedOn: '2026-01-20',
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ILLEGAL_TRANSITION');
  });

  it('records the secrecy review, the heads’ sign-off, the sending and the publication, each audited', async () => {
    expect(
      (
        await act(reviewer, 'publish-transitions', {
          action: 'secrecy_review',
          reviewer: '王五（市保密办）',
          reviewedOn: '2026-01-18',
          conclusion: '不涉及国家秘密和工作秘密，可以公开',
        })
      ).status,
    ).toBe(200);
    expect(report.secrecyReview?.reviewer).toBe('王五（市保密办）');
    // Sections are frozen after the secrecy review.
    const frozen = await reviewer.put<{ code: string }>(`/api/reports/${report.id}/sections/g1`, {
      version: report.sections.find((s) => s.code === 'g1')?.version,
      body: '改动',
    });
    expect(frozen.status).toBe(409);
    const signed = await act(head, 'approve-transitions', {
      action: 'sign',
      signoffs: [
        { name: '李四', position: '市长', signedOn: '2026-01-20' },
        { name: '赵六', position: '市委书记', signedOn: '2026-01-21' },
      ],
      docNumber: '测政文〔2026〕3号',
      issuedOn: '2026-01-22',
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(report.signoffs.map((s) => s.name)).toEqual(['李四', '赵六']);
    const sent = await act(reviewer, 'transitions', {
      action: 'send',
      sendings: [
        { recipient: '市人大常委会', copyTo: ['省依法治省办'], sentOn: '2026-01-24', channel: '机要交换' },
      ],
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(report.sentOn).toBe('2026-01-24');
    // Before publication, the portal does not show it.
    const anon = new Client(env.baseUrl);
    expect((await anon.get(`/api/public/reports/${report.id}`)).status).toBe(404);
    const published = await act(head, 'publish-transitions', {
      action: 'publish',
      publishedOn: '2026-01-26',
      url: 'https://www.example.gov.cn/report',
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(report.status).toBe('published');
    const actions = await auditActions(report.id);
    for (const a of [
      'report.create',
      'report.section.update',
      'report.assist',
      'report.comment.add',
      'report.comment.resolve',
      'report.start_draft',
      'report.to_discussion',
      'report.to_review',
      'report.version.create',
      'report.secrecy_review',
      'report.sign',
      'report.send',
      'report.publish',
    ])
      expect(actions, a).toContain(a);
  });

  it('the portal shows published reports only, with the values frozen at publication', async () => {
    const anon = new Client(env.baseUrl);
    const list = await anon.get<{ items: { id: string }[] }>('/api/public/reports');
    expect(list.status).toBe(200);
    expect(list.body.items.map((i) => i.id)).toEqual([report.id]);
    const before = await anon.get<{
      sections: { code: string; paragraphs: { runs: { kind: string; display?: string }[] }[] }[];
    }>(`/api/public/reports/${report.id}`);
    expect(before.status).toBe(200);
    const g4 = JSON.stringify(before.body.sections.find((s) => s.code === 'g4'));
    expect(g4).toContain('"display":"12"');
    // Records change after publication: the published text does not.
    await env.database.db.transaction((tx) =>
      saveCollectedValues(tx, env.ctx, {
        orgId: dept.id,
        regionPath: dept.regionPath,
        period: '2025',
        values: [{ code: 'legal_advisors_engaged', value: 99, provenance: {} }],
      }),
    );
    const after = await anon.get<typeof before.body>(`/api/public/reports/${report.id}`);
    expect(JSON.stringify(after.body.sections.find((s) => s.code === 'g4'))).toContain('"display":"12"');
    const preview = await reviewer.get<ReportPreview>(`/api/reports/${report.id}/preview`);
    expect(preview.body.frozen).toBe(true);
  });

  it('archives; an illegal step is 409 ILLEGAL_TRANSITION', async () => {
    expect((await act(reviewer, 'transitions', { action: 'to_review' })).status).toBe(409);
    expect((await act(head, 'publish-transitions', { action: 'archive' })).status).toBe(200);
    expect(report.status).toBe('archived');
    expect(report.archivedAt).not.toBeNull();
    const anon = new Client(env.baseUrl);
    expect((await anon.get(`/api/public/reports/${report.id}`)).status).toBe(200);
  });
});
