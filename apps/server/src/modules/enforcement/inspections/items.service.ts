import type {
  InspectionItem,
  inspectionItemInputSchema,
  inspectionItemListQuerySchema,
  inspectionItemUpdateSchema,
  publicInspectionItemQuerySchema,
} from '@fazhi/contracts';
import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { escapeLike, requirePermission, scopeFor, scopeWhere } from '../../../platform/access/policy';
import { appendAudit } from '../../../platform/audit/audit.service';
import { shanghaiToday } from '../../../platform/clock/today';
import type { Actor, Ctx } from '../../../platform/context';
import type { DbOrTx } from '../../../platform/db/pool';
import { organisations, regions } from '../../../platform/db/schema';
import { AppError, isUniqueViolation } from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/jobs';
import { BODY, READ, actingBody, assertRecordInScope, canDo, likePrefix } from './inspections.access';
import { enforcementInspectionItems as items, enforcementInspectionLists } from './inspections.tables';

const columns = {
  item: items,
  orgName: organisations.name,
  regionCode: organisations.regionCode,
};
type Joined = { item: typeof items.$inferSelect; orgName: string; regionCode: string };

function dto(r: Joined, actor: Actor | null): InspectionItem {
  const i = r.item;
  const actions: string[] = [];
  if (actor && canDo(actor, BODY, i)) {
    if (!i.published) actions.push('edit', 'publish');
    else actions.push('withdraw');
  }
  return {
    id: i.id,
    org: { id: i.orgId, name: r.orgName },
    regionCode: r.regionCode,
    code: i.code,
    name: i.name,
    legalBasis: i.legalBasis,
    object: i.object,
    method: i.method as InspectionItem['method'],
    category: i.category as InspectionItem['category'],
    frequency: i.frequency,
    published: i.published,
    publishedOn: i.publishedOn,
    withdrawnOn: i.withdrawnOn,
    listVersion: i.listVersion,
    version: i.version,
    actions,
  };
}

const base = (db: DbOrTx) =>
  db.select(columns).from(items).innerJoin(organisations, eq(organisations.id, items.orgId));

async function page(db: DbOrTx, where: SQL | undefined, p: { page: number; pageSize: number }) {
  const [rows, [count]] = await Promise.all([
    base(db)
      .where(where)
      .orderBy(asc(organisations.name), asc(items.code))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(items)
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

const textFilter = (q: string | undefined) => {
  if (!q) return undefined;
  const like = `%${escapeLike(q)}%`;
  return or(ilike(items.name, like), ilike(items.code, like));
};

export async function listItems(ctx: Ctx, q: z.infer<typeof inspectionItemListQuerySchema>) {
  requirePermission(ctx.actor, READ);
  const actor = ctx.actor;
  const where = and(
    scopeWhere(scopeFor(actor, READ), items.orgId, items.regionPath),
    q.orgId ? eq(items.orgId, q.orgId) : undefined,
    q.published ? eq(items.published, q.published === 'true') : undefined,
    textFilter(q.q),
  );
  const { rows, total } = await page(ctx.db, where, q);
  return { items: rows.map((r) => dto(r, actor)), total, page: q.page, pageSize: q.pageSize };
}

/** 公开: every body's published list ("清单之外无检查" presupposes the list is public). */
export async function listPublicItems(ctx: Ctx, q: z.infer<typeof publicInspectionItemQuerySchema>) {
  let regionPrefix: string | undefined;
  if (q.regionCode) {
    const [r] = await ctx.db
      .select({ path: regions.path })
      .from(regions)
      .where(eq(regions.code, q.regionCode));
    if (!r) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    regionPrefix = r.path;
  }
  const where = and(
    eq(items.published, true),
    q.orgId ? eq(items.orgId, q.orgId) : undefined,
    regionPrefix ? sql`${items.regionPath} like ${likePrefix(regionPrefix)}` : undefined,
    textFilter(q.q),
  );
  const { rows, total } = await page(ctx.db, where, q);
  return {
    items: rows.map((r) => {
      const { actions: _a, version: _v, withdrawnOn: _w, ...pub } = dto(r, null);
      return pub;
    }),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function loadItem(db: DbOrTx, id: string, forUpdate = false) {
  const q = base(db).where(eq(items.id, id));
  const [row] = forUpdate ? await q.for('update', { of: items }) : await q;
  return row;
}

export async function createItem(ctx: Ctx, input: z.infer<typeof inspectionItemInputSchema>) {
  const { actor, body } = await actingBody(ctx);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(items)
        .values({ ...input, orgId: body.id, regionPath: body.regionPath, createdBy: actor.userId })
        .returning();
      if (!row) throw new AppError('INTERNAL');
      await appendAudit(tx, ctx, {
        action: 'enforcement.inspection_item.create',
        entityType: 'enforcement_inspection_item',
        entityId: row.id,
        before: null,
        after: { ...input, orgId: body.id },
      });
      return dto({ item: row, orgName: body.name, regionCode: body.regionCode }, actor);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('DUPLICATE', `本机关已有编码为 ${input.code} 的检查事项`);
    throw e;
  }
}

async function lockOwnItem(ctx: Ctx, tx: DbOrTx, id: string, version: number) {
  const row = await loadItem(tx, id, true);
  if (!row) throw new AppError('NOT_FOUND');
  const actor = assertRecordInScope(ctx, BODY, row.item);
  if (row.item.version !== version) throw new AppError('STALE_WRITE');
  return { row, actor };
}

export async function updateItem(ctx: Ctx, id: string, input: z.infer<typeof inspectionItemUpdateSchema>) {
  requirePermission(ctx.actor, BODY);
  const { version, ...fields } = input;
  try {
    return await ctx.db.transaction(async (tx) => {
      const { row, actor } = await lockOwnItem(ctx, tx, id, version);
      if (row.item.published)
        throw new AppError('ILLEGAL_TRANSITION', '已公布的检查事项不能直接修改，请先撤回，修改后重新公布');
      const [next] = await tx
        .update(items)
        .set({ ...fields, version: version + 1, updatedAt: ctx.now() })
        .where(eq(items.id, id))
        .returning();
      if (!next) throw new AppError('INTERNAL');
      await appendAudit(tx, ctx, {
        action: 'enforcement.inspection_item.update',
        entityType: 'enforcement_inspection_item',
        entityId: id,
        before: row.item,
        after: next,
      });
      return dto({ ...row, item: next }, actor);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('DUPLICATE', `本机关已有编码为 ${input.code} 的检查事项`);
    throw e;
  }
}

/**
 * Publish / withdraw: each change bumps the body's list version (the list is "dynamically managed",
 * 国办发〔2024〕54号) and the item records the version it was (un)published in.
 */
export async function setItemPublished(ctx: Ctx, id: string, version: number, publish: boolean) {
  requirePermission(ctx.actor, BODY);
  return ctx.db.transaction(async (tx) => {
    const { row, actor } = await lockOwnItem(ctx, tx, id, version);
    if (row.item.published === publish)
      throw new AppError('ILLEGAL_TRANSITION', publish ? '该检查事项已公布' : '该检查事项尚未公布');
    const today = shanghaiToday(ctx.now());
    const [list] = await tx
      .insert(enforcementInspectionLists)
      .values({ orgId: row.item.orgId, listVersion: 1, publishedOn: today })
      .onConflictDoUpdate({
        target: enforcementInspectionLists.orgId,
        set: { listVersion: sql`${enforcementInspectionLists.listVersion} + 1`, publishedOn: today },
      })
      .returning();
    const [next] = await tx
      .update(items)
      .set({
        published: publish,
        publishedOn: publish ? today : row.item.publishedOn,
        withdrawnOn: publish ? null : today,
        listVersion: list?.listVersion ?? 1,
        version: version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(items.id, id))
      .returning();
    if (!next) throw new AppError('INTERNAL');
    await appendAudit(tx, ctx, {
      action: publish ? 'enforcement.inspection_item.publish' : 'enforcement.inspection_item.withdraw',
      entityType: 'enforcement_inspection_item',
      entityId: id,
      before: { published: row.item.published, listVersion: row.item.listVersion },
      after: { published: publish, listVersion: next.listVersion, on: today },
    });
    await enqueueEvent(tx, 'enforcement.inspection_item.published', { itemId: id, published: publish });
    return dto({ ...row, item: next }, actor);
  });
}
