import type { RenderedSection } from '@fazhi/contracts';
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { organisations } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import { issuerOf, PUBLISHED_LABEL } from './reports.preview';
import { findReport, latestVersion } from './reports.repository';
import { annualReports } from './reports.tables';

/*
 * The public portal: published (and later archived) reports only, with the text frozen at publication
 * (《法治政府建设与责任落实督察工作规定》第二十四条: published by 1 April through newspapers, websites etc.).
 */
const PUBLIC_STATUSES = ['published', 'archived'];

export async function listPublishedReports(
  ctx: Ctx,
  q: { page: number; pageSize: number; year?: number; regionCode?: string; q?: string },
) {
  const conds: SQL[] = [inArray(annualReports.status, PUBLIC_STATUSES)];
  if (q.year) conds.push(eq(annualReports.year, q.year));
  if (q.regionCode) conds.push(eq(organisations.regionCode, q.regionCode));
  if (q.q) conds.push(sql`${annualReports.title} ilike ${`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  const where = and(...conds);
  const [rows, [count]] = await Promise.all([
    ctx.db
      .select({
        id: annualReports.id,
        title: annualReports.title,
        year: annualReports.year,
        orgName: organisations.name,
        regionCode: organisations.regionCode,
        publishedOn: annualReports.publishedOn,
      })
      .from(annualReports)
      .innerJoin(organisations, eq(organisations.id, annualReports.orgId))
      .where(where)
      .orderBy(desc(annualReports.publishedOn), desc(annualReports.year), annualReports.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(annualReports)
      .innerJoin(organisations, eq(organisations.id, annualReports.orgId))
      .where(where),
  ]);
  return { items: rows, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function getPublishedReport(ctx: Ctx, id: string) {
  const r = await findReport(ctx.db, id);
  if (!r || !PUBLIC_STATUSES.includes(r.status)) throw new AppError('NOT_FOUND');
  const v = await latestVersion(ctx.db, id, PUBLISHED_LABEL);
  if (!v) throw new AppError('NOT_FOUND');
  const { issuer, orgs } = await issuerOf(ctx.db, r);
  const org = orgs.get(r.orgId);
  return {
    id: r.id,
    title: r.title,
    year: r.year,
    orgName: org?.name ?? '',
    regionCode: org?.regionCode ?? '',
    publishedOn: r.publishedOn,
    docNumber: r.docNumber,
    issuer,
    issuedOn: r.issuedOn,
    sections: v.snapshot.map((s) => s.rendered).filter(Boolean) as RenderedSection[],
  };
}
