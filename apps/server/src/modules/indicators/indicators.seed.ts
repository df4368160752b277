import { NORMDOC_FIGURE_DEFINITIONS } from '@fazhi/contracts';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/pool';
import { NORMDOC_CLEANUP_TOTAL } from './indicators.computations';
import catalogue from './seed/catalogue.json' with { type: 'json' };
import { withEnforcementFigures } from './seed/enforcement-figures';
import { INDICATOR_SYSTEM_SEEDS } from './seed/indicator-systems';

/*
 * The catalogue at start-up (after migrations) and in tests: the groups of INDICATORS.md, every indicator key
 * of the five reference reports (shared indicators-figures.json, copied as seed/catalogue.json), and the
 * normative-document figures as computed indicators. Idempotent: codes already present are left alone, so a
 * local administrator's edits survive a restart — except a seeded computed indicator's module figure, which
 * follows the seed (with a new definition version) when the seed maps it to another figure.
 */

export type SeedIndicator = {
  code: string;
  name: string;
  unit: string;
  definition: string;
  kind: 'computed' | 'collected' | 'derived';
  groupCode: string | null;
  rollup: 'sum' | 'rate' | 'none';
  sourceModule: string | null;
  sourceCode: string | null;
};

type CatalogueFile = {
  groups: { code: string; name: string; parentCode: string | null; sort: number }[];
  indicators: (SeedIndicator & { phrasings: string[]; unitsAsWritten: string[] })[];
};
const data = catalogue as CatalogueFile;

/** The catalogue code of each normdocs figure: the report key that states it, else `normdoc_<figure>`. */
export function normdocIndicatorCode(figureCode: string): string {
  return (
    data.indicators.find((i) => i.sourceModule === 'normdocs' && i.sourceCode === figureCode)?.code ??
    `normdoc_${figureCode}`
  );
}

const CLEANUP_TOTAL_DEFINITION =
  '清理决定日期在统计期内的清理活动中，作出清理结果的文件总数（继续有效、修改、废止、宣布失效、剔除目录之和）。';

/** Every indicator of the seed, in catalogue order. */
export function seedIndicators(): SeedIndicator[] {
  const defs = new Map(NORMDOC_FIGURE_DEFINITIONS.map((d) => [d.code, d]));
  const fromReports: SeedIndicator[] = data.indicators.map((i) => {
    const def = i.sourceModule === 'normdocs' && i.sourceCode ? defs.get(i.sourceCode) : undefined;
    return {
      code: i.code,
      name: i.name,
      unit: i.unit,
      // A computed indicator carries the module's 口径; the others the catalogue's definition.
      definition:
        def?.definition ?? (i.sourceCode === NORMDOC_CLEANUP_TOTAL ? CLEANUP_TOTAL_DEFINITION : i.definition),
      kind: i.kind,
      groupCode: i.groupCode,
      rollup: i.rollup,
      sourceModule: i.sourceModule,
      sourceCode: i.sourceCode,
    };
  });
  const mapped = new Set(data.indicators.map((i) => i.sourceCode).filter(Boolean));
  const normdocOnly: SeedIndicator[] = NORMDOC_FIGURE_DEFINITIONS.filter((d) => !mapped.has(d.code)).map(
    (d) => ({
      code: `normdoc_${d.code}`,
      name: d.name.startsWith('报备') || d.name.startsWith('清理') ? `规范性文件${d.name}` : d.name,
      unit: d.unit,
      definition: d.definition,
      kind: 'computed',
      groupCode: 'G3',
      rollup: d.unit === '%' ? 'rate' : 'sum',
      sourceModule: 'normdocs',
      sourceCode: d.code,
    }),
  );
  return [...withEnforcementFigures(fromReports), ...normdocOnly];
}

export const seedGroups = () => data.groups;

/** The phrasings of each report key as written in the reference reports (for matching report text). */
export const seedPhrasings = (): Map<string, string[]> =>
  new Map(data.indicators.map((i) => [i.code, i.phrasings]));

/**
 * Inserts the missing groups, indicators and seeded indicator systems; never overwrites, except the module
 * figure (sourceCode) of a seeded computed indicator when the seed maps it to another figure.
 */
export async function seedIndicatorCatalogue(db: DbOrTx): Promise<{ inserted: number; updated: number }> {
  const groups = seedGroups();
  await db.execute(sql`
    insert into indicator_groups (code, name, parent_code, sort)
    select code, name, "parentCode", sort
      from jsonb_to_recordset(${JSON.stringify(groups)}::jsonb)
        as g(code text, name text, "parentCode" text, sort int)
    on conflict (code) do nothing`);
  const inds = seedIndicators();
  const res = await db.execute(sql`
    insert into indicators (code, name, unit, definition, kind, group_code, rollup, source_module, source_code,
                            created_at)
    select j->>'code', j->>'name', j->>'unit', j->>'definition', j->>'kind', j->>'groupCode', j->>'rollup',
           j->>'sourceModule', j->>'sourceCode',
           now() + ord * interval '1 microsecond' -- keeps the catalogue order (lists sort by created_at)
      from jsonb_array_elements(${JSON.stringify(inds)}::jsonb) with ordinality as e(j, ord)
    on conflict (code) do nothing`);
  // A seeded computed indicator whose module figure changed in the seed (e.g. 报备件数 from every filing of the
  // region to the government's own upward filings) follows it, with the figure's 口径: a new definition
  // version. Indicators added locally are left alone.
  const moved = await db.execute(sql`
    update indicators i
       set source_code = j->>'sourceCode', definition = j->>'definition',
           definition_version = i.definition_version + 1, version = i.version + 1, updated_at = now()
      from jsonb_array_elements(${JSON.stringify(inds.filter((x) => x.kind === 'computed' && x.sourceModule))}::jsonb) as e(j)
     where i.code = j->>'code' and not i.local and i.source_module = j->>'sourceModule'
       and i.source_code is distinct from j->>'sourceCode'`);
  for (const sys of INDICATOR_SYSTEM_SEEDS) {
    const ins = await db.execute<{ id: string }>(sql`
      insert into indicator_systems (code, name, edition, status, note)
      values (${sys.code}, ${sys.name}, ${sys.edition}, ${sys.status}, ${sys.note})
      on conflict (code, edition) do nothing returning id`);
    const id = ins.rows[0]?.id;
    if (!id) continue;
    let sort = 0;
    const walk = async (items: typeof sys.items, parentId: string | null, level: number) => {
      for (const it of items) {
        const row = await db.execute<{ id: string }>(sql`
          insert into indicator_system_items (system_id, parent_id, level, number, text, evidence_requirements,
                                              indicator_codes, sort)
          values (${id}, ${parentId}, ${level}, ${it.number}, ${it.text},
                  ${JSON.stringify(it.evidenceRequirements ?? [])}::jsonb,
                  ${JSON.stringify(it.indicatorCodes ?? [])}::jsonb, ${++sort})
          returning id`);
        await walk(it.children ?? [], row.rows[0]?.id ?? null, level + 1);
      }
    };
    await walk(sys.items, null, 1);
  }
  return { inserted: res.rowCount ?? 0, updated: moved.rowCount ?? 0 };
}
