import { registerComputation } from '../../indicators';
import { computeEnforcementFigures, enforcementFigureRecordPage } from './figures.compute';

/*
 * The enforcement figures as computed indicators: the catalogue's computed entries with sourceModule
 * 'enforcement' name these codes (seed/enforcement-catalogue.json), and the indicators module resolves them
 * for any region or organisation and period, rolling rates up from numerators and denominators.
 */
export const ENFORCEMENT_SOURCE_MODULE = 'enforcement';

registerComputation(
  ENFORCEMENT_SOURCE_MODULE,
  async (db, q) => {
    const target = q.orgId ? { orgId: q.orgId } : { regionCode: q.regionCode as string };
    const r = await computeEnforcementFigures(db, { ...target, from: q.from, to: q.to });
    return r.figures.map((f) => ({
      code: f.code,
      value: f.value,
      numerator: f.numerator,
      denominator: f.denominator,
      recordCount: f.recordCount,
      recordIds: [],
    }));
  },
  async (db, q, code, page) => {
    const target = q.orgId ? { orgId: q.orgId } : { regionCode: q.regionCode as string };
    const r = await enforcementFigureRecordPage(db, { ...target, from: q.from, to: q.to }, code, page);
    return {
      total: r.total,
      items: r.items.map((i) => ({
        id: i.id,
        kind: i.kind,
        docId: null,
        title: i.title,
        orgName: i.orgName,
        regionCode: '',
        date: i.date,
        detail: '',
        inNumerator: i.inNumerator,
      })),
    };
  },
);
