import {
  NORMDOC_DEFAULT_SETTINGS,
  type NormdocSettings,
  type NormdocSettingsView,
  type normdocSettingsUpdateSchema,
} from '@fazhi/contracts';
import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { requirePermission, scopeFor } from '../../platform/access/policy';
import { appendAudit } from '../../platform/audit/audit.service';
import type { Actor, Ctx } from '../../platform/context';
import type { DbOrTx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { findRegion } from '../org';
import { templateProblem } from './normdocs.numbering';
import { normdocRegionSettings } from './normdocs.tables';

export type ResolvedSettings = NormdocSettings & {
  /** The region whose row applies (null: the built-in defaults). */
  sourceRegionCode: string | null;
};

/**
 * The settings in force for a region: its own row, else the nearest ancestor's, else the defaults.
 * `regionPath` is '410000/411200/411203/'.
 */
export async function settingsFor(db: DbOrTx, regionPath: string): Promise<ResolvedSettings> {
  const codes = regionPath.split('/').filter(Boolean);
  const rows = codes.length
    ? await db.select().from(normdocRegionSettings).where(inArray(normdocRegionSettings.regionCode, codes))
    : [];
  for (const code of [...codes].reverse()) {
    const row = rows.find((r) => r.regionCode === code);
    if (row) {
      return {
        registrationTemplate: row.registrationTemplate,
        filingDaysSuperiorGovernment: row.filingDaysSuperiorGovernment,
        filingDaysCongress: row.filingDaysCongress,
        filingDaysSuperiorDepartment: row.filingDaysSuperiorDepartment,
        filingDaysSameLevelGovernment: row.filingDaysSameLevelGovernment,
        commentDays: row.commentDays,
        minCommentDays: row.minCommentDays,
        validityYears: row.validityYears,
        provisionalValidityYears: row.provisionalValidityYears,
        expiryWarningDays: row.expiryWarningDays,
        timelinessBase: row.timelinessBase === 'due' ? 'due' : 'filed',
        sourceRegionCode: code,
      };
    }
  }
  return { ...NORMDOC_DEFAULT_SETTINGS, sourceRegionCode: null };
}

/** Reading and saving a region's settings (a region in the caller's scope; saving needs 'normdoc.settings'). */
export async function getSettingsView(ctx: Ctx, regionCode?: string): Promise<NormdocSettingsView> {
  requirePermission(ctx.actor, 'normdoc.read');
  const region = await scopedRegion(ctx, regionCode ?? ctx.actor.regionCode, 'normdoc.read');
  const s = await settingsFor(ctx.db, region.path);
  const [own] = await ctx.db
    .select({ version: normdocRegionSettings.version })
    .from(normdocRegionSettings)
    .where(eq(normdocRegionSettings.regionCode, region.code));
  const { sourceRegionCode, ...fields } = s;
  return { ...fields, regionCode: region.code, sourceRegionCode, version: own?.version ?? 0 };
}

async function scopedRegion(ctx: Ctx, code: string, permission: 'normdoc.read' | 'normdoc.settings') {
  const actor = ctx.actor as Actor;
  const region = await findRegion(ctx.db, code);
  const scope = scopeFor(actor, permission);
  const ok =
    region &&
    (scope.kind === 'region' ? region.path.startsWith(scope.pathPrefix) : region.code === actor.regionCode);
  if (!region || !ok) throw new AppError('NOT_FOUND');
  return region;
}

export async function updateSettings(
  ctx: Ctx,
  input: z.infer<typeof normdocSettingsUpdateSchema>,
): Promise<NormdocSettingsView> {
  requirePermission(ctx.actor, 'normdoc.settings');
  const region = await scopedRegion(ctx, input.regionCode, 'normdoc.settings');
  const problem = templateProblem(input.registrationTemplate);
  if (problem) throw new AppError('VALIDATION_FAILED', problem);
  const { regionCode, version, ...fields } = input;
  await ctx.db.transaction(async (tx) => {
    const [cur] = await tx
      .select()
      .from(normdocRegionSettings)
      .where(eq(normdocRegionSettings.regionCode, region.code))
      .for('update');
    if ((cur?.version ?? 0) !== version) throw new AppError('STALE_WRITE');
    if (cur) {
      await tx
        .update(normdocRegionSettings)
        .set({ ...fields, version: cur.version + 1, updatedAt: ctx.now() })
        .where(eq(normdocRegionSettings.regionCode, regionCode));
    } else {
      await tx.insert(normdocRegionSettings).values({ regionCode: region.code, ...fields });
    }
    await appendAudit(tx, ctx, {
      action: 'normdoc.settings.update',
      entityType: 'normdoc_settings',
      entityId: region.code,
      before: cur ? { ...cur, updatedAt: undefined } : null,
      after: { regionCode: region.code, ...fields },
    });
  });
  return getSettingsView(ctx, region.code);
}
