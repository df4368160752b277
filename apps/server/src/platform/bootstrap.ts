import path from 'node:path';
import type { Config } from './config';
import { createFieldCrypto, loadSecretKey, type FieldCrypto } from './crypto/field-crypto';
import { acquireDataDirLock, startEmbeddedPostgres } from './db/embedded';
import { runMigrations } from './db/migrate';
import { openDatabase, type Database } from './db/pool';
import { seedCalendarIfEmpty } from './clock/calendar-seed';
import { seedIndicatorCatalogue } from '../modules/indicators/indicators.seed';

export type Runtime = {
  database: Database;
  crypto: FieldCrypto;
  databaseUrl: string;
  embedded: boolean;
  shutdown: () => Promise<void>;
};

/**
 * Opens the database: DATABASE_URL when set, otherwise an embedded PostgreSQL under DATA_DIR (locked to this
 * process). Applies migrations, the official calendar and the indicator catalogue (missing codes only). Callers own `shutdown`.
 */
export async function openRuntime(config: Config, log: (m: string) => void = () => {}): Promise<Runtime> {
  const crypto = createFieldCrypto(loadSecretKey(config.secretKey, config.dataDir));
  let databaseUrl = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | null = null;
  let releaseLock: (() => void) | null = null;
  if (!databaseUrl) {
    releaseLock = acquireDataDirLock(config.dataDir);
    try {
      const emb = await startEmbeddedPostgres(config.dataDir, { log });
      databaseUrl = emb.url;
      stopEmbedded = emb.stop;
    } catch (e) {
      releaseLock();
      throw e;
    }
  }
  const database = openDatabase(databaseUrl);
  let closed = false;
  const shutdown = async () => {
    if (closed) return;
    closed = true;
    await database.close().catch(() => undefined);
    if (stopEmbedded) await stopEmbedded().catch(() => undefined);
    releaseLock?.();
  };
  try {
    await runMigrations(database);
    await seedCalendarIfEmpty(database.db);
    await seedIndicatorCatalogue(database.db);
  } catch (e) {
    await shutdown();
    throw e;
  }
  return { database, crypto, databaseUrl, embedded: !config.databaseUrl, shutdown };
}

export const defaultWebDist = (here: string) => path.resolve(here, '../../web/dist');
