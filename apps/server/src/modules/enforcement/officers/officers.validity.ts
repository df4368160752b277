import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/pool';
import { executePrepared } from '../../../platform/db/prepared';

export type ValidCertificate = { certificateId: string; number: string };

/**
 * For each officer, the 行政执法证 valid on `date` (YYYY-MM-DD), or null. Valid means: issued on or before the day,
 * the day within [valid_from, valid_to], not ended (注销 / 吊销 / 换发 take effect on `ended_on`), and not inside
 * a 暂扣 interval. 行政处罚法 第四十二条 / 河南省行政执法条例 第二十一条: only certificated officers may enforce.
 * One query on enforcement_certificates_officer_idx (officer_id, kind, valid_from), run as a prepared statement.
 */
export async function certificatesValidOn(
  db: DbOrTx,
  officerIds: string[],
  date: string,
): Promise<Map<string, ValidCertificate | null>> {
  const result = new Map<string, ValidCertificate | null>();
  const ids = [...new Set(officerIds)];
  for (const id of ids) result.set(id, null);
  if (ids.length === 0) return result;
  const rows = await executePrepared<{ officer_id: string; id: string; number: string }>(
    db,
    sql`select distinct on (c.officer_id) c.officer_id, c.id, c.number
        from enforcement_certificates c
        where c.officer_id = any(${sql.param(ids)}::uuid[])
          and c.kind = 'enforcement'
          and c.issued_on is not null and c.issued_on <= ${date}::date
          and c.valid_from <= ${date}::date and c.valid_to >= ${date}::date
          and (c.ended_on is null or c.ended_on > ${date}::date)
          and not exists (
            select 1 from enforcement_certificate_suspensions s
            where s.certificate_id = c.id and s.from_on <= ${date}::date
              and (s.to_on is null or s.to_on > ${date}::date))
        order by c.officer_id, c.valid_from desc`,
  );
  for (const r of rows) result.set(r.officer_id, { certificateId: r.id, number: r.number });
  return result;
}
