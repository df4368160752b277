import type { IndicatorProvenance, IndicatorValues, ResolvedValueDto } from '@fazhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCollectedValues } from '../../src/modules/indicators';
import {
  normdocCleanupCampaigns,
  normdocCleanupItems,
  normdocFilingReviews,
  normdocFilings,
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
import { insertDoc, type DocRow } from '../normdocs/fixtures';

/*
 * A 济源-like county-level city J (R3-jiyuan-city-2025): its government filed 15 normative documents in 2025
 * (all on time, all found lawful), its bureau reviewed 45 documents filed by its townships and had 3
 * corrected, and a cleanup decided 247 documents (6 amended, 64 declared invalid). Those figures must come
 * out of the records: 备案15件, 审查45件纠错3件, 清理247件修改6件宣布失效64件, 备案率/及时率/合法率 100%.
 */
let env: TestEnv;
let prov: TestRegion;
let J: TestRegion;
let town: TestRegion;
let siblingJ: TestRegion;
let gov: TestOrg;
let bureau: TestOrg;
let townOrg: TestOrg;
let reviewer: Client;
let townReviewer: Client;
let siblingReviewer: Client;
let staff: Client;

const CODES = [
  'normative_docs_filed',
  'lower_level_filed_docs_reviewed',
  'filed_docs_corrected',
  'normative_docs_cleanup_reviewed',
  'normative_docs_amended',
  'normative_docs_declared_invalid',
  'normative_doc_filing_rate',
  'normative_doc_filing_timeliness_rate',
  'normative_doc_legality_rate',
  'legal_advisors_engaged',
];

const values = async (c: Client, qs: string) => c.get<IndicatorValues>(`/api/indicator-values?${qs}`);
const byCode = (v: IndicatorValues) => new Map<string, ResolvedValueDto>(v.items.map((i) => [i.code, i]));

beforeAll(async () => {
  env = await startTestEnv();
  prov = await makeRegion(env, null);
  J = await makeRegion(env, prov);
  siblingJ = await makeRegion(env, prov);
  town = await makeRegion(env, J);
  gov = await makeOrg(env, J, { type: 'government' });
  bureau = await makeOrg(env, J, { type: 'justice_bureau' });
  townOrg = await makeOrg(env, town, { type: 'government' });
  const townBureau = await makeOrg(env, town, { type: 'justice_bureau' });
  const siblingBureau = await makeOrg(env, siblingJ, { type: 'justice_bureau' });
  reviewer = await login(env, (await makeUser(env, bureau, ['reviewer'])).username);
  townReviewer = await login(env, (await makeUser(env, townBureau, ['reviewer'])).username);
  siblingReviewer = await login(env, (await makeUser(env, siblingBureau, ['reviewer'])).username);
  staff = await login(env, (await makeUser(env, gov, ['staff'])).username);

  const db = env.database.db;
  const docs: DocRow[] = [];
  for (let i = 0; i < 247; i++) docs.push(await insertDoc(env, gov, { interpretationRequired: false }));
  // 15 filings by the government of J, due and submitted (on time) in 2025, all reviewed and passed.
  await db.insert(normdocFilings).values(
    docs.slice(0, 15).map((d, i) => ({
      docId: d.id,
      orgId: gov.id,
      regionPath: gov.regionPath,
      recipientKind: 'superior_government',
      recipientRegionPath: prov.path,
      dueDate: `2025-${String(1 + (i % 12)).padStart(2, '0')}-20`,
      submittedOn: `2025-${String(1 + (i % 12)).padStart(2, '0')}-10`,
      status: 'passed',
      reviewResult: 'passed',
      reviewedOn: `2025-${String(1 + (i % 12)).padStart(2, '0')}-25`,
    })),
  );
  // 45 documents of the townships, filed with J late in 2024 and reviewed by J's bureau in 2025; 3 corrected.
  const townDocs: DocRow[] = [];
  for (let i = 0; i < 45; i++)
    townDocs.push(await insertDoc(env, townOrg, { interpretationRequired: false }));
  const townFilings = await db
    .insert(normdocFilings)
    .values(
      townDocs.map((d) => ({
        docId: d.id,
        orgId: townOrg.id,
        regionPath: townOrg.regionPath,
        recipientKind: 'superior_government',
        recipientRegionPath: J.path,
        dueDate: '2024-12-20',
        submittedOn: '2024-12-10',
        status: 'submitted',
      })),
    )
    .returning();
  await db.insert(normdocFilingReviews).values(
    townFilings.map((f, i) => ({
      filingId: f.id,
      reviewerOrgId: bureau.id,
      regionPath: bureau.regionPath,
      receivedOn: '2024-12-11',
      status: 'reviewed',
      handling: i < 3 ? 'correction_notice' : 'no_issue',
      reviewedOn: '2025-02-01',
      corrected: i < 3,
      correctionForm: i < 3 ? 'amended' : null,
    })),
  );
  const [camp] = await db
    .insert(normdocCleanupCampaigns)
    .values({
      orgId: gov.id,
      regionPath: gov.regionPath,
      title: '2025年全面清理',
      kind: 'full',
      cutoffDate: '2024-12-31',
      status: 'decided',
      decisionDate: '2025-08-01',
    })
    .returning();
  await db.insert(normdocCleanupItems).values(
    docs.map((d, i) => ({
      campaignId: camp!.id,
      docId: d.id,
      result: i < 6 ? 'amend' : i < 70 ? 'declare_invalid' : 'keep',
    })),
  );
  // Collected: 法律顾问 of the government of J and of the township.
  await db.transaction(async (tx) => {
    await saveCollectedValues(tx, env.ctx, {
      orgId: gov.id,
      regionPath: gov.regionPath,
      period: '2025',
      values: [{ code: 'legal_advisors_engaged', value: 12, provenance: { task: '2025年度填报' } }],
    });
    await saveCollectedValues(tx, env.ctx, {
      orgId: townOrg.id,
      regionPath: townOrg.regionPath,
      period: '2025',
      values: [{ code: 'legal_advisors_engaged', value: 5, provenance: { task: '2025年度填报' } }],
    });
  });
}, 120_000);
afterAll(() => env?.close());

describe('GET /api/indicator-values', () => {
  it('the R3 normative-document figures resolve from the records', async () => {
    const res = await values(reviewer, `regionCode=${J.code}&period=2025&codes=${CODES.join(',')}`);
    expect(res.status).toBe(200);
    expect(res.body.scope).toMatchObject({ regionCode: J.code, period: '2025', name: J.name });
    const m = byCode(res.body);
    const shown = Object.fromEntries(CODES.map((c) => [c, m.get(c)?.display]));
    expect(shown).toEqual({
      normative_docs_filed: '15',
      lower_level_filed_docs_reviewed: '45',
      filed_docs_corrected: '3',
      normative_docs_cleanup_reviewed: '247',
      normative_docs_amended: '6',
      normative_docs_declared_invalid: '64',
      normative_doc_filing_rate: '100%',
      normative_doc_filing_timeliness_rate: '100%',
      normative_doc_legality_rate: '100%',
      legal_advisors_engaged: '17',
    });
    expect(m.get('normative_docs_filed')?.computed?.recordCount).toBe(15);
    expect(m.get('normative_doc_legality_rate')).toMatchObject({ numerator: 15, denominator: 15 });
    expect(m.get('legal_advisors_engaged')?.collected).toMatchObject({ value: 17, orgCount: 2 });
  });

  it('the default is the caller’s own region (region roles) or organisation (staff)', async () => {
    const mine = await values(reviewer, 'period=2025&codes=legal_advisors_engaged');
    expect(mine.body.scope.regionCode).toBe(J.code);
    const own = await values(staff, 'period=2025&codes=legal_advisors_engaged');
    expect(own.body.scope.orgId).toBe(gov.id);
    expect(byCode(own.body).get('legal_advisors_engaged')?.display).toBe('12');
  });

  it('scope: a sibling, an upward region or another organisation answers 404', async () => {
    expect((await values(siblingReviewer, `regionCode=${J.code}&period=2025`)).status).toBe(404);
    expect((await values(townReviewer, `regionCode=${J.code}&period=2025`)).status).toBe(404);
    expect((await values(siblingReviewer, `orgId=${gov.id}&period=2025`)).status).toBe(404);
    expect((await values(staff, `regionCode=${J.code}&period=2025`)).status).toBe(404);
    expect((await values(staff, `orgId=${townOrg.id}&period=2025`)).status).toBe(404);
    expect(
      (await values(townReviewer, `regionCode=${town.code}&period=2025&codes=legal_advisors_engaged`)).status,
    ).toBe(200);
  });

  it('unknown codes → 400 UNKNOWN_INDICATOR naming them; a bad period → 400', async () => {
    const res = await values(
      reviewer,
      `regionCode=${J.code}&period=2025&codes=legal_advisors_engaged,no_such_x`,
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'UNKNOWN_INDICATOR', details: { codes: ['no_such_x'] } });
    expect((res.body as unknown as { message: string }).message).toContain('no_such_x');
    expect((await values(reviewer, `regionCode=${J.code}&period=2025年`)).status).toBe(400);
  });
});

describe('GET /api/indicator-values/:code/provenance', () => {
  it('lists the records behind a computed value (normdocs drill-down), page by page', async () => {
    const res = await reviewer.get<IndicatorProvenance>(
      `/api/indicator-values/filed_docs_corrected/provenance?regionCode=${J.code}&period=2025&pageSize=2`,
    );
    expect(res.status).toBe(200);
    expect(res.body.value.display).toBe('3');
    expect(res.body.records.total).toBe(3);
    expect(res.body.records.items).toHaveLength(2);
    expect(res.body.records.items[0]?.kind).toBe('filing_review');
    const cleanup = await reviewer.get<IndicatorProvenance>(
      `/api/indicator-values/normative_docs_cleanup_reviewed/provenance?regionCode=${J.code}&period=2025&pageSize=10`,
    );
    expect(cleanup.body.records.total).toBe(247);
  });

  it('lists the submissions behind a collected value', async () => {
    const res = await reviewer.get<IndicatorProvenance>(
      `/api/indicator-values/legal_advisors_engaged/provenance?regionCode=${J.code}&period=2025`,
    );
    expect(res.body.records.total).toBe(0);
    expect(res.body.values.map((v) => [v.orgName, v.value, v.source]).sort()).toEqual(
      [
        [gov.name, 12, 'collected'],
        [townOrg.name, 5, 'collected'],
      ].sort(),
    );
    expect(res.body.values[0]?.provenance).toEqual({ task: '2025年度填报' });
    expect(
      (
        await siblingReviewer.get(
          `/api/indicator-values/legal_advisors_engaged/provenance?regionCode=${J.code}&period=2025`,
        )
      ).status,
    ).toBe(404);
    expect(
      (await reviewer.get(`/api/indicator-values/no_such_code/provenance?regionCode=${J.code}&period=2025`))
        .status,
    ).toBe(400);
  });
});
