import type { Ctx } from '../../platform/context';
import type { Tx } from '../../platform/db/pool';
import { appendAudit } from '../../platform/audit/audit.service';
import { enqueueEvent } from '../../platform/jobs';
import type { DocRow } from './normdocs.repository';

/** The audited view of a document: everything but the long texts and the search vector. */
export function auditableDoc(d: DocRow): Record<string, unknown> {
  const { body, searchTsv, interpretationBody, createdAt, updatedAt, ...rest } = d;
  void searchTsv;
  void createdAt;
  void updatedAt;
  return { ...rest, bodyLength: body.length, interpretationBodyLength: interpretationBody?.length ?? 0 };
}

/** Audit entry and outbox event of a document change, in the change's transaction. */
export async function auditDocChange(
  tx: Tx,
  ctx: Ctx,
  action: string,
  before: DocRow | null,
  after: DocRow,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await appendAudit(tx, ctx, {
    action,
    entityType: 'normdoc',
    entityId: after.id,
    before: before ? auditableDoc(before) : null,
    after: auditableDoc(after),
    detail,
  });
  await enqueueEvent(tx, 'normdoc.changed', {
    docId: after.id,
    action,
    orgId: after.orgId,
    status: after.status,
    fromStatus: before?.status ?? null,
  });
}
