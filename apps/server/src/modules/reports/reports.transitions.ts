import {
  REPORT_STATUSES,
  REPORT_TRANSITIONS,
  reportTransitionRefusal,
  type Report,
  type ReportActor,
  type ReportStatus,
  type ReportTransitionInput,
  type ReportSendingInput,
} from '@fazhi/contracts';
import { and, eq } from 'drizzle-orm';
import { requirePermission } from '../../platform/access/policy';
import { appendAudit } from '../../platform/audit/audit.service';
import type { Ctx } from '../../platform/context';
import type { Tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { auditReportChange } from './reports.audit';
import { ACTOR_PERMISSION } from './reports.dto';
import { issuerOf, PUBLISHED_LABEL } from './reports.preview';
import { figureTarget, renderSections } from './reports.render';
import { findReport, loadSections, type ReportRow } from './reports.repository';
import { reportView, saveVersion, writableReport } from './reports.service';
import { annualReportSendings, annualReportSignoffs, annualReports } from './reports.tables';

const bad = (message: string) => new AppError('VALIDATION_FAILED', message);

async function renderForPublication(ctx: Ctx, id: string) {
  const r = await findReport(ctx.db, id);
  if (!r) return null;
  const { orgs } = await issuerOf(ctx.db, r);
  const org = orgs.get(r.orgId);
  if (!org) return null;
  return renderSections(ctx.db, r, figureTarget(org), await loadSections(ctx.db, id));
}

async function insertSendings(tx: Tx, reportId: string, list: ReportSendingInput[], signedOn: string | null) {
  for (const s of list)
    if (signedOn && s.sentOn < signedOn) throw bad(`报送日期 ${s.sentOn} 不能早于签发日期 ${signedOn}`);
  await tx.insert(annualReportSendings).values(
    list.map((s) => ({
      reportId,
      recipient: s.recipient,
      copyTo: s.copyTo ?? [],
      sentOn: s.sentOn,
      channel: s.channel ?? '',
    })),
  );
}

/**
 * One lifecycle step (REPORT_TRANSITIONS), by the actor whose route was called. Every step is audited with
 * its inputs; publication freezes the rendered text in the 公开稿 version.
 */
export async function transitionReport(
  ctx: Ctx,
  id: string,
  by: ReportActor,
  input: ReportTransitionInput,
): Promise<Report> {
  const t = REPORT_TRANSITIONS[input.action];
  if (t.by !== by) throw bad(`“${t.zh}”不能通过此接口办理`);
  const permission = ACTOR_PERMISSION[by] as 'report.edit' | 'report.approve' | 'report.publish';
  requirePermission(ctx.actor, permission);
  const actor = ctx.actor;
  // The published text is rendered before the transaction: resolving values runs its queries in parallel,
  // which one transaction's connection cannot; the sections cannot change once signed.
  const frozen = input.action === 'publish' ? await renderForPublication(ctx, id) : null;
  return ctx.db.transaction(async (tx) => {
    const cur = await writableReport(tx, actor, id, permission);
    if (cur.version !== input.version) throw new AppError('STALE_WRITE');
    const status = cur.status as ReportStatus;
    // 督察工作规定 第二十四条: published except secret content — the secrecy review must be on record.
    if (input.action === 'publish' && !cur.secrecyReviewedOn)
      throw new AppError(
        'SECRECY_REVIEW_REQUIRED',
        `报告公开前须完成保密审查（当前状态：${REPORT_STATUSES[status].zh}）；请先形成送审稿并记录保密审查结论`,
      );
    const refusal = reportTransitionRefusal(status, input.action);
    if (refusal) throw new AppError('ILLEGAL_TRANSITION', refusal);
    const now = ctx.now();
    const set: Partial<typeof annualReports.$inferInsert> = {
      status: t.to,
      version: cur.version + 1,
      updatedAt: now,
    };
    const detail: Record<string, unknown> = {};
    switch (input.action) {
      case 'revise':
        // The text will change: a new secrecy review and new sign-offs are needed.
        set.secrecyReviewedBy = null;
        set.secrecyReviewedOn = null;
        set.secrecyConclusion = null;
        await tx.delete(annualReportSignoffs).where(eq(annualReportSignoffs.reportId, id));
        detail.note = input.note ?? '';
        break;
      case 'secrecy_review':
        set.secrecyReviewedBy = input.reviewer;
        set.secrecyReviewedOn = input.reviewedOn;
        set.secrecyConclusion = input.conclusion;
        break;
      case 'sign': {
        if (cur.secrecyReviewedOn && input.issuedOn < cur.secrecyReviewedOn)
          throw bad(`成文日期 ${input.issuedOn} 不能早于保密审查日期 ${cur.secrecyReviewedOn}`);
        const signer = input.signer ?? cur.signer;
        if (cur.kind === 'to_superior' && !signer)
          throw bad('向上级党委、政府报告是上行文，须填写签发人（GB/T 9704-2012 7.2.5）');
        for (const s of input.signoffs)
          if (cur.secrecyReviewedOn && s.signedOn < cur.secrecyReviewedOn)
            throw bad(`${s.name}的签发日期不能早于保密审查日期 ${cur.secrecyReviewedOn}`);
        await tx.delete(annualReportSignoffs).where(eq(annualReportSignoffs.reportId, id));
        await tx.insert(annualReportSignoffs).values(
          input.signoffs.map((s) => ({
            reportId: id,
            userId: actor.userId,
            name: s.name,
            position: s.position,
            signedOn: s.signedOn,
          })),
        );
        set.issuedOn = input.issuedOn;
        set.docNumber = input.docNumber ?? cur.docNumber;
        set.signer = signer ?? null;
        detail.signoffs = input.signoffs;
        break;
      }
      case 'send':
        await insertSendings(tx, id, input.sendings, cur.issuedOn);
        detail.sendings = input.sendings;
        break;
      case 'publish':
        if (input.publishedOn < (cur.secrecyReviewedOn as string))
          throw bad(`公开日期 ${input.publishedOn} 不能早于保密审查日期 ${cur.secrecyReviewedOn}`);
        set.publishedOn = input.publishedOn;
        set.publishedUrl = input.url || null;
        break;
      case 'archive':
        set.archivedAt = now;
        break;
      default:
        if ('note' in input && input.note) detail.note = input.note;
    }
    const [row] = await tx
      .update(annualReports)
      .set(set)
      .where(and(eq(annualReports.id, id), eq(annualReports.version, cur.version)))
      .returning();
    if (!row) throw new AppError('STALE_WRITE');
    if (input.action === 'publish') {
      // Values frozen at publication: the 公开稿 holds the rendered text.
      detail.versionId = await saveVersion(tx, ctx, id, PUBLISHED_LABEL, frozen ?? []);
    } else if ('snapshot' in t && t.snapshot) {
      detail.versionId = await saveVersion(tx, ctx, id, t.snapshot);
    }
    await auditReportChange(tx, ctx, `report.${input.action}`, cur, row as ReportRow, detail);
    return reportView(tx, actor, row as ReportRow);
  });
}

/** More sending records after the report was sent (抄送, later recipients). */
export async function addSendings(ctx: Ctx, id: string, list: ReportSendingInput[]): Promise<Report> {
  requirePermission(ctx.actor, 'report.edit');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const cur = await writableReport(tx, actor, id, 'report.edit');
    if (!['sent', 'published'].includes(cur.status))
      throw new AppError('ILLEGAL_TRANSITION', '报告报送（“报送”环节）后才能补记报送记录');
    await insertSendings(tx, id, list, cur.issuedOn);
    const [row] = await tx
      .update(annualReports)
      .set({ version: cur.version + 1, updatedAt: ctx.now() })
      .where(eq(annualReports.id, id))
      .returning();
    await appendAudit(tx, ctx, {
      action: 'report.sending.add',
      entityType: 'annual_report',
      entityId: id,
      after: { sendings: list },
    });
    return reportView(tx, actor, row as ReportRow);
  });
}
