import type { CollectionRollupRow } from '@fazhi/contracts';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/pool';
import { findIndicators, resolveIndicatorValues } from '../indicators';
import { differ, display, isRate, num, rateOf } from './collection.numbers';
import type { TaskWithOrg } from './collection.repository';
import { collectionTargets, collectionValues } from './collection.tables';

/**
 * The task's roll-up over its accepted targets: counts add up, rates are recomputed from the summed
 * numerators and denominators (never averaged), 'none' indicators are not aggregated. Next to it the
 * region's computed value where a module computes the indicator, flagged when the two differ.
 */
export async function taskRollup(db: DbOrTx, task: TaskWithOrg) {
  const codes = task.indicatorCodes;
  const catalogue = await findIndicators(db, codes);
  const rows = await db
    .select({
      code: collectionValues.indicatorCode,
      value: collectionValues.value,
      numerator: collectionValues.numerator,
      denominator: collectionValues.denominator,
    })
    .from(collectionValues)
    .innerJoin(collectionTargets, eq(collectionTargets.id, collectionValues.targetId))
    .where(and(eq(collectionTargets.taskId, task.id), eq(collectionTargets.status, 'accepted')));
  const sums = new Map<
    string,
    { value: number | null; numerator: number | null; denominator: number | null; n: number }
  >();
  for (const r of rows) {
    const s = sums.get(r.code) ?? { value: null, numerator: null, denominator: null, n: 0 };
    const add = (a: number | null, b: number | null) => (b === null ? a : (a ?? 0) + b);
    s.value = add(s.value, num(r.value));
    s.numerator = add(s.numerator, num(r.numerator));
    s.denominator = add(s.denominator, num(r.denominator));
    s.n += 1;
    sums.set(r.code, s);
  }
  let computed = new Map<
    string,
    { value: number | null; numerator: number | null; denominator: number | null }
  >();
  if (codes.length) {
    const resolved = await resolveIndicatorValues(db, {
      regionCode: task.regionCode,
      period: task.period,
      codes,
    });
    computed = new Map(
      [...resolved.entries()].filter(([, v]) => v.computed).map(([k, v]) => [k, v.computed as never]),
    );
  }
  const rollup: CollectionRollupRow[] = codes.map((code) => {
    const ind = catalogue.get(code);
    const unit = ind?.unit ?? '';
    const rollupRule = ind?.rollup ?? 'sum';
    const s = sums.get(code);
    let collected = {
      value: null as number | null,
      numerator: null as number | null,
      denominator: null as number | null,
    };
    if (s && rollupRule !== 'none') {
      collected =
        ind && isRate(ind)
          ? { value: rateOf(s.numerator, s.denominator), numerator: s.numerator, denominator: s.denominator }
          : { value: s.value, numerator: null, denominator: null };
    }
    const c = computed.get(code) ?? null;
    return {
      code,
      name: ind?.name ?? code,
      unit,
      rollup: rollupRule,
      collected,
      acceptedCount: s?.n ?? 0,
      display: display(collected.value, unit),
      computed: c ? { value: c.value, numerator: c.numerator, denominator: c.denominator } : null,
      differs: differ(collected.value, c?.value ?? null),
    };
  });
  return {
    indicators: codes.map((code) => ({
      code,
      name: catalogue.get(code)?.name ?? code,
      unit: catalogue.get(code)?.unit ?? '',
    })),
    rollup,
  };
}
