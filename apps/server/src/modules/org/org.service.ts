import {
  REGION_LEVELS,
  type Org,
  type OrgCreate,
  type OrgUpdate,
  type Region,
  type RegionLevel,
  type orgListQuerySchema,
  type regionCreateSchema,
  type regionUpdateSchema,
} from '@fazhi/contracts';
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  assertInScope,
  escapeLike,
  inScope,
  requirePermission,
  scopeFor,
  scopeWhere,
  type Scope,
} from '../../platform/access/policy';
import { appendAudit } from '../../platform/audit/audit.service';
import type { Actor, Ctx } from '../../platform/context';
import type { DbOrTx } from '../../platform/db/pool';
import { organisations, regions } from '../../platform/db/schema';
import { AppError, isUniqueViolation, uniqueConstraint } from '../../platform/errors';
import { orgActions, regionActions } from './org.policy';
import {
  countActiveChildren,
  countRegionChildren,
  findOrgById,
  findOrgs,
  findRegion,
  findRegions,
  orgNameTaken,
  type OrgRow,
  type RegionRow,
} from './org.repository';

const LEVEL_ORDER = Object.keys(REGION_LEVELS) as RegionLevel[];

export function toOrgDto(actor: Actor, r: OrgRow): Org {
  return {
    id: r.id,
    name: r.name,
    shortName: r.shortName,
    type: r.type as Org['type'],
    uscc: r.uscc,
    docCodePrefix: r.docCodePrefix,
    parentId: r.parentId,
    regionCode: r.regionCode,
    regionName: r.regionName,
    isLawEnforcementBody: r.isLawEnforcementBody,
    isReconsiderationOrgan: r.isReconsiderationOrgan,
    disabled: r.disabled,
    version: r.version,
    actions: orgActions(actor, r),
  };
}

export function toRegionDto(actor: Actor, r: RegionRow): Region {
  return {
    code: r.code,
    name: r.name,
    level: r.level as RegionLevel,
    parentCode: r.parentCode,
    path: r.path,
    validFrom: r.validFrom,
    validTo: r.validTo,
    version: r.version,
    actions: regionActions(actor, r),
  };
}

function regionScopeWhere(scope: Scope, actor: Actor): SQL {
  if (scope.kind === 'none') return sql`false`;
  if (scope.kind === 'org') return eq(regions.code, actor.regionCode);
  return sql`${regions.path} like ${escapeLike(scope.pathPrefix) + '%'}`;
}

// ---------------------------------------------------------------- regions

export async function listRegions(ctx: Ctx): Promise<Region[]> {
  requirePermission(ctx.actor, 'region.read');
  const actor = ctx.actor;
  const rows = await findRegions(ctx.db, regionScopeWhere(scopeFor(actor, 'region.read'), actor));
  return rows.map((r) => toRegionDto(actor, r));
}

export async function createRegion(
  ctx: Ctx,
  input: z.infer<typeof regionCreateSchema>,
  tx: DbOrTx = ctx.db,
): Promise<Region> {
  requirePermission(ctx.actor, 'region.write');
  const actor = ctx.actor;
  if (!input.parentCode)
    throw new AppError('INVALID_REGION_CODE', '请指定上级行政区划（顶级区划由安装时导入）');
  const parent = await findRegion(tx, input.parentCode);
  const scope = scopeFor(actor, 'region.write');
  if (!parent || scope.kind !== 'region' || !parent.path.startsWith(scope.pathPrefix)) {
    throw new AppError('INVALID_REGION_CODE', `上级行政区划 ${input.parentCode} 不存在或不在管辖范围内`);
  }
  if (LEVEL_ORDER.indexOf(input.level) <= LEVEL_ORDER.indexOf(parent.level as RegionLevel)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `下级区划的层级必须低于上级（${REGION_LEVELS[parent.level as RegionLevel]}）`,
    );
  }
  if (await findRegion(tx, input.code)) throw new AppError('DUPLICATE', `行政区划代码 ${input.code} 已存在`);
  const row = {
    code: input.code,
    name: input.name,
    level: input.level,
    parentCode: parent.code,
    path: `${parent.path}${input.code}/`,
    validFrom: input.validFrom,
  };
  const [created] = await tx.insert(regions).values(row).returning();
  await appendAudit(tx, ctx, {
    action: 'region.create',
    entityType: 'region',
    entityId: input.code,
    before: null,
    after: row,
  });
  return toRegionDto(actor, created as RegionRow);
}

export async function updateRegion(
  ctx: Ctx,
  code: string,
  input: z.infer<typeof regionUpdateSchema>,
): Promise<Region> {
  requirePermission(ctx.actor, 'region.write');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(regions).where(eq(regions.code, code)).for('update');
    if (!before || !regionActions(actor, before).includes('update')) throw new AppError('NOT_FOUND');
    if (before.version !== input.version) throw new AppError('STALE_WRITE');
    if (input.validTo && (await countRegionChildren(tx, code)) > 0) throw new AppError('REGION_HAS_CHILDREN');
    const [after] = await tx
      .update(regions)
      .set({
        name: input.name ?? before.name,
        validTo: input.validTo === undefined ? before.validTo : input.validTo,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(regions.code, code))
      .returning();
    await appendAudit(tx, ctx, {
      action: 'region.update',
      entityType: 'region',
      entityId: code,
      before,
      after,
    });
    return toRegionDto(actor, after as RegionRow);
  });
}

// ---------------------------------------------------------------- organisations

export async function listOrgs(ctx: Ctx, q: z.infer<typeof orgListQuerySchema>): Promise<Org[]> {
  requirePermission(ctx.actor, 'org.read');
  const actor = ctx.actor;
  const conds: (SQL | undefined)[] = [
    scopeWhere(scopeFor(actor, 'org.read'), organisations.id, organisations.regionPath),
  ];
  if (!q.includeDisabled) conds.push(eq(organisations.disabled, false));
  if (q.type) conds.push(eq(organisations.type, q.type));
  if (q.regionCode)
    conds.push(sql`${organisations.regionPath} like ${'%' + escapeLike(q.regionCode) + '/%'}`);
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    conds.push(
      or(
        sql`${organisations.name} like ${like}`,
        sql`${organisations.shortName} like ${like}`,
        sql`${organisations.uscc} like ${like}`,
      ),
    );
  }
  const rows = await findOrgs(ctx.db, and(...conds));
  return rows.map((r) => toOrgDto(actor, r));
}

export async function getOrg(ctx: Ctx, id: string): Promise<Org> {
  requirePermission(ctx.actor, 'org.read');
  const row = await findOrgById(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertInScope(ctx.actor, 'org.read', { orgId: row.id, regionPath: row.regionPath });
  return toOrgDto(ctx.actor, row);
}

async function checkParent(
  tx: DbOrTx,
  actor: Actor,
  parentId: string | null,
  selfId?: string,
): Promise<void> {
  if (!parentId) return;
  if (parentId === selfId) throw new AppError('VALIDATION_FAILED', '上级单位不能是本单位');
  const parent = await findOrgById(tx, parentId);
  if (
    !parent ||
    !inScope(scopeFor(actor, 'org.write'), { orgId: parent.id, regionPath: parent.regionPath })
  ) {
    throw new AppError('VALIDATION_FAILED', '上级单位不存在或不在管辖范围内');
  }
  // Refuse cycles: the new parent must not be a descendant of this organisation.
  if (selfId) {
    const res = await tx.execute<{ hit: boolean }>(sql`
      with recursive up as (select id, parent_id from organisations where id = ${parentId}
        union all select o.id, o.parent_id from organisations o join up on o.id = up.parent_id)
      select exists(select 1 from up where id = ${selfId}) as hit`);
    if (res.rows[0]?.hit) throw new AppError('VALIDATION_FAILED', '上级单位不能是本单位的下级单位');
  }
}

function duplicateMessage(e: unknown): AppError {
  const c = uniqueConstraint(e);
  if (c === 'organisations_uscc_uq') return new AppError('DUPLICATE', '统一社会信用代码已被其他单位使用');
  if (c === 'organisations_region_name_uq') return new AppError('DUPLICATE', '同一行政区划内已有同名单位');
  return new AppError('DUPLICATE');
}

/** Creates an organisation in the caller's transaction (the Excel import runs many in one). */
export async function createOrgTx(tx: DbOrTx, ctx: Ctx, input: OrgCreate): Promise<Org> {
  requirePermission(ctx.actor, 'org.write');
  const actor = ctx.actor;
  const region = await findRegion(tx, input.regionCode);
  const scope = scopeFor(actor, 'org.write');
  if (!region || scope.kind !== 'region' || !region.path.startsWith(scope.pathPrefix)) {
    throw new AppError('INVALID_REGION_CODE', `行政区划 ${input.regionCode} 不存在或不在管辖范围内`);
  }
  await checkParent(tx, actor, input.parentId);
  if (await orgNameTaken(tx, input.regionCode, input.name))
    throw new AppError('DUPLICATE', `${region.name}已有名为“${input.name}”的单位`);
  const values = { ...input, regionPath: region.path };
  let created;
  try {
    [created] = await tx.insert(organisations).values(values).returning();
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateMessage(e);
    throw e;
  }
  if (!created) throw new AppError('INTERNAL');
  await appendAudit(tx, ctx, {
    action: 'org.create',
    entityType: 'organisation',
    entityId: created.id,
    before: null,
    after: created,
  });
  return toOrgDto(actor, { ...created, regionName: region.name });
}

export async function createOrg(ctx: Ctx, input: OrgCreate): Promise<Org> {
  return ctx.db.transaction((tx) => createOrgTx(tx, ctx, input));
}

export async function updateOrg(ctx: Ctx, id: string, input: OrgUpdate): Promise<Org> {
  requirePermission(ctx.actor, 'org.write');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const before = await findOrgById(tx, id, true);
    if (!before) throw new AppError('NOT_FOUND');
    assertInScope(actor, 'org.write', { orgId: before.id, regionPath: before.regionPath });
    if (before.version !== input.version) throw new AppError('STALE_WRITE');
    const { version: _v, ...patch } = input;
    if (patch.parentId !== undefined) await checkParent(tx, actor, patch.parentId, id);
    if (patch.disabled === true && !before.disabled && (await countActiveChildren(tx, id)) > 0)
      throw new AppError('ORG_HAS_CHILDREN');
    if (
      patch.name &&
      patch.name !== before.name &&
      (await orgNameTaken(tx, before.regionCode, patch.name, id))
    ) {
      throw new AppError('DUPLICATE', '同一行政区划内已有同名单位');
    }
    let after;
    try {
      [after] = await tx
        .update(organisations)
        .set({ ...patch, version: before.version + 1, updatedAt: new Date() })
        .where(and(eq(organisations.id, id), eq(organisations.version, input.version)))
        .returning();
    } catch (e) {
      if (isUniqueViolation(e)) throw duplicateMessage(e);
      throw e;
    }
    if (!after) throw new AppError('STALE_WRITE');
    const { regionName: _rn, ...beforeRow } = before;
    const action =
      patch.disabled === true ? 'org.disable' : patch.disabled === false ? 'org.enable' : 'org.update';
    await appendAudit(tx, ctx, {
      action,
      entityType: 'organisation',
      entityId: id,
      before: beforeRow,
      after,
    });
    return toOrgDto(actor, { ...after, regionName: before.regionName });
  });
}
