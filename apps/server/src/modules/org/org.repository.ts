import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/pool';
import { organisations, regions } from '../../platform/db/schema';

export type OrgRow = typeof organisations.$inferSelect & { regionName: string };
export type RegionRow = typeof regions.$inferSelect;

const orgColumns = {
  id: organisations.id,
  name: organisations.name,
  shortName: organisations.shortName,
  type: organisations.type,
  uscc: organisations.uscc,
  docCodePrefix: organisations.docCodePrefix,
  parentId: organisations.parentId,
  regionCode: organisations.regionCode,
  regionPath: organisations.regionPath,
  isLawEnforcementBody: organisations.isLawEnforcementBody,
  isReconsiderationOrgan: organisations.isReconsiderationOrgan,
  disabled: organisations.disabled,
  version: organisations.version,
  createdAt: organisations.createdAt,
  updatedAt: organisations.updatedAt,
  regionName: regions.name,
};

export async function findOrgs(
  db: DbOrTx,
  where: SQL | undefined,
  limit?: number,
  offset?: number,
): Promise<OrgRow[]> {
  const q = db
    .select(orgColumns)
    .from(organisations)
    .innerJoin(regions, eq(regions.code, organisations.regionCode))
    .where(where)
    .orderBy(asc(organisations.regionPath), asc(organisations.name));
  if (limit !== undefined) return q.limit(limit).offset(offset ?? 0);
  return q;
}

export async function findOrgById(db: DbOrTx, id: string, forUpdate = false): Promise<OrgRow | undefined> {
  const q = db
    .select(orgColumns)
    .from(organisations)
    .innerJoin(regions, eq(regions.code, organisations.regionCode))
    .where(eq(organisations.id, id));
  const [row] = forUpdate ? await q.for('update', { of: organisations }) : await q;
  return row;
}

export async function findRegion(db: DbOrTx, code: string): Promise<RegionRow | undefined> {
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  return row;
}

export async function findRegions(db: DbOrTx, where: SQL | undefined): Promise<RegionRow[]> {
  return db.select().from(regions).where(where).orderBy(asc(regions.path));
}

export async function countActiveChildren(db: DbOrTx, orgId: string): Promise<number> {
  const res = await db.execute<{ n: number }>(sql`
    select (select count(*) from organisations where parent_id = ${orgId} and not disabled)
         + (select count(*) from users where org_id = ${orgId} and not disabled) as n`);
  return Number(res.rows[0]?.n ?? 0);
}

export async function countRegionChildren(db: DbOrTx, code: string): Promise<number> {
  const res = await db.execute<{ n: number }>(sql`
    select (select count(*) from regions where parent_code = ${code} and (valid_to is null or valid_to > current_date))
         + (select count(*) from organisations where region_code = ${code} and not disabled) as n`);
  return Number(res.rows[0]?.n ?? 0);
}

export const orgNameTaken = async (db: DbOrTx, regionCode: string, name: string, exceptId?: string) => {
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.regionCode, regionCode), eq(organisations.name, name)));
  return rows.some((r) => r.id !== exceptId);
};
