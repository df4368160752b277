import type { SupervisionNotice, SupervisionProblem } from '@fazhi/contracts';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '../../src/platform/db/schema';
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

/*
 * 执法监督 (DOMAIN.md §4.8): 意见书 numbering and response deadline on the statutory clock
 * (河南省行政执法条例 第四十三条), late responses refused, escalation, scope between counties.
 */
let env: TestEnv;
let body: TestOrg;
let otherBody: TestOrg;
let office: Client;
let bodyStaff: Client;
let otherOffice: Client;
let otherStaff: Client;

const P = '/api/enforcement/supervision';

async function enforcementBody(env: TestEnv, region: Parameters<typeof makeOrg>[1], parentId: string) {
  const org = await makeOrg(env, region, { parentId });
  await env.database.db
    .update(organisations)
    .set({ isLawEnforcementBody: true })
    .where(eq(organisations.id, org.id));
  return org;
}

beforeAll(async () => {
  env = await startTestEnv();
  const city = await makeRegion(env, null);
  const county = await makeRegion(env, city);
  const otherCounty = await makeRegion(env, city);
  const bureau = await makeOrg(env, county, { type: 'justice_bureau' });
  const otherBureau = await makeOrg(env, otherCounty, { type: 'justice_bureau' });
  body = await enforcementBody(env, county, bureau.id);
  otherBody = await enforcementBody(env, otherCounty, otherBureau.id);
  office = await login(env, (await makeUser(env, bureau, ['supervisor'])).username);
  otherOffice = await login(env, (await makeUser(env, otherBureau, ['supervisor'])).username);
  bodyStaff = await login(env, (await makeUser(env, body, ['staff'])).username);
  otherStaff = await login(env, (await makeUser(env, otherBody, ['staff'])).username);
});
afterAll(() => env.close());

const notice = (patch: Record<string, unknown> = {}) => ({
  kind: 'opinion',
  orgId: body.id,
  title: '关于规范行政处罚案卷的监督意见',
  facts: '抽查发现部分案卷未载明陈述申辩告知。',
  items: ['补正告知程序', '建立案卷自查制度', '组织专题培训'],
  ...patch,
});

describe('意见书 response deadline', () => {
  it('15 working days from Fri 2025-09-26 run through the National Day holiday to Thu 2025-10-23', async () => {
    // Official 2025 schedule: 10/1–10/8 off; Sun 9/28 and Sat 10/11 are make-up working days.
    // Counting from the next day: 9/28(1) 9/29 9/30(3) | 10/9 10/10 10/11(6) | 10/13–10/17(11) | 10/20–10/23(15).
    const res = await office.post<SupervisionNotice>(`${P}/notices`, notice({ issuedOn: '2025-09-26' }));
    expect(res.status).toBe(200);
    expect(res.body.dueDate).toBe('2025-10-23');
    expect(res.body.effectiveDue).toBe('2025-10-23');
    expect(res.body.deadlineAmount).toBe(15);
    expect(res.body.deadlineUnit).toBe('working_days');
    expect(res.body.items.map((i) => i.seq)).toEqual([1, 2, 3]);
    expect(res.body.status).toBe('issued');
    // The clock shows in the 期限台账.
    const clocks = await env.database.db.execute<{ due_date: string; legal_basis: string }>(
      sql`select due_date::text, legal_basis from clocks where subject_type = 'enf_supervision_notice' and subject_id = ${res.body.id}`,
    );
    expect(clocks.rows[0]?.due_date).toBe('2025-10-23');
    expect(clocks.rows[0]?.legal_basis).toContain('第四十三条');
  });

  it('30 calendar days from 2025-09-03 end on a holiday and move to the next working day 2025-10-09', async () => {
    const res = await office.post<SupervisionNotice>(
      `${P}/notices`,
      notice({ issuedOn: '2025-09-03', deadlineAmount: 30, deadlineUnit: 'calendar_days' }),
    );
    expect(res.status).toBe(200);
    expect(res.body.dueDate).toBe('2025-10-09');
  });

  it('a response after the deadline is refused (409 coded) until the office records an extension', async () => {
    const n = (await office.post<SupervisionNotice>(`${P}/notices`, notice({ issuedOn: '2025-09-26' }))).body;
    const items = n.items.map((i) => ({ itemId: i.id, response: `已整改：${i.content}` }));
    const late = await bodyStaff.post(`${P}/notices/${n.id}/respond`, { version: n.version, items });
    expectError(late, 409, 'SUPERVISION_RESPONSE_LATE');
    const unchanged = await bodyStaff.get<SupervisionNotice>(`${P}/notices/${n.id}`);
    expect(unchanged.body.status).toBe('issued');
    expect(unchanged.body.items.every((i) => i.response === '')).toBe(true);
    expect(unchanged.body.actions).toEqual([]); // no respond button after the deadline

    // Only later than the current deadline.
    expectError(
      await office.post(`${P}/notices/${n.id}/extend`, {
        version: n.version,
        newDue: '2025-10-01',
        reason: '延期',
      }),
      400,
      'VALIDATION_FAILED',
    );
    const ext = await office.post<SupervisionNotice>(`${P}/notices/${n.id}/extend`, {
      version: n.version,
      newDue: '2099-12-31',
      reason: '涉及跨部门整改，需延期',
    });
    expect(ext.status).toBe(200);
    expect(ext.body.effectiveDue).toBe('2099-12-31');
    const ok = await bodyStaff.post<SupervisionNotice>(`${P}/notices/${n.id}/respond`, {
      version: ext.body.version,
      items,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('responded');
    expect(ok.body.items.every((i) => i.response.startsWith('已整改'))).toBe(true);
    expect(ok.body.actions).toEqual(['respond']); // may amend its report, cannot close its own notice
    const office1 = await office.get<SupervisionNotice>(`${P}/notices/${n.id}`);
    expect(office1.body.actions).toEqual(['close', 'escalate']);
    const closed = await office.post<SupervisionNotice>(`${P}/notices/${n.id}/close`, {
      version: ok.body.version,
      note: '整改到位',
    });
    expect(closed.body.status).toBe('closed');
    expect(closed.body.timeline.map((e) => e.action)).toEqual(['下达', 'extend', 'respond', 'close']);
    // Closed: no more responses; stale versions refused.
    expectError(
      await bodyStaff.post(`${P}/notices/${n.id}/respond`, { version: closed.body.version, items }),
      409,
      'ILLEGAL_TRANSITION',
    );
    expectError(
      await office.post(`${P}/notices/${n.id}/close`, { version: 1, note: '' }),
      409,
      'STALE_WRITE',
    );
  });

  it('escalates an unanswered 意见书 to a numbered 决定书 with the same items', async () => {
    const n = (await office.post<SupervisionNotice>(`${P}/notices`, notice())).body;
    const res = await office.post<SupervisionNotice>(`${P}/notices/${n.id}/escalate`, {
      version: n.version,
      to: 'decision',
      reason: '逾期未报告整改情况',
    });
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe('decision');
    expect(res.body.parentId).toBe(n.id);
    expect(res.body.number).toMatch(/执法监督决〔\d{4}〕1号$/);
    expect(res.body.items.map((i) => i.content)).toEqual(n.items.map((i) => i.content));
    const parent = await office.get<SupervisionNotice>(`${P}/notices/${n.id}`);
    expect(parent.body.status).toBe('escalated');
    expect(parent.body.escalatedTo).toBe('decision');
  });

  it('refuses bad input with coded 4xx and writes nothing', async () => {
    const before = await office.get<{ total: number }>(`${P}/notices`);
    expectError(await office.post(`${P}/notices`, notice({ items: [] })), 400, 'VALIDATION_FAILED');
    expectError(
      await office.post(`${P}/notices`, notice({ issuedOn: '2099-01-01' })),
      400,
      'VALIDATION_FAILED',
    );
    const plain = await makeOrg(env, { code: body.regionCode, path: body.regionPath, name: '' });
    expectError(
      await office.post(`${P}/notices`, notice({ orgId: plain.id })),
      400,
      'SUPERVISION_NOT_ENFORCEMENT_BODY',
    );
    expect((await office.get<{ total: number }>(`${P}/notices`)).body.total).toBe(before.body.total);
  });
});

describe('gapless numbering', () => {
  it('concurrent issues in one jurisdiction get consecutive numbers without gaps or duplicates', async () => {
    const year = Number(new Date().toISOString().slice(0, 4));
    const existing = await office.get<{ items: SupervisionNotice[] }>(
      `${P}/notices?kind=opinion&pageSize=200`,
    );
    const thisYear = existing.body.items.filter((n) => n.number.includes(`〔${year}〕`)).length;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        office.post<SupervisionNotice>(`${P}/notices`, notice({ title: `并发意见书${i}` })),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const serials = results
      .map((r) => Number(/〔\d{4}〕(\d+)号$/.exec(r.body.number)?.[1]))
      .sort((a, b) => a - b);
    expect(serials).toEqual(Array.from({ length: 8 }, (_, i) => thisYear + i + 1));
    // A refused issue (rolled back) leaves no gap.
    await office.post(
      `${P}/notices`,
      notice({ items: ['x'], orgId: '00000000-0000-4000-8000-000000000000' }),
    );
    const next = await office.post<SupervisionNotice>(`${P}/notices`, notice());
    expect(next.body.number).toMatch(new RegExp(`〔${year}〕${thisYear + 9}号$`));
  });
});

describe('scope between counties', () => {
  it('the other county neither sees nor acts on the notice; a body sees only its own', async () => {
    const n = (await office.post<SupervisionNotice>(`${P}/notices`, notice())).body;
    expect((await otherOffice.get(`${P}/notices/${n.id}`)).status).toBe(404);
    expect((await otherStaff.get(`${P}/notices/${n.id}`)).status).toBe(404);
    expectError(
      await otherOffice.post(`${P}/notices/${n.id}/escalate`, {
        version: n.version,
        to: 'government',
        reason: '越权',
      }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await otherStaff.post(`${P}/notices/${n.id}/respond`, {
        version: n.version,
        items: [{ itemId: n.items[0]?.id, response: '越权反馈' }],
      }),
      404,
      'NOT_FOUND',
    );
    // The other county's office cannot issue to this county's body.
    expectError(await otherOffice.post(`${P}/notices`, notice()), 404, 'NOT_FOUND');
    const list = await otherStaff.get<{ items: SupervisionNotice[] }>(`${P}/notices?pageSize=200`);
    expect(list.body.items.some((x) => x.org.id === body.id)).toBe(false);
    const mine = await bodyStaff.get<{ items: SupervisionNotice[] }>(`${P}/notices?pageSize=200`);
    expect(mine.body.items.every((x) => x.org.id === body.id)).toBe(true);
    expect(mine.body.items.length).toBeGreaterThan(0);
  });
});

describe('checks, problems and complaints, interviews, accountability', () => {
  it('records a 伴随式 check, a complaint handled to a reply, an interview and an accountability', async () => {
    const check = await office.post<{ id: string; kind: string; targets: { id: string }[] }>(`${P}/checks`, {
      kind: 'accompanying',
      title: '伴随式执法监督（市场监管）',
      targetOrgIds: [body.id],
      periodFrom: '2025-05-01',
      periodTo: '2025-05-31',
      findings: '现场执法未全程记录',
    });
    expect(check.status).toBe(200);
    expect(check.body.targets.map((t) => t.id)).toEqual([body.id]);
    // The body's staff see the check that targeted them.
    const seen = await bodyStaff.get<{ items: { id: string }[] }>(`${P}/checks`);
    expect(seen.body.items.map((c) => c.id)).toContain(check.body.id);
    expectError(
      await office.post(`${P}/checks`, {
        kind: 'routine',
        title: 'x',
        targetOrgIds: [body.id],
        periodFrom: '2025-06-01',
        periodTo: '2025-05-01',
      }),
      400,
      'VALIDATION_FAILED',
    );

    const p = await office.post<SupervisionProblem>(`${P}/problems`, {
      orgId: body.id,
      source: 'complaint',
      isClue: true,
      description: '执法人员未出示执法证件',
      complainant: '张某',
      receivedOn: '2025-06-02',
    });
    expect(p.status).toBe(200);
    expect(p.body.actions).toEqual(['assigned', 'confirmed', 'dismissed']);
    expectError(
      await office.post(`${P}/problems/${p.body.id}/handle`, { version: 1, status: 'rectified' }),
      409,
      'ILLEGAL_TRANSITION',
    );
    const a = await office.post<SupervisionProblem>(`${P}/problems/${p.body.id}/handle`, {
      version: 1,
      status: 'assigned',
      assignee: '县市场监管局法规股',
    });
    const c = await office.post<SupervisionProblem>(`${P}/problems/${p.body.id}/handle`, {
      version: a.body.version,
      status: 'confirmed',
      reply: '经核查属实，已责令整改并答复投诉人',
    });
    expect(c.body.status).toBe('confirmed');
    expect(c.body.repliedOn).not.toBeNull();
    expect(
      (
        await bodyStaff.post(`${P}/problems`, {
          orgId: body.id,
          source: 'other',
          description: 'x',
          receivedOn: '2025-01-01',
        })
      ).status,
    ).toBe(403);

    const iv = await office.post(`${P}/interviews`, {
      orgId: body.id,
      heldOn: '2025-06-10',
      persons: '李某（副局长）',
      reason: '执法不规范问题突出',
    });
    expect(iv.status).toBe(200);
    const acc = await office.post(`${P}/accountability`, {
      orgId: body.id,
      person: '王某',
      measure: 'retraining',
      authority: '县人民政府行政执法协调监督办公室',
      decidedOn: '2025-06-20',
      reason: '未出示执法证件',
    });
    expect(acc.status).toBe(200);
    expectError(
      await office.post(`${P}/accountability`, {
        orgId: body.id,
        person: '王某',
        measure: 'fired',
        authority: 'x',
        decidedOn: '2025-06-20',
        reason: 'x',
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect((await otherOffice.get<{ total: number }>(`${P}/interviews`)).body.total).toBe(0);
    expect((await bodyStaff.get<{ total: number }>(`${P}/accountability`)).body.total).toBe(1);
    const xlsx = await office.get(`${P}/notices/export.xlsx`);
    expect(xlsx.status).toBe(200);
  });
});
