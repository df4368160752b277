import type { Ctx } from '../../platform/context';
import type { Tx } from '../../platform/db/pool';
import { appendAudit } from '../../platform/audit/audit.service';
import { enqueueEvent } from '../../platform/jobs';

/** Audit entry and outbox event of a collection change, in the change's transaction. */
export async function auditCollection(
  tx: Tx,
  ctx: Ctx,
  input: {
    action: string;
    entityType: 'collection_task' | 'collection_target';
    entityId: string;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
    detail?: Record<string, unknown>;
    orgId: string;
    status: string;
  },
): Promise<void> {
  await appendAudit(tx, ctx, {
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: input.before ?? null,
    after: input.after ?? null,
    detail: input.detail ?? {},
  });
  await enqueueEvent(tx, 'collection.changed', {
    entityType: input.entityType,
    entityId: input.entityId,
    action: input.action,
    orgId: input.orgId,
    status: input.status,
  });
}

/** The audited view of a row: everything but timestamps. */
export function auditable<T extends { createdAt?: Date; updatedAt?: Date }>(row: T): Record<string, unknown> {
  const { createdAt, updatedAt, ...rest } = row;
  void createdAt;
  void updatedAt;
  return rest as Record<string, unknown>;
}
