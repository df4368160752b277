import { and, eq, lte } from 'drizzle-orm';
import { shanghaiToday } from '../../platform/clock/today';
import type { Ctx } from '../../platform/context';
import type { JobDefinition } from '../../platform/jobs';
import { auditDocChange } from './normdocs.audit';
import { recordEvent } from './normdocs.events';
import type { DocRow } from './normdocs.repository';
import { normdocs } from './normdocs.tables';

/**
 * 施行: a published document whose effective date has come is in force. Idempotent (only 'published' rows
 * with effective_on ≤ today move), so a repeated or concurrent run changes nothing twice.
 */
export async function takeEffectDue(ctx: Ctx, today = shanghaiToday(ctx.now())): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(normdocs)
      .where(and(eq(normdocs.status, 'published'), lte(normdocs.effectiveOn, today)))
      .for('update', { skipLocked: true });
    for (const cur of due) {
      const [row] = await tx
        .update(normdocs)
        .set({ status: 'in_force', version: cur.version + 1, updatedAt: ctx.now() })
        .where(eq(normdocs.id, cur.id))
        .returning();
      await recordEvent(tx, ctx, cur.id, {
        action: 'take_effect',
        fromStatus: 'published',
        toStatus: 'in_force',
        note: `自 ${cur.effectiveOn} 起施行`,
      });
      await auditDocChange(tx, ctx, 'normdoc.take_effect', cur, row as DocRow);
    }
    return due.length;
  });
}

export const takeEffectJob: JobDefinition = {
  name: 'normdoc.take-effect',
  cron: '1 0 * * *',
  handler: async (ctx, data) => {
    await takeEffectDue(ctx, typeof data.date === 'string' ? data.date : undefined);
  },
};
