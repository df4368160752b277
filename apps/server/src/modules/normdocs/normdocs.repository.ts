import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/pool';
import { organisations, users } from '../../platform/db/schema';
import {
  normdocAttachments,
  normdocCoIssuers,
  normdocEvents,
  normdocLegalityReviews,
  normdocProcedures,
  normdocs,
} from './normdocs.tables';

export type DocRow = typeof normdocs.$inferSelect;
export type OrgRef = { id: string; name: string };

export async function findDoc(db: DbOrTx, id: string, forUpdate = false): Promise<DocRow | undefined> {
  const q = db.select().from(normdocs).where(eq(normdocs.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function coIssuerIds(db: DbOrTx, docId: string): Promise<string[]> {
  const rows = await db
    .select({ orgId: normdocCoIssuers.orgId })
    .from(normdocCoIssuers)
    .where(eq(normdocCoIssuers.docId, docId));
  return rows.map((r) => r.orgId);
}

export async function orgRefs(
  db: DbOrTx,
  ids: readonly string[],
): Promise<Map<string, OrgRef & { regionCode: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name, regionCode: organisations.regionCode })
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Everything the document page shows besides the row itself. */
export async function loadDocDetails(db: DbOrTx, doc: DocRow) {
  // Sequential: inside a transaction all queries share one connection.
  const coIds = await coIssuerIds(db, doc.id);
  const events = await db
    .select()
    .from(normdocEvents)
    .where(eq(normdocEvents.docId, doc.id))
    .orderBy(asc(normdocEvents.at));
  const attachments = await db
    .select()
    .from(normdocAttachments)
    .where(eq(normdocAttachments.docId, doc.id))
    .orderBy(asc(normdocAttachments.createdAt));
  const reviews = await db
    .select({ r: normdocLegalityReviews, reviewerName: users.displayName })
    .from(normdocLegalityReviews)
    .leftJoin(users, eq(users.id, normdocLegalityReviews.reviewerId))
    .where(eq(normdocLegalityReviews.docId, doc.id))
    .orderBy(asc(normdocLegalityReviews.createdAt));
  const procedures = await db
    .select()
    .from(normdocProcedures)
    .where(eq(normdocProcedures.docId, doc.id))
    .orderBy(asc(normdocProcedures.createdAt));
  const next = await db
    .select({ id: normdocs.id })
    .from(normdocs)
    .where(eq(normdocs.previousVersionId, doc.id))
    .orderBy(desc(normdocs.createdAt))
    .limit(1);
  const orgs = await orgRefs(db, [doc.orgId, doc.draftingOrgId, ...coIds]);
  return { coIds, orgs, events, attachments, reviews, procedures, nextVersionId: next[0]?.id ?? null };
}
export type DocDetails = Awaited<ReturnType<typeof loadDocDetails>>;

/** The latest legality-review round of a document (null before the first submission). */
export async function latestReview(db: DbOrTx, docId: string) {
  const [row] = await db
    .select()
    .from(normdocLegalityReviews)
    .where(eq(normdocLegalityReviews.docId, docId))
    .orderBy(desc(normdocLegalityReviews.createdAt))
    .limit(1);
  return row;
}

export async function latestProcedure(db: DbOrTx, docId: string, kind: string) {
  const [row] = await db
    .select()
    .from(normdocProcedures)
    .where(and(eq(normdocProcedures.docId, docId), eq(normdocProcedures.kind, kind)))
    .orderBy(desc(normdocProcedures.createdAt))
    .limit(1);
  return row;
}

export type ListRow = DocRow & { orgName: string; regionCode: string };

export async function findDocs(
  db: DbOrTx,
  where: SQL,
  order: SQL[],
  limit: number,
  offset: number,
): Promise<{ rows: ListRow[]; total: number }> {
  const [rows, [count]] = await Promise.all([
    db
      .select({ d: normdocs, orgName: organisations.name, regionCode: organisations.regionCode })
      .from(normdocs)
      .innerJoin(organisations, eq(organisations.id, normdocs.orgId))
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(normdocs)
      .where(where),
  ]);
  return {
    rows: rows.map((r) => ({ ...r.d, orgName: r.orgName, regionCode: r.regionCode })),
    total: count?.n ?? 0,
  };
}
