import type { DbOrTx } from '../db/pool';
import { outbox } from '../db/schema';

/**
 * Side effects leave a transaction only through the outbox: the event row commits with the change, and
 * the dispatcher hands it to the queue afterwards. A rolled-back change sends nothing.
 */
export async function enqueueEvent(
  tx: DbOrTx,
  topic: string,
  payload: Record<string, unknown>,
): Promise<void> {
  await tx.insert(outbox).values({ topic, payload });
}
