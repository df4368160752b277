import { can, requirePermission, scopeFor, scopeWhere } from '../../../platform/access/policy';
import {
  LENIENT_LIST_KINDS,
  maskPersonName,
  type LenientCase,
  type LenientCaseCreate,
  type LenientList,
  type LenientListCreate,
  type LenientListDetail,
  type LenientListKind,
  type LenientTotals,
  type LenientVersionCreate,
} from '@fazhi/contracts';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/audit.service';
import type { Actor, Ctx } from '../../../platform/context';
import type { DbOrTx, Tx } from '../../../platform/db/pool';
import { organisations } from '../../../platform/db/schema';
import { AppError } from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/jobs';
import { lenientCases, lenientItems, lenientLists } from './lenient.tables';

/*
 * 包容审慎监管“四张清单” (DOMAIN.md §4.6). A body keeps its own lists ('enforcement.body', own organisation); everyone
 * with 'enforcement.read' sees them in scope. 行政处罚法 第三十三条: 不予处罚 requires educating the party — a case
 * under a 不予处罚 list must carry its education record.
 */

type ListRow = typeof lenientLists.$inferSelect;
type Perm = 'enforcement.read' | 'enforcement.body';

const yuan = (fen: number) => Math.round(fen) / 100;
const dayBefore = (d: string) => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
};

async function loadList(db: DbOrTx, actor: Actor, id: string, perm: Perm, lock = false) {
  requirePermission(actor, perm);
  const q = db
    .select()
    .from(lenientLists)
    .where(
      and(
        eq(lenientLists.id, id),
        scopeWhere(scopeFor(actor, perm), lenientLists.orgId, lenientLists.regionPath),
      ),
    );
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function statsOf(db: DbOrTx, listIds: string[]) {
  const m = new Map<string, { items: number; cases: number; fen: number }>();
  if (listIds.length === 0) return m;
  const items = await db
    .select({ listId: lenientItems.listId, n: sql<number>`count(*)::int` })
    .from(lenientItems)
    .where(inArray(lenientItems.listId, listIds))
    .groupBy(lenientItems.listId);
  const cases = await db
    .select({
      listId: lenientCases.listId,
      n: sql<number>`count(*)::int`,
      fen: sql<number>`coalesce(sum(${lenientCases.amountFen}),0)::float8`,
    })
    .from(lenientCases)
    .where(inArray(lenientCases.listId, listIds))
    .groupBy(lenientCases.listId);
  for (const id of listIds) m.set(id, { items: 0, cases: 0, fen: 0 });
  for (const r of items) m.get(r.listId)!.items = r.n;
  for (const r of cases) Object.assign(m.get(r.listId)!, { cases: r.n, fen: r.fen });
  return m;
}

async function toDtos(db: DbOrTx, rows: ListRow[]): Promise<LenientList[]> {
  const stats = await statsOf(
    db,
    rows.map((r) => r.id),
  );
  const orgIds = [...new Set(rows.map((r) => r.orgId))];
  const orgs = orgIds.length
    ? await db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, orgIds))
    : [];
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return rows.map((r) => {
    const s = stats.get(r.id)!;
    return {
      id: r.id,
      orgId: r.orgId,
      orgName: names.get(r.orgId) ?? '',
      kind: r.kind as LenientListKind,
      title: r.title,
      versionNo: r.versionNo,
      previousId: r.previousId,
      effectiveFrom: r.effectiveFrom,
      effectiveTo: r.effectiveTo,
      current: r.supersededAt === null,
      itemCount: s.items,
      cases: s.cases,
      amountYuan: yuan(s.fen),
      version: r.version,
      createdAt: r.createdAt.toISOString(),
    };
  });
}

export async function listLists(
  ctx: Ctx,
  q: { kind?: LenientListKind; orgId?: string; all?: '0' | '1' },
): Promise<{ items: LenientList[]; canCreate: boolean }> {
  requirePermission(ctx.actor, 'enforcement.read');
  const scope = scopeFor(ctx.actor, 'enforcement.read');
  const rows = await ctx.db
    .select()
    .from(lenientLists)
    .where(
      and(
        scopeWhere(scope, lenientLists.orgId, lenientLists.regionPath),
        q.kind ? eq(lenientLists.kind, q.kind) : undefined,
        q.orgId ? eq(lenientLists.orgId, q.orgId) : undefined,
        q.all === '1' ? undefined : isNull(lenientLists.supersededAt),
      ),
    )
    .orderBy(asc(lenientLists.orgId), asc(lenientLists.kind), desc(lenientLists.versionNo))
    .limit(2000);
  return { items: await toDtos(ctx.db, rows), canCreate: can(ctx.actor, 'enforcement.body') };
}

async function itemsOf(db: DbOrTx, listId: string) {
  const items = await db
    .select()
    .from(lenientItems)
    .where(eq(lenientItems.listId, listId))
    .orderBy(asc(lenientItems.seq));
  const sums = await db
    .select({
      itemId: lenientCases.itemId,
      n: sql<number>`count(*)::int`,
      fen: sql<number>`coalesce(sum(${lenientCases.amountFen}),0)::float8`,
    })
    .from(lenientCases)
    .where(eq(lenientCases.listId, listId))
    .groupBy(lenientCases.itemId);
  const by = new Map(sums.map((s) => [s.itemId, s]));
  return items.map((i) => ({
    id: i.id,
    seq: i.seq,
    conduct: i.conduct,
    circumstances: i.circumstances,
    conditions: i.conditions,
    legalBasis: i.legalBasis,
    penaltyBasis: i.penaltyBasis,
    cases: by.get(i.id)?.n ?? 0,
    amountYuan: yuan(by.get(i.id)?.fen ?? 0),
  }));
}

/** The chain of versions the list belongs to (same body and kind), newest first. */
async function historyOf(db: DbOrTx, row: ListRow) {
  const rows = await db
    .select()
    .from(lenientLists)
    .where(and(eq(lenientLists.orgId, row.orgId), eq(lenientLists.kind, row.kind)))
    .orderBy(desc(lenientLists.versionNo));
  return toDtos(db, rows);
}

export async function getList(ctx: Ctx, id: string): Promise<LenientListDetail> {
  requirePermission(ctx.actor, 'enforcement.read');
  const row = await loadList(ctx.db, ctx.actor, id, 'enforcement.read');
  const [dto] = await toDtos(ctx.db, [row]);
  const mine =
    can(ctx.actor, 'enforcement.body') &&
    (await loadList(ctx.db, ctx.actor, id, 'enforcement.body').then(
      () => true,
      () => false,
    ));
  const actions = mine ? (row.supersededAt === null ? ['revise', 'addCase'] : ['addCase']) : [];
  return {
    ...dto!,
    items: await itemsOf(ctx.db, id),
    history: await historyOf(ctx.db, row),
    actions,
  };
}

async function insertItems(tx: Tx, listId: string, items: LenientListCreate['items']) {
  await tx.insert(lenientItems).values(items.map((i, n) => ({ listId, seq: n + 1, ...i })));
}

/** A body's first list of a kind (its own organisation). A second current list of the same kind is a new version. */
export async function createList(ctx: Ctx, input: LenientListCreate): Promise<LenientListDetail> {
  requirePermission(ctx.actor, 'enforcement.body');
  const actor = ctx.actor;
  const id = await ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: lenientLists.id })
      .from(lenientLists)
      .where(
        and(
          eq(lenientLists.orgId, actor.orgId),
          eq(lenientLists.kind, input.kind),
          isNull(lenientLists.supersededAt),
        ),
      )
      .for('update');
    if (existing)
      throw new AppError(
        'CONFLICT',
        `本单位已有现行的${LENIENT_LIST_KINDS[input.kind]}，请在其基础上“修订（新版本）”`,
        { listId: existing.id },
      );
    const [row] = await tx
      .insert(lenientLists)
      .values({
        orgId: actor.orgId,
        regionPath: actor.regionPath,
        kind: input.kind,
        title: input.title,
        effectiveFrom: input.effectiveFrom,
        createdBy: actor.userId,
      })
      .returning();
    const list = row as ListRow;
    await insertItems(tx, list.id, input.items);
    await appendAudit(tx, ctx, {
      action: 'enforcement.lenient.create',
      entityType: 'enforcement_lenient_list',
      entityId: list.id,
      before: null,
      after: { ...list, items: input.items },
    });
    await enqueueEvent(tx, 'enforcement.lenient.changed', { listId: list.id, orgId: actor.orgId });
    return list.id;
  });
  return getList(ctx, id);
}

/** 修订: a new version copied from the current one with the edits; the old one ends the day before. */
export async function reviseList(
  ctx: Ctx,
  id: string,
  input: LenientVersionCreate,
): Promise<LenientListDetail> {
  requirePermission(ctx.actor, 'enforcement.body');
  const actor = ctx.actor;
  const newId = await ctx.db.transaction(async (tx) => {
    const cur = await loadList(tx, actor, id, 'enforcement.body', true);
    if (cur.supersededAt !== null) throw new AppError('LENIENT_NOT_CURRENT');
    if (cur.version !== input.version) throw new AppError('STALE_WRITE');
    if (input.effectiveFrom <= cur.effectiveFrom) throw new AppError('LENIENT_VERSION_DATE');
    const [row] = await tx
      .insert(lenientLists)
      .values({
        orgId: cur.orgId,
        regionPath: cur.regionPath,
        kind: cur.kind,
        title: input.title,
        versionNo: cur.versionNo + 1,
        previousId: cur.id,
        effectiveFrom: input.effectiveFrom,
        createdBy: actor.userId,
      })
      .returning();
    const next = row as ListRow;
    await insertItems(tx, next.id, input.items);
    const effectiveTo = dayBefore(input.effectiveFrom);
    await tx
      .update(lenientLists)
      .set({ supersededAt: ctx.now(), effectiveTo, version: cur.version + 1 })
      .where(eq(lenientLists.id, cur.id));
    await appendAudit(tx, ctx, {
      action: 'enforcement.lenient.revise',
      entityType: 'enforcement_lenient_list',
      entityId: next.id,
      before: { id: cur.id, versionNo: cur.versionNo, effectiveTo: cur.effectiveTo },
      after: { ...next, items: input.items, previousEffectiveTo: effectiveTo },
    });
    await enqueueEvent(tx, 'enforcement.lenient.changed', { listId: next.id, orgId: cur.orgId });
    return next.id;
  });
  return getList(ctx, newId);
}

function caseDto(r: typeof lenientCases.$inferSelect, seq: number): LenientCase {
  return {
    id: r.id,
    listId: r.listId,
    itemId: r.itemId,
    itemSeq: seq,
    caseNo: r.caseNo,
    handledOn: r.handledOn,
    partyKind: r.partyKind as 'org' | 'person',
    partyName: r.partyKind === 'person' ? maskPersonName(r.partyName) : r.partyName,
    partyUscc: r.partyUscc,
    amountYuan: yuan(r.amountFen),
    education: r.education,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function listCases(ctx: Ctx, listId: string) {
  requirePermission(ctx.actor, 'enforcement.read');
  const list = await loadList(ctx.db, ctx.actor, listId, 'enforcement.read');
  const rows = await ctx.db
    .select({ c: lenientCases, seq: lenientItems.seq })
    .from(lenientCases)
    .innerJoin(lenientItems, eq(lenientItems.id, lenientCases.itemId))
    .where(eq(lenientCases.listId, list.id))
    .orderBy(desc(lenientCases.handledOn), asc(lenientCases.caseNo))
    .limit(5000);
  const mine =
    can(ctx.actor, 'enforcement.body') &&
    scopeFor(ctx.actor, 'enforcement.body').kind === 'org' &&
    ctx.actor.orgId === list.orgId;
  return { items: rows.map((r) => caseDto(r.c, r.seq)), canCreate: mine };
}

/** Checks one case against its list version; returns the row to insert or the problem in Chinese. */
export function checkCase(
  list: ListRow,
  itemIds: Map<string, number>,
  c: LenientCaseCreate,
): { ok: true; row: typeof lenientCases.$inferInsert } | { ok: false; code: string; message: string } {
  if (!itemIds.has(c.itemId))
    return { ok: false, code: 'VALIDATION_FAILED', message: '所选事项不属于该清单版本' };
  if (c.handledOn < list.effectiveFrom || (list.effectiveTo !== null && c.handledOn > list.effectiveTo))
    return { ok: false, code: 'LENIENT_CASE_OUTSIDE_PERIOD', message: '办理日期不在该清单版本的有效期内' };
  if (list.kind === 'no_penalty' && c.education.trim() === '')
    return {
      ok: false,
      code: 'LENIENT_EDUCATION_REQUIRED',
      message: '不予处罚的案件应填写教育引导情况（行政处罚法第三十三条）',
    };
  return {
    ok: true,
    row: {
      listId: list.id,
      itemId: c.itemId,
      orgId: list.orgId,
      regionPath: list.regionPath,
      caseNo: c.caseNo,
      handledOn: c.handledOn,
      partyKind: c.partyKind,
      partyName: c.partyName,
      partyUscc: c.partyKind === 'org' ? (c.partyUscc ?? null) : null,
      amountFen: Math.round(c.amountYuan * 100),
      education: c.education,
    },
  };
}

export async function insertCases(
  tx: Tx,
  ctx: Ctx,
  list: ListRow,
  rows: (typeof lenientCases.$inferInsert)[],
  how: 'entered' | 'imported',
) {
  const inserted = await tx
    .insert(lenientCases)
    .values(rows.map((r) => ({ ...r, createdBy: ctx.actor?.userId ?? null })))
    .onConflictDoNothing()
    .returning();
  if (inserted.length !== rows.length)
    throw new AppError('CONFLICT', '案件编号在该事项下已登记，请勿重复登记');
  await appendAudit(tx, ctx, {
    action: how === 'entered' ? 'enforcement.lenient.case.create' : 'enforcement.lenient.case.import',
    entityType: 'enforcement_lenient_list',
    entityId: list.id,
    before: null,
    after: { cases: inserted.map((c) => ({ id: c.id, caseNo: c.caseNo, amountFen: c.amountFen })) },
  });
  await enqueueEvent(tx, 'enforcement.lenient.cases', { listId: list.id, count: inserted.length });
  return inserted;
}

export async function itemSeqs(db: DbOrTx, listId: string) {
  const items = await db
    .select({ id: lenientItems.id, seq: lenientItems.seq })
    .from(lenientItems)
    .where(eq(lenientItems.listId, listId));
  return new Map(items.map((i) => [i.id, i.seq]));
}

export async function createCase(ctx: Ctx, listId: string, input: LenientCaseCreate): Promise<LenientCase> {
  requirePermission(ctx.actor, 'enforcement.body');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const list = await loadList(tx, actor, listId, 'enforcement.body');
    const seqs = await itemSeqs(tx, list.id);
    const checked = checkCase(list, seqs, input);
    if (!checked.ok) throw new AppError(checked.code as never, checked.message);
    const [row] = await insertCases(tx, ctx, list, [checked.row], 'entered');
    return caseDto(row!, seqs.get(input.itemId)!);
  });
}

export { loadList as loadLenientList };

/** Totals in scope: lists (current versions), items, cases and amounts, optionally for one year of handling. */
export async function totals(ctx: Ctx, year?: number): Promise<LenientTotals> {
  requirePermission(ctx.actor, 'enforcement.read');
  const scope = scopeFor(ctx.actor, 'enforcement.read');
  const listScope = scopeWhere(scope, lenientLists.orgId, lenientLists.regionPath);
  const caseScope = scopeWhere(scope, lenientCases.orgId, lenientCases.regionPath);
  const yearCond = year
    ? sql`${lenientCases.handledOn} between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date`
    : undefined;
  const itemRows = await ctx.db
    .select({
      kind: lenientLists.kind,
      lists: sql<number>`count(distinct ${lenientLists.id})::int`,
      items: sql<number>`count(${lenientItems.id})::int`,
    })
    .from(lenientLists)
    .innerJoin(lenientItems, eq(lenientItems.listId, lenientLists.id))
    .where(and(listScope, isNull(lenientLists.supersededAt)))
    .groupBy(lenientLists.kind);
  const caseRows = await ctx.db
    .select({
      kind: lenientLists.kind,
      cases: sql<number>`count(*)::int`,
      fen: sql<number>`coalesce(sum(${lenientCases.amountFen}),0)::float8`,
    })
    .from(lenientCases)
    .innerJoin(lenientLists, eq(lenientLists.id, lenientCases.listId))
    .where(and(caseScope, yearCond))
    .groupBy(lenientLists.kind);
  const byYear = await ctx.db
    .select({
      year: sql<number>`extract(year from ${lenientCases.handledOn})::int`,
      cases: sql<number>`count(*)::int`,
      fen: sql<number>`coalesce(sum(${lenientCases.amountFen}),0)::float8`,
    })
    .from(lenientCases)
    .where(caseScope)
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  const kinds = Object.keys(LENIENT_LIST_KINDS) as LenientListKind[];
  const byKind = kinds.map((kind) => {
    const i = itemRows.find((r) => r.kind === kind);
    const c = caseRows.find((r) => r.kind === kind);
    return { kind, items: i?.items ?? 0, cases: c?.cases ?? 0, amountYuan: yuan(c?.fen ?? 0) };
  });
  return {
    year: year ?? null,
    lists: itemRows.reduce((s, r) => s + r.lists, 0),
    items: byKind.reduce((s, r) => s + r.items, 0),
    cases: byKind.reduce((s, r) => s + r.cases, 0),
    amountYuan: yuan(caseRows.reduce((s, r) => s + r.fen, 0)),
    byKind,
    byYear: byYear.map((r) => ({ year: r.year, cases: r.cases, amountYuan: yuan(r.fen) })),
  };
}
