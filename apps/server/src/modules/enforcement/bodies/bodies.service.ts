import {
  bodyActionsFrom,
  bodyTransitionRefusal,
  BODY_TRANSITIONS,
  isValidUscc,
  type Body,
  type BodyAction,
  type BodyActionInput,
  type BodyCreateInput,
  type BodyKind,
  type BodyListQuery,
  type BodyPower,
  type BodyStatus,
  type BodyUpdateInput,
} from '@fazhi/contracts';
import { and, asc, count, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import {
  assertInScope,
  can,
  escapeLike,
  inScope,
  requirePermission,
  scopeFor,
  scopeWhere,
} from '../../../platform/access/policy';
import { appendAudit } from '../../../platform/audit/audit.service';
import { shanghaiToday } from '../../../platform/clock/today';
import type { Actor, Ctx } from '../../../platform/context';
import type { DbOrTx, Tx } from '../../../platform/db/pool';
import { organisations } from '../../../platform/db/schema';
import { AppError } from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/jobs';
import { enforcementBodies, enforcementBodyHistory } from './bodies.tables';

// 执法主体: registration of an organisation as an enforcement body, confirmation by the same-level people's
// government and public announcement (河南省行政执法条例 第十三条), entrustment (第十四条), adjustments through
// institutional reform kept as history.

type BodyRow = typeof enforcementBodies.$inferSelect;
type HistoryRow = typeof enforcementBodyHistory.$inferSelect;

const today = (ctx: Ctx) => shanghaiToday(ctx.now());

const snapshot = (b: BodyRow) => ({
  kind: b.kind,
  fields: b.fields,
  legalBasis: b.legalBasis,
  powers: b.powers,
  entrustingOrgId: b.entrustingOrgId,
  entrustmentDoc: b.entrustmentDoc,
  entrustedMatters: b.entrustedMatters,
  status: b.status,
  confirmedBy: b.confirmedBy,
  confirmationDoc: b.confirmationDoc,
  confirmedOn: b.confirmedOn,
  announcedOn: b.announcedOn,
  announcementDoc: b.announcementDoc,
  announcementUrl: b.announcementUrl,
  version: b.version,
});

function assertEntrustment(b: {
  kind: string;
  entrustingOrgId: string | null;
  entrustmentDoc: string | null;
  entrustedMatters: string[];
}): void {
  if (b.kind !== 'entrusted_organisation') return;
  if (!b.entrustingOrgId || !b.entrustmentDoc || b.entrustedMatters.length === 0)
    throw new AppError('BODY_ENTRUSTMENT_INCOMPLETE');
}

async function orgRows(db: DbOrTx, ids: string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map<string, { id: string; name: string; uscc: string | null }>();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name, uscc: organisations.uscc })
    .from(organisations)
    .where(inArray(organisations.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

const mayManage = (actor: Actor, b: BodyRow) =>
  can(actor, 'enforcement.supervise') && inScope(scopeFor(actor, 'enforcement.supervise'), b);

async function toDtos(ctx: Ctx, actor: Actor, rows: BodyRow[], withHistory: boolean): Promise<Body[]> {
  const orgs = await orgRows(
    ctx.db,
    rows.flatMap((r) => [r.orgId, ...(r.entrustingOrgId ? [r.entrustingOrgId] : [])]),
  );
  const history = new Map<string, HistoryRow[]>();
  if (withHistory && rows.length) {
    const h = await ctx.db
      .select()
      .from(enforcementBodyHistory)
      .where(
        inArray(
          enforcementBodyHistory.bodyId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(enforcementBodyHistory.createdAt));
    for (const r of h) history.set(r.bodyId, [...(history.get(r.bodyId) ?? []), r]);
  }
  return rows.map((b) => {
    const org = orgs.get(b.orgId);
    const entrusting = b.entrustingOrgId ? orgs.get(b.entrustingOrgId) : undefined;
    return {
      id: b.id,
      org: { id: b.orgId, name: org?.name ?? '', uscc: org?.uscc ?? null },
      kind: b.kind as BodyKind,
      fields: b.fields,
      legalBasis: b.legalBasis,
      powers: b.powers as BodyPower[],
      entrustingOrg: entrusting ? { id: entrusting.id, name: entrusting.name } : null,
      entrustmentDoc: b.entrustmentDoc,
      entrustedMatters: b.entrustedMatters,
      status: b.status as BodyStatus,
      confirmedBy: b.confirmedBy,
      confirmationDoc: b.confirmationDoc,
      confirmedOn: b.confirmedOn,
      announcedOn: b.announcedOn,
      announcementDoc: b.announcementDoc,
      announcementUrl: b.announcementUrl,
      history: (history.get(b.id) ?? []).map((h) => ({
        id: h.id,
        action: h.action,
        on: h.on,
        status: h.status as BodyStatus,
        authority: h.authority,
        document: h.document,
        url: h.url,
        reason: h.reason,
      })),
      version: b.version,
      actions: mayManage(actor, b) ? ['edit', ...bodyActionsFrom(b.status as BodyStatus)] : [],
    };
  });
}

function listWhere(actor: Actor, q: Omit<BodyListQuery, 'page' | 'pageSize'>): SQL | undefined {
  const conds: (SQL | undefined)[] = [
    scopeWhere(scopeFor(actor, 'enforcement.read'), enforcementBodies.orgId, enforcementBodies.regionPath),
  ];
  if (q.status) conds.push(eq(enforcementBodies.status, q.status));
  if (q.kind) conds.push(eq(enforcementBodies.kind, q.kind));
  if (q.field) conds.push(sql`${enforcementBodies.fields} ? ${q.field}`);
  if (q.q) conds.push(ilike(organisations.name, `%${escapeLike(q.q)}%`));
  return and(...conds);
}

const listItem = (b: Body) => {
  const { history: _h, powers, ...rest } = b;
  return { ...rest, powerCount: powers.length };
};

async function page(ctx: Ctx, actor: Actor, where: SQL | undefined, limit: number, offset: number) {
  const rows = await ctx.db
    .select({ b: enforcementBodies })
    .from(enforcementBodies)
    .innerJoin(organisations, eq(organisations.id, enforcementBodies.orgId))
    .where(where)
    .orderBy(asc(enforcementBodies.regionPath), asc(organisations.name), asc(enforcementBodies.id))
    .limit(limit)
    .offset(offset);
  return (
    await toDtos(
      ctx,
      actor,
      rows.map((r) => r.b),
      false,
    )
  ).map(listItem);
}

export async function listBodies(ctx: Ctx, q: BodyListQuery) {
  requirePermission(ctx.actor, 'enforcement.read');
  const where = listWhere(ctx.actor, q);
  const [items, [total]] = await Promise.all([
    page(ctx, ctx.actor, where, q.pageSize, (q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: count() })
      .from(enforcementBodies)
      .innerJoin(organisations, eq(organisations.id, enforcementBodies.orgId))
      .where(where),
  ]);
  return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function* bodyBatchesForExport(ctx: Ctx, q: Omit<BodyListQuery, 'page' | 'pageSize'>) {
  requirePermission(ctx.actor, 'enforcement.read');
  const actor = ctx.actor;
  const where = listWhere(actor, q);
  for (let offset = 0; ; offset += 1000) {
    const rows = await page(ctx, actor, where, 1000, offset);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < 1000) return;
  }
}

export async function getBody(ctx: Ctx, id: string): Promise<Body> {
  requirePermission(ctx.actor, 'enforcement.read');
  const [b] = await ctx.db.select().from(enforcementBodies).where(eq(enforcementBodies.id, id));
  if (!b) throw new AppError('NOT_FOUND');
  assertInScope(ctx.actor, 'enforcement.read', b);
  return (await toDtos(ctx, ctx.actor, [b], true))[0] as Body;
}

async function writeHistory(
  tx: Tx,
  ctx: Ctx,
  b: BodyRow,
  action: string,
  on: string,
  extra: { authority?: string | null; document?: string | null; url?: string | null; reason?: string | null },
) {
  await tx.insert(enforcementBodyHistory).values({
    bodyId: b.id,
    action,
    on,
    status: b.status,
    authority: extra.authority ?? null,
    document: extra.document ?? null,
    url: extra.url ?? null,
    reason: extra.reason ?? null,
    snapshot: snapshot(b),
    actorId: ctx.actor?.userId ?? null,
    createdAt: ctx.now(),
  });
}

async function entrustingInScope(tx: Tx, actor: Actor, id: string | null): Promise<void> {
  if (!id) return;
  const [o] = await tx
    .select({ id: organisations.id, regionPath: organisations.regionPath })
    .from(organisations)
    .where(eq(organisations.id, id));
  if (!o) throw new AppError('NOT_FOUND', '委托机关不存在或不在您的管辖范围内');
  assertInScope(actor, 'enforcement.supervise', { orgId: o.id, regionPath: o.regionPath });
}

/** 登记执法主体: one record per organisation; the organisation is flagged as an enforcement body. */
export async function createBody(ctx: Ctx, input: BodyCreateInput): Promise<Body> {
  requirePermission(ctx.actor, 'enforcement.supervise');
  const actor = ctx.actor;
  if (input.uscc !== null && !isValidUscc(input.uscc)) throw new AppError('INVALID_USCC');
  assertEntrustment(input);
  const id = await ctx.db.transaction(async (tx) => {
    const [org] = await tx
      .select()
      .from(organisations)
      .where(and(eq(organisations.id, input.orgId), eq(organisations.disabled, false)))
      .for('update');
    if (!org) throw new AppError('NOT_FOUND', '单位不存在或不在您的管辖范围内');
    assertInScope(actor, 'enforcement.supervise', { orgId: org.id, regionPath: org.regionPath });
    await entrustingInScope(tx, actor, input.entrustingOrgId);
    if (input.entrustingOrgId === org.id)
      throw new AppError('VALIDATION_FAILED', '委托机关不能是受委托组织本身');
    const [existing] = await tx
      .select({ id: enforcementBodies.id })
      .from(enforcementBodies)
      .where(eq(enforcementBodies.orgId, org.id));
    if (existing) throw new AppError('BODY_EXISTS');
    if (input.uscc && org.uscc && org.uscc !== input.uscc) throw new AppError('USCC_MISMATCH');
    if (input.uscc && !org.uscc) {
      const [taken] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.uscc, input.uscc));
      if (taken) throw new AppError('DUPLICATE', '该统一社会信用代码已登记在其他单位名下，请核对');
    }
    if (!org.isLawEnforcementBody || (input.uscc && !org.uscc)) {
      await tx
        .update(organisations)
        .set({
          isLawEnforcementBody: true,
          uscc: org.uscc ?? input.uscc,
          version: org.version + 1,
          updatedAt: ctx.now(),
        })
        .where(eq(organisations.id, org.id));
      await appendAudit(tx, ctx, {
        action: 'org.update',
        entityType: 'organisation',
        entityId: org.id,
        before: { isLawEnforcementBody: org.isLawEnforcementBody, uscc: org.uscc },
        after: { isLawEnforcementBody: true, uscc: org.uscc ?? input.uscc },
      });
    }
    const [b] = await tx
      .insert(enforcementBodies)
      .values({
        orgId: org.id,
        regionPath: org.regionPath,
        kind: input.kind,
        fields: input.fields,
        legalBasis: input.legalBasis,
        powers: input.powers,
        entrustingOrgId: input.kind === 'entrusted_organisation' ? input.entrustingOrgId : null,
        entrustmentDoc: input.kind === 'entrusted_organisation' ? input.entrustmentDoc : null,
        entrustedMatters: input.kind === 'entrusted_organisation' ? input.entrustedMatters : [],
        status: 'draft',
        createdBy: actor.userId,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    if (!b) throw new AppError('INTERNAL');
    await writeHistory(tx, ctx, b, 'register', today(ctx), {});
    await appendAudit(tx, ctx, {
      action: 'enforcement.body.create',
      entityType: 'enforcement_body',
      entityId: b.id,
      before: null,
      after: snapshot(b),
    });
    await enqueueEvent(tx, 'enforcement.body.changed', { bodyId: b.id, action: 'create' });
    return b.id;
  });
  return getBody(ctx, id);
}

async function lockBody(tx: Tx, actor: Actor, id: string, version: number): Promise<BodyRow> {
  const [b] = await tx.select().from(enforcementBodies).where(eq(enforcementBodies.id, id)).for('update');
  if (!b) throw new AppError('NOT_FOUND');
  assertInScope(actor, 'enforcement.supervise', b);
  if (b.version !== version) throw new AppError('STALE_WRITE');
  return b;
}

/**
 * Changes kind, fields, powers or entrustment (机构改革, 职权调整). A confirmed or announced body becomes 已调整待公告:
 * the public keeps seeing the last announcement until the change is confirmed and announced again.
 */
export async function updateBody(ctx: Ctx, id: string, input: BodyUpdateInput): Promise<Body> {
  requirePermission(ctx.actor, 'enforcement.supervise');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const before = await lockBody(tx, actor, id, input.version);
    if (before.status === 'cancelled') throw new AppError('ILLEGAL_TRANSITION', '已撤销的执法主体不能修改');
    const { version: _v, reason, ...patch } = input;
    const merged = {
      kind: patch.kind ?? before.kind,
      entrustingOrgId: patch.entrustingOrgId !== undefined ? patch.entrustingOrgId : before.entrustingOrgId,
      entrustmentDoc: patch.entrustmentDoc !== undefined ? patch.entrustmentDoc : before.entrustmentDoc,
      entrustedMatters: patch.entrustedMatters ?? before.entrustedMatters,
    };
    assertEntrustment(merged);
    if (patch.entrustingOrgId) await entrustingInScope(tx, actor, patch.entrustingOrgId);
    const status =
      before.status === 'confirmed' || before.status === 'announced' ? 'adjusted' : before.status;
    const [after] = await tx
      .update(enforcementBodies)
      .set({ ...patch, status, version: before.version + 1, updatedAt: ctx.now() })
      .where(and(eq(enforcementBodies.id, id), eq(enforcementBodies.version, before.version)))
      .returning();
    if (!after) throw new AppError('STALE_WRITE');
    await writeHistory(tx, ctx, after, 'adjust', today(ctx), { reason });
    await appendAudit(tx, ctx, {
      action: 'enforcement.body.update',
      entityType: 'enforcement_body',
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
      detail: { reason },
    });
    await enqueueEvent(tx, 'enforcement.body.changed', { bodyId: id, action: 'update' });
  });
  return getBody(ctx, id);
}

/** 确认 / 公告 / 撤销, dated. */
export async function actOnBody(
  ctx: Ctx,
  id: string,
  action: BodyAction,
  input: BodyActionInput,
): Promise<Body> {
  requirePermission(ctx.actor, 'enforcement.supervise');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const before = await lockBody(tx, actor, id, input.version);
    const refusal = bodyTransitionRefusal(before.status as BodyStatus, action);
    if (refusal) throw new AppError('ILLEGAL_TRANSITION', refusal);
    if (input.on > today(ctx)) throw new AppError('INVALID_DATE', '日期不能晚于今天');
    const set: Partial<typeof enforcementBodies.$inferInsert> = { status: BODY_TRANSITIONS[action].to };
    if (action === 'confirm') {
      if (!input.authority || !input.document)
        throw new AppError('BODY_ANNOUNCEMENT_INCOMPLETE', '确认须填写确认机关（同级人民政府）和确认文件');
      Object.assign(set, {
        confirmedBy: input.authority,
        confirmationDoc: input.document,
        confirmedOn: input.on,
      });
    } else if (action === 'announce') {
      if (!input.document && !input.url)
        throw new AppError('BODY_ANNOUNCEMENT_INCOMPLETE', '公告须填写公告文号或公告链接');
      if (before.confirmedOn && input.on < before.confirmedOn)
        throw new AppError('INVALID_DATE', `公告日期不能早于确认日期 ${before.confirmedOn}`);
      Object.assign(set, {
        announcedOn: input.on,
        announcementDoc: input.document,
        announcementUrl: input.url,
      });
    } else {
      set.cancelledOn = input.on;
    }
    const [after] = await tx
      .update(enforcementBodies)
      .set({ ...set, version: before.version + 1, updatedAt: ctx.now() })
      .where(eq(enforcementBodies.id, id))
      .returning();
    if (!after) throw new AppError('STALE_WRITE');
    await writeHistory(tx, ctx, after, action, input.on, input);
    await appendAudit(tx, ctx, {
      action: `enforcement.body.${action}`,
      entityType: 'enforcement_body',
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
      detail: {
        on: input.on,
        authority: input.authority,
        document: input.document,
        url: input.url,
        reason: input.reason,
      },
    });
    await enqueueEvent(tx, 'enforcement.body.changed', { bodyId: id, action });
  });
  return getBody(ctx, id);
}
