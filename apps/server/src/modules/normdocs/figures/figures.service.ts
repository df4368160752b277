import {
  normdocFigureDefinitionByCode,
  type NormdocFigureRecordsQuery,
  type NormdocFiguresQuery,
  type NormdocFiguresResult,
} from '@fazhi/contracts';
import { sql } from 'drizzle-orm';
import { requirePermission, scopeFor } from '../../../platform/access/policy';
import { shanghaiToday } from '../../../platform/clock/today';
import type { Ctx } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import {
  computeNormdocFigures,
  figureRecordPage,
  type Figure,
  type FigureQuery,
  type FiguresResult,
} from './figures.compute';
import { figureRecords } from './figures.records';

/**
 * The requested region or organisation, checked against the caller's `normdoc.figures` scope (outside it:
 * 404, like a missing one). Default: the caller's own region (region-tree roles) or organisation, the
 * current year up to today.
 */
export async function resolveFigureQuery(ctx: Ctx, q: NormdocFiguresQuery): Promise<FigureQuery> {
  requirePermission(ctx.actor, 'normdoc.figures');
  const actor = ctx.actor;
  const scope = scopeFor(actor, 'normdoc.figures');
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

const pick = (f: Figure) => ({
  code: f.code,
  name: f.name,
  unit: f.unit,
  value: f.value,
  numerator: f.numerator,
  denominator: f.denominator,
  definition: f.definition,
  definitionVersion: f.definitionVersion,
});

/** The HTTP answer: the figures without their id lists (those are read through the drill-down). */
export function toFiguresDto(r: FiguresResult): NormdocFiguresResult {
  return {
    scope: {
      regionCode: r.scope.regionCode,
      orgId: r.scope.orgId,
      name: r.scope.name,
      from: r.scope.from,
      to: r.scope.to,
      timelinessBase: r.scope.timelinessBase,
    },
    figures: r.figures.map(pick),
    byChildRegion: r.byChildRegion.map((c) => ({
      regionCode: c.regionCode,
      regionName: c.regionName,
      own: c.own,
      figures: c.figures.map((f) => ({
        code: f.code,
        value: f.value,
        numerator: f.numerator,
        denominator: f.denominator,
      })),
    })),
  };
}

export async function getFigures(ctx: Ctx, q: NormdocFiguresQuery): Promise<FiguresResult> {
  return computeNormdocFigures(ctx.db, await resolveFigureQuery(ctx, q));
}

/** The records behind one figure (all of the denominator for a rate, each marked whether in the numerator). */
export async function getFigureRecords(ctx: Ctx, code: string, q: NormdocFigureRecordsQuery) {
  const def = normdocFigureDefinitionByCode(code);
  const { page, pageSize, childRegionCode, ...rest } = q;
  const query = await resolveFigureQuery(ctx, rest);
  if (!def) throw new AppError('NOT_FOUND', '没有这个指标');
  const [result, list] = await Promise.all([
    computeNormdocFigures(ctx.db, query),
    figureRecordPage(ctx.db, query, [code], { page, pageSize, childRegionCode }),
  ]);
  const fig = result.figures.find((f) => f.code === code) as Figure;
  const items = await figureRecords(ctx.db, def.recordKind, list.ids, list.numeratorIds);
  return { figure: pick(fig), items, total: list.total, page, pageSize };
}
