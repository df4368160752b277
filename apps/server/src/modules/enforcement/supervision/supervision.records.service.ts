import {
  SUPERVISION_PROBLEM_TRANSITIONS,
  type SupervisionAccountabilityCreateInput,
  type SupervisionCheck,
  type SupervisionCheckCreateInput,
  type SupervisionInterviewCreateInput,
  type SupervisionProblem,
  type SupervisionProblemCreateInput,
  type SupervisionProblemHandleInput,
  type SupervisionProblemStatus,
  type supervisionCheckListQuerySchema,
  type supervisionProblemListQuerySchema,
  type supervisionRecordListQuerySchema,
} from '@fazhi/contracts';
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { can, inScope, requirePermission, scopeFor, scopeWhere } from '../../../platform/access/policy';
import { appendAudit } from '../../../platform/audit/audit.service';
import { shanghaiToday } from '../../../platform/clock/today';
import type { Ctx } from '../../../platform/context';
import type { DbOrTx } from '../../../platform/db/pool';
import { organisations } from '../../../platform/db/schema';
import { AppError } from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/jobs';
import { loadBodyForOffice } from './supervision.targets';
import {
  enfSupervisionAccountability,
  enfSupervisionChecks,
  enfSupervisionInterviews,
  enfSupervisionNotices,
  enfSupervisionProblems,
} from './supervision.tables';

/* 监督检查, 问题线索 / 投诉举报, 约谈, 追责 (DOMAIN.md §4.8; 河南省行政执法条例 第三十九条, 第四十四–四十五条). */
const OFFICE = 'enforcement.supervise' as const;
const READ = 'enforcement.read' as const;
const page = <T>(items: T[], total: number, q: { page: number; pageSize: number }) => ({
  items,
  total,
  page: q.page,
  pageSize: q.pageSize,
});

// ── checks ──
function checkScope(ctx: Ctx): SQL {
  requirePermission(ctx.actor, READ);
  const scope = scopeFor(ctx.actor, READ);
  // A body's staff also see the checks that targeted their organisation.
  if (scope.kind === 'org')
    return sql`(${enfSupervisionChecks.orgId} = ${scope.orgId} or ${scope.orgId}::uuid = any(${enfSupervisionChecks.targetOrgIds}))`;
  return scopeWhere(scope, enfSupervisionChecks.orgId, enfSupervisionChecks.regionPath);
}

async function checkRows(
  db: DbOrTx,
  where: SQL | undefined,
  offset: number,
  limit: number,
): Promise<SupervisionCheck[]> {
  const rows = await db
    .select({ c: enfSupervisionChecks, orgName: organisations.name, regionCode: organisations.regionCode })
    .from(enfSupervisionChecks)
    .innerJoin(organisations, eq(organisations.id, enfSupervisionChecks.orgId))
    .where(where)
    .orderBy(desc(enfSupervisionChecks.periodFrom), desc(enfSupervisionChecks.createdAt))
    .limit(limit)
    .offset(offset);
  const targetIds = [...new Set(rows.flatMap((r) => r.c.targetOrgIds))];
  const names = new Map(
    targetIds.length
      ? (
          await db
            .select({ id: organisations.id, name: organisations.name })
            .from(organisations)
            .where(inArray(organisations.id, targetIds))
        ).map((o) => [o.id, o.name])
      : [],
  );
  return rows.map(({ c, orgName, regionCode }) => ({
    id: c.id,
    org: { id: c.orgId, name: orgName },
    regionCode,
    kind: c.kind as SupervisionCheck['kind'],
    title: c.title,
    targets: c.targetOrgIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    periodFrom: c.periodFrom,
    periodTo: c.periodTo,
    findings: c.findings,
    version: c.version,
  }));
}

function checkWhere(ctx: Ctx, q: Partial<z.infer<typeof supervisionCheckListQuerySchema>>) {
  return and(
    checkScope(ctx),
    q.kind ? eq(enfSupervisionChecks.kind, q.kind) : undefined,
    q.year ? sql`extract(year from ${enfSupervisionChecks.periodFrom}) = ${q.year}` : undefined,
  );
}

export async function listChecks(ctx: Ctx, q: z.infer<typeof supervisionCheckListQuerySchema>) {
  const where = checkWhere(ctx, q);
  const [items, total] = await Promise.all([
    checkRows(ctx.db, where, (q.page - 1) * q.pageSize, q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(enfSupervisionChecks)
      .where(where),
  ]);
  return page(items, total[0]?.n ?? 0, q);
}

export async function* checkBatchesForExport(
  ctx: Ctx,
  q: Partial<z.infer<typeof supervisionCheckListQuerySchema>>,
) {
  const where = checkWhere(ctx, q);
  for (let offset = 0; ; offset += 1000) {
    const rows = await checkRows(ctx.db, where, offset, 1000);
    if (rows.length) yield rows;
    if (rows.length < 1000) return;
  }
}

export async function createCheck(ctx: Ctx, input: SupervisionCheckCreateInput) {
  requirePermission(ctx.actor, OFFICE);
  const actor = ctx.actor;
  const id = await ctx.db.transaction(async (tx) => {
    const targets = [...new Set(input.targetOrgIds)];
    for (const t of targets) await loadBodyForOffice(tx, actor, t);
    const [org] = await tx
      .select({ regionPath: organisations.regionPath })
      .from(organisations)
      .where(eq(organisations.id, actor.orgId));
    const [row] = await tx
      .insert(enfSupervisionChecks)
      .values({
        orgId: actor.orgId,
        regionPath: org?.regionPath ?? actor.regionPath,
        kind: input.kind,
        title: input.title,
        targetOrgIds: targets,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        findings: input.findings,
        createdBy: actor.userId,
      })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await appendAudit(tx, ctx, {
      action: 'enforcement.supervision.check.create',
      entityType: 'enf_supervision_check',
      entityId: row.id,
      before: null,
      after: row,
    });
    await enqueueEvent(tx, 'enforcement.supervision.check.created', { checkId: row.id });
    return row.id;
  });
  const [c] = await checkRows(ctx.db, eq(enfSupervisionChecks.id, id), 0, 1);
  return c as SupervisionCheck;
}

// ── clues / problems / complaints ──
function problemActions(ctx: Ctx, p: typeof enfSupervisionProblems.$inferSelect): SupervisionProblemStatus[] {
  const a = ctx.actor;
  if (!a || !can(a, OFFICE) || !inScope(scopeFor(a, OFFICE), p)) return [];
  return [...SUPERVISION_PROBLEM_TRANSITIONS[p.status as SupervisionProblemStatus]];
}

async function problemRows(ctx: Ctx, db: DbOrTx, where: SQL | undefined, offset: number, limit: number) {
  const rows = await db
    .select({ p: enfSupervisionProblems, orgName: organisations.name, regionCode: organisations.regionCode })
    .from(enfSupervisionProblems)
    .innerJoin(organisations, eq(organisations.id, enfSupervisionProblems.orgId))
    .where(where)
    .orderBy(desc(enfSupervisionProblems.receivedOn), desc(enfSupervisionProblems.createdAt))
    .limit(limit)
    .offset(offset);
  return rows.map(({ p, orgName, regionCode }): SupervisionProblem => ({
    id: p.id,
    org: { id: p.orgId, name: orgName },
    regionCode,
    checkId: p.checkId,
    source: p.source as SupervisionProblem['source'],
    isClue: p.isClue,
    description: p.description,
    complainant: p.complainant,
    receivedOn: p.receivedOn,
    status: p.status as SupervisionProblemStatus,
    assignee: p.assignee,
    reply: p.reply,
    repliedOn: p.repliedOn,
    version: p.version,
    actions: problemActions(ctx, p),
  }));
}

function problemWhere(ctx: Ctx, q: Partial<z.infer<typeof supervisionProblemListQuerySchema>>) {
  requirePermission(ctx.actor, READ);
  return and(
    scopeWhere(scopeFor(ctx.actor, READ), enfSupervisionProblems.orgId, enfSupervisionProblems.regionPath),
    q.source ? eq(enfSupervisionProblems.source, q.source) : undefined,
    q.status ? eq(enfSupervisionProblems.status, q.status) : undefined,
    q.orgId ? eq(enfSupervisionProblems.orgId, q.orgId) : undefined,
  );
}

export async function listProblems(ctx: Ctx, q: z.infer<typeof supervisionProblemListQuerySchema>) {
  const where = problemWhere(ctx, q);
  const [items, total] = await Promise.all([
    problemRows(ctx, ctx.db, where, (q.page - 1) * q.pageSize, q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(enfSupervisionProblems)
      .where(where),
  ]);
  return page(items, total[0]?.n ?? 0, q);
}

export async function* problemBatchesForExport(
  ctx: Ctx,
  q: Partial<z.infer<typeof supervisionProblemListQuerySchema>>,
) {
  const where = problemWhere(ctx, q);
  for (let offset = 0; ; offset += 1000) {
    const rows = await problemRows(ctx, ctx.db, where, offset, 1000);
    if (rows.length) yield rows;
    if (rows.length < 1000) return;
  }
}

export async function createProblem(ctx: Ctx, input: SupervisionProblemCreateInput) {
  requirePermission(ctx.actor, OFFICE);
  const actor = ctx.actor;
  if (input.receivedOn > shanghaiToday(ctx.now()))
    throw new AppError('VALIDATION_FAILED', '收到日期不能晚于今天');
  const id = await ctx.db.transaction(async (tx) => {
    const body = await loadBodyForOffice(tx, actor, input.orgId);
    if (input.checkId) {
      const [c] = await tx
        .select({ id: enfSupervisionChecks.id })
        .from(enfSupervisionChecks)
        .where(
          and(
            eq(enfSupervisionChecks.id, input.checkId),
            scopeWhere(scopeFor(actor, OFFICE), enfSupervisionChecks.orgId, enfSupervisionChecks.regionPath),
          ),
        );
      if (!c) throw new AppError('VALIDATION_FAILED', '关联的监督检查不存在或不在管辖范围内');
    }
    const [row] = await tx
      .insert(enfSupervisionProblems)
      .values({
        orgId: body.id,
        regionPath: body.regionPath,
        checkId: input.checkId ?? null,
        source: input.source,
        isClue: input.isClue,
        description: input.description,
        complainant: input.complainant,
        receivedOn: input.receivedOn,
        status: 'open',
      })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await appendAudit(tx, ctx, {
      action: 'enforcement.supervision.problem.create',
      entityType: 'enf_supervision_problem',
      entityId: row.id,
      before: null,
      after: row,
    });
    await enqueueEvent(tx, 'enforcement.supervision.problem.created', { problemId: row.id, orgId: body.id });
    return row.id;
  });
  const [p] = await problemRows(ctx, ctx.db, eq(enfSupervisionProblems.id, id), 0, 1);
  return p as SupervisionProblem;
}

/** 交办 / 查实 / 整改 / 不属实 with the assignee and the reply to the complainant. */
export async function handleProblem(ctx: Ctx, id: string, input: SupervisionProblemHandleInput) {
  requirePermission(ctx.actor, OFFICE);
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const [cur] = await tx
      .select()
      .from(enfSupervisionProblems)
      .where(
        and(
          eq(enfSupervisionProblems.id, id),
          scopeWhere(
            scopeFor(actor, OFFICE),
            enfSupervisionProblems.orgId,
            enfSupervisionProblems.regionPath,
          ),
        ),
      )
      .for('update');
    if (!cur) throw new AppError('NOT_FOUND');
    if (cur.version !== input.version) throw new AppError('STALE_WRITE');
    if (!SUPERVISION_PROBLEM_TRANSITIONS[cur.status as SupervisionProblemStatus].includes(input.status))
      throw new AppError('ILLEGAL_TRANSITION', '当前状态下不能改为该状态');
    if (input.status === 'assigned' && !input.assignee)
      throw new AppError('VALIDATION_FAILED', '交办时请填写承办单位或承办人');
    const today = shanghaiToday(ctx.now());
    const on = input.on ?? today;
    if (on > today) throw new AppError('VALIDATION_FAILED', '办理日期不能晚于今天');
    if (on < cur.receivedOn) throw new AppError('VALIDATION_FAILED', '办理日期不能早于收到日期');
    const patch = {
      status: input.status,
      assignee: input.assignee ?? cur.assignee,
      reply: input.reply ?? cur.reply,
      repliedOn: input.reply ? on : cur.repliedOn,
      confirmedOn: input.status === 'confirmed' ? on : cur.confirmedOn,
      rectifiedOn: input.status === 'rectified' ? on : cur.rectifiedOn,
      version: cur.version + 1,
    };
    await tx.update(enfSupervisionProblems).set(patch).where(eq(enfSupervisionProblems.id, id));
    await appendAudit(tx, ctx, {
      action: 'enforcement.supervision.problem.handle',
      entityType: 'enf_supervision_problem',
      entityId: id,
      before: { status: cur.status, assignee: cur.assignee, reply: cur.reply },
      after: patch,
    });
    await enqueueEvent(tx, 'enforcement.supervision.problem.changed', {
      problemId: id,
      status: input.status,
    });
  });
  const [p] = await problemRows(ctx, ctx.db, eq(enfSupervisionProblems.id, id), 0, 1);
  return p as SupervisionProblem;
}

// ── 约谈 / 追责 ──
async function noticeOfBody(db: DbOrTx, noticeId: string | undefined, orgId: string) {
  if (!noticeId) return null;
  const [n] = await db
    .select({ id: enfSupervisionNotices.id })
    .from(enfSupervisionNotices)
    .where(and(eq(enfSupervisionNotices.id, noticeId), eq(enfSupervisionNotices.orgId, orgId)));
  if (!n) throw new AppError('VALIDATION_FAILED', '关联的监督文书不存在或不是发给该单位的');
  return n.id;
}

const interviewSelect = (db: DbOrTx, where: SQL | undefined) =>
  db
    .select({
      r: enfSupervisionInterviews,
      orgName: organisations.name,
      regionCode: organisations.regionCode,
    })
    .from(enfSupervisionInterviews)
    .innerJoin(organisations, eq(organisations.id, enfSupervisionInterviews.orgId))
    .where(where);

const interviewDto = ({ r, orgName, regionCode }: Awaited<ReturnType<typeof interviewSelect>>[number]) => ({
  id: r.id,
  org: { id: r.orgId, name: orgName },
  regionCode,
  noticeId: r.noticeId,
  heldOn: r.heldOn,
  persons: r.persons,
  reason: r.reason,
  content: r.content,
});

export async function listInterviews(ctx: Ctx, q: z.infer<typeof supervisionRecordListQuerySchema>) {
  requirePermission(ctx.actor, READ);
  const where = and(
    scopeWhere(
      scopeFor(ctx.actor, READ),
      enfSupervisionInterviews.orgId,
      enfSupervisionInterviews.regionPath,
    ),
    q.orgId ? eq(enfSupervisionInterviews.orgId, q.orgId) : undefined,
  );
  const [rows, total] = await Promise.all([
    interviewSelect(ctx.db, where)
      .orderBy(desc(enfSupervisionInterviews.heldOn), desc(enfSupervisionInterviews.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(enfSupervisionInterviews)
      .where(where),
  ]);
  return page(rows.map(interviewDto), total[0]?.n ?? 0, q);
}

export async function createInterview(ctx: Ctx, input: SupervisionInterviewCreateInput) {
  requirePermission(ctx.actor, OFFICE);
  const actor = ctx.actor;
  if (input.heldOn > shanghaiToday(ctx.now()))
    throw new AppError('VALIDATION_FAILED', '约谈日期不能晚于今天');
  const id = await ctx.db.transaction(async (tx) => {
    const body = await loadBodyForOffice(tx, actor, input.orgId);
    const noticeId = await noticeOfBody(tx, input.noticeId, body.id);
    const [row] = await tx
      .insert(enfSupervisionInterviews)
      .values({
        orgId: body.id,
        regionPath: body.regionPath,
        noticeId,
        heldOn: input.heldOn,
        persons: input.persons,
        reason: input.reason,
        content: input.content,
      })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await appendAudit(tx, ctx, {
      action: 'enforcement.supervision.interview.create',
      entityType: 'enf_supervision_interview',
      entityId: row.id,
      before: null,
      after: row,
    });
    await enqueueEvent(tx, 'enforcement.supervision.interview.created', { interviewId: row.id });
    return row.id;
  });
  const [r] = await interviewSelect(ctx.db, eq(enfSupervisionInterviews.id, id));
  return interviewDto(r as NonNullable<typeof r>);
}

const accountabilitySelect = (db: DbOrTx, where: SQL | undefined) =>
  db
    .select({
      r: enfSupervisionAccountability,
      orgName: organisations.name,
      regionCode: organisations.regionCode,
    })
    .from(enfSupervisionAccountability)
    .innerJoin(organisations, eq(organisations.id, enfSupervisionAccountability.orgId))
    .where(where);

const accountabilityDto = ({
  r,
  orgName,
  regionCode,
}: Awaited<ReturnType<typeof accountabilitySelect>>[number]) => ({
  id: r.id,
  org: { id: r.orgId, name: orgName },
  regionCode,
  noticeId: r.noticeId,
  person: r.person,
  measure: r.measure as SupervisionAccountabilityCreateInput['measure'],
  authority: r.authority,
  decidedOn: r.decidedOn,
  reason: r.reason,
});

export async function listAccountability(ctx: Ctx, q: z.infer<typeof supervisionRecordListQuerySchema>) {
  requirePermission(ctx.actor, READ);
  const where = and(
    scopeWhere(
      scopeFor(ctx.actor, READ),
      enfSupervisionAccountability.orgId,
      enfSupervisionAccountability.regionPath,
    ),
    q.orgId ? eq(enfSupervisionAccountability.orgId, q.orgId) : undefined,
  );
  const [rows, total] = await Promise.all([
    accountabilitySelect(ctx.db, where)
      .orderBy(desc(enfSupervisionAccountability.decidedOn), desc(enfSupervisionAccountability.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(enfSupervisionAccountability)
      .where(where),
  ]);
  return page(rows.map(accountabilityDto), total[0]?.n ?? 0, q);
}

export async function createAccountability(ctx: Ctx, input: SupervisionAccountabilityCreateInput) {
  requirePermission(ctx.actor, OFFICE);
  const actor = ctx.actor;
  if (input.decidedOn > shanghaiToday(ctx.now()))
    throw new AppError('VALIDATION_FAILED', '决定日期不能晚于今天');
  const id = await ctx.db.transaction(async (tx) => {
    const body = await loadBodyForOffice(tx, actor, input.orgId);
    const noticeId = await noticeOfBody(tx, input.noticeId, body.id);
    const [row] = await tx
      .insert(enfSupervisionAccountability)
      .values({
        orgId: body.id,
        regionPath: body.regionPath,
        noticeId,
        person: input.person,
        measure: input.measure,
        authority: input.authority,
        decidedOn: input.decidedOn,
        reason: input.reason,
      })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await appendAudit(tx, ctx, {
      action: 'enforcement.supervision.accountability.create',
      entityType: 'enf_supervision_accountability',
      entityId: row.id,
      before: null,
      after: row,
    });
    await enqueueEvent(tx, 'enforcement.supervision.accountability.created', { accountabilityId: row.id });
    return row.id;
  });
  const [r] = await accountabilitySelect(ctx.db, eq(enfSupervisionAccountability.id, id));
  return accountabilityDto(r as NonNullable<typeof r>);
}
