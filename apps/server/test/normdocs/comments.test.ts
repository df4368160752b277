import type { CommentChallenge, DocComments, PublicCommentPeriod, StaffComment } from '@fazhi/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normdocCommentPeriods, normdocComments } from '../../src/modules/normdocs/normdocs.tables';
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
import { insertDoc } from './fixtures';

// Today is 2026-11-22 (Asia/Shanghai) in this environment; periods are placed around the real date.
const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const shift = (days: number) =>
  new Date(Date.parse(`${shanghaiToday()}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);

let env: TestEnv;
let county: TestOrg;
let otherCounty: TestOrg;
let staff: Client;
let head: Client;
let otherStaff: Client;
let cityReviewer: Client;
const anon = () => new Client(env.baseUrl);

const NUM: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
function chineseToNumber(s: string): number {
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + (NUM[s.slice(1)] ?? 0);
  const [tens, ones] = s.split('十');
  if (ones !== undefined) return (NUM[tens as string] ?? 0) * 10 + (ones ? (NUM[ones] ?? 0) : 0);
  return NUM[s] ?? Number.NaN;
}

/** Fetches a challenge and solves it as a person would. */
async function solved(c: Client): Promise<{ challengeToken: string; challengeAnswer: string }> {
  const res = await c.get<CommentChallenge>('/api/public/comment-challenge');
  expect(res.status).toBe(200);
  const m = /^(.+?)(加|减)(.+?)等于几/.exec(res.body.question);
  if (!m) throw new Error(`unexpected question ${res.body.question}`);
  const a = chineseToNumber(m[1] as string);
  const b = chineseToNumber(m[3] as string);
  return { challengeToken: res.body.token, challengeAnswer: String(m[2] === '加' ? a + b : a - b) };
}

async function makePeriod(
  org: TestOrg,
  opensOn: string,
  closesOn: string,
  over: Partial<typeof normdocCommentPeriods.$inferInsert> = {},
) {
  const doc = await insertDoc(env, org, { status: 'public_comment' });
  const [p] = await env.database.db
    .insert(normdocCommentPeriods)
    .values({
      docId: doc.id,
      opensOn,
      closesOn,
      days: 30,
      draftTitle: `${doc.title}（征求意见稿）`,
      draftText: '第一条 为规范测试事项，制定本办法。\n第二条 本办法自公布之日起施行。',
      ...over,
    })
    .returning();
  return { doc, period: p as typeof normdocCommentPeriods.$inferSelect };
}

const comment = {
  submitterKind: 'citizen',
  submitterName: '张三',
  contact: '13812345678',
  content: '建议第二条明确施行日期，便于群众知晓。',
};

beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  const city = await makeRegion(env, prov);
  const countyRegion = await makeRegion(env, city);
  const otherRegion = await makeRegion(env, city);
  county = await makeOrg(env, countyRegion);
  otherCounty = await makeOrg(env, otherRegion);
  const cityBureau = await makeOrg(env, city, { type: 'justice_bureau' });
  staff = await login(env, (await makeUser(env, county, ['staff'])).username);
  head = await login(env, (await makeUser(env, county, ['head'])).username);
  otherStaff = await login(env, (await makeUser(env, otherCounty, ['staff'])).username);
  cityReviewer = await login(env, (await makeUser(env, cityBureau, ['reviewer'])).username);
}, 60_000);
afterAll(() => env.close());

describe('public comment (征求意见)', () => {
  it('a comment submitted within the period is listed for staff with the contact masked, never shown publicly before the close', async () => {
    const { doc, period } = await makePeriod(county, shift(-3), shift(10));
    const list = await anon().get<{ items: { id: string; state: string; orgName: string }[] }>(
      '/api/public/comment-periods?state=open&pageSize=200',
    );
    expect(list.status).toBe(200);
    expect(list.body.items.find((i) => i.id === period.id)).toMatchObject({
      state: 'open',
      orgName: county.name,
    });

    const c = anon();
    const res = await c.post<{ id: string; message: string }>(
      `/api/public/comment-periods/${period.id}/comments`,
      { ...comment, ...(await solved(c)) },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.message).toContain('已提交');

    // Contact encrypted at rest, IP stored only as a pseudonym.
    const [row] = await env.database.db
      .select()
      .from(normdocComments)
      .where(eq(normdocComments.id, res.body.id));
    expect(row?.contactEncrypted).toMatch(/^v1:/);
    expect(row?.contactEncrypted).not.toContain('13812345678');
    expect(row?.ipHash).not.toContain('127.0.0.1');

    const staffView = await staff.get<DocComments>(`/api/normdocs/${doc.id}/comments`);
    expect(staffView.status).toBe(200);
    expect(staffView.body.periods).toHaveLength(1);
    expect(staffView.body.periods[0]).toMatchObject({ state: 'open', commentCount: 1, unhandledCount: 1 });
    expect(staffView.body.periods[0]?.comments[0]).toMatchObject({
      submitterName: '张三',
      contactMasked: '138****5678',
      content: comment.content,
      adopted: null,
      actions: ['handle'],
    });
    // A city-level reviewer sees it (region tree) but may not handle it.
    const reviewerView = await cityReviewer.get<DocComments>(`/api/normdocs/${doc.id}/comments`);
    expect(reviewerView.status).toBe(200);
    expect(reviewerView.body.periods[0]?.comments[0]?.actions).toEqual([]);

    const portal = await anon().get<PublicCommentPeriod>(`/api/public/comment-periods/${period.id}`);
    expect(portal.status).toBe(200);
    expect(portal.body).toMatchObject({
      state: 'open',
      commentCount: 1,
      results: [],
      adoptionExplanation: null,
    });
    expect(JSON.stringify(portal.body)).not.toContain('1381234');
    expect(portal.body.draftText).toContain('第一条');

    const audit = await env.database.pool.query(
      `select action, actor_name, diff::text as diff from audit_log where entity_type = 'normdoc_comment' and entity_id = $1`,
      [res.body.id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].action).toBe('normdoc.comment.submit');
    expect(audit.rows[0].diff).not.toContain('13812345678');
  });

  it('refuses a comment after closesOn (409 COMMENT_CLOSED) and before opensOn, and a wrong challenge (400)', async () => {
    const closed = await makePeriod(county, shift(-40), shift(-1));
    const c = anon();
    const late = await c.post<{ code: string }>(`/api/public/comment-periods/${closed.period.id}/comments`, {
      ...comment,
      ...(await solved(c)),
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('COMMENT_CLOSED');

    const future = await makePeriod(county, shift(2), shift(32));
    const early = await c.post<{ code: string }>(`/api/public/comment-periods/${future.period.id}/comments`, {
      ...comment,
      ...(await solved(c)),
    });
    expect(early.status).toBe(404); // not yet published on the portal

    const open = await makePeriod(county, shift(-1), shift(29));
    const ch = await solved(c);
    const wrong = await c.post<{ code: string }>(`/api/public/comment-periods/${open.period.id}/comments`, {
      ...comment,
      challengeToken: ch.challengeToken,
      challengeAnswer: String(Number(ch.challengeAnswer) + 1),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('CHALLENGE_FAILED');
    const forged = await c.post<{ code: string }>(`/api/public/comment-periods/${open.period.id}/comments`, {
      ...comment,
      challengeToken: `${Date.now() + 60_000}.abc.def`,
      challengeAnswer: '3',
    });
    expect(forged.body.code).toBe('CHALLENGE_FAILED');
    const count = await env.database.db
      .select()
      .from(normdocComments)
      .where(eq(normdocComments.periodId, open.period.id));
    expect(count).toHaveLength(0);
  });

  it('refuses content that is too long (400) and an unknown period (404)', async () => {
    const { period } = await makePeriod(county, shift(-1), shift(29));
    const c = anon();
    const long = await c.post<{ code: string; message: string }>(
      `/api/public/comment-periods/${period.id}/comments`,
      { ...comment, content: '意'.repeat(5001), ...(await solved(c)) },
    );
    expect(long.status).toBe(400);
    expect(long.body.code).toBe('VALIDATION_FAILED');
    expect(long.body.message).toContain('5000');
    const missing = await c.post<{ code: string }>(
      '/api/public/comment-periods/00000000-0000-4000-8000-00000000abcd/comments',
      { ...comment, ...(await solved(c)) },
    );
    expect(missing.status).toBe(404);
  });

  it('handling (采纳/未采纳) requires a reason, is audited, optimistic, and refused from another county (404)', async () => {
    const { doc, period } = await makePeriod(county, shift(-5), shift(25));
    const [row] = await env.database.db
      .insert(normdocComments)
      .values({
        periodId: period.id,
        docId: doc.id,
        submitterKind: 'enterprise',
        submitterName: '某某有限公司',
        content: '建议增加过渡期规定。',
        ipHash: 'test',
      })
      .returning();
    const id = row?.id as string;

    const noReason = await head.post<{ code: string }>(`/api/normdocs/comments/${id}/handle`, {
      adopted: true,
      response: '  ',
      handledAt: null,
    });
    expect(noReason.status).toBe(400);

    const other = await otherStaff.post<{ code: string }>(`/api/normdocs/comments/${id}/handle`, {
      adopted: false,
      response: '不采纳',
      handledAt: null,
    });
    expect(other.status).toBe(404);
    expect((await otherStaff.get(`/api/normdocs/${doc.id}/comments`)).status).toBe(404);
    expect((await otherStaff.get(`/api/normdocs/${doc.id}/comments/export.xlsx`)).status).toBe(404);

    const ok = await staff.post<StaffComment>(`/api/normdocs/comments/${id}/handle`, {
      adopted: true,
      response: '采纳，已在第五条增加六个月过渡期。',
      handledAt: null,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ adopted: true, response: '采纳，已在第五条增加六个月过渡期。' });
    expect(ok.body.handledAt).not.toBeNull();

    // A second handler who read the comment before the first handled it gets 409 STALE_WRITE.
    const stale = await head.post<{ code: string }>(`/api/normdocs/comments/${id}/handle`, {
      adopted: false,
      response: '不采纳',
      handledAt: null,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_WRITE');
    const redo = await head.post<StaffComment>(`/api/normdocs/comments/${id}/handle`, {
      adopted: false,
      response: '经研究，过渡期已在配套文件中规定，不采纳。',
      handledAt: ok.body.handledAt,
    });
    expect(redo.status).toBe(200);
    expect(redo.body.adopted).toBe(false);

    const audit = await env.database.pool.query(
      `select action, outcome from audit_log where entity_type = 'normdoc_comment' and entity_id = $1 order by seq`,
      [id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['normdoc.comment.handle', 'normdoc.comment.handle']);

    const xlsx = await staff.get(`/api/normdocs/${doc.id}/comments/export.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(Buffer.from(xlsx.raw).subarray(0, 2).toString()).toBe('PK');
    const exported = await env.database.pool.query(
      `select count(*)::int as n from audit_log where action = 'normdoc.comment.export' and entity_id = $1`,
      [doc.id],
    );
    expect(exported.rows[0].n).toBe(1);
  });

  it('the portal shows the 采纳情况说明 and each result only after the period is closed', async () => {
    const { doc, period } = await makePeriod(county, shift(-35), shift(-5));
    await env.database.db.insert(normdocComments).values({
      periodId: period.id,
      docId: doc.id,
      submitterKind: 'citizen',
      submitterName: '李四',
      contactEncrypted: env.ctx.crypto.encrypt('13900001111'),
      content: '建议简化办理材料。',
      ipHash: 'test',
      adopted: true,
      response: '已采纳，删除了两项证明材料。',
      handledAt: new Date(),
    });
    const explanation = '共收到意见1条，采纳1条。';
    await env.database.db
      .update(normdocCommentPeriods)
      .set({ adoptionExplanation: explanation })
      .where(eq(normdocCommentPeriods.id, period.id));

    const before = await anon().get<PublicCommentPeriod>(`/api/public/comment-periods/${period.id}`);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ state: 'ended', adoptionExplanation: null, results: [] });

    await env.database.db
      .update(normdocCommentPeriods)
      .set({ closedAt: new Date() })
      .where(eq(normdocCommentPeriods.id, period.id));
    const after = await anon().get<PublicCommentPeriod>(`/api/public/comment-periods/${period.id}`);
    expect(after.body).toMatchObject({
      state: 'closed',
      adoptionExplanation: explanation,
      adoptedCount: 1,
      results: [{ adopted: true, response: '已采纳，删除了两项证明材料。', content: '建议简化办理材料。' }],
    });
    const text = JSON.stringify(after.body);
    expect(text).not.toContain('李四');
    expect(text).not.toContain('13900001111');
    expect(text).not.toContain('v1:');

    // Once the explanation is published the results are final.
    const [c] = await env.database.db
      .select()
      .from(normdocComments)
      .where(eq(normdocComments.periodId, period.id));
    const late = await staff.post<{ code: string }>(`/api/normdocs/comments/${c?.id}/handle`, {
      adopted: false,
      response: '改为不采纳',
      handledAt: c?.handledAt?.toISOString() ?? null,
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('COMMENT_RESULTS_PUBLISHED');

    const closedList = await anon().get<{ items: { id: string; state: string }[] }>(
      '/api/public/comment-periods?state=closed&pageSize=200',
    );
    expect(closedList.body.items.find((i) => i.id === period.id)?.state).toBe('closed');
  });

  it('caps submissions per address, draft and day (429 COMMENT_DAILY_LIMIT)', async () => {
    const { doc, period } = await makePeriod(county, shift(-1), shift(29));
    const c = anon();
    const first = await c.post<{ id: string }>(`/api/public/comment-periods/${period.id}/comments`, {
      ...comment,
      ...(await solved(c)),
    });
    expect(first.status).toBe(200);
    const [row] = await env.database.db
      .select()
      .from(normdocComments)
      .where(eq(normdocComments.id, first.body.id));
    await env.database.db.insert(normdocComments).values(
      Array.from({ length: 9 }, () => ({
        periodId: period.id,
        docId: doc.id,
        submitterKind: 'citizen',
        content: '重复意见内容测试',
        ipHash: row?.ipHash as string,
      })),
    );
    const capped = await c.post<{ code: string }>(`/api/public/comment-periods/${period.id}/comments`, {
      ...comment,
      ...(await solved(c)),
    });
    expect(capped.status).toBe(429);
    expect(capped.body.code).toBe('COMMENT_DAILY_LIMIT');
  });
});

describe('public comment rate limit', () => {
  it('a solved challenge is single-use; one address submitting too often gets 429 RATE_LIMITED', async () => {
    const own = await startTestEnv();
    try {
      const prov = await makeRegion(own, null);
      const org = await makeOrg(own, prov);
      const doc = await insertDoc(own, org, { status: 'public_comment' });
      const [p] = await own.database.db
        .insert(normdocCommentPeriods)
        .values({
          docId: doc.id,
          opensOn: shift(-1),
          closesOn: shift(29),
          days: 30,
          draftTitle: '限流测试草案',
          draftText: '正文',
        })
        .returning();
      const c = new Client(own.baseUrl);
      const url = `/api/public/comment-periods/${p?.id}/comments`;
      const ch = await solved(c);
      expect((await c.post(url, { ...comment, ...ch })).status).toBe(200);
      // A solved challenge is single-use.
      const replay = await c.post<{ code: string; message: string }>(url, { ...comment, ...ch });
      expect(replay.status).toBe(400);
      expect(replay.body.code).toBe('CHALLENGE_FAILED');
      expect(replay.body.message).toContain('已使用');
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        const res = await c.post<{ code: string }>(url, {
          ...comment,
          challengeToken: 'x',
          challengeAnswer: '1',
        });
        statuses.push(res.status);
        if (res.status === 429) expect(res.body.code).toBe('RATE_LIMITED');
      }
      // 10 submissions a minute per address: the 11th and 12th are refused before any other check.
      expect(statuses.slice(0, 8).every((s) => s === 400)).toBe(true);
      expect(statuses.slice(8)).toEqual([429, 429]);
    } finally {
      await own.close();
    }
  });
});

describe('public comment through the document lifecycle', () => {
  it('open_comment publishes the draft on the portal; close_comment publishes the 采纳情况说明 with the results', async () => {
    const own = await startTestEnv();
    try {
      const prov = await makeRegion(own, null);
      const org = await makeOrg(own, prov);
      const drafter = await login(own, (await makeUser(own, org, ['staff'])).username);
      const doc = await insertDoc(own, org, { status: 'drafting' });
      const opened = await drafter.post<{ version: number }>(`/api/normdocs/${doc.id}/transitions`, {
        action: 'open_comment',
        version: doc.version,
        opensOn: shanghaiToday(),
        days: 30,
        draftText: '第一条 征求意见稿正文。',
      });
      expect(opened.status, JSON.stringify(opened.body)).toBe(200);
      const list = await new Client(own.baseUrl).get<{ items: { id: string; draftTitle: string }[] }>(
        '/api/public/comment-periods?state=open',
      );
      const periodId = list.body.items.find((i) => i.draftTitle === doc.title)?.id as string;
      expect(periodId).toBeDefined();

      const citizen = new Client(own.baseUrl);
      const sent = await citizen.post<{ id: string }>(`/api/public/comment-periods/${periodId}/comments`, {
        submitterKind: 'enterprise',
        content: '建议明确企业申报的办理时限。',
        ...(await solved(citizen)),
      });
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      const handled = await drafter.post<StaffComment>(`/api/normdocs/comments/${sent.body.id}/handle`, {
        adopted: true,
        response: '采纳，增加了十个工作日的办理时限。',
        handledAt: null,
      });
      expect(handled.status).toBe(200);

      // The period runs out (moved into the past: the service reads today from the real clock).
      await own.database.db
        .update(normdocCommentPeriods)
        .set({ opensOn: shift(-40), closesOn: shift(-11) })
        .where(eq(normdocCommentPeriods.id, periodId));
      const closed = await drafter.post(`/api/normdocs/${doc.id}/transitions`, {
        action: 'close_comment',
        version: opened.body.version,
        adoptionExplanation: '共收到意见1条，采纳1条。',
      });
      expect(closed.status, JSON.stringify(closed.body)).toBe(200);

      const portal = await new Client(own.baseUrl).get<PublicCommentPeriod>(
        `/api/public/comment-periods/${periodId}`,
      );
      expect(portal.body).toMatchObject({
        state: 'closed',
        adoptionExplanation: '共收到意见1条，采纳1条。',
        adoptedCount: 1,
        results: [{ submitterKind: 'enterprise', adopted: true }],
      });
      const staffView = await drafter.get<DocComments>(`/api/normdocs/${doc.id}/comments`);
      expect(staffView.body.periods[0]).toMatchObject({ state: 'closed', adoptedCount: 1 });
      expect(staffView.body.periods[0]?.comments[0]?.actions).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
