import fs from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type pg from 'pg';
import { APP_VERSION } from '../config';
import { databaseMigrationLevel, ident, readCatalog, readSequences, setExactTextFormats } from './catalog';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  type BackupTrailer,
  type SequenceState,
} from './format';

export type BackupSummary = {
  file: string;
  tables: number;
  rows: number;
  migration: string | null;
  bytes: number;
};

const FETCH = 2000;

/**
 * Writes a logical backup of every public table from ONE snapshot (REPEATABLE READ, read only): the
 * audit chain and the records it describes are consistent with each other. Rows stream through a
 * cursor into gzip; the file appears under its name only when complete (written as <file>.partial, then
 * renamed), readable by its owner only — it holds personal data and password hashes.
 */
export async function writeBackup(
  pool: pg.Pool,
  file: string,
  opts: { keyFingerprint: string | null },
): Promise<BackupSummary> {
  if (fs.existsSync(file))
    throw new Error(`${file} already exists; choose another file name (备份文件已存在)`);
  const partial = `${file}.partial`;
  const gzip = zlib.createGzip();
  const done = pipeline(gzip, fs.createWriteStream(partial, { mode: 0o600 }));
  const write = async (obj: unknown) => {
    if (!gzip.write(`${JSON.stringify(obj)}\n`)) await once(gzip, 'drain');
  };
  const client = await pool.connect();
  let total = 0;
  let tables = 0;
  let migrationTag: string | null = null;
  try {
    await client.query('begin isolation level repeatable read read only');
    await setExactTextFormats(client);
    const migration = await databaseMigrationLevel(client);
    if (!migration)
      throw new Error('the database has no migrations applied: nothing to back up (数据库尚未初始化)');
    migrationTag = migration.tag;
    const catalog = await readCatalog(client);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      appVersion: APP_VERSION,
      migration,
      keyFingerprint: opts.keyFingerprint,
      tables: catalog.map((t) => ({ name: t.name, columns: t.columns, primaryKey: t.primaryKey })),
    };
    await write(header);
    for (const t of catalog) {
      await write({ table: t.name });
      const select = t.columns.map((c) => `${ident(c.name)}::text`).join(', ');
      const order = t.primaryKey.length
        ? t.primaryKey.map(ident).join(', ')
        : t.columns.map((_, i) => String(i + 1)).join(', ');
      await client.query(
        `declare fazhi_backup no scroll cursor for select ${select} from public.${ident(t.name)} order by ${order}`,
      );
      let rows = 0;
      for (;;) {
        const batch = await client.query<(string | null)[]>({
          text: `fetch forward ${FETCH} from fazhi_backup`,
          rowMode: 'array',
        });
        for (const r of batch.rows) await write(r);
        rows += batch.rows.length;
        if (batch.rows.length < FETCH) break;
      }
      await client.query('close fazhi_backup');
      await write({ end: t.name, rows });
      total += rows;
      tables++;
    }
    const sequences: SequenceState[] = [];
    for (const s of await readSequences(client)) {
      const r = await client.query<{ last_value: string; is_called: boolean }>(
        `select last_value::text, is_called from public.${ident(s.name)}`,
      );
      sequences.push({
        ...s,
        lastValue: r.rows[0]?.last_value ?? '1',
        isCalled: r.rows[0]?.is_called ?? false,
      });
    }
    const trailer: BackupTrailer = { complete: true, tables, rows: total, sequences };
    await write(trailer);
    await client.query('commit');
    gzip.end();
    await done;
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    gzip.destroy();
    await done.catch(() => undefined);
    fs.rmSync(partial, { force: true });
    throw e;
  } finally {
    client.release();
  }
  fs.renameSync(partial, file);
  return { file, tables, rows: total, migration: migrationTag, bytes: fs.statSync(file).size };
}
