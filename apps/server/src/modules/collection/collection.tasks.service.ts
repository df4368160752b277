import {
  COLLECTION_SECTIONS,
  COLLECTION_TARGET_ORG_TYPES,
  type CollectionTask,
  type CollectionTaskCreate,
  type CollectionTaskListQuery,
  type CollectionTaskSummary,
} from '@fazhi/contracts';
import { and, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import {
  assertInScope,
  escapeLike,
  requirePermission,
  scopeFor,
  scopeWhere,
} from '../../platform/access/policy';
import { shanghaiToday } from '../../platform/clock/today';
import type { Actor, Ctx } from '../../platform/context';
import type { DbOrTx } from '../../platform/db/pool';
import { organisations } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import { completeClockInTx, openClockInTx } from '../clocks';
import { assertIndicatorsExist } from '../indicators';
import { auditable, auditCollection } from './collection.audit';
import { notifyTargets } from './collection.notify';
import { targetActions } from './collection.policy';
import {
  findTargets,
  findTask,
  findTasks,
  progressOf,
  type TargetWithOrg,
  type TaskWithOrg,
} from './collection.repository';
import { taskRollup } from './collection.rollup';
import { collectionTargets, collectionTasks } from './collection.tables';

const bad = (message: string) => new AppError('VALIDATION_FAILED', message);

/** 法治政府建设与责任落实督察工作规定（厅字〔2019〕28号）: 部门年度报告 3月1日前报送 — the clock's context. */
export const COLLECTION_LEGAL_BASIS =
  '法治政府建设与责任落实督察工作规定（厅字〔2019〕28号）: 年度报告 3月1日前报送';

const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** Loads a task the caller manages (404 outside the task's region tree). */
export async function managedTask(db: DbOrTx, actor: Actor, id: string, forUpdate = false) {
  const task = await findTask(db, id, forUpdate);
  if (!task) throw new AppError('NOT_FOUND');
  assertInScope(actor, 'collection.manage', task);
  return task;
}

export function targetFacts(task: TaskWithOrg, t: { orgId: string; regionPath: string; status: string }) {
  return {
    orgId: t.orgId,
    regionPath: t.regionPath,
    status: t.status,
    taskStatus: task.status,
    taskRegionPath: task.regionPath,
    taskOrgId: task.orgId,
  };
}

export function targetRow(actor: Actor, task: TaskWithOrg, t: TargetWithOrg, today: string) {
  return {
    id: t.id,
    taskId: t.taskId,
    orgId: t.orgId,
    orgName: t.orgName,
    orgType: t.orgType,
    status: t.status as CollectionTask['targets'][number]['status'],
    overdue: ['pending', 'returned'].includes(t.status) && task.status === 'open' && task.dueDate < today,
    filledCount: t.filledCount,
    submittedAt: t.submittedAt?.toISOString() ?? null,
    signedAt: t.signedAt?.toISOString() ?? null,
    decidedAt: t.decidedAt?.toISOString() ?? null,
    returnReason: t.returnReason,
    version: t.version,
    actions: targetActions(actor, targetFacts(task, t)),
  };
}

const EMPTY_PROGRESS = {
  total: 0,
  pending: 0,
  submitted: 0,
  signed: 0,
  accepted: 0,
  returned: 0,
  overdue: 0,
};

function summary(t: TaskWithOrg, progress: Record<string, number> | undefined): CollectionTaskSummary {
  return {
    id: t.id,
    title: t.title,
    period: t.period,
    orgId: t.orgId,
    orgName: t.orgName,
    regionCode: t.regionCode,
    dueDate: t.dueDate,
    status: t.status as CollectionTaskSummary['status'],
    indicatorCount: t.indicatorCodes.length,
    progress: { ...EMPTY_PROGRESS, ...progress },
    version: t.version,
    createdAt: t.createdAt.toISOString(),
  };
}

function listWhere(actor: Actor, q: Omit<CollectionTaskListQuery, 'page' | 'pageSize'>): SQL {
  const conds: SQL[] = [
    scopeWhere(scopeFor(actor, 'collection.manage'), collectionTasks.orgId, collectionTasks.regionPath),
  ];
  if (q.period) conds.push(eq(collectionTasks.period, q.period));
  if (q.status) conds.push(eq(collectionTasks.status, q.status));
  if (q.q) conds.push(ilike(collectionTasks.title, `%${escapeLike(q.q)}%`));
  return and(...conds) as SQL;
}

export async function listTasks(ctx: Ctx, q: CollectionTaskListQuery) {
  requirePermission(ctx.actor, 'collection.manage');
  const { rows, total } = await findTasks(
    ctx.db,
    listWhere(ctx.actor, q),
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  const progress = await progressOf(
    ctx.db,
    rows.map((r) => r.id),
    shanghaiToday(ctx.now()),
  );
  return {
    items: rows.map((r) => summary(r, progress.get(r.id))),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function* tasksForExport(ctx: Ctx, q: CollectionTaskListQuery) {
  requirePermission(ctx.actor, 'collection.manage');
  const where = listWhere(ctx.actor, q);
  for (let offset = 0; ; offset += 500) {
    const { rows } = await findTasks(ctx.db, where, 500, offset);
    const progress = await progressOf(
      ctx.db,
      rows.map((r) => r.id),
      shanghaiToday(ctx.now()),
    );
    if (rows.length) yield rows.map((r) => summary(r, progress.get(r.id)));
    if (rows.length < 500) return;
  }
}

export async function getTask(ctx: Ctx, id: string): Promise<CollectionTask> {
  requirePermission(ctx.actor, 'collection.manage');
  const task = await managedTask(ctx.db, ctx.actor, id);
  return taskView(ctx.db, ctx.actor, task, ctx.now());
}

async function taskView(db: DbOrTx, actor: Actor, task: TaskWithOrg, now: Date): Promise<CollectionTask> {
  const today = shanghaiToday(now);
  const targets = await findTargets(db, eq(collectionTargets.taskId, task.id));
  const progress = await progressOf(db, [task.id], today);
  const { indicators, rollup } = await taskRollup(db, task);
  const actions: string[] = [];
  if (task.status === 'draft') actions.push('open');
  if (task.status === 'open') actions.push('close');
  return {
    ...summary(task, progress.get(task.id)),
    indicatorCodes: task.indicatorCodes,
    indicators,
    sectionCodes: task.sectionCodes,
    instructions: task.instructions,
    targets: targets.map((t) => targetRow(actor, task, t, today)),
    rollup,
    actions,
  };
}

/** The organisations a task asks: all departments and townships of the region, or the chosen list. */
async function resolveTargetOrgs(db: DbOrTx, actor: Actor, input: CollectionTaskCreate, regionPath: string) {
  if (input.targetMode === 'list') {
    const ids = [...new Set(input.orgIds)];
    const rows = await db
      .select({
        id: organisations.id,
        regionPath: organisations.regionPath,
        disabled: organisations.disabled,
      })
      .from(organisations)
      .where(inArray(organisations.id, ids));
    const ok = rows.filter((r) => !r.disabled && r.regionPath.startsWith(regionPath));
    if (ok.length !== ids.length) throw bad('所选填报单位不存在、已停用或不在本辖区内');
    return ids;
  }
  const types: string[] = [...COLLECTION_TARGET_ORG_TYPES];
  if (input.includeGovernments) types.push('government');
  // The region's own departments, and the townships (乡镇/街道) directly below it.
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.disabled, false),
        inArray(organisations.type, types),
        sql`(${organisations.regionPath} = ${regionPath} or (${organisations.type} = 'township' and ${organisations.regionPath} ~ ${`^${regionPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[0-9]+/$`}))`,
      ),
    );
  void actor;
  if (rows.length === 0) throw bad('本辖区没有可填报的部门或乡镇（街道），请改为指定填报单位');
  return rows.map((r) => r.id);
}

export async function createTask(ctx: Ctx, input: CollectionTaskCreate): Promise<CollectionTask> {
  requirePermission(ctx.actor, 'collection.manage');
  const actor = ctx.actor;
  const today = shanghaiToday(ctx.now());
  if (input.dueDate <= today) throw bad(`截止日期须晚于今天（${today}）`);
  const codes = [...new Set(input.indicatorCodes)];
  return ctx.db.transaction(async (tx) => {
    await assertIndicatorsExist(tx, codes);
    const orgIds = await resolveTargetOrgs(tx, actor, input, actor.regionPath);
    const [row] = await tx
      .insert(collectionTasks)
      .values({
        orgId: actor.orgId,
        regionPath: actor.regionPath,
        title: input.title,
        period: input.period,
        indicatorCodes: codes,
        sectionCodes: [...new Set(input.sectionCodes)],
        dueDate: input.dueDate,
        instructions: input.instructions,
        status: 'draft',
        createdBy: actor.userId,
      })
      .returning();
    const task = row as typeof collectionTasks.$inferSelect;
    await tx
      .insert(collectionTargets)
      .values(orgIds.map((orgId) => ({ taskId: task.id, orgId, regionPath: '', status: 'pending' })));
    // Each target carries its organisation's region path (the scope of the organisation's own users).
    await tx.execute(
      sql`update collection_targets t set region_path = o.region_path from organisations o where o.id = t.org_id and t.task_id = ${task.id}`,
    );
    await auditCollection(tx, ctx, {
      action: 'collection.task.create',
      entityType: 'collection_task',
      entityId: task.id,
      after: auditable(task),
      detail: { targets: orgIds.length },
      orgId: task.orgId,
      status: task.status,
    });
    const full = await findTask(tx, task.id);
    return taskView(tx, actor, full as TaskWithOrg, ctx.now());
  });
}

/** 下发: opens a clock per target (期限台账, daily 临期/超期 scan) and notifies the targets' staff. */
export async function openTask(ctx: Ctx, id: string, version: number): Promise<CollectionTask> {
  requirePermission(ctx.actor, 'collection.manage');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const task = await managedTask(tx, actor, id, true);
    if (task.version !== version) throw new AppError('STALE_WRITE');
    if (task.status !== 'draft') throw new AppError('ILLEGAL_TRANSITION', '只有草稿状态的任务可以下发');
    const today = shanghaiToday(ctx.now());
    const amount = daysBetween(today, task.dueDate);
    if (amount < 1) throw bad(`截止日期 ${task.dueDate} 已过，请重新创建任务并设定今天以后的截止日期`);
    const targets = await findTargets(tx, eq(collectionTargets.taskId, task.id));
    for (const t of targets) {
      const clock = await openClockInTx(tx, ctx, {
        orgId: t.orgId,
        regionPath: t.regionPath,
        title: `数据填报：${task.title}`,
        subjectType: 'collection.target',
        subjectId: t.id,
        startEvent: '填报任务下发',
        startDate: today,
        amount,
        unit: 'calendar_days',
        legalBasis: COLLECTION_LEGAL_BASIS,
      });
      await tx.update(collectionTargets).set({ clockId: clock.id }).where(eq(collectionTargets.id, t.id));
    }
    const [row] = await tx
      .update(collectionTasks)
      .set({ status: 'open', version: task.version + 1, updatedAt: ctx.now() })
      .where(eq(collectionTasks.id, id))
      .returning();
    await notifyTargets(tx, targets, {
      kind: 'collection.task',
      title: `请填报：${task.title}`,
      body: `${task.orgName}下发填报任务“${task.title}”（${task.period}），请于 ${task.dueDate} 前填报并经单位负责人签批后提交。`,
      key: `collection.open:${task.id}`,
    });
    await auditCollection(tx, ctx, {
      action: 'collection.task.open',
      entityType: 'collection_task',
      entityId: id,
      before: { status: task.status, version: task.version },
      after: { status: 'open', version: row?.version },
      detail: { targets: targets.length, dueDate: task.dueDate },
      orgId: task.orgId,
      status: 'open',
    });
    return taskView(tx, actor, { ...task, ...(row as object) } as TaskWithOrg, ctx.now());
  });
}

export async function closeTask(ctx: Ctx, id: string, version: number): Promise<CollectionTask> {
  requirePermission(ctx.actor, 'collection.manage');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const task = await managedTask(tx, actor, id, true);
    if (task.version !== version) throw new AppError('STALE_WRITE');
    if (task.status !== 'open') throw new AppError('ILLEGAL_TRANSITION', '只有填报中的任务可以关闭');
    // Targets never accepted stop counting down: their clocks are closed with the task.
    const today = shanghaiToday(ctx.now());
    const targets = await findTargets(tx, eq(collectionTargets.taskId, task.id));
    for (const t of targets) if (t.clockId) await completeClockInTx(tx, ctx, t.clockId, today);
    const [row] = await tx
      .update(collectionTasks)
      .set({ status: 'closed', version: task.version + 1, updatedAt: ctx.now() })
      .where(eq(collectionTasks.id, id))
      .returning();
    await auditCollection(tx, ctx, {
      action: 'collection.task.close',
      entityType: 'collection_task',
      entityId: id,
      before: { status: task.status },
      after: { status: 'closed' },
      orgId: task.orgId,
      status: 'closed',
    });
    return taskView(tx, actor, { ...task, ...(row as object) } as TaskWithOrg, ctx.now());
  });
}

export const sectionTitle = (code: string) =>
  (COLLECTION_SECTIONS as Record<string, { zh: string }>)[code]?.zh ?? code;
