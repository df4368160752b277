import type { EnforcementFiguresQuery } from '@fazhi/contracts';
import { sql } from 'drizzle-orm';
import { requirePermission, scopeFor } from '../../../platform/access/policy';
import { shanghaiToday } from '../../../platform/clock/today';
import type { Ctx } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import {
  computeEnforcementFigures,
  enforcementFigureRecordPage,
  type EnforcementFigureQuery,
} from './figures.compute';

const READ = 'enforcement.read' as const;

/**
 * The requested region or organisation checked against the caller's `enforcement.read` scope (outside it:
 * 404). Default: the caller's region (region-tree roles) or organisation, 1 January of this year to today.
 */
export async function resolveEnforcementFigureQuery(
  ctx: Ctx,
  q: EnforcementFiguresQuery,
): Promise<EnforcementFigureQuery> {
  requirePermission(ctx.actor, READ);
  const actor = ctx.actor;
  const scope = scopeFor(actor, READ);
  const today = shanghaiToday(ctx.now());
  const from = q.from ?? `${today.slice(0, 4)}-01-01`;
  const to = q.to ?? (q.from && q.from > today ? `${q.from.slice(0, 4)}-12-31` : today);
  if (from > to) throw new AppError('VALIDATION_FAILED', '开始日期不能晚于结束日期');
  if (q.orgId) {
    const res = await ctx.db.execute<{ region_path: string }>(
      sql`select region_path from organisations where id = ${q.orgId}`,
    );
    const org = res.rows[0];
    const ok =
      !!org &&
      (scope.kind === 'region'
        ? org.region_path.startsWith(scope.pathPrefix)
        : scope.kind === 'org' && scope.orgId === q.orgId);
    if (!ok) throw new AppError('NOT_FOUND');
    return { orgId: q.orgId, from, to };
  }
  if (scope.kind === 'org') {
    if (q.regionCode) throw new AppError('NOT_FOUND');
    return { orgId: scope.orgId, from, to };
  }
  if (scope.kind !== 'region') throw new AppError('NOT_FOUND');
  const code = q.regionCode ?? actor.regionCode;
  const res = await ctx.db.execute<{ path: string }>(sql`select path from regions where code = ${code}`);
  const path = res.rows[0]?.path;
  if (!path || !path.startsWith(scope.pathPrefix)) throw new AppError('NOT_FOUND');
  return { regionCode: code, from, to };
}

export async function getEnforcementFigures(ctx: Ctx, q: EnforcementFiguresQuery) {
  return computeEnforcementFigures(ctx.db, await resolveEnforcementFigureQuery(ctx, q));
}

export async function getEnforcementFigureRecords(
  ctx: Ctx,
  code: string,
  q: EnforcementFiguresQuery & { page: number; pageSize: number },
) {
  const target = await resolveEnforcementFigureQuery(ctx, q);
  const r = await enforcementFigureRecordPage(ctx.db, target, code, { page: q.page, pageSize: q.pageSize });
  return { code, items: r.items, total: r.total, page: q.page, pageSize: q.pageSize };
}
