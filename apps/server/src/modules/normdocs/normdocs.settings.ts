import { NORMDOC_DEFAULT_SETTINGS, type NormdocSettings } from '@fazhi/contracts';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/pool';
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
