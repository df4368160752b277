import {
  isValidIdNumber,
  maskIdNumber,
  type Officer,
  type OfficerCreateInput,
  type OfficerDetail,
  type OfficerListQuery,
  type OfficerUpdateInput,
  type Permission,
  type TrainingCategory,
  type ExamType,
} from '@fazhi/contracts';
import { and, asc, count, desc, eq, ilike, inArray, type SQL } from 'drizzle-orm';
import {
  can,
  assertInScope,
  inScope,
  requirePermission,
  scopeFor,
  scopeWhere,
  escapeLike,
} from '../../../platform/access/policy';
import { appendAudit, auditStandalone } from '../../../platform/audit/audit.service';
import { shanghaiToday } from '../../../platform/clock/today';
import type { Actor, Ctx } from '../../../platform/context';
import type { DbOrTx, Tx } from '../../../platform/db/pool';
import { AppError } from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/jobs';
import { eventsOf, toCertificateDto } from './certificates.present';
import { idNumberHasher } from './officers.id-hash';
import {
  assertBody,
  auditableOfficer,
  certificatesOf,
  enforcementBodyOrg,
  orgNames,
  toOfficerDto,
  type OfficerRow,
} from './officers.rows';
import { trainingHoursRequired } from './officers.settings';
import { enforcementExams, enforcementOfficers, enforcementTrainings } from './officers.tables';

// 行政执法人员: registration, edits, the list and the detail with certificates, training and exams.

function officerActions(actor: Actor, o: OfficerRow): string[] {
  const out: string[] = [];
  if (can(actor, 'enforcement.body') && inScope(scopeFor(actor, 'enforcement.body'), o)) {
    out.push('edit', 'apply', 'training', 'exam');
  }
  return out;
}

function listWhere(actor: Actor, q: Omit<OfficerListQuery, 'page' | 'pageSize'>): SQL | undefined {
  const conds: (SQL | undefined)[] = [
    scopeWhere(
      scopeFor(actor, 'enforcement.read'),
      enforcementOfficers.orgId,
      enforcementOfficers.regionPath,
    ),
  ];
  if (q.orgId) conds.push(eq(enforcementOfficers.orgId, q.orgId));
  if (q.staffType) conds.push(eq(enforcementOfficers.staffType, q.staffType));
  if (q.q) conds.push(ilike(enforcementOfficers.name, `%${escapeLike(q.q)}%`));
  return and(...conds);
}

async function dtos(ctx: Ctx, actor: Actor, rows: OfficerRow[]): Promise<Officer[]> {
  const [names, certs] = await Promise.all([
    orgNames(
      ctx.db,
      rows.map((r) => r.orgId),
    ),
    certificatesOf(
      ctx.db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((r) =>
    toOfficerDto(r, names.get(r.orgId) ?? '', certs.get(r.id) ?? [], officerActions(actor, r)),
  );
}

export async function listOfficers(ctx: Ctx, q: OfficerListQuery) {
  requirePermission(ctx.actor, 'enforcement.read');
  const where = listWhere(ctx.actor, q);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(enforcementOfficers)
      .where(where)
      .orderBy(asc(enforcementOfficers.orgId), asc(enforcementOfficers.name))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(enforcementOfficers).where(where),
  ]);
  return {
    items: await dtos(ctx, ctx.actor, rows),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function* officerBatchesForExport(ctx: Ctx, q: Omit<OfficerListQuery, 'page' | 'pageSize'>) {
  requirePermission(ctx.actor, 'enforcement.read');
  const actor = ctx.actor;
  const where = listWhere(actor, q);
  for (let offset = 0; ; offset += 1000) {
    const rows = await ctx.db
      .select()
      .from(enforcementOfficers)
      .where(where)
      .orderBy(asc(enforcementOfficers.orgId), asc(enforcementOfficers.name), asc(enforcementOfficers.id))
      .limit(1000)
      .offset(offset);
    if (rows.length === 0) return;
    yield await dtos(ctx, actor, rows);
    if (rows.length < 1000) return;
  }
}

async function loadInScope(db: DbOrTx, actor: Actor, permission: Permission, id: string, lock = false) {
  const q = db.select().from(enforcementOfficers).where(eq(enforcementOfficers.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND');
  assertInScope(actor, permission, row);
  return row;
}

export async function getOfficer(ctx: Ctx, id: string): Promise<OfficerDetail> {
  requirePermission(ctx.actor, 'enforcement.read');
  const actor = ctx.actor;
  const o = await loadInScope(ctx.db, actor, 'enforcement.read', id);
  const today = shanghaiToday(ctx.now());
  const [[base], certs, trainings, exams, required] = await Promise.all([
    dtos(ctx, actor, [o]),
    certificatesOf(ctx.db, [o.id]),
    ctx.db
      .select()
      .from(enforcementTrainings)
      .where(eq(enforcementTrainings.officerId, o.id))
      .orderBy(desc(enforcementTrainings.on)),
    ctx.db
      .select()
      .from(enforcementExams)
      .where(eq(enforcementExams.officerId, o.id))
      .orderBy(desc(enforcementExams.on)),
    trainingHoursRequired(ctx.db),
  ]);
  const certRows = certs.get(o.id) ?? [];
  const events = await eventsOf(
    ctx.db,
    certRows.map((c) => c.id),
  );
  const mayAct = can(actor, 'enforcement.supervise') && inScope(scopeFor(actor, 'enforcement.supervise'), o);
  const orgName = base?.org.name ?? '';
  const byYear = new Map<number, number>();
  for (const t of trainings) byYear.set(t.year, (byYear.get(t.year) ?? 0) + t.hours);
  const thisYear = Number(today.slice(0, 4));
  if (!byYear.has(thisYear)) byYear.set(thisYear, 0);
  return {
    ...(base as Officer),
    certificateDetails: certRows.map((c) =>
      toCertificateDto(c, o.name, orgName, events.get(c.id) ?? [], today, mayAct),
    ),
    trainings: trainings.map((t) => ({
      id: t.id,
      course: t.course,
      category: t.category as TrainingCategory,
      hours: t.hours,
      on: t.on,
      year: t.year,
      provider: t.provider,
    })),
    exams: exams.map((e) => ({
      id: e.id,
      examType: e.examType as ExamType,
      on: e.on,
      score: e.score,
      passed: e.passed,
    })),
    trainingYears: [...byYear.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([year, hours]) => ({ year, hours, required, complete: hours >= required })),
  };
}

/** GB 11643 check (出生日期 and 校验位); 400 INVALID_ID_NUMBER naming what to fix. */
export function normaliseIdNumber(raw: string, today: Date): string {
  const id = raw.trim().toUpperCase();
  if (!isValidIdNumber(id, today)) throw new AppError('INVALID_ID_NUMBER');
  return id;
}

/**
 * Registers an officer inside the caller's transaction (the form and the Excel import both come here):
 * scope check on the body, body check, ID number check, one record per person, audit.
 */
export async function createOfficerTx(
  tx: Tx,
  ctx: Ctx,
  input: OfficerCreateInput,
  permission: Permission,
  hash: (id: string) => string,
): Promise<OfficerRow> {
  requirePermission(ctx.actor, permission);
  const org = await enforcementBodyOrg(tx, input.orgId);
  if (!org) throw new AppError('NOT_FOUND', '所选单位不存在或不在您的管辖范围内');
  assertInScope(ctx.actor, permission, { orgId: org.id, regionPath: org.regionPath });
  assertBody(org);
  const idNumber = normaliseIdNumber(input.idNumber, ctx.now());
  const idHash = hash(idNumber);
  const [dup] = await tx
    .select({ id: enforcementOfficers.id })
    .from(enforcementOfficers)
    .where(eq(enforcementOfficers.idNumberHash, idHash));
  if (dup) throw new AppError('OFFICER_DUPLICATE');
  const [row] = await tx
    .insert(enforcementOfficers)
    .values({
      orgId: org.id,
      regionPath: org.regionPath,
      name: input.name,
      idNumberEnc: ctx.crypto.encrypt(idNumber),
      idNumberMasked: maskIdNumber(idNumber),
      idNumberHash: idHash,
      staffType: input.staffType,
      position: input.position,
      fields: input.fields,
      regionScope: input.regionScope,
      legalQualification: input.legalQualification,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  await appendAudit(tx, ctx, {
    action: 'enforcement.officer.create',
    entityType: 'enforcement_officer',
    entityId: row.id,
    before: null,
    after: auditableOfficer(row),
  });
  await enqueueEvent(tx, 'enforcement.officer.changed', { officerId: row.id, action: 'create' });
  return row;
}

export async function createOfficer(ctx: Ctx, input: OfficerCreateInput): Promise<OfficerDetail> {
  requirePermission(ctx.actor, 'enforcement.body');
  const hash = await idNumberHasher(ctx);
  const row = await ctx.db.transaction((tx) => createOfficerTx(tx, ctx, input, 'enforcement.body', hash));
  return getOfficer(ctx, row.id);
}

export async function updateOfficer(ctx: Ctx, id: string, input: OfficerUpdateInput): Promise<OfficerDetail> {
  requirePermission(ctx.actor, 'enforcement.body');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const before = await loadInScope(tx, actor, 'enforcement.body', id, true);
    if (before.version !== input.version) throw new AppError('STALE_WRITE');
    const { version: _v, ...patch } = input;
    const [after] = await tx
      .update(enforcementOfficers)
      .set({ ...patch, version: before.version + 1, updatedAt: ctx.now() })
      .where(and(eq(enforcementOfficers.id, id), eq(enforcementOfficers.version, before.version)))
      .returning();
    if (!after) throw new AppError('STALE_WRITE');
    await appendAudit(tx, ctx, {
      action: 'enforcement.officer.update',
      entityType: 'enforcement_officer',
      entityId: id,
      before: auditableOfficer(before),
      after: auditableOfficer(after),
    });
    await enqueueEvent(tx, 'enforcement.officer.changed', { officerId: id, action: 'update' });
  });
  return getOfficer(ctx, id);
}

/** The full ID number: a separate, audited read (ARCHITECTURE.md "Personal data"). */
export async function revealOfficerIdNumber(ctx: Ctx, id: string): Promise<{ idNumber: string }> {
  requirePermission(ctx.actor, 'enforcement.body');
  const o = await loadInScope(ctx.db, ctx.actor, 'enforcement.body', id);
  await auditStandalone(ctx, {
    action: 'enforcement.officer.reveal',
    entityType: 'enforcement_officer',
    entityId: id,
    detail: { fields: ['idNumber'] },
  });
  return { idNumber: ctx.crypto.decrypt(o.idNumberEnc) };
}

export { loadInScope as loadOfficerInScope };
export const officersByIds = (db: DbOrTx, ids: string[]) =>
  ids.length
    ? db.select().from(enforcementOfficers).where(inArray(enforcementOfficers.id, ids))
    : Promise.resolve([]);
