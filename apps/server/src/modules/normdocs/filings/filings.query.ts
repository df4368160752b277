import { daysBetween, type Filing, type FilingAction, type FilingStatus } from '@fazhi/contracts';
import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { can, scopeFor } from '../../../platform/access/policy';
import { shanghaiToday } from '../../../platform/clock/today';
import type { Actor, Ctx } from '../../../platform/context';
import type { DbOrTx } from '../../../platform/db/pool';
import { organisations } from '../../../platform/db/schema';
import { docInScope } from '../normdocs.policy';
import { normdocCoIssuers, normdocFilings, normdocs } from '../normdocs.tables';
import { recipientInSystem } from './filings.recipients';
import { filingActionsFor } from './filings.rules';

// Read side of filings: one select with the document, the filing organ and the recipient, and the DTO.

/** 临期 threshold, as the clocks opened for filings (openClockInTx default). */
const WARNING_DAYS = 3;

export const filingOrg = alias(organisations, 'filing_org');
export const recipientOrg = alias(organisations, 'recipient_org');

export const filingColumns = {
  f: normdocFilings,
  docTitle: normdocs.title,
  docNumber: normdocs.docNumber,
  registrationNumber: normdocs.registrationNumber,
  docKind: normdocs.kind,
  publishedOn: normdocs.publishedOn,
  docStatus: normdocs.status,
  docOrgId: normdocs.orgId,
  docRegionPath: normdocs.regionPath,
  draftingOrgId: normdocs.draftingOrgId,
  orgName: filingOrg.name,
  orgRegionCode: filingOrg.regionCode,
  recipientName: recipientOrg.name,
};

export type FilingJoinRow = {
  f: typeof normdocFilings.$inferSelect;
  docTitle: string;
  docNumber: string | null;
  registrationNumber: string | null;
  docKind: string;
  publishedOn: string | null;
  docStatus: string;
  docOrgId: string;
  docRegionPath: string;
  draftingOrgId: string;
  orgName: string;
  orgRegionCode: string;
  recipientName: string | null;
  coIssuerOrgIds?: string[];
};

export async function findFilingRows(
  db: DbOrTx,
  where: SQL | undefined,
  limit: number,
  offset: number,
): Promise<FilingJoinRow[]> {
  const rows = await db
    .select(filingColumns)
    .from(normdocFilings)
    .innerJoin(normdocs, eq(normdocs.id, normdocFilings.docId))
    .innerJoin(filingOrg, eq(filingOrg.id, normdocFilings.orgId))
    .leftJoin(recipientOrg, eq(recipientOrg.id, normdocFilings.recipientOrgId))
    .where(where)
    .orderBy(
      sql`case when ${normdocFilings.status} = 'due' then 0 else 1 end`,
      normdocFilings.dueDate,
      normdocFilings.id,
    )
    .limit(limit)
    .offset(offset);
  return withCoIssuers(db, rows);
}

export async function countFilings(db: DbOrTx, where: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(normdocFilings)
    .innerJoin(normdocs, eq(normdocs.id, normdocFilings.docId))
    .where(where);
  return row?.n ?? 0;
}

async function withCoIssuers(db: DbOrTx, rows: FilingJoinRow[]): Promise<FilingJoinRow[]> {
  const docIds = [...new Set(rows.map((r) => r.f.docId))];
  if (!docIds.length) return rows;
  const co = await db
    .select({ docId: normdocCoIssuers.docId, orgId: normdocCoIssuers.orgId })
    .from(normdocCoIssuers)
    .where(inArray(normdocCoIssuers.docId, docIds));
  return rows.map((r) => ({
    ...r,
    coIssuerOrgIds: co.filter((c) => c.docId === r.f.docId).map((c) => c.orgId),
  }));
}

export const docFacts = (r: FilingJoinRow) => ({
  orgId: r.docOrgId,
  regionPath: r.docRegionPath,
  draftingOrgId: r.draftingOrgId,
  coIssuerOrgIds: r.coIssuerOrgIds ?? [],
});

/** 正常 / 临期 / 超期 / 已完成 of the filing deadline, computed as the 期限台账 does. */
export function filingClock(
  f: { dueDate: string; submittedOn: string | null },
  today: string,
): Pick<Filing, 'clockStatus' | 'daysRemaining' | 'timely'> {
  if (f.submittedOn)
    return { clockStatus: 'completed', daysRemaining: null, timely: f.submittedOn <= f.dueDate };
  const days = daysBetween(today, f.dueDate);
  return {
    clockStatus: days < 0 ? 'overdue' : days <= WARNING_DAYS ? 'due_soon' : 'normal',
    daysRemaining: days,
    timely: null,
  };
}

/** Submitting-side actions: normdoc.draft on the document's scope, then the transition table. */
export function filerActions(actor: Actor | null, r: FilingJoinRow): FilingAction[] {
  if (!actor || !can(actor, 'normdoc.draft') || !docInScope(scopeFor(actor, 'normdoc.draft'), docFacts(r)))
    return [];
  return filingActionsFor(r.f, 'filer');
}

export function toFilingBase(r: FilingJoinRow, today: string): Omit<Filing, 'actions'> {
  const f = r.f;
  return {
    id: f.id,
    docId: f.docId,
    docTitle: r.docTitle,
    docNumber: r.docNumber,
    registrationNumber: r.registrationNumber,
    docKind: r.docKind,
    publishedOn: r.publishedOn,
    org: { id: f.orgId, name: r.orgName },
    regionCode: r.orgRegionCode,
    recipientKind: f.recipientKind as Filing['recipientKind'],
    recipientOrg: f.recipientOrgId ? { id: f.recipientOrgId, name: r.recipientName ?? '' } : null,
    recipientInSystem: recipientInSystem(f),
    dueDate: f.dueDate,
    provisional: f.provisional,
    clockId: f.clockId,
    ...filingClock(f, today),
    status: f.status as FilingStatus,
    submittedOn: f.submittedOn,
    materials: f.materials,
    registrationResult: f.registrationResult as Filing['registrationResult'],
    registrationNote: f.registrationNote,
    registeredOn: f.registeredOn,
    reviewResult: f.reviewResult as Filing['reviewResult'],
    reviewedOn: f.reviewedOn,
    correctionDue: f.correctionDue,
    correctionDoneOn: f.correctionDoneOn,
    correctionNote: f.correctionNote,
    version: f.version,
    updatedAt: f.updatedAt.toISOString(),
  };
}

export function toFilingDto(ctx: Ctx, r: FilingJoinRow): Filing {
  return { ...toFilingBase(r, shanghaiToday(ctx.now())), actions: filerActions(ctx.actor, r) };
}
