import { INSPECTION_DEFAULT_SETTINGS, type inspectionSettingsUpdateSchema } from '@fazhi/contracts';
import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { requirePermission, scopeFor } from '../../../platform/access/policy';
import { appendAudit } from '../../../platform/audit/audit.service';
import type { Ctx } from '../../../platform/context';
import type { DbOrTx } from '../../../platform/db/pool';
import { AppError } from '../../../platform/errors';
import { findRegion } from '../../org';
import { READ, SUPERVISE } from './inspections.access';
import { enforcementInspectionSettings as settings } from './inspections.tables';

export type InspectionSettings = {
  yearlyCap: number;
  planRequired: boolean;
  sourceRegionCode: string | null;
};

/**
 * The settings in force for a region path: its own row, else the nearest ancestor's, else the defaults.
 * The yearly cap per enterprise per body has no national number (国办发〔2024〕54号 leaves it to each department,
 * DOMAIN.md §4.5), so it is a setting (default 2).
 */
export async function inspectionSettingsFor(db: DbOrTx, regionPath: string): Promise<InspectionSettings> {
  const codes = regionPath.split('/').filter(Boolean);
  const rows = codes.length
    ? await db.select().from(settings).where(inArray(settings.regionCode, codes))
    : [];
  for (const code of [...codes].reverse()) {
    const r = rows.find((x) => x.regionCode === code);
    if (r) return { yearlyCap: r.yearlyCap, planRequired: r.planRequired, sourceRegionCode: code };
  }
  return { ...INSPECTION_DEFAULT_SETTINGS, sourceRegionCode: null };
}

async function scopedRegion(ctx: Ctx, code: string, permission: typeof READ | typeof SUPERVISE) {
  requirePermission(ctx.actor, permission);
  const actor = ctx.actor;
  const region = await findRegion(ctx.db, code);
  const scope = scopeFor(actor, permission);
  const ok =
    region &&
    (scope.kind === 'region' ? region.path.startsWith(scope.pathPrefix) : region.code === actor.regionCode);
  if (!region || !ok) throw new AppError('NOT_FOUND');
  return region;
}

export async function getInspectionSettings(ctx: Ctx, regionCode?: string) {
  requirePermission(ctx.actor, READ);
  const region = await scopedRegion(ctx, regionCode ?? ctx.actor.regionCode, READ);
  const s = await inspectionSettingsFor(ctx.db, region.path);
  const [own] = await ctx.db
    .select({ version: settings.version })
    .from(settings)
    .where(eq(settings.regionCode, region.code));
  return { regionCode: region.code, ...s, version: own?.version ?? 0 };
}

export async function updateInspectionSettings(
  ctx: Ctx,
  input: z.infer<typeof inspectionSettingsUpdateSchema>,
) {
  const region = await scopedRegion(ctx, input.regionCode, SUPERVISE);
  await ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(settings).where(eq(settings.regionCode, region.code)).for('update');
    if ((cur?.version ?? 0) !== input.version) throw new AppError('STALE_WRITE');
    const fields = { yearlyCap: input.yearlyCap, planRequired: input.planRequired };
    if (cur)
      await tx
        .update(settings)
        .set({ ...fields, version: cur.version + 1, updatedAt: ctx.now() })
        .where(eq(settings.regionCode, region.code));
    else await tx.insert(settings).values({ regionCode: region.code, ...fields });
    await appendAudit(tx, ctx, {
      action: 'enforcement.inspection_settings.update',
      entityType: 'enforcement_inspection_settings',
      entityId: region.code,
      before: cur ? { yearlyCap: cur.yearlyCap, planRequired: cur.planRequired } : null,
      after: fields,
    });
  });
  return getInspectionSettings(ctx, region.code);
}
