import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IndicatorImportAnalysis } from '@fazhi/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
 * city ─┬─ countyA: orgA (staff), cityOrg at the city
 *       └─ countyB: orgB (sibling)
 * The city reviewer imports 三门峡's published 2024 report for the city organisation.
 */
let env: TestEnv;
let cityOrg: TestOrg;
let orgB: TestOrg;
let cityReviewer: Client;
let countyAReviewer: Client;
let staff: Client;
const report = readFileSync(join(__dirname, '../fixtures/reports/R0-sanmenxia-city-2024.txt'), 'utf8');

beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  const city = await makeRegion(env, prov);
  const countyA = await makeRegion(env, city);
  const countyB = await makeRegion(env, city);
  cityOrg = await makeOrg(env, city, { type: 'government' });
  const orgA = await makeOrg(env, countyA);
  orgB = await makeOrg(env, countyB);
  cityReviewer = await login(env, (await makeUser(env, cityOrg, ['reviewer'])).username);
  countyAReviewer = await login(env, (await makeUser(env, orgA, ['reviewer'])).username);
  staff = await login(env, (await makeUser(env, orgA, ['staff'])).username);
});
afterAll(async () => env.close());

describe('POST /api/indicator-imports (analyse)', () => {
  it('proposes the figures of a published report with sentence, section, converted value and approx mark', async () => {
    const res = await cityReviewer.request<IndicatorImportAnalysis>('POST', '/api/indicator-imports', {
      orgId: cityOrg.id,
      year: 2024,
      text: report,
      reportName: '三门峡市2024年度法治政府建设情况的报告',
    });
    expect(res.status).toBe(200);
    const p = res.body.proposals;
    expect(p.length).toBeGreaterThanOrEqual(20);
    const hotline = p.find((x) => x.indicatorCode === 'hotline_tickets_received');
    expect(hotline).toMatchObject({ value: 162300, unit: '件', approx: true, unitWritten: '万件' });
    expect(report.includes(hotline!.sentence)).toBe(true);
    expect(hotline!.section).toContain('（八）');
    // money in the catalogue's unit (元): 35267.89万元
    const audit = p.find((x) => x.indicatorCode === 'audit_issue_amount_rectified');
    expect(audit?.value).toBe(352678900);
    // nothing stored by the analysis
    const n = await env.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from indicator_values where org_id = ${cityOrg.id}`,
    );
    expect(n.rows[0]!.n).toBe(0);
  });

  it('rejects an empty text with a coded 400', async () => {
    const res = await cityReviewer.request<{ code: string }>('POST', '/api/indicator-imports', {
      orgId: cityOrg.id,
      year: 2024,
      text: '',
    });
    expect(res.status).toBe(400);
  });

  it('answers 404 for an organisation outside the caller’s region and 403 without indicator.manage', async () => {
    const body = { orgId: orgB.id, year: 2024, text: report };
    expect((await countyAReviewer.request('POST', '/api/indicator-imports', body)).status).toBe(404);
    expect(
      (await countyAReviewer.request('POST', '/api/indicator-imports', { ...body, orgId: cityOrg.id }))
        .status,
    ).toBe(404);
    expect((await staff.request('POST', '/api/indicator-imports', body)).status).toBe(403);
  });
});

describe('POST /api/indicator-imports/confirm', () => {
  it('writes the confirmed (and edited) values as imported, with provenance and an audit entry', async () => {
    const res = await cityReviewer.request<{ count: number }>('POST', '/api/indicator-imports/confirm', {
      orgId: cityOrg.id,
      year: 2024,
      reportName: '三门峡市2024年度报告',
      items: [
        {
          indicatorCode: 'hotline_tickets_received',
          value: 162300,
          approx: true,
          sentence: '市“12345”政务服务热线全年共受理工单16.23万余件',
          section: '一、主要做法和成效 > （八）行政权力制约监督得到强化',
          written: '16.23万余件',
        },
        { indicatorCode: 'legal_advisors_engaged', value: 450, sentence: '共聘请政府法律顾问452人' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(2);
    const rows = await env.database.db.execute<{
      indicator_code: string;
      value: string;
      approx: boolean;
      source: string;
      provenance: Record<string, string>;
      confirmed_at: Date | null;
      region_path: string;
    }>(sql`select indicator_code, value::text, approx, source, provenance, confirmed_at, region_path
             from indicator_values where org_id = ${cityOrg.id} and period = '2024' order by indicator_code`);
    expect(rows.rows).toHaveLength(2);
    const hot = rows.rows.find((r) => r.indicator_code === 'hotline_tickets_received')!;
    expect(hot).toMatchObject({ source: 'imported', approx: true, region_path: cityOrg.regionPath });
    expect(Number(hot.value)).toBe(162300);
    expect(hot.provenance).toMatchObject({ report: '三门峡市2024年度报告', written: '16.23万余件' });
    expect(hot.provenance.section).toContain('（八）');
    expect(hot.confirmed_at).not.toBeNull();
    const edited = rows.rows.find((r) => r.indicator_code === 'legal_advisors_engaged')!;
    expect(Number(edited.value)).toBe(450);
    const audit = await env.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'indicator.values.import' and entity_id = ${cityOrg.id}`,
    );
    expect(audit.rows[0]!.n).toBe(1);

    // a second analysis shows the stored value next to the proposal
    const again = await cityReviewer.request<IndicatorImportAnalysis>('POST', '/api/indicator-imports', {
      orgId: cityOrg.id,
      year: 2024,
      text: report,
    });
    const p = again.body.proposals.find((x) => x.indicatorCode === 'legal_advisors_engaged');
    expect(p?.existing).toEqual({ source: 'imported', value: 450 });
  });

  it('refuses an unknown indicator with 400 UNKNOWN_INDICATOR and writes nothing', async () => {
    const res = await cityReviewer.request<{ code: string }>('POST', '/api/indicator-imports/confirm', {
      orgId: cityOrg.id,
      year: 2023,
      items: [
        { indicatorCode: 'legal_advisors_engaged', value: 1 },
        { indicatorCode: 'no_such_indicator', value: 2 },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('UNKNOWN_INDICATOR');
    const n = await env.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from indicator_values where org_id = ${cityOrg.id} and period = '2023'`,
    );
    expect(n.rows[0]!.n).toBe(0);
  });

  it('answers 404 for an organisation outside the scope', async () => {
    const res = await countyAReviewer.request('POST', '/api/indicator-imports/confirm', {
      orgId: orgB.id,
      year: 2024,
      items: [{ indicatorCode: 'legal_advisors_engaged', value: 1 }],
    });
    expect(res.status).toBe(404);
  });
});
