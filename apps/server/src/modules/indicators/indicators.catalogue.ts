import type {
  Indicator,
  IndicatorCreate,
  IndicatorGroup,
  IndicatorListQuery,
  IndicatorUpdate,
} from '@fazhi/contracts';
import { sql } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit.service';
import { can, escapeLike, requirePermission, scopeFor } from '../../platform/access/policy';
import type { Actor, Ctx } from '../../platform/context';
import type { DbOrTx } from '../../platform/db/pool';
import { AppError, isUniqueViolation } from '../../platform/errors';
import { enqueueEvent } from '../../platform/jobs';
import { assertIndicatorsExist } from './indicators.repository';

/*
 * The catalogue (指标目录): the seeded indicators (read-only here; their 口径 is maintained with the system)
 * and the local indicators a reviewer adds for the region (本地指标), visible to that region's tree and the
 * regions above it, editable by the reviewers of that region or above.
 */

type Row = {
  code: string;
  name: string;
  unit: string;
  definition: string;
  kind: Indicator['kind'];
  group_code: string | null;
  group_name: string | null;
  numerator_code: string | null;
  denominator_code: string | null;
  rollup: Indicator['rollup'];
  source_module: string | null;
  source_code: string | null;
  definition_version: number;
  local: boolean;
  owner_region_code: string | null;
  owner_region_name: string | null;
  owner_path: string | null;
  active: boolean;
  version: number;
  updated_at: Date | string;
};

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

function canEdit(actor: Actor, r: Pick<Row, 'local' | 'owner_path'>): boolean {
  if (!r.local || !r.owner_path || !can(actor, 'indicator.manage')) return false;
  const scope = scopeFor(actor, 'indicator.manage');
  return scope.kind === 'region' && r.owner_path.startsWith(scope.pathPrefix);
}

export function toIndicatorDto(actor: Actor, r: Row): Indicator {
  return {
    code: r.code,
    name: r.name,
    unit: r.unit,
    definition: r.definition,
    kind: r.kind,
    groupCode: r.group_code,
    groupName: r.group_name,
    numeratorCode: r.numerator_code,
    denominatorCode: r.denominator_code,
    rollup: r.rollup,
    sourceModule: r.source_module,
    sourceCode: r.source_code,
    definitionVersion: r.definition_version,
    local: r.local,
    ownerRegionCode: r.owner_region_code,
    ownerRegionName: r.owner_region_name,
    active: r.active,
    version: r.version,
    updatedAt: iso(r.updated_at),
    actions: canEdit(actor, r) ? ['edit'] : [],
  };
}

/** Seeded indicators, and local ones of a region on the actor's path (above) or in the actor's tree (below). */
function visible(actor: Actor) {
  return sql`(not i.local or i.owner_region_code is null
              or ${actor.regionPath} like (rg.path || '%') or rg.path like ${escapeLike(actor.regionPath) + '%'})`;
}

const select = sql`
  select i.code, i.name, i.unit, i.definition, i.kind, i.group_code, g.name as group_name, i.numerator_code,
         i.denominator_code, i.rollup, i.source_module, i.source_code, i.definition_version, i.local,
         i.owner_region_code, rg.name as owner_region_name, rg.path as owner_path, i.active, i.version, i.updated_at
    from indicators i
    left join indicator_groups g on g.code = i.group_code
    left join regions rg on rg.code = i.owner_region_code`;

const ORDER = sql`order by coalesce(gp.sort, g.sort, 999), coalesce(g.sort, 999), i.local, i.created_at, i.code`;

export async function listIndicatorRows(ctx: Ctx, q: IndicatorListQuery): Promise<Row[]> {
  requirePermission(ctx.actor, 'indicator.read');
  const conds = [visible(ctx.actor)];
  if (q.group) conds.push(sql`(i.group_code = ${q.group} or g.parent_code = ${q.group})`);
  if (q.kind) conds.push(sql`i.kind = ${q.kind}`);
  if (q.local) conds.push(sql`i.local = ${q.local === 'true'}`);
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    conds.push(sql`(i.code ilike ${like} or i.name ilike ${like} or i.definition ilike ${like})`);
  }
  const res = await ctx.db.execute<Row>(sql`
    ${select} left join indicator_groups gp on gp.code = g.parent_code
     where ${sql.join(conds, sql` and `)} ${ORDER}`);
  return res.rows;
}

export async function listIndicators(ctx: Ctx, q: IndicatorListQuery) {
  const rows = await listIndicatorRows(ctx, q);
  const actor = ctx.actor as Actor;
  return { items: rows.map((r) => toIndicatorDto(actor, r)), total: rows.length };
}

async function readRow(db: DbOrTx, actor: Actor, code: string, lock = false): Promise<Row> {
  const res = await db.execute<Row>(sql`${select} where i.code = ${code} and ${visible(actor)}
    ${lock ? sql`for update of i` : sql``}`);
  const row = res.rows[0];
  if (!row) throw new AppError('NOT_FOUND', `指标目录中没有代码为 ${code} 的指标`);
  return row;
}

export async function getIndicator(ctx: Ctx, code: string): Promise<Indicator> {
  requirePermission(ctx.actor, 'indicator.read');
  return toIndicatorDto(ctx.actor, await readRow(ctx.db, ctx.actor, code));
}

export async function listGroups(ctx: Ctx): Promise<IndicatorGroup[]> {
  requirePermission(ctx.actor, 'indicator.read');
  const res = await ctx.db.execute<IndicatorGroup>(sql`
    select g.code, g.name, g.parent_code as "parentCode", g.sort,
           (select count(*)::int from indicators i where i.group_code = g.code and not i.local) as count
      from indicator_groups g order by g.sort, g.code`);
  return res.rows;
}

async function checkRefs(
  db: DbOrTx,
  v: { groupCode?: string | null; numeratorCode?: string | null; denominatorCode?: string | null },
) {
  if (v.groupCode) {
    const g = await db.execute(sql`select 1 from indicator_groups where code = ${v.groupCode}`);
    if (!g.rows.length)
      throw new AppError('VALIDATION_FAILED', `指标分组 ${v.groupCode} 不存在，请从分组列表中选择`);
  }
  const refs = [v.numeratorCode, v.denominatorCode].filter((c): c is string => !!c);
  if (refs.length) await assertIndicatorsExist(db, refs);
}

const auditable = (
  r: Pick<
    Row,
    | 'name'
    | 'unit'
    | 'definition'
    | 'group_code'
    | 'rollup'
    | 'numerator_code'
    | 'denominator_code'
    | 'active'
    | 'definition_version'
  >,
) => ({
  name: r.name,
  unit: r.unit,
  definition: r.definition,
  groupCode: r.group_code,
  rollup: r.rollup,
  numeratorCode: r.numerator_code,
  denominatorCode: r.denominator_code,
  active: r.active,
  definitionVersion: r.definition_version,
});

/** A local indicator owned by the actor's region (本地指标). */
export async function createIndicator(ctx: Ctx, input: IndicatorCreate): Promise<Indicator> {
  requirePermission(ctx.actor, 'indicator.manage');
  const actor = ctx.actor;
  if (input.kind === 'derived' && input.unit !== '%')
    throw new AppError('VALIDATION_FAILED', '派生指标为分子÷分母的比率，单位应为 %');
  await ctx.db.transaction(async (tx) => {
    await checkRefs(tx, input);
    try {
      await tx.execute(sql`
        insert into indicators (code, name, unit, definition, kind, group_code, numerator_code, denominator_code,
                                rollup, local, owner_region_code)
        values (${input.code}, ${input.name}, ${input.unit}, ${input.definition}, ${input.kind}, ${input.groupCode},
                ${input.numeratorCode}, ${input.denominatorCode},
                ${input.kind === 'derived' ? 'rate' : input.rollup}, true, ${actor.regionCode})`);
    } catch (e) {
      if (isUniqueViolation(e))
        throw new AppError('DUPLICATE', `指标代码 ${input.code} 已被使用，请换一个代码`);
      throw e;
    }
    const row = await readRow(tx, actor, input.code);
    await appendAudit(tx, ctx, {
      action: 'indicator.create',
      entityType: 'indicator',
      entityId: input.code,
      after: auditable(row),
    });
    await enqueueEvent(tx, 'indicator.changed', { code: input.code, action: 'create' });
  });
  return getIndicator(ctx, input.code);
}

/** Edits a local indicator; a change of unit, definition, roll-up or parts is a new 口径 version. */
export async function updateIndicator(ctx: Ctx, code: string, input: IndicatorUpdate): Promise<Indicator> {
  requirePermission(ctx.actor, 'indicator.manage');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const cur = await readRow(tx, actor, code, true);
    if (!cur.local) throw new AppError('INDICATOR_NOT_LOCAL');
    if (!canEdit(actor, cur)) throw new AppError('NOT_FOUND', `指标目录中没有代码为 ${code} 的指标`);
    if (cur.version !== input.version) throw new AppError('STALE_WRITE');
    await checkRefs(tx, input);
    const next = {
      name: input.name ?? cur.name,
      unit: input.unit ?? cur.unit,
      definition: input.definition ?? cur.definition,
      group_code: input.groupCode === undefined ? cur.group_code : input.groupCode,
      rollup: input.rollup ?? cur.rollup,
      numerator_code: input.numeratorCode === undefined ? cur.numerator_code : input.numeratorCode,
      denominator_code: input.denominatorCode === undefined ? cur.denominator_code : input.denominatorCode,
      active: input.active ?? cur.active,
    };
    if (next.rollup === 'rate' && next.unit !== '%')
      throw new AppError('VALIDATION_FAILED', '按比率汇总的指标单位应为 %');
    if (cur.kind === 'derived' && (!next.numerator_code || !next.denominator_code))
      throw new AppError('VALIDATION_FAILED', '派生指标须指定分子指标和分母指标');
    const definitionChanged =
      next.unit !== cur.unit ||
      next.definition !== cur.definition ||
      next.rollup !== cur.rollup ||
      next.numerator_code !== cur.numerator_code ||
      next.denominator_code !== cur.denominator_code;
    const res = await tx.execute(sql`
      update indicators set name = ${next.name}, unit = ${next.unit}, definition = ${next.definition},
             group_code = ${next.group_code}, rollup = ${next.rollup}, numerator_code = ${next.numerator_code},
             denominator_code = ${next.denominator_code}, active = ${next.active},
             definition_version = definition_version + ${definitionChanged ? 1 : 0},
             version = version + 1, updated_at = now()
       where code = ${code} and version = ${cur.version}`);
    if (!res.rowCount) throw new AppError('STALE_WRITE');
    const after = await readRow(tx, actor, code);
    await appendAudit(tx, ctx, {
      action: 'indicator.update',
      entityType: 'indicator',
      entityId: code,
      before: auditable(cur),
      after: auditable(after),
    });
    await enqueueEvent(tx, 'indicator.changed', { code, action: 'update' });
  });
  return getIndicator(ctx, code);
}
