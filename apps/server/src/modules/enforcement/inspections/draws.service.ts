import {
  DRAW_ALGORITHM_DESCRIPTION,
  type Draw,
  type DrawInput,
  type drawListQuerySchema,
  type publicDrawListQuerySchema,
} from '@fazhi/contracts';
import { and, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { requirePermission, scopeFor, scopeWhere } from '../../../platform/access/policy';
import { appendAudit } from '../../../platform/audit/audit.service';
import { shanghaiToday } from '../../../platform/clock/today';
import type { Actor, Ctx } from '../../../platform/context';
import type { DbOrTx } from '../../../platform/db/pool';
import { organisations, regions } from '../../../platform/db/schema';
import { AppError } from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/jobs';
import { enforcementOfficers } from '../officers/officers.tables';
import { certificatesValidOn } from '../officers/officers.validity';
import { DRAW_ALGORITHM, drawFrom, poolHash, randomSeed, sortPool } from './draw-algorithm';
import { checkUscc } from './enterprises.service';
import { BODY, READ, actingBody, assertRecordInScope, canDo, likePrefix } from './inspections.access';
import { enforcementEnterprises as ent, enforcementRandomDraws as draws } from './inspections.tables';
import { loadItem } from './items.service';
import { loadPlanRow } from './plans.service';

type DrawRow = typeof draws.$inferSelect;
const summaryColumns = {
  id: draws.id,
  orgId: draws.orgId,
  regionPath: draws.regionPath,
  title: draws.title,
  planId: draws.planId,
  itemId: draws.itemId,
  seed: draws.seed,
  algorithm: draws.algorithm,
  enterprisePoolHash: draws.enterprisePoolHash,
  enterprisePoolSize: sql<number>`cardinality(${draws.enterprisePool})`,
  enterpriseCount: draws.enterpriseCount,
  inspectorPoolHash: draws.inspectorPoolHash,
  inspectorPoolSize: sql<number>`cardinality(${draws.inspectorPool})`,
  inspectorCount: draws.inspectorCount,
  drawnAt: draws.drawnAt,
  publishedOn: draws.publishedOn,
  version: draws.version,
  orgName: organisations.name,
  regionCode: organisations.regionCode,
};
type Summary = {
  [K in keyof typeof summaryColumns]: K extends 'enterprisePoolSize' | 'inspectorPoolSize'
    ? number
    : K extends 'orgName' | 'regionCode'
      ? string
      : DrawRow[K & keyof DrawRow];
};

function summaryDto(s: Summary, actor: Actor | null) {
  const actions: string[] = [];
  if (actor && canDo(actor, READ, s)) actions.push('verify');
  if (actor && !s.publishedOn && canDo(actor, BODY, s)) actions.push('publish');
  return {
    id: s.id,
    org: { id: s.orgId, name: s.orgName },
    regionCode: s.regionCode,
    title: s.title,
    planId: s.planId,
    itemId: s.itemId,
    seed: s.seed,
    algorithm: s.algorithm,
    algorithmDescription: DRAW_ALGORITHM_DESCRIPTION,
    enterprisePoolHash: s.enterprisePoolHash,
    enterprisePoolSize: s.enterprisePoolSize,
    enterpriseCount: s.enterpriseCount,
    inspectorPoolHash: s.inspectorPoolHash,
    inspectorPoolSize: s.inspectorPoolSize,
    inspectorCount: s.inspectorCount,
    drawnAt: s.drawnAt.toISOString(),
    publishedOn: s.publishedOn,
    version: s.version,
    actions,
  };
}

const summaries = (db: DbOrTx) =>
  db.select(summaryColumns).from(draws).innerJoin(organisations, eq(organisations.id, draws.orgId));

async function page(db: DbOrTx, where: SQL | undefined, p: { page: number; pageSize: number }) {
  const [rows, [count]] = await Promise.all([
    summaries(db)
      .where(where)
      .orderBy(desc(draws.drawnAt))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(draws)
      .where(where),
  ]);
  return { rows: rows as Summary[], total: count?.n ?? 0 };
}

export async function listDraws(ctx: Ctx, q: z.infer<typeof drawListQuerySchema>) {
  requirePermission(ctx.actor, READ);
  const actor = ctx.actor;
  const where = and(
    scopeWhere(scopeFor(actor, READ), draws.orgId, draws.regionPath),
    q.orgId ? eq(draws.orgId, q.orgId) : undefined,
  );
  const { rows, total } = await page(ctx.db, where, q);
  return { items: rows.map((r) => summaryDto(r, actor)), total, page: q.page, pageSize: q.pageSize };
}

async function resultOf(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ enterpriseResult: draws.enterpriseResult, inspectorResult: draws.inspectorResult })
    .from(draws)
    .where(eq(draws.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  const named = row.enterpriseResult.length
    ? await db
        .select({ uscc: ent.uscc, name: ent.name })
        .from(ent)
        .where(inArray(ent.uscc, row.enterpriseResult))
    : [];
  const names = new Map(named.map((n) => [n.uscc, n.name]));
  return {
    enterprises: row.enterpriseResult.map((uscc) => ({ uscc, name: names.get(uscc) ?? '' })),
    inspectorIds: row.inspectorResult,
  };
}

async function loadSummary(db: DbOrTx, id: string) {
  const [row] = await summaries(db).where(eq(draws.id, id));
  return row as Summary | undefined;
}

export async function getDraw(ctx: Ctx, id: string): Promise<Draw> {
  const s = await loadSummary(ctx.db, id);
  if (!s) throw new AppError('NOT_FOUND');
  const actor = assertRecordInScope(ctx, READ, s);
  return { ...summaryDto(s, actor), ...(await resultOf(ctx.db, id)) };
}

/** 双随机一公开 (优化营商环境条例 第五十四条): published draws with seed and algorithm, for anyone to re-draw. */
export async function listPublicDraws(ctx: Ctx, q: z.infer<typeof publicDrawListQuerySchema>) {
  let prefix: string | undefined;
  if (q.regionCode) {
    const [r] = await ctx.db
      .select({ path: regions.path })
      .from(regions)
      .where(eq(regions.code, q.regionCode));
    if (!r) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    prefix = r.path;
  }
  const where = and(
    isNotNull(draws.publishedOn),
    prefix ? sql`${draws.regionPath} like ${likePrefix(prefix)}` : undefined,
  );
  const { rows, total } = await page(ctx.db, where, q);
  return { items: rows.map((r) => publicSummary(r)), total, page: q.page, pageSize: q.pageSize };
}

function publicSummary(s: Summary) {
  const { actions: _a, version: _v, planId: _p, ...rest } = summaryDto(s, null);
  return rest;
}

export async function getPublicDraw(ctx: Ctx, id: string) {
  const s = await loadSummary(ctx.db, id);
  if (!s || !s.publishedOn) throw new AppError('NOT_FOUND', '该抽取结果不存在或尚未公开');
  const { enterprises } = await resultOf(ctx.db, id);
  return { ...publicSummary(s), enterprises };
}

/** The enterprise pool: an uploaded list (each code checked, each registered in scope) or criteria in scope. */
async function enterprisePool(db: DbOrTx, regionPath: string, input: DrawInput): Promise<string[]> {
  if (input.usccList && input.usccList.length) {
    const invalid = input.usccList.filter((u) => {
      try {
        checkUscc(u);
        return false;
      } catch {
        return true;
      }
    });
    if (invalid.length)
      throw new AppError(
        'INVALID_USCC',
        `名单中有 ${invalid.length} 个统一社会信用代码无效：${invalid.slice(0, 10).join('、')}`,
        {
          invalid: invalid.slice(0, 100),
        },
      );
    const codes = [...new Set(input.usccList.map((u) => u.trim().toUpperCase()))];
    const found = await db
      .select({ uscc: ent.uscc })
      .from(ent)
      .where(and(inArray(ent.uscc, codes), sql`${ent.regionPath} like ${likePrefix(regionPath)}`));
    if (found.length !== codes.length) {
      const known = new Set(found.map((f) => f.uscc));
      const missing = codes.filter((c) => !known.has(c));
      throw new AppError(
        'VALIDATION_FAILED',
        `名单中有 ${missing.length} 家企业未登记或不在本机关辖区：${missing.slice(0, 10).join('、')}，请先登记企业`,
        { missing: missing.slice(0, 100) },
      );
    }
    return found.map((f) => f.uscc);
  }
  const c = input.criteria ?? {};
  let prefix = regionPath;
  if (c.regionCode) {
    const [r] = await db.select({ path: regions.path }).from(regions).where(eq(regions.code, c.regionCode));
    if (!r || !r.path.startsWith(regionPath)) throw new AppError('NOT_FOUND', '所选行政区划不在本机关辖区内');
    prefix = r.path;
  }
  // One row holding the whole pool (byte order, as the algorithm sorts): far cheaper than 200,000 rows.
  const res = await db.execute<{ pool: string[] | null }>(sql`
    select array_agg(${ent.uscc} order by ${ent.uscc} collate "C") as pool from ${ent}
     where ${ent.regionPath} like ${likePrefix(prefix)}
       ${c.industry ? sql`and ${ent.industry} = ${c.industry}` : sql``}
       ${c.riskGrade ? sql`and ${ent.riskGrade} = ${c.riskGrade}` : sql``}`);
  return res.rows[0]?.pool ?? [];
}

/** The inspector pool: the body's active officers (or the given subset) whose certificate is valid today. */
async function inspectorPool(db: DbOrTx, orgId: string, input: DrawInput, today: string): Promise<string[]> {
  const officers = await db
    .select({ id: enforcementOfficers.id })
    .from(enforcementOfficers)
    .where(
      and(
        eq(enforcementOfficers.orgId, orgId),
        eq(enforcementOfficers.status, 'active'),
        input.inspectorIds?.length ? inArray(enforcementOfficers.id, input.inspectorIds) : undefined,
      ),
    );
  const valid = await certificatesValidOn(
    db,
    officers.map((o) => o.id),
    today,
  );
  return [...valid].filter(([, c]) => c !== null).map(([id]) => id);
}

export async function createDraw(ctx: Ctx, input: DrawInput): Promise<Draw> {
  const { actor, body } = await actingBody(ctx);
  if (input.planId) {
    const plan = await loadPlanRow(ctx.db, input.planId);
    if (!plan || plan.plan.orgId !== body.id) throw new AppError('NOT_FOUND', '检查计划不存在或不属于本机关');
    if (plan.plan.status !== 'accepted') throw new AppError('INSPECTION_PLAN_NOT_ACCEPTED');
  }
  if (input.itemId) {
    const item = await loadItem(ctx.db, input.itemId);
    if (!item || item.item.orgId !== body.id || !item.item.published)
      throw new AppError('INSPECTION_ITEM_NOT_LISTED');
  }
  const today = shanghaiToday(ctx.now());
  const seed = input.seed ?? randomSeed();
  const ePool = sortPool(await enterprisePool(ctx.db, body.regionPath, input));
  if (ePool.length === 0)
    throw new AppError('DRAW_POOL_EMPTY', '抽取库为空：没有符合条件的检查对象（企业），请调整抽取条件或名单');
  if (input.enterpriseCount > ePool.length)
    throw new AppError(
      'DRAW_SIZE_TOO_LARGE',
      `抽取企业数（${input.enterpriseCount}）不能超过抽取库的企业数（${ePool.length}）`,
    );
  let iPool: string[] = [];
  if (input.inspectorCount > 0) {
    iPool = sortPool(await inspectorPool(ctx.db, body.id, input, today));
    if (iPool.length === 0)
      throw new AppError('DRAW_POOL_EMPTY', '执法人员库为空：本机关没有当日执法证件有效的执法人员');
    if (input.inspectorCount > iPool.length)
      throw new AppError(
        'DRAW_SIZE_TOO_LARGE',
        `抽取执法人员数（${input.inspectorCount}）不能超过执法人员库人数（${iPool.length}）`,
      );
  }
  const eResult = drawFrom(ePool, input.enterpriseCount, seed, 'enterprises');
  const iResult = input.inspectorCount > 0 ? drawFrom(iPool, input.inspectorCount, seed, 'inspectors') : [];
  const ePoolHash = poolHash(ePool);
  const iPoolHash = iPool.length ? poolHash(iPool) : null;
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(draws)
      .values({
        orgId: body.id,
        regionPath: body.regionPath,
        title: input.title,
        planId: input.planId ?? null,
        itemId: input.itemId ?? null,
        criteria: input.usccList?.length ? { source: 'list' } : (input.criteria ?? {}),
        seed,
        algorithm: DRAW_ALGORITHM,
        enterprisePool: ePool,
        enterprisePoolHash: ePoolHash,
        enterpriseCount: input.enterpriseCount,
        enterpriseResult: eResult,
        inspectorPool: iPool,
        inspectorPoolHash: iPoolHash,
        inspectorCount: input.inspectorCount,
        inspectorResult: iResult,
        drawnBy: actor.userId,
        drawnAt: ctx.now(),
      })
      .returning({ id: draws.id });
    if (!row) throw new AppError('INTERNAL');
    await appendAudit(tx, ctx, {
      action: 'enforcement.random_draw.create',
      entityType: 'enforcement_random_draw',
      entityId: row.id,
      before: null,
      after: {
        seed,
        algorithm: DRAW_ALGORITHM,
        enterprisePoolHash: ePoolHash,
        enterprisePoolSize: ePool.length,
        enterpriseResult: eResult,
        inspectorPoolHash: iPoolHash,
        inspectorResult: iResult,
      },
    });
    await enqueueEvent(tx, 'enforcement.random_draw.created', { drawId: row.id, orgId: body.id });
    return row.id;
  });
  return getDraw(ctx, id);
}

/** Re-runs the draw on the stored pool snapshot (with the recorded seed or another one) and compares. */
export async function verifyDraw(ctx: Ctx, id: string, seedIn: string | undefined) {
  const [row] = await ctx.db.select().from(draws).where(eq(draws.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  assertRecordInScope(ctx, READ, row);
  const seed = seedIn ?? row.seed;
  const ePool = sortPool(row.enterprisePool);
  const iPool = sortPool(row.inspectorPool);
  const e = drawFrom(ePool, row.enterpriseCount, seed, 'enterprises');
  const i = row.inspectorCount > 0 ? drawFrom(iPool, row.inspectorCount, seed, 'inspectors') : [];
  const snapshotIntact =
    poolHash(ePool) === row.enterprisePoolHash &&
    (iPool.length ? poolHash(iPool) : null) === row.inspectorPoolHash;
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, k) => x === b[k]);
  return {
    seed,
    algorithm: row.algorithm,
    enterpriseUsccs: e,
    inspectorIds: i,
    snapshotIntact,
    matchesRecorded: same(e, row.enterpriseResult) && same(i, row.inspectorResult),
  };
}

/** 一公开: publishes the result (seed, algorithm, pool hash, drawn enterprises) on the portal. */
export async function publishDraw(ctx: Ctx, id: string, version: number): Promise<Draw> {
  requirePermission(ctx.actor, BODY);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        orgId: draws.orgId,
        regionPath: draws.regionPath,
        version: draws.version,
        publishedOn: draws.publishedOn,
      })
      .from(draws)
      .where(eq(draws.id, id))
      .for('update');
    if (!row) throw new AppError('NOT_FOUND');
    assertRecordInScope(ctx, BODY, row);
    if (row.version !== version) throw new AppError('STALE_WRITE');
    if (row.publishedOn) throw new AppError('ILLEGAL_TRANSITION', '该抽取结果已公开');
    const on = shanghaiToday(ctx.now());
    await tx
      .update(draws)
      .set({ publishedOn: on, version: version + 1 })
      .where(eq(draws.id, id));
    await appendAudit(tx, ctx, {
      action: 'enforcement.random_draw.publish',
      entityType: 'enforcement_random_draw',
      entityId: id,
      before: { publishedOn: null },
      after: { publishedOn: on },
    });
    await enqueueEvent(tx, 'enforcement.random_draw.published', { drawId: id });
  });
  return getDraw(ctx, id);
}
