import type { RenderedSection, ReportPreview } from '@fazhi/contracts';
import { requirePermission } from '../../platform/access/policy';
import type { Ctx } from '../../platform/context';
import type { DbOrTx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { figureTarget, renderSections } from './reports.render';
import { latestVersion, loadSections, orgInfos, type ReportRow } from './reports.repository';
import { readableReport } from './reports.service';

export const PUBLISHED_LABEL = '公开稿';
const FROZEN = ['published', 'archived'];

/** The issuer block (落款): the Party committee and the government of a joint report, else the organisation. */
export async function issuerOf(
  db: DbOrTx,
  r: ReportRow,
): Promise<{ issuer: string; orgs: Awaited<ReturnType<typeof orgInfos>> }> {
  const orgs = await orgInfos(db, [r.orgId, r.coOrgId]);
  const names = [r.coOrgId ? orgs.get(r.coOrgId)?.name : null, orgs.get(r.orgId)?.name].filter(Boolean);
  return { issuer: names.join('\n'), orgs };
}

/**
 * The report as it reads: frozen text of the published version once published (the values stated to the
 * public do not move when records change later), else the sections with the current values.
 */
export async function previewOf(db: DbOrTx, r: ReportRow): Promise<ReportPreview> {
  const { issuer, orgs } = await issuerOf(db, r);
  const org = orgs.get(r.orgId);
  if (!org) throw new AppError('NOT_FOUND');
  const target = figureTarget(org);
  let sections: RenderedSection[];
  let frozen = false;
  const published = FROZEN.includes(r.status) ? await latestVersion(db, r.id, PUBLISHED_LABEL) : undefined;
  if (published) {
    sections = published.snapshot.map((s) => s.rendered).filter(Boolean) as RenderedSection[];
    frozen = true;
  } else {
    const rows = await loadSections(db, r.id);
    sections = await renderSections(db, r, target, rows);
  }
  return {
    reportId: r.id,
    title: r.title,
    period: String(r.year),
    target,
    issuer,
    issuedOn: r.issuedOn,
    sections,
    frozen,
  };
}

export async function getPreview(ctx: Ctx, id: string): Promise<ReportPreview> {
  requirePermission(ctx.actor, 'report.read');
  return previewOf(ctx.db, await readableReport(ctx.db, ctx.actor, id));
}
