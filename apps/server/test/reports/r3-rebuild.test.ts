import type { Report, ReportPreview } from '@fazhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  normdocCleanupCampaigns,
  normdocCleanupItems,
  normdocFilingReviews,
  normdocFilings,
} from '../../src/modules/normdocs/normdocs.tables';
import { login, makeOrg, makeRegion, makeUser, startTestEnv, type Client, type TestEnv } from '../harness';
import { insertDoc } from '../normdocs/fixtures';
import { createReport, docxParts, docxText, previewText, saveSection } from './helpers';

/*
 * Rebuilds the normative-document figures of reference report R3 (济源市 2025,
 * /work/shared/reports/R3-jiyuan-city-2025.txt, 三、健全依法行政制度体系 > 加强行政规范性文件备案管理):
 *   "向省司法厅及市人大备案示范区管委会(市政府)规范性文件15件,备案率、及时率、合法率达100%。
 *    审查各单位备案文件45件,纠错3件。……对20241231日前……现行有效的247件行政规范性文件开展全面清理,
 *    修改6件,宣布失效64件。"
 * from records: 15 filings of the city government's documents (8 to the province, 7 to the city congress),
 * all on time and passed; 45 filing reviews by the justice bureau of departments' documents filed with the
 * city government in 2025 (some late), 3 of them corrected — those are the review side, not the
 * government's own filings (报备件数 = filed_upward: filings upward by the city's own level); a county
 * government's filings to the city in 2025 (late, not passed) that are the county's, not the city's; one full
 * clean-up decided in 2025 over 247 in-force documents: 6 amended, 64 declared invalid, 177 kept.
 */
let env: TestEnv;
let staff: Client;
let report: Report;

beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  const city = await makeRegion(env, prov);
  const gov = await makeOrg(env, city, { type: 'government', name: '济源测试市人民政府' });
  const bureau = await makeOrg(env, city, { type: 'justice_bureau' });
  const dept = await makeOrg(env, city, { type: 'department' });
  staff = await login(env, (await makeUser(env, bureau, ['reviewer'])).username);
  const db = env.database.db;

  for (let i = 0; i < 15; i++) {
    const doc = await insertDoc(env, gov, { kind: 'government', interpretationRequired: false });
    const toProvince = i < 8;
    await db.insert(normdocFilings).values({
      docId: doc.id,
      orgId: gov.id,
      regionPath: gov.regionPath,
      recipientKind: toProvince ? 'superior_government' : 'same_level_congress',
      recipientRegionPath: toProvince ? prov.path : city.path,
      dueDate: `2025-${String(2 + (i % 10)).padStart(2, '0')}-20`,
      submittedOn: `2025-${String(2 + (i % 10)).padStart(2, '0')}-10`,
      status: 'passed',
      reviewResult: 'passed',
      reviewedOn: `2025-${String(3 + (i % 9)).padStart(2, '0')}-05`,
    });
  }
  for (let i = 0; i < 45; i++) {
    const doc = await insertDoc(env, dept, { interpretationRequired: false });
    const [f] = await db
      .insert(normdocFilings)
      .values({
        docId: doc.id,
        orgId: dept.id,
        regionPath: dept.regionPath,
        recipientKind: 'same_level_government',
        recipientRegionPath: city.path,
        dueDate: '2025-01-10',
        // Some late: they must not lower the government's own 及时率.
        submittedOn: i < 5 ? '2025-01-20' : '2025-01-05',
        status: 'submitted',
      })
      .returning();
    await db.insert(normdocFilingReviews).values({
      filingId: f?.id as string,
      reviewerOrgId: bureau.id,
      regionPath: bureau.regionPath,
      receivedOn: i < 5 ? '2025-01-20' : '2025-01-05',
      status: 'reviewed',
      handling: i < 3 ? 'correction_notice' : 'no_issue',
      reviewedOn: `2025-${String(1 + (i % 12)).padStart(2, '0')}-15`,
      corrected: i < 3,
      correctionForm: i < 3 ? 'amended' : null,
    });
  }
  // A county government's own filings to the city government and to the county congress: the county's.
  const county = await makeRegion(env, city);
  const countyGov = await makeOrg(env, county, { type: 'government' });
  for (const kind of ['superior_government', 'same_level_congress'] as const) {
    const doc = await insertDoc(env, countyGov, { kind: 'government', interpretationRequired: false });
    await db.insert(normdocFilings).values({
      docId: doc.id,
      orgId: countyGov.id,
      regionPath: countyGov.regionPath,
      recipientKind: kind,
      recipientRegionPath: kind === 'superior_government' ? city.path : county.path,
      dueDate: '2025-06-01',
      submittedOn: '2025-06-20',
      status: 'opinion_issued',
      reviewResult: 'ordered_correct',
      reviewedOn: '2025-07-01',
    });
  }
  const [campaign] = await db
    .insert(normdocCleanupCampaigns)
    .values({
      orgId: bureau.id,
      regionPath: city.path,
      title: '行政规范性文件全面清理',
      kind: 'full',
      cutoffDate: '2024-12-31',
      status: 'decided',
      decisionDate: '2025-10-20',
    })
    .returning();
  const items = [];
  for (let i = 0; i < 247; i++) {
    const doc = await insertDoc(env, gov, { kind: 'government', interpretationRequired: false });
    items.push({
      campaignId: campaign?.id as string,
      docId: doc.id,
      result: i < 6 ? 'amend' : i < 70 ? 'declare_invalid' : 'keep',
    });
  }
  await db.insert(normdocCleanupItems).values(items);

  report = await createReport(staff, { orgId: gov.id, year: 2025, kind: 'to_congress' });
  report = await saveSection(
    staff,
    report,
    'g3',
    [
      '**加强行政规范性文件备案管理。**向省司法厅及市人大备案规范性文件{{normative_docs_filed}}件，备案率{{normative_doc_filing_rate}}、及时率{{normative_doc_filing_timeliness_rate}}、合法率{{normative_doc_legality_rate}}。审查各单位备案文件{{lower_level_filed_docs_reviewed}}件，纠错{{filed_docs_corrected}}件。',
      '组织开展行政规范性文件全面清理，对2024年12月31日前现行有效的{{normative_docs_cleanup_reviewed}}件行政规范性文件开展全面清理，修改{{normative_docs_amended}}件，宣布失效{{normative_docs_declared_invalid}}件。',
    ].join('\n'),
  );
}, 180_000);
afterAll(() => env.close());

const EXPECTED = [
  '备案规范性文件15件',
  '备案率100%',
  '及时率100%',
  '合法率100%',
  '审查各单位备案文件45件',
  '纠错3件',
  '247件行政规范性文件',
  '修改6件',
  '宣布失效64件',
];

describe('R3 济源 2025: normative-document figures rebuilt from records', () => {
  it('the preview states the R3 figures, each with its indicator, source and provenance link', async () => {
    const res = await staff.get<ReportPreview>(`/api/reports/${report.id}/preview`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const text = previewText(res.body);
    for (const s of EXPECTED) expect(text).toContain(s);
    const g3 = res.body.sections.find((s) => s.code === 'g3');
    const figures = g3?.paragraphs.flatMap((p) => p.runs).filter((r) => r.kind === 'figure') ?? [];
    expect(figures).toHaveLength(9);
    for (const f of figures) {
      if (f.kind !== 'figure') continue;
      expect(f.source).toBe('computed');
      expect(f.provenanceUrl).toMatch(
        new RegExp(`^/api/indicator-values/${f.code}/provenance\\?period=2025&regionCode=\\d+$`),
      );
    }
    const filed = figures.find((f) => f.kind === 'figure' && f.code === 'normative_docs_filed');
    expect(filed && filed.kind === 'figure' && filed.value).toBe(15);
    // The provenance link answers the records behind the number.
    if (filed?.kind !== 'figure') throw new Error('no filed figure');
    const prov = await staff.get<{ records: { total: number } }>(filed.provenanceUrl);
    expect(prov.status, JSON.stringify(prov.body)).toBe(200);
    expect(prov.body.records.total).toBe(15);
  });

  it('the generated Word document states the same figures', async () => {
    const res = await staff.get(`/api/reports/${report.id}/document.docx`);
    expect(res.status).toBe(200);
    const parts = await docxParts(res.raw);
    const text = docxText(parts['word/document.xml'] as string);
    for (const s of EXPECTED) expect(text).toContain(s);
  });
});
