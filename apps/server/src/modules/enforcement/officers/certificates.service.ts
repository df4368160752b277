import {
  CERTIFICATE_KINDS,
  certificateTransitionRefusal,
  type Certificate,
  type CertificateAction,
  type CertificateActionInput,
  type CertificateApplyInput,
  type CertificateListQuery,
  type CertificateStatus,
} from '@fazhi/contracts';
import { and, asc, count, desc, eq, ilike, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
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
import type { Tx } from '../../../platform/db/pool';
import { AppError } from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/jobs';
import { eventsOf, toCertificateDto } from './certificates.present';
import { isEligible, orgNames, type CertificateRow } from './officers.rows';
import {
  enforcementCertificateEvents,
  enforcementCertificates,
  enforcementCertificateSuspensions,
  enforcementOfficers,
} from './officers.tables';

// 行政执法证件: 申领 by the body, then 审核 / 发证 / 年审 / 暂扣 / 恢复 / 换发 / 注销 / 吊销 by the justice bureau,
// each dated and audited; suspensions kept as intervals so validity on any past day is computable.

const today = (ctx: Ctx) => shanghaiToday(ctx.now());

const auditableCert = (c: CertificateRow) => ({
  officerId: c.officerId,
  kind: c.kind,
  number: c.number,
  status: c.status,
  issuedOn: c.issuedOn,
  validFrom: c.validFrom,
  validTo: c.validTo,
  endedOn: c.endedOn,
  lastReviewedOn: c.lastReviewedOn,
  version: c.version,
});

async function lockOfficer(
  tx: Tx,
  actor: Actor,
  permission: 'enforcement.body' | 'enforcement.supervise',
  id: string,
) {
  const [o] = await tx.select().from(enforcementOfficers).where(eq(enforcementOfficers.id, id)).for('update');
  if (!o) throw new AppError('NOT_FOUND');
  assertInScope(actor, permission, o);
  return o;
}

function assertEligible(staffType: string): void {
  // 河南省行政执法条例 第二十条: 在编在职; 工勤人员、劳动合同工、临时工 may not obtain enforcement status.
  if (!isEligible(staffType)) throw new AppError('OFFICER_NOT_ELIGIBLE');
}

/** 申领: the enforcement body applies for a certificate for one of its officers. */
export async function applyForCertificate(
  ctx: Ctx,
  officerId: string,
  input: CertificateApplyInput,
): Promise<Certificate> {
  requirePermission(ctx.actor, 'enforcement.body');
  const actor = ctx.actor;
  const id = await ctx.db.transaction(async (tx) => {
    const o = await lockOfficer(tx, actor, 'enforcement.body', officerId);
    assertEligible(o.staffType);
    if (o.status !== 'active') throw new AppError('CONFLICT', '该人员已离岗，不能申领执法证件');
    if (input.appliedOn > today(ctx)) throw new AppError('INVALID_DATE', '申领日期不能晚于今天');
    const [open] = await tx
      .select({ id: enforcementCertificates.id })
      .from(enforcementCertificates)
      .where(
        and(
          eq(enforcementCertificates.officerId, o.id),
          eq(enforcementCertificates.kind, input.kind),
          inArray(enforcementCertificates.status, ['applied', 'approved']),
        ),
      );
    if (open)
      throw new AppError(
        'DUPLICATE',
        `该人员已有正在办理的${CERTIFICATE_KINDS[input.kind]}申请，请等待审核发证`,
      );
    const [c] = await tx
      .insert(enforcementCertificates)
      .values({
        officerId: o.id,
        orgId: o.orgId,
        regionPath: o.regionPath,
        kind: input.kind,
        fields: input.fields.length ? input.fields : o.fields,
        area: input.area ?? o.regionScope,
        status: 'applied',
        appliedOn: input.appliedOn,
        createdBy: actor.userId,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    if (!c) throw new AppError('INTERNAL');
    await tx.insert(enforcementCertificateEvents).values({
      certificateId: c.id,
      action: 'apply',
      fromStatus: null,
      toStatus: 'applied',
      on: input.appliedOn,
      actorId: actor.userId,
    });
    await appendAudit(tx, ctx, {
      action: 'enforcement.certificate.apply',
      entityType: 'enforcement_certificate',
      entityId: c.id,
      before: null,
      after: auditableCert(c),
    });
    await enqueueEvent(tx, 'enforcement.certificate.changed', { certificateId: c.id, action: 'apply' });
    return c.id;
  });
  return getCertificate(ctx, id);
}

/**
 * Another certificate of the same kind for the officer whose issued period overlaps [from, to]. The period of
 * an ended certificate runs to the day before `ended_on`.
 */
export async function overlappingCertificate(
  tx: Tx,
  officerId: string,
  kind: string,
  from: string,
  to: string,
  exceptId: string | null,
): Promise<string | null> {
  const c = enforcementCertificates;
  const [hit] = await tx
    .select({ id: c.id, number: c.number })
    .from(c)
    .where(
      and(
        eq(c.officerId, officerId),
        eq(c.kind, kind),
        exceptId ? ne(c.id, exceptId) : undefined,
        sql`${c.issuedOn} is not null`,
        sql`${c.validFrom} <= ${to}::date`,
        sql`least(${c.validTo}, coalesce(${c.endedOn} - 1, ${c.validTo})) >= ${from}::date`,
      ),
    );
  return hit ? (hit.number ?? hit.id) : null;
}

async function assertNumberFree(tx: Tx, number: string): Promise<void> {
  const [hit] = await tx
    .select({ id: enforcementCertificates.id })
    .from(enforcementCertificates)
    .where(eq(enforcementCertificates.number, number));
  if (hit) throw new AppError('CERTIFICATE_NUMBER_TAKEN', `证号“${number}”已被其他证件使用，请核对证号`);
}

function periodOf(
  input: CertificateActionInput,
  action: string,
): { number: string; from: string; to: string } {
  if (!input.number || !input.validFrom || !input.validTo)
    throw new AppError('VALIDATION_FAILED', `${action}须填写证号、有效期起始日和截止日`);
  if (input.validFrom > input.validTo)
    throw new AppError('CERTIFICATE_DATE_ORDER', '有效期起始日不能晚于截止日');
  return { number: input.number, from: input.validFrom, to: input.validTo };
}

async function closeSuspension(tx: Tx, certId: string, on: string): Promise<void> {
  await tx
    .update(enforcementCertificateSuspensions)
    .set({ toOn: on })
    .where(
      and(
        eq(enforcementCertificateSuspensions.certificateId, certId),
        isNull(enforcementCertificateSuspensions.toOn),
      ),
    );
}

type Change = { set: Partial<typeof enforcementCertificates.$inferInsert>; newCertificateId?: string };

/** One lifecycle action of the transition table (contracts `certificate.states.ts`), dated `input.on`. */
export async function actOnCertificate(
  ctx: Ctx,
  id: string,
  action: CertificateAction,
  input: CertificateActionInput,
): Promise<Certificate> {
  requirePermission(ctx.actor, 'enforcement.supervise');
  const actor = ctx.actor;
  const resultId = await ctx.db.transaction(async (tx) => {
    const [c] = await tx
      .select()
      .from(enforcementCertificates)
      .where(eq(enforcementCertificates.id, id))
      .for('update');
    if (!c) throw new AppError('NOT_FOUND');
    assertInScope(actor, 'enforcement.supervise', c);
    if (c.version !== input.version) throw new AppError('STALE_WRITE');
    const refusal = certificateTransitionRefusal(c.status as CertificateStatus, action);
    if (refusal) throw new AppError('ILLEGAL_TRANSITION', refusal);
    if (input.on > today(ctx)) throw new AppError('INVALID_DATE', '办理日期不能晚于今天');
    const [last] = await tx
      .select({ on: enforcementCertificateEvents.on })
      .from(enforcementCertificateEvents)
      .where(eq(enforcementCertificateEvents.certificateId, c.id))
      .orderBy(desc(enforcementCertificateEvents.on))
      .limit(1);
    if (last && input.on < last.on)
      throw new AppError('CERTIFICATE_DATE_ORDER', `办理日期不能早于上一次办理日期 ${last.on}`);
    const officer = await lockOfficer(tx, actor, 'enforcement.supervise', c.officerId);

    let toStatus: CertificateStatus;
    const change: Change = { set: {} };
    switch (action) {
      case 'approve':
        assertEligible(officer.staffType);
        toStatus = 'approved';
        break;
      case 'reject':
        toStatus = 'rejected';
        change.set.endedOn = input.on;
        break;
      case 'issue': {
        assertEligible(officer.staffType);
        const p = periodOf(input, '发证');
        await assertNumberFree(tx, p.number);
        const other = await overlappingCertificate(tx, c.officerId, c.kind, p.from, p.to, c.id);
        if (other) throw new AppError('CERTIFICATE_PERIOD_OVERLAP', undefined, { overlapsWith: other });
        toStatus = 'active';
        change.set = { number: p.number, validFrom: p.from, validTo: p.to, issuedOn: input.on };
        break;
      }
      case 'annual_review':
        if (!input.result) throw new AppError('VALIDATION_FAILED', '年审须选择结果：合格、不合格或暂缓');
        change.set.lastReviewedOn = input.on;
        if (input.result === 'fail') {
          toStatus = 'suspended';
          await tx
            .insert(enforcementCertificateSuspensions)
            .values({ certificateId: c.id, fromOn: input.on, reason: input.reason ?? '年审不合格' });
        } else toStatus = 'active';
        break;
      case 'suspend':
        toStatus = 'suspended';
        await tx
          .insert(enforcementCertificateSuspensions)
          .values({ certificateId: c.id, fromOn: input.on, reason: input.reason });
        break;
      case 'restore':
        toStatus = 'active';
        await closeSuspension(tx, c.id, input.on);
        break;
      case 'renew': {
        assertEligible(officer.staffType);
        const p = periodOf(input, '换发');
        if (c.validFrom && p.from <= c.validFrom)
          throw new AppError('CERTIFICATE_DATE_ORDER', `新证有效期起始日应晚于原证起始日 ${c.validFrom}`);
        await assertNumberFree(tx, p.number);
        // The old certificate stops the day the new one starts.
        await tx
          .update(enforcementCertificates)
          .set({ endedOn: p.from })
          .where(eq(enforcementCertificates.id, c.id));
        const other = await overlappingCertificate(tx, c.officerId, c.kind, p.from, p.to, c.id);
        if (other) throw new AppError('CERTIFICATE_PERIOD_OVERLAP', undefined, { overlapsWith: other });
        const [fresh] = await tx
          .insert(enforcementCertificates)
          .values({
            officerId: c.officerId,
            orgId: officer.orgId,
            regionPath: officer.regionPath,
            kind: c.kind,
            number: p.number,
            fields: c.fields,
            area: c.area,
            issuingAuthority: c.issuingAuthority,
            status: 'active',
            appliedOn: input.on,
            issuedOn: input.on,
            validFrom: p.from,
            validTo: p.to,
            previousId: c.id,
            createdBy: actor.userId,
            createdAt: ctx.now(),
            updatedAt: ctx.now(),
          })
          .returning();
        if (!fresh) throw new AppError('INTERNAL');
        await tx.insert(enforcementCertificateEvents).values({
          certificateId: fresh.id,
          action: 'issue',
          fromStatus: null,
          toStatus: 'active',
          on: input.on,
          reason: `换发（原证号 ${c.number ?? ''}）`,
          actorId: actor.userId,
        });
        await appendAudit(tx, ctx, {
          action: 'enforcement.certificate.issue',
          entityType: 'enforcement_certificate',
          entityId: fresh.id,
          before: null,
          after: auditableCert(fresh),
          detail: { renewedFrom: c.id },
        });
        change.newCertificateId = fresh.id;
        change.set.endedOn = p.from;
        toStatus = 'renewed';
        break;
      }
      case 'cancel':
      case 'revoke':
        toStatus = action === 'cancel' ? 'cancelled' : 'revoked';
        change.set.endedOn = input.on;
        if (c.status === 'suspended') await closeSuspension(tx, c.id, input.on);
        break;
    }
    const [after] = await tx
      .update(enforcementCertificates)
      .set({ ...change.set, status: toStatus, version: c.version + 1, updatedAt: ctx.now() })
      .where(eq(enforcementCertificates.id, c.id))
      .returning();
    if (!after) throw new AppError('STALE_WRITE');
    await tx.insert(enforcementCertificateEvents).values({
      certificateId: c.id,
      action,
      fromStatus: c.status,
      toStatus,
      on: input.on,
      result: action === 'annual_review' ? (input.result ?? null) : null,
      reason: input.reason,
      actorId: actor.userId,
    });
    await appendAudit(tx, ctx, {
      action: `enforcement.certificate.${action}`,
      entityType: 'enforcement_certificate',
      entityId: c.id,
      before: auditableCert(c),
      after: auditableCert(after),
      detail: { on: input.on, reason: input.reason, result: input.result ?? null },
    });
    await enqueueEvent(tx, 'enforcement.certificate.changed', {
      certificateId: c.id,
      action,
      status: toStatus,
    });
    return change.newCertificateId ?? c.id;
  });
  return getCertificate(ctx, resultId);
}

export async function getCertificate(ctx: Ctx, id: string): Promise<Certificate> {
  requirePermission(ctx.actor, 'enforcement.read');
  const actor = ctx.actor;
  const [row] = await ctx.db
    .select({ c: enforcementCertificates, officerName: enforcementOfficers.name })
    .from(enforcementCertificates)
    .innerJoin(enforcementOfficers, eq(enforcementOfficers.id, enforcementCertificates.officerId))
    .where(eq(enforcementCertificates.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  assertInScope(actor, 'enforcement.read', row.c);
  const [names, events] = await Promise.all([orgNames(ctx.db, [row.c.orgId]), eventsOf(ctx.db, [id])]);
  return toCertificateDto(
    row.c,
    row.officerName,
    names.get(row.c.orgId) ?? '',
    events.get(id) ?? [],
    today(ctx),
    mayAct(actor, row.c),
  );
}

const mayAct = (actor: Actor, c: CertificateRow) =>
  can(actor, 'enforcement.supervise') && inScope(scopeFor(actor, 'enforcement.supervise'), c);

function listWhere(
  ctx: Ctx,
  actor: Actor,
  q: Omit<CertificateListQuery, 'page' | 'pageSize'>,
): SQL | undefined {
  const c = enforcementCertificates;
  const conds: (SQL | undefined)[] = [scopeWhere(scopeFor(actor, 'enforcement.read'), c.orgId, c.regionPath)];
  if (q.kind) conds.push(eq(c.kind, q.kind));
  if (q.status) conds.push(eq(c.status, q.status));
  if (q.orgId) conds.push(eq(c.orgId, q.orgId));
  if (q.q)
    conds.push(
      or(ilike(enforcementOfficers.name, `%${escapeLike(q.q)}%`), ilike(c.number, `%${escapeLike(q.q)}%`)),
    );
  if (q.expiringWithinDays !== undefined)
    conds.push(
      and(
        eq(c.status, 'active'),
        sql`${c.validTo} between ${today(ctx)}::date and ${today(ctx)}::date + ${q.expiringWithinDays}::int`,
      ),
    );
  return and(...conds);
}

async function findPage(ctx: Ctx, actor: Actor, where: SQL | undefined, limit: number, offset: number) {
  const rows = await ctx.db
    .select({ c: enforcementCertificates, officerName: enforcementOfficers.name })
    .from(enforcementCertificates)
    .innerJoin(enforcementOfficers, eq(enforcementOfficers.id, enforcementCertificates.officerId))
    .where(where)
    .orderBy(asc(enforcementCertificates.validTo), asc(enforcementCertificates.id))
    .limit(limit)
    .offset(offset);
  const names = await orgNames(
    ctx.db,
    rows.map((r) => r.c.orgId),
  );
  const t = today(ctx);
  return rows.map((r) => {
    const { events: _e, ...dto } = toCertificateDto(
      r.c,
      r.officerName,
      names.get(r.c.orgId) ?? '',
      [],
      t,
      mayAct(actor, r.c),
    );
    return dto;
  });
}

export async function listCertificates(ctx: Ctx, q: CertificateListQuery) {
  requirePermission(ctx.actor, 'enforcement.read');
  const where = listWhere(ctx, ctx.actor, q);
  const [items, [total]] = await Promise.all([
    findPage(ctx, ctx.actor, where, q.pageSize, (q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: count() })
      .from(enforcementCertificates)
      .innerJoin(enforcementOfficers, eq(enforcementOfficers.id, enforcementCertificates.officerId))
      .where(where),
  ]);
  return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function* certificateBatchesForExport(
  ctx: Ctx,
  q: Omit<CertificateListQuery, 'page' | 'pageSize'>,
) {
  requirePermission(ctx.actor, 'enforcement.read');
  const actor = ctx.actor;
  const where = listWhere(ctx, actor, q);
  for (let offset = 0; ; offset += 1000) {
    const rows = await findPage(ctx, actor, where, 1000, offset);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < 1000) return;
  }
}
