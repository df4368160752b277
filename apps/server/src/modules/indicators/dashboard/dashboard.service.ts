import type { DashboardCell, DashboardResult } from '@fazhi/contracts';
import { sql } from 'drizzle-orm';
import { requirePermission, scopeFor } from '../../../platform/access/policy';
import { shanghaiToday } from '../../../platform/clock/today';
import type { Ctx } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { assertIndicatorsExist } from '../indicators.repository';
import { resolveIndicatorValues } from '../indicators.resolve';

/*
 * Dashboard data (issue 4 §6): for the chosen region and every region directly below it (or, for the
 * own-organisation roles, their organisation), each chosen indicator in each chosen year, resolved through
 * the indicators API (computed figures + collected/imported values rolled up; rates recomputed from summed
 * parts). The year-on-year chart reads the region's own cells, the ranking reads the children's.
 */

export type DashboardInput = { regionCode?: string; codes: string[]; years?: string[] };

type Subject = { code: string; name: string; self: boolean; kind: 'region' | 'org' };

export async function getDashboard(ctx: Ctx, q: DashboardInput): Promise<DashboardResult> {
  requirePermission(ctx.actor, 'dashboard.read');
  const actor = ctx.actor;
  const scope = scopeFor(actor, 'dashboard.read');
  const thisYear = Number(shanghaiToday(ctx.now()).slice(0, 4));
  const years = [
    ...new Set(q.years?.length ? q.years : [thisYear - 2, thisYear - 1, thisYear].map(String)),
  ].sort();
  const catalogue = await assertIndicatorsExist(ctx.db, q.codes);
  const indicators = q.codes.map((c) => {
    const r = catalogue.get(c)!;
    return { code: r.code, name: r.name, unit: r.unit };
  });

  let subjects: Subject[];
  let head: DashboardResult['scope'];
  if (scope.kind === 'region') {
    const code = q.regionCode ?? actor.regionCode;
    const res = await ctx.db.execute<{ code: string; name: string; path: string }>(
      sql`select code, name, path from regions where code = ${code}`,
    );
    const region = res.rows[0];
    if (!region || !region.path.startsWith(scope.pathPrefix)) throw new AppError('NOT_FOUND');
    const children = await ctx.db.execute<{ code: string; name: string }>(sql`
      select code, name from regions
       where parent_code = ${region.code} and (valid_to is null or valid_to >= current_date)
       order by code`);
    head = { code: region.code, name: region.name, kind: 'region' };
    subjects = [
      { code: region.code, name: region.name, self: true, kind: 'region' },
      ...children.rows.map((c) => ({ code: c.code, name: c.name, self: false, kind: 'region' as const })),
    ];
  } else if (scope.kind === 'org') {
    if (q.regionCode) throw new AppError('NOT_FOUND');
    head = { code: actor.orgId, name: actor.orgName, kind: 'org' };
    subjects = [{ code: actor.orgId, name: actor.orgName, self: true, kind: 'org' }];
  } else {
    throw new AppError('NOT_FOUND');
  }

  const cells: DashboardCell[] = [];
  for (const s of subjects) {
    for (const year of years) {
      const values = await resolveIndicatorValues(ctx.db, {
        ...(s.kind === 'region' ? { regionCode: s.code } : { orgId: s.code }),
        period: year,
        codes: q.codes,
      });
      for (const ind of indicators) {
        const v = values.get(ind.code);
        cells.push({
          subjectCode: s.code,
          subjectName: s.name,
          self: s.self,
          year,
          code: ind.code,
          value: v?.value ?? null,
          display: v?.display ?? '—',
          approx: v?.approx ?? false,
        });
      }
    }
  }
  return { scope: head, indicators, years, cells };
}
