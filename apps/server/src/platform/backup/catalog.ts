import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { MIGRATIONS_DIR } from '../db/migrate';

/** Anything that runs a query: a pool or one client (inside a transaction). */
export type Queryable = Pick<pg.PoolClient, 'query'>;

export type ColumnInfo = { name: string; type: string };
export type TableInfo = { name: string; columns: ColumnInfo[]; primaryKey: string[]; references: string[] };
export type SequenceInfo = { name: string; table: string; column: string };
/** Where a database stands in the one linear migration history (drizzle's journal). */
export type MigrationLevel = { count: number; when: number; tag: string | null };

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

type JournalEntry = { idx: number; when: number; tag: string };
export function readJournal(dir = MIGRATIONS_DIR): JournalEntry[] {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

/** The level this build of Fazhi migrates to. */
export function codeMigrationLevel(): MigrationLevel {
  const entries = readJournal();
  const last = entries[entries.length - 1];
  return { count: entries.length, when: last?.when ?? 0, tag: last?.tag ?? null };
}

/** The level a database is at; null when it was never migrated. */
export async function databaseMigrationLevel(db: Queryable): Promise<MigrationLevel | null> {
  const present = await db.query<{ ok: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as ok`,
  );
  if (!present.rows[0]?.ok) return null;
  const r = await db.query<{ n: number; last: string | null }>(
    `select count(*)::int as n, max(created_at)::text as last from drizzle.__drizzle_migrations`,
  );
  const n = Number(r.rows[0]?.n ?? 0);
  if (n === 0) return null;
  const when = Number(r.rows[0]?.last);
  return { count: n, when, tag: readJournal().find((e) => e.when === when)?.tag ?? null };
}

/**
 * Every table of the public schema (the application's; pg-boss keeps its queue in its own schema), with
 * its columns (generated columns left out: PostgreSQL computes them) and primary key, in an order where
 * each table comes after the tables it references.
 */
export async function readCatalog(db: Queryable): Promise<TableInfo[]> {
  const cols = await db.query<{ tbl: string; name: string; type: string }>(`
    select c.relname as tbl, a.attname as name, format_type(a.atttypid, a.atttypmod) as type
      from pg_attribute a
      join pg_class c on c.oid = a.attrelid
      join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
       and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
     order by c.relname, a.attnum`);
  const pks = await db.query<{ tbl: string; cols: string[] }>(`
    select c.relname as tbl, array_agg(a.attname::text order by k.ord) as cols
      from pg_constraint con
      join pg_class c on c.oid = con.conrelid
      join pg_namespace n on n.oid = c.relnamespace
      cross join lateral unnest(con.conkey) with ordinality as k(attnum, ord)
      join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
     where con.contype = 'p' and n.nspname = 'public'
     group by c.relname`);
  const fks = await db.query<{ tbl: string; ref: string }>(`
    select distinct c.relname as tbl, r.relname as ref
      from pg_constraint con
      join pg_class c on c.oid = con.conrelid
      join pg_class r on r.oid = con.confrelid
      join pg_namespace n on n.oid = c.relnamespace
      join pg_namespace rn on rn.oid = r.relnamespace
     where con.contype = 'f' and n.nspname = 'public' and rn.nspname = 'public'`);
  const tables = new Map<string, TableInfo>();
  for (const c of cols.rows) {
    const t = tables.get(c.tbl) ?? { name: c.tbl, columns: [], primaryKey: [], references: [] };
    t.columns.push({ name: c.name, type: c.type });
    tables.set(c.tbl, t);
  }
  for (const p of pks.rows) {
    const t = tables.get(p.tbl);
    if (t) t.primaryKey = p.cols;
  }
  for (const f of fks.rows) tables.get(f.tbl)?.references.push(f.ref);
  return dependencyOrder([...tables.values()]);
}

/** Parents before children; ties alphabetical so that two backups of one database list tables alike. */
export function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: TableInfo[] = [];
  const pending = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  while (pending.length) {
    const i = pending.findIndex((t) =>
      t.references.every((r) => r === t.name || done.has(r) || !byName.has(r)),
    );
    if (i < 0)
      throw new Error(`circular foreign keys between tables: ${pending.map((t) => t.name).join(', ')}`);
    const [t] = pending.splice(i, 1) as [TableInfo];
    done.add(t.name);
    out.push(t);
  }
  return out;
}

/** Sequences owned by public columns (serial / identity). */
export async function readSequences(db: Queryable): Promise<SequenceInfo[]> {
  const r = await db.query<SequenceInfo>(`
    select s.relname as name, c.relname as "table", a.attname as "column"
      from pg_class s
      join pg_namespace sn on sn.oid = s.relnamespace
      join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
      join pg_class c on c.oid = d.refobjid
      join pg_attribute a on a.attrelid = c.oid and a.attnum = d.refobjsubid
     where s.relkind = 'S' and sn.nspname = 'public'
     order by s.relname`);
  return r.rows;
}

/**
 * Text formats that read back exactly: UTC ISO timestamps, hex bytea, shortest-exact floats. Both the
 * backup and the restore session use them (SET LOCAL: for the transaction only).
 */
export async function setExactTextFormats(db: Queryable): Promise<void> {
  await db.query(`set local timezone = 'UTC'`);
  await db.query(`set local datestyle = 'ISO, YMD'`);
  await db.query(`set local intervalstyle = 'postgres'`);
  await db.query(`set local bytea_output = 'hex'`);
  await db.query(`set local extra_float_digits = 3`);
}
