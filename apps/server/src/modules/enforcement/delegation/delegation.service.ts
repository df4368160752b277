import type { DelegatedPower, DelegationRoundCreate, PowerStatus } from '@fazhi/contracts';
import { and, asc, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
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
import { enforcementCertificates } from '../officers/officers.tables';
import { delegatedPowers as powers, delegationRounds as rounds, townshipCapacity } from './delegation.tables';

/*
 * 乡镇（街道）赋权事项 (DOMAIN.md §4.9; 行政处罚法 第二十四条). The justice bureau ('enforcement.supervise') records
 * each adjustment round's decision document with the powers it adds and withdraws; a withdrawal ends the power on
 * its date. A power is visible to the township, to the source department (own organisation) and to region roles.
 */

type PowerRow = typeof powers.$inferSelect;
const township = alias(organisations, 'township');
const source = alias(organisations, 'source_org');

function powerScope(scope: Scope): SQL {
  if (scope.kind === 'none') return sql`false`;
  if (scope.kind === 'region') return sql`${powers.regionPath} like ${escapeLike(scope.pathPrefix) + '%'}`;
  return sql`(${powers.townshipOrgId} = ${scope.orgId} or ${powers.sourceOrgId} = ${scope.orgId})`;
}

export function powerStatus(p: { effectiveOn: string; withdrawnOn: string | null }, on: string): PowerStatus {
  if (p.withdrawnOn !== null && p.withdrawnOn <= on) return 'withdrawn';
  if (p.effectiveOn > on) return 'pending';
  return 'in_effect';
}

function statusWhere(status: PowerStatus, on: string): SQL {
  if (status === 'withdrawn')
    return sql`(${powers.withdrawnOn} is not null and ${powers.withdrawnOn} <= ${on}::date)`;
  if (status === 'pending')
    return sql`(${powers.effectiveOn} > ${on}::date and (${powers.withdrawnOn} is null or ${powers.withdrawnOn} > ${on}::date))`;
  return sql`(${powers.effectiveOn} <= ${on}::date and (${powers.withdrawnOn} is null or ${powers.withdrawnOn} > ${on}::date))`;
}

async function queryPowers(db: DbOrTx, where: SQL | undefined, on: string, canAdjust: boolean) {
  const rows = await db
    .select({ p: powers, townshipName: township.name, sourceName: source.name })
    .from(powers)
    .innerJoin(township, eq(township.id, powers.townshipOrgId))
    .innerJoin(source, eq(source.id, powers.sourceOrgId))
    .where(where)
    .orderBy(asc(township.name), asc(powers.code), asc(powers.name))
    .limit(5000);
  return rows.map((r): DelegatedPower => {
    const status = powerStatus(r.p, on);
    return {
      id: r.p.id,
      townshipOrgId: r.p.townshipOrgId,
      townshipName: r.townshipName,
      sourceOrgId: r.p.sourceOrgId,
      sourceOrgName: r.sourceName,
      code: r.p.code,
      name: r.p.name,
      legalBasis: r.p.legalBasis,
      decisionDocNumber: r.p.decisionDocNumber,
      decisionDate: r.p.decisionDate,
      effectiveOn: r.p.effectiveOn,
      withdrawnOn: r.p.withdrawnOn,
      withdrawalDocNumber: r.p.withdrawalDocNumber,
      roundId: r.p.roundId,
      status,
      version: r.p.version,
      actions: canAdjust && r.p.withdrawnOn === null ? ['withdraw'] : [],
    };
  });
}

export async function listPowers(ctx: Ctx, q: { townshipOrgId?: string; status?: PowerStatus; q?: string }) {
  requirePermission(ctx.actor, 'enforcement.read');
  const on = shanghaiToday(ctx.now());
  const canAdjust = can(ctx.actor, 'enforcement.supervise');
  const items = await queryPowers(
    ctx.db,
    and(
      powerScope(scopeFor(ctx.actor, 'enforcement.read')),
      q.townshipOrgId ? eq(powers.townshipOrgId, q.townshipOrgId) : undefined,
      q.status ? statusWhere(q.status, on) : undefined,
      q.q ? ilike(powers.name, `%${escapeLike(q.q)}%`) : undefined,
    ),
    on,
    canAdjust,
  );
  return { items, canAdjust };
}

export async function getPower(ctx: Ctx, id: string): Promise<DelegatedPower> {
  requirePermission(ctx.actor, 'enforcement.read');
  const on = shanghaiToday(ctx.now());
  const canAdjust =
    can(ctx.actor, 'enforcement.supervise') &&
    (await ctx.db
      .select({ id: powers.id })
      .from(powers)
      .where(and(eq(powers.id, id), powerScope(scopeFor(ctx.actor, 'enforcement.supervise'))))
      .then((r) => r.length > 0));
  const [p] = await queryPowers(
    ctx.db,
    and(eq(powers.id, id), powerScope(scopeFor(ctx.actor, 'enforcement.read'))),
    on,
    canAdjust,
  );
  if (!p) throw new AppError('NOT_FOUND');
  return p;
}

async function orgsInScope(db: DbOrTx, actor: Actor, ids: string[]) {
  const u = [...new Set(ids)];
  if (!u.length) return new Map<string, { id: string; type: string; regionPath: string }>();
  const rows = await db
    .select({ id: organisations.id, type: organisations.type, regionPath: organisations.regionPath })
    .from(organisations)
    .where(
      and(
        inArray(organisations.id, u),
        scopeWhere(scopeFor(actor, 'enforcement.supervise'), organisations.id, organisations.regionPath),
      ),
    );
  return new Map(rows.map((r) => [r.id, r]));
}

/** 动态调整: one decision document adding powers to townships and withdrawing others, in one transaction. */
export async function createRound(ctx: Ctx, input: DelegationRoundCreate) {
  requirePermission(ctx.actor, 'enforcement.supervise');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const orgs = await orgsInScope(tx, actor, [
      ...input.add.map((a) => a.townshipOrgId),
      ...input.add.map((a) => a.sourceOrgId),
    ]);
    for (const a of input.add) {
      const t = orgs.get(a.townshipOrgId);
      if (!t || t.type !== 'township') throw new AppError('DELEGATION_NOT_TOWNSHIP');
      if (!orgs.has(a.sourceOrgId)) throw new AppError('VALIDATION_FAILED', '原实施部门应为本辖区内的单位');
    }
    const toWithdraw = input.withdraw.length
      ? await tx
          .select()
          .from(powers)
          .where(
            and(inArray(powers.id, input.withdraw), powerScope(scopeFor(actor, 'enforcement.supervise'))),
          )
          .for('update')
      : [];
    if (toWithdraw.length !== new Set(input.withdraw).size)
      throw new AppError('VALIDATION_FAILED', '要收回的赋权事项不存在或不在本辖区');
    for (const p of toWithdraw) {
      if (p.withdrawnOn !== null) throw new AppError('DELEGATION_ALREADY_WITHDRAWN', `“${p.name}”已收回`);
      if (input.effectiveOn < p.effectiveOn) throw new AppError('DELEGATION_WITHDRAW_DATE');
    }
    const [round] = await tx
      .insert(rounds)
      .values({
        orgId: actor.orgId,
        regionPath: actor.regionPath,
        title: input.title,
        decisionDocNumber: input.decisionDocNumber,
        decisionDate: input.decisionDate,
        effectiveOn: input.effectiveOn,
        added: input.add.length,
        withdrawn: toWithdraw.length,
        createdBy: actor.userId,
      })
      .returning();
    const added = input.add.length
      ? await tx
          .insert(powers)
          .values(
            input.add.map((a) => ({
              ...a,
              regionPath: orgs.get(a.townshipOrgId)!.regionPath,
              decisionDocNumber: input.decisionDocNumber,
              decisionDate: input.decisionDate,
              effectiveOn: input.effectiveOn,
              roundId: round!.id,
            })),
          )
          .returning({ id: powers.id })
      : [];
    if (toWithdraw.length)
      await tx
        .update(powers)
        .set({
          withdrawnOn: input.effectiveOn,
          withdrawalDocNumber: input.decisionDocNumber,
          withdrawalRoundId: round!.id,
          version: sql`${powers.version} + 1`,
        })
        .where(
          inArray(
            powers.id,
            toWithdraw.map((p) => p.id),
          ),
        );
    await appendAudit(tx, ctx, {
      action: 'enforcement.delegation.round.create',
      entityType: 'enforcement_delegation_round',
      entityId: round!.id,
      before: { withdrawn: toWithdraw.map((p) => ({ id: p.id, withdrawnOn: p.withdrawnOn })) },
      after: { ...round!, added: added.map((a) => a.id), withdrawn: toWithdraw.map((p) => p.id) },
    });
    await enqueueEvent(tx, 'enforcement.delegation.adjusted', { roundId: round!.id });
    return { ...roundDto(round!) };
  });
}

const roundDto = (r: typeof rounds.$inferSelect) => ({
  id: r.id,
  orgId: r.orgId,
  title: r.title,
  decisionDocNumber: r.decisionDocNumber,
  decisionDate: r.decisionDate,
  effectiveOn: r.effectiveOn,
  added: r.added,
  withdrawn: r.withdrawn,
  createdAt: r.createdAt.toISOString(),
});

export async function listRounds(ctx: Ctx) {
  requirePermission(ctx.actor, 'enforcement.read');
  const scope = scopeFor(ctx.actor, 'enforcement.read');
  // Own-organisation readers see the rounds that touched a power of theirs.
  const where =
    scope.kind === 'org'
      ? sql`exists (select 1 from ${powers} p where (p.round_id = ${rounds.id} or p.withdrawal_round_id = ${rounds.id}) and (p.township_org_id = ${scope.orgId} or p.source_org_id = ${scope.orgId}))`
      : scopeWhere(scope, rounds.orgId, rounds.regionPath);
  const rows = await ctx.db.select().from(rounds).where(where).orderBy(desc(rounds.effectiveOn)).limit(1000);
  return { items: rows.map(roundDto) };
}

/** 收回 one power (a withdrawal outside a round still cites its decision document). */
export async function withdrawPower(
  ctx: Ctx,
  id: string,
  input: { version: number; withdrawnOn: string; decisionDocNumber: string },
) {
  requirePermission(ctx.actor, 'enforcement.supervise');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const [p] = (await tx
      .select()
      .from(powers)
      .where(and(eq(powers.id, id), powerScope(scopeFor(actor, 'enforcement.supervise'))))
      .for('update')) as PowerRow[];
    if (!p) throw new AppError('NOT_FOUND');
    if (p.version !== input.version) throw new AppError('STALE_WRITE');
    if (p.withdrawnOn !== null) throw new AppError('DELEGATION_ALREADY_WITHDRAWN');
    if (input.withdrawnOn < p.effectiveOn) throw new AppError('DELEGATION_WITHDRAW_DATE');
    const after = {
      withdrawnOn: input.withdrawnOn,
      withdrawalDocNumber: input.decisionDocNumber,
      version: p.version + 1,
    };
    await tx.update(powers).set(after).where(eq(powers.id, p.id));
    await appendAudit(tx, ctx, {
      action: 'enforcement.delegation.power.withdraw',
      entityType: 'enforcement_delegated_power',
      entityId: p.id,
      before: { withdrawnOn: p.withdrawnOn, version: p.version },
      after,
    });
    await enqueueEvent(tx, 'enforcement.delegation.adjusted', { powerId: p.id });
  });
  return getPower(ctx, id);
}

/**
 * 承接能力 of the townships in scope: powers in effect today, staff, and certified officers — counted from the
 * certificates register (行政执法证 valid today held by the township's officers), with a manual figure kept for
 * townships whose officers are not yet in the register.
 */
export async function listTownships(ctx: Ctx) {
  requirePermission(ctx.actor, 'enforcement.read');
  const scope = scopeFor(ctx.actor, 'enforcement.read');
  const on = shanghaiToday(ctx.now());
  const orgScope =
    scope.kind === 'org'
      ? sql`(${organisations.id} = ${scope.orgId} or exists (select 1 from ${powers} p where p.township_org_id = ${organisations.id} and p.source_org_id = ${scope.orgId}))`
      : scopeWhere(scope, organisations.id, organisations.regionPath);
  const rows = await ctx.db
    .select({
      id: organisations.id,
      name: organisations.name,
      staff: townshipCapacity.staff,
      certifiedManual: townshipCapacity.certifiedManual,
      note: townshipCapacity.note,
      version: townshipCapacity.version,
      powersInEffect: sql<number>`(select count(*)::int from ${powers} p where p.township_org_id = ${organisations.id} and p.effective_on <= ${on}::date and (p.withdrawn_on is null or p.withdrawn_on > ${on}::date))`,
      certified: sql<number>`(select count(distinct c.officer_id)::int from ${enforcementCertificates} c where c.org_id = ${organisations.id} and c.kind = 'enforcement' and c.issued_on is not null and c.issued_on <= ${on}::date and c.valid_from <= ${on}::date and c.valid_to >= ${on}::date and (c.ended_on is null or c.ended_on > ${on}::date))`,
    })
    .from(organisations)
    .leftJoin(townshipCapacity, eq(townshipCapacity.orgId, organisations.id))
    .where(and(eq(organisations.type, 'township'), eq(organisations.disabled, false), orgScope))
    .orderBy(asc(organisations.regionPath), asc(organisations.name))
    .limit(2000);
  return {
    items: rows.map((r) => ({
      orgId: r.id,
      name: r.name,
      powersInEffect: r.powersInEffect,
      staff: r.staff ?? 0,
      certifiedFromRegister: r.certified,
      certifiedManual: r.certifiedManual ?? null,
      note: r.note ?? '',
      version: r.version ?? 0,
    })),
    canEdit: can(ctx.actor, 'enforcement.supervise'),
  };
}

export async function updateCapacity(
  ctx: Ctx,
  orgId: string,
  input: { staff: number; certifiedManual: number | null; note: string; version: number },
) {
  requirePermission(ctx.actor, 'enforcement.supervise');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const org = (await orgsInScope(tx, actor, [orgId])).get(orgId);
    if (!org) throw new AppError('NOT_FOUND');
    if (org.type !== 'township') throw new AppError('DELEGATION_NOT_TOWNSHIP');
    const [cur] = await tx
      .select()
      .from(townshipCapacity)
      .where(eq(townshipCapacity.orgId, orgId))
      .for('update');
    if ((cur?.version ?? 0) !== input.version) throw new AppError('STALE_WRITE');
    const values = { staff: input.staff, certifiedManual: input.certifiedManual, note: input.note };
    if (cur)
      await tx
        .update(townshipCapacity)
        .set({ ...values, version: cur.version + 1, updatedAt: ctx.now() })
        .where(eq(townshipCapacity.orgId, orgId));
    else await tx.insert(townshipCapacity).values({ orgId, ...values });
    await appendAudit(tx, ctx, {
      action: 'enforcement.delegation.capacity.update',
      entityType: 'enforcement_township_capacity',
      entityId: orgId,
      before: cur ? { ...cur } : null,
      after: values,
    });
    await enqueueEvent(tx, 'enforcement.delegation.capacity', { orgId });
  });
  const list = await listTownships(ctx);
  const row = list.items.find((t) => t.orgId === orgId);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}
