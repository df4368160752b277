import { NORMDOC_STATUSES, NORMDOC_TRANSITIONS, type NormdocStatus } from '@fazhi/contracts';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import type { Tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { auditDocChange } from './normdocs.audit';
import { recordEvent } from './normdocs.events';
import { coIssuerIds, findDoc, type DocRow } from './normdocs.repository';
import { searchVector } from './normdocs.search-text';
import { normdocCoIssuers, normdocs } from './normdocs.tables';

export type EndingAction = 'amend' | 'repeal' | 'declare_invalid' | 'expire' | 'remove_from_catalog';

/**
 * Takes an issued document out of force for clean-up results (清理决定) and the expiry job; the caller has
 * checked its own permission. 'amend' starts a new version as a draft instead: the document stays in force
 * until that version is published (修改: the amended text is re-registered, published and re-filed).
 * Returns the new draft's id for 'amend', else null. Idempotent: an already-ended document is left alone.
 */
export async function endDocInTx(
  tx: Tx,
  ctx: Ctx,
  docId: string,
  action: EndingAction,
  endedOn: string,
  reason: string,
): Promise<string | null> {
  const cur = await findDoc(tx, docId, true);
  if (!cur) throw new AppError('NOT_FOUND');
  const from = NORMDOC_TRANSITIONS[action].from as readonly NormdocStatus[];
  if (!from.includes(cur.status as NormdocStatus)) {
    if (action !== 'amend' && cur.status === NORMDOC_TRANSITIONS[action].to[0]) return null;
    throw new AppError(
      'ILLEGAL_TRANSITION',
      `文件“${cur.title}”当前状态为“${NORMDOC_STATUSES[cur.status as NormdocStatus].zh}”，不能${NORMDOC_TRANSITIONS[action].zh}`,
    );
  }
  if (action === 'amend') return startNewVersion(tx, ctx, cur, reason);
  const to = NORMDOC_TRANSITIONS[action].to[0] as NormdocStatus;
  const [row] = await tx
    .update(normdocs)
    .set({ status: to, endedOn, version: cur.version + 1, updatedAt: ctx.now() })
    .where(eq(normdocs.id, docId))
    .returning();
  await recordEvent(tx, ctx, docId, {
    action,
    fromStatus: cur.status,
    toStatus: to,
    note: reason,
    data: { endedOn },
  });
  await auditDocChange(tx, ctx, `normdoc.${action}`, cur, row as DocRow, { reason, endedOn });
  return null;
}

/** A new draft version of an issued document (修改), linked to it; the old one stays in force for now. */
export async function startNewVersion(tx: Tx, ctx: Ctx, doc: DocRow, reason: string): Promise<string> {
  const [existing] = await tx
    .select({ id: normdocs.id, status: normdocs.status })
    .from(normdocs)
    .where(eq(normdocs.previousVersionId, doc.id));
  if (existing && !['abandoned'].includes(existing.status))
    throw new AppError('CONFLICT', '该文件已有修改中的新版本，请在新版本上继续办理');
  const [draft] = await tx
    .insert(normdocs)
    .values({
      orgId: doc.orgId,
      regionPath: doc.regionPath,
      draftingOrgId: doc.draftingOrgId,
      title: doc.title,
      kind: doc.kind,
      status: 'drafting',
      involvesPublicInterest: doc.involvesPublicInterest,
      involvesMarketEntities: doc.involvesMarketEntities,
      involvesMajorDecision: doc.involvesMajorDecision,
      provisionalRules: doc.provisionalRules,
      interpretationRequired: doc.interpretationRequired,
      legalBasis: doc.legalBasis,
      summary: doc.summary,
      body: doc.body,
      searchTsv: searchVector(doc.title, doc.summary, doc.body),
      previousVersionId: doc.id,
      versionNo: doc.versionNo + 1,
      createdBy: ctx.actor?.userId ?? null,
    })
    .returning();
  const id = (draft as DocRow).id;
  const co = await coIssuerIds(tx, doc.id);
  if (co.length) await tx.insert(normdocCoIssuers).values(co.map((orgId) => ({ docId: id, orgId })));
  await recordEvent(tx, ctx, id, {
    action: 'create_version',
    toStatus: 'drafting',
    note: reason,
    data: { previousVersionId: doc.id, versionNo: doc.versionNo + 1 },
  });
  await recordEvent(tx, ctx, doc.id, { action: 'amend', note: reason, data: { newVersionId: id } });
  await auditDocChange(tx, ctx, 'normdoc.create_version', null, draft as DocRow, {
    previousVersionId: doc.id,
    reason,
  });
  return id;
}

/** When an amended version is published, the version it replaces stops being in force on the new effective date. */
export async function supersedePreviousVersion(tx: Tx, ctx: Ctx, published: DocRow): Promise<void> {
  if (!published.previousVersionId) return;
  const prev = await findDoc(tx, published.previousVersionId, true);
  if (!prev || !['published', 'in_force'].includes(prev.status)) return;
  const [row] = await tx
    .update(normdocs)
    .set({
      status: 'amended',
      endedOn: published.effectiveOn,
      version: prev.version + 1,
      updatedAt: ctx.now(),
    })
    .where(eq(normdocs.id, prev.id))
    .returning();
  await recordEvent(tx, ctx, prev.id, {
    action: 'superseded',
    fromStatus: prev.status,
    toStatus: 'amended',
    data: { newVersionId: published.id, registrationNumber: published.registrationNumber },
  });
  await auditDocChange(tx, ctx, 'normdoc.superseded', prev, row as DocRow, { newVersionId: published.id });
}
