import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { appendAudit } from '../audit/audit.service';
import type { Ctx } from '../context';
import { MIGRATIONS_DIR, runMigrations } from '../db/migrate';
import type { Database } from '../db/pool';
import * as schema from '../db/schema-all';
import {
  codeMigrationLevel,
  databaseMigrationLevel,
  ident,
  readCatalog,
  readJournal,
  setExactTextFormats,
  type MigrationLevel,
  type Queryable,
  type TableInfo,
} from './catalog';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  type BackupTrailer,
  type TableEnd,
  type TableStart,
} from './format';

/** Refusals a user can act on (wrong target, wrong key, damaged file); the CLI prints the message only. */
export class RestoreRefused extends Error {}

/**
 * Reference data the server loads by itself on start (the official holiday calendar). A target that the
 * server has started once holds it and is still "empty"; the backup's own copy replaces it.
 */
const RESEEDED_TABLES = new Set(['calendar_years', 'calendar_days']);
const BATCH = 1000;

export type RestoreSummary = {
  tables: number;
  rows: number;
  migration: string | null;
  backupCreatedAt: string;
};

type Line = unknown[] | Record<string, unknown>;

async function* lines(file: string): AsyncGenerator<Line> {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of rl) if (line) yield JSON.parse(line) as Line;
  } catch (e) {
    throw new RestoreRefused(
      `backup file is damaged or not a Fazhi backup (备份文件已损坏): ${(e as Error).message}`,
    );
  }
}

/** A backup's header line, read without loading the rest; null when the file is not a readable backup. */
export async function readBackupHeader(file: string): Promise<BackupHeader | null> {
  if (!fs.existsSync(file)) return null;
  const it = lines(file);
  try {
    const first = (await it.next()).value as Partial<BackupHeader> | undefined;
    return first?.format === BACKUP_FORMAT ? (first as BackupHeader) : null;
  } catch {
    return null;
  } finally {
    await it.return(undefined);
  }
}

/** Applies the migrations up to `level` only — the shape the backup's rows were written in. */
async function migrateTo(database: Database, level: MigrationLevel): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-migrate-'));
  try {
    const entries = readJournal().filter((e) => e.when <= level.when);
    fs.mkdirSync(path.join(tmp, 'meta'));
    fs.writeFileSync(
      path.join(tmp, 'meta', '_journal.json'),
      JSON.stringify({ version: '7', dialect: 'postgresql', entries }),
    );
    for (const e of entries)
      fs.copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(tmp, `${e.tag}.sql`));
    await migrate(database.db, { migrationsFolder: tmp });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function prepareTarget(database: Database, header: BackupHeader): Promise<void> {
  const code = codeMigrationLevel();
  const known = readJournal().some((e) => e.when === header.migration.when);
  if (header.migration.when > code.when || !known) {
    throw new RestoreRefused(
      `the backup was made by a newer Fazhi (migration ${header.migration.tag ?? header.migration.when}); upgrade Fazhi first (请先升级 Fazhi)`,
    );
  }
  const current = await databaseMigrationLevel(database.pool);
  if (!current) await migrateTo(database, header.migration);
  else if (current.when !== header.migration.when) {
    throw new RestoreRefused(
      `the target database is at migration ${current.tag ?? current.when}, the backup at ${header.migration.tag}; restore into a newly created, empty database (请恢复到新建的空数据库)`,
    );
  }
}

async function assertEmpty(db: Queryable, catalog: TableInfo[]): Promise<void> {
  const filled: string[] = [];
  for (const t of catalog) {
    if (RESEEDED_TABLES.has(t.name)) continue;
    const r = await db.query(`select 1 from public.${ident(t.name)} limit 1`);
    if (r.rowCount) filled.push(t.name);
  }
  if (filled.length) {
    throw new RestoreRefused(
      `the target database is not empty (tables with rows: ${filled.join(', ')}); restore only into an empty database — nothing was changed (目标数据库不是空库，未做任何修改)`,
    );
  }
}

function assertSameShape(header: BackupHeader, catalog: TableInfo[]): void {
  const target = new Map(catalog.map((t) => [t.name, t]));
  for (const t of header.tables) {
    const have = target.get(t.name);
    const want = t.columns.map((c) => `${c.name} ${c.type}`).join(', ');
    if (!have || have.columns.map((c) => `${c.name} ${c.type}`).join(', ') !== want) {
      throw new RestoreRefused(
        `table ${t.name} in the backup does not match the database schema (表结构不一致)`,
      );
    }
  }
}

/** One INSERT per batch: text arrays unnested and cast back to each column's type. */
async function insertBatch(
  db: Queryable,
  table: BackupHeader['tables'][number],
  rows: (string | null)[][],
): Promise<void> {
  if (!rows.length) return;
  const cols = table.columns;
  const arrays = cols.map((_, i) => rows.map((r) => r[i] ?? null));
  const names = cols.map((c) => ident(c.name)).join(', ');
  const params = cols.map((_, i) => `$${i + 1}::text[]`).join(', ');
  const aliases = cols.map((_, i) => `c${i}`);
  const casts = cols.map((c, i) => `${aliases[i]}::${c.type}`).join(', ');
  await db.query(
    `insert into public.${ident(table.name)} (${names}) overriding system value select ${casts} from unnest(${params}) as u(${aliases.join(', ')})`,
    arrays,
  );
}

/**
 * Restores a backup into an EMPTY database: migrates it to the backup's level, loads every table in one
 * transaction (bulk INSERT … SELECT FROM unnest; audit_log accepts inserts, only UPDATE/DELETE are
 * blocked), sets the sequences, records a 'system.restore' audit entry chained onto the restored trail,
 * then applies any newer migrations. Refuses a non-empty target and changes nothing then.
 */
export async function restoreBackup(
  database: Database,
  file: string,
  ctx: Pick<Ctx, 'actor' | 'requestId' | 'ip'>,
): Promise<RestoreSummary> {
  if (!fs.existsSync(file)) throw new RestoreRefused(`${file} not found (找不到备份文件)`);
  const it = lines(file);
  const first = (await it.next()).value as Partial<BackupHeader> | undefined;
  if (!first || first.format !== BACKUP_FORMAT)
    throw new RestoreRefused(`${file} is not a Fazhi backup (不是 Fazhi 备份文件)`);
  if (first.formatVersion !== BACKUP_FORMAT_VERSION)
    throw new RestoreRefused(`unsupported backup format version ${String(first.formatVersion)}`);
  const header = first as BackupHeader;
  let rows = 0;
  let tables = 0;
  try {
    await prepareTarget(database, header);
    const client = await database.pool.connect();
    try {
      const db = drizzle(client, { schema });
      await db.transaction(async (tx) => {
        await setExactTextFormats(client);
        const catalog = await readCatalog(client);
        assertSameShape(header, catalog);
        await assertEmpty(client, catalog);
        for (const t of RESEEDED_TABLES)
          if (catalog.some((c) => c.name === t)) await client.query(`delete from public.${ident(t)}`);

        const selfReferencing = new Set(
          catalog.filter((t) => t.references.includes(t.name)).map((t) => t.name),
        );
        let current: BackupHeader['tables'][number] | null = null;
        let batch: (string | null)[][] = [];
        let count = 0;
        let trailer: BackupTrailer | null = null;
        for await (const line of it) {
          if (Array.isArray(line)) {
            if (!current)
              throw new RestoreRefused('backup file is damaged: a row outside any table (备份文件已损坏)');
            batch.push(line as (string | null)[]);
            count++;
            // A table referencing itself loads in one statement: foreign keys are checked at its end.
            if (batch.length >= BATCH && !selfReferencing.has(current.name)) {
              await insertBatch(client, current, batch);
              batch = [];
            }
          } else if ('table' in line) {
            const name = (line as TableStart).table;
            current = header.tables.find((t) => t.name === name) ?? null;
            if (!current)
              throw new RestoreRefused(`backup file is damaged: table ${name} is not in its header`);
            batch = [];
            count = 0;
          } else if ('end' in line) {
            const end = line as TableEnd;
            if (!current || end.end !== current.name || end.rows !== count) {
              throw new RestoreRefused(
                `backup file is damaged: table ${end.end} should hold ${end.rows} rows (备份文件已损坏)`,
              );
            }
            await insertBatch(client, current, batch);
            batch = [];
            rows += count;
            tables++;
            current = null;
          } else if ('complete' in line) {
            trailer = line as BackupTrailer;
          }
        }
        if (!trailer || trailer.rows !== rows || trailer.tables !== tables) {
          throw new RestoreRefused('backup file is incomplete (备份文件不完整，可能在写入时中断)');
        }
        for (const s of trailer.sequences) {
          await client.query(
            `select setval($1::regclass, greatest($2::bigint, coalesce((select max(${ident(s.column)})::bigint from public.${ident(s.table)}), 1)), $3)`,
            [`public.${ident(s.name)}`, s.lastValue, s.isCalled],
          );
        }
        await appendAudit(tx, ctx, {
          action: 'system.restore',
          entityType: 'database',
          detail: {
            file: path.basename(file),
            backupCreatedAt: header.createdAt,
            migration: header.migration.tag,
            tables,
            rows,
          },
        });
      });
    } finally {
      client.release();
    }
  } finally {
    await it.return(undefined);
  }
  await runMigrations(database);
  return { tables, rows, migration: header.migration.tag, backupCreatedAt: header.createdAt };
}
