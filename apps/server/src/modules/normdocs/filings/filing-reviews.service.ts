import {
  CORRECTION_FORMS,
  FILING_REGISTRATION_RESULTS,
  HANDLING_REVIEW_RESULT,
  REVIEW_HANDLINGS,
  REVIEW_ISSUES,
  type FilingAction,
  type FilingReview,
  type FilingReviewListQuery,
  type FilingStatus,
  type filingAssignSchema,
  type filingCorrectionResultSchema,
  type filingRegisterSchema,
  type filingReviewInputSchema,
} from '@fazhi/contracts';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { inScope, requirePermission, scopeFor, scopeWhere } from '../../../platform/access/policy';
import { appendAudit } from '../../../platform/audit/audit.service';
import { shanghaiToday } from '../../../platform/clock/today';
import type { Actor, Ctx } from '../../../platform/context';
import type { Tx } from '../../../platform/db/pool';
import { organisations, userRoles, users } from '../../../platform/db/schema';
import { AppError } from '../../../platform/errors';
import { notify } from '../../../platform/notify/notify.service';
import { completeClockInTx, openClockInTx } from '../../clocks';
import { normdocFilingReviews, normdocFilings } from '../normdocs.tables';
import {
  countReviews,
  findReviewRows,
  reviewFacts,
  toReviewDto,
  type ReviewJoinRow,
} from './filing-reviews.query';
import { recordFilingChange } from './filings.service';
import { assertFilingStep } from './filings.rules';

// The receiving side (备案审查) at the justice bureau: intake queue, registration, assignment, review, correction.

const today = (ctx: Ctx) => shanghaiToday(ctx.now());
type ReviewRow = typeof normdocFilingReviews.$inferSelect;
type FilingRow = typeof normdocFilings.$inferSelect;

/**
 * Correction deadline after a review opinion: set by the reviewing organ (default 30 calendar days, as the
 * drafting organ's 30-day answer to a 人大常委会 review opinion — 河南省实施监督法办法 第五十六条).
 */
const CORRECTION_BASIS = '备案审查意见确定的纠正期限（参照河南省实施《监督法》办法 第五十六条 三十日）';

function listWhere(ctx: Ctx, actor: Actor, q: Omit<FilingReviewListQuery, 'page' | 'pageSize'>) {
  const conds: (SQL | undefined)[] = [
    scopeWhere(
      scopeFor(actor, 'normdoc.review'),
      normdocFilingReviews.reviewerOrgId,
      normdocFilingReviews.regionPath,
    ),
  ];
  if (q.status) conds.push(eq(normdocFilingReviews.status, q.status));
  if (q.assignee)
    conds.push(eq(normdocFilingReviews.assigneeId, q.assignee === 'me' ? actor.userId : q.assignee));
  if (q.year !== undefined)
    conds.push(sql`${normdocFilingReviews.receivedOn} between ${`${q.year}-01-01`} and ${`${q.year}-12-31`}`);
  if (q.overdue === true)
    conds.push(
      and(
        eq(normdocFilingReviews.status, 'correcting'),
        sql`${normdocFilingReviews.correctionDue} < ${today(ctx)}`,
      ),
    );
  if (q.overdue === false)
    conds.push(
      sql`not (${normdocFilingReviews.status} = 'correcting' and ${normdocFilingReviews.correctionDue} < ${today(ctx)})`,
    );
  return and(...conds);
}

export async function listReviews(ctx: Ctx, q: FilingReviewListQuery) {
  requirePermission(ctx.actor, 'normdoc.review');
  const where = listWhere(ctx, ctx.actor, q);
  const [rows, total] = await Promise.all([
    findReviewRows(ctx.db, where, q.pageSize, (q.page - 1) * q.pageSize),
    countReviews(ctx.db, where),
  ]);
  return { items: rows.map((r) => toReviewDto(ctx, r)), total, page: q.page, pageSize: q.pageSize };
}

export async function* reviewBatchesForExport(
  ctx: Ctx,
  q: FilingReviewListQuery,
): AsyncIterable<FilingReview[]> {
  requirePermission(ctx.actor, 'normdoc.review');
  const where = listWhere(ctx, ctx.actor, q);
  for (let offset = 0; ; offset += 1000) {
    const rows = await findReviewRows(ctx.db, where, 1000, offset);
    if (rows.length) yield rows.map((r) => toReviewDto(ctx, r));
    if (rows.length < 1000) return;
  }
}

async function loadRow(db: Ctx['db'] | Tx, id: string): Promise<ReviewJoinRow | null> {
  const [row] = await findReviewRows(db, eq(normdocFilingReviews.id, id), 1, 0);
  return row ?? null;
}

export async function getReview(ctx: Ctx, id: string): Promise<FilingReview> {
  requirePermission(ctx.actor, 'normdoc.review');
  const row = await loadRow(ctx.db, id);
  if (!row || !inScope(scopeFor(ctx.actor, 'normdoc.review'), reviewFacts(row.r)))
    throw new AppError('NOT_FOUND');
  return toReviewDto(ctx, row);
}

/** Reviewers inside the caller's scope, for the assignment picker. */
export async function listAssignees(ctx: Ctx) {
  requirePermission(ctx.actor, 'normdoc.review');
  const scope = scopeFor(ctx.actor, 'normdoc.review');
  const rows = await ctx.db
    .select({ id: users.id, name: users.displayName, orgName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'reviewer')))
    .where(and(eq(users.disabled, false), scopeWhere(scope, organisations.id, organisations.regionPath)))
    .orderBy(organisations.regionPath, users.displayName)
    .limit(500);
  return { items: rows };
}

type Step = { tx: Tx; row: ReviewJoinRow; r: ReviewRow; f: FilingRow };

/**
 * Every receiving-side step: lock the review and its filing, scope (outside = not found), version, the
 * filing sub-machine; then the change, its audit entries and timeline line — one transaction.
 */
async function step(
  ctx: Ctx,
  id: string,
  version: number,
  action: FilingAction,
  apply: (s: Step) => Promise<void>,
): Promise<FilingReview> {
  requirePermission(ctx.actor, 'normdoc.review');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const [r] = await tx
      .select()
      .from(normdocFilingReviews)
      .where(eq(normdocFilingReviews.id, id))
      .for('update');
    if (!r || !inScope(scopeFor(actor, 'normdoc.review'), reviewFacts(r))) throw new AppError('NOT_FOUND');
    const [f] = await tx.select().from(normdocFilings).where(eq(normdocFilings.id, r.filingId)).for('update');
    const row = await loadRow(tx, id);
    if (!f || !row) throw new AppError('NOT_FOUND');
    if (r.version !== version) throw new AppError('STALE_WRITE');
    assertFilingStep(f, action, r.status);
    await apply({ tx, row, r, f });
  });
  return getReview(ctx, id);
}

async function updateReview(
  tx: Tx,
  ctx: Ctx,
  r: ReviewRow,
  set: Partial<typeof normdocFilingReviews.$inferInsert>,
) {
  const [after] = await tx
    .update(normdocFilingReviews)
    .set({ ...set, version: r.version + 1, updatedAt: ctx.now() })
    .where(and(eq(normdocFilingReviews.id, r.id), eq(normdocFilingReviews.version, r.version)))
    .returning();
  if (!after) throw new AppError('STALE_WRITE');
  await appendAudit(tx, ctx, {
    action: 'normdoc.filing_review.update',
    entityType: 'normdoc_filing_review',
    entityId: r.id,
    before: reviewAuditable(r),
    after: reviewAuditable(after),
  });
  return after;
}

const reviewAuditable = (r: ReviewRow) => ({
  status: r.status,
  assigneeId: r.assigneeId,
  issues: r.issues,
  handling: r.handling,
  opinionText: r.opinionText,
  reviewedOn: r.reviewedOn,
  correctionDue: r.correctionDue,
  corrected: r.corrected,
  correctionForm: r.correctionForm,
  correctionDoneOn: r.correctionDoneOn,
  version: r.version,
});

async function updateFiling(
  tx: Tx,
  ctx: Ctx,
  f: FilingRow,
  set: Partial<typeof normdocFilings.$inferInsert>,
) {
  const [after] = await tx
    .update(normdocFilings)
    .set({ ...set, version: f.version + 1, updatedAt: ctx.now() })
    .where(eq(normdocFilings.id, f.id))
    .returning();
  if (!after) throw new AppError('NOT_FOUND');
  return after;
}

function notBefore(date: string, floor: string | null, what: string) {
  if (floor && date < floor) throw new AppError('VALIDATION_FAILED', `${what}不能早于 ${floor}`);
}

/** 备案登记: 予以备案登记 / 暂缓登记-补正 (what to supplement) / 不予备案. */
export function registerFiling(ctx: Ctx, id: string, input: z.infer<typeof filingRegisterSchema>) {
  return step(ctx, id, input.version, 'register', async ({ tx, r, f }) => {
    notBefore(input.registeredOn, r.receivedOn, '登记日期（收到报备）');
    if (input.registeredOn > today(ctx)) throw new AppError('VALIDATION_FAILED', '登记日期不能晚于今天');
    const status: FilingStatus = input.result;
    const after = await updateFiling(tx, ctx, f, {
      status,
      registrationResult: input.result,
      registeredOn: input.registeredOn,
      registrationNote: input.note || null,
    });
    if (input.result === 'not_accepted') await updateReview(tx, ctx, r, { status: 'closed' });
    await recordFilingChange(
      tx,
      ctx,
      'register',
      f,
      after,
      `${FILING_REGISTRATION_RESULTS[input.result]}（${input.registeredOn}）${input.note ? `：${input.note}` : ''}`,
    );
  });
}

/** 分配审查人: a reviewer who sees the review and is inside the caller's scope. */
export function assignReview(ctx: Ctx, id: string, input: z.infer<typeof filingAssignSchema>) {
  return step(ctx, id, input.version, 'assign', async ({ tx, r, f }) => {
    const actor = ctx.actor as Actor;
    const [assignee] = await tx
      .select({ id: users.id, name: users.displayName, orgRegionPath: organisations.regionPath })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.orgId))
      .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'reviewer')))
      .where(and(eq(users.id, input.assigneeId), eq(users.disabled, false)));
    const scope = scopeFor(actor, 'normdoc.review');
    if (
      !assignee ||
      !r.regionPath.startsWith(assignee.orgRegionPath) ||
      (scope.kind === 'region' && !assignee.orgRegionPath.startsWith(scope.pathPrefix))
    ) {
      throw new AppError('VALIDATION_FAILED', '审查人须为本辖区内、能看到该备案的备案审查人员（审核员）', {
        fields: { assigneeId: '请选择本辖区的审核员' },
      });
    }
    await updateReview(tx, ctx, r, { assigneeId: assignee.id, status: 'assigned' });
    const after = await updateFiling(tx, ctx, f, f.status === 'registered' ? { status: 'under_review' } : {});
    await notify(tx, [
      {
        userId: assignee.id,
        kind: 'normdoc.filing',
        title: '分配给您的备案审查',
        body: `请审查报送备案的规范性文件（备案编号 ${f.id.slice(0, 8)}）`,
        link: '/normdocs/filing-reviews',
        dedupeKey: `normdoc.filing-review:${r.id}:assign:${assignee.id}:${r.version}`,
      },
    ]);
    await recordFilingChange(tx, ctx, 'assign', f, after, `分配审查人：${assignee.name}`, {
      assigneeId: assignee.id,
    });
  });
}

/**
 * 审查结论: issues found and handling (无问题 / 电话提醒 / 书面审查意见 / 纠错通知 / 提请撤销). Anything but 无问题
 * asks the filing organ to correct, with a correction clock in the 期限台账 of the filing organ.
 */
export function reviewFiling(ctx: Ctx, id: string, input: z.infer<typeof filingReviewInputSchema>) {
  return step(ctx, id, input.version, 'review', async ({ tx, row, r, f }) => {
    notBefore(input.reviewedOn, f.registeredOn ?? r.receivedOn, '审查日期（登记日期）');
    if (input.reviewedOn > today(ctx)) throw new AppError('VALIDATION_FAILED', '审查日期不能晚于今天');
    const needsCorrection = input.handling !== 'no_issue';
    let correctionDue: string | null = null;
    let clockId = f.clockId;
    if (needsCorrection) {
      const clock = await openClockInTx(tx, ctx, {
        orgId: f.orgId,
        regionPath: f.regionPath,
        title: `《${row.docTitle}》备案审查意见纠正`,
        subjectType: 'normdoc.filing.correction',
        subjectId: f.id,
        startEvent: '收到备案审查意见',
        startDate: input.reviewedOn,
        amount: input.correctionDays,
        unit: 'calendar_days',
        legalBasis: CORRECTION_BASIS,
      });
      correctionDue = clock.dueDate;
      // The filing's open clock is now its correction deadline (the filing deadline was completed on submission).
      clockId = clock.id;
    }
    await updateReview(tx, ctx, r, {
      issues: input.issues,
      handling: input.handling,
      opinionText: input.opinionText || null,
      reviewedOn: input.reviewedOn,
      correctionDue,
      status: needsCorrection ? 'correcting' : 'closed',
    });
    const after = await updateFiling(tx, ctx, f, {
      status: needsCorrection ? 'opinion_issued' : 'passed',
      reviewResult: HANDLING_REVIEW_RESULT[input.handling],
      reviewedOn: input.reviewedOn,
      correctionDue,
      clockId,
    });
    const issues = input.issues.map((i) => REVIEW_ISSUES[i]).join('、');
    await recordFilingChange(
      tx,
      ctx,
      'review',
      f,
      after,
      `备案审查：${REVIEW_HANDLINGS[input.handling]}${issues ? `（${issues}）` : ''}${correctionDue ? `，纠正期限至 ${correctionDue}` : ''}`,
      { handling: input.handling, issues: input.issues },
    );
  });
}

/** 纠正结果: corrected (修改 / 废止 / 停止执行) or not; closes the correction clock. */
export function recordCorrectionResult(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof filingCorrectionResultSchema>,
) {
  return step(ctx, id, input.version, 'correction_result', async ({ tx, r, f }) => {
    notBefore(input.date, r.reviewedOn, '纠正结果日期（审查日期）');
    if (input.date > today(ctx)) throw new AppError('VALIDATION_FAILED', '日期不能晚于今天');
    await updateReview(tx, ctx, r, {
      corrected: input.corrected,
      correctionForm: input.corrected ? (input.correctionForm ?? null) : null,
      correctionDoneOn: input.corrected ? input.date : null,
      status: 'closed',
    });
    const status: FilingStatus = input.corrected
      ? 'corrected'
      : r.handling === 'revocation_proposal'
        ? 'revoked'
        : 'opinion_issued';
    const after = await updateFiling(tx, ctx, f, {
      status,
      correctionDoneOn: input.corrected ? (f.correctionDoneOn ?? input.date) : f.correctionDoneOn,
      correctionNote: input.note || f.correctionNote,
    });
    if (f.clockId) await completeClockInTx(tx, ctx, f.clockId, input.date);
    const form = input.corrected && input.correctionForm ? CORRECTION_FORMS[input.correctionForm] : '';
    await recordFilingChange(
      tx,
      ctx,
      'correction_result',
      f,
      after,
      input.corrected ? `已纠正（${form}，${input.date}）` : `未纠正（${input.date}）：${input.note}`,
      { corrected: input.corrected, correctionForm: input.correctionForm ?? null },
    );
  });
}
