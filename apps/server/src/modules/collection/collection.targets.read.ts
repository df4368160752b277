import {
  COLLECTION_EDITABLE,
  type CollectionMyTarget,
  type CollectionTarget,
  type CollectionTargetStatus,
  type CollectionValueView,
  type collectionMyTargetsQuerySchema,
} from '@fazhi/contracts';
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { assertInScope, requirePermission, scopeFor, scopeWhere } from '../../platform/access/policy';
import { shanghaiToday } from '../../platform/clock/today';
import type { Actor, Ctx } from '../../platform/context';
import type { DbOrTx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { findIndicators, findReusableValue, resolveIndicatorValues } from '../indicators';
import { differ, isRate, num } from './collection.numbers';
import {
  fileInfos,
  findNarratives,
  findTarget,
  findTargets,
  findTask,
  findValues,
  type TargetRow,
  type TargetWithOrg,
  type TaskWithOrg,
} from './collection.repository';
import { collectionTargets, collectionTasks } from './collection.tables';
import { managedTask, sectionTitle, targetRow } from './collection.tasks.service';

/** A target of the caller's own organisation (collection.fill / collection.signoff), 404 otherwise. */
export async function ownTarget(
  db: DbOrTx,
  actor: Actor,
  id: string,
  permission: 'collection.fill' | 'collection.signoff',
  forUpdate = false,
): Promise<{ task: TaskWithOrg; target: TargetRow }> {
  const target = await findTarget(db, id, forUpdate);
  if (!target) throw new AppError('NOT_FOUND');
  assertInScope(actor, permission, target);
  const task = await findTask(db, target.taskId);
  if (!task || task.status === 'draft') throw new AppError('NOT_FOUND');
  return { task, target };
}

/** A target of a task the caller manages (collection.manage over the task's region tree). */
export async function managedTarget(
  db: DbOrTx,
  actor: Actor,
  taskId: string,
  id: string,
  forUpdate = false,
): Promise<{ task: TaskWithOrg; target: TargetRow }> {
  const task = await managedTask(db, actor, taskId);
  const target = await findTarget(db, id, forUpdate);
  if (!target || target.taskId !== taskId) throw new AppError('NOT_FOUND');
  return { task, target };
}

export async function withOrg(db: DbOrTx, target: TargetRow): Promise<TargetWithOrg> {
  const [row] = await findTargets(db, eq(collectionTargets.id, target.id));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The reusable values (最多报一次) of an organisation for the task's indicators, by code. */
export async function reusableValues(db: DbOrTx, orgId: string, period: string, codes: string[]) {
  const out = new Map<string, NonNullable<Awaited<ReturnType<typeof findReusableValue>>>>();
  for (const code of codes) {
    const r = await findReusableValue(db, { orgId, period, code });
    if (r) out.set(code, r);
  }
  return out;
}

export async function targetView(
  db: DbOrTx,
  actor: Actor,
  task: TaskWithOrg,
  target: TargetRow,
  now: Date,
): Promise<CollectionTarget> {
  const today = shanghaiToday(now);
  const t = await withOrg(db, target);
  const codes = task.indicatorCodes;
  // Sequential: `db` may be the transaction of the change being answered.
  const catalogue = await findIndicators(db, codes);
  const stored = await findValues(db, [target.id]);
  const narratives = await findNarratives(db, target.id);
  const byCode = new Map(stored.map((v) => [v.indicatorCode, v]));
  const editable = COLLECTION_EDITABLE.includes(target.status as CollectionTargetStatus);
  const missing = codes.filter((c) => {
    const v = byCode.get(c);
    return !v || (v.value === null && v.numerator === null && v.denominator === null);
  });
  const reusable = editable ? await reusableValues(db, target.orgId, task.period, missing) : new Map();
  const resolved = codes.length
    ? await resolveIndicatorValues(db, { orgId: target.orgId, period: task.period, codes })
    : new Map();
  const files = await fileInfos(
    db,
    stored.flatMap((v) => v.evidenceFileIds),
  );
  const values: CollectionValueView[] = codes.map((code) => {
    const ind = catalogue.get(code);
    const v = byCode.get(code);
    const r = reusable.get(code);
    const filled = r && !(v && (v.value !== null || v.denominator !== null));
    const value = filled ? r.value : num(v?.value);
    const computed = resolved.get(code)?.computed ?? null;
    return {
      code,
      name: ind?.name ?? code,
      unit: ind?.unit ?? '',
      definition: ind?.definition ?? '',
      isRate: ind ? isRate(ind) : false,
      value,
      numerator: filled ? r.numerator : num(v?.numerator),
      denominator: filled ? r.denominator : num(v?.denominator),
      note: v?.note ?? '',
      evidence: (v?.evidenceFileIds ?? []).flatMap((fileId) => {
        const f = files.get(fileId);
        return f ? [{ fileId, fileName: f.fileName, size: f.size, mimeType: f.mimeType }] : [];
      }),
      reused: !!filled || !!v?.reusedFromValueId,
      computed: computed
        ? { value: computed.value, numerator: computed.numerator, denominator: computed.denominator }
        : null,
      differs: differ(value, computed?.value ?? null),
    };
  });
  const texts = new Map(narratives.map((n) => [n.sectionCode, n.text]));
  return {
    ...targetRow(actor, task, t, today),
    taskTitle: task.title,
    period: task.period,
    dueDate: task.dueDate,
    taskStatus: task.status as CollectionTarget['taskStatus'],
    instructions: task.instructions,
    orgUscc: t.orgUscc,
    values,
    sections: task.sectionCodes.map((code) => ({
      code,
      title: sectionTitle(code),
      text: texts.get(code) ?? '',
    })),
  };
}

export async function getOwnTarget(ctx: Ctx, id: string): Promise<CollectionTarget> {
  requirePermission(ctx.actor, 'collection.fill');
  const { task, target } = await ownTarget(ctx.db, ctx.actor, id, 'collection.fill');
  return targetView(ctx.db, ctx.actor, task, target, ctx.now());
}

export async function getManagedTarget(ctx: Ctx, taskId: string, id: string): Promise<CollectionTarget> {
  requirePermission(ctx.actor, 'collection.manage');
  const { task, target } = await managedTarget(ctx.db, ctx.actor, taskId, id);
  return targetView(ctx.db, ctx.actor, task, target, ctx.now());
}

export async function listMyTargets(ctx: Ctx, q: z.infer<typeof collectionMyTargetsQuerySchema>) {
  requirePermission(ctx.actor, 'collection.fill');
  const actor = ctx.actor;
  const conds: SQL[] = [
    scopeWhere(scopeFor(actor, 'collection.fill'), collectionTargets.orgId, collectionTargets.regionPath),
    inArray(
      collectionTargets.taskId,
      ctx.db
        .select({ id: collectionTasks.id })
        .from(collectionTasks)
        .where(
          q.period
            ? and(eq(collectionTasks.period, q.period), inArray(collectionTasks.status, ['open', 'closed']))
            : inArray(collectionTasks.status, ['open', 'closed']),
        ),
    ),
  ];
  if (q.status) conds.push(eq(collectionTargets.status, q.status));
  const all = await findTargets(ctx.db, and(...conds));
  const tasks = new Map<string, TaskWithOrg>();
  for (const id of new Set(all.map((t) => t.taskId))) {
    const task = await findTask(ctx.db, id);
    if (task) tasks.set(id, task);
  }
  const today = shanghaiToday(ctx.now());
  const items: CollectionMyTarget[] = all
    .map((t) => {
      const task = tasks.get(t.taskId) as TaskWithOrg;
      return {
        ...targetRow(actor, task, t, today),
        taskTitle: task.title,
        period: task.period,
        dueDate: task.dueDate,
        taskStatus: task.status as CollectionMyTarget['taskStatus'],
      };
    })
    .sort((a, b) => (a.dueDate < b.dueDate ? 1 : a.dueDate > b.dueDate ? -1 : 0));
  const start = (q.page - 1) * q.pageSize;
  return {
    items: items.slice(start, start + q.pageSize),
    total: items.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}
