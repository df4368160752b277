import type {
  IndicatorSystem,
  IndicatorSystemCreate,
  IndicatorSystemItemCreate,
  IndicatorSystemItemUpdate,
  IndicatorSystemTree,
  IndicatorSystemUpdate,
} from '@fazhi/contracts';
import { sql } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit.service';
import { can, requirePermission } from '../../platform/access/policy';
import type { Actor, Ctx } from '../../platform/context';
import type { DbOrTx, Tx } from '../../platform/db/pool';
import { AppError, isUniqueViolation } from '../../platform/errors';
import { enqueueEvent } from '../../platform/jobs';
import { assertIndicatorsExist } from './indicators.repository';

/*
 * Indicator systems as data (DOMAIN.md §10.4: IndicatorSystem → items {level, number, parent, text,
 * evidence requirements, linked indicators}, with editions). An edition is shared by every region (it is a
 * national or provincial standard); reviewers maintain it. Every change of an item counts as a change of the
 * edition (its `version` is the optimistic-concurrency token of the whole tree).
 */

type SystemRow = {
  id: string;
  code: string;
  name: string;
  edition: string;
  status: IndicatorSystem['status'];
  note: string;
  version: number;
  created_at: Date | string;
  item_count: number;
};

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

function toSystemDto(actor: Actor, r: SystemRow): IndicatorSystem {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    edition: r.edition,
    status: r.status,
    note: r.note,
    version: r.version,
    createdAt: iso(r.created_at),
    itemCount: Number(r.item_count),
    actions: can(actor, 'indicator.manage') && r.status !== 'retired' ? ['edit'] : [],
  };
}

const selectSystems = sql`
  select s.id, s.code, s.name, s.edition, s.status, s.note, s.version, s.created_at,
         (select count(*)::int from indicator_system_items i where i.system_id = s.id) as item_count
    from indicator_systems s`;

export async function listSystems(ctx: Ctx): Promise<{ items: IndicatorSystem[] }> {
  requirePermission(ctx.actor, 'indicator.read');
  const res = await ctx.db.execute<SystemRow>(sql`${selectSystems} order by s.code, s.created_at desc`);
  const actor = ctx.actor;
  return { items: res.rows.map((r) => toSystemDto(actor, r)) };
}

async function systemRow(db: DbOrTx, id: string, lock = false): Promise<SystemRow> {
  const res = await db.execute<SystemRow>(
    sql`${selectSystems} where s.id = ${id} ${lock ? sql`for update of s` : sql``}`,
  );
  const row = res.rows[0];
  if (!row) throw new AppError('NOT_FOUND', '指标体系不存在');
  return row;
}

type ItemRow = {
  id: string;
  parent_id: string | null;
  level: number;
  number: string;
  text: string;
  evidence_requirements: string[];
  indicator_codes: string[];
  sort: number;
};

export async function getSystemTree(ctx: Ctx, id: string): Promise<IndicatorSystemTree> {
  requirePermission(ctx.actor, 'indicator.read');
  const sys = await systemRow(ctx.db, id);
  const items = await ctx.db.execute<ItemRow>(sql`
    select id, parent_id, level, number, text, evidence_requirements, indicator_codes, sort
      from indicator_system_items where system_id = ${id} order by sort, id`);
  const codes = [...new Set(items.rows.flatMap((r) => r.indicator_codes))];
  const inds = codes.length
    ? await ctx.db.execute<{ code: string; name: string; unit: string; kind: string }>(
        sql`select code, name, unit, kind from indicators where code = any(${sql.param(codes)}::text[])`,
      )
    : { rows: [] };
  const byCode = new Map(inds.rows.map((r) => [r.code, r]));
  // Tree order: each item followed by its descendants, siblings by sort.
  const children = new Map<string | null, ItemRow[]>();
  for (const r of items.rows) {
    const list = children.get(r.parent_id) ?? [];
    list.push(r);
    children.set(r.parent_id, list);
  }
  const ordered: ItemRow[] = [];
  const walk = (parent: string | null) => {
    for (const r of children.get(parent) ?? []) {
      ordered.push(r);
      walk(r.id);
    }
  };
  walk(null);
  return {
    ...toSystemDto(ctx.actor, sys),
    items: ordered.map((r) => ({
      id: r.id,
      parentId: r.parent_id,
      level: r.level,
      number: r.number,
      text: r.text,
      evidenceRequirements: r.evidence_requirements,
      indicatorCodes: r.indicator_codes,
      indicators: r.indicator_codes.map(
        (c) => byCode.get(c) ?? { code: c, name: '（指标已不在目录中）', unit: '', kind: 'collected' },
      ),
      sort: r.sort,
    })),
  };
}

/** A new edition (e.g. 2025年版), optionally copying the items of an earlier one; starts as a draft. */
export async function createSystem(ctx: Ctx, input: IndicatorSystemCreate): Promise<IndicatorSystemTree> {
  requirePermission(ctx.actor, 'indicator.manage');
  const id = await ctx.db.transaction(async (tx) => {
    let newId: string;
    try {
      const res = await tx.execute<{ id: string }>(sql`
        insert into indicator_systems (code, name, edition, status, note)
        values (${input.code}, ${input.name}, ${input.edition}, 'draft', ${input.note}) returning id`);
      newId = res.rows[0]?.id as string;
    } catch (e) {
      if (isUniqueViolation(e))
        throw new AppError(
          'DUPLICATE',
          `指标体系 ${input.code} 已有“${input.edition}”版本，请换一个版本名称`,
        );
      throw e;
    }
    let copied = 0;
    if (input.copyFromId) {
      await systemRow(tx, input.copyFromId);
      // New ids for every item; parent links mapped through a temporary table of old → new.
      const res = await tx.execute(sql`
        with src as (
          select i.*, gen_random_uuid() as new_id from indicator_system_items i where i.system_id = ${input.copyFromId}
        )
        insert into indicator_system_items (id, system_id, parent_id, level, number, text, evidence_requirements,
                                            indicator_codes, sort)
        select s.new_id, ${newId}, p.new_id, s.level, s.number, s.text, s.evidence_requirements, s.indicator_codes, s.sort
          from src s left join src p on p.id = s.parent_id`);
      copied = res.rowCount ?? 0;
    }
    await appendAudit(tx, ctx, {
      action: 'indicator_system.create',
      entityType: 'indicator_system',
      entityId: newId,
      after: { code: input.code, name: input.name, edition: input.edition, note: input.note },
      detail: { copyFromId: input.copyFromId, copiedItems: copied },
    });
    await enqueueEvent(tx, 'indicator_system.changed', { systemId: newId, action: 'create' });
    return newId;
  });
  return getSystemTree(ctx, id);
}

export async function updateSystem(
  ctx: Ctx,
  id: string,
  input: IndicatorSystemUpdate,
): Promise<IndicatorSystemTree> {
  requirePermission(ctx.actor, 'indicator.manage');
  await ctx.db.transaction(async (tx) => {
    const cur = await systemRow(tx, id, true);
    if (cur.version !== input.version) throw new AppError('STALE_WRITE');
    if (input.status && input.status !== cur.status) {
      const allowed: Record<string, string[]> = {
        draft: ['active'],
        active: ['retired'],
        retired: ['active'],
      };
      if (!allowed[cur.status]?.includes(input.status))
        throw new AppError('ILLEGAL_TRANSITION', '指标体系状态只能由草稿启用、由启用停用或重新启用');
    }
    const next = {
      name: input.name ?? cur.name,
      note: input.note ?? cur.note,
      status: input.status ?? cur.status,
    };
    await tx.execute(sql`
      update indicator_systems set name = ${next.name}, note = ${next.note}, status = ${next.status},
             version = version + 1 where id = ${id}`);
    await appendAudit(tx, ctx, {
      action: 'indicator_system.update',
      entityType: 'indicator_system',
      entityId: id,
      before: { name: cur.name, note: cur.note, status: cur.status },
      after: next,
    });
    await enqueueEvent(tx, 'indicator_system.changed', { systemId: id, action: 'update' });
  });
  return getSystemTree(ctx, id);
}

async function lockForItemChange(tx: Tx, systemId: string, version: number): Promise<SystemRow> {
  const sys = await systemRow(tx, systemId, true);
  if (sys.status === 'retired')
    throw new AppError('ILLEGAL_TRANSITION', '已停用的指标体系不能修改，请新建版本');
  if (sys.version !== version) throw new AppError('STALE_WRITE');
  await tx.execute(sql`update indicator_systems set version = version + 1 where id = ${systemId}`);
  return sys;
}

export async function addSystemItem(
  ctx: Ctx,
  systemId: string,
  input: IndicatorSystemItemCreate,
): Promise<IndicatorSystemTree> {
  requirePermission(ctx.actor, 'indicator.manage');
  await ctx.db.transaction(async (tx) => {
    await lockForItemChange(tx, systemId, input.version);
    let level = 1;
    if (input.parentId) {
      const p = await tx.execute<{ level: number }>(
        sql`select level from indicator_system_items where id = ${input.parentId} and system_id = ${systemId}`,
      );
      if (!p.rows[0]) throw new AppError('VALIDATION_FAILED', '上级指标不在该指标体系中');
      level = p.rows[0].level + 1;
      if (level > 3) throw new AppError('VALIDATION_FAILED', '指标体系最多三级（一级、二级、三级指标）');
    }
    await assertIndicatorsExist(tx, input.indicatorCodes);
    // Appended after the parent's last descendant: sort numbers of later items move down by one.
    const after = await tx.execute<{ s: number }>(sql`
      with recursive sub as (
        select id, sort from indicator_system_items where system_id = ${systemId} and id = ${input.parentId}
        union all
        select c.id, c.sort from indicator_system_items c join sub on c.parent_id = sub.id
      )
      select coalesce(${input.parentId ? sql`(select max(sort) from sub)` : sql`(select max(sort) from indicator_system_items where system_id = ${systemId})`}, 0)::int as s`);
    const sort = (after.rows[0]?.s ?? 0) + 1;
    await tx.execute(
      sql`update indicator_system_items set sort = sort + 1 where system_id = ${systemId} and sort >= ${sort}`,
    );
    const ins = await tx.execute<{ id: string }>(sql`
      insert into indicator_system_items (system_id, parent_id, level, number, text, evidence_requirements,
                                          indicator_codes, sort)
      values (${systemId}, ${input.parentId}, ${level}, ${input.number}, ${input.text},
              ${JSON.stringify(input.evidenceRequirements)}::jsonb, ${JSON.stringify(input.indicatorCodes)}::jsonb, ${sort})
      returning id`);
    await appendAudit(tx, ctx, {
      action: 'indicator_system.item.create',
      entityType: 'indicator_system',
      entityId: systemId,
      after: {
        itemId: ins.rows[0]?.id,
        parentId: input.parentId,
        number: input.number,
        text: input.text,
        evidenceRequirements: input.evidenceRequirements,
        indicatorCodes: input.indicatorCodes,
      },
    });
    await enqueueEvent(tx, 'indicator_system.changed', { systemId, action: 'item.create' });
  });
  return getSystemTree(ctx, systemId);
}

export async function updateSystemItem(
  ctx: Ctx,
  itemId: string,
  input: IndicatorSystemItemUpdate,
): Promise<IndicatorSystemTree> {
  requirePermission(ctx.actor, 'indicator.manage');
  const cur = (
    await ctx.db.execute<ItemRow & { system_id: string }>(sql`
      select id, system_id, parent_id, level, number, text, evidence_requirements, indicator_codes, sort
        from indicator_system_items where id = ${itemId}`)
  ).rows[0];
  if (!cur) throw new AppError('NOT_FOUND', '指标体系条目不存在');
  await ctx.db.transaction(async (tx) => {
    await lockForItemChange(tx, cur.system_id, input.version);
    if (input.indicatorCodes) await assertIndicatorsExist(tx, input.indicatorCodes);
    const next = {
      number: input.number ?? cur.number,
      text: input.text ?? cur.text,
      evidenceRequirements: input.evidenceRequirements ?? cur.evidence_requirements,
      indicatorCodes: input.indicatorCodes ?? cur.indicator_codes,
    };
    await tx.execute(sql`
      update indicator_system_items set number = ${next.number}, text = ${next.text},
             evidence_requirements = ${JSON.stringify(next.evidenceRequirements)}::jsonb,
             indicator_codes = ${JSON.stringify(next.indicatorCodes)}::jsonb
       where id = ${itemId}`);
    await appendAudit(tx, ctx, {
      action: 'indicator_system.item.update',
      entityType: 'indicator_system',
      entityId: cur.system_id,
      before: {
        itemId,
        number: cur.number,
        text: cur.text,
        evidenceRequirements: cur.evidence_requirements,
        indicatorCodes: cur.indicator_codes,
      },
      after: { itemId, ...next },
    });
    await enqueueEvent(tx, 'indicator_system.changed', { systemId: cur.system_id, action: 'item.update' });
  });
  return getSystemTree(ctx, cur.system_id);
}
