import {
  EVALUATION_SAMPLE_ALGORITHM,
  type EvalCampaign,
  type EvalCampaignCreate,
  type EvalCampaignDetail,
  type EvalCampaignReport,
  type EvalRectification,
  type EvalScoreInput,
  type EvalTemplateCreate,
  type EvaluationGrade,
  type EvaluationTemplate,
} from '@fazhi/contracts';
import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import {
  can,
  escapeLike,
  requirePermission,
  scopeFor,
  scopeWhere,
  type Scope,
} from '../../../platform/access/policy';
import { appendAudit } from '../../../platform/audit/audit.service';
import { shanghaiToday } from '../../../platform/clock/today';
import type { Actor, Ctx } from '../../../platform/context';
import type { DbOrTx } from '../../../platform/db/pool';
import { organisations } from '../../../platform/db/schema';
import { AppError } from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/jobs';
import { randomSeed } from '../../normdocs/registers/register-sampling';
import { completeClockInTx, openClockInTx } from '../../clocks';
import { drawFiles } from './evaluation.sampling';
import { scoreFile } from './evaluation.scoring';
import {
  evaluationCampaigns as campaigns,
  evaluationCaseFiles as caseFiles,
  evaluationFiles as files,
  evaluationRectifications as rects,
  evaluationTemplates as templates,
} from './evaluation.tables';

/*
 * 案卷评查 (DOMAIN.md §4.7; 河南省行政执法条例 第四十条). The justice bureau ('enforcement.supervise') keeps templates,
 * runs campaigns, draws and scores files and orders rectification; bodies ('enforcement.body') register their case
 * files and answer rectification items; 'enforcement.read' views in scope. A campaign is visible to an own-organisation
 * role when the organisation organises it or is in its scope.
 */

type CampaignRow = typeof campaigns.$inferSelect;
type Perm = 'enforcement.read' | 'enforcement.supervise' | 'enforcement.body';
const RECT_SUBJECT = 'enforcement_evaluation_rectification';
const RECT_LEGAL_BASIS = '河南省行政执法条例 第四十条（案卷评查发现问题责令纠正）';

function campaignScope(scope: Scope): SQL {
  if (scope.kind === 'none') return sql`false`;
  if (scope.kind === 'region') return sql`${campaigns.regionPath} like ${escapeLike(scope.pathPrefix) + '%'}`;
  return sql`(${campaigns.orgId} = ${scope.orgId} or ${campaigns.scopeOrgIds} @> ${JSON.stringify([scope.orgId])}::jsonb)`;
}

async function orgNames(db: DbOrTx, ids: string[]) {
  const u = [...new Set(ids)];
  if (!u.length) return new Map<string, string>();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, u));
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ── templates ────────────────────────────────────────────────────────────────────────────────────────────────
const templateDto = (t: typeof templates.$inferSelect): EvaluationTemplate => ({
  id: t.id,
  orgId: t.orgId,
  name: t.name,
  items: t.items,
  gradeBands: t.gradeBands,
  createdAt: t.createdAt.toISOString(),
});

/** Templates of the caller's region and the regions above it (a county uses the city's standard). */
export async function listTemplates(ctx: Ctx): Promise<{ items: EvaluationTemplate[] }> {
  requirePermission(ctx.actor, 'enforcement.read');
  const rows = await ctx.db
    .select()
    .from(templates)
    .where(sql`${ctx.actor.regionPath} like ${templates.regionPath} || '%'`)
    .orderBy(desc(templates.createdAt));
  return { items: rows.map(templateDto) };
}

export async function createTemplate(ctx: Ctx, input: EvalTemplateCreate): Promise<EvaluationTemplate> {
  requirePermission(ctx.actor, 'enforcement.supervise');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(templates)
      .values({
        orgId: actor.orgId,
        regionPath: actor.regionPath,
        name: input.name,
        items: input.items.map((i) => ({ ...i, category: i.category ?? '', veto: i.veto ?? false })),
        gradeBands: input.gradeBands,
        createdBy: actor.userId,
      })
      .returning();
    await appendAudit(tx, ctx, {
      action: 'enforcement.evaluation.template.create',
      entityType: 'enforcement_evaluation_template',
      entityId: row!.id,
      before: null,
      after: { ...row! },
    });
    await enqueueEvent(tx, 'enforcement.evaluation.template.created', { templateId: row!.id });
    return templateDto(row!);
  });
}

// ── case files ───────────────────────────────────────────────────────────────────────────────────────────────
export async function listCaseFiles(ctx: Ctx, year?: number) {
  requirePermission(ctx.actor, 'enforcement.read');
  const rows = await ctx.db
    .select({ f: caseFiles, orgName: organisations.name })
    .from(caseFiles)
    .innerJoin(organisations, eq(organisations.id, caseFiles.orgId))
    .where(
      and(
        scopeWhere(scopeFor(ctx.actor, 'enforcement.read'), caseFiles.orgId, caseFiles.regionPath),
        year ? gte(caseFiles.decidedOn, `${year}-01-01`) : undefined,
        year ? lte(caseFiles.decidedOn, `${year}-12-31`) : undefined,
      ),
    )
    .orderBy(desc(caseFiles.decidedOn))
    .limit(5000);
  return {
    items: rows.map((r) => ({
      id: r.f.id,
      orgId: r.f.orgId,
      orgName: r.orgName,
      caseNo: r.f.caseNo,
      title: r.f.title,
      decidedOn: r.f.decidedOn,
    })),
    canCreate: can(ctx.actor, 'enforcement.body'),
  };
}

export async function createCaseFile(ctx: Ctx, input: { caseNo: string; title: string; decidedOn: string }) {
  requirePermission(ctx.actor, 'enforcement.body');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(caseFiles)
      .values({ orgId: actor.orgId, regionPath: actor.regionPath, ...input })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('DUPLICATE', `案件编号 ${input.caseNo} 已登记`);
    await appendAudit(tx, ctx, {
      action: 'enforcement.evaluation.casefile.create',
      entityType: 'enforcement_case_file',
      entityId: row.id,
      before: null,
      after: { ...row },
    });
    await enqueueEvent(tx, 'enforcement.evaluation.casefile.created', { caseFileId: row.id });
    return { ...input, id: row.id, orgId: row.orgId, orgName: actor.orgName };
  });
}

// ── campaigns ────────────────────────────────────────────────────────────────────────────────────────────────
async function loadCampaign(db: DbOrTx, actor: Actor, id: string, perm: Perm, lock = false) {
  requirePermission(actor, perm);
  const q = db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), campaignScope(scopeFor(actor, perm))));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function campaignDtos(db: DbOrTx, rows: CampaignRow[]): Promise<EvalCampaign[]> {
  const names = await orgNames(
    db,
    rows.map((r) => r.orgId),
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: names.get(r.orgId) ?? '',
    year: r.year,
    title: r.title,
    templateId: r.templateId,
    scopeOrgIds: r.scopeOrgIds,
    perBody: r.perBody,
    evaluators: r.evaluators,
    seed: r.seed,
    algorithm: EVALUATION_SAMPLE_ALGORITHM,
    status: r.status as 'planned' | 'drawn',
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function listCampaigns(ctx: Ctx) {
  requirePermission(ctx.actor, 'enforcement.read');
  const rows = await ctx.db
    .select()
    .from(campaigns)
    .where(campaignScope(scopeFor(ctx.actor, 'enforcement.read')))
    .orderBy(desc(campaigns.year), desc(campaigns.createdAt))
    .limit(1000);
  return { items: await campaignDtos(ctx.db, rows), canCreate: can(ctx.actor, 'enforcement.supervise') };
}

export async function createCampaign(ctx: Ctx, input: EvalCampaignCreate): Promise<EvalCampaignDetail> {
  requirePermission(ctx.actor, 'enforcement.supervise');
  const actor = ctx.actor;
  const scope = scopeFor(actor, 'enforcement.supervise');
  const id = await ctx.db.transaction(async (tx) => {
    const [tpl] = await tx
      .select({ id: templates.id })
      .from(templates)
      .where(
        and(eq(templates.id, input.templateId), sql`${actor.regionPath} like ${templates.regionPath} || '%'`),
      );
    if (!tpl) throw new AppError('VALIDATION_FAILED', '评查标准不存在或不可用，请重新选择');
    const orgIds = [...new Set(input.scopeOrgIds)];
    const orgs = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        and(inArray(organisations.id, orgIds), scopeWhere(scope, organisations.id, organisations.regionPath)),
      );
    if (orgs.length !== orgIds.length) throw new AppError('EVALUATION_SCOPE_ORG');
    const [row] = await tx
      .insert(campaigns)
      .values({
        orgId: actor.orgId,
        regionPath: actor.regionPath,
        year: input.year,
        title: input.title,
        templateId: input.templateId,
        scopeOrgIds: orgIds,
        perBody: input.perBody,
        evaluators: input.evaluators,
        createdBy: actor.userId,
      })
      .returning();
    await appendAudit(tx, ctx, {
      action: 'enforcement.evaluation.campaign.create',
      entityType: 'enforcement_evaluation_campaign',
      entityId: row!.id,
      before: null,
      after: { ...row! },
    });
    await enqueueEvent(tx, 'enforcement.evaluation.campaign.created', { campaignId: row!.id });
    return row!.id;
  });
  return getCampaign(ctx, id);
}

/** 随机抽取: perBody files per body from the files it registered for the campaign year, seed recorded. */
export async function drawCampaign(ctx: Ctx, id: string, input: { version: number; seed?: string }) {
  requirePermission(ctx.actor, 'enforcement.supervise');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const c = await loadCampaign(tx, actor, id, 'enforcement.supervise', true);
    if (c.version !== input.version) throw new AppError('STALE_WRITE');
    if (c.status !== 'planned') throw new AppError('EVALUATION_ALREADY_DRAWN');
    const rows = await tx
      .select({ id: caseFiles.id, caseNo: caseFiles.caseNo, orgId: caseFiles.orgId })
      .from(caseFiles)
      .where(
        and(
          inArray(caseFiles.orgId, c.scopeOrgIds),
          gte(caseFiles.decidedOn, `${c.year}-01-01`),
          lte(caseFiles.decidedOn, `${c.year}-12-31`),
        ),
      );
    if (rows.length === 0) throw new AppError('EVALUATION_NO_FILES');
    const byBody = new Map<string, { id: string; caseNo: string }[]>();
    for (const r of rows) byBody.set(r.orgId, [...(byBody.get(r.orgId) ?? []), r]);
    const seed = input.seed ?? randomSeed();
    const picked = drawFiles(byBody, c.perBody, seed);
    const orgOf = new Map(rows.map((r) => [r.id, r.orgId]));
    await tx
      .insert(files)
      .values(picked.map((fid) => ({ campaignId: c.id, caseFileId: fid, orgId: orgOf.get(fid)! })));
    await tx
      .update(campaigns)
      .set({ seed, status: 'drawn', version: c.version + 1 })
      .where(eq(campaigns.id, c.id));
    await appendAudit(tx, ctx, {
      action: 'enforcement.evaluation.campaign.draw',
      entityType: 'enforcement_evaluation_campaign',
      entityId: c.id,
      before: { status: c.status, seed: c.seed },
      after: { status: 'drawn', seed, algorithm: EVALUATION_SAMPLE_ALGORITHM, files: picked },
    });
    await enqueueEvent(tx, 'enforcement.evaluation.campaign.drawn', {
      campaignId: c.id,
      files: picked.length,
    });
  });
  return getCampaign(ctx, id);
}

export async function scoreCampaignFile(ctx: Ctx, id: string, fileId: string, input: EvalScoreInput) {
  requirePermission(ctx.actor, 'enforcement.supervise');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const c = await loadCampaign(tx, actor, id, 'enforcement.supervise');
    const [f] = await tx
      .select()
      .from(files)
      .where(and(eq(files.id, fileId), eq(files.campaignId, c.id)))
      .for('update');
    if (!f) throw new AppError('NOT_FOUND');
    if (f.version !== input.version) throw new AppError('STALE_WRITE');
    const [tpl] = await tx.select().from(templates).where(eq(templates.id, c.templateId));
    const { total, grade } = scoreFile(tpl!.items, tpl!.gradeBands, input);
    const after = {
      evaluator: input.evaluator,
      scores: input.scores,
      vetoHits: input.vetoHits,
      problems: input.problems,
      total,
      grade,
      version: f.version + 1,
    };
    await tx.update(files).set(after).where(eq(files.id, f.id));
    await appendAudit(tx, ctx, {
      action: 'enforcement.evaluation.file.score',
      entityType: 'enforcement_evaluation_file',
      entityId: f.id,
      before: { total: f.total, grade: f.grade, scores: f.scores, vetoHits: f.vetoHits },
      after,
    });
    await enqueueEvent(tx, 'enforcement.evaluation.file.scored', { campaignId: c.id, fileId: f.id, grade });
  });
  return getCampaign(ctx, id);
}

/** 整改事项 with a due date on the statutory clock (calendar days from today, through the 期限台账). */
export async function createRectification(
  ctx: Ctx,
  id: string,
  input: { fileId: string; problem: string; days: number },
) {
  requirePermission(ctx.actor, 'enforcement.supervise');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const c = await loadCampaign(tx, actor, id, 'enforcement.supervise');
    const [f] = await tx
      .select({ id: files.id, orgId: files.orgId, regionPath: organisations.regionPath })
      .from(files)
      .innerJoin(organisations, eq(organisations.id, files.orgId))
      .where(and(eq(files.id, input.fileId), eq(files.campaignId, c.id)));
    if (!f) throw new AppError('VALIDATION_FAILED', '所选案卷不属于本次评查');
    const today = shanghaiToday(ctx.now());
    const [row] = await tx
      .insert(rects)
      .values({
        campaignId: c.id,
        fileId: f.id,
        orgId: f.orgId,
        regionPath: f.regionPath,
        problem: input.problem,
        dueDate: today,
      })
      .returning();
    const clock = await openClockInTx(tx, ctx, {
      orgId: f.orgId,
      regionPath: f.regionPath,
      title: `案卷评查整改：${input.problem}`.slice(0, 200),
      subjectType: RECT_SUBJECT,
      subjectId: row!.id,
      startEvent: '评查通报整改',
      startDate: today,
      amount: input.days,
      unit: 'calendar_days',
      legalBasis: RECT_LEGAL_BASIS,
    });
    await tx.update(rects).set({ dueDate: clock.dueDate, clockId: clock.id }).where(eq(rects.id, row!.id));
    await appendAudit(tx, ctx, {
      action: 'enforcement.evaluation.rectification.create',
      entityType: 'enforcement_evaluation_rectification',
      entityId: row!.id,
      before: null,
      after: { ...row!, dueDate: clock.dueDate, clockId: clock.id },
    });
    await enqueueEvent(tx, 'enforcement.evaluation.rectification.created', { id: row!.id, orgId: f.orgId });
  });
  return getCampaign(ctx, id);
}

export async function respondRectification(
  ctx: Ctx,
  rectId: string,
  input: { version: number; response: string; evidence: string[]; doneOn: string },
): Promise<EvalRectification> {
  requirePermission(ctx.actor, 'enforcement.body');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const [r] = await tx
      .select()
      .from(rects)
      .where(
        and(
          eq(rects.id, rectId),
          scopeWhere(scopeFor(actor, 'enforcement.body'), rects.orgId, rects.regionPath),
        ),
      )
      .for('update');
    if (!r) throw new AppError('NOT_FOUND');
    if (r.version !== input.version) throw new AppError('STALE_WRITE');
    if (r.doneOn) throw new AppError('RECTIFICATION_DONE');
    const after = {
      response: input.response,
      evidence: input.evidence,
      doneOn: input.doneOn,
      version: r.version + 1,
    };
    await tx.update(rects).set(after).where(eq(rects.id, r.id));
    if (r.clockId) await completeClockInTx(tx, ctx, r.clockId, input.doneOn);
    await appendAudit(tx, ctx, {
      action: 'enforcement.evaluation.rectification.respond',
      entityType: 'enforcement_evaluation_rectification',
      entityId: r.id,
      before: { response: r.response, doneOn: r.doneOn },
      after,
    });
    await enqueueEvent(tx, 'enforcement.evaluation.rectification.done', { id: r.id, orgId: r.orgId });
    const names = await orgNames(tx, [r.orgId]);
    return rectDto({ ...r, ...after }, names, []);
  });
}

const rectDto = (
  r: typeof rects.$inferSelect,
  names: Map<string, string>,
  actions: string[],
): EvalRectification => ({
  id: r.id,
  campaignId: r.campaignId,
  fileId: r.fileId,
  orgId: r.orgId,
  orgName: names.get(r.orgId) ?? '',
  problem: r.problem,
  dueDate: r.dueDate,
  response: r.response,
  evidence: r.evidence,
  doneOn: r.doneOn,
  version: r.version,
  actions,
});

export function reportOf(
  fileRows: { orgId: string; orgName: string; grade: string | null; problems: string[] }[],
  rectRows: { doneOn: string | null }[],
): EvalCampaignReport {
  const scored = fileRows.filter((f) => f.grade !== null);
  const n = (g: EvaluationGrade) => scored.filter((f) => f.grade === g).length;
  const byBody = new Map<
    string,
    { orgId: string; orgName: string; files: number; pass: number; problems: number }
  >();
  for (const f of fileRows) {
    const b = byBody.get(f.orgId) ?? { orgId: f.orgId, orgName: f.orgName, files: 0, pass: 0, problems: 0 };
    b.files += 1;
    if (f.grade === 'pass' || f.grade === 'excellent') b.pass += 1;
    b.problems += f.problems.length;
    byBody.set(f.orgId, b);
  }
  const rate = (k: number) => (scored.length ? Math.round((k / scored.length) * 10000) / 100 : null);
  return {
    files: fileRows.length,
    scored: scored.length,
    excellent: n('excellent'),
    pass: n('pass'),
    fail: n('fail'),
    passRate: rate(n('excellent') + n('pass')),
    excellentRate: rate(n('excellent')),
    problems: fileRows.reduce((s, f) => s + f.problems.length, 0),
    rectifications: rectRows.length,
    rectified: rectRows.filter((r) => r.doneOn !== null).length,
    byBody: [...byBody.values()],
  };
}

export async function getCampaign(ctx: Ctx, id: string): Promise<EvalCampaignDetail> {
  requirePermission(ctx.actor, 'enforcement.read');
  const c = await loadCampaign(ctx.db, ctx.actor, id, 'enforcement.read');
  const [dto] = await campaignDtos(ctx.db, [c]);
  const [tpl] = await ctx.db.select().from(templates).where(eq(templates.id, c.templateId));
  const fileRows = await ctx.db
    .select({ f: files, caseNo: caseFiles.caseNo, title: caseFiles.title, orgName: organisations.name })
    .from(files)
    .innerJoin(caseFiles, eq(caseFiles.id, files.caseFileId))
    .innerJoin(organisations, eq(organisations.id, files.orgId))
    .where(eq(files.campaignId, c.id))
    .orderBy(asc(organisations.name), asc(caseFiles.caseNo));
  const readScope = scopeFor(ctx.actor, 'enforcement.read');
  // An own-organisation reader of a campaign sees only its own files and rectification items.
  const visible = (orgId: string) =>
    readScope.kind !== 'org' || readScope.orgId === orgId || c.orgId === readScope.orgId;
  const rectRows = (
    await ctx.db.select().from(rects).where(eq(rects.campaignId, c.id)).orderBy(asc(rects.createdAt))
  ).filter((r) => visible(r.orgId));
  const names = await orgNames(
    ctx.db,
    rectRows.map((r) => r.orgId),
  );
  const supervise = can(ctx.actor, 'enforcement.supervise')
    ? await loadCampaign(ctx.db, ctx.actor, id, 'enforcement.supervise').then(
        () => true,
        () => false,
      )
    : false;
  const bodyScope = can(ctx.actor, 'enforcement.body') ? scopeFor(ctx.actor, 'enforcement.body') : null;
  const shownFiles = fileRows.filter((r) => visible(r.f.orgId));
  return {
    ...dto!,
    template: templateDto(tpl!),
    files: shownFiles.map((r) => ({
      id: r.f.id,
      caseFileId: r.f.caseFileId,
      orgId: r.f.orgId,
      orgName: r.orgName,
      caseNo: r.caseNo,
      title: r.title,
      evaluator: r.f.evaluator,
      scores: r.f.scores,
      vetoHits: r.f.vetoHits,
      problems: r.f.problems,
      total: r.f.total,
      grade: r.f.grade as EvaluationGrade | null,
      version: r.f.version,
    })),
    rectifications: rectRows.map((r) =>
      rectDto(
        r,
        names,
        !r.doneOn && bodyScope && bodyScope.kind === 'org' && bodyScope.orgId === r.orgId ? ['respond'] : [],
      ),
    ),
    report: reportOf(
      shownFiles.map((r) => ({
        orgId: r.f.orgId,
        orgName: r.orgName,
        grade: r.f.grade,
        problems: r.f.problems,
      })),
      rectRows,
    ),
    actions: supervise ? (c.status === 'planned' ? ['draw'] : ['score', 'rectify']) : [],
  };
}
