import {
  CLEANUP_RESULTS,
  NORMDOC_IN_FORCE,
  type CleanupCampaign,
  type CleanupCampaignCreate,
  type CleanupDecision,
  type CleanupItemDecide,
  type CleanupResult,
} from '@fazhi/contracts';
import { and, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import { escapeLike, requirePermission, scopeFor } from '../../../platform/access/policy';
import { appendAudit } from '../../../platform/audit/audit.service';
import { shanghaiToday } from '../../../platform/clock/today';
import type { Actor, Ctx } from '../../../platform/context';
import type { Tx } from '../../../platform/db/pool';
import { organisations } from '../../../platform/db/schema';
import { AppError } from '../../../platform/errors';
import { enqueueEvent, runOnce } from '../../../platform/jobs';
import { endDocInTx } from '../normdocs.ending';
import { recordEvent } from '../normdocs.events';
import { normdocCleanupCampaigns as campaigns, normdocCleanupItems as items } from '../normdocs.tables';
import { campaignDto, loadCampaign, type CampaignRow } from './cleanup.query';

// The write side of 清理 (DOMAIN.md §1.2 CleanupCampaign, §1.5 Clean-up): each change one audited transaction.

const REVIEW = 'normdoc.review' as const;

/** The organisations a campaign covers: those given (each in the caller's region tree) or all of the tree. */
async function resolveScopeOrgs(tx: Tx, actor: Actor, ids: string[] | undefined): Promise<string[]> {
  const scope = scopeFor(actor, REVIEW);
  if (scope.kind !== 'region') throw new AppError('FORBIDDEN');
  const inTree = like(organisations.regionPath, `${escapeLike(scope.pathPrefix)}%`);
  if (ids === undefined) {
    const rows = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(inTree, eq(organisations.disabled, false)));
    return rows.map((r) => r.id);
  }
  const unique = [...new Set(ids)];
  if (!unique.length) throw new AppError('VALIDATION_FAILED', '请至少选择一个清理范围内的单位');
  const rows = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(inArray(organisations.id, unique), inTree));
  if (rows.length !== unique.length)
    throw new AppError('NOT_FOUND', '清理范围中有单位不存在或不在管辖范围内');
  return unique;
}

/**
 * Creates the campaign and snapshots its worklist: every document of the scope's organisations that is in
 * force (published/in_force) and took effect on or before the cut-off date — one INSERT … SELECT.
 */
export async function createCampaign(ctx: Ctx, input: CleanupCampaignCreate): Promise<CleanupCampaign> {
  requirePermission(ctx.actor, REVIEW);
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const scopeOrgIds = await resolveScopeOrgs(tx, actor, input.scopeOrgIds);
    const [row] = await tx
      .insert(campaigns)
      .values({
        orgId: actor.orgId,
        regionPath: actor.regionPath,
        title: input.title,
        kind: input.kind,
        topic: input.kind === 'special' ? (input.topic ?? null) : input.topic || null,
        cutoffDate: input.cutoffDate,
        scopeOrgIds,
        status: 'open',
        createdBy: actor.userId,
      })
      .returning();
    const c = row as CampaignRow;
    const ins = await tx.execute(sql`
      insert into normdoc_cleanup_items (campaign_id, doc_id)
      select ${c.id}::uuid, d.id from normdocs d
       where d.org_id = any(${sql.param(scopeOrgIds)}::uuid[])
         and d.status = any(${sql.param([...NORMDOC_IN_FORCE])}::text[])
         and coalesce(d.effective_on, d.published_on) <= ${input.cutoffDate}::date`);
    await appendAudit(tx, ctx, {
      action: 'normdoc.cleanup.create',
      entityType: 'normdoc_cleanup_campaign',
      entityId: c.id,
      before: null,
      after: { ...c, itemCount: ins.rowCount ?? 0 },
    });
    await enqueueEvent(tx, 'normdoc.cleanup.created', { campaignId: c.id });
    return campaignDto(tx, ctx, c);
  });
}

/** 处理意见 for one document of the worklist (while the campaign is open). Reason required unless kept. */
export async function decideItem(ctx: Ctx, id: string, docId: string, input: CleanupItemDecide) {
  requirePermission(ctx.actor, REVIEW);
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const c = await loadCampaign(tx, actor, id, REVIEW);
    if (c.status !== 'open') throw new AppError('ILLEGAL_TRANSITION', '已作出清理决定，不能再修改处理意见');
    const [cur] = await tx
      .select()
      .from(items)
      .where(and(eq(items.campaignId, id), eq(items.docId, docId)))
      .for('update');
    if (!cur) throw new AppError('NOT_FOUND', '该文件不在本次清理清单中');
    const reason = input.reason || null;
    await tx
      .update(items)
      .set({ result: input.result, reason, decidedBy: actor.userId, decidedAt: ctx.now() })
      .where(and(eq(items.campaignId, id), eq(items.docId, docId)));
    await appendAudit(tx, ctx, {
      action: 'normdoc.cleanup.decide_item',
      entityType: 'normdoc_cleanup_item',
      entityId: `${id}:${docId}`,
      before: { result: cur.result, reason: cur.reason },
      after: { result: input.result, reason },
    });
    return { ok: true as const };
  });
}

/** 清理决定: decision number and dates; every item must have a result. */
export async function recordDecision(ctx: Ctx, id: string, input: CleanupDecision) {
  requirePermission(ctx.actor, REVIEW);
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const c = await loadCampaign(tx, actor, id, REVIEW, true);
    if (c.version !== input.version) throw new AppError('STALE_WRITE');
    if (c.status !== 'open') throw new AppError('ILLEGAL_TRANSITION', '该清理已作出决定');
    const [open] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(items)
      .where(and(eq(items.campaignId, id), isNull(items.result)));
    if ((open?.n ?? 0) > 0)
      throw new AppError(
        'CLEANUP_UNDECIDED',
        `清理清单中还有 ${open?.n} 件文件未提出处理意见，全部提出后才能作出清理决定`,
        { undecided: open?.n },
      );
    const [row] = await tx
      .update(campaigns)
      .set({
        status: 'decided',
        decisionDocNumber: input.decisionDocNumber,
        decisionDate: input.decisionDate,
        effectiveOn: input.effectiveOn,
        version: c.version + 1,
      })
      .where(eq(campaigns.id, id))
      .returning();
    await appendAudit(tx, ctx, {
      action: 'normdoc.cleanup.decide',
      entityType: 'normdoc_cleanup_campaign',
      entityId: id,
      before: { status: c.status },
      after: { status: 'decided', ...input },
    });
    await enqueueEvent(tx, 'normdoc.cleanup.decided', { campaignId: id, effectiveOn: input.effectiveOn });
    return campaignDto(tx, ctx, row as CampaignRow);
  });
}

export type ApplyOutcome = { applied: number; kept: number; skipped: { docId: string; message: string }[] };

const ENDING: Record<
  Exclude<CleanupResult, 'keep'>,
  'amend' | 'repeal' | 'declare_invalid' | 'remove_from_catalog'
> = {
  amend: 'amend',
  repeal: 'repeal',
  declare_invalid: 'declare_invalid',
  remove_from_catalog: 'remove_from_catalog',
};

/**
 * Applies the decided results to the documents on the decision's effective date (“自本决定印发之日起失效”):
 * keep → a timeline note; the others → endDocInTx. A document that already left force another way is skipped
 * (savepoint), not failed. Runs inside runOnce(`normdoc.cleanup.apply:<id>`) so the route and the daily job
 * apply a campaign exactly once.
 */
async function applyInTx(tx: Tx, ctx: Ctx, c: CampaignRow): Promise<ApplyOutcome> {
  const effectiveOn = c.effectiveOn as string;
  const list = await tx
    .select({ docId: items.docId, result: items.result, reason: items.reason })
    .from(items)
    .where(and(eq(items.campaignId, c.id), isNull(items.appliedAt)));
  const out: ApplyOutcome = { applied: 0, kept: 0, skipped: [] };
  const basis = `${c.title}（${c.decisionDocNumber ?? ''}）`;
  for (const it of list) {
    const result = it.result as CleanupResult;
    const note = `${basis}：${CLEANUP_RESULTS[result]}${it.reason ? `——${it.reason}` : ''}`;
    if (result === 'keep') {
      await recordEvent(tx, ctx, it.docId, {
        action: 'cleanup_keep',
        note,
        data: { campaignId: c.id, effectiveOn },
      });
      out.kept++;
    } else {
      try {
        await tx.transaction(async (sp) => {
          await endDocInTx(sp, ctx, it.docId, ENDING[result], effectiveOn, note);
        });
        out.applied++;
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        out.skipped.push({ docId: it.docId, message: e.message });
      }
    }
    await tx
      .update(items)
      .set({ appliedAt: ctx.now() })
      .where(and(eq(items.campaignId, c.id), eq(items.docId, it.docId)));
  }
  await tx
    .update(campaigns)
    .set({ status: 'applied', appliedAt: ctx.now(), version: c.version + 1 })
    .where(eq(campaigns.id, c.id));
  await appendAudit(tx, ctx, {
    action: 'normdoc.cleanup.apply',
    entityType: 'normdoc_cleanup_campaign',
    entityId: c.id,
    before: { status: c.status },
    after: { status: 'applied', effectiveOn, ...out },
  });
  await enqueueEvent(tx, 'normdoc.cleanup.applied', { campaignId: c.id });
  return out;
}

const applyKey = (id: string) => `normdoc.cleanup.apply:${id}`;

/** POST …/apply: refused before the effective date; a campaign already applied (by the job) is a conflict. */
export async function applyCampaign(ctx: Ctx, id: string, version: number) {
  requirePermission(ctx.actor, REVIEW);
  const actor = ctx.actor;
  let outcome: ApplyOutcome | null = null;
  const ran = await runOnce(ctx.db, applyKey(id), async (tx) => {
    const c = await loadCampaign(tx, actor, id, REVIEW, true);
    if (c.version !== version) throw new AppError('STALE_WRITE');
    if (c.status !== 'decided')
      throw new AppError('ILLEGAL_TRANSITION', c.status === 'open' ? '尚未作出清理决定' : '清理结果已执行');
    const today = shanghaiToday(ctx.now());
    if (!c.effectiveOn || c.effectiveOn > today)
      throw new AppError('CLEANUP_NOT_EFFECTIVE', `清理决定自 ${c.effectiveOn} 起生效，届时才能执行清理结果`);
    outcome = await applyInTx(tx, ctx, c);
  });
  if (!ran) throw new AppError('ILLEGAL_TRANSITION', '清理结果已执行');
  const row = await loadCampaign(ctx.db, actor, id, REVIEW);
  return { campaign: await campaignDto(ctx.db, ctx, row), ...(outcome as unknown as ApplyOutcome) };
}

/** The daily job: applies every decided campaign whose effective date has arrived, each exactly once. */
export async function applyDueCampaigns(ctx: Ctx, today: string): Promise<number> {
  const due = await ctx.db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.status, 'decided'), sql`${campaigns.effectiveOn} <= ${today}::date`));
  let n = 0;
  for (const { id } of due) {
    const ran = await runOnce(ctx.db, applyKey(id), async (tx) => {
      const [c] = await tx.select().from(campaigns).where(eq(campaigns.id, id)).for('update');
      if (!c || c.status !== 'decided') return;
      await applyInTx(tx, ctx, c);
    });
    if (ran) n++;
  }
  return n;
}
