import type { EnforcementFigure, EnforcementFiguresResult } from '@fazhi/contracts';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computeEnforcementFigures,
  enforcementFigureRecordIds,
} from '../../src/modules/enforcement/figures/figures.compute';
import { resolveIndicatorValues } from '../../src/modules/indicators';
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
  type TestRegion,
} from '../harness';

/*
 * Exact counts of the enforcement figures (DOMAIN.md §4.10) over records of two counties, the city's rates
 * recomputed from the summed parts, and the drill-down ids.
 */
let env: TestEnv;
let city: TestRegion;
let c1: TestRegion;
let c2: TestRegion;
let b1: TestOrg;
let b2: TestOrg;
let cityOffice: Client;
let c2Office: Client;
const ids: Record<string, string[]> = {};
const FROM = '2025-01-01';
const TO = '2025-12-31';

const q = (r: TestRegion) => ({ regionCode: r.code, from: FROM, to: TO });
const fig = (res: EnforcementFiguresResult, code: string) =>
  res.figures.find((f) => f.code === code) as EnforcementFigure;
const add = (k: string, id: string | undefined) => {
  (ids[k] ??= []).push(id as string);
};

async function body(region: TestRegion, parentId: string) {
  const org = await makeOrg(env, region, { parentId });
  await env.database.db
    .update(organisations)
    .set({ isLawEnforcementBody: true })
    .where(eq(organisations.id, org.id));
  return org;
}

async function insert<T = { id: string }>(text: ReturnType<typeof sql>): Promise<T> {
  const r = await env.database.db.execute(text);
  return r.rows[0] as T;
}

async function certificate(
  org: TestOrg,
  p: {
    kind: string;
    status: string;
    issuedOn: string;
    validTo: string;
    endedOn?: string;
    previousId?: string;
  },
) {
  const o =
    await insert(sql`insert into enforcement_officers (org_id, region_path, name, id_number_enc, id_number_masked, id_number_hash, staff_type)
    values (${org.id}, ${org.regionPath}, '测试执法员', 'x', '4101**********0011', ${`h${Math.random()}`}, 'established') returning id`);
  const c =
    await insert(sql`insert into enforcement_certificates (officer_id, org_id, region_path, kind, number, status, applied_on, issued_on, valid_from, valid_to, ended_on, previous_id)
    values (${o.id}, ${org.id}, ${org.regionPath}, ${p.kind}, ${`Z${Math.random().toString().slice(2, 12)}`}, ${p.status}, ${p.issuedOn}, ${p.issuedOn}, ${p.issuedOn}, ${p.validTo}, ${p.endedOn ?? null}, ${p.previousId ?? null}) returning id`);
  return { officerId: o.id, id: c.id };
}

beforeAll(async () => {
  env = await startTestEnv();
  city = await makeRegion(env, null);
  c1 = await makeRegion(env, city);
  c2 = await makeRegion(env, city);
  const cityBureau = await makeOrg(env, city, { type: 'justice_bureau' });
  const bureau1 = await makeOrg(env, c1, { type: 'justice_bureau' });
  const bureau2 = await makeOrg(env, c2, { type: 'justice_bureau' });
  b1 = await body(c1, bureau1.id);
  b2 = await body(c2, bureau2.id);
  cityOffice = await login(env, (await makeUser(env, cityBureau, ['supervisor'])).username);
  c2Office = await login(env, (await makeUser(env, bureau2, ['supervisor'])).username);
  const office1 = await login(env, (await makeUser(env, bureau1, ['supervisor'])).username);

  // ── supervision: county 1: 2 opinions (3 + 2 items), 1 in 2024 (out of period); county 2: 1 opinion (4 items)
  const n = (c: Client, orgId: string, items: number, issuedOn: string) =>
    c.post<{ id: string }>('/api/enforcement/supervision/notices', {
      kind: 'opinion',
      orgId,
      title: '监督意见',
      facts: '事实',
      items: Array.from({ length: items }, (_, i) => `意见${i + 1}`),
      issuedOn,
    });
  add('opinions1', (await n(office1, b1.id, 3, '2025-03-01')).body.id);
  add('opinions1', (await n(office1, b1.id, 2, '2025-09-26')).body.id);
  await n(office1, b1.id, 7, '2024-12-31');
  add('opinions2', (await n(c2Office, b2.id, 4, '2025-05-05')).body.id);

  // problems: county 1: 2 problems found (1 rectified), 1 clue dismissed (complaint); county 2: 1 problem rectified
  const prob = async (c: Client, orgId: string, isClue: boolean, source: string, path: string[]) => {
    const p = (
      await c.post<{ id: string; version: number }>('/api/enforcement/supervision/problems', {
        orgId,
        source,
        isClue,
        description: '问题',
        receivedOn: '2025-04-01',
      })
    ).body;
    let v = p.version;
    for (const status of path) {
      const r = await c.post<{ version: number }>(`/api/enforcement/supervision/problems/${p.id}/handle`, {
        version: v,
        status,
        on: '2025-05-01',
      });
      v = r.body.version;
    }
    return p.id;
  };
  add('found1', await prob(office1, b1.id, false, 'check', ['confirmed', 'rectified']));
  add('found1', await prob(office1, b1.id, false, 'check', []));
  await prob(office1, b1.id, true, 'complaint', ['dismissed']);
  add('found2', await prob(c2Office, b2.id, true, 'complaint', ['confirmed', 'rectified']));

  // interviews / accountability
  await office1.post('/api/enforcement/supervision/interviews', {
    orgId: b1.id,
    heldOn: '2025-06-01',
    persons: '甲',
    reason: '约谈',
  });
  await c2Office.post('/api/enforcement/supervision/interviews', {
    orgId: b2.id,
    heldOn: '2025-06-02',
    persons: '乙',
    reason: '约谈',
  });
  for (const person of ['甲', '乙'])
    await office1.post('/api/enforcement/supervision/accountability', {
      orgId: b1.id,
      person,
      measure: 'criticism',
      authority: '县执法监督办',
      decidedOn: '2025-07-01',
      reason: '追责',
    });

  // ── certificates: county 1: 2 new enforcement (1 held at year end), 1 renewal; county 2: 1 supervision new,
  // 1 enforcement cancelled in 2025 (issued 2023).
  add(
    'issued1',
    (
      await certificate(b1, {
        kind: 'enforcement',
        status: 'active',
        issuedOn: '2025-02-01',
        validTo: '2030-01-31',
      })
    ).id,
  );
  add(
    'issued1',
    (
      await certificate(b1, {
        kind: 'enforcement',
        status: 'active',
        issuedOn: '2025-03-01',
        validTo: '2025-11-30',
      })
    ).id,
  );
  const old = await certificate(b1, {
    kind: 'enforcement',
    status: 'renewed',
    issuedOn: '2020-01-01',
    validTo: '2025-12-31',
    endedOn: '2025-06-01',
  });
  add(
    'renewed1',
    (
      await certificate(b1, {
        kind: 'enforcement',
        status: 'active',
        issuedOn: '2025-06-01',
        validTo: '2030-05-31',
        previousId: old.id,
      })
    ).id,
  );
  await certificate(b2, {
    kind: 'supervision',
    status: 'active',
    issuedOn: '2025-04-01',
    validTo: '2030-03-31',
  });
  add(
    'cancelled2',
    (
      await certificate(b2, {
        kind: 'enforcement',
        status: 'cancelled',
        issuedOn: '2023-01-01',
        validTo: '2028-01-01',
        endedOn: '2025-08-01',
      })
    ).id,
  );

  // ── lenient: county 1 list (no_penalty, 3 items) in force, 2 cases 1,000.00 + 500.50 元
  const list =
    await insert(sql`insert into enforcement_lenient_lists (org_id, region_path, kind, title, effective_from)
    values (${b1.id}, ${b1.regionPath}, 'no_penalty', '不予处罚清单', '2024-01-01') returning id`);
  const items: string[] = [];
  for (const seq of [1, 2, 3])
    items.push(
      (
        await insert(sql`insert into enforcement_lenient_items (list_id, seq, conduct, circumstances, legal_basis)
        values (${list.id}, ${seq}, '轻微违法', '首违', '行政处罚法第三十三条') returning id`)
      ).id,
    );
  for (const [caseNo, fen] of [
    ['L1', 100000],
    ['L2', 50050],
  ] as const)
    await insert(sql`insert into enforcement_lenient_cases (list_id, item_id, org_id, region_path, case_no, handled_on, party_kind, party_name, amount_fen)
      values (${list.id}, ${items[0]}, ${b1.id}, ${b1.regionPath}, ${caseNo}, '2025-05-01', 'organisation', '某公司', ${fen}) returning id`);

  // ── inspections: county 1: I1 joint (with county 2's body) on E1, I2 off-site on E1, I3 on E2 in 2025; I4 on E1
  // in 2024 (same period a year earlier).
  const item =
    await insert(sql`insert into enforcement_inspection_items (org_id, region_path, code, name, legal_basis, object, method, category, frequency, published)
    values (${b1.id}, ${b1.regionPath}, 'JC-001', '日常检查', '某法第十条', '企业', 'onsite', 'routine', '每年一次', true) returning id`);
  const ent = async (name: string) =>
    (
      await insert(sql`insert into enforcement_enterprises (uscc, name, region_code, region_path)
        values (${`91${Math.random().toString().slice(2, 18)}`}, ${name}, ${c1.code}, ${c1.path}) returning id`)
    ).id;
  const e1 = await ent('甲公司');
  const e2 = await ent('乙公司');
  const inspection = async (
    on: string,
    enterprise: string,
    joint: boolean,
    onsite: boolean,
    partners: TestOrg[] = [],
  ) => {
    const i =
      await insert(sql`insert into enforcement_inspections (org_id, region_path, item_id, inspected_on, year, onsite, joint, officers, result)
      values (${b1.id}, ${b1.regionPath}, ${item.id}, ${on}, ${Number(on.slice(0, 4))}, ${onsite}, ${joint}, '[]'::jsonb, 'no_problem') returning id`);
    for (const org of [b1, ...partners])
      await insert(sql`insert into enforcement_inspection_subjects (inspection_id, enterprise_id, org_id, year)
        values (${i.id}, ${enterprise}, ${org.id}, ${Number(on.slice(0, 4))}) returning inspection_id as id`);
    return i.id;
  };
  add('insp1', await inspection('2025-03-01', e1, true, true, [b2]));
  add('insp1', await inspection('2025-04-01', e1, false, false));
  add('insp1', await inspection('2025-05-01', e2, false, true));
  add('insp0', await inspection('2024-05-01', e1, false, true));

  // ── delegation: county 2: 2 powers in effect at year end, 1 withdrawn in 2025
  for (const [name, withdrawn] of [
    ['权1', null],
    ['权2', null],
    ['权3', '2025-10-01'],
  ] as const)
    await insert(sql`insert into enforcement_delegated_powers (township_org_id, source_org_id, region_path, name, legal_basis, decision_doc_number, decision_date, effective_on, withdrawn_on)
      values (${b2.id}, ${bureau2.id}, ${b2.regionPath}, ${name}, '行政处罚法第二十四条', '豫政〔2025〕1号', '2025-01-10', '2025-02-01', ${withdrawn}) returning id`);
});
afterAll(() => env.close());

describe('enforcement figures', () => {
  it('counts each county exactly', async () => {
    const r1 = await computeEnforcementFigures(env.database.db, q(c1));
    const r2 = await computeEnforcementFigures(env.database.db, q(c2));
    expect(r1.missingFamilies).toEqual([]);
    const v = (r: EnforcementFiguresResult, code: string) => fig(r, code).value;
    expect(v(r1, 'supervision_opinions')).toBe(2);
    expect(v(r1, 'supervision_opinion_items')).toBe(5);
    expect(v(r2, 'supervision_opinion_items')).toBe(4);
    expect(v(r1, 'supervision_clues')).toBe(1);
    expect(v(r1, 'supervision_complaints')).toBe(1);
    expect(v(r1, 'supervision_problems_found')).toBe(2);
    expect(v(r1, 'supervision_problems_rectified')).toBe(1);
    expect(v(r1, 'supervision_rectification_rate')).toBe(50);
    expect(v(r2, 'supervision_rectification_rate')).toBe(100);
    expect(v(r1, 'supervision_interviews')).toBe(1);
    expect(v(r1, 'supervision_accountability')).toBe(2);
    expect(v(r2, 'supervision_accountability')).toBe(0);

    expect(v(r1, 'cert_issued_enforcement')).toBe(2);
    expect(v(r1, 'cert_renewed')).toBe(1);
    expect(v(r1, 'cert_held_enforcement')).toBe(2); // the 2030 one and the renewal; the other expired 11-30
    expect(v(r2, 'cert_issued_supervision')).toBe(1);
    expect(v(r2, 'cert_held_supervision')).toBe(1);
    expect(v(r2, 'cert_cancelled')).toBe(1);
    expect(v(r2, 'cert_held_enforcement')).toBe(0);

    expect(v(r1, 'lenient_items')).toBe(3);
    expect(v(r1, 'lenient_items_no_penalty')).toBe(3);
    expect(v(r1, 'lenient_cases')).toBe(2);
    expect(v(r1, 'lenient_amount')).toBe(0.15); // 1,500.50 元 = 0.15 万元
    expect(fig(r1, 'lenient_amount').numerator).toBe(150050);

    expect(v(r2, 'delegated_powers_in_effect')).toBe(2);
    expect(v(r2, 'delegated_powers_added')).toBe(3);
    expect(v(r2, 'delegated_powers_withdrawn')).toBe(1);
    expect(v(r1, 'inspections_total')).toBe(3);
    expect(v(r1, 'inspections_joint_rate')).toBe(33.33);
    expect(v(r1, 'inspections_offsite_rate')).toBe(33.33);
    expect(v(r1, 'inspections_prev_year')).toBe(1);
    expect(v(r1, 'inspections_yoy_change')).toBe(200); // (3 − 1) ÷ 1
    expect(v(r1, 'inspections_per_enterprise')).toBe(1.5); // 3 inspections (the joint one once) ÷ 2 enterprises
    expect(v(r2, 'inspections_total')).toBe(0);
    expect(v(r2, 'inspections_joint_rate')).toBeNull(); // no inspections: no rate
  });

  it('the city sums its counties, and its rates are recomputed from the summed parts', async () => {
    const [rc, r1, r2] = await Promise.all(
      [city, c1, c2].map((r) => computeEnforcementFigures(env.database.db, q(r))),
    );
    for (const f of (rc as EnforcementFiguresResult).figures) {
      const a = fig(r1 as EnforcementFiguresResult, f.code);
      const b = fig(r2 as EnforcementFiguresResult, f.code);
      expect(f.numerator, f.code).toBe(a.numerator + b.numerator);
      if (f.denominator !== null)
        expect(f.denominator, f.code).toBe((a.denominator ?? 0) + (b.denominator ?? 0));
    }
    const rate = fig(rc as EnforcementFiguresResult, 'supervision_rectification_rate');
    expect([rate.numerator, rate.denominator, rate.value]).toEqual([2, 3, 66.67]); // not (50 + 100) / 2
  });

  it('drill-down lists exactly the counted records', async () => {
    const db = env.database.db;
    const opinions = await enforcementFigureRecordIds(db, q(c1), 'supervision_opinions');
    expect(opinions.ids.sort()).toEqual([...(ids.opinions1 ?? [])].sort());
    const rate = await enforcementFigureRecordIds(db, q(city), 'supervision_rectification_rate');
    expect(rate.ids.sort()).toEqual([...(ids.found1 ?? []), ...(ids.found2 ?? [])].sort());
    expect(rate.numeratorIds.sort()).toEqual([ids.found1?.[0], ids.found2?.[0]].sort());
    expect((await enforcementFigureRecordIds(db, q(c1), 'cert_issued_enforcement')).ids.sort()).toEqual(
      [...(ids.issued1 ?? [])].sort(),
    );
    expect((await enforcementFigureRecordIds(db, q(c1), 'cert_renewed')).ids).toEqual(ids.renewed1);
    const joint = await enforcementFigureRecordIds(db, q(c1), 'inspections_joint_rate');
    expect(joint.ids.sort()).toEqual([...(ids.insp1 ?? [])].sort());
    expect(joint.numeratorIds).toEqual([ids.insp1?.[0]]);
    expect((await enforcementFigureRecordIds(db, q(c1), 'inspections_prev_year')).ids).toEqual(ids.insp0);
    expect((await enforcementFigureRecordIds(db, q(c2), 'cert_cancelled')).ids).toEqual(ids.cancelled2);
  });

  it('serves figures, drill-down and export over HTTP within scope only', async () => {
    const res = await cityOffice.get<EnforcementFiguresResult>(
      `/api/enforcement/figures?regionCode=${city.code}&from=${FROM}&to=${TO}`,
    );
    expect(res.status).toBe(200);
    expect(fig(res.body, 'supervision_opinions').value).toBe(3);
    const rec = await cityOffice.get<{ total: number; items: { id: string; inNumerator: boolean | null }[] }>(
      `/api/enforcement/figures/supervision_rectification_rate/records?regionCode=${city.code}&from=${FROM}&to=${TO}`,
    );
    expect(rec.body.total).toBe(3);
    expect(rec.body.items.filter((i) => i.inNumerator).length).toBe(2);
    // County 2's office cannot read county 1 nor the city.
    expectError(
      await c2Office.get(`/api/enforcement/figures?regionCode=${c1.code}&from=${FROM}&to=${TO}`),
      404,
      'NOT_FOUND',
    );
    expectError(
      await c2Office.get(`/api/enforcement/figures?regionCode=${city.code}&from=${FROM}&to=${TO}`),
      404,
      'NOT_FOUND',
    );
    expectError(
      await cityOffice.get(`/api/enforcement/figures/no_such_figure/records?regionCode=${city.code}`),
      404,
      'NOT_FOUND',
    );
    expectError(
      await cityOffice.get(`/api/enforcement/figures?regionCode=${city.code}&from=2025-12-31&to=2025-01-01`),
      400,
      'VALIDATION_FAILED',
    );
    const x = await cityOffice.get(
      `/api/enforcement/figures/export.xlsx?regionCode=${city.code}&from=${FROM}&to=${TO}`,
    );
    expect(x.status).toBe(200);
  });

  it('the indicator catalogue resolves the report keys to the same figures', async () => {
    const rows = await env.database.db.execute<{ code: string; kind: string; source_code: string }>(
      sql`select code, kind, source_code from indicators where source_module = 'enforcement' order by code`,
    );
    const byCode = new Map(rows.rows.map((r) => [r.code, r]));
    expect(byCode.get('enforcement_supervision_opinion_letters')?.source_code).toBe('supervision_opinions');
    expect(byCode.get('enforcement_certificate_holders')?.kind).toBe('computed');
    expect(byCode.get('enf_supervision_interviews')?.source_code).toBe('supervision_interviews');
    void resolveIndicatorValues;
  });
});
