import type { CapCheck, Inspection, InspectionInput, inspectionListQuerySchema } from '@fazhi/contracts';
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { escapeLike, requirePermission, scopeFor, type Scope } from '../../../platform/access/policy';
import { appendAudit } from '../../../platform/audit/audit.service';
import type { Actor, Ctx } from '../../../platform/context';
import type { DbOrTx } from '../../../platform/db/pool';
import { organisations } from '../../../platform/db/schema';
import { AppError } from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/jobs';
import { enforcementOfficers } from '../officers/officers.tables';
import { certificatesValidOn } from '../officers/officers.validity';
import { loadEnterprise } from './enterprises.service';
import { READ, actingBody, assertRecordInScope, loadBody, type BodyOrg } from './inspections.access';
import { inspectionSettingsFor } from './inspections.settings';
import {
  enforcementEnterprises as ent,
  enforcementInspectionBodies as insBodies,
  enforcementInspectionItems as items,
  enforcementInspectionPlans as plans,
  enforcementInspections as ins,
  enforcementInspectionSubjects as subjects,
  enforcementRandomDraws as draws,
} from './inspections.tables';

type InsRow = typeof ins.$inferSelect;

/** Scope of an inspection: region tree of the lead body, or (own organisation) lead or 综合查一次 partner. */
function inspectionScopeWhere(scope: Scope): SQL {
  if (scope.kind === 'none') return sql`false`;
  if (scope.kind === 'region') return sql`${ins.regionPath} like ${escapeLike(scope.pathPrefix) + '%'}`;
  return sql`(${ins.orgId} = ${scope.orgId} or exists (select 1 from enforcement_inspection_bodies b where b.inspection_id = ${ins.id} and b.org_id = ${scope.orgId}))`;
}

/** The count of inspections of `enterpriseId` by `orgId` in `year` (index-only scan on the subjects PK). */
async function countFor(db: DbOrTx, enterpriseId: string, orgId: string, year: number): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(subjects)
    .where(and(eq(subjects.enterpriseId, enterpriseId), eq(subjects.orgId, orgId), eq(subjects.year, year)));
  return r?.n ?? 0;
}

/** The enterprise's inspections that year by every body; a joint inspection counts once. */
async function enterpriseTotal(db: DbOrTx, enterpriseId: string, year: number): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(distinct ${subjects.inspectionId})::int` })
    .from(subjects)
    .where(and(eq(subjects.enterpriseId, enterpriseId), eq(subjects.year, year)));
  return r?.n ?? 0;
}

const capWarning = (name: string, body: string, year: number, count: number, cap: number) =>
  `${body}${year}年已对“${name}”检查${count}次，年度上限为${cap}次；再次检查将超过上限，须填写超限理由`;

/** GET …/cap-check: the warning shown before recording (国办发〔2024〕54号 annual upper limit, DOMAIN.md §4.5). */
export async function capCheck(
  ctx: Ctx,
  q: { enterpriseId: string; bodyId: string; date: string },
): Promise<CapCheck> {
  requirePermission(ctx.actor, READ);
  const actor = ctx.actor;
  const body = await loadBody(ctx.db, q.bodyId);
  if (!body) throw new AppError('NOT_FOUND', '执法主体不存在');
  // A lead body checks a 综合查一次 partner's count too: any body on the caller's line of the region tree.
  const related =
    body.regionPath.startsWith(actor.regionPath) || actor.regionPath.startsWith(body.regionPath);
  if (!related) assertRecordInScope(ctx, READ, { orgId: body.id, regionPath: body.regionPath });
  const e = await loadEnterprise(ctx.db, actor, q.enterpriseId);
  const year = Number(q.date.slice(0, 4));
  const [count, total, s] = await Promise.all([
    countFor(ctx.db, e.id, body.id, year),
    enterpriseTotal(ctx.db, e.id, year),
    inspectionSettingsFor(ctx.db, body.regionPath),
  ]);
  const wouldExceed = count + 1 > s.yearlyCap;
  return {
    enterpriseId: e.id,
    bodyId: body.id,
    year,
    count,
    cap: s.yearlyCap,
    wouldExceed,
    warning: wouldExceed ? capWarning(e.name, body.name, year, count, s.yearlyCap) : null,
    enterpriseTotal: total,
  };
}

/**
 * Records an inspection in one transaction, refusing (409, nothing written):
 *  - an item not on the lead body's published list, or a partner item not on its body's list (清单之外无检查);
 *  - a missing / unaccepted plan when the region requires one (计划备案);
 *  - fewer than two officers, or any officer without a certificate valid that day, named
 *    (行政处罚法 第四十二条; 河南省行政执法条例 第二十一条; DOMAIN.md §4.2 guards);
 *  - an inspection beyond the yearly cap per enterprise per body without `overrideReason`.
 * 综合查一次: partner bodies join through `jointItemIds`; the inspection is one record, counted once per
 * enterprise and once for each participating body.
 */
export async function recordInspection(ctx: Ctx, input: InspectionInput): Promise<Inspection> {
  const { actor, body } = await actingBody(ctx);
  const year = Number(input.inspectedOn.slice(0, 4));
  const enterpriseIds = [...new Set(input.enterpriseIds)];
  const officerIds = [...new Set(input.officerIds)];

  const id = await ctx.db.transaction(async (tx) => {
    // 清单之外无检查
    const itemIds = [input.itemId, ...input.jointItemIds];
    const found = await tx.select().from(items).where(inArray(items.id, itemIds));
    const byId = new Map(found.map((i) => [i.id, i]));
    const lead = byId.get(input.itemId);
    if (!lead || lead.orgId !== body.id || !lead.published)
      throw new AppError('INSPECTION_ITEM_NOT_LISTED', undefined, { itemId: input.itemId });
    const participants: { org: BodyOrg; itemId: string }[] = [{ org: body, itemId: lead.id }];
    for (const jid of input.jointItemIds) {
      const j = byId.get(jid);
      if (!j || !j.published)
        throw new AppError(
          'INSPECTION_ITEM_NOT_LISTED',
          '清单之外无检查：联合检查的事项须在各参与机关已公布的检查事项清单中',
          {
            itemId: jid,
          },
        );
      if (participants.some((p) => p.org.id === j.orgId))
        throw new AppError(
          'VALIDATION_FAILED',
          '综合查一次：每个参与机关只列一个检查事项，且不能与牵头机关相同',
        );
      const org = await loadBody(tx, j.orgId);
      if (!org) throw new AppError('INSPECTION_NOT_ENFORCEMENT_BODY', '联合检查的参与单位不是行政执法主体');
      participants.push({ org, itemId: j.id });
    }

    // 计划备案
    const s = await inspectionSettingsFor(tx, body.regionPath);
    if (s.planRequired && !input.planId) throw new AppError('INSPECTION_PLAN_REQUIRED');
    if (input.planId) {
      const [plan] = await tx.select().from(plans).where(eq(plans.id, input.planId));
      if (!plan || plan.orgId !== body.id) throw new AppError('NOT_FOUND', '检查计划不存在或不属于本机关');
      if (plan.status !== 'accepted' || !plan.itemIds.includes(lead.id) || plan.year !== year)
        throw new AppError('INSPECTION_PLAN_NOT_ACCEPTED');
    }

    if (input.drawId) {
      const [d] = await tx.select({ orgId: draws.orgId }).from(draws).where(eq(draws.id, input.drawId));
      if (!d || d.orgId !== body.id) throw new AppError('NOT_FOUND', '双随机抽取记录不存在或不属于本机关');
    }

    // ≥ 2 officers with certificates valid that day
    if (officerIds.length < 2) throw new AppError('INSPECTION_OFFICERS_TOO_FEW');
    const officers = await tx
      .select({
        id: enforcementOfficers.id,
        name: enforcementOfficers.name,
        orgId: enforcementOfficers.orgId,
      })
      .from(enforcementOfficers)
      .where(inArray(enforcementOfficers.id, officerIds));
    const orgIds = new Set(participants.map((p) => p.org.id));
    const foreign = officerIds.filter((oid) => !officers.some((o) => o.id === oid && orgIds.has(o.orgId)));
    if (foreign.length)
      throw new AppError('VALIDATION_FAILED', '所选执法人员须是参与检查机关的执法人员', {
        officerIds: foreign,
      });
    const valid = await certificatesValidOn(tx, officerIds, input.inspectedOn);
    const invalid = officers.filter((o) => !valid.get(o.id));
    if (invalid.length) {
      const names = invalid.map((o) => o.name).join('、');
      throw new AppError(
        'INSPECTION_CERTIFICATE_INVALID',
        `${names}在${input.inspectedOn}没有有效的行政执法证件（未发证、已过期、暂扣、注销或吊销），不得实施检查；行政检查须由两名以上持有效证件的执法人员实施`,
        { officers: invalid.map((o) => ({ id: o.id, name: o.name })) },
      );
    }

    // Enterprises (in the lead body's jurisdiction) and the yearly cap, serialised per enterprise × body.
    const ents: (typeof ent.$inferSelect)[] = [];
    for (const eid of enterpriseIds) ents.push(await loadEnterprise(tx, actor, eid));
    const over: { enterprise: string; body: string; count: number; cap: number }[] = [];
    for (const p of participants) {
      const cap =
        p.org.id === body.id ? s.yearlyCap : (await inspectionSettingsFor(tx, p.org.regionPath)).yearlyCap;
      for (const e of ents) {
        await tx.execute(
          sql`select pg_advisory_xact_lock(hashtextextended(${`insp:${e.id}:${p.org.id}:${year}`}, 0))`,
        );
        const n = await countFor(tx, e.id, p.org.id, year);
        if (n + 1 > cap) over.push({ enterprise: e.name, body: p.org.name, count: n, cap });
      }
    }
    if (over.length && !input.overrideReason) {
      const o = over[0]!;
      throw new AppError(
        'INSPECTION_CAP_EXCEEDED',
        `${capWarning(o.enterprise, o.body, year, o.count, o.cap)}（overrideReason）`,
        {
          over,
        },
      );
    }

    const officerRecords = officerIds.map((oid) => {
      const c = valid.get(oid)!;
      return { officerId: oid, certificateId: c.certificateId, certificateNumber: c.number };
    });
    const [row] = await tx
      .insert(ins)
      .values({
        orgId: body.id,
        regionPath: body.regionPath,
        itemId: lead.id,
        planId: input.planId ?? null,
        drawId: input.drawId ?? null,
        inspectedOn: input.inspectedOn,
        year,
        onsite: input.onsite,
        joint: participants.length > 1,
        officers: officerRecords,
        result: input.result,
        findings: input.findings,
        overrideReason: over.length ? (input.overrideReason ?? null) : null,
        createdBy: actor.userId,
      })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await tx
      .insert(insBodies)
      .values(participants.map((p) => ({ inspectionId: row.id, orgId: p.org.id, itemId: p.itemId })));
    await tx
      .insert(subjects)
      .values(
        participants.flatMap((p) =>
          ents.map((e) => ({ inspectionId: row.id, enterpriseId: e.id, orgId: p.org.id, year })),
        ),
      );
    await appendAudit(tx, ctx, {
      action: 'enforcement.inspection.record',
      entityType: 'enforcement_inspection',
      entityId: row.id,
      before: null,
      after: {
        itemId: lead.id,
        bodies: participants.map((p) => p.org.id),
        enterprises: ents.map((e) => e.uscc),
        officers: officerRecords,
        inspectedOn: input.inspectedOn,
        result: input.result,
        overrideReason: row.overrideReason,
        capExceeded: over,
      },
    });
    await enqueueEvent(tx, 'enforcement.inspection.recorded', { inspectionId: row.id, orgId: body.id });
    return row.id;
  });
  return getInspection(ctx, id);
}

async function dtos(db: DbOrTx, rows: InsRow[]): Promise<Inspection[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [bodies, ents, itemRows] = await Promise.all([
    db
      .select({ inspectionId: insBodies.inspectionId, id: organisations.id, name: organisations.name })
      .from(insBodies)
      .innerJoin(organisations, eq(organisations.id, insBodies.orgId))
      .where(inArray(insBodies.inspectionId, ids)),
    db
      .selectDistinct({ inspectionId: subjects.inspectionId, id: ent.id, uscc: ent.uscc, name: ent.name })
      .from(subjects)
      .innerJoin(ent, eq(ent.id, subjects.enterpriseId))
      .where(inArray(subjects.inspectionId, ids)),
    db
      .select({
        id: items.id,
        code: items.code,
        name: items.name,
        orgName: organisations.name,
        regionCode: organisations.regionCode,
      })
      .from(items)
      .innerJoin(organisations, eq(organisations.id, items.orgId))
      .where(inArray(items.id, [...new Set(rows.map((r) => r.itemId))])),
  ]);
  const itemById = new Map(itemRows.map((i) => [i.id, i]));
  return rows.map((r) => {
    const it = itemById.get(r.itemId);
    const bs = bodies.filter((b) => b.inspectionId === r.id);
    return {
      id: r.id,
      org: { id: r.orgId, name: it?.orgName ?? '' },
      regionCode: it?.regionCode ?? '',
      item: { id: r.itemId, code: it?.code ?? '', name: it?.name ?? '' },
      planId: r.planId,
      drawId: r.drawId,
      inspectedOn: r.inspectedOn,
      year: r.year,
      onsite: r.onsite,
      joint: r.joint,
      bodies: [...bs.filter((b) => b.id === r.orgId), ...bs.filter((b) => b.id !== r.orgId)].map((b) => ({
        id: b.id,
        name: b.name,
      })),
      enterprises: ents
        .filter((e) => e.inspectionId === r.id)
        .map((e) => ({ id: e.id, uscc: e.uscc, name: e.name })),
      officers: r.officers,
      result: r.result as Inspection['result'],
      findings: r.findings,
      overrideReason: r.overrideReason,
      createdAt: r.createdAt.toISOString(),
    };
  });
}

function listWhere(actor: Actor, q: z.infer<typeof inspectionListQuerySchema>): SQL | undefined {
  return and(
    inspectionScopeWhere(scopeFor(actor, READ)),
    q.orgId ? eq(ins.orgId, q.orgId) : undefined,
    q.year ? eq(ins.year, q.year) : undefined,
    q.enterpriseId
      ? sql`exists (select 1 from enforcement_inspection_subjects s where s.inspection_id = ${ins.id} and s.enterprise_id = ${q.enterpriseId})`
      : undefined,
  );
}

export async function selectInspections(
  db: DbOrTx,
  actor: Actor,
  q: z.infer<typeof inspectionListQuerySchema>,
  offset: number,
  limit: number,
) {
  const rows = await db
    .select()
    .from(ins)
    .where(listWhere(actor, q))
    .orderBy(desc(ins.inspectedOn), desc(ins.createdAt))
    .limit(limit)
    .offset(offset);
  return dtos(db, rows);
}

export async function listInspections(ctx: Ctx, q: z.infer<typeof inspectionListQuerySchema>) {
  requirePermission(ctx.actor, READ);
  const actor = ctx.actor;
  const [list, [count]] = await Promise.all([
    selectInspections(ctx.db, actor, q, (q.page - 1) * q.pageSize, q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(ins)
      .where(listWhere(actor, q)),
  ]);
  return { items: list, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function getInspection(ctx: Ctx, id: string): Promise<Inspection> {
  requirePermission(ctx.actor, READ);
  const [row] = await ctx.db
    .select()
    .from(ins)
    .where(and(eq(ins.id, id), inspectionScopeWhere(scopeFor(ctx.actor, READ))));
  if (!row) throw new AppError('NOT_FOUND');
  const [dto] = await dtos(ctx.db, [row]);
  return dto!;
}
