import {
  COLLECTION_EDITABLE,
  COLLECTION_TARGET_STATUSES,
  COLLECTION_TARGET_TRANSITIONS,
  type CollectionSave,
  type CollectionTarget,
  type CollectionTargetAction,
  type CollectionTargetStatus,
} from '@fazhi/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { requirePermission } from '../../platform/access/policy';
import { shanghaiToday } from '../../platform/clock/today';
import type { Actor, Ctx } from '../../platform/context';
import type { Tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { notify } from '../../platform/notify/notify.service';
import { completeClockInTx } from '../clocks';
import { findIndicators, saveCollectedValues, type IndicatorRow } from '../indicators';
import { auditable, auditCollection } from './collection.audit';
import { notifyTargets } from './collection.notify';
import { isRate, isWholeUnit, num, rateOf } from './collection.numbers';
import { findValues, type TargetRow, type TaskWithOrg } from './collection.repository';
import { collectionNarratives, collectionTargets, collectionValues } from './collection.tables';
import { managedTarget, ownTarget, reusableValues, targetView } from './collection.targets.read';

const bad = (message: string, details?: unknown) => new AppError('VALIDATION_FAILED', message, details);

/**
 * The organisation may still write: the task is open and the target editable (待填报 or 退回); after the due
 * date only a target the bureau returned may still be written (COLLECTION_CLOSED otherwise).
 */
export function assertWritable(task: TaskWithOrg, target: TargetRow, today: string): void {
  if (task.status !== 'open') throw new AppError('COLLECTION_CLOSED', '填报任务已关闭，不能再填报');
  if (!COLLECTION_EDITABLE.includes(target.status as CollectionTargetStatus))
    throw new AppError(
      'COLLECTION_CLOSED',
      `本单位填报当前为“${COLLECTION_TARGET_STATUSES[target.status as CollectionTargetStatus].zh}”，不能再修改；如需更正请联系司法局退回`,
    );
  if (target.status === 'pending' && task.dueDate < today)
    throw new AppError(
      'COLLECTION_CLOSED',
      `填报已于 ${task.dueDate} 截止，不能再提交；如需补报请联系司法局退回后填报`,
    );
}

export type ValueInput = CollectionSave['values'][number];

/** Checks one value against its indicator; returns the row to store or a Chinese message. */
export function checkValue(
  ind: IndicatorRow,
  v: ValueInput,
): { error: string } | { value: number | null; numerator: number | null; denominator: number | null } {
  const label = `“${ind.name}”`;
  const whole = isWholeUnit(ind.unit);
  const notWhole = (x: number | null) => x !== null && whole && !Number.isInteger(x);
  if (isRate(ind)) {
    const { numerator, denominator } = v;
    if ((numerator === null) !== (denominator === null))
      return { error: `${label}是比率，分子和分母须同时填写` };
    if (numerator !== null && denominator !== null && numerator > denominator)
      return { error: `${label}的分子（${numerator}）不能大于分母（${denominator}）` };
    if (notWhole(numerator) || notWhole(denominator)) return { error: `${label}的分子、分母应为整数` };
    return { value: rateOf(numerator, denominator), numerator, denominator };
  }
  if (notWhole(v.value)) return { error: `${label}的单位是“${ind.unit}”，应填写整数` };
  return { value: v.value, numerator: null, denominator: null };
}

/**
 * Writes values and narratives of a target (save and workbook upload): every value checked first, nothing
 * written when one is wrong. A value equal to the one already reported this period keeps its reuse mark.
 */
export async function applyValues(
  tx: Tx,
  ctx: Ctx,
  task: TaskWithOrg,
  target: TargetRow,
  input: Pick<CollectionSave, 'values' | 'narratives'>,
  source: 'form' | 'workbook',
): Promise<TargetRow> {
  const codes = new Set(task.indicatorCodes);
  const unknown = input.values.map((v) => v.code).filter((c) => !codes.has(c));
  if (unknown.length) throw bad(`以下指标不在本填报任务中：${unknown.join('、')}`);
  const sections = new Set(task.sectionCodes);
  const badSections = input.narratives.map((n) => n.code).filter((c) => !sections.has(c));
  if (badSections.length) throw bad(`以下情况说明栏目不在本填报任务中：${badSections.join('、')}`);
  const catalogue = await findIndicators(tx, task.indicatorCodes);
  const errors: string[] = [];
  const rows: {
    code: string;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    note: string;
  }[] = [];
  for (const v of input.values) {
    const ind = catalogue.get(v.code);
    if (!ind) {
      errors.push(`指标“${v.code}”已不在指标目录中`);
      continue;
    }
    const r = checkValue(ind, v);
    if ('error' in r) errors.push(r.error);
    else rows.push({ code: v.code, ...r, note: v.note });
  }
  if (errors.length) throw bad(errors.join('；'), { errors });
  const reusable = await reusableValues(
    tx,
    target.orgId,
    task.period,
    rows.map((r) => r.code),
  );
  const now = ctx.now();
  for (const r of rows) {
    const re = reusable.get(r.code);
    const same =
      re &&
      num(re.value) === r.value &&
      num(re.numerator) === r.numerator &&
      num(re.denominator) === r.denominator;
    const set = {
      value: r.value === null ? null : String(r.value),
      numerator: r.numerator === null ? null : String(r.numerator),
      denominator: r.denominator === null ? null : String(r.denominator),
      note: r.note,
      reusedFromValueId: same ? re.id : null,
      updatedAt: now,
    };
    await tx
      .insert(collectionValues)
      .values({ targetId: target.id, indicatorCode: r.code, ...set })
      .onConflictDoUpdate({ target: [collectionValues.targetId, collectionValues.indicatorCode], set });
  }
  for (const n of input.narratives) {
    await tx
      .insert(collectionNarratives)
      .values({ targetId: target.id, sectionCode: n.code, text: n.text, updatedAt: now })
      .onConflictDoUpdate({
        target: [collectionNarratives.targetId, collectionNarratives.sectionCode],
        set: { text: n.text, updatedAt: now },
      });
  }
  const [row] = await tx
    .update(collectionTargets)
    .set({ version: target.version + 1, updatedAt: now })
    .where(eq(collectionTargets.id, target.id))
    .returning();
  await auditCollection(tx, ctx, {
    action: source === 'workbook' ? 'collection.target.upload' : 'collection.target.save',
    entityType: 'collection_target',
    entityId: target.id,
    detail: {
      values: rows.map((r) => ({
        code: r.code,
        value: r.value,
        numerator: r.numerator,
        denominator: r.denominator,
      })),
      narratives: input.narratives.map((n) => ({ code: n.code, length: n.text.length })),
    },
    orgId: target.orgId,
    status: target.status,
  });
  return row as TargetRow;
}

export async function saveTarget(ctx: Ctx, id: string, input: CollectionSave): Promise<CollectionTarget> {
  requirePermission(ctx.actor, 'collection.fill');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const { task, target } = await ownTarget(tx, actor, id, 'collection.fill', true);
    if (target.version !== input.version) throw new AppError('STALE_WRITE');
    assertWritable(task, target, shanghaiToday(ctx.now()));
    const row = await applyValues(tx, ctx, task, target, input, 'form');
    return targetView(tx, actor, task, row, ctx.now());
  });
}

/** Fills the values still empty from those already reported this period, then checks completeness. */
async function completeForSubmit(tx: Tx, task: TaskWithOrg, target: TargetRow, now: Date) {
  const catalogue = await findIndicators(tx, task.indicatorCodes);
  const stored = new Map((await findValues(tx, [target.id])).map((v) => [v.indicatorCode, v]));
  const empty = (code: string) => {
    const v = stored.get(code);
    const ind = catalogue.get(code);
    if (!v) return true;
    return ind && isRate(ind) ? v.numerator === null || v.denominator === null : v.value === null;
  };
  const reusable = await reusableValues(tx, target.orgId, task.period, task.indicatorCodes.filter(empty));
  for (const [code, r] of reusable) {
    const set = {
      value: r.value === null ? null : String(r.value),
      numerator: r.numerator === null ? null : String(r.numerator),
      denominator: r.denominator === null ? null : String(r.denominator),
      reusedFromValueId: r.id,
      updatedAt: now,
    };
    await tx
      .insert(collectionValues)
      .values({ targetId: target.id, indicatorCode: code, ...set })
      .onConflictDoUpdate({ target: [collectionValues.targetId, collectionValues.indicatorCode], set });
  }
  const after = new Map((await findValues(tx, [target.id])).map((v) => [v.indicatorCode, v]));
  const missing = task.indicatorCodes.filter((code) => {
    const v = after.get(code);
    const ind = catalogue.get(code);
    if (!v) return true;
    return ind && isRate(ind) ? v.numerator === null || v.denominator === null : v.value === null;
  });
  if (missing.length)
    throw new AppError(
      'COLLECTION_INCOMPLETE',
      `以下指标尚未填写：${missing.map((c) => catalogue.get(c)?.name ?? c).join('、')}；没有发生的请填 0`,
      { codes: missing },
    );
  return { reused: [...reusable.keys()], values: after, catalogue };
}

type TransitionInput = { version: number; reason?: string };

/**
 * One step of the target's lifecycle (transition table in contracts): submit (the organisation), sign off
 * (its head), accept or return (the justice bureau). Accepting writes the values as collected indicator
 * values and completes the target's clock.
 */
export async function transitionTarget(
  ctx: Ctx,
  ids: { taskId?: string; id: string },
  action: CollectionTargetAction,
  input: TransitionInput,
): Promise<CollectionTarget> {
  const rule = COLLECTION_TARGET_TRANSITIONS[action];
  const permission =
    rule.by === 'bureau'
      ? 'collection.manage'
      : rule.by === 'head'
        ? 'collection.signoff'
        : 'collection.fill';
  requirePermission(ctx.actor, permission);
  const actor: Actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const { task, target } =
      rule.by === 'bureau'
        ? await managedTarget(tx, actor, ids.taskId as string, ids.id, true)
        : await ownTarget(tx, actor, ids.id, permission as 'collection.fill' | 'collection.signoff', true);
    if (target.version !== input.version) throw new AppError('STALE_WRITE');
    const today = shanghaiToday(ctx.now());
    if (action === 'submit') assertWritable(task, target, today);
    if (task.status !== 'open') throw new AppError('COLLECTION_CLOSED', '填报任务已关闭');
    if (!(rule.from as readonly string[]).includes(target.status))
      throw new AppError(
        'ILLEGAL_TRANSITION',
        `本单位填报当前为“${COLLECTION_TARGET_STATUSES[target.status as CollectionTargetStatus].zh}”，不能${rule.zh}`,
      );
    const now = ctx.now();
    const set: Partial<typeof collectionTargets.$inferInsert> = {
      status: rule.to,
      version: target.version + 1,
      updatedAt: now,
    };
    const detail: Record<string, unknown> = {};
    if (action === 'submit') {
      const r = await completeForSubmit(tx, task, target, now);
      detail.reused = r.reused;
      Object.assign(set, { submittedAt: now, submittedBy: actor.userId, signedAt: null, signedBy: null });
    } else if (action === 'signoff') {
      Object.assign(set, { signedAt: now, signedBy: actor.userId });
    } else if (action === 'accept') {
      Object.assign(set, { decidedAt: now, decidedBy: actor.userId, returnReason: null });
      const catalogue = await findIndicators(tx, task.indicatorCodes);
      const values = await findValues(tx, [target.id]);
      await saveCollectedValues(tx, ctx, {
        orgId: target.orgId,
        regionPath: target.regionPath,
        period: task.period,
        values: values
          .filter((v) => catalogue.has(v.indicatorCode))
          .map((v) => ({
            code: v.indicatorCode,
            value: num(v.value),
            numerator: num(v.numerator),
            denominator: num(v.denominator),
            provenance: {
              source: 'collection',
              taskId: task.id,
              taskTitle: task.title,
              targetId: target.id,
              submittedBy: target.submittedBy,
              signedBy: target.signedBy,
              acceptedBy: actor.userId,
              note: v.note,
              evidenceFileIds: v.evidenceFileIds,
              reusedFromValueId: v.reusedFromValueId,
            },
          })),
      });
      if (target.clockId) await completeClockInTx(tx, ctx, target.clockId, today);
      detail.values = values.length;
    } else if (action === 'return') {
      Object.assign(set, { decidedAt: now, decidedBy: actor.userId, returnReason: input.reason ?? '' });
      detail.reason = input.reason;
    }
    const [row] = await tx
      .update(collectionTargets)
      .set(set)
      .where(and(eq(collectionTargets.id, target.id), eq(collectionTargets.version, target.version)))
      .returning();
    if (!row) throw new AppError('STALE_WRITE');
    await auditCollection(tx, ctx, {
      action: `collection.target.${action}`,
      entityType: 'collection_target',
      entityId: target.id,
      before: auditable(target),
      after: auditable(row),
      detail,
      orgId: target.orgId,
      status: row.status,
    });
    await notifyOf(tx, action, task, row, input.reason);
    return targetView(tx, actor, task, row, now);
  });
}

async function notifyOf(
  tx: Tx,
  action: CollectionTargetAction,
  task: TaskWithOrg,
  t: TargetRow,
  reason?: string,
) {
  const key = `collection.${action}:${t.id}:${t.version}`;
  if (action === 'return')
    await notifyTargets(tx, [t], {
      kind: 'collection.returned',
      title: `填报被退回：${task.title}`,
      body: `司法局退回了本单位的填报，理由：${reason ?? ''}。请更正后重新提交。`,
      key,
    });
  else if (action === 'submit')
    await notifyTargets(
      tx,
      [t],
      {
        kind: 'collection.submitted',
        title: `待签批：${task.title}`,
        body: `本单位的填报“${task.title}”已提交，请单位负责人审核签批。`,
        key,
      },
      ['head'],
    );
  else if (action === 'signoff' && task.createdBy)
    await notify(tx, [
      {
        userId: task.createdBy,
        kind: 'collection.signed',
        title: `待审核：${task.title}`,
        body: '有单位的填报已经负责人签批，请审核采纳或退回。',
        link: `/collection/tasks/${task.id}`,
        dedupeKey: key,
      },
    ]);
}

/** Stored evidence of a target must belong to it (the file id is in one of its values). */
export async function evidenceBelongs(tx: Tx | Ctx['db'], targetId: string, fileId: string) {
  const rows = await tx
    .select({ code: collectionValues.indicatorCode })
    .from(collectionValues)
    .where(
      and(eq(collectionValues.targetId, targetId), sql`${collectionValues.evidenceFileIds} ? ${fileId}`),
    );
  return rows[0]?.code ?? null;
}
