import {
  NORMDOC_STATUSES,
  actionsFrom,
  type Normdoc,
  type NormdocCreate,
  type NormdocListQuery,
  type NormdocStatus,
  type NormdocUpdate,
  type normdocInterpretationSchema,
} from '@fazhi/contracts';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { requirePermission, scopeFor } from '../../platform/access/policy';
import type { Actor, Ctx } from '../../platform/context';
import type { DbOrTx, Tx } from '../../platform/db/pool';
import { organisations } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import { findOrgById } from '../org';
import { auditDocChange } from './normdocs.audit';
import { docDeadlines } from './normdocs.deadlines';
import { EDITABLE, toDoc, toSummary } from './normdocs.dto';
import { recordEvent } from './normdocs.events';
import { currentBlockers } from './normdocs.gates';
import { assertDocInScope, canOnDoc, docScopeWhere } from './normdocs.policy';
import { findDoc, findDocs, loadDocDetails, type DocRow } from './normdocs.repository';
import { searchVector } from './normdocs.search-text';
import { normdocCoIssuers, normdocs } from './normdocs.tables';

const bad = (message: string) => new AppError('VALIDATION_FAILED', message);

/** The document as the caller sees it (timeline, attachments, blockers, allowed actions). */
export async function docView(db: DbOrTx, actor: Actor, doc: DocRow, now = new Date()): Promise<Normdoc> {
  const details = await loadDocDetails(db, doc);
  const blockers = await currentBlockers(db, doc, actionsFrom(doc.status as NormdocStatus));
  return { ...toDoc(actor, doc, details, blockers), deadlines: await docDeadlines(db, doc, now) };
}

/** Loads a document the caller may read (404 otherwise). */
export async function readableDoc(db: DbOrTx, actor: Actor, id: string, forUpdate = false): Promise<DocRow> {
  const doc = await findDoc(db, id, forUpdate);
  if (!doc) throw new AppError('NOT_FOUND');
  const coIssuerOrgIds = (
    await db
      .select({ orgId: normdocCoIssuers.orgId })
      .from(normdocCoIssuers)
      .where(eq(normdocCoIssuers.docId, id))
  ).map((r) => r.orgId);
  assertDocInScope(actor, 'normdoc.read', { ...doc, coIssuerOrgIds });
  return doc;
}

export async function getDoc(ctx: Ctx, id: string): Promise<Normdoc> {
  requirePermission(ctx.actor, 'normdoc.read');
  const doc = await readableDoc(ctx.db, ctx.actor, id);
  return docView(ctx.db, ctx.actor, doc);
}

/**
 * The issuing organ (制定机关): a 部门规范性文件 is issued by the caller's own organisation; a 政府规范性文件
 * by the people's government of the caller's region (a department drafts it, the government issues it).
 */
async function resolveIssuer(
  tx: DbOrTx,
  actor: Actor,
  kind: NormdocCreate['kind'],
  orgId: string | undefined,
) {
  const org = await findOrgById(tx, orgId ?? actor.orgId);
  if (!org || org.disabled) throw bad('制定机关不存在或已停用');
  if (kind === 'department' && org.id !== actor.orgId) throw bad('部门规范性文件的制定机关应为本单位');
  if (kind === 'government') {
    if (org.type !== 'government') throw bad('政府规范性文件的制定机关应为人民政府');
    if (org.regionCode !== actor.regionCode) throw bad('只能为本级人民政府起草政府规范性文件');
  }
  return org;
}

async function checkCoIssuers(tx: DbOrTx, issuer: { id: string; regionPath: string }, ids: string[]) {
  const unique = [...new Set(ids)].filter((id) => id !== issuer.id);
  if (unique.length === 0) return unique;
  const rows = await tx
    .select({ id: organisations.id, disabled: organisations.disabled, regionPath: organisations.regionPath })
    .from(organisations)
    .where(inArray(organisations.id, unique));
  const ok = rows.filter((r) => !r.disabled && r.regionPath.startsWith(issuer.regionPath));
  if (ok.length !== unique.length) throw bad('联合发文单位不存在、已停用或不在制定机关辖区内');
  return unique;
}

export async function createDoc(ctx: Ctx, input: NormdocCreate): Promise<Normdoc> {
  requirePermission(ctx.actor, 'normdoc.draft');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const issuer = await resolveIssuer(tx, actor, input.kind, input.orgId);
    const co = await checkCoIssuers(tx, issuer, input.coIssuerOrgIds);
    const [row] = await tx
      .insert(normdocs)
      .values({
        orgId: issuer.id,
        regionPath: issuer.regionPath,
        draftingOrgId: actor.orgId,
        title: input.title,
        kind: input.kind,
        docNumber: input.docNumber || null,
        status: 'drafting',
        involvesPublicInterest: input.involvesPublicInterest,
        involvesMarketEntities: input.involvesMarketEntities,
        involvesMajorDecision: input.involvesMajorDecision,
        provisionalRules: input.provisionalRules,
        interpretationRequired: input.interpretationRequired,
        legalBasis: input.legalBasis,
        summary: input.summary,
        body: input.body,
        searchTsv: searchVector(input.title, input.summary, input.body),
        createdBy: actor.userId,
      })
      .returning();
    const doc = row as DocRow;
    if (co.length) await tx.insert(normdocCoIssuers).values(co.map((orgId) => ({ docId: doc.id, orgId })));
    await recordEvent(tx, ctx, doc.id, {
      action: 'create',
      toStatus: 'drafting',
      data: { coIssuers: co.length },
    });
    await auditDocChange(tx, ctx, 'normdoc.create', null, doc, { coIssuerOrgIds: co });
    return docView(tx, actor, doc);
  });
}

export async function updateDoc(ctx: Ctx, id: string, input: NormdocUpdate): Promise<Normdoc> {
  requirePermission(ctx.actor, 'normdoc.draft');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const cur = await readableDoc(tx, actor, id, true);
    const co = (
      await tx
        .select({ orgId: normdocCoIssuers.orgId })
        .from(normdocCoIssuers)
        .where(eq(normdocCoIssuers.docId, id))
    ).map((r) => r.orgId);
    if (!canOnDoc(actor, 'normdoc.draft', { ...cur, coIssuerOrgIds: co })) throw new AppError('FORBIDDEN');
    if (cur.version !== input.version) throw new AppError('STALE_WRITE');
    if (!EDITABLE.includes(cur.status as NormdocStatus))
      throw new AppError(
        'ILLEGAL_TRANSITION',
        `文件当前状态为“${NORMDOC_STATUSES[cur.status as NormdocStatus].zh}”，只有起草、评估论证、退回补充材料或审核不通过时可以修改`,
      );
    const { version, coIssuerOrgIds, ...fields } = input;
    void version;
    const next = { ...cur, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
    if (fields.docNumber === '') next.docNumber = null;
    const [row] = await tx
      .update(normdocs)
      .set({
        title: next.title,
        docNumber: next.docNumber,
        involvesPublicInterest: next.involvesPublicInterest,
        involvesMarketEntities: next.involvesMarketEntities,
        involvesMajorDecision: next.involvesMajorDecision,
        provisionalRules: next.provisionalRules,
        interpretationRequired: next.interpretationRequired,
        legalBasis: next.legalBasis,
        summary: next.summary,
        body: next.body,
        searchTsv: searchVector(next.title, next.summary, next.body),
        version: cur.version + 1,
        updatedAt: ctx.now(),
      })
      .where(and(eq(normdocs.id, id), eq(normdocs.version, cur.version)))
      .returning();
    if (!row) throw new AppError('STALE_WRITE');
    if (coIssuerOrgIds) {
      const issuer = { id: cur.orgId, regionPath: cur.regionPath };
      const ids = await checkCoIssuers(tx, issuer, coIssuerOrgIds);
      await tx.delete(normdocCoIssuers).where(eq(normdocCoIssuers.docId, id));
      if (ids.length) await tx.insert(normdocCoIssuers).values(ids.map((orgId) => ({ docId: id, orgId })));
    }
    await recordEvent(tx, ctx, id, { action: 'edit', data: { fields: Object.keys(fields) } });
    await auditDocChange(tx, ctx, 'normdoc.update', cur, row);
    return docView(tx, actor, row);
  });
}

export async function setInterpretation(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof normdocInterpretationSchema>,
): Promise<Normdoc> {
  requirePermission(ctx.actor, 'normdoc.draft');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const cur = await readableDoc(tx, actor, id, true);
    if (!canOnDoc(actor, 'normdoc.draft', cur)) throw new AppError('FORBIDDEN');
    if (cur.version !== input.version) throw new AppError('STALE_WRITE');
    if (!['published', 'in_force'].includes(cur.status))
      throw new AppError('ILLEGAL_TRANSITION', '文件公布后才能发布政策解读');
    if (cur.publishedOn && input.publishedOn < cur.publishedOn)
      throw bad(`解读发布日期不能早于文件公布日期 ${cur.publishedOn}`);
    const [row] = await tx
      .update(normdocs)
      .set({
        interpretationTitle: input.title,
        interpretationUrl: input.url ?? null,
        interpretationPublishedOn: input.publishedOn,
        interpretationBody: input.body,
        version: cur.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(normdocs.id, id))
      .returning();
    await recordEvent(tx, ctx, id, {
      action: 'interpret',
      note: input.title,
      data: { url: input.url ?? null },
    });
    await auditDocChange(tx, ctx, 'normdoc.interpret', cur, row as DocRow);
    return docView(tx, actor, row as DocRow);
  });
}

const SORTS: Record<NormdocListQuery['sort'], SQL[]> = {
  updatedAt: [desc(normdocs.updatedAt), asc(normdocs.id)],
  publishedOn: [sql`${normdocs.publishedOn} desc nulls last`, asc(normdocs.id)],
  title: [asc(normdocs.title), asc(normdocs.id)],
};

export function listWhere(actor: Actor, q: Omit<NormdocListQuery, 'page' | 'pageSize' | 'sort'>): SQL {
  const conds: SQL[] = [docScopeWhere(scopeFor(actor, 'normdoc.read'))];
  if (q.status?.length) conds.push(inArray(normdocs.status, q.status));
  if (q.kind) conds.push(eq(normdocs.kind, q.kind));
  if (q.orgId) conds.push(eq(normdocs.orgId, q.orgId));
  if (q.year)
    conds.push(
      sql`coalesce(${normdocs.publishedOn}, ${normdocs.createdAt}::date) between ${`${q.year}-01-01`}::date and ${`${q.year}-12-31`}::date`,
    );
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(
      sql`(${normdocs.title} ilike ${like} or ${normdocs.registrationNumber} ilike ${like} or ${normdocs.docNumber} ilike ${like})`,
    );
  }
  return and(...conds) as SQL;
}

export async function listDocs(ctx: Ctx, q: NormdocListQuery) {
  requirePermission(ctx.actor, 'normdoc.read');
  const { rows, total } = await findDocs(
    ctx.db,
    listWhere(ctx.actor, q),
    SORTS[q.sort],
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return { items: rows.map(toSummary), total, page: q.page, pageSize: q.pageSize };
}

/** All matching rows for the Excel export, in batches. */
export async function* docsForExport(ctx: Ctx, q: NormdocListQuery) {
  requirePermission(ctx.actor, 'normdoc.read');
  const where = listWhere(ctx.actor, q);
  for (let offset = 0; ; offset += 1000) {
    const { rows } = await findDocs(ctx.db, where, SORTS[q.sort], 1000, offset);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < 1000) return;
  }
}

export type { Tx };
