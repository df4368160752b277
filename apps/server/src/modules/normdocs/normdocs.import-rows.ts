import type { NormdocKind, NormdocStatus } from '@fazhi/contracts';
import { inArray, sql } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit.service';
import type { Ctx } from '../../platform/context';
import type { DbOrTx, Tx } from '../../platform/db/pool';
import { recordEvent } from './normdocs.events';
import { searchVector } from './normdocs.search-text';
import { normdocs, type LegalBasisRef } from './normdocs.tables';

/*
 * Writes for the Excel import of a jurisdiction's existing catalogue (a city starts with hundreds of
 * documents in force). Their procedure happened before the system: they are stored as issued documents
 * with `imported = true` and one 'import' line on the timeline, and are not sent through the lifecycle.
 */

/** One existing document as the import kind has checked it (organisation resolved, dates valid). */
export type ImportedDocInput = {
  title: string;
  kind: NormdocKind;
  orgId: string;
  regionPath: string;
  docNumber: string;
  registrationNumber: string;
  publishedOn: string;
  effectiveOn: string;
  validUntil: string | null;
  status: NormdocStatus;
  endedOn: string | null;
  provisionalRules: boolean;
  legalBasis: LegalBasisRef[];
  body: string;
};

/** Which of `numbers` are already used as a 统一登记号 (the number is unique across the system). */
export async function usedRegistrationNumbers(db: DbOrTx, numbers: string[]): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const rows = await db
    .select({ n: normdocs.registrationNumber })
    .from(normdocs)
    .where(inArray(normdocs.registrationNumber, numbers));
  return new Set(rows.map((r) => r.n).filter((n): n is string => n !== null));
}

/** 〔2024〕 and the last number of a 统一登记号, so that numbering statistics by year see imported documents. */
function yearAndSerial(
  registrationNumber: string,
  publishedOn: string,
): { year: number; seq: number | null } {
  const year = /〔(\d{4})〕/.exec(registrationNumber)?.[1];
  const seq = /(\d+)\D*$/.exec(registrationNumber)?.[1];
  return {
    year: year ? Number(year) : Number(publishedOn.slice(0, 4)),
    seq: seq && seq.length <= 6 ? Number(seq) : null,
  };
}

/** Inserts one imported document with its timeline line and audit entry, in the import's transaction. */
export async function insertImportedDocTx(tx: Tx, ctx: Ctx, d: ImportedDocInput): Promise<{ id: string }> {
  const { year, seq } = yearAndSerial(d.registrationNumber, d.publishedOn);
  const [row] = await tx
    .insert(normdocs)
    .values({
      orgId: d.orgId,
      regionPath: d.regionPath,
      draftingOrgId: d.orgId,
      title: d.title,
      kind: d.kind,
      docNumber: d.docNumber,
      registrationNumber: d.registrationNumber,
      registrationYear: year,
      registrationSeq: seq,
      status: d.status,
      provisionalRules: d.provisionalRules,
      legalBasis: d.legalBasis,
      body: d.body,
      publishedOn: d.publishedOn,
      effectiveOn: d.effectiveOn,
      validUntil: d.validUntil,
      endedOn: d.endedOn,
      // An existing document's interpretation, if any, was published off-system: not counted as missing.
      interpretationRequired: false,
      imported: true,
      searchTsv: sql`${searchVector(d.title, '', d.body)}`,
      createdBy: ctx.actor?.userId ?? null,
    })
    .returning({ id: normdocs.id });
  const id = (row as { id: string }).id;
  await recordEvent(tx, ctx, id, {
    action: 'import',
    fromStatus: null,
    toStatus: d.status,
    note: '从已有文件目录导入',
    data: { registrationNumber: d.registrationNumber, docNumber: d.docNumber },
  });
  await appendAudit(tx, ctx, {
    action: 'normdoc.import',
    entityType: 'normdoc',
    entityId: id,
    after: {
      title: d.title,
      kind: d.kind,
      orgId: d.orgId,
      status: d.status,
      registrationNumber: d.registrationNumber,
      docNumber: d.docNumber,
      publishedOn: d.publishedOn,
      effectiveOn: d.effectiveOn,
      validUntil: d.validUntil,
      endedOn: d.endedOn,
    },
  });
  return { id };
}
