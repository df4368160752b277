import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { indicators } from './indicators.tables';

/** One row of the catalogue. */
export type IndicatorRow = typeof indicators.$inferSelect;

/** The catalogue rows of `codes` (unknown codes are simply absent from the map). */
export async function findIndicators(db: DbOrTx, codes: string[]): Promise<Map<string, IndicatorRow>> {
  const uniq = [...new Set(codes)];
  if (uniq.length === 0) return new Map();
  const rows = await db.select().from(indicators).where(inArray(indicators.code, uniq));
  return new Map(rows.map((r) => [r.code, r]));
}

/** 400 UNKNOWN_INDICATOR naming every code that is not in the catalogue. */
export async function assertIndicatorsExist(db: DbOrTx, codes: string[]): Promise<Map<string, IndicatorRow>> {
  const found = await findIndicators(db, codes);
  const unknown = [...new Set(codes)].filter((c) => !found.has(c));
  if (unknown.length > 0)
    throw new AppError('UNKNOWN_INDICATOR', `指标目录中没有以下指标：${unknown.join('、')}，请检查指标代码`, {
      codes: unknown,
    });
  return found;
}
