import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findReusableValue, resolveIndicatorValues, saveCollectedValues } from '../../src/modules/indicators';
import { computeNormdocFigures } from '../../src/modules/normdocs';
import {
  normdocCleanupCampaigns,
  normdocCleanupItems,
  normdocFilingReviews,
  normdocFilings,
} from '../../src/modules/normdocs/normdocs.tables';
import { makeOrg, makeRegion, startTestEnv, type TestEnv, type TestOrg, type TestRegion } from '../harness';
import { insertDoc, type DocRow } from '../normdocs/fixtures';

/*
 * province ─ city ─┬─ countyA: orgA1, orgA2
 *                  └─ countyB: orgB
 * Collected values for 2025 by the three organisations; normative-document records in countyA.
 */
let env: TestEnv;
let city: TestRegion;
let countyA: TestRegion;
let countyB: TestRegion;
let orgA1: TestOrg;
let orgA2: TestOrg;
let orgB: TestOrg;

async function collect(org: TestOrg, values: Parameters<typeof saveCollectedValues>[2]['values']) {
  await env.database.db.transaction((tx) =>
    saveCollectedValues(tx, env.ctx, { orgId: org.id, regionPath: org.regionPath, period: '2025', values }),
  );
}

beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  city = await makeRegion(env, prov);
  countyA = await makeRegion(env, city);
  countyB = await makeRegion(env, city);
  orgA1 = await makeOrg(env, countyA);
  orgA2 = await makeOrg(env, countyA);
  orgB = await makeOrg(env, countyB);
  const src = { task: 'test' };
  // Counts add up; the hotline completion rate is given by its parts; orgA2's hotline tickets have a zero
  // denominator (no ticket due).
  await collect(orgA1, [
    { code: 'legal_advisors_engaged', value: 10, provenance: src },
    { code: 'hotline_completion_rate', value: null, numerator: 90, denominator: 100, provenance: src },
    { code: 'agency_head_court_appearance_rate', value: null, numerator: 0, denominator: 0, provenance: src },
  ]);
  await collect(orgA2, [
    { code: 'legal_advisors_engaged', value: 7, provenance: src },
    { code: 'hotline_completion_rate', value: null, numerator: 1, denominator: 10, provenance: src },
  ]);
  await collect(orgB, [
    { code: 'legal_advisors_engaged', value: 5, provenance: src },
    { code: 'hotline_completion_rate', value: null, numerator: 19, denominator: 20, provenance: src },
  ]);

  // Normative documents in countyA: 3 filings to the city government submitted in 2025 (2 on time), one
  // reviewed and corrected by the county bureau; a cleanup campaign deciding 4 documents (1 amended, 1 declared invalid).
  const docs: DocRow[] = [];
  for (let i = 0; i < 4; i++) docs.push(await insertDoc(env, orgA1, { interpretationRequired: false }));
  const filings = await env.database.db
    .insert(normdocFilings)
    .values(
      [
        ['2025-03-10', '2025-03-05'],
        ['2025-04-10', '2025-04-12'],
        ['2025-05-10', '2025-05-01'],
      ].map(([due, sub], i) => ({
        docId: docs[i]!.id,
        orgId: orgA1.id,
        regionPath: orgA1.regionPath,
        recipientKind: 'superior_government',
        recipientRegionPath: city.path,
        dueDate: due as string,
        status: 'submitted',
        submittedOn: sub as string,
      })),
    )
    .returning();
  await env.database.db.insert(normdocFilingReviews).values({
    filingId: filings[0]!.id,
    reviewerOrgId: orgA2.id,
    regionPath: orgA2.regionPath,
    receivedOn: '2025-03-06',
    status: 'reviewed',
    handling: 'correction_notice',
    reviewedOn: '2025-04-01',
    corrected: true,
    correctionForm: 'amended',
  });
  const [camp] = await env.database.db
    .insert(normdocCleanupCampaigns)
    .values({
      orgId: orgA1.id,
      regionPath: orgA1.regionPath,
      title: '全面清理',
      kind: 'full',
      cutoffDate: '2024-12-31',
      status: 'decided',
      decisionDate: '2025-09-01',
    })
    .returning();
  await env.database.db.insert(normdocCleanupItems).values(
    ['keep', 'amend', 'declare_invalid', 'keep'].map((result, i) => ({
      campaignId: camp!.id,
      docId: docs[i]!.id,
      result,
    })),
  );
});
afterAll(() => env?.close());

describe('resolveIndicatorValues', () => {
  it('a county: collected counts of its organisations sum, a rate is recomputed from the summed parts', async () => {
    const m = await resolveIndicatorValues(env.database.db, {
      regionCode: countyA.code,
      period: '2025',
      codes: ['legal_advisors_engaged', 'hotline_completion_rate', 'agency_head_court_appearance_rate'],
    });
    expect(m.get('legal_advisors_engaged')).toMatchObject({ value: 17, display: '17', unit: '人' });
    expect(m.get('legal_advisors_engaged')?.collected?.orgCount).toBe(2);
    // (90 + 1) / (100 + 10) = 82.7% — not the average of 90% and 10% (50%).
    const rate = m.get('hotline_completion_rate');
    expect(rate).toMatchObject({ numerator: 91, denominator: 110, value: 82.73, display: '82.7%' });
    expect(m.get('agency_head_court_appearance_rate')).toMatchObject({
      value: null,
      display: '—',
      denominator: 0,
    });
  });

  it('the city rolls up both counties from the organisations, never averaging the county rates', async () => {
    const m = await resolveIndicatorValues(env.database.db, {
      regionCode: city.code,
      period: '2025',
      codes: ['legal_advisors_engaged', 'hotline_completion_rate'],
    });
    expect(m.get('legal_advisors_engaged')?.value).toBe(22);
    // (91 + 19) / (110 + 20) = 84.6%; the average of 82.7% and 95% would be 88.9%.
    expect(m.get('hotline_completion_rate')).toMatchObject({
      numerator: 110,
      denominator: 130,
      display: '84.6%',
    });
    expect(m.get('hotline_completion_rate')?.collected?.orgCount).toBe(3);
  });

  it('an organisation sees its own value only', async () => {
    const m = await resolveIndicatorValues(env.database.db, {
      orgId: orgB.id,
      period: '2025',
      codes: ['hotline_completion_rate'],
    });
    expect(m.get('hotline_completion_rate')).toMatchObject({ value: 95, display: '95%' });
  });

  it('computed normative-document indicators equal computeNormdocFigures', async () => {
    const fig = await computeNormdocFigures(env.database.db, {
      regionCode: city.code,
      from: '2025-01-01',
      to: '2025-12-31',
    });
    const by = new Map(fig.figures.map((f) => [f.code, f]));
    const m = await resolveIndicatorValues(env.database.db, {
      regionCode: city.code,
      period: '2025',
      codes: [
        'normative_docs_filed',
        'normdoc_filed_total',
        'normdoc_timeliness_rate',
        'normative_doc_filing_timeliness_rate',
        'lower_level_filed_docs_reviewed',
        'filed_docs_corrected',
        'normative_docs_cleanup_reviewed',
        'normative_docs_amended',
        'normative_docs_declared_invalid',
        'normative_docs_cleanup_retained',
        'normdoc_correction_rate',
      ],
    });
    // 报备件数 of a report: the city's own upward filings — countyA's filings are the county's, not the city's.
    expect(m.get('normative_docs_filed')?.value).toBe(by.get('filed_upward')?.value);
    expect(m.get('normative_docs_filed')?.value).toBe(0);
    expect(m.get('normative_doc_filing_timeliness_rate')).toMatchObject({ value: null, display: '—' });
    // Every filing of the subtree: the normdocs figures filed_total / timeliness_rate.
    expect(m.get('normdoc_filed_total')?.value).toBe(by.get('filed_total')?.value);
    expect(m.get('normdoc_filed_total')?.value).toBe(3);
    const t = m.get('normdoc_timeliness_rate');
    expect(t?.value).toBe(by.get('timeliness_rate')?.value);
    expect(t).toMatchObject({ numerator: 2, denominator: 3, display: '66.7%' });
    // Counts only: the ids are read by the drill-down.
    expect(t?.computed?.recordCount).toBe(3);
    expect(t?.computed?.recordIds).toEqual([]);
    const county = await resolveIndicatorValues(env.database.db, {
      regionCode: countyA.code,
      period: '2025',
      codes: ['normative_docs_filed', 'normative_doc_filing_timeliness_rate'],
    });
    expect(county.get('normative_docs_filed')?.value).toBe(3);
    expect(county.get('normative_doc_filing_timeliness_rate')).toMatchObject({
      numerator: 2,
      denominator: 3,
    });
    expect(m.get('lower_level_filed_docs_reviewed')?.value).toBe(1);
    expect(m.get('filed_docs_corrected')?.value).toBe(by.get('subordinate_corrected')?.value);
    expect(m.get('normative_docs_cleanup_reviewed')?.value).toBe(4);
    expect(m.get('normative_docs_amended')?.value).toBe(1);
    expect(m.get('normative_docs_declared_invalid')?.value).toBe(1);
    expect(m.get('normative_docs_cleanup_retained')?.value).toBe(by.get('cleanup_keep')?.value);
    expect(m.get('normdoc_correction_rate')).toMatchObject({ value: 100, display: '100%' });
    // No record in countyB: a rate with a zero denominator shows '—'.
    const b = await resolveIndicatorValues(env.database.db, {
      regionCode: countyB.code,
      period: '2025',
      codes: ['normative_doc_filing_timeliness_rate'],
    });
    expect(b.get('normative_doc_filing_timeliness_rate')).toMatchObject({ value: null, display: '—' });
  });

  it('computed and collected side by side: differs flags a disagreement', async () => {
    await collect(orgA1, [{ code: 'normative_docs_filed', value: 5, provenance: { task: 'test' } }]);
    const m = await resolveIndicatorValues(env.database.db, {
      regionCode: countyA.code,
      period: '2025',
      codes: ['normative_docs_filed'],
    });
    const v = m.get('normative_docs_filed');
    expect(v?.value).toBe(3); // the records win
    expect(v?.collected?.value).toBe(5);
    expect(v?.differs).toBe(true);
  });

  it('unknown codes answer UNKNOWN_INDICATOR naming them', async () => {
    await expect(
      resolveIndicatorValues(env.database.db, { regionCode: city.code, period: '2025', codes: ['nope_x'] }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_INDICATOR', details: { codes: ['nope_x'] } });
  });
});

describe('imported values (figures of published reports)', () => {
  it('are region totals: never added to submissions, and the top-most report wins', async () => {
    const imp = async (org: TestOrg, value: number) =>
      env.database.pool.query(
        `insert into indicator_values (indicator_code, org_id, region_path, period, source, value, confirmed_at)
         values ('cppcc_proposals_handled', $1, $2, '2024', 'imported', $3, now())`,
        [org.id, org.regionPath, value],
      );
    const cityOrg = await makeOrg(env, city, { type: 'government' });
    await imp(cityOrg, 230);
    await imp(orgA1, 40);
    await imp(orgB, 30);
    const q = (regionCode: string) =>
      resolveIndicatorValues(env.database.db, {
        regionCode,
        period: '2024',
        codes: ['cppcc_proposals_handled'],
      });
    expect((await q(city.code)).get('cppcc_proposals_handled')?.value).toBe(230);
    expect((await q(countyA.code)).get('cppcc_proposals_handled')?.value).toBe(40);
    // A submission for the period replaces the imported figures in the roll-up (no double counting).
    await env.database.db.transaction((tx) =>
      saveCollectedValues(tx, env.ctx, {
        orgId: orgA2.id,
        regionPath: orgA2.regionPath,
        period: '2024',
        values: [{ code: 'cppcc_proposals_handled', value: 7, provenance: {} }],
      }),
    );
    expect((await q(city.code)).get('cppcc_proposals_handled')).toMatchObject({
      value: 7,
      collected: { orgCount: 1 },
    });
    // An imported value confirmed for an organisation is reusable (最多报一次).
    expect(
      await findReusableValue(env.database.db, {
        orgId: orgB.id,
        period: '2024',
        code: 'cppcc_proposals_handled',
      }),
    ).toMatchObject({ value: 30 });
  });
});

describe('collected values', () => {
  it('are saved (upsert, audited) and found for reuse (最多报一次)', async () => {
    expect(
      await findReusableValue(env.database.db, {
        orgId: orgA1.id,
        period: '2025',
        code: 'legal_advisors_engaged',
      }),
    ).toMatchObject({ value: 10 });
    await collect(orgA1, [{ code: 'legal_advisors_engaged', value: 12, provenance: { task: 'again' } }]);
    expect(
      await findReusableValue(env.database.db, {
        orgId: orgA1.id,
        period: '2025',
        code: 'legal_advisors_engaged',
      }),
    ).toMatchObject({ value: 12 });
    expect(
      await findReusableValue(env.database.db, {
        orgId: orgA1.id,
        period: '2024',
        code: 'legal_advisors_engaged',
      }),
    ).toBeNull();
    const audit = await env.database.pool.query(
      `select count(*)::int as n from audit_log where action = 'indicator.values.collect' and entity_id = $1`,
      [orgA1.id],
    );
    expect(audit.rows[0].n).toBeGreaterThanOrEqual(2);
  });
});
