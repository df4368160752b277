import {
  ELIGIBLE_STAFF_TYPES,
  type CertificateKind,
  type CertificateStatus,
  type Officer,
  type OfficerStatus,
  type StaffType,
} from '@fazhi/contracts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/pool';
import { organisations } from '../../../platform/db/schema';
import { AppError } from '../../../platform/errors';
import { enforcementBodies } from '../bodies/bodies.tables';
import type { enforcementOfficers } from './officers.tables';
import { enforcementCertificates } from './officers.tables';

export type OfficerRow = typeof enforcementOfficers.$inferSelect;
export type CertificateRow = typeof enforcementCertificates.$inferSelect;

export const isEligible = (staffType: string) => ELIGIBLE_STAFF_TYPES.includes(staffType as StaffType);

/** What an audit entry keeps of an officer: never the ID number, only its mask. */
export const auditableOfficer = (o: OfficerRow) => ({
  orgId: o.orgId,
  name: o.name,
  idNumber: o.idNumberMasked,
  staffType: o.staffType,
  position: o.position,
  fields: o.fields,
  regionScope: o.regionScope,
  legalQualification: o.legalQualification,
  status: o.status,
  version: o.version,
});

/**
 * The organisation an officer may belong to: an enforcement body (flagged organisation or a registered,
 * not cancelled 执法主体 record). DOMAIN.md §4.2: `org` must be a LawEnforcementBody or its entrusted organisation.
 */
export async function enforcementBodyOrg(
  db: DbOrTx,
  orgId: string,
): Promise<{ id: string; name: string; regionPath: string; isBody: boolean } | null> {
  const [row] = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      regionPath: organisations.regionPath,
      flagged: organisations.isLawEnforcementBody,
      bodyStatus: enforcementBodies.status,
    })
    .from(organisations)
    .leftJoin(enforcementBodies, eq(enforcementBodies.orgId, organisations.id))
    .where(and(eq(organisations.id, orgId), eq(organisations.disabled, false)));
  if (!row) return null;
  const isBody = row.flagged || (row.bodyStatus !== null && row.bodyStatus !== 'cancelled');
  return { id: row.id, name: row.name, regionPath: row.regionPath, isBody };
}

export function assertBody(org: { isBody: boolean } | null): void {
  if (org && !org.isBody) throw new AppError('ORG_NOT_ENFORCEMENT_BODY');
}

export async function orgNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function certificatesOf(
  db: DbOrTx,
  officerIds: string[],
): Promise<Map<string, CertificateRow[]>> {
  const out = new Map<string, CertificateRow[]>();
  if (officerIds.length === 0) return out;
  const rows = await db
    .select()
    .from(enforcementCertificates)
    .where(inArray(enforcementCertificates.officerId, officerIds))
    .orderBy(asc(enforcementCertificates.kind), sql`${enforcementCertificates.validFrom} desc nulls first`);
  for (const r of rows) out.set(r.officerId, [...(out.get(r.officerId) ?? []), r]);
  return out;
}

export function toOfficerDto(
  o: OfficerRow,
  orgName: string,
  certs: CertificateRow[],
  actions: string[],
): Officer {
  return {
    id: o.id,
    org: { id: o.orgId, name: orgName },
    name: o.name,
    idNumber: o.idNumberMasked,
    staffType: o.staffType as StaffType,
    eligible: isEligible(o.staffType),
    position: o.position,
    fields: o.fields,
    regionScope: o.regionScope,
    legalQualification: o.legalQualification,
    status: o.status as OfficerStatus,
    certificates: certs.map((c) => ({
      id: c.id,
      kind: c.kind as CertificateKind,
      number: c.number,
      status: c.status as CertificateStatus,
      validFrom: c.validFrom,
      validTo: c.validTo,
    })),
    version: o.version,
    actions,
  };
}
