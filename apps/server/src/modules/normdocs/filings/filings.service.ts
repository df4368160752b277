import {
  FILING_MATERIALS,
  FILING_RECIPIENTS,
  FILING_REGISTRATION_RESULTS,
  FILING_REVIEW_RESULTS,
  type Filing,
  type FilingListQuery,
  type FilingMaterial,
  type FilingStatus,
  type filingAddSchema,
  type filingCorrectionSchema,
  type filingOutcomeSchema,
  type filingSubmitSchema,
} from '@fazhi/contracts';
import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { requirePermission, scopeFor } from '../../../platform/access/policy';
import { appendAudit } from '../../../platform/audit/audit.service';
import { shanghaiToday } from '../../../platform/clock/today';
import type { Actor, Ctx } from '../../../platform/context';
import type { Tx } from '../../../platform/db/pool';
import { organisations, userRoles, users } from '../../../platform/db/schema';
import { AppError } from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/jobs';
import { notify } from '../../../platform/notify/notify.service';
import { completeClockInTx } from '../../clocks';
import { recordEvent } from '../normdocs.events';
import { assertDocInScope, docInScope, docScopeWhere } from '../normdocs.policy';
import { normdocCoIssuers, normdocFilingReviews, normdocFilings, normdocs } from '../normdocs.tables';
import { assertFileable, openFilingInTx } from './filings.open';
import { countFilings, docFacts, findFilingRows, toFilingDto, type FilingJoinRow } from './filings.query';
import { orgOfTypeIn, parentRegionPath, recipientInSystem } from './filings.recipients';
import { assertFilingStep } from './filings.rules';

// The submitting side of 备案: the filing organ's list, submission, resubmission, correction report.

const today = (ctx: Ctx) => shanghaiToday(ctx.now());

function listWhere(ctx: Ctx, actor: Actor, q: Omit<FilingListQuery, 'page' | 'pageSize'>): SQL | undefined {
  const conds: (SQL | undefined)[] = [docScopeWhere(scopeFor(actor, 'normdoc.read'))];
  if (q.status) conds.push(eq(normdocFilings.status, q.status));
  if (q.recipient) conds.push(eq(normdocFilings.recipientKind, q.recipient));
  if (q.docId) conds.push(eq(normdocFilings.docId, q.docId));
  if (q.year !== undefined)
    conds.push(sql`${normdocFilings.dueDate} between ${`${q.year}-01-01`} and ${`${q.year}-12-31`}`);
  if (q.overdue === true)
    conds.push(and(isNull(normdocFilings.submittedOn), sql`${normdocFilings.dueDate} < ${today(ctx)}`));
  if (q.overdue === false)
    conds.push(
      or(sql`${normdocFilings.submittedOn} is not null`, sql`${normdocFilings.dueDate} >= ${today(ctx)}`),
    );
  return and(...conds);
}

export async function listFilings(ctx: Ctx, q: FilingListQuery) {
  requirePermission(ctx.actor, 'normdoc.read');
  const where = listWhere(ctx, ctx.actor, q);
  const [rows, total] = await Promise.all([
    findFilingRows(ctx.db, where, q.pageSize, (q.page - 1) * q.pageSize),
    countFilings(ctx.db, where),
  ]);
  return { items: rows.map((r) => toFilingDto(ctx, r)), total, page: q.page, pageSize: q.pageSize };
}

export async function* filingBatchesForExport(ctx: Ctx, q: FilingListQuery): AsyncIterable<Filing[]> {
  requirePermission(ctx.actor, 'normdoc.read');
  const where = listWhere(ctx, ctx.actor, q);
  for (let offset = 0; ; offset += 1000) {
    const rows = await findFilingRows(ctx.db, where, 1000, offset);
    if (rows.length) yield rows.map((r) => toFilingDto(ctx, r));
    if (rows.length < 1000) return;
  }
}

async function loadRow(db: Ctx['db'] | Tx, id: string): Promise<FilingJoinRow | null> {
  const [row] = await findFilingRows(db, eq(normdocFilings.id, id), 1, 0);
  return row ?? null;
}

export async function getFiling(ctx: Ctx, id: string): Promise<Filing> {
  requirePermission(ctx.actor, 'normdoc.read');
  const row = await loadRow(ctx.db, id);
  if (!row || !docInScope(scopeFor(ctx.actor, 'normdoc.read'), docFacts(row)))
    throw new AppError('NOT_FOUND');
  return toFilingDto(ctx, row);
}

/** GET /normdocs/:id/filings — the document's filings for its page. */
export async function listDocFilings(ctx: Ctx, docId: string): Promise<{ items: Filing[] }> {
  requirePermission(ctx.actor, 'normdoc.read');
  const doc = await loadDoc(ctx.db, docId);
  assertDocInScope(ctx.actor, 'normdoc.read', doc);
  const rows = await findFilingRows(ctx.db, eq(normdocFilings.docId, docId), 100, 0);
  return { items: rows.map((r) => toFilingDto(ctx, r)) };
}

async function loadDoc(db: Ctx['db'] | Tx, docId: string) {
  const [doc] = await db.select().from(normdocs).where(eq(normdocs.id, docId));
  if (!doc) throw new AppError('NOT_FOUND');
  const co = await db
    .select({ orgId: normdocCoIssuers.orgId })
    .from(normdocCoIssuers)
    .where(eq(normdocCoIssuers.docId, docId));
  return { ...doc, coIssuerOrgIds: co.map((c) => c.orgId) };
}

/** POST /normdocs/:id/filings — a filing with the 上级主管部门 (vertical systems) for a published document. */
export async function addFiling(
  ctx: Ctx,
  docId: string,
  input: z.infer<typeof filingAddSchema>,
): Promise<Filing> {
  requirePermission(ctx.actor, 'normdoc.draft');
  const actor = ctx.actor;
  const id = await ctx.db.transaction(async (tx) => {
    const doc = await loadDoc(tx, docId);
    assertDocInScope(actor, 'normdoc.draft', doc);
    assertFileable(doc);
    let recipientRegionPath = parentRegionPath(doc.regionPath) ?? doc.regionPath;
    if (input.recipientOrgId) {
      const [org] = await tx.select().from(organisations).where(eq(organisations.id, input.recipientOrgId));
      if (!org || org.disabled) throw new AppError('VALIDATION_FAILED', '上级主管部门不存在或已停用');
      if (!doc.regionPath.startsWith(org.regionPath) || org.regionPath === doc.regionPath)
        throw new AppError('VALIDATION_FAILED', '上级主管部门应为上级行政区划的单位');
      recipientRegionPath = org.regionPath;
    }
    const row = await openFilingInTx(tx, ctx, doc, {
      kind: input.recipientKind,
      orgId: input.recipientOrgId ?? null,
      regionPath: recipientRegionPath,
    });
    if (!row)
      throw new AppError('DUPLICATE', `该文件已有报${FILING_RECIPIENTS[input.recipientKind]}的备案记录`);
    return row.id;
  });
  return getFiling(ctx, id);
}

type Locked = { row: FilingJoinRow; f: typeof normdocFilings.$inferSelect };

/** Lock the filing, check the caller's scope (outside = not found) and the version. */
async function lockForFiler(tx: Tx, actor: Actor, id: string, version: number): Promise<Locked> {
  const [locked] = await tx.select().from(normdocFilings).where(eq(normdocFilings.id, id)).for('update');
  if (!locked) throw new AppError('NOT_FOUND');
  const row = await loadRow(tx, id);
  if (!row || !docInScope(scopeFor(actor, 'normdoc.draft'), docFacts(row))) throw new AppError('NOT_FOUND');
  if (locked.version !== version) throw new AppError('STALE_WRITE');
  return { row, f: locked };
}

async function updateFiling(
  tx: Tx,
  ctx: Ctx,
  f: typeof normdocFilings.$inferSelect,
  set: Partial<typeof normdocFilings.$inferInsert>,
) {
  const [after] = await tx
    .update(normdocFilings)
    .set({ ...set, version: f.version + 1, updatedAt: ctx.now() })
    .where(and(eq(normdocFilings.id, f.id), eq(normdocFilings.version, f.version)))
    .returning();
  if (!after) throw new AppError('STALE_WRITE');
  return after;
}

const auditable = (f: typeof normdocFilings.$inferSelect) => ({
  status: f.status,
  submittedOn: f.submittedOn,
  materials: f.materials,
  registrationResult: f.registrationResult,
  registrationNote: f.registrationNote,
  registeredOn: f.registeredOn,
  reviewResult: f.reviewResult,
  reviewedOn: f.reviewedOn,
  correctionDue: f.correctionDue,
  correctionDoneOn: f.correctionDoneOn,
  correctionNote: f.correctionNote,
  recipientOrgId: f.recipientOrgId,
  version: f.version,
});

/** Audit entry, timeline line and outbox event of one filing change. */
export async function recordFilingChange(
  tx: Tx,
  ctx: Ctx,
  action: string,
  before: typeof normdocFilings.$inferSelect,
  after: typeof normdocFilings.$inferSelect,
  note: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await appendAudit(tx, ctx, {
    action: `normdoc.filing.${action}`,
    entityType: 'normdoc_filing',
    entityId: after.id,
    before: auditable(before),
    after: auditable(after),
    detail,
  });
  await recordEvent(tx, ctx, after.docId, {
    action: `filing_${action}`,
    note,
    data: { filingId: after.id, recipientKind: after.recipientKind, status: after.status, ...detail },
  });
  await enqueueEvent(tx, 'normdoc.filing.changed', {
    filingId: after.id,
    docId: after.docId,
    action,
    status: after.status,
  });
}

const materialsText = (m: FilingMaterial[]) => m.map((k) => FILING_MATERIALS[k]).join('、');

async function notifyReviewers(tx: Tx, orgId: string, title: string, body: string, key: string) {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.orgId, orgId), eq(users.disabled, false), eq(userRoles.role, 'reviewer')));
  await notify(
    tx,
    rows.map((u) => ({
      userId: u.id,
      kind: 'normdoc.filing',
      title,
      body,
      link: '/normdocs/filing-reviews',
      dedupeKey: `${key}:${u.id}`,
    })),
  );
}

/**
 * 报送备案 (and 补正后重新报送): records the submission and its materials, completes the filing clock and, when
 * the recipient is a justice bureau in this system, puts the filing in its intake queue (备案审查).
 */
export async function submitFiling(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof filingSubmitSchema>,
  resubmit: boolean,
): Promise<Filing> {
  requirePermission(ctx.actor, 'normdoc.draft');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const { row, f } = await lockForFiler(tx, actor, id, input.version);
    assertFileable({ status: row.docStatus, publishedOn: row.publishedOn });
    assertFilingStep(f, resubmit ? 'resubmit' : 'submit');
    if (row.publishedOn && input.submittedOn < row.publishedOn)
      throw new AppError('VALIDATION_FAILED', `报送日期不能早于文件公布日期 ${row.publishedOn}`);
    if (input.submittedOn > today(ctx)) throw new AppError('VALIDATION_FAILED', '报送日期不能晚于今天');
    if (resubmit && f.submittedOn && input.submittedOn < f.submittedOn)
      throw new AppError('VALIDATION_FAILED', `重新报送日期不能早于首次报送日期 ${f.submittedOn}`);

    // A justice bureau created after publication still receives the filing.
    let recipientOrgId = f.recipientOrgId;
    const bureauSide =
      f.recipientKind === 'same_level_government' ||
      (f.recipientKind === 'superior_government' && f.recipientRegionPath !== f.regionPath);
    if (!recipientOrgId && bureauSide) {
      recipientOrgId = (await orgOfTypeIn(tx, 'justice_bureau', f.recipientRegionPath))?.id ?? null;
    }
    const after = await updateFiling(tx, ctx, f, {
      status: 'submitted',
      // 及时率 counts the first submission; a resubmission after 暂缓登记 keeps it.
      submittedOn: resubmit ? f.submittedOn : input.submittedOn,
      materials: input.materials,
      recipientOrgId,
      ...(resubmit ? { registrationResult: null } : {}),
    });
    if (!resubmit && f.clockId) await completeClockInTx(tx, ctx, f.clockId, input.submittedOn);
    if (recipientInSystem(after) && recipientOrgId) {
      await tx
        .insert(normdocFilingReviews)
        .values({
          filingId: f.id,
          reviewerOrgId: recipientOrgId,
          regionPath: f.recipientRegionPath,
          receivedOn: input.submittedOn,
          status: 'received',
          createdAt: ctx.now(),
          updatedAt: ctx.now(),
        })
        .onConflictDoNothing();
      await notifyReviewers(
        tx,
        recipientOrgId,
        resubmit ? '备案补正材料已报送' : '收到报送备案的规范性文件',
        `${row.orgName}报送《${row.docTitle}》（${materialsText(input.materials)}）`,
        `normdoc.filing:${f.id}:${resubmit ? `resubmit:${after.version}` : 'submit'}`,
      );
    }
    const label = FILING_RECIPIENTS[f.recipientKind as keyof typeof FILING_RECIPIENTS];
    await recordFilingChange(
      tx,
      ctx,
      resubmit ? 'resubmit' : 'submit',
      f,
      after,
      `${resubmit ? '补正后重新报送' : '报送'}${label}备案（${input.submittedOn}）：${materialsText(input.materials)}${input.note ? `；${input.note}` : ''}`,
      { submittedOn: input.submittedOn, note: input.note },
    );
  });
  return getFiling(ctx, id);
}

/** POST /normdocs/filings/:id/correction — the filing organ reports the correction done. */
export async function reportCorrection(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof filingCorrectionSchema>,
): Promise<Filing> {
  requirePermission(ctx.actor, 'normdoc.draft');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const { f } = await lockForFiler(tx, actor, id, input.version);
    assertFilingStep(f, 'report_correction');
    if (f.reviewedOn && input.correctionDoneOn < f.reviewedOn)
      throw new AppError('VALIDATION_FAILED', `纠正日期不能早于审查日期 ${f.reviewedOn}`);
    if (input.correctionDoneOn > today(ctx)) throw new AppError('VALIDATION_FAILED', '纠正日期不能晚于今天');
    const external = !recipientInSystem(f);
    const after = await updateFiling(tx, ctx, f, {
      correctionDoneOn: input.correctionDoneOn,
      correctionNote: input.note,
      // An external recipient's opinion is closed by the report; a justice bureau confirms it itself.
      ...(external ? { status: 'corrected' as FilingStatus } : {}),
    });
    // The filing's open clock is now the correction deadline (see reviewFiling).
    if (f.clockId) await completeClockInTx(tx, ctx, f.clockId, input.correctionDoneOn);
    if (!external && f.recipientOrgId)
      await notifyReviewers(
        tx,
        f.recipientOrgId,
        '备案文件纠正情况已报告',
        `报备机关已报告纠正情况：${input.note}`,
        `normdoc.filing:${f.id}:correction`,
      );
    await recordFilingChange(
      tx,
      ctx,
      'correction',
      f,
      after,
      `报告纠正情况（${input.correctionDoneOn}）：${input.note}`,
    );
  });
  return getFiling(ctx, id);
}

const OUTCOME_STATUS = {
  passed: 'passed',
  self_correct: 'opinion_issued',
  ordered_correct: 'opinion_issued',
  revoked: 'revoked',
} as const satisfies Record<keyof typeof FILING_REVIEW_RESULTS, FilingStatus>;

/** POST /normdocs/filings/:id/outcome — the result a recipient outside the system (人大常委会 …) reported. */
export async function recordOutcome(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof filingOutcomeSchema>,
): Promise<Filing> {
  requirePermission(ctx.actor, 'normdoc.draft');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const { f } = await lockForFiler(tx, actor, id, input.version);
    assertFilingStep(f, 'record_outcome');
    if (f.submittedOn && input.registeredOn < f.submittedOn)
      throw new AppError('VALIDATION_FAILED', `登记日期不能早于报送日期 ${f.submittedOn}`);
    if (input.reviewedOn && input.reviewedOn < input.registeredOn)
      throw new AppError('VALIDATION_FAILED', '审查日期不能早于登记日期');
    const status: FilingStatus = input.reviewResult
      ? OUTCOME_STATUS[input.reviewResult]
      : input.registrationResult;
    const after = await updateFiling(tx, ctx, f, {
      status,
      registrationResult: input.registrationResult,
      registeredOn: input.registeredOn,
      registrationNote: input.registrationNote ?? null,
      reviewResult: input.reviewResult ?? null,
      reviewedOn: input.reviewedOn ?? null,
      correctionDue: input.correctionDue ?? null,
    });
    const text = [
      FILING_REGISTRATION_RESULTS[input.registrationResult],
      input.reviewResult ? FILING_REVIEW_RESULTS[input.reviewResult] : null,
      input.registrationNote,
    ]
      .filter(Boolean)
      .join('；');
    await recordFilingChange(tx, ctx, 'outcome', f, after, `登记备案结果：${text}`);
  });
  return getFiling(ctx, id);
}
