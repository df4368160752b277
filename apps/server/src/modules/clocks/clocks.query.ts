import { CLOCK_LIST_TOTAL_CAP, type Clock, type clockListQuerySchema } from '@fazhi/contracts';
import { and, asc, desc, eq, gte, lte, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  assertInScope,
  escapeLike,
  requirePermission,
  scopeFor,
  scopeWhere,
} from '../../platform/access/policy';
import type { Actor, Ctx } from '../../platform/context';
import type { DbOrTx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { findRegion } from '../org';
import { cachedCount } from './clocks.count-cache';
import { toClockDto } from './clocks.evaluate';
import {
  countClocksCapped,
  findClockById,
  findClocks,
  findDetails,
  type ClockDetails,
  type ClockPageRow,
  type PageOrder,
} from './clocks.repository';
import { clocks } from './clocks.tables';

// The read side of the 期限台账: list (the benchmark path), export and one record.

type ListQuery = z.infer<typeof clockListQuerySchema>;

const SORTS: Record<ListQuery['sort'], { inner: SQL[]; outer: PageOrder }> = {
  dueDate: { inner: [asc(clocks.dueDate), asc(clocks.id)], outer: { column: 'due_date', desc: false } },
  '-dueDate': { inner: [desc(clocks.dueDate), desc(clocks.id)], outer: { column: 'due_date', desc: true } },
  startDate: { inner: [asc(clocks.startDate), asc(clocks.id)], outer: { column: 'start_date', desc: false } },
  '-startDate': {
    inner: [desc(clocks.startDate), desc(clocks.id)],
    outer: { column: 'start_date', desc: true },
  },
  createdAt: { inner: [asc(clocks.createdAt), asc(clocks.id)], outer: { column: 'created_at', desc: false } },
  '-createdAt': {
    inner: [desc(clocks.createdAt), desc(clocks.id)],
    outer: { column: 'created_at', desc: true },
  },
};
const page = (db: DbOrTx, where: SQL | undefined, sort: ListQuery['sort'], limit: number, offset: number) =>
  findClocks(db, where, SORTS[sort].inner, SORTS[sort].outer, limit, offset);

/** The list's WHERE: the caller's data scope first, then the filters. Only `clocks` columns (the count needs no join). */
async function listWhere(
  ctx: Ctx,
  actor: Actor,
  q: Omit<ListQuery, 'page' | 'pageSize' | 'sort'>,
): Promise<SQL | undefined> {
  const conds: (SQL | undefined)[] = [
    scopeWhere(scopeFor(actor, 'clock.read'), clocks.orgId, clocks.regionPath),
  ];
  if (q.status) conds.push(eq(clocks.status, q.status));
  if (q.orgId) conds.push(eq(clocks.orgId, q.orgId));
  if (q.regionCode) {
    // A prefix of the region path (index range), never a '%code%' scan.
    const region = await findRegion(ctx.db, q.regionCode);
    conds.push(region ? sql`${clocks.regionPath} like ${escapeLike(region.path) + '%'}` : sql`false`);
  }
  if (q.dueFrom) conds.push(gte(clocks.dueDate, q.dueFrom));
  if (q.dueTo) conds.push(lte(clocks.dueDate, q.dueTo));
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    conds.push(
      or(
        sql`${clocks.title} ilike ${like}`,
        sql`${clocks.legalBasis} ilike ${like}`,
        eq(clocks.subjectId, q.q),
      ),
    );
  }
  return and(...conds);
}

const toDtos = (actor: Actor, rows: ClockPageRow[]): Clock[] => rows.map((r) => toClockDto(actor, r, r));

/**
 * One page of the 期限台账: one indexed SELECT for the page that also brings each row's pauses and extensions
 * (clocks.repository.ts findClocks), and in parallel a count capped at CLOCK_LIST_TOTAL_CAP + 1, cached briefly
 * per scope and filter (clocks.count-cache.ts).
 */
export async function listClocks(ctx: Ctx, q: ListQuery) {
  requirePermission(ctx.actor, 'clock.read');
  const actor = ctx.actor;
  const where = await listWhere(ctx, actor, q);
  const { page: _p, pageSize: _s, sort: _o, ...filters } = q;
  const countKey = JSON.stringify({ scope: scopeFor(actor, 'clock.read'), ...filters });
  const [rows, n] = await Promise.all([
    page(ctx.db, where, q.sort, q.pageSize, (q.page - 1) * q.pageSize),
    cachedCount(countKey, () => countClocksCapped(ctx.db, where, CLOCK_LIST_TOTAL_CAP + 1)),
  ]);
  const totalCapped = n > CLOCK_LIST_TOTAL_CAP;
  return {
    items: toDtos(actor, rows),
    total: totalCapped ? CLOCK_LIST_TOTAL_CAP : n,
    totalCapped,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * Batches of the filtered list for the Excel export, paged by keyset (constant cost per batch at any depth).
 * The permission is checked here, before the download starts; the batches are read while it streams.
 */
export function clockBatchesForExport(ctx: Ctx, q: ListQuery, batch = 1000): AsyncIterable<Clock[]> {
  requirePermission(ctx.actor, 'clock.read');
  return exportBatches(ctx, ctx.actor, q, batch);
}

async function* exportBatches(ctx: Ctx, actor: Actor, q: ListQuery, batch: number): AsyncIterable<Clock[]> {
  const where = await listWhere(ctx, actor, q);
  const desc_ = q.sort.startsWith('-');
  const key = q.sort.replace('-', '') as 'dueDate' | 'startDate' | 'createdAt';
  const col = key === 'dueDate' ? clocks.dueDate : key === 'startDate' ? clocks.startDate : clocks.createdAt;
  let cursor: { k: string; id: string } | null = null;
  for (;;) {
    // created_at is compared through its full-precision text form: a JS Date would drop the microseconds.
    const after: SQL | undefined = cursor
      ? desc_
        ? sql`(${col}, ${clocks.id}) < (${cursor.k}::${sql.raw(key === 'createdAt' ? 'timestamptz' : 'date')}, ${cursor.id}::uuid)`
        : sql`(${col}, ${clocks.id}) > (${cursor.k}::${sql.raw(key === 'createdAt' ? 'timestamptz' : 'date')}, ${cursor.id}::uuid)`
      : undefined;
    const rows = await page(ctx.db, and(where, after), q.sort, batch, 0);
    if (rows.length === 0) return;
    yield toDtos(actor, rows);
    if (rows.length < batch) return;
    const last = rows[rows.length - 1] as ClockPageRow;
    const k =
      key === 'createdAt'
        ? await createdAtText(ctx.db, last.id)
        : key === 'dueDate'
          ? last.dueDate
          : last.startDate;
    cursor = { k, id: last.id };
  }
}

async function createdAtText(db: DbOrTx, id: string): Promise<string> {
  const res = await db.execute<{ t: string }>(sql`select created_at::text as t from clocks where id = ${id}`);
  return String(res.rows[0]?.t);
}

export async function getClock(ctx: Ctx, id: string): Promise<Clock> {
  requirePermission(ctx.actor, 'clock.read');
  const row = await findClockById(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertInScope(ctx.actor, 'clock.read', row);
  const details = (await findDetails(ctx.db, [id])).get(id) as ClockDetails;
  return toClockDto(ctx.actor, row, details);
}
