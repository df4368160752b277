import { sql } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit.service';
import type { Ctx } from '../../platform/context';
import type { DbOrTx, Tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { enqueueEvent } from '../../platform/jobs';
import { num, rateOf } from './indicators.format';
import { PERIOD_PATTERN } from './indicators.period';
import { assertIndicatorsExist } from './indicators.repository';

export type CollectedValueInput = {
  code: string;
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  provenance: Record<string, unknown>;
};

const finiteOrNull = (v: number | null | undefined, code: string): number | null => {
  if (v === null || v === undefined) return null;
  if (!Number.isFinite(v)) throw new AppError('VALIDATION_FAILED', `指标 ${code} 的数值不是有效数字`);
  return v;
};

/**
 * Writes an organisation's collected (填报) values for a period as source 'collected' rows (one per indicator,
 * replacing the previous one), audited in the caller's transaction. A rate given by numerator and
 * denominator gets its value computed here (a zero denominator: no value).
 */
export async function saveCollectedValues(
  tx: Tx,
  ctx: Ctx,
  input: { orgId: string; regionPath: string; period: string; values: CollectedValueInput[] },
): Promise<void> {
  if (!PERIOD_PATTERN.test(input.period))
    throw new AppError(
      'VALIDATION_FAILED',
      `统计期间“${input.period}”格式不正确，应为 2025、2025-H1 或 2025-Q3`,
    );
  if (input.values.length === 0) return;
  const catalogue = await assertIndicatorsExist(
    tx,
    input.values.map((v) => v.code),
  );
  const before = await tx.execute<{ code: string; value: string | null }>(sql`
    select indicator_code as code, value::text as value from indicator_values
     where org_id = ${input.orgId} and period = ${input.period} and source = 'collected'
       and indicator_code = any(${sql.param(input.values.map((v) => v.code))}::text[])`);
  const written: {
    code: string;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
  }[] = [];
  for (const v of input.values) {
    const ind = catalogue.get(v.code);
    if (!ind) continue;
    const numerator = finiteOrNull(v.numerator, v.code);
    const denominator = finiteOrNull(v.denominator, v.code);
    if (denominator !== null && denominator < 0)
      throw new AppError('VALIDATION_FAILED', `指标 ${v.code}（${ind.name}）的分母不能为负数`);
    let value = finiteOrNull(v.value, v.code);
    if (value === null && ind.unit === '%' && numerator !== null && denominator !== null)
      value = rateOf(numerator, denominator);
    await tx.execute(sql`
      insert into indicator_values (indicator_code, org_id, region_code, region_path, period, source, value,
                                    numerator, denominator, provenance, definition_version, confirmed_by,
                                    confirmed_at, updated_at)
      values (${v.code}, ${input.orgId}, null, ${input.regionPath}, ${input.period}, 'collected', ${value},
              ${numerator}, ${denominator}, ${JSON.stringify(v.provenance)}::jsonb, ${ind.definitionVersion},
              ${ctx.actor?.userId ?? null}, now(), now())
      on conflict (indicator_code, period, source, coalesce(org_id::text, ''), coalesce(region_code, ''))
      do update set value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator,
                    region_path = excluded.region_path, provenance = excluded.provenance,
                    definition_version = excluded.definition_version, confirmed_by = excluded.confirmed_by,
                    confirmed_at = excluded.confirmed_at, updated_at = now()`);
    written.push({ code: v.code, value, numerator, denominator });
  }
  await appendAudit(tx, ctx, {
    action: 'indicator.values.collect',
    entityType: 'organisation',
    entityId: input.orgId,
    before: { period: input.period, values: Object.fromEntries(before.rows.map((r) => [r.code, r.value])) },
    after: { period: input.period, values: Object.fromEntries(written.map((w) => [w.code, w.value])) },
    detail: { count: written.length },
  });
  await enqueueEvent(tx, 'indicator.values.collected', {
    orgId: input.orgId,
    period: input.period,
    codes: written.map((w) => w.code),
  });
}

/**
 * A value this organisation already submitted (collected) or confirmed (imported) for the period — "最多报一次":
 * a 填报 form pre-fills it instead of asking again.
 */
export async function findReusableValue(
  db: DbOrTx,
  q: { orgId: string; period: string; code: string },
): Promise<{
  id: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
} | null> {
  const res = await db.execute<{
    id: string;
    value: string | null;
    numerator: string | null;
    denominator: string | null;
  }>(sql`
    select id, value::text as value, numerator::text as numerator, denominator::text as denominator
      from indicator_values
     where org_id = ${q.orgId} and period = ${q.period} and indicator_code = ${q.code}
       and (source = 'collected' or (source = 'imported' and confirmed_at is not null))
     order by case source when 'collected' then 0 else 1 end, updated_at desc
     limit 1`);
  const r = res.rows[0];
  if (!r) return null;
  return { id: r.id, value: num(r.value), numerator: num(r.numerator), denominator: num(r.denominator) };
}
