import { DEFAULT_TRAINING_HOURS_REQUIRED } from '@fazhi/contracts';
import { and, eq } from 'drizzle-orm';
import { requirePermission, requireTopLevel } from '../../../platform/access/policy';
import { appendAudit } from '../../../platform/audit/audit.service';
import type { Ctx } from '../../../platform/context';
import type { DbOrTx } from '../../../platform/db/pool';
import { settings } from '../../../platform/db/schema';
import { AppError } from '../../../platform/errors';

/**
 * The yearly training requirement of enforcement officers, default 60 学时 (国办发〔2023〕27号 提升行政执法质量
 * 三年行动计划: 每人每年不少于60学时 — FROM MEMORY in DOMAIN.md §4.2, hence a setting).
 */
const KEY = 'enforcement.training_hours_required';

async function read(db: DbOrTx): Promise<{ hours: number; version: number }> {
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  const hours = (row?.value as { hours?: number } | undefined)?.hours;
  return {
    hours: typeof hours === 'number' ? hours : DEFAULT_TRAINING_HOURS_REQUIRED,
    version: row?.version ?? 0,
  };
}

export async function trainingHoursRequired(db: DbOrTx): Promise<number> {
  return (await read(db)).hours;
}

export async function getOfficerSettings(ctx: Ctx) {
  requirePermission(ctx.actor, 'enforcement.read');
  const s = await read(ctx.db);
  return { trainingHoursRequired: s.hours, version: s.version };
}

/** Changed only from the top of the jurisdiction tree: one requirement for every officer. */
export async function updateOfficerSettings(
  ctx: Ctx,
  input: { version: number; trainingHoursRequired: number },
) {
  requirePermission(ctx.actor, 'enforcement.supervise');
  requireTopLevel(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    const before = await read(tx);
    if (before.version !== input.version) throw new AppError('STALE_WRITE');
    const value = { hours: input.trainingHoursRequired };
    if (before.version === 0) {
      const inserted = await tx
        .insert(settings)
        .values({ key: KEY, value, version: 1, updatedAt: ctx.now() })
        .onConflictDoNothing()
        .returning();
      if (inserted.length === 0) throw new AppError('STALE_WRITE');
    } else {
      const updated = await tx
        .update(settings)
        .set({ value, version: before.version + 1, updatedAt: ctx.now() })
        .where(and(eq(settings.key, KEY), eq(settings.version, before.version)))
        .returning();
      if (updated[0]?.version !== before.version + 1) throw new AppError('STALE_WRITE');
    }
    await appendAudit(tx, ctx, {
      action: 'enforcement.settings.update',
      entityType: 'setting',
      entityId: null,
      before: { trainingHoursRequired: before.hours },
      after: { trainingHoursRequired: input.trainingHoursRequired },
    });
  });
  return getOfficerSettings(ctx);
}
