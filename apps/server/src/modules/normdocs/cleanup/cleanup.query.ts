import {
  type CleanupCampaign,
  type CleanupItem,
  type cleanupCampaignListQuerySchema,
  type cleanupItemListQuerySchema,
} from '@fazhi/contracts';
import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { can, escapeLike, requirePermission, scopeFor, type Scope } from '../../../platform/access/policy';
import { shanghaiToday } from '../../../platform/clock/today';
import type { Actor, Ctx } from '../../../platform/context';
import type { DbOrTx } from '../../../platform/db/pool';
import { organisations } from '../../../platform/db/schema';
import { AppError } from '../../../platform/errors';
import {
  normdocCleanupCampaigns as campaigns,
  normdocCleanupItems as items,
  normdocs,
} from '../normdocs.tables';

/*
 * Reading clean-up campaigns. 'normdoc.read' region-tree roles see the campaigns of their region and below;
 * own-organisation roles see the campaigns that cover their organisation (and, in the worklist, only their
 * organisation's documents). Writing needs 'normdoc.review' (the justice bureau) in the campaign's region.
 */

export type CampaignRow = typeof campaigns.$inferSelect;

export function campaignScopeWhere(scope: Scope): SQL {
  if (scope.kind === 'none') return sql`false`;
  if (scope.kind === 'region') return sql`${campaigns.regionPath} like ${escapeLike(scope.pathPrefix) + '%'}`;
  return sql`(${campaigns.orgId} = ${scope.orgId} or ${campaigns.scopeOrgIds} @> ${JSON.stringify([scope.orgId])}::jsonb)`;
}

/** The campaign (optionally locked), or NOT_FOUND outside the scope of `permission`. */
export async function loadCampaign(
  db: DbOrTx,
  actor: Actor,
  id: string,
  permission: 'normdoc.read' | 'normdoc.review',
  lock = false,
): Promise<CampaignRow> {
  requirePermission(actor, permission);
  const q = db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), campaignScopeWhere(scopeFor(actor, permission))));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

function canReview(actor: Actor, c: CampaignRow): boolean {
  if (!can(actor, 'normdoc.review')) return false;
  const s = scopeFor(actor, 'normdoc.review');
  return s.kind === 'region' && c.regionPath.startsWith(s.pathPrefix);
}

export function campaignActions(actor: Actor, c: CampaignRow, today: string): string[] {
  if (!canReview(actor, c)) return [];
  if (c.status === 'open') return ['decide_items', 'decide'];
  if (c.status === 'decided' && c.effectiveOn && c.effectiveOn <= today) return ['apply'];
  return [];
}

/** Item filter for the caller: own-organisation roles see only their organisation's documents. */
function itemOrgFilter(actor: Actor): SQL | undefined {
  const s = scopeFor(actor, 'normdoc.read');
  return s.kind === 'org' ? eq(normdocs.orgId, s.orgId) : undefined;
}

async function counts(db: DbOrTx, ids: string[], actor: Actor) {
  if (!ids.length)
    return new Map<string, { total: number; undecided: number; byResult: Record<string, number> }>();
  const rows = await db
    .select({ campaignId: items.campaignId, result: items.result, n: sql<number>`count(*)::int` })
    .from(items)
    .innerJoin(normdocs, eq(normdocs.id, items.docId))
    .where(and(inArray(items.campaignId, ids), itemOrgFilter(actor)))
    .groupBy(items.campaignId, items.result);
  const m = new Map<string, { total: number; undecided: number; byResult: Record<string, number> }>();
  for (const r of rows) {
    const c = m.get(r.campaignId) ?? { total: 0, undecided: 0, byResult: {} };
    c.total += r.n;
    if (r.result === null) c.undecided += r.n;
    else c.byResult[r.result] = r.n;
    m.set(r.campaignId, c);
  }
  return m;
}

async function toDtos(
  db: DbOrTx,
  actor: Actor,
  today: string,
  rows: CampaignRow[],
): Promise<CleanupCampaign[]> {
  const c = await counts(
    db,
    rows.map((r) => r.id),
    actor,
  );
  const orgIds = [...new Set(rows.flatMap((r) => [r.orgId, ...r.scopeOrgIds]))];
  const orgs = orgIds.length
    ? await db
        .select({ id: organisations.id, name: organisations.name, regionCode: organisations.regionCode })
        .from(organisations)
        .where(inArray(organisations.id, orgIds))
    : [];
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return rows.map((r) => {
    const k = c.get(r.id) ?? { total: 0, undecided: 0, byResult: {} };
    const org = byId.get(r.orgId);
    return {
      id: r.id,
      org: { id: r.orgId, name: org?.name ?? '' },
      regionCode: org?.regionCode ?? '',
      title: r.title,
      kind: r.kind as CleanupCampaign['kind'],
      topic: r.topic,
      cutoffDate: r.cutoffDate,
      scopeOrgs: r.scopeOrgIds.map((id) => ({ id, name: byId.get(id)?.name ?? '' })),
      status: r.status as CleanupCampaign['status'],
      decisionDocNumber: r.decisionDocNumber,
      decisionDate: r.decisionDate,
      effectiveOn: r.effectiveOn,
      appliedAt: r.appliedAt?.toISOString() ?? null,
      itemCount: k.total,
      undecidedCount: k.undecided,
      resultCounts: k.byResult,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      actions: campaignActions(actor, r, today),
    };
  });
}

export async function campaignDto(db: DbOrTx, ctx: Ctx, row: CampaignRow): Promise<CleanupCampaign> {
  const [dto] = await toDtos(db, ctx.actor as Actor, shanghaiToday(ctx.now()), [row]);
  return dto as CleanupCampaign;
}

export async function getCampaign(ctx: Ctx, id: string): Promise<CleanupCampaign> {
  requirePermission(ctx.actor, 'normdoc.read');
  return campaignDto(ctx.db, ctx, await loadCampaign(ctx.db, ctx.actor, id, 'normdoc.read'));
}

function campaignWhere(actor: Actor, q: Partial<z.infer<typeof cleanupCampaignListQuerySchema>>) {
  return and(
    campaignScopeWhere(scopeFor(actor, 'normdoc.read')),
    q.status ? eq(campaigns.status, q.status) : undefined,
    q.kind ? eq(campaigns.kind, q.kind) : undefined,
  );
}

export async function listCampaigns(ctx: Ctx, q: z.infer<typeof cleanupCampaignListQuerySchema>) {
  requirePermission(ctx.actor, 'normdoc.read');
  const where = campaignWhere(ctx.actor, q);
  const [rows, total] = await Promise.all([
    ctx.db
      .select()
      .from(campaigns)
      .where(where)
      .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(campaigns)
      .where(where),
  ]);
  const list = await toDtos(ctx.db, ctx.actor, shanghaiToday(ctx.now()), rows);
  return {
    items: list.map(({ scopeOrgs: _s, ...rest }) => rest),
    total: total[0]?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function* campaignBatchesForExport(
  ctx: Ctx,
  q: Partial<z.infer<typeof cleanupCampaignListQuerySchema>>,
): AsyncIterable<CleanupCampaign[]> {
  requirePermission(ctx.actor, 'normdoc.read');
  const where = campaignWhere(ctx.actor, q);
  for (let offset = 0; ; offset += 500) {
    const rows = await ctx.db
      .select()
      .from(campaigns)
      .where(where)
      .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
      .limit(500)
      .offset(offset);
    if (rows.length) yield toDtos(ctx.db, ctx.actor, shanghaiToday(ctx.now()), rows);
    if (rows.length < 500) return;
  }
}

const RESULT_ORDER = sql`case ${items.result} when 'keep' then 1 when 'amend' then 2 when 'repeal' then 3 when 'declare_invalid' then 4 when 'remove_from_catalog' then 5 else 6 end`;

export async function selectItems(
  db: DbOrTx,
  actor: Actor,
  campaignId: string,
  q: Partial<z.infer<typeof cleanupItemListQuerySchema>>,
  offset: number,
  limit: number,
  byResult = false,
): Promise<CleanupItem[]> {
  const rows = await db
    .select({ i: items, d: normdocs, orgName: organisations.name })
    .from(items)
    .innerJoin(normdocs, eq(normdocs.id, items.docId))
    .innerJoin(organisations, eq(organisations.id, normdocs.orgId))
    .where(itemsWhere(actor, campaignId, q))
    .orderBy(
      ...(byResult ? [RESULT_ORDER] : []),
      asc(organisations.name),
      asc(normdocs.effectiveOn),
      asc(normdocs.id),
    )
    .limit(limit)
    .offset(offset);
  return rows.map(({ i, d, orgName }) => ({
    docId: d.id,
    title: d.title,
    docNumber: d.docNumber,
    registrationNumber: d.registrationNumber,
    org: { id: d.orgId, name: orgName },
    docStatus: d.status as CleanupItem['docStatus'],
    effectiveOn: d.effectiveOn,
    validUntil: d.validUntil,
    result: (i.result as CleanupItem['result']) ?? null,
    reason: i.reason,
    decidedAt: i.decidedAt?.toISOString() ?? null,
    appliedAt: i.appliedAt?.toISOString() ?? null,
  }));
}

function itemsWhere(
  actor: Actor,
  campaignId: string,
  q: Partial<z.infer<typeof cleanupItemListQuerySchema>>,
) {
  return and(
    eq(items.campaignId, campaignId),
    itemOrgFilter(actor),
    q.result === 'undecided' ? isNull(items.result) : q.result ? eq(items.result, q.result) : undefined,
    q.q
      ? or(
          ilike(normdocs.title, `%${escapeLike(q.q)}%`),
          ilike(normdocs.registrationNumber, `%${escapeLike(q.q)}%`),
          ilike(normdocs.docNumber, `%${escapeLike(q.q)}%`),
        )
      : undefined,
  );
}

export async function listItems(ctx: Ctx, id: string, q: z.infer<typeof cleanupItemListQuerySchema>) {
  requirePermission(ctx.actor, 'normdoc.read');
  await loadCampaign(ctx.db, ctx.actor, id, 'normdoc.read');
  const [list, total] = await Promise.all([
    selectItems(ctx.db, ctx.actor, id, q, (q.page - 1) * q.pageSize, q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(items)
      .innerJoin(normdocs, eq(normdocs.id, items.docId))
      .where(itemsWhere(ctx.actor, id, q)),
  ]);
  return { items: list, total: total[0]?.n ?? 0, page: q.page, pageSize: q.pageSize };
}
