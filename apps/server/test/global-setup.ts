import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../src/platform/db/embedded';
import { runMigrations } from '../src/platform/db/migrate';
import { openDatabase } from '../src/platform/db/pool';
import { seedCalendarIfEmpty } from '../src/platform/clock/calendar-seed';
import { seedIndicatorCatalogue } from '../src/modules/indicators/indicators.seed';

declare module 'vitest' {
  interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
    dbKind: string;
  }
}

/**
 * One PostgreSQL per test run: the embedded one (a fresh cluster in a temp dir) or TEST_DATABASE_URL.
 * A migrated template database is built once; every test file clones it (CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stop: (() => Promise<void>) | null = null;
  let tmp: string | null = null;
  if (!adminUrl) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-test-'));
    fs.chmodSync(tmp, 0o755);
    const emb = await startEmbeddedPostgres(tmp, { database: 'postgres' });
    adminUrl = emb.url;
    stop = emb.stop;
  }
  const templateDb = `fazhi_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${templateDb}`);
  await admin.query(`create database ${templateDb}`);
  const url = new URL(adminUrl);
  url.pathname = `/${templateDb}`;
  const database = openDatabase(url.toString(), 2);
  await runMigrations(database);
  await seedCalendarIfEmpty(database.db);
  await seedIndicatorCatalogue(database.db);
  await database.close();
  project.provide('adminUrl', adminUrl);
  project.provide('templateDb', templateDb);
  project.provide('dbKind', process.env.TEST_DATABASE_URL ? 'external' : 'embedded');

  return async () => {
    const leftovers = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like 'fazhi_t_%' or datname = $1`,
      [templateDb],
    );
    for (const r of leftovers.rows)
      await admin.query(`drop database if exists "${r.datname}" with (force)`).catch(() => undefined);
    await admin.end();
    if (stop) await stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  };
}
