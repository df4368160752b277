import {
  CLOCK_PAUSE_KINDS,
  clockActionRefusal,
  type Clock,
  type ClockAction,
  type ClockStatus,
  type clockCompleteSchema,
  type clockCreateSchema,
  type clockExtensionCreateSchema,
  type clockPauseCreateSchema,
  type clockPauseEndSchema,
} from '@fazhi/contracts';
import type { z } from 'zod';
import { assertInScope, inScope, requirePermission, scopeFor } from '../../platform/access/policy';
import { appendAudit } from '../../platform/audit/audit.service';
import {
  currentCalendar,
  evaluateOn,
  lockCalendarShared,
  type ServerCalendar,
} from '../../platform/clock/work-calendar';
import { shanghaiToday } from '../../platform/clock/today';
import type { Actor, Ctx } from '../../platform/context';
import type { DbOrTx, Tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { enqueueEvent } from '../../platform/jobs';
import { findOrgById } from '../org';
import { invalidateClockCounts } from './clocks.count-cache';
import { auditable, evaluateRecord, hasOpenPause, statutoryInput, toClockDto } from './clocks.evaluate';
import {
  closePause,
  findClockById,
  findDetails,
  insertClock,
  insertExtension,
  insertPause,
  updateClock,
  type ClockDetails,
  type ClockRow,
} from './clocks.repository';

// The write side of the 期限台账: create and the lifecycle commands, each in one transaction.

const today = (ctx: Ctx) => shanghaiToday(ctx.now());

/** The organisation a new clock belongs to: the caller's own, or one inside the caller's 'clock.write' scope. */
async function resolveOrg(tx: DbOrTx, actor: Actor, orgId: string | undefined) {
  const org = await findOrgById(tx, orgId ?? actor.orgId);
  if (
    !org ||
    org.disabled ||
    !inScope(scopeFor(actor, 'clock.write'), { orgId: org.id, regionPath: org.regionPath })
  ) {
    throw new AppError('VALIDATION_FAILED', '所属单位不存在、已停用或不在管辖范围内');
  }
  return org;
}

export async function createClock(ctx: Ctx, input: z.infer<typeof clockCreateSchema>): Promise<Clock> {
  requirePermission(ctx.actor, 'clock.write');
  const actor = ctx.actor;
  const created = await ctx.db.transaction(async (tx) => {
    const org = await resolveOrg(tx, actor, input.orgId);
    await lockCalendarShared(tx);
    const sc = await currentCalendar(tx);
    const ev = evaluateOn(sc, statutoryInput({ ...input, completedOn: null }, [], []), today(ctx));
    const inserted = await insertClock(tx, {
      orgId: org.id,
      regionPath: org.regionPath,
      title: input.title,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      startEvent: input.startEvent,
      startDate: input.startDate,
      amount: input.amount,
      unit: input.unit,
      legalBasis: input.legalBasis,
      warningDays: input.warningDays,
      dueDate: ev.dueDate,
      provisional: ev.provisional,
      status: ev.status,
      createdBy: actor.userId,
    });
    await appendAudit(tx, ctx, {
      action: 'clock.create',
      entityType: 'clock',
      entityId: inserted.id,
      before: null,
      after: auditable(inserted),
    });
    await enqueueEvent(tx, 'clock.changed', {
      clockId: inserted.id,
      action: 'create',
      orgId: org.id,
      status: ev.status,
      dueDate: ev.dueDate,
    });
    const row: ClockRow = { ...inserted, orgName: org.name, regionCode: org.regionCode };
    return toClockDto(actor, row, { pauses: [], extensions: [] });
  });
  invalidateClockCounts();
  return created;
}

type Loaded = { row: ClockRow; details: ClockDetails; sc: ServerCalendar; today: string };
type Applied = { details: ClockDetails; completedOn?: string | null; detail: Record<string, unknown> };

/**
 * Every change to a clock runs here: lock the row, check scope (another jurisdiction's clock is "not
 * found"), version and lifecycle, apply the change, recompute due date and status, write audit entry and
 * outbox event — all in one transaction.
 */
async function transition(
  ctx: Ctx,
  id: string,
  version: number,
  action: ClockAction,
  auditAction: string,
  apply: (tx: Tx, cur: Loaded) => Promise<Applied>,
  /** Checks on the addressed sub-record (e.g. the pause to end), before the lifecycle check. */
  precheck?: (details: ClockDetails) => void,
): Promise<Clock> {
  requirePermission(ctx.actor, 'clock.write');
  const actor = ctx.actor;
  const result = await ctx.db.transaction(async (tx) => {
    await lockCalendarShared(tx);
    const row = await findClockById(tx, id, true);
    if (!row) throw new AppError('NOT_FOUND');
    assertInScope(actor, 'clock.write', row);
    if (row.version !== version) throw new AppError('STALE_WRITE');
    const details = (await findDetails(tx, [id])).get(id) as ClockDetails;
    precheck?.(details);
    const refusal = clockActionRefusal(
      { status: row.status as ClockStatus, hasOpenPause: hasOpenPause(details) },
      action,
    );
    if (refusal) throw new AppError('ILLEGAL_TRANSITION', refusal);
    const cur: Loaded = { row, details, sc: await currentCalendar(tx), today: today(ctx) };
    const next = await apply(tx, cur);
    const completedOn = next.completedOn === undefined ? row.completedOn : next.completedOn;
    const ev = evaluateRecord(cur.sc, { ...row, completedOn }, next.details, cur.today);
    const after = await updateClock(tx, id, version, {
      dueDate: ev.dueDate,
      provisional: ev.provisional,
      status: ev.status,
      completedOn,
    });
    if (!after) throw new AppError('STALE_WRITE');
    await appendAudit(tx, ctx, {
      action: auditAction,
      entityType: 'clock',
      entityId: id,
      before: auditable(row),
      after: auditable(after),
      detail: next.detail,
    });
    await enqueueEvent(tx, 'clock.changed', {
      clockId: id,
      action,
      orgId: row.orgId,
      status: ev.status,
      dueDate: ev.dueDate,
      version: after.version,
    });
    return toClockDto(actor, { ...after, orgName: row.orgName, regionCode: row.regionCode }, next.details);
  });
  invalidateClockCounts();
  return result;
}

const bad = (message: string) => new AppError('VALIDATION_FAILED', message);

/**
 * 中止 / 补正: the days from `from` to `to` (both inclusive) are not counted — e.g. 行政复议中止
 * (行政复议法 第三十九条; the time resumes when the cause ends), third-party consultation
 * (政府信息公开条例 第三十二条、第三十三条第三款), hearings and expert reviews (行政许可法 第四十五条).
 * A pause records facts: it cannot start before the start date or after today, and cannot overlap another.
 */
export async function addPause(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof clockPauseCreateSchema>,
): Promise<Clock> {
  return transition(
    ctx,
    id,
    input.version,
    'pause',
    'clock.pause',
    async (tx, { row, details, sc, today }) => {
      const label = CLOCK_PAUSE_KINDS[input.kind];
      if (input.from < row.startDate)
        throw bad(`${label}开始日期 ${input.from} 早于起算日期 ${row.startDate}`);
      if (input.from > today) throw bad(`${label}开始日期 ${input.from} 晚于今天（${today}）`);
      if (input.to !== null && input.to < input.from)
        throw bad(`${label}结束日期 ${input.to} 早于开始日期 ${input.from}`);
      if (input.to !== null && input.to > today)
        throw bad(`${label}结束日期 ${input.to} 晚于今天（${today}）；尚未结束的${label}请不填结束日期`);
      const clash = details.pauses.find(
        (p) => input.from <= (p.to ?? today) && p.from <= (input.to ?? today),
      );
      if (clash)
        throw bad(
          `与已登记的${CLOCK_PAUSE_KINDS[clash.kind]}期间（${clash.from} 至 ${clash.to ?? '今'}）重叠`,
        );
      // A time limit that has already run out cannot be suspended afterwards (the evaluation ignores such days).
      const dueNow = evaluateRecord(sc, row, details, today).dueDate;
      if (input.from > dueNow)
        throw new AppError('ILLEGAL_TRANSITION', `期限已于 ${dueNow} 届满，届满后不能再${label}`);
      const p = await insertPause(tx, {
        clockId: id,
        kind: input.kind,
        from: input.from,
        to: input.to,
        reason: input.reason,
      });
      const pause = { id: p.id, clockId: id, kind: input.kind, from: p.from, to: p.to, reason: p.reason };
      return { details: { ...details, pauses: [...details.pauses, pause] }, detail: { pause } };
    },
  );
}

/** Ends the open pause: the clock runs again from the day after `to` (行政复议法 第三十九条第二款: 中止原因消除后恢复审理). */
export async function endPause(
  ctx: Ctx,
  id: string,
  pauseId: string,
  input: z.infer<typeof clockPauseEndSchema>,
): Promise<Clock> {
  const pauseOf = (details: ClockDetails) => {
    const pause = details.pauses.find((p) => p.id === pauseId);
    if (!pause) throw new AppError('NOT_FOUND', '该中止/补正记录不存在');
    if (pause.to !== null)
      throw new AppError('ILLEGAL_TRANSITION', `该${CLOCK_PAUSE_KINDS[pause.kind]}已于 ${pause.to} 结束`);
    return pause;
  };
  return transition(
    ctx,
    id,
    input.version,
    'endPause',
    'clock.pause.end',
    async (tx, { details, today }) => {
      const pause = pauseOf(details);
      const label = CLOCK_PAUSE_KINDS[pause.kind];
      if (input.to < pause.from) throw bad(`${label}结束日期 ${input.to} 早于开始日期 ${pause.from}`);
      if (input.to > today) throw bad(`${label}结束日期 ${input.to} 晚于今天（${today}）`);
      await closePause(tx, pauseId, input.to);
      const pauses = details.pauses.map((p) => (p.id === pauseId ? { ...p, to: input.to } : p));
      return { details: { ...details, pauses }, detail: { pauseId, from: pause.from, to: input.to } };
    },
    pauseOf,
  );
}

/**
 * 延长: an approved extension, counted from the due date in force. The statutes allow an extension only when
 * the matter cannot be finished within the period and it is approved before the period runs out
 * (行政复议法 第六十二条第一款: 经批准可以适当延长，但是延长期限最多不得超过三十日; 政府信息公开条例 第三十三条第二款:
 * 延长的期限最长不得超过20个工作日). The maximum differs by statute and is the caller's to respect; the
 * approval date is checked here.
 */
export async function addExtension(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof clockExtensionCreateSchema>,
): Promise<Clock> {
  return transition(
    ctx,
    id,
    input.version,
    'extend',
    'clock.extend',
    async (tx, { row, details, sc, today }) => {
      if (input.approvedOn < row.startDate)
        throw bad(`批准日期 ${input.approvedOn} 早于起算日期 ${row.startDate}`);
      if (input.approvedOn > today) throw bad(`批准日期 ${input.approvedOn} 晚于今天（${today}）`);
      const dueNow = evaluateRecord(sc, row, details, today).dueDate;
      if (input.approvedOn > dueNow) {
        throw new AppError(
          'ILLEGAL_TRANSITION',
          `期限已于 ${dueNow} 届满；延长须在期限届满前批准（批准日期 ${input.approvedOn}）`,
        );
      }
      const e = await insertExtension(tx, {
        clockId: id,
        amount: input.amount,
        unit: input.unit,
        approver: input.approver,
        reason: input.reason,
        approvedOn: input.approvedOn,
      });
      const extension = {
        id: e.id,
        clockId: id,
        amount: e.amount,
        unit: input.unit,
        approver: e.approver,
        reason: e.reason,
        approvedOn: e.approvedOn,
      };
      return {
        details: { ...details, extensions: [...details.extensions, extension] },
        detail: { extension, dueDateBefore: dueNow },
      };
    },
  );
}

/**
 * 办结: the matter was decided/answered on `completedOn`; the clock stops and its due date is frozen. An open
 * pause ends on the completion date (e.g. a 行政复议 case terminated while suspended, 行政复议法 第四十一条).
 */
export async function completeClock(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof clockCompleteSchema>,
): Promise<Clock> {
  return transition(
    ctx,
    id,
    input.version,
    'complete',
    'clock.complete',
    async (tx, { row, details, today }) => {
      if (input.completedOn < row.startDate)
        throw bad(`办结日期 ${input.completedOn} 早于起算日期 ${row.startDate}`);
      if (input.completedOn > today) throw bad(`办结日期 ${input.completedOn} 晚于今天（${today}）`);
      const open = details.pauses.find((p) => p.to === null);
      if (open && input.completedOn < open.from)
        throw bad(`办结日期 ${input.completedOn} 早于${CLOCK_PAUSE_KINDS[open.kind]}开始日期 ${open.from}`);
      if (open) await closePause(tx, open.id, input.completedOn);
      const pauses = details.pauses.map((p) => (p.to === null ? { ...p, to: input.completedOn } : p));
      return {
        details: { ...details, pauses },
        completedOn: input.completedOn,
        detail: { completedOn: input.completedOn, closedPauseId: open?.id ?? null },
      };
    },
  );
}
