import {
  isValidUscc,
  type Enterprise,
  type enterpriseInputSchema,
  type enterpriseListQuerySchema,
  type enterpriseUpdateSchema,
} from '@fazhi/contracts';
import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { escapeLike, requirePermission } from '../../../platform/access/policy';
import { appendAudit } from '../../../platform/audit/audit.service';
import type { Actor, Ctx } from '../../../platform/context';
import type { DbOrTx } from '../../../platform/db/pool';
import { AppError, isUniqueViolation } from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/jobs';
import { findRegion } from '../../org';
import { BODY, READ, likePrefix } from './inspections.access';
import { enforcementEnterprises as ent } from './inspections.tables';

type Row = typeof ent.$inferSelect;
const dto = (r: Row): Enterprise => ({
  id: r.id,
  uscc: r.uscc,
  name: r.name,
  regionCode: r.regionCode,
  industry: r.industry,
  riskGrade: r.riskGrade,
  version: r.version,
});

/** 统一社会信用代码 check (GB 32100, both check characters) → 400 INVALID_USCC naming the code. */
export function checkUscc(uscc: string): string {
  const code = uscc.trim().toUpperCase();
  if (!isValidUscc(code))
    throw new AppError('INVALID_USCC', `统一社会信用代码“${uscc}”无效（应为18位，且校验位正确），请核对`);
  return code;
}

const enterpriseScope = (actor: Actor): SQL => sql`${ent.regionPath} like ${likePrefix(actor.regionPath)}`;

export async function listEnterprises(ctx: Ctx, q: z.infer<typeof enterpriseListQuerySchema>) {
  requirePermission(ctx.actor, READ);
  const conds: (SQL | undefined)[] = [enterpriseScope(ctx.actor)];
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    conds.push(or(ilike(ent.name, like), ilike(ent.uscc, like)));
  }
  if (q.regionCode) conds.push(eq(ent.regionCode, q.regionCode));
  const where = and(...conds);
  const [rows, [count]] = await Promise.all([
    ctx.db
      .select()
      .from(ent)
      .where(where)
      .orderBy(asc(ent.name))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(ent)
      .where(where),
  ]);
  return { items: rows.map(dto), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** The enterprise if the caller's scope covers its region; NOT_FOUND otherwise. */
export async function loadEnterprise(db: DbOrTx, actor: Actor, id: string, forUpdate = false): Promise<Row> {
  const q = db.select().from(ent).where(eq(ent.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row || !row.regionPath.startsWith(actor.regionPath))
    throw new AppError('NOT_FOUND', '企业不存在或不在管辖范围内');
  return row;
}

async function scopedRegion(db: DbOrTx, actor: Actor, code: string | undefined) {
  const region = await findRegion(db, code ?? actor.regionCode);
  if (!region) throw new AppError('INVALID_REGION_CODE');
  if (!region.path.startsWith(actor.regionPath))
    throw new AppError('NOT_FOUND', '所选行政区划不在管辖范围内');
  return region;
}

export async function createEnterprise(ctx: Ctx, input: z.infer<typeof enterpriseInputSchema>) {
  requirePermission(ctx.actor, BODY);
  const actor = ctx.actor;
  const uscc = checkUscc(input.uscc);
  const region = await scopedRegion(ctx.db, actor, input.regionCode);
  try {
    return await ctx.db.transaction((tx) =>
      insertEnterpriseTx(tx, ctx, {
        uscc,
        name: input.name,
        regionCode: region.code,
        regionPath: region.path,
        industry: input.industry ?? null,
        riskGrade: input.riskGrade ?? null,
      }),
    );
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError('ENTERPRISE_DUPLICATE', `统一社会信用代码 ${uscc} 的企业已登记`);
    throw e;
  }
}

export async function updateEnterprise(ctx: Ctx, id: string, input: z.infer<typeof enterpriseUpdateSchema>) {
  requirePermission(ctx.actor, BODY);
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const cur = await loadEnterprise(tx, actor, id, true);
    if (cur.version !== input.version) throw new AppError('STALE_WRITE');
    const region = await scopedRegion(tx, actor, input.regionCode ?? cur.regionCode);
    const [row] = await tx
      .update(ent)
      .set({
        name: input.name,
        regionCode: region.code,
        regionPath: region.path,
        industry: input.industry ?? null,
        riskGrade: input.riskGrade ?? null,
        version: cur.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(ent.id, id))
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await appendAudit(tx, ctx, {
      action: 'enforcement.enterprise.update',
      entityType: 'enforcement_enterprise',
      entityId: id,
      before: dto(cur),
      after: dto(row),
    });
    return dto(row);
  });
}

export type EnterpriseRowInput = {
  uscc: string;
  name: string;
  regionCode: string;
  regionPath: string;
  industry: string | null;
  riskGrade: string | null;
};

/** Inserts one checked enterprise with its audit entry and event, in the caller's transaction (form and import). */
export async function insertEnterpriseTx(tx: DbOrTx, ctx: Ctx, v: EnterpriseRowInput): Promise<Enterprise> {
  const [row] = await tx
    .insert(ent)
    .values({ ...v, createdBy: ctx.actor?.userId ?? null })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  await appendAudit(tx, ctx, {
    action: 'enforcement.enterprise.create',
    entityType: 'enforcement_enterprise',
    entityId: row.id,
    before: null,
    after: dto(row),
  });
  await enqueueEvent(tx, 'enforcement.enterprise.created', { enterpriseId: row.id });
  return dto(row);
}
