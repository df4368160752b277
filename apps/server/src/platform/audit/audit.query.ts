import type { auditQuerySchema } from '@fazhi/contracts';
import { and, desc, eq, gte, lte, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { escapeLike, requirePermission, scopeFor } from '../access/policy';
import type { Ctx } from '../context';
import { auditLog } from '../db/schema';

type Query = z.infer<typeof auditQuerySchema>;

function conditions(ctx: Ctx, q: Query): SQL | undefined {
  requirePermission(ctx.actor, 'audit.read');
  const scope = scopeFor(ctx.actor, 'audit.read');
  const conds: (SQL | undefined)[] = [
    // Entries of organisations in the auditor's region tree, plus entries with no organisation (unknown login names).
    scope.kind === 'region'
      ? sql`(${auditLog.orgId} is null or ${auditLog.orgId} in (select id from organisations where region_path like ${escapeLike(scope.pathPrefix) + '%'}))`
      : sql`false`,
  ];
  if (q.action) conds.push(sql`${auditLog.action} like ${escapeLike(q.action) + '%'}`);
  if (q.entityType) conds.push(eq(auditLog.entityType, q.entityType));
  if (q.actorId) conds.push(eq(auditLog.actorId, q.actorId));
  if (q.outcome) conds.push(eq(auditLog.outcome, q.outcome));
  if (q.from)
    conds.push(gte(auditLog.at, new Date(q.from.length === 10 ? `${q.from}T00:00:00+08:00` : q.from)));
  if (q.to) conds.push(lte(auditLog.at, new Date(q.to.length === 10 ? `${q.to}T23:59:59.999+08:00` : q.to)));
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    conds.push(
      or(
        sql`${auditLog.actorName} like ${like}`,
        sql`${auditLog.entityId} like ${like}`,
        sql`${auditLog.action} like ${like}`,
      ),
    );
  }
  return and(...conds);
}

export function toAuditDto(r: typeof auditLog.$inferSelect) {
  return {
    id: r.id,
    seq: r.seq,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    orgId: r.orgId,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    diff: r.diff,
    requestId: r.requestId,
    ip: r.ip,
    outcome: r.outcome as 'ok' | 'denied' | 'failed',
  };
}

export async function listAudit(ctx: Ctx, q: Query) {
  const where = conditions(ctx, q);
  const [rows, count] = await Promise.all([
    ctx.db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.seq))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(where),
  ]);
  return { items: rows.map(toAuditDto), total: count[0]?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export function auditRowsForExport(ctx: Ctx, q: Query) {
  const where = conditions(ctx, q);
  return (offset: number, limit: number) =>
    ctx.db.select().from(auditLog).where(where).orderBy(desc(auditLog.seq)).limit(limit).offset(offset);
}
