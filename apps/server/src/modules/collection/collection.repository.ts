import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/pool';
import { organisations, storedFiles } from '../../platform/db/schema';
import {
  collectionNarratives,
  collectionTargets,
  collectionTasks,
  collectionValues,
} from './collection.tables';

export type TaskRow = typeof collectionTasks.$inferSelect;
export type TargetRow = typeof collectionTargets.$inferSelect;
export type ValueRow = typeof collectionValues.$inferSelect;
export type TaskWithOrg = TaskRow & { orgName: string; regionCode: string };
export type TargetWithOrg = TargetRow & {
  orgName: string;
  orgType: string;
  orgUscc: string | null;
  filledCount: number;
};

export async function findTask(db: DbOrTx, id: string, forUpdate = false): Promise<TaskWithOrg | undefined> {
  const q = db
    .select({ t: collectionTasks, orgName: organisations.name, regionCode: organisations.regionCode })
    .from(collectionTasks)
    .innerJoin(organisations, eq(organisations.id, collectionTasks.orgId))
    .where(eq(collectionTasks.id, id));
  const [row] = forUpdate ? await q.for('update', { of: collectionTasks }) : await q;
  return row ? { ...row.t, orgName: row.orgName, regionCode: row.regionCode } : undefined;
}

export async function findTasks(db: DbOrTx, where: SQL, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    db
      .select({ t: collectionTasks, orgName: organisations.name, regionCode: organisations.regionCode })
      .from(collectionTasks)
      .innerJoin(organisations, eq(organisations.id, collectionTasks.orgId))
      .where(where)
      .orderBy(sql`${collectionTasks.createdAt} desc`, asc(collectionTasks.id))
      .limit(limit)
      .offset(offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(collectionTasks)
      .where(where),
  ]);
  return {
    rows: rows.map((r) => ({ ...r.t, orgName: r.orgName, regionCode: r.regionCode })) as TaskWithOrg[],
    total: total[0]?.n ?? 0,
  };
}

/** Targets with their organisation; `where` filters collection_targets. */
export async function findTargets(db: DbOrTx, where: SQL | undefined): Promise<TargetWithOrg[]> {
  const rows = await db
    .select({
      t: collectionTargets,
      orgName: organisations.name,
      orgType: organisations.type,
      orgUscc: organisations.uscc,
      filledCount: sql<number>`(select count(*)::int from collection_values v where v.target_id = ${collectionTargets.id} and (v.value is not null or v.denominator is not null))`,
    })
    .from(collectionTargets)
    .innerJoin(organisations, eq(organisations.id, collectionTargets.orgId))
    .where(where)
    .orderBy(asc(organisations.name), asc(collectionTargets.id));
  return rows.map((r) => ({
    ...r.t,
    orgName: r.orgName,
    orgType: r.orgType,
    orgUscc: r.orgUscc,
    filledCount: r.filledCount,
  }));
}

export async function findTarget(db: DbOrTx, id: string, forUpdate = false): Promise<TargetRow | undefined> {
  const q = db.select().from(collectionTargets).where(eq(collectionTargets.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

/** Counts per status (and overdue: not yet submitted after the due date) for some tasks. */
export async function progressOf(db: DbOrTx, taskIds: string[], today: string) {
  const out = new Map<string, Record<string, number>>();
  if (taskIds.length === 0) return out;
  const rows = await db
    .select({
      taskId: collectionTargets.taskId,
      status: collectionTargets.status,
      n: sql<number>`count(*)::int`,
      overdue: sql<number>`count(*) filter (where ${collectionTargets.status} in ('pending','returned') and ${collectionTasks.dueDate} < ${today}::date)::int`,
    })
    .from(collectionTargets)
    .innerJoin(collectionTasks, eq(collectionTasks.id, collectionTargets.taskId))
    .where(inArray(collectionTargets.taskId, taskIds))
    .groupBy(collectionTargets.taskId, collectionTargets.status);
  for (const r of rows) {
    const p = out.get(r.taskId) ?? {
      total: 0,
      pending: 0,
      submitted: 0,
      signed: 0,
      accepted: 0,
      returned: 0,
      overdue: 0,
    };
    p[r.status] = (p[r.status] ?? 0) + r.n;
    p.total = (p.total ?? 0) + r.n;
    p.overdue = (p.overdue ?? 0) + r.overdue;
    out.set(r.taskId, p);
  }
  return out;
}

export async function findValues(db: DbOrTx, targetIds: string[]): Promise<ValueRow[]> {
  if (targetIds.length === 0) return [];
  return db.select().from(collectionValues).where(inArray(collectionValues.targetId, targetIds));
}

export async function findNarratives(db: DbOrTx, targetId: string) {
  return db.select().from(collectionNarratives).where(eq(collectionNarratives.targetId, targetId));
}

export async function fileInfos(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, { fileName: string; size: number; mimeType: string }>();
  const rows = await db
    .select({
      id: storedFiles.id,
      fileName: storedFiles.fileName,
      size: storedFiles.size,
      mimeType: storedFiles.mimeType,
    })
    .from(storedFiles)
    .where(inArray(storedFiles.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

export const targetOfTask = (taskId: string, id: string) =>
  and(eq(collectionTargets.taskId, taskId), eq(collectionTargets.id, id));
