import { createHash } from 'node:crypto';
import { normdocTransitionPath, type Normdoc, type NormdocAction } from '@fazhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../clocks/fixtures';
import { insertDoc } from './fixtures';
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

let env: TestEnv;
let city: TestRegion;
let cDept: TestOrg;
let staff: Client;
let head: Client;
let reviewer: Client;

beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  city = await makeRegion(env, prov);
  const bureau = await makeOrg(env, city, { type: 'justice_bureau' });
  cDept = await makeOrg(env, city, { type: 'department' });
  await env.database.pool.query(`update organisations set doc_code_prefix = '三市监' where id = $1`, [
    cDept.id,
  ]);
  staff = await login(env, (await makeUser(env, cDept, ['staff'])).username);
  head = await login(env, (await makeUser(env, cDept, ['head'])).username);
  reviewer = await login(env, (await makeUser(env, bureau, ['reviewer'])).username);
});
afterAll(() => env.close());

const clientFor = (action: NormdocAction) =>
  ['deliberate', 'sign'].includes(action)
    ? head
    : ['return_for_materials', 'accept_review', 'record_opinion', 'register', 'remove_from_catalog'].includes(
          action,
        )
      ? reviewer
      : staff;

/** Runs an action through the route of its actor; returns the raw response. */
async function act(doc: Normdoc, action: NormdocAction, fields: Record<string, unknown> = {}) {
  return clientFor(action).post<Normdoc>(normdocTransitionPath(doc.id, action).slice(0), {
    action,
    version: doc.version,
    ...fields,
  });
}
async function step(
  doc: Normdoc,
  action: NormdocAction,
  fields: Record<string, unknown> = {},
): Promise<Normdoc> {
  const res = await act(doc, action, fields);
  expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}

async function create(patch: Record<string, unknown> = {}): Promise<Normdoc> {
  const res = await staff.post<Normdoc>('/api/normdocs', {
    title: '三门峡市市场监督管理局关于规范食品小作坊登记管理的通知',
    kind: 'department',
    legalBasis: [{ name: '河南省食品小作坊、小经营店和小摊点管理条例', article: '第十条' }],
    body: '第一条 为规范食品小作坊登记管理，根据有关法律法规，制定本通知。',
    ...patch,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describe('normative document lifecycle', () => {
  it('takes a document from draft to in force, refusing every skipped mandatory step with its own 409', async () => {
    let doc = await create({ involvesPublicInterest: true, involvesMarketEntities: true });
    expect(doc.status).toBe('drafting');
    expect(doc.actions).toEqual(expect.arrayContaining(['submit', 'open_comment', 'start_fair_competition']));
    expect(doc.blockers.map((b) => b.code)).toEqual(['GATE_PUBLIC_COMMENT', 'GATE_FAIR_COMPETITION']);

    // Public comment is mandatory for a document concerning the public's vital interests.
    expectError(await act(doc, 'submit'), 409, 'GATE_PUBLIC_COMMENT');
    // A period shorter than the default needs a reason; below the minimum it is refused.
    expectError(
      await act(doc, 'open_comment', { opensOn: '2026-10-01', days: 10 }),
      400,
      'VALIDATION_FAILED',
      /缩短理由/,
    );
    expectError(
      await act(doc, 'open_comment', { opensOn: '2026-10-01', days: 3, shortenedReason: '急需' }),
      400,
      'VALIDATION_FAILED',
      /不得少于 7 日/,
    );
    doc = await step(doc, 'open_comment', {
      opensOn: '2026-10-01',
      days: 10,
      shortenedReason: '上级要求限期出台',
    });
    expect(doc.status).toBe('public_comment');
    doc = await step(doc, 'close_comment', { adoptionExplanation: '共收到意见3条，采纳2条。' });
    expect(doc.status).toBe('drafting');

    // Affects market entities: fair-competition review first (公平竞争审查条例).
    expectError(await act(doc, 'submit'), 409, 'GATE_FAIR_COMPETITION');
    doc = await step(doc, 'start_fair_competition');
    doc = await step(doc, 'finish_fair_competition', { conclusion: 'compliant' });

    // No deliberation without a passed legality review (国办发〔2018〕37号 (六)).
    expectError(
      await act(doc, 'deliberate', { meeting: '局务会议', meetingDate: '2026-11-20', result: 'adopted' }),
      409,
      'GATE_LEGALITY_REVIEW',
    );

    doc = await step(doc, 'submit');
    expect(doc.status).toBe('submitted');
    doc = await step(doc, 'return_for_materials', { reason: '缺少起草说明' });
    expect(doc.status).toBe('returned');
    doc = await step(doc, 'submit');
    doc = await step(doc, 'accept_review');
    expect(doc.status).toBe('legality_review');
    expect(doc.deadlines).toEqual([expect.objectContaining({ kind: 'legality_review', status: 'normal' })]);
    const clock = await env.database.pool.query(
      `select status, unit, amount from clocks where subject_type = 'normdoc.legality_review' and title like $1`,
      [`%${doc.title}`],
    );
    expect(clock.rows).toEqual([
      { status: expect.stringMatching(/normal|due_soon/), unit: 'working_days', amount: 15 },
    ]);

    doc = await step(doc, 'record_opinion', {
      opinion: 'lawful_after_revision',
      suggestionCount: 3,
      opinionText: '建议删除第五条增设的登记前置条件。',
    });
    expect(doc.status).toBe('review_passed');
    expect(doc.legalityReviews.map((r) => [r.returnedOn !== null, r.opinion])).toEqual([
      [true, null],
      [false, 'lawful_after_revision'],
    ]);
    const closed = await env.database.pool.query(
      `select status from clocks where subject_type = 'normdoc.legality_review' and title like $1`,
      [`%${doc.title}`],
    );
    expect(closed.rows[0].status).toBe('completed');

    // No registration without deliberation; no publication without registration.
    expectError(await act(doc, 'register', { registeredOn: '2026-11-21' }), 409, 'GATE_DELIBERATION');
    expectError(
      await act(doc, 'publish', {
        publishedOn: '2026-11-21',
        effectiveOn: '2026-11-21',
        channels: [{ channel: '政府网站' }],
      }),
      409,
      'GATE_REGISTRATION',
    );

    doc = await step(doc, 'deliberate', {
      meeting: '局务会议（2026年第20次）',
      meetingDate: '2026-11-20',
      result: 'adopted',
    });
    expect(doc.status).toBe('adopted');
    doc = await step(doc, 'sign', { signedBy: '张局长', signedOn: '2026-11-20' });
    doc = await step(doc, 'register', { registeredOn: '2026-11-21' });
    expect(doc.registrationNumber).toBe('三市监规〔2026〕1号');
    doc = await step(doc, 'publish', {
      publishedOn: '2026-11-21',
      effectiveOn: '2026-11-21',
      channels: [{ channel: '政府网站', url: 'https://www.smx.gov.cn/doc/1' }],
    });
    expect(doc.status).toBe('in_force');
    expect(doc.validUntil).toBe('2031-11-20'); // 5 years (configurable), the last day included
    // The review clock is done; the filing clock runs (30 calendar days from publication).
    expect(doc.deadlines.map((d) => d.kind)).toEqual(['filing']);

    const filings = await env.database.pool.query(
      `select recipient_kind from normdoc_filings where doc_id = $1`,
      [doc.id],
    );
    expect(filings.rows.map((r) => r.recipient_kind)).toEqual(['same_level_government']);

    // The timeline has every step with who did it; each change is audited in the hash chain.
    const actions = doc.events.map((e) => e.action);
    expect(actions[0]).toBe('create');
    expect(actions).toEqual(
      expect.arrayContaining(['open_comment', 'record_opinion', 'deliberate', 'register', 'publish']),
    );
    expect(doc.events.find((e) => e.action === 'deliberate')?.actorName).toMatch(/^测试/);
    const audit = await env.database.pool.query(
      `select action from audit_log where entity_type = 'normdoc' and entity_id = $1 order by seq`,
      [doc.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['normdoc.create', 'normdoc.submit', 'normdoc.register', 'normdoc.publish']),
    );
  });

  it('does not close a comment period while a public comment has no adopted/not-adopted answer', async () => {
    let doc = await create({ involvesPublicInterest: true });
    doc = await step(doc, 'open_comment', { opensOn: '2026-09-01', days: 30 });
    const period = await env.database.pool.query(`select id from normdoc_comment_periods where doc_id = $1`, [
      doc.id,
    ]);
    await env.database.pool.query(
      `insert into normdoc_comments (period_id, doc_id, submitter_kind, content, ip_hash) values ($1, $2, 'citizen', '建议延长过渡期', 'x')`,
      [period.rows[0].id, doc.id],
    );
    expectError(
      await act(doc, 'close_comment', { adoptionExplanation: '共收到意见1条。' }),
      409,
      'ILLEGAL_TRANSITION',
      /1 条公众意见未标注/,
    );
    await env.database.pool.query(
      `update normdoc_comments set adopted = true, response = '采纳' where doc_id = $1`,
      [doc.id],
    );
    doc = await step(doc, 'close_comment', { adoptionExplanation: '共收到意见1条，采纳1条。' });
    expect(doc.status).toBe('drafting');
  });

  it('refuses out-of-order steps (409), the wrong actor (403) and the wrong route for an action (400)', async () => {
    const doc = await create();
    expectError(
      await act(doc, 'sign', { signedBy: '张局长', signedOn: '2026-11-20' }),
      409,
      'ILLEGAL_TRANSITION',
      /起草/,
    );
    expectError(await act(doc, 'accept_review'), 409, 'ILLEGAL_TRANSITION');
    const wrongActor = await staff.post(`/api/normdocs/${doc.id}/review-transitions`, {
      action: 'accept_review',
      version: 1,
    });
    expect(wrongActor.status).toBe(403);
    const wrongRoute = await staff.post(`/api/normdocs/${doc.id}/transitions`, {
      action: 'accept_review',
      version: 1,
    });
    expectError(wrongRoute, 400, 'VALIDATION_FAILED');
    const unknown = await staff.post(`/api/normdocs/${doc.id}/transitions`, { action: 'fly', version: 1 });
    expect(unknown.status).toBe(400);
    const extra = await staff.post(`/api/normdocs/${doc.id}/transitions`, {
      action: 'submit',
      version: 1,
      x: 1,
    });
    expect(extra.status).toBe(400);
  });

  it('gives the second of two concurrent saves a 409 STALE_WRITE', async () => {
    const doc = await create();
    const [a, b] = await Promise.all([
      staff.patch(`/api/normdocs/${doc.id}`, { version: doc.version, title: '修改稿甲' }),
      staff.patch(`/api/normdocs/${doc.id}`, { version: doc.version, title: '修改稿乙' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  it('gives concurrent registrations consecutive numbers, no gaps and no duplicates', async () => {
    const put = await reviewer.put('/api/normdocs/settings', {
      registrationTemplate: '三监规〔{year}〕{n3}',
      filingDaysSuperiorGovernment: 30,
      filingDaysCongress: 30,
      filingDaysSuperiorDepartment: 30,
      filingDaysSameLevelGovernment: 15,
      commentDays: 30,
      minCommentDays: 7,
      validityYears: 5,
      provisionalValidityYears: 2,
      expiryWarningDays: 90,
      timelinessBase: 'filed',
      regionCode: city.code,
      version: 0,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const signed: Normdoc[] = [];
    for (let i = 0; i < 6; i++) {
      let d = await create({ title: `关于并发登记测试的通知（${i}）` });
      d = await step(d, 'submit');
      d = await step(d, 'accept_review');
      d = await step(d, 'record_opinion', { opinion: 'lawful', suggestionCount: 0, opinionText: '合法' });
      d = await step(d, 'deliberate', { meeting: '局务会议', meetingDate: '2026-11-20', result: 'adopted' });
      d = await step(d, 'sign', { signedBy: '张局长', signedOn: '2026-11-20' });
      signed.push(d);
    }
    const results = await Promise.all(signed.map((d) => act(d, 'register', { registeredOn: '2027-01-04' })));
    for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(200);
    const numbers = results.map((r) => r.body.registrationNumber).sort();
    expect(numbers).toEqual(['001', '002', '003', '004', '005', '006'].map((n) => `三监规〔2027〕${n}`));
  });

  it('skips registration numbers already taken by imported documents', async () => {
    await insertDoc(env, cDept, { registrationNumber: '三监规〔2028〕001' });
    await insertDoc(env, cDept, { registrationNumber: '三监规〔2028〕002' });
    let d = await create({ title: '关于跳号测试的通知' });
    d = await step(d, 'submit');
    d = await step(d, 'accept_review');
    d = await step(d, 'record_opinion', { opinion: 'lawful', suggestionCount: 0, opinionText: '合法' });
    d = await step(d, 'deliberate', { meeting: '局务会议', meetingDate: '2026-11-20', result: 'adopted' });
    d = await step(d, 'sign', { signedBy: '张局长', signedOn: '2026-11-20' });
    d = await step(d, 'register', { registeredOn: '2028-01-05' });
    expect(d.registrationNumber).toBe('三监规〔2028〕003');
  });

  it('checks attachment type and size and records the sha256', async () => {
    const doc = await create();
    const upload = (kind: string, name: string, content: Buffer) => {
      const fd = new FormData();
      fd.append('kind', kind);
      fd.append('file', new Blob([content]), name);
      return staff.request<{ sha256: string; id: string; code?: string }>(
        'POST',
        `/api/normdocs/${doc.id}/attachments`,
        fd,
      );
    };
    expectError(await upload('official_text', '正式文本.txt', Buffer.from('纯文本')), 415, 'ATTACHMENT_TYPE');
    // A renamed text file is not a PDF: the first bytes decide.
    expectError(
      await upload('official_text', '正式文本.pdf', Buffer.from('not a pdf')),
      415,
      'ATTACHMENT_TYPE',
    );
    const pdf = Buffer.from('%PDF-1.7\n正式文本\n%%EOF');
    const ok = await upload('official_text', '正式文本.pdf', pdf);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    const back = await staff.get(`/api/normdocs/${doc.id}/attachments/${ok.body.id}`);
    expect(Buffer.from(back.raw).equals(pdf)).toBe(true);
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(21 * 1024 * 1024, 32)]);
    expectError(await upload('official_text', '超大.pdf', big), 413, 'ATTACHMENT_TOO_LARGE');
    const after = await staff.get<Normdoc>(`/api/normdocs/${doc.id}`);
    expect(after.body.attachments.map((a) => a.fileName)).toEqual(['正式文本.pdf']);
  });

  it('starts a new version on amendment and supersedes the old one when the new version is published', async () => {
    let doc = await create({ title: '关于修改测试的通知' });
    doc = await step(doc, 'submit');
    doc = await step(doc, 'accept_review');
    doc = await step(doc, 'record_opinion', { opinion: 'lawful', suggestionCount: 0, opinionText: '合法' });
    doc = await step(doc, 'deliberate', {
      meeting: '局务会议',
      meetingDate: '2026-11-20',
      result: 'adopted',
    });
    doc = await step(doc, 'sign', { signedBy: '张局长', signedOn: '2026-11-20' });
    doc = await step(doc, 'register', { registeredOn: '2026-11-21' });
    doc = await step(doc, 'publish', {
      publishedOn: '2026-11-21',
      effectiveOn: '2026-11-21',
      channels: [{ channel: '政府公报' }],
    });
    doc = await step(doc, 'amend', { reason: '上位法修改' });
    expect(doc.status).toBe('in_force');
    expect(doc.nextVersionId).not.toBeNull();
    let v2 = (await staff.get<Normdoc>(`/api/normdocs/${doc.nextVersionId}`)).body;
    expect(v2).toMatchObject({ status: 'drafting', versionNo: 2, previousVersionId: doc.id });
    v2 = await step(v2, 'submit');
    v2 = await step(v2, 'accept_review');
    v2 = await step(v2, 'record_opinion', { opinion: 'lawful', suggestionCount: 0, opinionText: '合法' });
    v2 = await step(v2, 'deliberate', { meeting: '局务会议', meetingDate: '2026-11-21', result: 'adopted' });
    v2 = await step(v2, 'sign', { signedBy: '张局长', signedOn: '2026-11-21' });
    v2 = await step(v2, 'register', { registeredOn: '2026-11-22' });
    v2 = await step(v2, 'publish', {
      publishedOn: '2026-11-22',
      effectiveOn: '2026-12-01',
      channels: [{ channel: '政府公报' }],
    });
    expect(v2.status).toBe('published');
    const old = (await staff.get<Normdoc>(`/api/normdocs/${doc.id}`)).body;
    expect(old).toMatchObject({ status: 'amended', endedOn: '2026-12-01' });
  });
});
