import {
  NORMDOC_ISSUED,
  type UnfiledFinding,
  type UnfiledFollowUpInput,
  type unfiledFindingListQuerySchema,
} from '@fazhi/contracts';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { requirePermission, scopeFor, scopeWhere } from '../../../platform/access/policy';
import { appendAudit } from '../../../platform/audit/audit.service';
import { shanghaiToday } from '../../../platform/clock/today';
import type { Ctx } from '../../../platform/context';
import type { DbOrTx, Tx } from '../../../platform/db/pool';
import { organisations } from '../../../platform/db/schema';
import { AppError } from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/jobs';
import { completeClockInTx, findClockIdBySubject, openClockInTx } from '../../clocks';
import { docScopeWhere } from '../normdocs.policy';
import { normdocRegisterEntries, normdocs, normdocUnfiledFindings } from '../normdocs.tables';
import { PERMISSION } from './registers.query';

/**
 * 漏备 findings: an outgoing document classified as normative that was never filed. The follow-up deadline
 * is a 期限台账 clock so it is reminded like any statutory time limit.
 */
export const FOLLOW_UP_DAYS = 30;
/**
 * 有件必备: every normative document must be filed — 法规规章备案审查条例 (2024, 国务院令第789号) 第三条;
 * 河南省实施《监督法》办法 第五十条. The 30-day rectification period is local practice (CUSTOMARY), not statute.
 */
export const FOLLOW_UP_LEGAL_BASIS =
  '法规规章备案审查条例（2024）第三条“有件必备”；整改期限30日为工作惯例（可调整）';
const SUBJECT_TYPE = 'normdoc_unfiled';

type Row = typeof normdocUnfiledFindings.$inferSelect;
const fields = {
  f: normdocUnfiledFindings,
  orgName: organisations.name,
  regionCode: organisations.regionCode,
  registerId: normdocRegisterEntries.registerId,
};

function toDto(x: {
  f: Row;
  orgName: string;
  regionCode: string;
  registerId: string | null;
}): UnfiledFinding {
  const f = x.f;
  return {
    id: f.id,
    entryId: f.entryId,
    registerId: x.registerId,
    org: { id: f.orgId, name: x.orgName },
    regionCode: x.regionCode,
    title: f.title,
    docNumber: f.docNumber,
    foundOn: f.foundOn,
    status: f.status as UnfiledFinding['status'],
    followUpDue: f.followUpDue,
    followUp: f.followUp,
    closedOn: f.closedOn,
    docId: f.docId,
    version: f.version,
  };
}

async function select(db: DbOrTx, where: SQL | undefined, offset: number, limit: number) {
  const rows = await db
    .select(fields)
    .from(normdocUnfiledFindings)
    .innerJoin(organisations, eq(organisations.id, normdocUnfiledFindings.orgId))
    .leftJoin(normdocRegisterEntries, eq(normdocRegisterEntries.id, normdocUnfiledFindings.entryId))
    .where(where)
    .orderBy(desc(normdocUnfiledFindings.foundOn), desc(normdocUnfiledFindings.createdAt))
    .limit(limit)
    .offset(offset);
  return rows.map(toDto);
}

export const findingDto = async (db: DbOrTx, id: string) =>
  (await select(db, eq(normdocUnfiledFindings.id, id), 0, 1))[0] as UnfiledFinding;

/**
 * A filed document of the organ matching the entry: same 发文字号 (when the register gives one) or same title,
 * issued, with at least one filing submitted.
 */
export async function findFiledMatch(
  tx: DbOrTx,
  orgId: string,
  entry: { docNumber: string; title: string },
): Promise<string | null> {
  const res = await tx.execute<{ id: string }>(sql`
    select d.id from normdocs d
     where d.org_id = ${orgId}
       and d.status = any(${sql.param([...NORMDOC_ISSUED])}::text[])
       and ((${entry.docNumber} <> '' and d.doc_number = ${entry.docNumber}) or d.title = ${entry.title})
       and exists (select 1 from normdoc_filings fi where fi.doc_id = d.id and fi.submitted_on is not null)
     limit 1`);
  return res.rows[0]?.id ?? null;
}

/** Records the finding and opens its follow-up clock, in the classifying transaction. */
export async function raiseFindingInTx(
  tx: Tx,
  ctx: Ctx,
  register: { orgId: string; regionPath: string },
  entry: { id: string; title: string; docNumber: string },
): Promise<string> {
  const today = shanghaiToday(ctx.now());
  const [row] = await tx
    .insert(normdocUnfiledFindings)
    .values({
      entryId: entry.id,
      orgId: register.orgId,
      regionPath: register.regionPath,
      title: entry.title,
      docNumber: entry.docNumber,
      foundOn: today,
      status: 'open',
    })
    .returning();
  const finding = row as Row;
  const clock = await openClockInTx(tx, ctx, {
    orgId: register.orgId,
    regionPath: register.regionPath,
    title: `漏备整改：${entry.title}`.slice(0, 200),
    subjectType: SUBJECT_TYPE,
    subjectId: finding.id,
    startEvent: '认定未备案',
    startDate: today,
    amount: FOLLOW_UP_DAYS,
    unit: 'calendar_days',
    legalBasis: FOLLOW_UP_LEGAL_BASIS,
  });
  await tx
    .update(normdocUnfiledFindings)
    .set({ followUpDue: clock.dueDate })
    .where(eq(normdocUnfiledFindings.id, finding.id));
  await appendAudit(tx, ctx, {
    action: 'normdoc.unfiled.create',
    entityType: 'normdoc_unfiled_finding',
    entityId: finding.id,
    before: null,
    after: { ...finding, followUpDue: clock.dueDate, clockId: clock.id },
  });
  await enqueueEvent(tx, 'normdoc.unfiled.created', { findingId: finding.id, orgId: register.orgId });
  return finding.id;
}

function listWhere(ctx: Ctx, q: Partial<z.infer<typeof unfiledFindingListQuerySchema>>) {
  requirePermission(ctx.actor, PERMISSION);
  return and(
    scopeWhere(
      scopeFor(ctx.actor, PERMISSION),
      normdocUnfiledFindings.orgId,
      normdocUnfiledFindings.regionPath,
    ),
    q.status ? eq(normdocUnfiledFindings.status, q.status) : undefined,
    q.orgId ? eq(normdocUnfiledFindings.orgId, q.orgId) : undefined,
    q.registerId ? eq(normdocRegisterEntries.registerId, q.registerId) : undefined,
  );
}

export async function listFindings(ctx: Ctx, q: z.infer<typeof unfiledFindingListQuerySchema>) {
  const where = listWhere(ctx, q);
  const [items, total] = await Promise.all([
    select(ctx.db, where, (q.page - 1) * q.pageSize, q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(normdocUnfiledFindings)
      .leftJoin(normdocRegisterEntries, eq(normdocRegisterEntries.id, normdocUnfiledFindings.entryId))
      .where(where),
  ]);
  return { items, total: total[0]?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function* findingBatchesForExport(
  ctx: Ctx,
  q: Partial<z.infer<typeof unfiledFindingListQuerySchema>>,
): AsyncIterable<UnfiledFinding[]> {
  const where = listWhere(ctx, q);
  for (let offset = 0; ; offset += 1000) {
    const rows = await select(ctx.db, where, offset, 1000);
    if (rows.length) yield rows;
    if (rows.length < 1000) return;
  }
}

/** The clock opened for a finding (found by the subject passed to openClockInTx). */
const followUpClockId = (tx: Tx, findingId: string) => findClockIdBySubject(tx, SUBJECT_TYPE, findingId);

/** 跟进: 整改中 with a note, or 已办结 (closes the clock); optionally links the document once filed. */
export async function followUpFinding(ctx: Ctx, id: string, input: UnfiledFollowUpInput) {
  requirePermission(ctx.actor, PERMISSION);
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const [cur] = await tx
      .select()
      .from(normdocUnfiledFindings)
      .where(
        and(
          eq(normdocUnfiledFindings.id, id),
          scopeWhere(
            scopeFor(actor, PERMISSION),
            normdocUnfiledFindings.orgId,
            normdocUnfiledFindings.regionPath,
          ),
        ),
      )
      .for('update');
    if (!cur) throw new AppError('NOT_FOUND');
    if (cur.version !== input.version) throw new AppError('STALE_WRITE');
    if (cur.status === 'closed') throw new AppError('ILLEGAL_TRANSITION', '该漏备记录已办结，不能再跟进');
    if (input.docId) {
      const [doc] = await tx
        .select({ id: normdocs.id, orgId: normdocs.orgId })
        .from(normdocs)
        .where(and(eq(normdocs.id, input.docId), docScopeWhere(scopeFor(actor, 'normdoc.read'))));
      if (!doc) throw new AppError('VALIDATION_FAILED', '关联的文件不存在或不在管辖范围内');
      if (doc.orgId !== cur.orgId)
        throw new AppError('VALIDATION_FAILED', '关联的文件须为被核查单位制定的文件');
    }
    const today = shanghaiToday(ctx.now());
    const closedOn = input.status === 'closed' ? (input.closedOn ?? today) : null;
    if (closedOn && closedOn < cur.foundOn)
      throw new AppError('VALIDATION_FAILED', '办结日期不能早于认定日期');
    const line = `${today} ${actor.displayName}：${input.note}`;
    const patch = {
      status: input.status,
      followUp: cur.followUp ? `${cur.followUp}\n${line}` : line,
      closedOn,
      docId: input.docId ?? cur.docId,
      version: cur.version + 1,
    };
    await tx.update(normdocUnfiledFindings).set(patch).where(eq(normdocUnfiledFindings.id, id));
    if (closedOn) {
      const clockId = await followUpClockId(tx, id);
      if (clockId) await completeClockInTx(tx, ctx, clockId, closedOn);
    }
    await appendAudit(tx, ctx, {
      action: 'normdoc.unfiled.follow_up',
      entityType: 'normdoc_unfiled_finding',
      entityId: id,
      before: { status: cur.status, docId: cur.docId, closedOn: cur.closedOn },
      after: { status: patch.status, docId: patch.docId, closedOn, note: input.note },
    });
    await enqueueEvent(tx, 'normdoc.unfiled.changed', { findingId: id, status: input.status });
    return findingDto(tx, id);
  });
}
