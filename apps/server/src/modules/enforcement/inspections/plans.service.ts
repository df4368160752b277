import {
  INSPECTION_PLAN_TRANSITIONS,
  type InspectionPlan,
  type InspectionPlanAction,
  type InspectionPlanStatus,
  type inspectionPlanActionSchema,
  type inspectionPlanInputSchema,
  type inspectionPlanListQuerySchema,
} from '@fazhi/contracts';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { requirePermission, scopeFor, scopeWhere } from '../../../platform/access/policy';
import { appendAudit } from '../../../platform/audit/audit.service';
import { shanghaiToday } from '../../../platform/clock/today';
import type { Actor, Ctx } from '../../../platform/context';
import type { DbOrTx } from '../../../platform/db/pool';
import { organisations } from '../../../platform/db/schema';
import { AppError } from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/jobs';
import { BODY, READ, SUPERVISE, actingBody, assertRecordInScope, canDo } from './inspections.access';
import { enforcementInspectionItems, enforcementInspectionPlans as plans } from './inspections.tables';

type Joined = { plan: typeof plans.$inferSelect; orgName: string; regionCode: string };
const columns = { plan: plans, orgName: organisations.name, regionCode: organisations.regionCode };

function actionsFor(actor: Actor, p: typeof plans.$inferSelect): string[] {
  const status = p.status as InspectionPlanStatus;
  return (Object.keys(INSPECTION_PLAN_TRANSITIONS) as InspectionPlanAction[]).filter((a) => {
    const t = INSPECTION_PLAN_TRANSITIONS[a];
    if (!(t.from as readonly string[]).includes(status)) return false;
    return canDo(actor, t.by === 'body' ? BODY : SUPERVISE, p);
  });
}

function dto(r: Joined, actor: Actor): InspectionPlan {
  const p = r.plan;
  return {
    id: p.id,
    org: { id: p.orgId, name: r.orgName },
    regionCode: r.regionCode,
    year: p.year,
    kind: p.kind as InspectionPlan['kind'],
    title: p.title,
    itemIds: p.itemIds,
    status: p.status as InspectionPlanStatus,
    submittedOn: p.submittedOn,
    decidedOn: p.decidedOn,
    decisionNote: p.decisionNote,
    version: p.version,
    actions: actionsFor(actor, p),
  };
}

const base = (db: DbOrTx) =>
  db.select(columns).from(plans).innerJoin(organisations, eq(organisations.id, plans.orgId));

export async function loadPlanRow(db: DbOrTx, id: string, forUpdate = false) {
  const q = base(db).where(eq(plans.id, id));
  const [row] = forUpdate ? await q.for('update', { of: plans }) : await q;
  return row;
}

export async function listPlans(ctx: Ctx, q: z.infer<typeof inspectionPlanListQuerySchema>) {
  requirePermission(ctx.actor, READ);
  const actor = ctx.actor;
  const where = and(
    scopeWhere(scopeFor(actor, READ), plans.orgId, plans.regionPath),
    q.orgId ? eq(plans.orgId, q.orgId) : undefined,
    q.year ? eq(plans.year, q.year) : undefined,
    q.status ? eq(plans.status, q.status) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    base(ctx.db)
      .where(where)
      .orderBy(desc(plans.year), desc(plans.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(plans)
      .where(where),
  ]);
  return { items: rows.map((r) => dto(r, actor)), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function getPlan(ctx: Ctx, id: string) {
  const row = await loadPlanRow(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const actor = assertRecordInScope(ctx, READ, row.plan);
  return dto(row, actor);
}

/** A plan lists only the body's own items (its own 检查事项清单). */
export async function createPlan(ctx: Ctx, input: z.infer<typeof inspectionPlanInputSchema>) {
  const { actor, body } = await actingBody(ctx);
  const itemIds = [...new Set(input.itemIds)];
  const own = await ctx.db
    .select({ id: enforcementInspectionItems.id })
    .from(enforcementInspectionItems)
    .where(
      and(inArray(enforcementInspectionItems.id, itemIds), eq(enforcementInspectionItems.orgId, body.id)),
    );
  if (own.length !== itemIds.length)
    throw new AppError('VALIDATION_FAILED', '检查计划只能包含本机关检查事项清单中的事项，请重新选择');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(plans)
      .values({ ...input, itemIds, orgId: body.id, regionPath: body.regionPath, createdBy: actor.userId })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await appendAudit(tx, ctx, {
      action: 'enforcement.inspection_plan.create',
      entityType: 'enforcement_inspection_plan',
      entityId: row.id,
      before: null,
      after: { ...input, orgId: body.id },
    });
    return dto({ plan: row, orgName: body.name, regionCode: body.regionCode }, actor);
  });
}

/**
 * submit (body) / accept, return (the justice bureau's supervision office on the government's behalf).
 * The transition table is data (contracts inspections.states.ts); an action not allowed → 409 ILLEGAL_TRANSITION.
 */
export async function transitionPlan(
  ctx: Ctx,
  id: string,
  action: InspectionPlanAction,
  input: z.infer<typeof inspectionPlanActionSchema>,
) {
  const t = INSPECTION_PLAN_TRANSITIONS[action];
  const permission = t.by === 'body' ? BODY : SUPERVISE;
  requirePermission(ctx.actor, permission);
  return ctx.db.transaction(async (tx) => {
    const row = await loadPlanRow(tx, id, true);
    if (!row) throw new AppError('NOT_FOUND');
    const actor = assertRecordInScope(ctx, permission, row.plan);
    if (row.plan.version !== input.version) throw new AppError('STALE_WRITE');
    if (!(t.from as readonly string[]).includes(row.plan.status)) throw new AppError('ILLEGAL_TRANSITION');
    if (action === 'return' && !input.note)
      throw new AppError('VALIDATION_FAILED', '退回检查计划时请写明退回理由');
    const on = input.date ?? shanghaiToday(ctx.now());
    const set =
      action === 'submit'
        ? { submittedOn: on }
        : { decidedOn: on, decidedBy: actor.userId, decisionNote: input.note ?? null };
    const [next] = await tx
      .update(plans)
      .set({ ...set, status: t.to, version: row.plan.version + 1, updatedAt: ctx.now() })
      .where(eq(plans.id, id))
      .returning();
    if (!next) throw new AppError('INTERNAL');
    await appendAudit(tx, ctx, {
      action: `enforcement.inspection_plan.${action}`,
      entityType: 'enforcement_inspection_plan',
      entityId: id,
      before: { status: row.plan.status },
      after: { status: t.to, on, note: input.note ?? null },
    });
    await enqueueEvent(tx, `enforcement.inspection_plan.${action}`, { planId: id, orgId: row.plan.orgId });
    return dto({ ...row, plan: next }, actor);
  });
}
