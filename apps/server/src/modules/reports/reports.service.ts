import {
  REPORT_EDITABLE,
  REPORT_STATUSES,
  markupProblems,
  placeholderCodes,
  reportOutline,
  type Report,
  type ReportCreate,
  type ReportListQuery,
  type ReportSectionUpdate,
  type ReportStatus,
  type ReportUpdate,
  type RenderedSection,
} from '@fazhi/contracts';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { requirePermission, scopeFor } from '../../platform/access/policy';
import { appendAudit } from '../../platform/audit/audit.service';
import type { Actor, Ctx } from '../../platform/context';
import type { DbOrTx, Tx } from '../../platform/db/pool';
import { AppError, isUniqueViolation } from '../../platform/errors';
import { assertIndicatorsExist } from '../indicators';
import { auditReportChange } from './reports.audit';
import { toReport, toSummary } from './reports.dto';
import { assertReportInScope, canOnReport, reportScopeWhere } from './reports.policy';
import { findReport, findReports, loadReportDetails, orgInfos, type ReportRow } from './reports.repository';
import {
  annualReportComments,
  annualReportSections,
  annualReports,
  annualReportVersions,
  type ReportSnapshot,
} from './reports.tables';

const bad = (message: string, details?: unknown) => new AppError('VALIDATION_FAILED', message, details);
const iso = (d: Date) => d.toISOString();

export async function reportView(db: DbOrTx, actor: Actor, r: ReportRow): Promise<Report> {
  return toReport(actor, r, await loadReportDetails(db, r));
}

/** Loads a report the caller may read (404 otherwise). */
export async function readableReport(
  db: DbOrTx,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<ReportRow> {
  const r = await findReport(db, id, forUpdate);
  if (!r) throw new AppError('NOT_FOUND');
  assertReportInScope(actor, 'report.read', r);
  return r;
}

/** Loads a report for a change with `permission` (404 out of scope, 403 without the permission on it). */
export async function writableReport(
  tx: DbOrTx,
  actor: Actor,
  id: string,
  permission: 'report.edit' | 'report.approve' | 'report.publish',
): Promise<ReportRow> {
  requirePermission(actor, permission);
  const r = await findReport(tx, id, true);
  if (!r) throw new AppError('NOT_FOUND');
  assertReportInScope(actor, permission, r);
  return r;
}

export function assertEditable(r: ReportRow): void {
  if (!REPORT_EDITABLE.includes(r.status as ReportStatus))
    throw new AppError(
      'ILLEGAL_TRANSITION',
      `报告当前状态为“${REPORT_STATUSES[r.status as ReportStatus].zh}”，不能修改正文；如需修改请先“退回修改”`,
    );
}

export async function getReport(ctx: Ctx, id: string): Promise<Report> {
  requirePermission(ctx.actor, 'report.read');
  return reportView(ctx.db, ctx.actor, await readableReport(ctx.db, ctx.actor, id));
}

export function listWhere(actor: Actor, q: Omit<ReportListQuery, 'page' | 'pageSize'>): SQL {
  const conds: SQL[] = [reportScopeWhere(scopeFor(actor, 'report.read'))];
  if (q.year) conds.push(eq(annualReports.year, q.year));
  if (q.orgId) conds.push(eq(annualReports.orgId, q.orgId));
  if (q.status) conds.push(eq(annualReports.status, q.status));
  return and(...conds) as SQL;
}

export async function listReports(ctx: Ctx, q: ReportListQuery) {
  requirePermission(ctx.actor, 'report.read');
  const { rows, total } = await findReports(
    ctx.db,
    listWhere(ctx.actor, q),
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return { items: rows.map(toSummary), total, page: q.page, pageSize: q.pageSize };
}

export async function* reportsForExport(ctx: Ctx, q: ReportListQuery) {
  requirePermission(ctx.actor, 'report.read');
  const where = listWhere(ctx.actor, q);
  for (let offset = 0; ; offset += 1000) {
    const { rows } = await findReports(ctx.db, where, 1000, offset);
    if (rows.length === 0) return;
    yield rows.map(toSummary);
    if (rows.length < 1000) return;
  }
}

export async function createReport(ctx: Ctx, input: ReportCreate): Promise<Report> {
  requirePermission(ctx.actor, 'report.edit');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const orgs = await orgInfos(tx, [input.orgId, input.coOrgId ?? null]);
    const org = orgs.get(input.orgId);
    if (!org) throw bad('报告单位不存在');
    if (!canOnReport(actor, 'report.edit', { orgId: org.id, coOrgId: null, regionPath: org.regionPath }))
      throw new AppError('NOT_FOUND', '报告单位不存在或不在您的管辖范围内');
    let coName: string | null = null;
    if (input.coOrgId) {
      const co = orgs.get(input.coOrgId);
      if (!co || co.type !== 'party_committee' || co.regionCode !== org.regionCode)
        throw bad('联合报告的另一单位应为同一区划的党委');
      if (org.type !== 'government') throw bad('党委、政府联合报告的报告单位应为人民政府');
      coName = co.name;
    }
    if (input.kind === 'department' && ['government', 'party_committee'].includes(org.type))
      throw bad('部门报告的报告单位应为政府部门');
    const title =
      input.title?.trim() ||
      `${coName ? `${coName} ` : ''}${org.name}关于${input.year}年度法治政府建设情况的报告`;
    let row: ReportRow | undefined;
    try {
      [row] = await tx
        .insert(annualReports)
        .values({
          orgId: org.id,
          coOrgId: input.coOrgId ?? null,
          regionPath: org.regionPath,
          year: input.year,
          kind: input.kind,
          title,
          status: 'planned',
          createdBy: actor.userId,
        })
        .returning();
    } catch (e) {
      if (isUniqueViolation(e))
        throw new AppError('DUPLICATE', `${org.name}已有${input.year}年度同类报告，请打开已有报告继续编辑`);
      throw e;
    }
    const report = row as ReportRow;
    await tx.insert(annualReportSections).values(
      reportOutline(input.kind).map((s, i) => ({
        reportId: report.id,
        code: s.code,
        title: s.title,
        level: s.level,
        sort: (i + 1) * 10,
        updatedBy: actor.userId,
      })),
    );
    await auditReportChange(tx, ctx, 'report.create', null, report);
    return reportView(tx, actor, report);
  });
}

export async function updateReport(ctx: Ctx, id: string, input: ReportUpdate): Promise<Report> {
  requirePermission(ctx.actor, 'report.edit');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const cur = await writableReport(tx, actor, id, 'report.edit');
    if (cur.version !== input.version) throw new AppError('STALE_WRITE');
    assertEditable(cur);
    const [row] = await tx
      .update(annualReports)
      .set({
        title: input.title ?? cur.title,
        docNumber: input.docNumber === undefined ? cur.docNumber : input.docNumber || null,
        signer: input.signer === undefined ? cur.signer : input.signer || null,
        issuedOn: input.issuedOn === undefined ? cur.issuedOn : input.issuedOn,
        version: cur.version + 1,
        updatedAt: ctx.now(),
      })
      .where(and(eq(annualReports.id, id), eq(annualReports.version, cur.version)))
      .returning();
    if (!row) throw new AppError('STALE_WRITE');
    await auditReportChange(tx, ctx, 'report.update', cur, row);
    return reportView(tx, actor, row);
  });
}

/** Validates a section body: the 公文 subset, and every placeholder in the indicator catalogue. */
export async function assertValidBody(db: DbOrTx, body: string): Promise<void> {
  const problems = markupProblems(body);
  if (problems.length) throw bad(problems.join('；'), { problems });
  const codes = placeholderCodes(body);
  if (codes.length) await assertIndicatorsExist(db, codes);
}

/** Writes a section body (versioned) and bumps the report; audited by the caller. */
export async function writeSection(
  tx: Tx,
  ctx: Ctx,
  report: ReportRow,
  code: string,
  body: string,
  expectedVersion: number | null,
): Promise<{ before: string; after: string }> {
  const [sec] = await tx
    .select()
    .from(annualReportSections)
    .where(and(eq(annualReportSections.reportId, report.id), eq(annualReportSections.code, code)))
    .for('update');
  if (!sec) throw new AppError('NOT_FOUND', `报告中没有“${code}”这一节`);
  if (expectedVersion !== null && sec.version !== expectedVersion) throw new AppError('STALE_WRITE');
  await tx
    .update(annualReportSections)
    .set({ body, version: sec.version + 1, updatedBy: ctx.actor?.userId ?? null, updatedAt: ctx.now() })
    .where(eq(annualReportSections.id, sec.id));
  return { before: sec.body, after: body };
}

export async function updateSection(
  ctx: Ctx,
  id: string,
  code: string,
  input: ReportSectionUpdate,
): Promise<Report> {
  requirePermission(ctx.actor, 'report.edit');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const cur = await writableReport(tx, actor, id, 'report.edit');
    assertEditable(cur);
    await assertValidBody(tx, input.body);
    const change = await writeSection(tx, ctx, cur, code, input.body, input.version);
    const [row] = await tx
      .update(annualReports)
      .set({ updatedAt: ctx.now() })
      .where(eq(annualReports.id, id))
      .returning();
    await appendAudit(tx, ctx, {
      action: 'report.section.update',
      entityType: 'annual_report',
      entityId: id,
      before: { section: code, body: change.before },
      after: { section: code, body: change.after },
    });
    return reportView(tx, actor, row as ReportRow);
  });
}

// ── versions ────────────────────────────────────────────────────────────────────────────────────────────

export async function snapshotOf(tx: DbOrTx, reportId: string): Promise<ReportSnapshot> {
  const rows = await tx
    .select()
    .from(annualReportSections)
    .where(eq(annualReportSections.reportId, reportId))
    .orderBy(annualReportSections.sort);
  return rows.map((s) => ({ code: s.code, title: s.title, level: s.level, body: s.body }));
}

export async function saveVersion(
  tx: Tx,
  ctx: Ctx,
  reportId: string,
  label: string,
  rendered?: RenderedSection[],
): Promise<string> {
  const snapshot = await snapshotOf(tx, reportId);
  if (rendered) {
    const byCode = new Map(rendered.map((r) => [r.code, r]));
    for (const s of snapshot) s.rendered = byCode.get(s.code) ?? null;
  }
  const [v] = await tx
    .insert(annualReportVersions)
    .values({ reportId, label, snapshot, createdBy: ctx.actor?.userId ?? null })
    .returning({ id: annualReportVersions.id });
  await appendAudit(tx, ctx, {
    action: 'report.version.create',
    entityType: 'annual_report',
    entityId: reportId,
    after: { versionId: v?.id, label, sections: snapshot.length },
  });
  return v?.id as string;
}

export async function createVersion(ctx: Ctx, id: string, label: string) {
  requirePermission(ctx.actor, 'report.edit');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const cur = await writableReport(tx, actor, id, 'report.edit');
    assertEditable(cur);
    const versionId = await saveVersion(tx, ctx, id, label);
    return getVersionIn(tx, cur.id, versionId);
  });
}

export async function listVersions(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'report.read');
  await readableReport(ctx.db, ctx.actor, id);
  const rows = await ctx.db
    .select({
      id: annualReportVersions.id,
      label: annualReportVersions.label,
      createdAt: annualReportVersions.createdAt,
      createdBy: annualReportVersions.createdBy,
    })
    .from(annualReportVersions)
    .where(eq(annualReportVersions.reportId, id))
    .orderBy(desc(annualReportVersions.createdAt));
  return { items: rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) })) };
}

async function getVersionIn(db: DbOrTx, reportId: string, versionId: string) {
  const [v] = await db
    .select()
    .from(annualReportVersions)
    .where(and(eq(annualReportVersions.id, versionId), eq(annualReportVersions.reportId, reportId)));
  if (!v) throw new AppError('NOT_FOUND');
  const rendered = v.snapshot.some((s) => s.rendered)
    ? (v.snapshot.map((s) => s.rendered).filter(Boolean) as RenderedSection[])
    : null;
  return {
    id: v.id,
    label: v.label,
    createdAt: iso(v.createdAt),
    createdBy: v.createdBy,
    sections: v.snapshot.map((s) => ({ code: s.code, title: s.title, body: s.body })),
    rendered,
  };
}

export async function getVersion(ctx: Ctx, id: string, versionId: string) {
  requirePermission(ctx.actor, 'report.read');
  await readableReport(ctx.db, ctx.actor, id);
  return getVersionIn(ctx.db, id, versionId);
}

// ── comments ────────────────────────────────────────────────────────────────────────────────────────────

const toComment = (c: typeof annualReportComments.$inferSelect) => ({
  id: c.id,
  sectionCode: c.sectionCode,
  authorName: c.authorName,
  text: c.text,
  resolved: c.resolved,
  createdAt: iso(c.createdAt),
});

export async function listComments(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'report.read');
  await readableReport(ctx.db, ctx.actor, id);
  const rows = await ctx.db
    .select()
    .from(annualReportComments)
    .where(eq(annualReportComments.reportId, id))
    .orderBy(annualReportComments.createdAt);
  return { items: rows.map(toComment) };
}

export async function addComment(ctx: Ctx, id: string, input: { sectionCode?: string | null; text: string }) {
  requirePermission(ctx.actor, 'report.read');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const r = await readableReport(tx, actor, id, true);
    if (r.status === 'archived') throw new AppError('ILLEGAL_TRANSITION', '报告已归档，不能再提意见');
    if (input.sectionCode) {
      const [s] = await tx
        .select({ id: annualReportSections.id })
        .from(annualReportSections)
        .where(and(eq(annualReportSections.reportId, id), eq(annualReportSections.code, input.sectionCode)));
      if (!s) throw bad(`报告中没有“${input.sectionCode}”这一节`);
    }
    const [c] = await tx
      .insert(annualReportComments)
      .values({
        reportId: id,
        sectionCode: input.sectionCode ?? null,
        authorId: actor.userId,
        authorName: `${actor.displayName}（${actor.orgName}）`,
        text: input.text,
      })
      .returning();
    await appendAudit(tx, ctx, {
      action: 'report.comment.add',
      entityType: 'annual_report',
      entityId: id,
      after: { commentId: c?.id, sectionCode: input.sectionCode ?? null, text: input.text },
    });
    return toComment(c as typeof annualReportComments.$inferSelect);
  });
}

export async function resolveComment(ctx: Ctx, id: string, commentId: string) {
  requirePermission(ctx.actor, 'report.edit');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    await writableReport(tx, actor, id, 'report.edit');
    const [c] = await tx
      .update(annualReportComments)
      .set({ resolved: true })
      .where(and(eq(annualReportComments.id, commentId), eq(annualReportComments.reportId, id)))
      .returning();
    if (!c) throw new AppError('NOT_FOUND');
    await appendAudit(tx, ctx, {
      action: 'report.comment.resolve',
      entityType: 'annual_report',
      entityId: id,
      after: { commentId, resolved: true },
    });
    return toComment(c);
  });
}
