import type { DueDateUnit } from '@fazhi/contracts';
import { and, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/pool';
import { executePrepared } from '../../platform/db/prepared';
import { organisations } from '../../platform/db/schema';
import { clockExtensions, clockPauses, clocks } from './clocks.tables';

export type ClockRecord = typeof clocks.$inferSelect;
export type ClockRow = ClockRecord & { orgName: string; regionCode: string };
export type PauseRow = {
  id: string;
  clockId: string;
  kind: 'suspend' | 'correction';
  from: string;
  to: string | null;
  reason: string;
};
export type ExtensionRow = {
  id: string;
  clockId: string;
  amount: number;
  unit: DueDateUnit;
  approver: string;
  reason: string;
  approvedOn: string;
};
export type ClockDetails = { pauses: PauseRow[]; extensions: ExtensionRow[] };

const columns = {
  ...getTableColumns(clocks),
  orgName: organisations.name,
  regionCode: organisations.regionCode,
};

/** What a list row carries: the record's own facts and its organisation's name and region (no timestamps). */
export type ClockView = Pick<
  ClockRow,
  | 'id'
  | 'orgId'
  | 'regionPath'
  | 'title'
  | 'subjectType'
  | 'subjectId'
  | 'startEvent'
  | 'startDate'
  | 'amount'
  | 'unit'
  | 'legalBasis'
  | 'warningDays'
  | 'dueDate'
  | 'provisional'
  | 'status'
  | 'completedOn'
  | 'version'
  | 'orgName'
  | 'regionCode'
>;

/** Outer ORDER BY of the page, on the alias `c` (the inner one is the caller's, on `clocks`). */
export type PageOrder = { column: 'due_date' | 'start_date' | 'created_at'; desc: boolean };

/** A list row with its pauses and extensions. */
export type ClockPageRow = ClockView & ClockDetails;

/**
 * One page in one SELECT. The inner query picks the page's ids in order from an index alone (scope and status
 * are on the index entries, see clocks.tables.ts); the outer one reads only those rows by primary key and adds,
 * per row, the organisation's name and region (index probes inside the one statement — never a query per row).
 * The pauses and extensions of the whole page come once, in the first row only, each from one index scan over
 * the page's ids: most clocks have none, and two correlated sub-plans per row (40 probes) cost ≈ 20 % of the
 * statement's PostgreSQL time; read once per page they cost a third of that (bench/RESULTS.md, 2026-11-22).
 * `where` and `orderBy` may use only `clocks` columns.
 * Shaped for a cheap plan (`= any(array(…))` plans as single-table queries; measured ≈20 % faster than a join
 * with IN; a join with organisations measured slower than its two sub-plans, it costs more to plan) and sent as
 * plain SQL: on this hot path the query builder and a second round trip for the pauses cost more than the query
 * itself. PostgreSQL plans the statement afresh on every execution (custom plans: the best index for the ids
 * depends on how much of the table the scope covers, which a generic plan cannot know): planning is ≈ ¼ of it.
 */
export async function findClocks(
  db: DbOrTx,
  where: SQL | undefined,
  orderBy: SQL[],
  outer: PageOrder,
  limit: number,
  offset: number,
): Promise<ClockPageRow[]> {
  const dir = sql.raw(outer.desc ? 'desc' : 'asc');
  const rows = await executePrepared<
    ClockView & { pauses: PauseRow[] | null; extensions: ExtensionRow[] | null }
  >(
    db,
    sql`
    with page as materialized (
      select array(select ${clocks.id} from ${clocks} where ${where ?? sql`true`} order by ${sql.join(orderBy, sql`, `)} limit ${limit} offset ${offset}) as ids)
    select c.id, c.org_id as "orgId", c.region_path as "regionPath", c.title, c.subject_type as "subjectType",
           c.subject_id as "subjectId", c.start_event as "startEvent", c.start_date as "startDate", c.amount, c.unit,
           c.legal_basis as "legalBasis", c.warning_days as "warningDays", c.due_date as "dueDate", c.provisional,
           c.status, c.completed_on as "completedOn", c.version,
           (select o.name from organisations o where o.id = c.org_id) as "orgName",
           (select o.region_code from organisations o where o.id = c.org_id) as "regionCode",
           case when c.id = (select ids[1] from page) then
             (select json_agg(json_build_object('id', p.id, 'clockId', p.clock_id, 'kind', p.kind, 'from', p.from_date,
                                                'to', p.to_date, 'reason', p.reason)
                              order by p.from_date, p.created_at, p.id)
                from clock_pauses p where p.clock_id = any((select ids from page)::uuid[])) end as pauses,
           case when c.id = (select ids[1] from page) then
             (select json_agg(json_build_object('id', e.id, 'clockId', e.clock_id, 'amount', e.amount, 'unit', e.unit,
                                                'approver', e.approver, 'reason', e.reason, 'approvedOn', e.approved_on)
                              order by e.approved_on, e.created_at, e.id)
                from clock_extensions e where e.clock_id = any((select ids from page)::uuid[])) end as extensions
      from clocks c
     where c.id = any((select ids from page)::uuid[])
     order by c.${sql.raw(outer.column)} ${dir}, c.id ${dir}`,
  );
  // Pauses and extensions arrive in their display order for the whole page; hand each clock its own.
  const details = new Map<string, ClockDetails>();
  const of = (id: string) => {
    let d = details.get(id);
    if (!d) details.set(id, (d = { pauses: [], extensions: [] }));
    return d;
  };
  for (const r of rows) {
    if (r.pauses) for (const p of r.pauses) of(p.clockId).pauses.push(p);
    if (r.extensions) for (const e of r.extensions) of(e.clockId).extensions.push(e);
  }
  // In place: a copy per row (`{ ...rest }`) measured ≈ 0.1 ms slower per page under load.
  for (const r of rows) {
    const d = details.get(r.id);
    r.pauses = d ? d.pauses : [];
    r.extensions = d ? d.extensions : [];
  }
  return rows as ClockPageRow[];
}

/** Counts matching clocks up to `cap` (the inner LIMIT keeps the count cheap on a million rows). */
export async function countClocksCapped(db: DbOrTx, where: SQL | undefined, cap: number): Promise<number> {
  const rows = await executePrepared<{ n: number }>(
    db,
    sql`select count(*)::int as n from (select 1 from ${clocks} where ${where ?? sql`true`} limit ${cap}) t`,
  );
  return Number(rows[0]?.n ?? 0);
}

export async function findClockById(
  db: DbOrTx,
  id: string,
  forUpdate = false,
): Promise<ClockRow | undefined> {
  const q = db
    .select(columns)
    .from(clocks)
    .innerJoin(organisations, eq(organisations.id, clocks.orgId))
    .where(eq(clocks.id, id));
  const [row] = forUpdate ? await q.for('update', { of: clocks }) : await q;
  return row;
}

type DetailRow = {
  t: 'p' | 'e';
  id: string;
  clock_id: string;
  kind: string | null;
  a: string;
  b: string | null;
  reason: string;
  amount: number | null;
  unit: string | null;
  approver: string | null;
};

/** Pauses and extensions of many clocks in one query (never one query per clock). */
export async function findDetails(db: DbOrTx, ids: readonly string[]): Promise<Map<string, ClockDetails>> {
  const out = new Map<string, ClockDetails>(ids.map((id) => [id, { pauses: [], extensions: [] }]));
  if (ids.length === 0) return out;
  const arr = sql`${sql.param(ids)}::uuid[]`;
  const res = await db.execute<DetailRow>(sql`
    select * from (
      select 'p' as t, id, clock_id, kind, from_date::text as a, to_date::text as b, reason,
             null::int as amount, null::text as unit, null::text as approver, created_at
        from clock_pauses where clock_id = any(${arr})
      union all
      select 'e', id, clock_id, null, approved_on::text, null, reason, amount, unit, approver, created_at
        from clock_extensions where clock_id = any(${arr})
    ) d
    order by a, created_at, id`);
  for (const r of res.rows) {
    const d = out.get(r.clock_id);
    if (!d) continue;
    if (r.t === 'p')
      d.pauses.push({
        id: r.id,
        clockId: r.clock_id,
        kind: r.kind as PauseRow['kind'],
        from: r.a,
        to: r.b,
        reason: r.reason,
      });
    else {
      d.extensions.push({
        id: r.id,
        clockId: r.clock_id,
        amount: Number(r.amount),
        unit: r.unit as DueDateUnit,
        approver: r.approver ?? '',
        reason: r.reason,
        approvedOn: r.a,
      });
    }
  }
  return out;
}

export async function insertClock(tx: DbOrTx, values: typeof clocks.$inferInsert): Promise<ClockRecord> {
  const [row] = await tx.insert(clocks).values(values).returning();
  if (!row) throw new Error('clock insert returned nothing');
  return row;
}

export type DerivedFields = { dueDate: string; provisional: boolean; status: string };

/** Writes a user's change: the derived fields plus `patch`, bumping the version (optimistic concurrency). */
export async function updateClock(
  tx: DbOrTx,
  id: string,
  version: number,
  fields: DerivedFields & { completedOn?: string | null },
): Promise<ClockRecord | undefined> {
  const [row] = await tx
    .update(clocks)
    .set({ ...fields, version: version + 1, updatedAt: new Date() })
    .where(and(eq(clocks.id, id), eq(clocks.version, version)))
    .returning();
  return row;
}

/**
 * System recomputation (calendar change, daily scan): due date, provisional flag and status are derived
 * from the user's facts, so rewriting them does not bump `version` (a user's pending edit stays valid).
 */
export async function updateDerived(
  tx: DbOrTx,
  rows: readonly (DerivedFields & { id: string; alertedFor?: string | null })[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    update clocks c
       set due_date = v.due_date, provisional = v.provisional, status = v.status,
           alerted_for = case when v.touch_alert then v.alerted_for else c.alerted_for end
      from unnest(${sql.param(rows.map((r) => r.id))}::uuid[], ${sql.param(rows.map((r) => r.dueDate))}::date[],
                  ${sql.param(rows.map((r) => r.provisional))}::boolean[], ${sql.param(rows.map((r) => r.status))}::text[],
                  ${sql.param(rows.map((r) => r.alertedFor !== undefined))}::boolean[], ${sql.param(rows.map((r) => r.alertedFor ?? null))}::text[])
           as v(id, due_date, provisional, status, touch_alert, alerted_for)
     where c.id = v.id`);
}

/** Open clocks matching `where`, after `afterId` in id order (keyset), locked for this transaction. */
export async function lockOpenClocksBatch(
  tx: DbOrTx,
  where: SQL,
  afterId: string | null,
  limit: number,
): Promise<ClockRecord[]> {
  return tx
    .select()
    .from(clocks)
    .where(
      and(
        sql`${clocks.status} <> 'completed'`,
        afterId === null ? undefined : sql`${clocks.id} > ${afterId}::uuid`,
        where,
      ),
    )
    .orderBy(clocks.id)
    .limit(limit)
    .for('update');
}

export async function insertPause(tx: DbOrTx, values: typeof clockPauses.$inferInsert) {
  const [row] = await tx.insert(clockPauses).values(values).returning();
  if (!row) throw new Error('pause insert returned nothing');
  return row;
}

export async function closePause(tx: DbOrTx, pauseId: string, to: string): Promise<void> {
  await tx.update(clockPauses).set({ to }).where(eq(clockPauses.id, pauseId));
}

export async function insertExtension(tx: DbOrTx, values: typeof clockExtensions.$inferInsert) {
  const [row] = await tx.insert(clockExtensions).values(values).returning();
  if (!row) throw new Error('extension insert returned nothing');
  return row;
}

/** The accounts to remind about clocks of these organisations: enabled 经办人 and 单位负责人. */
export async function findReminderRecipients(
  db: DbOrTx,
  orgIds: readonly string[],
): Promise<{ userId: string; orgId: string }[]> {
  if (orgIds.length === 0) return [];
  const res = await db.execute<{ user_id: string; org_id: string }>(sql`
    select distinct u.id as user_id, u.org_id
      from users u join user_roles r on r.user_id = u.id
     where u.org_id = any(${sql.param(orgIds)}::uuid[]) and r.role in ('staff', 'head') and not u.disabled`);
  return res.rows.map((r) => ({ userId: r.user_id, orgId: r.org_id }));
}
