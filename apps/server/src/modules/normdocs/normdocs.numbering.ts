import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';

/*
 * 三统一 registration numbers (DOMAIN.md §1.4): the format varies by province (杨管规〔2012〕001, HFGS—2017—9),
 * so it is a per-jurisdiction template. Placeholders: {abbr} the issuing organ's 机关代字, {year}, {n} the serial,
 * {n3} the serial zero-padded to three digits. Brackets are the hexagonal 〔〕 of GB/T 9704-2012 §7.2.4.
 */
export const TEMPLATE_PLACEHOLDERS = ['{abbr}', '{year}', '{n}', '{n3}'] as const;

export function formatRegistrationNumber(
  template: string,
  v: { abbr: string; year: number; n: number },
): string {
  return template
    .replaceAll('{abbr}', v.abbr)
    .replaceAll('{year}', String(v.year))
    .replaceAll('{n3}', String(v.n).padStart(3, '0'))
    .replaceAll('{n}', String(v.n));
}

/** A template must contain the year and a serial, or two documents could get the same number. */
export function templateProblem(template: string): string | null {
  if (!template.includes('{year}')) return '编号模板须包含年份 {year}';
  if (!template.includes('{n}') && !template.includes('{n3}')) return '编号模板须包含序号 {n} 或 {n3}';
  const unknown = template
    .match(/\{[^}]*\}/g)
    ?.filter((p) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(p));
  if (unknown?.length) return `编号模板含有不支持的占位符：${unknown.join('、')}`;
  return null;
}

/**
 * The next serial of a numbering scope (one jurisdiction) and year. The counter row is created or incremented
 * with one upsert in the registering transaction: concurrent registrations queue on the row lock and get
 * consecutive numbers, and a rolled-back registration returns its number — no gaps, no duplicates.
 */
export async function nextSerial(tx: Tx, scopeKey: string, year: number): Promise<number> {
  const res = await tx.execute<{ last_seq: number }>(sql`
    insert into normdoc_number_counters (scope_key, year, last_seq) values (${scopeKey}, ${year}, 1)
    on conflict (scope_key, year) do update set last_seq = normdoc_number_counters.last_seq + 1
    returning last_seq`);
  const n = res.rows[0]?.last_seq;
  if (!n) throw new AppError('INTERNAL', '登记编号生成失败');
  return n;
}

/**
 * The next serial whose formatted number is not yet used by any document (imported catalogues bring their
 * own numbers; the counter then moves past them). Runs in the registering transaction.
 */
export async function nextFreeNumber(
  tx: Tx,
  scopeKey: string,
  year: number,
  format: (n: number) => string,
): Promise<{ n: number; number: string }> {
  for (let tries = 0; tries < 10_000; tries++) {
    const n = await nextSerial(tx, scopeKey, year);
    const number = format(n);
    const used = await tx.execute(sql`select 1 from normdocs where registration_number = ${number} limit 1`);
    if (!used.rowCount) return { n, number };
  }
  throw new AppError('CONFLICT', '登记编号已用尽，请检查编号模板设置');
}
