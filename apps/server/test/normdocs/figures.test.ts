import type { NormdocFigureRecord, NormdocFiguresResult, NormdocFigureValue } from '@fazhi/contracts';
import { NORMDOC_DEFAULT_SETTINGS } from '@fazhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeNormdocFigures } from '../../src/modules/normdocs';
import {
  normdocCleanupCampaigns,
  normdocCleanupItems,
  normdocCommentPeriods,
  normdocComments,
  normdocEvaluations,
  normdocFilingReviews,
  normdocFilings,
  normdocLegalityReviews,
  normdocProcedures,
  normdocRegionSettings,
  normdocRegisterEntries,
  normdocRegisters,
  normdocUnfiledFindings,
} from '../../src/modules/normdocs/normdocs.tables';
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
import { insertDoc, type DocRow } from './fixtures';

type Records = { figure: NormdocFigureValue; items: NormdocFigureRecord[]; total: number };

let env: TestEnv;
let city: TestRegion;
let countyA: TestRegion;
let countyB: TestRegion;
let orgA: TestOrg;
let orgB: TestOrg;
let cityBureau: TestOrg;
let bureauA: TestOrg;
let cityReviewer: Client;
let countyReviewer: Client;
let siblingReviewer: Client;
let headA: Client;
const f: Record<string, string> = {};
const r: Record<string, string> = {};
const d: Record<string, DocRow> = {};
const PERIOD = 'from=2025-01-01&to=2025-12-31';

async function filing(
  name: string,
  org: TestOrg,
  v: {
    recipientKind: string;
    dueDate: string;
    submittedOn?: string;
    reviewResult?: string;
    reviewedOn?: string;
  },
) {
  const doc = await insertDoc(env, org, { interpretationRequired: false });
  const [row] = await env.database.db
    .insert(normdocFilings)
    .values({
      docId: doc.id,
      orgId: org.id,
      regionPath: org.regionPath,
      recipientKind: v.recipientKind,
      recipientRegionPath: city.path,
      dueDate: v.dueDate,
      status: v.reviewResult ? 'passed' : v.submittedOn ? 'submitted' : 'due',
      submittedOn: v.submittedOn ?? null,
      reviewResult: v.reviewResult ?? null,
      reviewedOn: v.reviewedOn ?? null,
    })
    .returning();
  f[name] = row?.id as string;
}

async function review(
  name: string,
  filingName: string,
  reviewer: TestOrg,
  reviewedOn: string,
  corrected: boolean,
) {
  const [row] = await env.database.db
    .insert(normdocFilingReviews)
    .values({
      filingId: f[filingName] as string,
      reviewerOrgId: reviewer.id,
      regionPath: reviewer.regionPath,
      receivedOn: '2024-10-01',
      status: 'reviewed',
      handling: corrected ? 'correction_notice' : 'no_issue',
      reviewedOn,
      corrected,
      correctionForm: corrected ? 'amended' : null,
    })
    .returning();
  r[name] = row?.id as string;
}

/*
 * province ─┬─ city ─┬─ countyA: orgA, bureauA
 *           │        └─ countyB: orgB
 *           │   cityBureau (cityReviewer)
 *           └─ sibling city: siblingBureau (siblingReviewer)
 * Period: 2025.
 */
beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  city = await makeRegion(env, prov);
  const sibling = await makeRegion(env, prov);
  countyA = await makeRegion(env, city);
  countyB = await makeRegion(env, city);
  orgA = await makeOrg(env, countyA);
  orgB = await makeOrg(env, countyB);
  cityBureau = await makeOrg(env, city, { type: 'justice_bureau' });
  bureauA = await makeOrg(env, countyA, { type: 'justice_bureau' });
  const siblingBureau = await makeOrg(env, sibling, { type: 'justice_bureau' });
  cityReviewer = await login(env, (await makeUser(env, cityBureau, ['reviewer'])).username);
  countyReviewer = await login(env, (await makeUser(env, bureauA, ['reviewer'])).username);
  siblingReviewer = await login(env, (await makeUser(env, siblingBureau, ['reviewer'])).username);
  headA = await login(env, (await makeUser(env, orgA, ['head'])).username);

  // Filings (submitting side).
  await filing('f1', orgA, {
    recipientKind: 'superior_government',
    dueDate: '2025-03-01',
    submittedOn: '2025-02-20',
    reviewResult: 'passed',
    reviewedOn: '2025-03-15',
  });
  await filing('f2', orgA, {
    recipientKind: 'same_level_congress',
    dueDate: '2025-03-01',
    submittedOn: '2025-03-10',
    reviewResult: 'self_correct',
    reviewedOn: '2025-04-01',
  });
  await filing('f3', orgA, { recipientKind: 'superior_government', dueDate: '2025-05-01' });
  await filing('f4', orgA, {
    recipientKind: 'superior_government',
    dueDate: '2024-12-20',
    submittedOn: '2025-01-05',
  });
  await filing('f5', orgB, {
    recipientKind: 'superior_government',
    dueDate: '2025-06-01',
    submittedOn: '2025-05-20',
    reviewResult: 'passed',
    reviewedOn: '2025-06-10',
  });
  await filing('f6', orgB, {
    recipientKind: 'same_level_congress',
    dueDate: '2026-01-10',
    submittedOn: '2025-12-28',
  });

  // Subordinate filing reviews (receiving side).
  await review('r1', 'f1', cityBureau, '2025-04-01', true);
  await review('r2', 'f2', cityBureau, '2025-06-10', false);
  await review('r3', 'f5', bureauA, '2025-07-01', false);
  await review('r4', 'f4', cityBureau, '2024-11-01', true);

  // 前置合法性审查.
  d.p1 = await insertDoc(env, orgA, { status: 'adopted', interpretationRequired: false });
  d.p2 = await insertDoc(env, orgB, { status: 'adopted', interpretationRequired: false });
  d.p3 = await insertDoc(env, orgB, { status: 'drafting', interpretationRequired: false });
  await env.database.db.insert(normdocProcedures).values([
    {
      docId: d.p1!.id,
      kind: 'deliberation',
      startedOn: '2025-03-01',
      endedOn: '2025-03-01',
      outcome: 'adopted',
    },
    {
      docId: d.p2!.id,
      kind: 'deliberation',
      startedOn: '2025-04-01',
      endedOn: '2025-04-01',
      outcome: 'adopted',
    },
    {
      docId: d.p3!.id,
      kind: 'deliberation',
      startedOn: '2025-04-01',
      endedOn: '2025-04-01',
      outcome: 'rejected',
    },
  ]);
  await env.database.db.insert(normdocLegalityReviews).values([
    {
      docId: d.p1!.id,
      submittedOn: '2025-02-01',
      opinion: 'lawful_after_revision',
      completedOn: '2025-02-20',
    },
    { docId: d.p2!.id, submittedOn: '2025-03-20', opinion: 'lawful', completedOn: '2025-04-05' },
  ]);

  // 解读率.
  d.i1 = await insertDoc(env, orgA, {
    publishedOn: '2025-03-03',
    interpretationTitle: '解读',
    interpretationPublishedOn: '2025-03-05',
  });
  d.i2 = await insertDoc(env, orgA, { publishedOn: '2025-04-03' });
  d.i3 = await insertDoc(env, orgB, { publishedOn: '2024-05-01' });
  d.i4 = await insertDoc(env, orgB, { publishedOn: '2025-05-01', interpretationRequired: false });
  d.i5 = await insertDoc(env, orgB, {
    publishedOn: '2025-06-01',
    interpretationTitle: '解读',
    interpretationPublishedOn: '2025-06-02',
  });

  // 认定未备案.
  await env.database.db.insert(normdocUnfiledFindings).values([
    {
      orgId: orgA.id,
      regionPath: orgA.regionPath,
      title: '漏备文件一',
      foundOn: '2025-05-01',
      status: 'open',
    },
    {
      orgId: orgB.id,
      regionPath: orgB.regionPath,
      title: '漏备文件二',
      foundOn: '2024-12-31',
      status: 'open',
    },
  ]);

  // 发文目录核查: orgA twice (10 + 5 entries), orgB once (3 entries, 2 sampled).
  const at = new Date('2025-06-01T02:00:00Z');
  const regs = await env.database.db
    .insert(normdocRegisters)
    .values([
      { orgId: orgA.id, regionPath: orgA.regionPath, title: '甲上半年', entryCount: 10, createdAt: at },
      { orgId: orgA.id, regionPath: orgA.regionPath, title: '甲下半年', entryCount: 5, createdAt: at },
      { orgId: orgB.id, regionPath: orgB.regionPath, title: '乙', entryCount: 3, createdAt: at },
    ])
    .returning();
  const entries = await env.database.db
    .insert(normdocRegisterEntries)
    .values(
      [1, 2, 3].map((seq) => ({
        registerId: regs[2]?.id as string,
        seq,
        title: `条目${seq}`,
        sampled: seq !== 2,
      })),
    )
    .returning();
  r.sampled = entries
    .filter((e) => e.sampled)
    .map((e) => e.id)
    .sort()
    .join(',');

  // 清理: one decided campaign in 2025, one still open.
  const [c1, c2] = await env.database.db
    .insert(normdocCleanupCampaigns)
    .values([
      {
        orgId: cityBureau.id,
        regionPath: city.path,
        title: '全面清理',
        kind: 'full',
        cutoffDate: '2024-12-31',
        status: 'decided',
        decisionDate: '2025-09-01',
      },
      {
        orgId: cityBureau.id,
        regionPath: city.path,
        title: '专项清理',
        kind: 'special',
        cutoffDate: '2025-06-30',
        status: 'open',
      },
    ])
    .returning();
  await env.database.db.insert(normdocCleanupItems).values([
    { campaignId: c1?.id as string, docId: d.i1!.id, result: 'keep' },
    { campaignId: c1?.id as string, docId: d.i2!.id, result: 'repeal' },
    { campaignId: c1?.id as string, docId: d.i5!.id, result: 'keep' },
    { campaignId: c2?.id as string, docId: d.i3!.id, result: 'repeal' },
  ]);

  // 后评估, 公平竞争审查, 征求意见.
  await env.database.db.insert(normdocEvaluations).values([
    {
      docId: d.i1!.id,
      evaluator: '制定机关',
      findings: '良好',
      recommendation: 'continue',
      reportOn: '2025-10-01',
    },
  ]);
  await env.database.db.insert(normdocProcedures).values([
    {
      docId: d.i2!.id,
      kind: 'fair_competition',
      startedOn: '2025-01-20',
      endedOn: '2025-02-01',
      outcome: 'compliant',
    },
  ]);
  const [period] = await env.database.db
    .insert(normdocCommentPeriods)
    .values({
      docId: d.p1!.id,
      opensOn: '2025-01-01',
      closesOn: '2025-01-31',
      days: 30,
      draftTitle: '草案',
      draftText: '草案',
    })
    .returning();
  const comment = (adopted: boolean | null, at: string) => ({
    periodId: period?.id as string,
    docId: d.p1!.id,
    submitterKind: 'citizen',
    content: '建议明确办理时限',
    ipHash: 'x',
    adopted,
    submittedAt: new Date(at),
  });
  await env.database.db
    .insert(normdocComments)
    .values([
      comment(true, '2025-01-05T02:00:00Z'),
      comment(false, '2025-01-06T02:00:00Z'),
      comment(null, '2025-01-07T02:00:00Z'),
      comment(true, '2024-12-31T02:00:00Z'),
    ]);
});
afterAll(() => env.close());

const fig = (res: { figures: { code: string }[] }, code: string) =>
  res.figures.find((x) => x.code === code) as NormdocFigureValue;
const figures = (c: Client, q: string) => c.get<NormdocFiguresResult>(`/api/normdocs/figures?${q}`);

describe('normative-document figures (DOMAIN.md §1.6)', () => {
  it('computes exact numerators, denominators and rates for a city with its counties', async () => {
    const res = await figures(cityReviewer, `regionCode=${city.code}&${PERIOD}`);
    expect(res.status).toBe(200);
    const b = res.body;
    const nd = (code: string) => {
      const x = fig(b, code);
      return [x.numerator, x.denominator, x.value];
    };
    expect(nd('filed_total')).toEqual([5, null, 5]);
    expect(nd('filed_superior_government')).toEqual([3, null, 3]);
    expect(nd('filed_same_level_congress')).toEqual([2, null, 2]);
    expect(nd('filing_rate')).toEqual([3, 4, 75]);
    expect(nd('timeliness_rate')).toEqual([3, 5, 60]);
    expect(nd('lawful_rate')).toEqual([2, 3, 66.67]);
    expect(nd('prior_review_rate')).toEqual([1, 2, 50]);
    expect(nd('subordinate_reviewed')).toEqual([3, null, 3]);
    expect(nd('subordinate_corrected')).toEqual([1, null, 1]);
    expect(nd('correction_rate')).toEqual([1, 3, 33.33]);
    expect(nd('unfiled_found')).toEqual([1, null, 1]);
    expect(nd('register_orgs')).toEqual([2, null, 2]);
    expect(nd('register_entries')).toEqual([18, null, 18]);
    expect(nd('register_samples')).toEqual([2, null, 2]);
    expect(nd('cleanup_keep')).toEqual([2, null, 2]);
    expect(nd('cleanup_repeal')).toEqual([1, null, 1]);
    expect(nd('cleanup_amend')).toEqual([0, null, 0]);
    expect(nd('interpretation_rate')).toEqual([2, 3, 66.67]);
    expect(nd('comments_received')).toEqual([3, null, 3]);
    expect(nd('comments_adopted')).toEqual([1, null, 1]);
    expect(nd('post_evaluations')).toEqual([1, null, 1]);
    expect(nd('fair_competition_reviews')).toEqual([1, null, 1]);
    expect(fig(b, 'filing_rate').definition).toContain('分母');
    expect(fig(b, 'filing_rate').unit).toBe('%');
    expect(b.scope.timelinessBase).toBe('filed');
  });

  it('rolls two counties up into the city by recomputing the rate from summed parts, not averaging', async () => {
    const b = (await figures(cityReviewer, `regionCode=${city.code}&${PERIOD}`)).body;
    const row = (code: string) =>
      b.byChildRegion.find((x) => x.regionCode === code) as NormdocFiguresResult['byChildRegion'][number];
    const a = row(countyA.code).figures.find((x) => x.code === 'filing_rate');
    const bb = row(countyB.code).figures.find((x) => x.code === 'filing_rate');
    expect([a?.numerator, a?.denominator, a?.value]).toEqual([2, 3, 66.67]);
    expect([bb?.numerator, bb?.denominator, bb?.value]).toEqual([1, 1, 100]);
    // (2 + 1) / (3 + 1) = 75 %, not (66.67 + 100) / 2 = 83.33 %.
    expect(fig(b, 'filing_rate').value).toBe(75);
    const ta = row(countyA.code).figures.find((x) => x.code === 'timeliness_rate');
    const tb = row(countyB.code).figures.find((x) => x.code === 'timeliness_rate');
    expect([ta?.numerator, ta?.denominator, tb?.numerator, tb?.denominator]).toEqual([1, 3, 2, 2]);
    // The city's own organisations (本级): the reviews made by the city bureau.
    const own = b.byChildRegion.find((x) => x.own);
    expect(own?.regionCode).toBe(city.code);
    expect(own?.figures.find((x) => x.code === 'subordinate_reviewed')?.numerator).toBe(2);
    expect(row(countyA.code).figures.find((x) => x.code === 'subordinate_reviewed')?.numerator).toBe(1);
  });

  it('drills down to exactly the records counted, marking the numerator', async () => {
    const res = await cityReviewer.get<Records>(
      `/api/normdocs/figures/filing_rate/records?regionCode=${city.code}&${PERIOD}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items.map((x) => x.id).sort()).toEqual([f.f1, f.f2, f.f3, f.f5].sort());
    expect(
      res.body.items
        .filter((x) => x.inNumerator)
        .map((x) => x.id)
        .sort(),
    ).toEqual([f.f1, f.f2, f.f5].sort());
    expect(res.body.items.every((x) => x.docId)).toBe(true);
    const child = await cityReviewer.get<Records>(
      `/api/normdocs/figures/filing_rate/records?regionCode=${city.code}&${PERIOD}&childRegionCode=${countyB.code}`,
    );
    expect(child.body.items.map((x) => x.id)).toEqual([f.f5]);
    const rev = await cityReviewer.get<Records>(
      `/api/normdocs/figures/subordinate_corrected/records?regionCode=${city.code}&${PERIOD}`,
    );
    expect(rev.body.items.map((x) => x.id)).toEqual([r.r1]);
    const samples = await cityReviewer.get<Records>(
      `/api/normdocs/figures/register_samples/records?regionCode=${city.code}&${PERIOD}`,
    );
    expect(
      samples.body.items
        .map((x) => x.id)
        .sort()
        .join(','),
    ).toBe(r.sampled);
    const cleanup = await cityReviewer.get<Records>(
      `/api/normdocs/figures/cleanup_keep/records?regionCode=${city.code}&${PERIOD}`,
    );
    expect(cleanup.body.items.map((x) => x.docId).sort()).toEqual([d.i1?.id, d.i5?.id].sort());
    expect((await cityReviewer.get(`/api/normdocs/figures/no_such_figure/records?${PERIOD}`)).status).toBe(
      404,
    );
  });

  it('the module function returns the same figures with their ids, and follows the 及时率 setting', async () => {
    const before = await computeNormdocFigures(
      env.database.db,
      { regionCode: city.code, from: '2025-01-01', to: '2025-12-31' },
      { withRecordIds: true },
    );
    const t = before.figures.find((x) => x.code === 'timeliness_rate');
    expect(t?.recordIds.sort()).toEqual([f.f1, f.f2, f.f4, f.f5, f.f6].sort());
    expect(t?.numeratorIds.sort()).toEqual([f.f1, f.f5, f.f6].sort());
    expect(t?.recordCount).toBe(5);
    expect(before.recordPaths.size).toBeGreaterThan(0);
    await env.database.db
      .insert(normdocRegionSettings)
      .values({ ...NORMDOC_DEFAULT_SETTINGS, regionCode: city.code, timelinessBase: 'due' });
    const after = await computeNormdocFigures(env.database.db, {
      regionCode: city.code,
      from: '2025-01-01',
      to: '2025-12-31',
    });
    const t2 = after.figures.find((x) => x.code === 'timeliness_rate');
    expect([t2?.numerator, t2?.denominator, t2?.value]).toEqual([2, 4, 50]);
    // Without withRecordIds: the same counts, no ids.
    expect(t2?.recordIds).toEqual([]);
    expect(t2?.recordCount).toBe(4);
    expect(after.scope.timelinessBase).toBe('due');
    const org = await computeNormdocFigures(env.database.db, {
      orgId: orgA.id,
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(org.figures.find((x) => x.code === 'filed_total')?.numerator).toBe(3);
    expect(org.byChildRegion).toEqual([]);
  });

  it('本级报备: a region’s own upward filings, not its sub-regions', async () => {
    const up = (x: { figures: { code: string; numerator: number; denominator: number | null }[] }) =>
      ['filed_upward', 'filing_rate_upward', 'timeliness_rate_upward', 'lawful_rate_upward'].map((c) => {
        const y = x.figures.find((z) => z.code === c);
        return [y?.numerator, y?.denominator];
      });
    // The city: every filing is a county's.
    const c = (await figures(cityReviewer, `regionCode=${city.code}&${PERIOD}`)).body;
    expect(up(c)).toEqual([
      [0, null],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    const row = (code: string) => c.byChildRegion.find((x) => x.regionCode === code);
    expect(row(countyA.code)?.figures.find((x) => x.code === 'filed_upward')?.numerator).toBe(3);
    expect(row(countyB.code)?.figures.find((x) => x.code === 'filed_upward')?.numerator).toBe(2);
    expect(row(city.code)?.figures.find((x) => x.code === 'filed_upward')?.numerator).toBe(0);
    // countyA itself: f1, f2, f4 submitted in 2025 (due in 2025: f1, f2, f3; on time: f1; reviewed: f1 passed, f2 not).
    const a = (await figures(cityReviewer, `regionCode=${countyA.code}&${PERIOD}`)).body;
    expect(up(a)).toEqual([
      [3, null],
      [2, 3],
      [1, 3],
      [1, 2],
    ]);
    expect(fig(a, 'filed_upward').definitionVersion).toBe('2026.2');
    expect(fig(a, 'filed_upward').definition).toContain('本级');
    expect(up((await figures(headA, PERIOD)).body)[0]).toEqual([3, null]);
    const list = async (q: string) =>
      (await cityReviewer.get<Records>(`/api/normdocs/figures/filed_upward/records?${PERIOD}&${q}`)).body;
    expect((await list(`regionCode=${countyA.code}`)).items.map((x) => x.id).sort()).toEqual(
      [f.f1, f.f2, f.f4].sort(),
    );
    const viaCity = await list(`regionCode=${city.code}&childRegionCode=${countyA.code}`);
    expect(viaCity.items.map((x) => x.id).sort()).toEqual([f.f1, f.f2, f.f4].sort());
    expect(viaCity.total).toBe(3);
    expect((await list(`regionCode=${city.code}`)).total).toBe(0);
  });

  it('answers 404 for a region or organisation outside the caller’s scope', async () => {
    expect((await figures(siblingReviewer, `regionCode=${city.code}&${PERIOD}`)).status).toBe(404);
    expect((await figures(countyReviewer, `regionCode=${city.code}&${PERIOD}`)).status).toBe(404);
    expect((await figures(countyReviewer, `orgId=${orgB.id}&${PERIOD}`)).status).toBe(404);
    expect((await figures(countyReviewer, `regionCode=${countyA.code}&${PERIOD}`)).status).toBe(200);
    expect(
      (await siblingReviewer.get(`/api/normdocs/figures/filing_rate/records?regionCode=${city.code}`)).status,
    ).toBe(404);
    // An own-organisation role sees only its organisation.
    expect((await figures(headA, `regionCode=${countyA.code}&${PERIOD}`)).status).toBe(404);
    const own = await figures(headA, PERIOD);
    expect(own.status).toBe(200);
    expect(own.body.scope.orgId).toBe(orgA.id);
    expect(fig(own.body, 'filed_total').numerator).toBe(3);
    const bad = await figures(cityReviewer, 'from=2025-12-31&to=2025-01-01');
    expect(bad.status).toBe(400);
  });

  it('exports the figures table to Excel', async () => {
    const x = await cityReviewer.get(`/api/normdocs/figures/export.xlsx?regionCode=${city.code}&${PERIOD}`);
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toContain('spreadsheetml');
  });
});
