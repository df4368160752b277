import { randomBytes } from 'node:crypto';
import { completeUscc } from '@fazhi/contracts';
import { eq } from 'drizzle-orm';
import {
  enforcementCertificateSuspensions,
  enforcementCertificates,
  enforcementOfficers,
} from '../../src/modules/enforcement/officers/officers.tables';
import { enforcementEnterprises } from '../../src/modules/enforcement/inspections/inspections.tables';
import { organisations } from '../../src/platform/db/schema';
import { makeOrg, type TestEnv, type TestOrg, type TestRegion } from '../harness';

/** An organisation confirmed as a law-enforcement body. */
export async function makeBody(env: TestEnv, region: TestRegion, parentId?: string): Promise<TestOrg> {
  const org = await makeOrg(env, region, { type: 'department', parentId });
  await markBody(env, org.id);
  return org;
}
export async function markBody(env: TestEnv, orgId: string) {
  await env.database.db
    .update(organisations)
    .set({ isLawEnforcementBody: true })
    .where(eq(organisations.id, orgId));
}

let n = 0;
/** An officer of `org` with a 行政执法证 valid [validFrom, validTo], optionally suspended (暂扣) from a day. */
export async function makeOfficer(
  env: TestEnv,
  org: TestOrg,
  opts: {
    name?: string;
    validFrom?: string;
    validTo?: string;
    suspendedFrom?: string;
    noCertificate?: boolean;
  } = {},
): Promise<string> {
  const tag = `${process.pid}${++n}${randomBytes(3).toString('hex')}`;
  const [o] = await env.database.db
    .insert(enforcementOfficers)
    .values({
      orgId: org.id,
      regionPath: org.regionPath,
      name: opts.name ?? `执法员${tag}`,
      idNumberEnc: 'x',
      idNumberMasked: '4101**********0011',
      idNumberHash: `h${tag}`,
      staffType: 'established',
    })
    .returning();
  if (!o) throw new Error('officer');
  if (opts.noCertificate) return o.id;
  const [c] = await env.database.db
    .insert(enforcementCertificates)
    .values({
      officerId: o.id,
      orgId: org.id,
      regionPath: org.regionPath,
      kind: 'enforcement',
      number: `豫执${tag}`,
      status: opts.suspendedFrom ? 'suspended' : 'active',
      appliedOn: '2020-01-01',
      issuedOn: opts.validFrom ?? '2020-01-10',
      validFrom: opts.validFrom ?? '2020-01-10',
      validTo: opts.validTo ?? '2099-12-31',
    })
    .returning();
  if (opts.suspendedFrom && c)
    await env.database.db
      .insert(enforcementCertificateSuspensions)
      .values({ certificateId: c.id, fromOn: opts.suspendedFrom, reason: '年审不合格' });
  return o.id;
}

let e = 0;
/** A valid 统一社会信用代码 unique to this run. */
export function uscc(region: TestRegion): string {
  const digits = `${Date.now() % 1e6}${++e}`.padStart(8, '0').slice(-8);
  return completeUscc(`91${region.code.slice(0, 6)}${digits}`);
}

/** Inserts enterprises directly (for large pools). */
export async function insertEnterprises(env: TestEnv, region: TestRegion, count: number, industry = '餐饮') {
  const rows = Array.from({ length: count }, (_, i) => ({
    uscc: completeUscc(`92${region.code.slice(0, 6)}${String(i).padStart(8, '0')}`),
    name: `抽查企业${region.code}-${i}`,
    regionCode: region.code,
    regionPath: region.path,
    industry,
  }));
  for (let i = 0; i < rows.length; i += 1000)
    await env.database.db.insert(enforcementEnterprises).values(rows.slice(i, i + 1000));
  return rows.map((r) => r.uscc);
}
