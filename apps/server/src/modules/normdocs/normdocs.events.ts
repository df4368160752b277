import type { Ctx } from '../../platform/context';
import type { Tx } from '../../platform/db/pool';
import { normdocEvents } from './normdocs.tables';

/** One line of the document's timeline, written in the transaction of the change it records. */
export async function recordEvent(
  tx: Tx,
  ctx: Ctx,
  docId: string,
  e: {
    action: string;
    fromStatus?: string | null;
    toStatus?: string | null;
    note?: string;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(normdocEvents).values({
    docId,
    action: e.action,
    fromStatus: e.fromStatus ?? null,
    toStatus: e.toStatus ?? null,
    actorId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.displayName ?? ctx.requestId ?? 'system',
    actorOrgName: ctx.actor?.orgName ?? '',
    note: e.note ?? '',
    data: e.data ?? {},
    at: ctx.now(),
  });
}
