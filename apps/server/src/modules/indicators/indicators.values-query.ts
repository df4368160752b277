import type {
  IndicatorProvenance,
  IndicatorProvenanceQuery,
  IndicatorValues,
  IndicatorValuesQuery,
  ResolvedValueDto,
} from '@fazhi/contracts';
import { sql } from 'drizzle-orm';
import { requirePermission, scopeFor } from '../../platform/access/policy';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { drilldownOf } from './indicators.computations';
import { num } from './indicators.format';
import { periodRange } from './indicators.period';
import { assertIndicatorsExist } from './indicators.repository';
import { resolveIndicatorValues, type ResolvedValue } from './indicators.resolve';

/*
 * Indicator values over HTTP: the region or organisation asked must lie in the caller's `indicator.read`
 * scope (outside: 404, like a missing one). Default: the caller's region (region-tree roles) or organisation.
 */

type Subject = { regionCode?: string; orgId?: string; name: string };

export async function subjectInScope(ctx: Ctx, q: { regionCode?: string; orgId?: string }): Promise<Subject> {
  requirePermission(ctx.actor, 'indicator.read');
  const actor = ctx.actor;
  const scope = scopeFor(actor, 'indicator.read');
  if (q.orgId) {
    const res = await ctx.db.execute<{ name: string; region_path: string }>(
      sql`select name, region_path from organisations where id = ${q.orgId}`,
    );
    const org = res.rows[0];
    const ok =
      !!org &&
      (scope.kind === 'region'
        ? org.region_path.startsWith(scope.pathPrefix)
        : scope.kind === 'org' && scope.orgId === q.orgId);
    if (!org || !ok) throw new AppError('NOT_FOUND');
    return { orgId: q.orgId, name: org.name };
  }
  if (scope.kind === 'org') {
    if (q.regionCode) throw new AppError('NOT_FOUND');
    return { orgId: scope.orgId, name: actor.orgName };
  }
  if (scope.kind !== 'region') throw new AppError('NOT_FOUND');
  const code = q.regionCode ?? actor.regionCode;
  const res = await ctx.db.execute<{ name: string; path: string }>(
    sql`select name, path from regions where code = ${code}`,
  );
  const region = res.rows[0];
  if (!region || !region.path.startsWith(scope.pathPrefix)) throw new AppError('NOT_FOUND');
  return { regionCode: code, name: region.name };
}

export function toValueDto(v: ResolvedValue): ResolvedValueDto {
  return {
    code: v.code,
    name: v.name,
    unit: v.unit,
    value: v.value,
    numerator: v.numerator,
    denominator: v.denominator,
    display: v.display,
    approx: v.approx,
    definitionVersion: v.definitionVersion,
    computed: v.computed
      ? {
          value: v.computed.value,
          numerator: v.computed.numerator,
          denominator: v.computed.denominator,
          recordCount: v.computed.recordCount,
        }
      : null,
    collected: v.collected
      ? {
          value: v.collected.value,
          numerator: v.collected.numerator,
          denominator: v.collected.denominator,
          orgCount: v.collected.orgCount,
        }
      : null,
    differs: v.differs,
  };
}

export async function getIndicatorValues(ctx: Ctx, q: IndicatorValuesQuery): Promise<IndicatorValues> {
  const subject = await subjectInScope(ctx, q);
  let codes = q.codes;
  if (q.group && !codes) {
    const res = await ctx.db.execute<{ code: string }>(sql`
      select i.code from indicators i left join indicator_groups g on g.code = i.group_code
       where i.active and (i.group_code = ${q.group} or g.parent_code = ${q.group})`);
    codes = res.rows.map((r) => r.code);
  }
  const values = await resolveIndicatorValues(ctx.db, {
    regionCode: subject.regionCode,
    orgId: subject.orgId,
    period: q.period,
    codes,
  });
  return {
    scope: {
      regionCode: subject.regionCode ?? null,
      orgId: subject.orgId ?? null,
      name: subject.name,
      period: q.period,
    },
    items: [...values.values()].map(toValueDto),
  };
}

type ValueRow = {
  id: string;
  org_id: string | null;
  org_name: string | null;
  region_code: string | null;
  source: string;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  approx: boolean;
  provenance: Record<string, unknown>;
  updated_at: Date | string;
};

/** The records behind a computed value (module drill-down) and the submissions behind a collected one. */
export async function getIndicatorProvenance(
  ctx: Ctx,
  code: string,
  q: IndicatorProvenanceQuery,
): Promise<IndicatorProvenance> {
  const subject = await subjectInScope(ctx, q);
  const ind = (await assertIndicatorsExist(ctx.db, [code])).get(code);
  if (!ind) throw new AppError('UNKNOWN_INDICATOR');
  const resolved = await resolveIndicatorValues(ctx.db, {
    regionCode: subject.regionCode,
    orgId: subject.orgId,
    period: q.period,
    codes: [code],
  });
  const value = resolved.get(code);
  if (!value) throw new AppError('NOT_FOUND');
  const drill = ind.sourceModule ? drilldownOf(ind.sourceModule) : undefined;
  const records = drill
    ? await drill(
        ctx.db,
        { regionCode: subject.regionCode, orgId: subject.orgId, ...periodRange(q.period) },
        ind.sourceCode ?? ind.code,
        { page: q.page, pageSize: q.pageSize },
      )
    : { items: [], total: 0 };
  const ids = value.collected?.valueIds ?? [];
  const rows = ids.length
    ? (
        await ctx.db.execute<ValueRow>(sql`
          select v.id, v.org_id, o.name as org_name, v.region_code, v.source, v.value::text as value,
                 v.numerator::text as numerator, v.denominator::text as denominator, v.approx, v.provenance,
                 v.updated_at
            from indicator_values v left join organisations o on o.id = v.org_id
           where v.id = any(${sql.param(ids)}::uuid[])
           order by o.name nulls first, v.id`)
      ).rows
    : [];
  return {
    value: toValueDto(value),
    records: { items: records.items, total: records.total, page: q.page, pageSize: q.pageSize },
    values: rows.map((r) => ({
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      regionCode: r.region_code,
      source: r.source,
      value: num(r.value),
      numerator: num(r.numerator),
      denominator: num(r.denominator),
      approx: r.approx,
      provenance: r.provenance,
      updatedAt: (r.updated_at instanceof Date ? r.updated_at : new Date(r.updated_at)).toISOString(),
    })),
  };
}
