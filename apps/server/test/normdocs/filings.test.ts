import type { Filing, FilingReview } from '@fazhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFilingsOnPublish } from '../../src/modules/normdocs/filings/filings.open';
import { normdocFilings, normdocRegionSettings } from '../../src/modules/normdocs/normdocs.tables';
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
  type TestUser,
} from '../harness';
import { insertDoc, type DocRow } from './fixtures';

type Page<T> = { items: T[]; total: number };
type Err = { code: string; message: string };

let env: TestEnv;
let city: TestRegion;
let k1: TestRegion;
let k2: TestRegion;
let cityBureau: TestOrg;
let k1Bureau: TestOrg;
let k1Gov: TestOrg;
let k1Dept: TestOrg;
let k1Congress: TestOrg;
let k2Dept: TestOrg;
let cityReviewerUser: TestUser;
let cityReviewer2User: TestUser;
let k2ReviewerUser: TestUser;
let k1Staff: Client;
let k1DeptStaff: Client;
let k2Staff: Client;
let cityReviewer: Client;
let k1Reviewer: Client;
let k2Reviewer: Client;

/*
 * province ─ city (cityBureau: cityReviewer, cityReviewer2) ─┬─ K1: k1Gov (k1Staff), k1Dept (k1DeptStaff),
 *                                                             │     k1Bureau (k1Reviewer), k1Congress 人大常委会
 *                                                             └─ K2: k2Dept (k2Staff), k2Bureau (k2Reviewer)
 */
beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  city = await makeRegion(env, prov);
  k1 = await makeRegion(env, city);
  k2 = await makeRegion(env, city);
  cityBureau = await makeOrg(env, city, { type: 'justice_bureau' });
  k1Bureau = await makeOrg(env, k1, { type: 'justice_bureau' });
  k1Gov = await makeOrg(env, k1, { type: 'government' });
  k1Dept = await makeOrg(env, k1, { type: 'department' });
  k1Congress = await makeOrg(env, k1, { type: 'npc_standing' });
  const k2Bureau = await makeOrg(env, k2, { type: 'justice_bureau' });
  k2Dept = await makeOrg(env, k2, { type: 'department' });
  cityReviewerUser = await makeUser(env, cityBureau, ['reviewer']);
  cityReviewer2User = await makeUser(env, cityBureau, ['reviewer']);
  k2ReviewerUser = await makeUser(env, k2Bureau, ['reviewer']);
  k1Staff = await login(env, (await makeUser(env, k1Gov, ['staff'])).username);
  k1DeptStaff = await login(env, (await makeUser(env, k1Dept, ['staff'])).username);
  k2Staff = await login(env, (await makeUser(env, k2Dept, ['staff'])).username);
  cityReviewer = await login(env, cityReviewerUser.username);
  k1Reviewer = await login(env, (await makeUser(env, k1Bureau, ['reviewer'])).username);
  k2Reviewer = await login(env, k2ReviewerUser.username);
}, 60_000);
afterAll(() => env.close());

const open = (doc: DocRow) => env.database.db.transaction((tx) => openFilingsOnPublish(tx, env.ctx, doc));

async function govDoc(publishedOn = '2025-09-03'): Promise<DocRow> {
  const doc = await insertDoc(env, k1Gov, { status: 'published', kind: 'government', publishedOn });
  await open(doc);
  return doc;
}

async function filingsOf(c: Client, docId: string): Promise<Filing[]> {
  const res = await c.get<{ items: Filing[] }>(`/api/normdocs/${docId}/filings`);
  expect(res.status).toBe(200);
  return res.body.items;
}

const SUBMIT = {
  submittedOn: '2025-10-08',
  materials: ['report', 'official_text', 'explanation', 'legality_opinion', 'electronic_text'],
};

async function submittedSuperior(): Promise<{ doc: DocRow; filing: Filing; review: FilingReview }> {
  const doc = await govDoc();
  const filing = (await filingsOf(k1Staff, doc.id)).find((f) => f.recipientKind === 'superior_government');
  if (!filing) throw new Error('no superior filing');
  const res = await k1Staff.post<Filing>(`/api/normdocs/filings/${filing.id}/submit`, {
    ...SUBMIT,
    version: filing.version,
  });
  expect(res.status).toBe(200);
  const queue = await cityReviewer.get<Page<FilingReview>>('/api/normdocs/filing-reviews?pageSize=200');
  const review = queue.body.items.find((r) => r.filing.id === filing.id);
  if (!review) throw new Error('review not in the city queue');
  return { doc, filing: res.body, review };
}

async function auditActions(entityId: string): Promise<string[]> {
  const { rows } = await env.database.pool.query<{ action: string }>(
    'select action from audit_log where entity_id = $1 order by seq',
    [entityId],
  );
  return rows.map((r) => r.action);
}

describe('opening filings on publication', () => {
  it('a published government document gets two filings, due 30 days after publication, moved past National Day', async () => {
    const doc = await govDoc('2025-09-03');
    const filings = await filingsOf(k1Staff, doc.id);
    expect(filings.map((f) => f.recipientKind).sort()).toEqual([
      'same_level_congress',
      'superior_government',
    ]);
    for (const f of filings) {
      // 2025-09-03 + 30 calendar days = Fri 2025-10-03, inside the National Day holiday (10/1–10/8) → Thu 10/9.
      expect(f.dueDate).toBe('2025-10-09');
      expect(f.status).toBe('due');
      expect(f.clockStatus).toBe('overdue'); // long past in 2026, never submitted
      expect(f.actions).toEqual(['submit']);
    }
    const superior = filings.find((f) => f.recipientKind === 'superior_government');
    expect(superior?.recipientOrg?.id).toBe(cityBureau.id);
    expect(superior?.recipientInSystem).toBe(true);
    const congress = filings.find((f) => f.recipientKind === 'same_level_congress');
    expect(congress?.recipientOrg?.id).toBe(k1Congress.id);
    expect(congress?.recipientInSystem).toBe(false);

    const rows = await env.database.db.select().from(normdocFilings);
    expect(rows.find((r) => r.id === superior?.id)?.recipientRegionPath).toBe(city.path);

    // The clocks are in the 期限台账 of the issuing organ, with the statutory basis of the congress filing.
    const { rows: clocks } = await env.database.pool.query(
      `select subject_id, due_date::text, legal_basis, org_id from clocks where subject_type = 'normdoc.filing' and subject_id = any($1)`,
      [filings.map((f) => f.id)],
    );
    expect(clocks).toHaveLength(2);
    expect(clocks.every((c) => c.due_date === '2025-10-09' && c.org_id === k1Gov.id)).toBe(true);
    expect(clocks.find((c) => c.subject_id === congress?.id)?.legal_basis).toContain('第五十一条');
    const { rows: events } = await env.database.pool.query(
      `select action from normdoc_events where doc_id = $1`,
      [doc.id],
    );
    expect(events.filter((e) => e.action === 'filing_opened')).toHaveLength(2);
    expect(await auditActions(superior?.id as string)).toContain('normdoc.filing.open');

    // Opening again (a retried publish) adds nothing.
    await open(doc);
    expect(await filingsOf(k1Staff, doc.id)).toHaveLength(2);
  });

  it('the superior-government deadline is a per-jurisdiction setting', async () => {
    const k3 = await makeRegion(env, city);
    const k3Gov = await makeOrg(env, k3, { type: 'government' });
    await env.database.db.insert(normdocRegionSettings).values({
      regionCode: k3.code,
      registrationTemplate: '{abbr}规〔{year}〕{n}号',
      filingDaysSuperiorGovernment: 15,
      filingDaysCongress: 30,
      filingDaysSuperiorDepartment: 30,
      filingDaysSameLevelGovernment: 30,
      commentDays: 30,
      minCommentDays: 7,
      validityYears: 5,
      provisionalValidityYears: 2,
      expiryWarningDays: 90,
    });
    const doc = await insertDoc(env, k3Gov, {
      status: 'published',
      kind: 'government',
      publishedOn: '2025-09-03',
    });
    await open(doc);
    const rows = (await env.database.db.select().from(normdocFilings)).filter((r) => r.docId === doc.id);
    expect(rows.find((r) => r.recipientKind === 'superior_government')?.dueDate).toBe('2025-09-18');
    expect(rows.find((r) => r.recipientKind === 'same_level_congress')?.dueDate).toBe('2025-10-09');
    // No 人大常委会 organisation in K3: the filing still exists, addressed outside the system.
    const congress = rows.find((r) => r.recipientKind === 'same_level_congress');
    expect(congress?.recipientOrgId).toBeNull();
    expect(congress?.recipientRegionPath).toBe(k3.path);
  });

  it('a department document is filed with the same-level government, received by that region’s justice bureau', async () => {
    const doc = await insertDoc(env, k1Dept, { status: 'in_force', kind: 'department' });
    await open(doc);
    const [filing] = await filingsOf(k1DeptStaff, doc.id);
    expect(filing?.recipientKind).toBe('same_level_government');
    expect(filing?.recipientOrg?.id).toBe(k1Bureau.id);
    const res = await k1DeptStaff.post<Filing>(`/api/normdocs/filings/${filing?.id}/submit`, {
      ...SUBMIT,
      submittedOn: '2025-03-20',
      version: 1,
    });
    expect(res.status).toBe(200);
    expect(res.body.timely).toBe(true);
    const k1Queue = await k1Reviewer.get<Page<FilingReview>>('/api/normdocs/filing-reviews');
    expect(k1Queue.body.items.map((r) => r.filing.id)).toContain(filing?.id);
    // The city bureau supervises the county: it sees the county bureau's queue too.
    const cityQueue = await cityReviewer.get<Page<FilingReview>>('/api/normdocs/filing-reviews?pageSize=200');
    expect(cityQueue.body.items.map((r) => r.filing.id)).toContain(filing?.id);
  });
});

describe('a filing for an unpublished document', () => {
  it('is refused with 409 FILING_NOT_ALLOWED', async () => {
    const draft = await insertDoc(env, k1Gov, { status: 'signed', kind: 'government' });
    await expect(open(draft)).rejects.toMatchObject({ code: 'FILING_NOT_ALLOWED' });
    const add = await k1Staff.post<Err>(`/api/normdocs/${draft.id}/filings`, {
      recipientKind: 'superior_department',
    });
    expect(add.status).toBe(409);
    expect(add.body.code).toBe('FILING_NOT_ALLOWED');

    // A filing row left from before the document was withdrawn cannot be submitted either.
    const [row] = await env.database.db
      .insert(normdocFilings)
      .values({
        docId: draft.id,
        orgId: k1Gov.id,
        regionPath: k1.path,
        recipientKind: 'superior_government',
        recipientOrgId: cityBureau.id,
        recipientRegionPath: city.path,
        dueDate: '2025-10-09',
        status: 'due',
      })
      .returning();
    const submit = await k1Staff.post<Err>(`/api/normdocs/filings/${row?.id}/submit`, {
      ...SUBMIT,
      version: 1,
    });
    expect(submit.status).toBe(409);
    expect(submit.body.code).toBe('FILING_NOT_ALLOWED');
    expect(
      (await env.database.pool.query('select 1 from normdoc_filing_reviews where filing_id = $1', [row?.id]))
        .rowCount,
    ).toBe(0);
  });
});

describe('submission and the receiving side', () => {
  it('a county filing lands in the city bureau’s queue; the sibling county sees neither the filing nor the review', async () => {
    const { filing, review } = await submittedSuperior();
    expect(filing.status).toBe('submitted');
    expect(filing.clockStatus).toBe('completed');
    expect(filing.timely).toBe(true);
    expect(review.receivedOn).toBe('2025-10-08');
    expect(review.status).toBe('received');
    expect(review.reviewerOrg.id).toBe(cityBureau.id);
    expect(review.actions.sort()).toEqual(['assign', 'register']);

    const { rows: clocks } = await env.database.pool.query(
      `select status, completed_on::text from clocks where id = $1`,
      [filing.clockId],
    );
    expect(clocks[0]).toMatchObject({ status: 'completed', completed_on: '2025-10-08' });
    const { rows: notes } = await env.database.pool.query(
      `select 1 from notifications where user_id = $1 and kind = 'normdoc.filing'`,
      [cityReviewerUser.id],
    );
    expect(notes.length).toBeGreaterThan(0);

    expect((await k2Reviewer.get(`/api/normdocs/filing-reviews/${review.id}`)).status).toBe(404);
    expect(
      (await k2Reviewer.get<Page<FilingReview>>('/api/normdocs/filing-reviews')).body.items.map((r) => r.id),
    ).not.toContain(review.id);
    // The county's own bureau does not review its government's filing with the city.
    expect((await k1Reviewer.get(`/api/normdocs/filing-reviews/${review.id}`)).status).toBe(404);
    expect((await k2Staff.get(`/api/normdocs/filings/${filing.id}`)).status).toBe(404);
    expect(
      (await k2Staff.get<Page<Filing>>('/api/normdocs/filings')).body.items.map((f) => f.id),
    ).not.toContain(filing.id);
    expect(
      (
        await k2Staff.post<Err>(`/api/normdocs/filings/${filing.id}/correction`, {
          version: filing.version,
          correctionDoneOn: '2025-11-01',
          note: 'x',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await k2Reviewer.post(`/api/normdocs/filing-reviews/${review.id}/register`, {
          version: review.version,
          result: 'registered',
          registeredOn: '2025-10-10',
        })
      ).status,
    ).toBe(404);
  });

  it('register → assign → review → correction, each audited; steps out of order are 409', async () => {
    const { filing, review } = await submittedSuperior();
    const url = `/api/normdocs/filing-reviews/${review.id}`;

    const early = await cityReviewer.post<Err>(`${url}/review`, {
      version: review.version,
      reviewedOn: '2025-10-20',
      handling: 'no_issue',
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('ILLEGAL_TRANSITION');
    const again = await k1Staff.post<Err>(`/api/normdocs/filings/${filing.id}/submit`, {
      ...SUBMIT,
      version: filing.version,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ILLEGAL_TRANSITION');

    const stale = await cityReviewer.post<Err>(`${url}/register`, {
      version: review.version + 5,
      result: 'registered',
      registeredOn: '2025-10-10',
    });
    expect(stale.body.code).toBe('STALE_WRITE');

    const reg = await cityReviewer.post<FilingReview>(`${url}/register`, {
      version: review.version,
      result: 'registered',
      registeredOn: '2025-10-10',
    });
    expect(reg.status).toBe(200);
    expect(reg.body.filing.status).toBe('registered');
    expect(reg.body.filing.registrationResult).toBe('registered');

    const badAssignee = await cityReviewer.post<Err>(`${url}/assign`, {
      version: reg.body.version,
      assigneeId: k2ReviewerUser.id, // a county reviewer cannot see a city review
    });
    expect(badAssignee.status).toBe(400);
    const assigned = await cityReviewer.post<FilingReview>(`${url}/assign`, {
      version: reg.body.version,
      assigneeId: cityReviewer2User.id,
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.assignee?.id).toBe(cityReviewer2User.id);
    expect(assigned.body.filing.status).toBe('under_review');
    const mine = await (
      await login(env, cityReviewer2User.username)
    ).get<Page<FilingReview>>('/api/normdocs/filing-reviews?assignee=me');
    expect(mine.body.items.map((r) => r.id)).toEqual([review.id]);

    const noIssues = await cityReviewer.post<Err>(`${url}/review`, {
      version: assigned.body.version,
      reviewedOn: '2025-10-20',
      handling: 'correction_notice',
      opinionText: '第五条增设许可',
    });
    expect(noIssues.status).toBe(400);

    const reviewed = await cityReviewer.post<FilingReview>(`${url}/review`, {
      version: assigned.body.version,
      reviewedOn: '2025-10-20',
      issues: ['exceeds_authority', 'reduces_rights'],
      handling: 'correction_notice',
      opinionText: '第五条增设行政许可，超越权限，应予纠正',
      correctionDays: 30,
    });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.status).toBe('correcting');
    expect(reviewed.body.filing.status).toBe('opinion_issued');
    expect(reviewed.body.filing.reviewResult).toBe('ordered_correct');
    expect(reviewed.body.correctionDue).toBe('2025-11-19'); // 10-20 + 30 days, a Wednesday
    expect(reviewed.body.correctionOverdue).toBe(true);
    const overdue = await cityReviewer.get<Page<FilingReview>>(
      '/api/normdocs/filing-reviews?overdue=true&pageSize=200',
    );
    expect(overdue.body.items.map((r) => r.id)).toContain(review.id);

    // The correction clock is in the filing organ's 期限台账.
    const { rows: corr } = await env.database.pool.query(
      `select id, org_id, due_date::text, status from clocks where subject_type = 'normdoc.filing.correction' and subject_id = $1`,
      [filing.id],
    );
    expect(corr[0]).toMatchObject({ org_id: k1Gov.id, due_date: '2025-11-19' });

    // The filing organ reports the correction, the bureau confirms it.
    const f1 = (await k1Staff.get<Filing>(`/api/normdocs/filings/${filing.id}`)).body;
    expect(f1.actions).toEqual(['report_correction']);
    const reported = await k1Staff.post<Filing>(`/api/normdocs/filings/${filing.id}/correction`, {
      version: f1.version,
      correctionDoneOn: '2025-11-10',
      note: '已删除第五条',
    });
    expect(reported.status).toBe(200);
    expect(reported.body.correctionDoneOn).toBe('2025-11-10');
    expect(reported.body.status).toBe('opinion_issued');

    const current = (await cityReviewer.get<FilingReview>(url)).body;
    const done = await cityReviewer.post<FilingReview>(`${url}/correction-result`, {
      version: current.version,
      corrected: true,
      correctionForm: 'amended',
      date: '2025-11-12',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'closed', corrected: true, correctionForm: 'amended' });
    expect(done.body.filing.status).toBe('corrected');
    expect(done.body.filing.correctionDoneOn).toBe('2025-11-10');
    const { rows: closed } = await env.database.pool.query(`select status from clocks where id = $1`, [
      corr[0].id,
    ]);
    expect(closed[0].status).toBe('completed');

    const twice = await cityReviewer.post<Err>(`${url}/correction-result`, {
      version: done.body.version,
      corrected: true,
      correctionForm: 'amended',
      date: '2025-11-12',
    });
    expect(twice.body.code).toBe('ILLEGAL_TRANSITION');

    expect(await auditActions(filing.id)).toEqual([
      'normdoc.filing.open',
      'normdoc.filing.submit',
      'normdoc.filing.register',
      'normdoc.filing.assign',
      'normdoc.filing.review',
      'normdoc.filing.correction',
      'normdoc.filing.correction_result',
    ]);
    expect((await auditActions(review.id)).filter((a) => a === 'normdoc.filing_review.update')).toHaveLength(
      3,
    );
  });

  it('暂缓登记-补正 then resubmission; no issue closes the review as passed', async () => {
    const { filing, review } = await submittedSuperior();
    const url = `/api/normdocs/filing-reviews/${review.id}`;
    const missingNote = await cityReviewer.post(`${url}/register`, {
      version: review.version,
      result: 'suspended',
      registeredOn: '2025-10-10',
    });
    expect(missingNote.status).toBe(400);
    const suspended = await cityReviewer.post<FilingReview>(`${url}/register`, {
      version: review.version,
      result: 'suspended',
      registeredOn: '2025-10-10',
      note: '请补充制定说明及合法性审核意见',
    });
    expect(suspended.body.filing.status).toBe('suspended');
    expect(suspended.body.actions).toEqual([]);

    const f = (await k1Staff.get<Filing>(`/api/normdocs/filings/${filing.id}`)).body;
    expect(f.registrationNote).toBe('请补充制定说明及合法性审核意见');
    expect(f.actions).toEqual(['resubmit']);
    const lacking = await k1Staff.post<Err>(`/api/normdocs/filings/${filing.id}/resubmit`, {
      version: f.version,
      submittedOn: '2025-10-15',
      materials: ['report'],
    });
    expect(lacking.status).toBe(400);
    const re = await k1Staff.post<Filing>(`/api/normdocs/filings/${filing.id}/resubmit`, {
      ...SUBMIT,
      submittedOn: '2025-10-15',
      version: f.version,
    });
    expect(re.status).toBe(200);
    expect(re.body.status).toBe('submitted');
    expect(re.body.submittedOn).toBe('2025-10-08'); // timeliness counts the first submission

    const r2 = (await cityReviewer.get<FilingReview>(url)).body;
    const reg = await cityReviewer.post<FilingReview>(`${url}/register`, {
      version: r2.version,
      result: 'registered',
      registeredOn: '2025-10-16',
    });
    expect(reg.status).toBe(200);
    const passed = await cityReviewer.post<FilingReview>(`${url}/review`, {
      version: reg.body.version,
      reviewedOn: '2025-10-30',
      handling: 'no_issue',
    });
    expect(passed.status).toBe(200);
    expect(passed.body.status).toBe('closed');
    expect(passed.body.filing).toMatchObject({
      status: 'passed',
      reviewResult: 'passed',
      correctionDue: null,
    });
  });

  it('不予备案 closes the review; the assignee picker lists only reviewers in the caller’s scope', async () => {
    const { filing, review } = await submittedSuperior();
    const names = await cityReviewer.get<{ items: { id: string }[] }>(
      '/api/normdocs/filing-reviews/assignees',
    );
    expect(names.body.items.map((u) => u.id)).toEqual(
      expect.arrayContaining([cityReviewerUser.id, cityReviewer2User.id, k2ReviewerUser.id]),
    );
    const k2Names = await k2Reviewer.get<{ items: { id: string }[] }>(
      '/api/normdocs/filing-reviews/assignees',
    );
    expect(k2Names.body.items.map((u) => u.id)).not.toContain(cityReviewerUser.id);

    const refused = await cityReviewer.post<FilingReview>(
      `/api/normdocs/filing-reviews/${review.id}/register`,
      {
        version: review.version,
        result: 'not_accepted',
        registeredOn: '2025-10-10',
        note: '属于内部管理制度，不属于规范性文件',
      },
    );
    expect(refused.status).toBe(200);
    expect(refused.body.status).toBe('closed');
    expect(refused.body.actions).toEqual([]);
    const f = (await k1Staff.get<Filing>(`/api/normdocs/filings/${filing.id}`)).body;
    expect(f).toMatchObject({ status: 'not_accepted', registrationResult: 'not_accepted', actions: [] });
    const late = await cityReviewer.post<Err>(`/api/normdocs/filing-reviews/${review.id}/assign`, {
      version: refused.body.version,
      assigneeId: cityReviewer2User.id,
    });
    expect(late.body.code).toBe('ILLEGAL_TRANSITION');
  });

  it('a filing with the 人大常委会 records the outcome the congress reports', async () => {
    const doc = await govDoc();
    const congress = (await filingsOf(k1Staff, doc.id)).find(
      (f) => f.recipientKind === 'same_level_congress',
    );
    const sub = await k1Staff.post<Filing>(`/api/normdocs/filings/${congress?.id}/submit`, {
      ...SUBMIT,
      submittedOn: '2025-10-13', // after the due date 10-09
      version: congress?.version,
    });
    expect(sub.body.timely).toBe(false);
    expect(sub.body.actions).toEqual(['record_outcome']);
    const out = await k1Staff.post<Filing>(`/api/normdocs/filings/${congress?.id}/outcome`, {
      version: sub.body.version,
      registrationResult: 'registered',
      registeredOn: '2025-10-15',
      reviewResult: 'passed',
      reviewedOn: '2025-11-10',
    });
    expect(out.status).toBe(200);
    expect(out.body.status).toBe('passed');
    const late = await k1Staff.get<Page<Filing>>(
      '/api/normdocs/filings?recipient=same_level_congress&pageSize=200',
    );
    expect(late.body.items.find((f) => f.id === congress?.id)?.timely).toBe(false);
  });

  it('a superior-department filing can be added; lists filter overdue and export to Excel', async () => {
    const doc = await govDoc();
    const added = await k1Staff.post<Filing>(`/api/normdocs/${doc.id}/filings`, {
      recipientKind: 'superior_department',
    });
    expect(added.status).toBe(200);
    expect(added.body.dueDate).toBe('2025-10-09');
    const dup = await k1Staff.post<Err>(`/api/normdocs/${doc.id}/filings`, {
      recipientKind: 'superior_department',
    });
    expect(dup.body.code).toBe('DUPLICATE');
    expect(
      (await k2Staff.post(`/api/normdocs/${doc.id}/filings`, { recipientKind: 'superior_department' }))
        .status,
    ).toBe(404);

    const overdue = await k1Staff.get<Page<Filing>>('/api/normdocs/filings?overdue=true&pageSize=200');
    expect(overdue.body.items.map((f) => f.id)).toContain(added.body.id);
    expect(overdue.body.items.every((f) => f.clockStatus === 'overdue')).toBe(true);

    const x = await k1Staff.get('/api/normdocs/filings/export.xlsx?overdue=true');
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toContain('spreadsheetml');
    expect(x.raw.byteLength).toBeGreaterThan(1000);
    const y = await cityReviewer.get('/api/normdocs/filing-reviews/export.xlsx');
    expect(y.status).toBe(200);
  });
});
