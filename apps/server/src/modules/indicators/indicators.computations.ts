import type { DbOrTx } from '../../platform/db/pool';
import { NORMDOC_FIGURE_DEFINITIONS, normdocFigureDefinitionByCode } from '@fazhi/contracts';
import { computeNormdocFigures, normdocFigureRecordPage, normdocFigureRecords } from '../normdocs';

/*
 * Computed indicators come from the modules' records. Each module registers one computation returning its
 * figures (by the module's own figure code = the catalogue's sourceCode, or the catalogue code) for a region
 * with its whole subtree, or for one organisation, over [from, to]. Rates come with numerator and denominator;
 * a region's rate is the module's Σ numerators ÷ Σ denominators over the subtree, never an average.
 */
export type ComputedFigure = {
  code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** The records counted (the denominator's for a rate); default recordIds.length. */
  recordCount?: number;
  /** The ids of those records, when the computation reads them (may be empty: the drill-down lists them). */
  recordIds: string[];
};
export type ComputationQuery = { regionCode?: string; orgId?: string; from: string; to: string };
export type Computation = (db: DbOrTx, q: ComputationQuery) => Promise<ComputedFigure[]>;

/** A figure the indicators module adds to the normdocs figures: the sum of the cleanup outcomes. */
export const NORMDOC_CLEANUP_TOTAL = 'cleanup_total';

/** The records behind one computed figure (drill-down), a page at a time. */
export type DrilldownRecord = {
  id: string;
  kind: string;
  docId: string | null;
  title: string;
  orgName: string;
  regionCode: string;
  date: string | null;
  detail: string;
  inNumerator: boolean | null;
};
export type Drilldown = (
  db: DbOrTx,
  q: ComputationQuery,
  code: string,
  page: { page: number; pageSize: number },
) => Promise<{ items: DrilldownRecord[]; total: number }>;

const registry = new Map<string, Computation>();
const drilldowns = new Map<string, Drilldown>();

export function registerComputation(sourceModule: string, fn: Computation, drilldown?: Drilldown): void {
  registry.set(sourceModule, fn);
  if (drilldown) drilldowns.set(sourceModule, drilldown);
}

export function drilldownOf(sourceModule: string): Drilldown | undefined {
  return drilldowns.get(sourceModule);
}

export function computationOf(sourceModule: string): Computation | undefined {
  return registry.get(sourceModule);
}

export const registeredSourceModules = () => [...registry.keys()];

// The records behind a normdocs figure: the figures route's drill-down (/api/normdocs/figures/:code/records).
const normdocDrilldown: Drilldown = async (db, q, code, { page, pageSize }) => {
  const target = q.orgId ? { orgId: q.orgId } : { regionCode: q.regionCode as string };
  const cleanupCodes = NORMDOC_FIGURE_DEFINITIONS.filter((d) => d.code.startsWith('cleanup_')).map(
    (d) => d.code,
  );
  const codes = code === NORMDOC_CLEANUP_TOTAL ? cleanupCodes : [code];
  const kind =
    code === NORMDOC_CLEANUP_TOTAL ? 'cleanup_item' : normdocFigureDefinitionByCode(code)?.recordKind;
  if (!kind) return { items: [], total: 0 };
  const list = await normdocFigureRecordPage(db, { ...target, from: q.from, to: q.to }, codes, {
    page,
    pageSize,
  });
  const items = await normdocFigureRecords(db, kind, list.ids, list.numeratorIds);
  return { items, total: list.total };
};

// 行政规范性文件 (modules/normdocs/figures/figures.compute.ts, DOMAIN.md §1.6). Counts only: the record ids
// are listed by the drill-down, a page at a time.
registerComputation(
  'normdocs',
  async (db, q) => {
    const target = q.orgId ? { orgId: q.orgId } : { regionCode: q.regionCode as string };
    const r = await computeNormdocFigures(db, { ...target, from: q.from, to: q.to });
    const figures: ComputedFigure[] = r.figures.map((f) => ({
      code: f.code,
      value: f.value,
      numerator: f.numerator,
      denominator: f.denominator,
      recordCount: f.recordCount,
      recordIds: f.recordIds,
    }));
    // 清理（审查）的文件数: every cleanup outcome together (the reports' "清理247件，修改6件，宣布失效64件");
    // each item has one result, so the outcomes add up.
    const total = r.figures
      .filter((f) => f.code.startsWith('cleanup_'))
      .reduce((n, f) => n + f.recordCount, 0);
    figures.push({
      code: NORMDOC_CLEANUP_TOTAL,
      value: total,
      numerator: total,
      denominator: null,
      recordCount: total,
      recordIds: [],
    });
    return figures;
  },
  normdocDrilldown,
);
