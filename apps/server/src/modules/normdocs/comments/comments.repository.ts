import { and, asc, count, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/pool';
import { organisations, users } from '../../../platform/db/schema';
import { normdocCoIssuers, normdocCommentPeriods, normdocComments, normdocs } from '../normdocs.tables';

// SQL of the 征求意见 area: periods (written by the lifecycle service) and the public's comments.

export type PeriodRow = typeof normdocCommentPeriods.$inferSelect;
export type CommentRow = typeof normdocComments.$inferSelect;
export type DocScopeRow = {
  id: string;
  orgId: string;
  regionPath: string;
  draftingOrgId: string;
  coIssuerOrgIds: string[];
};

const commentCount = sql<number>`(select count(*)::int from normdoc_comments c where c.period_id = ${normdocCommentPeriods.id})`;

/** Periods the portal lists: opened on or before `today` and closing on or after `closesFrom`. */
export async function listPublicPeriods(
  db: DbOrTx,
  q: { today: string; closesFrom: string; state?: 'open' | 'closed'; offset: number; limit: number },
) {
  const where = and(
    lte(normdocCommentPeriods.opensOn, q.today),
    q.state === 'open'
      ? gte(normdocCommentPeriods.closesOn, q.today)
      : q.state === 'closed'
        ? and(
            gte(normdocCommentPeriods.closesOn, q.closesFrom),
            sql`${normdocCommentPeriods.closesOn} < ${q.today}`,
          )
        : gte(normdocCommentPeriods.closesOn, q.closesFrom),
  );
  const rows = await db
    .select({
      period: normdocCommentPeriods,
      orgName: organisations.name,
      commentCount,
    })
    .from(normdocCommentPeriods)
    .innerJoin(normdocs, eq(normdocs.id, normdocCommentPeriods.docId))
    .innerJoin(organisations, eq(organisations.id, normdocs.orgId))
    .where(where)
    .orderBy(
      sql`case when ${normdocCommentPeriods.closesOn} >= ${q.today} then 0 else 1 end`,
      desc(normdocCommentPeriods.closesOn),
      desc(normdocCommentPeriods.createdAt),
    )
    .offset(q.offset)
    .limit(q.limit);
  const [total] = await db.select({ n: count() }).from(normdocCommentPeriods).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findPeriodWithOrg(db: DbOrTx, id: string, lock = false) {
  const q = db
    .select({ period: normdocCommentPeriods, orgName: organisations.name, commentCount })
    .from(normdocCommentPeriods)
    .innerJoin(normdocs, eq(normdocs.id, normdocCommentPeriods.docId))
    .innerJoin(organisations, eq(organisations.id, normdocs.orgId))
    .where(eq(normdocCommentPeriods.id, id));
  const [row] = lock ? await q.for('update', { of: normdocCommentPeriods }) : await q;
  return row;
}

/** Comments of the given periods, oldest first, with the name of whoever handled them. */
export async function commentsOfPeriods(db: DbOrTx, periodIds: string[]) {
  if (!periodIds.length) return [];
  return db
    .select({ comment: normdocComments, handledByName: users.displayName })
    .from(normdocComments)
    .leftJoin(users, eq(users.id, normdocComments.handledBy))
    .where(inArray(normdocComments.periodId, periodIds))
    .orderBy(asc(normdocComments.submittedAt), asc(normdocComments.id));
}

export async function periodsOfDoc(db: DbOrTx, docId: string): Promise<PeriodRow[]> {
  return db
    .select()
    .from(normdocCommentPeriods)
    .where(eq(normdocCommentPeriods.docId, docId))
    .orderBy(desc(normdocCommentPeriods.opensOn), desc(normdocCommentPeriods.createdAt));
}

/** The document's scope fields (issuing organ, drafting unit, co-issuers) for the policy check. */
export async function findDocScope(db: DbOrTx, docId: string): Promise<DocScopeRow | undefined> {
  const [doc] = await db
    .select({
      id: normdocs.id,
      orgId: normdocs.orgId,
      regionPath: normdocs.regionPath,
      draftingOrgId: normdocs.draftingOrgId,
    })
    .from(normdocs)
    .where(eq(normdocs.id, docId));
  if (!doc) return undefined;
  const co = await db
    .select({ orgId: normdocCoIssuers.orgId })
    .from(normdocCoIssuers)
    .where(eq(normdocCoIssuers.docId, docId));
  return { ...doc, coIssuerOrgIds: co.map((c) => c.orgId) };
}

/** Submissions from one IP pseudonym to one period on one Asia/Shanghai calendar day. */
export async function countSubmissionsOn(db: DbOrTx, periodId: string, ipHash: string, day: string) {
  const [row] = await db
    .select({ n: count() })
    .from(normdocComments)
    .where(
      and(
        eq(normdocComments.periodId, periodId),
        eq(normdocComments.ipHash, ipHash),
        sql`(${normdocComments.submittedAt} at time zone 'Asia/Shanghai')::date = ${day}::date`,
      ),
    );
  return row?.n ?? 0;
}

export async function insertComment(db: DbOrTx, values: typeof normdocComments.$inferInsert) {
  const [row] = await db.insert(normdocComments).values(values).returning();
  return row as CommentRow;
}

export async function findCommentForUpdate(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ comment: normdocComments, period: normdocCommentPeriods })
    .from(normdocComments)
    .innerJoin(normdocCommentPeriods, eq(normdocCommentPeriods.id, normdocComments.periodId))
    .where(eq(normdocComments.id, id))
    .for('update', { of: [normdocComments, normdocCommentPeriods] });
  return row;
}

/** Writes the handling only if nobody handled the comment since the caller read it. */
export async function updateHandling(
  db: DbOrTx,
  id: string,
  seenHandledAt: Date | null,
  set: { adopted: boolean; response: string; handledBy: string; handledAt: Date },
) {
  const [row] = await db
    .update(normdocComments)
    .set(set)
    .where(
      and(
        eq(normdocComments.id, id),
        seenHandledAt === null
          ? sql`${normdocComments.handledAt} is null`
          : eq(normdocComments.handledAt, seenHandledAt),
      ),
    )
    .returning();
  return row;
}
