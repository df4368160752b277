import type {
  IndicatorImportAnalyse,
  IndicatorImportAnalysis,
  IndicatorImportConfirm,
  IndicatorImportConfirmResult,
} from '@fazhi/contracts';
import { sql } from 'drizzle-orm';
import { assertInScope } from '../../../platform/access/policy';
import { appendAudit } from '../../../platform/audit/audit.service';
import type { Ctx } from '../../../platform/context';
import type { DbOrTx } from '../../../platform/db/pool';
import { AppError } from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/jobs';
import { assertIndicatorsExist } from '../indicators.repository';
import { buildMatcher, extractFigures, toIndicatorUnit, type CatalogueEntry, type Matcher } from './extract';

/*
 * Import of a published report (issue 4 §6): analyse → proposals (nothing stored), confirm → the person's
 * selection (values may be edited) written as source 'imported' indicator values of the organisation for the
 * year, confirmed by that person, with provenance {report, sentence, section, written}. A later confirm for
 * the same indicator replaces the earlier imported value; collected (填报) values are never touched.
 */

type Org = { id: string; name: string; region_path: string };

async function orgInScope(ctx: Ctx, orgId: string): Promise<Org> {
  const res = await ctx.db.execute<Org>(
    sql`select id, name, region_path from organisations where id = ${orgId}`,
  );
  const org = res.rows[0];
  if (!org) throw new AppError('NOT_FOUND');
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  assertInScope(ctx.actor, 'indicator.manage', { orgId: org.id, regionPath: org.region_path });
  return org;
}

let cached: { key: string; matcher: Matcher } | null = null;

/** The matcher over the active catalogue (names and units only), rebuilt when the catalogue changes. */
async function catalogueMatcher(db: DbOrTx): Promise<{ matcher: Matcher; units: Map<string, string> }> {
  const res = await db.execute<CatalogueEntry & { version: number }>(
    sql`select code, name, unit, version from indicators where active order by code`,
  );
  const key = res.rows.map((r) => `${r.code}:${r.version}`).join(',');
  if (!cached || cached.key !== key) cached = { key, matcher: buildMatcher(res.rows) };
  return { matcher: cached.matcher, units: new Map(res.rows.map((r) => [r.code, r.unit])) };
}

export async function analyseReport(
  ctx: Ctx,
  input: IndicatorImportAnalyse,
): Promise<IndicatorImportAnalysis> {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  const org = await orgInScope(ctx, input.orgId);
  const period = String(input.year);
  const { matcher, units } = await catalogueMatcher(ctx.db);
  const proposals = extractFigures(input.text, matcher);
  const existing = await ctx.db.execute<{ code: string; source: string; value: string | null }>(sql`
    select distinct on (indicator_code) indicator_code as code, source, value::text as value
      from indicator_values
     where org_id = ${org.id} and period = ${period}
     order by indicator_code, case source when 'collected' then 0 when 'manual' then 1 else 2 end`);
  const byCode = new Map(existing.rows.map((r) => [r.code, r]));
  return {
    orgId: org.id,
    orgName: org.name,
    year: input.year,
    period,
    reportName: input.reportName ?? '',
    proposals: proposals.map((p) => {
      const indicatorUnit = units.get(p.indicatorCode) ?? p.unit;
      const e = byCode.get(p.indicatorCode);
      return {
        indicatorCode: p.indicatorCode,
        name: p.name,
        value: toIndicatorUnit(p.value, p.unit, indicatorUnit),
        unit: indicatorUnit,
        written: p.written,
        unitWritten: p.unitWritten,
        approx: p.approx,
        sentence: p.sentence,
        section: p.section,
        confidence: p.confidence,
        alternatives: p.alternatives,
        existing: e ? { source: e.source, value: e.value === null ? null : Number(e.value) } : null,
      };
    }),
  };
}

export async function confirmImport(
  ctx: Ctx,
  input: IndicatorImportConfirm,
): Promise<IndicatorImportConfirmResult> {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  const actor = ctx.actor;
  const org = await orgInScope(ctx, input.orgId);
  const period = String(input.year);
  const codes = input.items.map((i) => i.indicatorCode);
  const dup = codes.find((c, i) => codes.indexOf(c) !== i);
  if (dup) throw new AppError('VALIDATION_FAILED', `指标 ${dup} 被勾选了多次，每个指标只能确认一个数值`);
  return ctx.db.transaction(async (tx) => {
    const catalogue = await assertIndicatorsExist(tx, codes);
    const before = await tx.execute<{ code: string; value: string | null }>(sql`
      select indicator_code as code, value::text as value from indicator_values
       where org_id = ${org.id} and period = ${period} and source = 'imported'
         and indicator_code = any(${sql.param(codes)}::text[])`);
    for (const item of input.items) {
      const ind = catalogue.get(item.indicatorCode)!;
      const provenance = {
        report: input.reportName,
        sentence: item.sentence,
        section: item.section,
        written: item.written,
      };
      await tx.execute(sql`
        insert into indicator_values (indicator_code, org_id, region_code, region_path, period, source, value,
                                      approx, provenance, definition_version, confirmed_by, confirmed_at,
                                      updated_at)
        values (${item.indicatorCode}, ${org.id}, null, ${org.region_path}, ${period}, 'imported', ${item.value},
                ${item.approx}, ${JSON.stringify(provenance)}::jsonb, ${ind.definitionVersion}, ${actor.userId},
                ${ctx.now()}, now())
        on conflict (indicator_code, period, source, coalesce(org_id::text, ''), coalesce(region_code, ''))
        do update set value = excluded.value, approx = excluded.approx, provenance = excluded.provenance,
                      region_path = excluded.region_path, definition_version = excluded.definition_version,
                      confirmed_by = excluded.confirmed_by, confirmed_at = excluded.confirmed_at,
                      updated_at = now()`);
    }
    await appendAudit(tx, ctx, {
      action: 'indicator.values.import',
      entityType: 'organisation',
      entityId: org.id,
      before: { period, values: Object.fromEntries(before.rows.map((r) => [r.code, r.value])) },
      after: { period, values: Object.fromEntries(input.items.map((i) => [i.indicatorCode, i.value])) },
      detail: { report: input.reportName, count: input.items.length },
    });
    await enqueueEvent(tx, 'indicator.values.imported', { orgId: org.id, period, codes });
    return { count: input.items.length, period };
  });
}
