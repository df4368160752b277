import {
  SAMPLE_ALGORITHM_DESCRIPTION,
  type RegisterDetail,
  type RegisterEntry,
  type RegisterSummary,
  type registerEntriesQuerySchema,
  type registerListQuerySchema,
} from '@fazhi/contracts';
import { and, asc, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { escapeLike, requirePermission, scopeFor, scopeWhere } from '../../../platform/access/policy';
import type { Ctx } from '../../../platform/context';
import type { DbOrTx } from '../../../platform/db/pool';
import { organisations, users } from '../../../platform/db/schema';
import { AppError } from '../../../platform/errors';
import { normdocRegisterEntries, normdocRegisters } from '../normdocs.tables';

// Reading registers (发文目录) and their entries, always inside the caller's 'normdoc.review' scope.

export const PERMISSION = 'normdoc.review' as const;

const summaryFields = {
  r: normdocRegisters,
  orgName: organisations.name,
  regionCode: organisations.regionCode,
  classifiedCount: sql<number>`(select count(*)::int from normdoc_register_entries e where e.register_id = ${normdocRegisters.id} and e.classification is not null)`,
  normativeCount: sql<number>`(select count(*)::int from normdoc_register_entries e where e.register_id = ${normdocRegisters.id} and e.classification = 'normative')`,
  findingCount: sql<number>`(select count(*)::int from normdoc_unfiled_findings f join normdoc_register_entries e on e.id = f.entry_id where e.register_id = ${normdocRegisters.id})`,
};
type SummaryRow = {
  r: typeof normdocRegisters.$inferSelect;
  orgName: string;
  regionCode: string;
  classifiedCount: number;
  normativeCount: number;
  findingCount: number;
};

function toSummary(x: SummaryRow): RegisterSummary {
  const r = x.r;
  return {
    id: r.id,
    org: { id: r.orgId, name: x.orgName },
    regionCode: x.regionCode,
    title: r.title,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    entryCount: r.entryCount,
    sampleSeed: r.sampleSeed,
    sampleSize: r.sampleSize,
    sampleAlgorithm: r.sampleAlgorithm,
    sampledAt: r.sampledAt?.toISOString() ?? null,
    classifiedCount: x.classifiedCount,
    normativeCount: x.normativeCount,
    findingCount: x.findingCount,
    createdAt: r.createdAt.toISOString(),
  };
}

function listWhere(ctx: Ctx, q: Partial<z.infer<typeof registerListQuerySchema>>): SQL | undefined {
  requirePermission(ctx.actor, PERMISSION);
  const scope = scopeFor(ctx.actor, PERMISSION);
  return and(
    scopeWhere(scope, normdocRegisters.orgId, normdocRegisters.regionPath),
    q.orgId ? eq(normdocRegisters.orgId, q.orgId) : undefined,
    q.q ? ilike(normdocRegisters.title, `%${escapeLike(q.q)}%`) : undefined,
  );
}

async function selectSummaries(db: DbOrTx, where: SQL | undefined, offset: number, limit: number) {
  const rows = await db
    .select(summaryFields)
    .from(normdocRegisters)
    .innerJoin(organisations, eq(organisations.id, normdocRegisters.orgId))
    .where(where)
    .orderBy(desc(normdocRegisters.createdAt), desc(normdocRegisters.id))
    .limit(limit)
    .offset(offset);
  return rows.map(toSummary);
}

export async function listRegisters(ctx: Ctx, q: z.infer<typeof registerListQuerySchema>) {
  const where = listWhere(ctx, q);
  const [items, total] = await Promise.all([
    selectSummaries(ctx.db, where, (q.page - 1) * q.pageSize, q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(normdocRegisters)
      .where(where),
  ]);
  return { items, total: total[0]?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function* registerBatchesForExport(
  ctx: Ctx,
  q: Partial<z.infer<typeof registerListQuerySchema>>,
): AsyncIterable<RegisterSummary[]> {
  const where = listWhere(ctx, q);
  for (let offset = 0; ; offset += 1000) {
    const rows = await selectSummaries(ctx.db, where, offset, 1000);
    if (rows.length) yield rows;
    if (rows.length < 1000) return;
  }
}

/** The register row, or NOT_FOUND when missing or outside the caller's scope. */
export async function loadRegister(db: DbOrTx, ctx: Ctx, id: string, lock = false) {
  requirePermission(ctx.actor, PERMISSION);
  const base = db
    .select()
    .from(normdocRegisters)
    .where(
      and(
        eq(normdocRegisters.id, id),
        scopeWhere(scopeFor(ctx.actor, PERMISSION), normdocRegisters.orgId, normdocRegisters.regionPath),
      ),
    );
  const [row] = lock ? await base.for('update') : await base;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function registerSummary(db: DbOrTx, id: string): Promise<RegisterSummary> {
  const [row] = await selectSummaries(db, eq(normdocRegisters.id, id), 0, 1);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

const entryFields = {
  e: normdocRegisterEntries,
  classifiedByName: users.displayName,
  findingId: sql<
    string | null
  >`(select f.id from normdoc_unfiled_findings f where f.entry_id = ${normdocRegisterEntries.id} limit 1)`,
};

export function toEntry(x: {
  e: typeof normdocRegisterEntries.$inferSelect;
  classifiedByName: string | null;
  findingId: string | null;
}): RegisterEntry {
  const e = x.e;
  return {
    id: e.id,
    seq: e.seq,
    docNumber: e.docNumber,
    title: e.title,
    issuedOn: e.issuedOn,
    sampled: e.sampled,
    classification: (e.classification as RegisterEntry['classification']) ?? null,
    classifiedByName: x.classifiedByName,
    classifiedAt: e.classifiedAt?.toISOString() ?? null,
    reason: e.reason,
    findingId: x.findingId,
  };
}

export async function entryDto(db: DbOrTx, id: string): Promise<RegisterEntry> {
  const [row] = await db
    .select(entryFields)
    .from(normdocRegisterEntries)
    .leftJoin(users, eq(users.id, normdocRegisterEntries.classifiedBy))
    .where(eq(normdocRegisterEntries.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  return toEntry(row);
}

export async function selectEntries(
  db: DbOrTx,
  registerId: string,
  sampledOnly: boolean,
  offset: number,
  limit: number,
) {
  const rows = await db
    .select(entryFields)
    .from(normdocRegisterEntries)
    .leftJoin(users, eq(users.id, normdocRegisterEntries.classifiedBy))
    .where(
      and(
        eq(normdocRegisterEntries.registerId, registerId),
        sampledOnly ? eq(normdocRegisterEntries.sampled, true) : undefined,
      ),
    )
    .orderBy(asc(normdocRegisterEntries.seq))
    .limit(limit)
    .offset(offset);
  return rows.map(toEntry);
}

export async function getRegister(
  ctx: Ctx,
  id: string,
  q: z.infer<typeof registerEntriesQuerySchema>,
): Promise<RegisterDetail> {
  await loadRegister(ctx.db, ctx, id);
  const [register, items, total] = await Promise.all([
    registerSummary(ctx.db, id),
    selectEntries(ctx.db, id, q.sampledOnly, (q.page - 1) * q.pageSize, q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(normdocRegisterEntries)
      .where(
        and(
          eq(normdocRegisterEntries.registerId, id),
          q.sampledOnly ? eq(normdocRegisterEntries.sampled, true) : undefined,
        ),
      ),
  ]);
  return {
    register,
    entries: { items, total: total[0]?.n ?? 0, page: q.page, pageSize: q.pageSize },
    algorithmDescription: SAMPLE_ALGORITHM_DESCRIPTION,
  };
}
