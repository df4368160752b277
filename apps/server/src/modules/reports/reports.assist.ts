import { reportOutline, type ReportKind } from '@fazhi/contracts';
import { sql } from 'drizzle-orm';
import { requirePermission } from '../../platform/access/policy';
import { appendAudit } from '../../platform/audit/audit.service';
import type { Ctx } from '../../platform/context';
import type { DbOrTx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { resolveIndicatorValues } from '../indicators';
import { figureTarget, type FigureTarget } from './reports.render';
import { assertReportInScope } from './reports.policy';
import { acceptedNarratives, findReport, loadSections, orgInfos, type ReportRow } from './reports.repository';
import { assertEditable, reportView, writableReport, writeSection } from './reports.service';
import { annualReports } from './reports.tables';
import { eq } from 'drizzle-orm';

type CatalogueRow = { code: string; name: string; unit: string; group_code: string | null };

/**
 * Active catalogue indicators of the given group prefixes (G3 → G3, G3a …). Reads the indicators module's
 * catalogue table directly: its index exports lookups by code only.
 */
async function indicatorsOfGroups(db: DbOrTx, prefixes: string[]): Promise<CatalogueRow[]> {
  if (!prefixes.length) return [];
  const conds = prefixes.map((p) => sql`upper(coalesce(i.group_code, '')) like ${p.toUpperCase() + '%'}`);
  const res = await db.execute<CatalogueRow>(sql`
    select i.code, i.name, i.unit, i.group_code from indicators i
     where i.active and (${sql.join(conds, sql` or `)})
     order by i.group_code, i.code`);
  return res.rows;
}

/** A sentence stating the figures with a value, as placeholders the drafter can keep or delete. */
function figureSentence(rows: CatalogueRow[]): string {
  const parts = rows.map((r) =>
    r.unit === '%' ? `${r.name}{{${r.code}}}` : `${r.name}{{${r.code}}}${r.unit.replace(/^[\d.]+/, '')}`,
  );
  return parts.length ? `**主要数据。**全年${parts.join('，')}。` : '';
}

/** Collected narratives as paragraphs, each line kept, with the organisation named for the drafter. */
function narrativeParagraphs(list: { orgName: string; text: string }[]): string[] {
  return list.map(
    (n) =>
      `【${n.orgName}】${n.text
        .replace(/\r?\n+/g, ' ')
        .replace(/\*\*/g, '')
        .replace(/\{\{|\}\}/g, '')
        .replace(/<[^>]*>/g, '')
        .trim()}`,
  );
}

async function figuresWithValue(
  db: DbOrTx,
  rows: CatalogueRow[],
  target: FigureTarget,
  period: string,
): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const values = await resolveIndicatorValues(db, {
    ...(target.orgId ? { orgId: target.orgId } : { regionCode: target.regionCode as string }),
    period,
    codes: rows.map((r) => r.code),
  });
  return new Set([...values.values()].filter((v) => v.value !== null).map((v) => v.code));
}

/**
 * 起草助手: fills each empty section with (a) the narratives the organisations wrote for it in accepted 填报
 * submissions of the report's year, and (b) a sentence with the computed or collected figures of the
 * section's indicator groups (placeholders, so the preview shows current values with provenance).
 * Sections that already have text are left alone.
 */
export async function assistReport(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'report.edit');
  const actor = ctx.actor;
  // Proposals are computed outside the transaction (resolving values runs parallel queries); the
  // transaction then writes only the sections that are still empty.
  const first = await writableReportRead(ctx, id);
  assertEditable(first);
  const orgs = await orgInfos(ctx.db, [first.orgId]);
  const org = orgs.get(first.orgId);
  if (!org) throw new AppError('NOT_FOUND');
  const target = figureTarget(org);
  const period = String(first.year);
  const narratives = await acceptedNarratives(
    ctx.db,
    target.orgId ? { period, orgId: target.orgId } : { period, regionPath: org.regionPath },
  );
  const outline = new Map(reportOutline(first.kind as ReportKind).map((s) => [s.code, s]));
  const proposals = new Map<string, { body: string; narratives: number }>();
  for (const s of await loadSections(ctx.db, id)) {
    if (s.body.trim()) continue;
    const mine = narratives.filter((n) => n.sectionCode === s.code);
    const groupRows = await indicatorsOfGroups(ctx.db, outline.get(s.code)?.groups ?? []);
    const withValue = await figuresWithValue(ctx.db, groupRows, target, period);
    const paragraphs = [
      figureSentence(groupRows.filter((r) => withValue.has(r.code))),
      ...narrativeParagraphs(mine),
    ].filter(Boolean);
    if (paragraphs.length) proposals.set(s.code, { body: paragraphs.join('\n'), narratives: mine.length });
  }
  return ctx.db.transaction(async (tx) => {
    const cur = await writableReport(tx, actor, id, 'report.edit');
    assertEditable(cur);
    const filled: string[] = [];
    const skipped: string[] = [];
    let used = 0;
    for (const s of await loadSections(tx, id)) {
      const p = proposals.get(s.code);
      if (s.body.trim()) skipped.push(s.code);
      if (s.body.trim() || !p) continue;
      await writeSection(tx, ctx, cur, s.code, p.body, null);
      used += p.narratives;
      filled.push(s.code);
    }
    const [row] = await tx
      .update(annualReports)
      .set({ updatedAt: ctx.now() })
      .where(eq(annualReports.id, id))
      .returning();
    await appendAudit(tx, ctx, {
      action: 'report.assist',
      entityType: 'annual_report',
      entityId: id,
      after: { filled, narratives: used },
    });
    return { filled, skipped, narratives: used, report: await reportView(tx, actor, row as ReportRow) };
  });
}

async function writableReportRead(ctx: Ctx, id: string): Promise<ReportRow> {
  requirePermission(ctx.actor, 'report.edit');
  const r = await findReport(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND');
  assertReportInScope(ctx.actor, 'report.edit', r);
  return r;
}
