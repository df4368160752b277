import {
  supervisionNoticeActions,
  SUPERVISION_NOTICE_TRANSITIONS,
  type DueDateUnit,
  type SupervisionNotice,
  type SupervisionNoticeAction,
  type SupervisionNoticeCreateInput,
  type SupervisionNoticeEscalateInput,
  type SupervisionNoticeExtendInput,
  type SupervisionNoticeRespondInput,
  type SupervisionNoticeStatus,
  type supervisionNoticeListQuerySchema,
} from '@fazhi/contracts';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { can, inScope, requirePermission, scopeFor, scopeWhere } from '../../../platform/access/policy';
import { appendAudit } from '../../../platform/audit/audit.service';
import { shanghaiToday } from '../../../platform/clock/today';
import type { Actor, Ctx } from '../../../platform/context';
import type { DbOrTx, Tx } from '../../../platform/db/pool';
import { organisations, storedFiles } from '../../../platform/db/schema';
import { AppError } from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/jobs';
import { completeClockInTx, openClockInTx } from '../../clocks';
import { formatNoticeNumber, NOTICE_NUMBER_TEMPLATES, nextFreeNoticeNumber } from './supervision.numbering';
import { loadBodyForOffice } from './supervision.targets';
import { enfSupervisionNoticeItems, enfSupervisionNotices, type NoticeEvent } from './supervision.tables';

/*
 * 行政执法监督意见书 / 决定书. 河南省行政执法条例 第四十三条: the supervision organ that finds an illegal or
 * improper act issues a 《行政执法监督意见书》 with a time limit; the enforcement organ handles it and reports
 * within the limit; if it does not, a 《行政执法监督决定书》 revokes or corrects the act. The statute leaves the
 * length of the limit to the issuing organ: the default below (15 working days, counted through the official
 * holiday calendar by the 期限台账 clock) is a setting, overridable per notice.
 * A response after the (possibly extended) deadline is refused (409 SUPERVISION_RESPONSE_LATE): failing to
 * report within the limit is itself a sanctionable fact (第四十四条), so the record must not pretend otherwise;
 * the office records an extension first when it grants more time.
 */
export const NOTICE_RESPONSE_DEFAULT: { amount: number; unit: DueDateUnit } = {
  amount: 15,
  unit: 'working_days',
};
export const NOTICE_LEGAL_BASIS = '河南省行政执法条例 第四十三条（限期处理并报告）';
const SUBJECT_TYPE = 'enf_supervision_notice';
const OFFICE = 'enforcement.supervise' as const;
const BODY = 'enforcement.body' as const;
const READ = 'enforcement.read' as const;

type Row = typeof enfSupervisionNotices.$inferSelect;
const issuer = alias(organisations, 'issuer');

const effectiveDue = (n: Pick<Row, 'dueDate' | 'extendedDue'>) => n.extendedDue ?? n.dueDate;

function actionsFor(actor: Actor | null, n: Row, today: string): string[] {
  if (!actor) return [];
  const status = n.status as SupervisionNoticeStatus;
  const out: SupervisionNoticeAction[] = [];
  const rec = { orgId: n.orgId, regionPath: n.regionPath };
  if (can(actor, OFFICE) && inScope(scopeFor(actor, OFFICE), rec))
    out.push(...supervisionNoticeActions(status, 'office'));
  if (can(actor, BODY) && inScope(scopeFor(actor, BODY), rec))
    out.push(...supervisionNoticeActions(status, 'body'));
  // After the deadline the body's button disappears until the office records an extension.
  return today > effectiveDue(n) ? out.filter((a) => a !== 'respond') : out;
}

async function select(ctx: Ctx, db: DbOrTx, where: SQL | undefined, offset: number, limit: number) {
  const rows = await db
    .select({
      n: enfSupervisionNotices,
      orgName: organisations.name,
      regionCode: organisations.regionCode,
      issuerName: issuer.name,
    })
    .from(enfSupervisionNotices)
    .innerJoin(organisations, eq(organisations.id, enfSupervisionNotices.orgId))
    .innerJoin(issuer, eq(issuer.id, enfSupervisionNotices.issuerOrgId))
    .where(where)
    .orderBy(desc(enfSupervisionNotices.issuedOn), desc(enfSupervisionNotices.number))
    .limit(limit)
    .offset(offset);
  const ids = rows.map((r) => r.n.id);
  const items = ids.length
    ? await db
        .select()
        .from(enfSupervisionNoticeItems)
        .where(inArray(enfSupervisionNoticeItems.noticeId, ids))
        .orderBy(asc(enfSupervisionNoticeItems.seq))
    : [];
  return rows.map(({ n, orgName, regionCode, issuerName }): SupervisionNotice => {
    const mine = items.filter((i) => i.noticeId === n.id);
    return {
      id: n.id,
      kind: n.kind as SupervisionNotice['kind'],
      number: n.number,
      issuer: { id: n.issuerOrgId, name: issuerName },
      org: { id: n.orgId, name: orgName },
      regionCode,
      title: n.title,
      facts: n.facts,
      issuedOn: n.issuedOn,
      deadlineAmount: n.deadlineAmount,
      deadlineUnit: n.deadlineUnit as DueDateUnit,
      dueDate: n.dueDate,
      effectiveDue: effectiveDue(n),
      respondedOn: n.respondedOn,
      closedOn: n.closedOn,
      status: n.status as SupervisionNoticeStatus,
      parentId: n.parentId,
      escalatedTo: (n.escalatedTo as SupervisionNotice['escalatedTo']) ?? null,
      itemCount: mine.length,
      items: mine.map((i) => ({
        id: i.id,
        seq: i.seq,
        content: i.content,
        response: i.response,
        respondedOn: i.respondedOn,
        evidenceFileIds: i.evidenceFileIds,
      })),
      timeline: n.timeline,
      version: n.version,
      actions: actionsFor(ctx.actor, n, shanghaiToday(ctx.now())),
    };
  });
}

function listWhere(ctx: Ctx, q: Partial<z.infer<typeof supervisionNoticeListQuerySchema>>) {
  requirePermission(ctx.actor, READ);
  return and(
    scopeWhere(scopeFor(ctx.actor, READ), enfSupervisionNotices.orgId, enfSupervisionNotices.regionPath),
    q.kind ? eq(enfSupervisionNotices.kind, q.kind) : undefined,
    q.status ? eq(enfSupervisionNotices.status, q.status) : undefined,
    q.orgId ? eq(enfSupervisionNotices.orgId, q.orgId) : undefined,
  );
}

export async function listNotices(ctx: Ctx, q: z.infer<typeof supervisionNoticeListQuerySchema>) {
  const where = listWhere(ctx, q);
  const [items, total] = await Promise.all([
    select(ctx, ctx.db, where, (q.page - 1) * q.pageSize, q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(enfSupervisionNotices)
      .where(where),
  ]);
  return { items, total: total[0]?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function* noticeBatchesForExport(
  ctx: Ctx,
  q: Partial<z.infer<typeof supervisionNoticeListQuerySchema>>,
): AsyncIterable<SupervisionNotice[]> {
  const where = listWhere(ctx, q);
  for (let offset = 0; ; offset += 500) {
    const rows = await select(ctx, ctx.db, where, offset, 500);
    if (rows.length) yield rows;
    if (rows.length < 500) return;
  }
}

export async function getNotice(ctx: Ctx, id: string): Promise<SupervisionNotice> {
  requirePermission(ctx.actor, READ);
  const [n] = await select(
    ctx,
    ctx.db,
    and(
      eq(enfSupervisionNotices.id, id),
      scopeWhere(scopeFor(ctx.actor, READ), enfSupervisionNotices.orgId, enfSupervisionNotices.regionPath),
    ),
    0,
    1,
  );
  if (!n) throw new AppError('NOT_FOUND');
  return n;
}

const event = (ctx: Ctx, action: string, note: string): NoticeEvent => ({
  at: ctx.now().toISOString(),
  action,
  by: ctx.actor?.displayName ?? '系统',
  note,
});

/** Issues a notice in one transaction: number, items, the response clock, audit and event. */
async function issueInTx(
  tx: Tx,
  ctx: Ctx,
  input: SupervisionNoticeCreateInput & { parentId?: string },
): Promise<string> {
  const actor = ctx.actor as Actor;
  const body = await loadBodyForOffice(tx, actor, input.orgId);
  const today = shanghaiToday(ctx.now());
  const issuedOn = input.issuedOn ?? today;
  if (issuedOn > today) throw new AppError('VALIDATION_FAILED', '下达日期不能晚于今天');
  const [issuerOrg] = await tx
    .select({
      id: organisations.id,
      name: organisations.name,
      shortName: organisations.shortName,
      prefix: organisations.docCodePrefix,
    })
    .from(organisations)
    .where(eq(organisations.id, actor.orgId));
  if (!issuerOrg) throw new AppError('NOT_FOUND');
  const year = Number(issuedOn.slice(0, 4));
  const abbr = issuerOrg.prefix || issuerOrg.shortName || issuerOrg.name;
  const { n, number } = await nextFreeNoticeNumber(tx, `${actor.regionCode}:${input.kind}`, year, (k) =>
    formatNoticeNumber(NOTICE_NUMBER_TEMPLATES[input.kind], { abbr, year, n: k }),
  );
  const amount = input.deadlineAmount ?? NOTICE_RESPONSE_DEFAULT.amount;
  const unit = input.deadlineUnit ?? NOTICE_RESPONSE_DEFAULT.unit;
  const [row] = await tx
    .insert(enfSupervisionNotices)
    .values({
      kind: input.kind,
      number,
      year,
      serial: n,
      issuerOrgId: actor.orgId,
      orgId: body.id,
      regionPath: body.regionPath,
      title: input.title,
      facts: input.facts,
      issuedOn,
      deadlineAmount: amount,
      deadlineUnit: unit,
      dueDate: issuedOn, // replaced by the clock's due date below
      status: 'issued',
      parentId: input.parentId ?? null,
      timeline: [event(ctx, '下达', number)],
      createdBy: actor.userId,
    })
    .returning();
  const notice = row as Row;
  await tx
    .insert(enfSupervisionNoticeItems)
    .values(input.items.map((content, i) => ({ noticeId: notice.id, seq: i + 1, content })));
  const clock = await openClockInTx(tx, ctx, {
    orgId: body.id,
    regionPath: body.regionPath,
    title: `执法监督文书反馈：${number}`.slice(0, 200),
    subjectType: SUBJECT_TYPE,
    subjectId: notice.id,
    startEvent: '监督文书下达',
    startDate: issuedOn,
    amount,
    unit,
    legalBasis: NOTICE_LEGAL_BASIS,
  });
  await tx
    .update(enfSupervisionNotices)
    .set({ dueDate: clock.dueDate, clockId: clock.id })
    .where(eq(enfSupervisionNotices.id, notice.id));
  await appendAudit(tx, ctx, {
    action: 'enforcement.supervision.notice.issue',
    entityType: 'enf_supervision_notice',
    entityId: notice.id,
    before: null,
    after: { ...notice, dueDate: clock.dueDate, items: input.items },
  });
  await enqueueEvent(tx, 'enforcement.supervision.notice.issued', { noticeId: notice.id, orgId: body.id });
  return notice.id;
}

export async function issueNotice(ctx: Ctx, input: SupervisionNoticeCreateInput) {
  requirePermission(ctx.actor, OFFICE);
  const id = await ctx.db.transaction((tx) => issueInTx(tx, ctx, input));
  return getNotice(ctx, id);
}

/** Locks a notice in the actor's scope for `permission` and checks version and transition. */
async function lockForAction(
  tx: Tx,
  ctx: Ctx,
  id: string,
  version: number,
  action: SupervisionNoticeAction,
  permission: typeof OFFICE | typeof BODY,
): Promise<Row> {
  const actor = ctx.actor as Actor;
  const [cur] = await tx
    .select()
    .from(enfSupervisionNotices)
    .where(
      and(
        eq(enfSupervisionNotices.id, id),
        scopeWhere(
          scopeFor(actor, permission),
          enfSupervisionNotices.orgId,
          enfSupervisionNotices.regionPath,
        ),
      ),
    )
    .for('update');
  if (!cur) throw new AppError('NOT_FOUND');
  if (cur.version !== version) throw new AppError('STALE_WRITE');
  const t = SUPERVISION_NOTICE_TRANSITIONS[action];
  if (!(t.from as readonly string[]).includes(cur.status))
    throw new AppError('ILLEGAL_TRANSITION', `当前状态下不能${t.zh}`);
  return cur;
}

async function finish(tx: Tx, ctx: Ctx, cur: Row, patch: Partial<Row>, action: string, note: string) {
  await tx
    .update(enfSupervisionNotices)
    .set({ ...patch, timeline: [...cur.timeline, event(ctx, action, note)], version: cur.version + 1 })
    .where(eq(enfSupervisionNotices.id, cur.id));
  await appendAudit(tx, ctx, {
    action: `enforcement.supervision.notice.${action}`,
    entityType: 'enf_supervision_notice',
    entityId: cur.id,
    before: { status: cur.status, extendedDue: cur.extendedDue, respondedOn: cur.respondedOn },
    after: { ...patch, note },
  });
  await enqueueEvent(tx, 'enforcement.supervision.notice.changed', { noticeId: cur.id, action });
}

/** The body's report on the items (反馈整改情况), refused after the deadline. */
export async function respondNotice(ctx: Ctx, id: string, input: SupervisionNoticeRespondInput) {
  requirePermission(ctx.actor, BODY);
  await ctx.db.transaction(async (tx) => {
    const cur = await lockForAction(tx, ctx, id, input.version, 'respond', BODY);
    const today = shanghaiToday(ctx.now());
    const due = effectiveDue(cur);
    if (today > due) throw new AppError('SUPERVISION_RESPONSE_LATE', undefined, { dueDate: due, today });
    const items = await tx
      .select({ id: enfSupervisionNoticeItems.id })
      .from(enfSupervisionNoticeItems)
      .where(eq(enfSupervisionNoticeItems.noticeId, id));
    const known = new Set(items.map((i) => i.id));
    if (input.items.some((i) => !known.has(i.itemId))) throw new AppError('SUPERVISION_ITEM_UNKNOWN');
    const fileIds = [...new Set(input.items.flatMap((i) => i.evidenceFileIds))];
    if (fileIds.length) {
      const found = await tx
        .select({ id: storedFiles.id })
        .from(storedFiles)
        .where(inArray(storedFiles.id, fileIds));
      if (found.length !== fileIds.length)
        throw new AppError('VALIDATION_FAILED', '整改佐证材料文件不存在，请重新上传');
    }
    for (const i of input.items) {
      await tx
        .update(enfSupervisionNoticeItems)
        .set({ response: i.response, respondedOn: today, evidenceFileIds: i.evidenceFileIds })
        .where(eq(enfSupervisionNoticeItems.id, i.itemId));
    }
    await finish(
      tx,
      ctx,
      cur,
      { status: 'responded', respondedOn: today },
      'respond',
      `反馈${input.items.length}条`,
    );
  });
  return getNotice(ctx, id);
}

/** The office grants more time (recorded with its reason); only a later date than the current deadline. */
export async function extendNotice(ctx: Ctx, id: string, input: SupervisionNoticeExtendInput) {
  requirePermission(ctx.actor, OFFICE);
  await ctx.db.transaction(async (tx) => {
    const cur = await lockForAction(tx, ctx, id, input.version, 'extend', OFFICE);
    if (input.newDue <= effectiveDue(cur))
      throw new AppError('VALIDATION_FAILED', '延长后的反馈期限须晚于当前期限');
    await finish(
      tx,
      ctx,
      cur,
      { extendedDue: input.newDue },
      'extend',
      `延长至${input.newDue}：${input.reason}`,
    );
  });
  return getNotice(ctx, id);
}

/** The office confirms the rectification and closes the notice (completes its clock). */
export async function closeNotice(ctx: Ctx, id: string, input: { version: number; note: string }) {
  requirePermission(ctx.actor, OFFICE);
  await ctx.db.transaction(async (tx) => {
    const cur = await lockForAction(tx, ctx, id, input.version, 'close', OFFICE);
    const today = shanghaiToday(ctx.now());
    if (cur.clockId) await completeClockInTx(tx, ctx, cur.clockId, cur.respondedOn ?? today);
    await finish(tx, ctx, cur, { status: 'closed', closedOn: today }, 'close', input.note || '确认整改到位');
  });
  return getNotice(ctx, id);
}

/**
 * Escalation (条例 第四十三条): to a 《行政执法监督决定书》 (a new numbered notice with the same items, its own
 * clock) or a report to the same-level government. The opinion's clock is completed.
 */
export async function escalateNotice(ctx: Ctx, id: string, input: SupervisionNoticeEscalateInput) {
  requirePermission(ctx.actor, OFFICE);
  const childId = await ctx.db.transaction(async (tx) => {
    const cur = await lockForAction(tx, ctx, id, input.version, 'escalate', OFFICE);
    if (input.to === 'decision' && cur.kind !== 'opinion')
      throw new AppError('ILLEGAL_TRANSITION', '只有监督意见书可以升级为监督决定书');
    const today = shanghaiToday(ctx.now());
    if (cur.clockId) await completeClockInTx(tx, ctx, cur.clockId, cur.respondedOn ?? today);
    let child: string | null = null;
    if (input.to === 'decision') {
      const items = await tx
        .select({ content: enfSupervisionNoticeItems.content })
        .from(enfSupervisionNoticeItems)
        .where(eq(enfSupervisionNoticeItems.noticeId, id))
        .orderBy(asc(enfSupervisionNoticeItems.seq));
      child = await issueInTx(tx, ctx, {
        kind: 'decision',
        orgId: cur.orgId,
        title: `关于${cur.number}未按期整改的监督决定`.slice(0, 200),
        facts: `${cur.facts}\n\n升级理由：${input.reason}`.slice(0, 10000),
        items: items.map((i) => i.content),
        deadlineAmount: cur.deadlineAmount,
        deadlineUnit: cur.deadlineUnit as DueDateUnit,
        parentId: cur.id,
      });
    }
    await finish(
      tx,
      ctx,
      cur,
      { status: 'escalated', escalatedTo: input.to },
      'escalate',
      input.to === 'decision' ? `下达监督决定书：${input.reason}` : `报告本级人民政府：${input.reason}`,
    );
    return child;
  });
  return getNotice(ctx, childId ?? id);
}
