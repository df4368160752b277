import type { CertificateKind, OfficerCreateInput } from '@fazhi/contracts';
import { inArray } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/audit.service';
import type { Ctx } from '../../../platform/context';
import type { DbOrTx, Tx } from '../../../platform/db/pool';
import { AppError } from '../../../platform/errors';
import { overlappingCertificate } from './certificates.service';
import { createOfficerTx } from './officers.service';
import {
  enforcementCertificateEvents,
  enforcementCertificates,
  enforcementOfficers,
} from './officers.tables';

/** One row of the officers import: the officer and, optionally, the certificate they already hold. */
export type ImportedOfficerInput = {
  officer: OfficerCreateInput;
  certificate: {
    kind: CertificateKind;
    number: string;
    issuedOn: string;
    validFrom: string;
    validTo: string;
  } | null;
};

export async function existingIdHashes(db: DbOrTx, hashes: string[]): Promise<Set<string>> {
  if (!hashes.length) return new Set();
  const rows = await db
    .select({ h: enforcementOfficers.idNumberHash })
    .from(enforcementOfficers)
    .where(inArray(enforcementOfficers.idNumberHash, hashes));
  return new Set(rows.map((r) => r.h));
}

export async function usedCertificateNumbers(db: DbOrTx, numbers: string[]): Promise<Set<string>> {
  if (!numbers.length) return new Set();
  const rows = await db
    .select({ n: enforcementCertificates.number })
    .from(enforcementCertificates)
    .where(inArray(enforcementCertificates.number, numbers));
  return new Set(rows.map((r) => r.n ?? ''));
}

/**
 * Writes one imported officer (through createOfficerTx: scope, body, ID number, duplicate checks and audit) and
 * the certificate issued before the system existed, as an active certificate with an 'import' event.
 */
export async function insertImportedOfficerTx(
  tx: Tx,
  ctx: Ctx,
  input: ImportedOfficerInput,
  hash: (id: string) => string,
): Promise<void> {
  const officer = await createOfficerTx(tx, ctx, input.officer, 'enforcement.supervise', hash);
  const c = input.certificate;
  if (!c) return;
  if (officer.staffType !== 'established') throw new AppError('OFFICER_NOT_ELIGIBLE');
  const other = await overlappingCertificate(tx, officer.id, c.kind, c.validFrom, c.validTo, null);
  if (other) throw new AppError('CERTIFICATE_PERIOD_OVERLAP');
  const [row] = await tx
    .insert(enforcementCertificates)
    .values({
      officerId: officer.id,
      orgId: officer.orgId,
      regionPath: officer.regionPath,
      kind: c.kind,
      number: c.number,
      fields: officer.fields,
      area: officer.regionScope,
      status: 'active',
      appliedOn: c.issuedOn,
      issuedOn: c.issuedOn,
      validFrom: c.validFrom,
      validTo: c.validTo,
      createdBy: ctx.actor?.userId ?? null,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  await tx.insert(enforcementCertificateEvents).values({
    certificateId: row.id,
    action: 'import',
    fromStatus: null,
    toStatus: 'active',
    on: c.issuedOn,
    reason: '系统启用前已发证，批量导入',
    actorId: ctx.actor?.userId ?? null,
  });
  await appendAudit(tx, ctx, {
    action: 'enforcement.certificate.import',
    entityType: 'enforcement_certificate',
    entityId: row.id,
    before: null,
    after: { officerId: officer.id, ...c },
  });
}
