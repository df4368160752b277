import type { FilingReview, FilingReviewStatus } from '@fazhi/contracts';
import { eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { can, inScope, scopeFor } from '../../../platform/access/policy';
import { shanghaiToday } from '../../../platform/clock/today';
import type { Actor, Ctx } from '../../../platform/context';
import type { DbOrTx } from '../../../platform/db/pool';
import { organisations, users } from '../../../platform/db/schema';
import { normdocFilingReviews, normdocFilings, normdocs } from '../normdocs.tables';
import { filingColumns, filingOrg, recipientOrg, toFilingBase, type FilingJoinRow } from './filings.query';
import { filingActionsFor } from './filings.rules';

// Read side of the receiving justice bureau's queue (备案审查).

const reviewerOrg = alias(organisations, 'reviewer_org');

export type ReviewJoinRow = FilingJoinRow & {
  r: typeof normdocFilingReviews.$inferSelect;
  reviewerOrgName: string;
  reviewerRegionCode: string;
  assigneeName: string | null;
};

export async function findReviewRows(
  db: DbOrTx,
  where: SQL | undefined,
  limit: number,
  offset: number,
): Promise<ReviewJoinRow[]> {
  return db
    .select({
      ...filingColumns,
      r: normdocFilingReviews,
      reviewerOrgName: reviewerOrg.name,
      reviewerRegionCode: reviewerOrg.regionCode,
      assigneeName: users.displayName,
    })
    .from(normdocFilingReviews)
    .innerJoin(normdocFilings, eq(normdocFilings.id, normdocFilingReviews.filingId))
    .innerJoin(normdocs, eq(normdocs.id, normdocFilings.docId))
    .innerJoin(filingOrg, eq(filingOrg.id, normdocFilings.orgId))
    .leftJoin(recipientOrg, eq(recipientOrg.id, normdocFilings.recipientOrgId))
    .innerJoin(reviewerOrg, eq(reviewerOrg.id, normdocFilingReviews.reviewerOrgId))
    .leftJoin(users, eq(users.id, normdocFilingReviews.assigneeId))
    .where(where)
    .orderBy(
      sql`case ${normdocFilingReviews.status} when 'received' then 0 when 'assigned' then 1 when 'correcting' then 2 when 'reviewed' then 3 else 4 end`,
      sql`${normdocFilingReviews.receivedOn} desc`,
      normdocFilingReviews.id,
    )
    .limit(limit)
    .offset(offset);
}

export async function countReviews(db: DbOrTx, where: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(normdocFilingReviews)
    .where(where);
  return row?.n ?? 0;
}

export const reviewFacts = (r: { reviewerOrgId: string; regionPath: string }) => ({
  orgId: r.reviewerOrgId,
  regionPath: r.regionPath,
});

export function reviewerActions(actor: Actor | null, row: ReviewJoinRow) {
  if (
    !actor ||
    !can(actor, 'normdoc.review') ||
    !inScope(scopeFor(actor, 'normdoc.review'), reviewFacts(row.r))
  )
    return [];
  return filingActionsFor(row.f, 'receiver', row.r.status);
}

export function toReviewDto(ctx: Ctx, row: ReviewJoinRow): FilingReview {
  const today = shanghaiToday(ctx.now());
  const r = row.r;
  return {
    id: r.id,
    filing: toFilingBase(row, today),
    reviewerOrg: { id: r.reviewerOrgId, name: row.reviewerOrgName },
    regionCode: row.reviewerRegionCode,
    assignee: r.assigneeId ? { id: r.assigneeId, name: row.assigneeName ?? '' } : null,
    receivedOn: r.receivedOn,
    reviewDue: r.reviewDue,
    status: r.status as FilingReviewStatus,
    issues: r.issues as FilingReview['issues'],
    handling: r.handling as FilingReview['handling'],
    opinionText: r.opinionText,
    reviewedOn: r.reviewedOn,
    correctionDue: r.correctionDue,
    correctionOverdue: r.status === 'correcting' && !!r.correctionDue && r.correctionDue < today,
    corrected: r.corrected,
    correctionForm: r.correctionForm as FilingReview['correctionForm'],
    correctionDoneOn: r.correctionDoneOn,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
    actions: reviewerActions(ctx.actor, row),
  };
}
