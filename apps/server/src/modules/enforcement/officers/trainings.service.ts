import type { ExamCreateInput, TrainingCreateInput } from '@fazhi/contracts';
import { eq } from 'drizzle-orm';
import { assertInScope, requirePermission } from '../../../platform/access/policy';
import { appendAudit } from '../../../platform/audit/audit.service';
import { shanghaiToday } from '../../../platform/clock/today';
import type { Ctx } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/jobs';
import { getOfficer } from './officers.service';
import { enforcementExams, enforcementOfficers, enforcementTrainings } from './officers.tables';

// 培训 and 考试 records of an officer, entered by the officer's enforcement body (河南省行政执法条例 第二十一条:
// 公共法律知识和专业法律知识培训, 考试合格后取得证件).

async function officerForBody(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'enforcement.body');
  const [o] = await ctx.db.select().from(enforcementOfficers).where(eq(enforcementOfficers.id, id));
  if (!o) throw new AppError('NOT_FOUND');
  assertInScope(ctx.actor, 'enforcement.body', o);
  return o;
}

export async function addTraining(ctx: Ctx, officerId: string, input: TrainingCreateInput) {
  const o = await officerForBody(ctx, officerId);
  if (input.on > shanghaiToday(ctx.now())) throw new AppError('INVALID_DATE', '培训日期不能晚于今天');
  await ctx.db.transaction(async (tx) => {
    const [t] = await tx
      .insert(enforcementTrainings)
      .values({
        officerId: o.id,
        orgId: o.orgId,
        regionPath: o.regionPath,
        course: input.course,
        category: input.category,
        hours: input.hours,
        on: input.on,
        year: Number(input.on.slice(0, 4)),
        provider: input.provider,
        createdBy: ctx.actor?.userId ?? null,
        createdAt: ctx.now(),
      })
      .returning();
    await appendAudit(tx, ctx, {
      action: 'enforcement.training.create',
      entityType: 'enforcement_training',
      entityId: t?.id ?? null,
      before: null,
      after: { officerId: o.id, ...input },
    });
    await enqueueEvent(tx, 'enforcement.officer.changed', { officerId: o.id, action: 'training' });
  });
  return getOfficer(ctx, o.id);
}

export async function addExam(ctx: Ctx, officerId: string, input: ExamCreateInput) {
  const o = await officerForBody(ctx, officerId);
  if (input.on > shanghaiToday(ctx.now())) throw new AppError('INVALID_DATE', '考试日期不能晚于今天');
  await ctx.db.transaction(async (tx) => {
    const [e] = await tx
      .insert(enforcementExams)
      .values({
        officerId: o.id,
        orgId: o.orgId,
        regionPath: o.regionPath,
        examType: input.examType,
        on: input.on,
        score: input.score,
        passed: input.passed,
        createdBy: ctx.actor?.userId ?? null,
        createdAt: ctx.now(),
      })
      .returning();
    await appendAudit(tx, ctx, {
      action: 'enforcement.exam.create',
      entityType: 'enforcement_exam',
      entityId: e?.id ?? null,
      before: null,
      after: { officerId: o.id, ...input },
    });
    await enqueueEvent(tx, 'enforcement.officer.changed', { officerId: o.id, action: 'exam' });
  });
  return getOfficer(ctx, o.id);
}
