import { sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/pool';
import { AppError } from '../../../platform/errors';

/*
 * Numbers of 行政执法监督意见书 / 决定书: a per-jurisdiction template (like the 三统一 registration numbers of
 * normative documents, modules/normdocs/normdocs.numbering.ts) and a gapless serial per issuing jurisdiction,
 * kind and year. Placeholders: {abbr} the issuing organ's 机关代字, {year}, {n}, {n3} (zero-padded).
 * Brackets are the hexagonal 〔〕 of GB/T 9704-2012 §7.2.4.
 */
export const NOTICE_NUMBER_TEMPLATES = {
  opinion: '{abbr}执法监督意〔{year}〕{n}号',
  decision: '{abbr}执法监督决〔{year}〕{n}号',
} as const;

export function formatNoticeNumber(template: string, v: { abbr: string; year: number; n: number }): string {
  return template
    .replaceAll('{abbr}', v.abbr)
    .replaceAll('{year}', String(v.year))
    .replaceAll('{n3}', String(v.n).padStart(3, '0'))
    .replaceAll('{n}', String(v.n));
}

/**
 * The next serial: one upsert on the counter row in the issuing transaction — concurrent issues queue on the
 * row lock and get consecutive numbers; a rolled-back issue returns its number (no gap, no duplicate).
 */
export async function nextNoticeSerial(tx: Tx, scopeKey: string, year: number): Promise<number> {
  const res = await tx.execute<{ last_seq: number }>(sql`
    insert into enf_supervision_number_counters (scope_key, year, last_seq) values (${scopeKey}, ${year}, 1)
    on conflict (scope_key, year) do update set last_seq = enf_supervision_number_counters.last_seq + 1
    returning last_seq`);
  const n = res.rows[0]?.last_seq;
  if (!n) throw new AppError('INTERNAL', '监督文书编号生成失败');
  return n;
}

/** The next serial whose formatted number is unused (numbers entered by hand or imported are skipped). */
export async function nextFreeNoticeNumber(
  tx: Tx,
  scopeKey: string,
  year: number,
  format: (n: number) => string,
): Promise<{ n: number; number: string }> {
  for (let tries = 0; tries < 10_000; tries++) {
    const n = await nextNoticeSerial(tx, scopeKey, year);
    const number = format(n);
    const used = await tx.execute(
      sql`select 1 from enf_supervision_notices where number = ${number} limit 1`,
    );
    if (!used.rowCount) return { n, number };
  }
  throw new AppError('CONFLICT', '监督文书编号已用尽，请检查编号模板');
}
