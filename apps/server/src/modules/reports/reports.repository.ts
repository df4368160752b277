import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/pool';
import { organisations, regions } from '../../platform/db/schema';
import {
  annualReportComments,
  annualReportSections,
  annualReportSendings,
  annualReportSignoffs,
  annualReports,
  annualReportVersions,
} from './reports.tables';

export type ReportRow = typeof annualReports.$inferSelect;
export type SectionRow = typeof annualReportSections.$inferSelect;
export type VersionRow = typeof annualReportVersions.$inferSelect;
export type OrgInfo = {
  id: string;
  name: string;
  type: string;
  regionCode: string;
  regionPath: string;
  regionName: string;
};

export async function findReport(db: DbOrTx, id: string, forUpdate = false): Promise<ReportRow | undefined> {
  const q = db.select().from(annualReports).where(eq(annualReports.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function orgInfos(db: DbOrTx, ids: (string | null)[]): Promise<Map<string, OrgInfo>> {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (!list.length) return new Map();
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      type: organisations.type,
      regionCode: organisations.regionCode,
      regionPath: organisations.regionPath,
      regionName: regions.name,
    })
    .from(organisations)
    .innerJoin(regions, eq(regions.code, organisations.regionCode))
    .where(inArray(organisations.id, list));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function loadSections(db: DbOrTx, reportId: string): Promise<SectionRow[]> {
  return db
    .select()
    .from(annualReportSections)
    .where(eq(annualReportSections.reportId, reportId))
    .orderBy(asc(annualReportSections.sort));
}

export async function loadReportDetails(db: DbOrTx, report: ReportRow) {
  // Sequential: inside a transaction all queries share one connection.
  const sections = await loadSections(db, report.id);
  const signoffs = await db
    .select()
    .from(annualReportSignoffs)
    .where(eq(annualReportSignoffs.reportId, report.id))
    .orderBy(asc(annualReportSignoffs.createdAt));
  const sendings = await db
    .select()
    .from(annualReportSendings)
    .where(eq(annualReportSendings.reportId, report.id))
    .orderBy(asc(annualReportSendings.sentOn), asc(annualReportSendings.createdAt));
  const open = await db
    .select({ code: annualReportComments.sectionCode, n: sql<number>`count(*)::int` })
    .from(annualReportComments)
    .where(and(eq(annualReportComments.reportId, report.id), eq(annualReportComments.resolved, false)))
    .groupBy(annualReportComments.sectionCode);
  const orgs = await orgInfos(db, [report.orgId, report.coOrgId]);
  return {
    sections,
    signoffs,
    sendings,
    openComments: new Map(open.map((o) => [o.code ?? '', o.n])),
    orgs,
  };
}
export type ReportDetails = Awaited<ReturnType<typeof loadReportDetails>>;

export type ListRow = ReportRow & {
  orgName: string;
  coOrgName: string | null;
  regionCode: string;
  sentOn: string | null;
};

export async function findReports(
  db: DbOrTx,
  where: SQL,
  limit: number,
  offset: number,
): Promise<{ rows: ListRow[]; total: number }> {
  const [rows, [count]] = await Promise.all([
    db
      .select({
        r: annualReports,
        orgName: organisations.name,
        regionCode: organisations.regionCode,
        coOrgName: sql<
          string | null
        >`(select o.name from organisations o where o.id = ${annualReports.coOrgId})`,
        sentOn: sql<
          string | null
        >`(select min(s.sent_on)::text from annual_report_sendings s where s.report_id = ${annualReports.id})`,
      })
      .from(annualReports)
      .innerJoin(organisations, eq(organisations.id, annualReports.orgId))
      .where(where)
      .orderBy(
        desc(annualReports.year),
        asc(organisations.regionPath),
        asc(organisations.name),
        asc(annualReports.id),
      )
      .limit(limit)
      .offset(offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(annualReports)
      .where(where),
  ]);
  return {
    rows: rows.map((x) => ({
      ...x.r,
      orgName: x.orgName,
      coOrgName: x.coOrgName,
      regionCode: x.regionCode,
      sentOn: x.sentOn,
    })),
    total: count?.n ?? 0,
  };
}

export async function latestVersion(
  db: DbOrTx,
  reportId: string,
  label: string,
): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(annualReportVersions)
    .where(and(eq(annualReportVersions.reportId, reportId), eq(annualReportVersions.label, label)))
    .orderBy(desc(annualReportVersions.createdAt))
    .limit(1);
  return row;
}

/**
 * Narratives of the 填报 tasks of a period whose targets were accepted, for organisations in the report's
 * region (or the reporting organisation alone), by section code. Reads the collection module's tables
 * directly: the collection module exports no query for them (yet).
 */
export async function acceptedNarratives(
  db: DbOrTx,
  q: { period: string; regionPath?: string; orgId?: string },
): Promise<{ sectionCode: string; orgName: string; text: string }[]> {
  const where = q.orgId
    ? sql`g.org_id = ${q.orgId}`
    : sql`g.region_path like ${(q.regionPath ?? '').replace(/[\\%_]/g, (c) => `\\${c}`) + '%'}`;
  const res = await db.execute<{ section_code: string; org_name: string; text: string }>(sql`
    select n.section_code, o.name as org_name, n.text
      from collection_narratives n
      join collection_targets g on g.id = n.target_id
      join collection_tasks t on t.id = g.task_id
      join organisations o on o.id = g.org_id
     where t.period = ${q.period} and g.status = 'accepted' and ${where} and btrim(n.text) <> ''
     order by n.section_code, o.region_path, o.name, n.updated_at`);
  return res.rows.map((r) => ({ sectionCode: r.section_code, orgName: r.org_name, text: r.text }));
}
