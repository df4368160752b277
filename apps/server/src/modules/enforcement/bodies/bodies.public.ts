import type { BodyKind, PublicBody } from '@fazhi/contracts';
import { and, asc, count, eq, ilike, isNotNull, sql, type SQL } from 'drizzle-orm';
import { escapeLike } from '../../../platform/access/policy';
import type { Ctx } from '../../../platform/context';
import { organisations, regions } from '../../../platform/db/schema';
import { AppError } from '../../../platform/errors';
import { enforcementBodies, enforcementBodyHistory } from './bodies.tables';

/**
 * The portal's list of announced enforcement bodies (主体公告, 河南省行政执法条例 第十三条). A body adjusted after its
 * announcement stays listed with its last announced state (the history snapshot) until re-announced; cancelled
 * bodies are not listed.
 */
export async function listPublicBodies(
  ctx: Ctx,
  q: { page: number; pageSize: number; q?: string; field?: string; regionCode?: string },
): Promise<{ items: PublicBody[]; total: number; page: number; pageSize: number }> {
  const b = enforcementBodies;
  let regionPath: string | null = null;
  if (q.regionCode) {
    const [r] = await ctx.db
      .select({ path: regions.path })
      .from(regions)
      .where(eq(regions.code, q.regionCode));
    if (!r) throw new AppError('INVALID_REGION_CODE');
    regionPath = r.path;
  }
  const conds: (SQL | undefined)[] = [
    sql`${b.status} <> 'cancelled'`,
    isNotNull(b.announcedOn),
    q.q ? ilike(organisations.name, `%${escapeLike(q.q)}%`) : undefined,
    regionPath ? sql`${b.regionPath} like ${escapeLike(regionPath) + '%'}` : undefined,
  ];
  const where = and(...conds);
  // The announced state: for an adjusted body, the snapshot of its last announcement.
  const announced = sql<{
    kind: string;
    fields: string[];
    entrustingOrgId: string | null;
    entrustedMatters: string[];
    powers: unknown[];
  }>`(select h.snapshot from ${enforcementBodyHistory} h where h.body_id = ${b.id} and h.action = 'announce'
      order by h.created_at desc limit 1)`;
  const rows = await ctx.db
    .select({
      id: b.id,
      name: organisations.name,
      uscc: organisations.uscc,
      regionName: regions.name,
      announcedOn: b.announcedOn,
      announcementDoc: b.announcementDoc,
      announcementUrl: b.announcementUrl,
      snap: announced,
    })
    .from(b)
    .innerJoin(organisations, eq(organisations.id, b.orgId))
    .innerJoin(regions, eq(regions.code, organisations.regionCode))
    .where(and(where, q.field ? sql`(${announced})->'fields' ? ${q.field}` : undefined))
    .orderBy(asc(b.regionPath), asc(organisations.name))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await ctx.db
    .select({ n: count() })
    .from(b)
    .innerJoin(organisations, eq(organisations.id, b.orgId))
    .where(and(where, q.field ? sql`(${announced})->'fields' ? ${q.field}` : undefined));
  const entrustingIds = rows.map((r) => r.snap?.entrustingOrgId).filter((x): x is string => !!x);
  const names = new Map<string, string>();
  if (entrustingIds.length) {
    const o = await ctx.db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(sql`${organisations.id} = any(${sql.param(entrustingIds)}::uuid[])`);
    for (const r of o) names.set(r.id, r.name);
  }
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      uscc: r.uscc,
      regionName: r.regionName,
      kind: (r.snap?.kind ?? 'administrative_organ') as BodyKind,
      fields: r.snap?.fields ?? [],
      entrustingOrgName: r.snap?.entrustingOrgId ? (names.get(r.snap.entrustingOrgId) ?? null) : null,
      entrustedMatters: r.snap?.entrustedMatters ?? [],
      powerCount: r.snap?.powers?.length ?? 0,
      announcedOn: r.announcedOn ?? '',
      announcementDoc: r.announcementDoc,
      announcementUrl: r.announcementUrl,
    })),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
