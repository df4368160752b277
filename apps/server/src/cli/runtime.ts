import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { keyFingerprint } from '../platform/backup/format';
import { seedCalendarIfEmpty } from '../platform/clock/calendar-seed';
import { type Config } from '../platform/config';
import { systemCtx, type Ctx } from '../platform/context';
import { createFieldCrypto, loadSecretKey, type FieldCrypto } from '../platform/crypto/field-crypto';
import { acquireDataDirLock, startEmbeddedPostgres } from '../platform/db/embedded';
import { runMigrations } from '../platform/db/migrate';
import { openDatabase, type Database } from '../platform/db/pool';

export type CliIo = { out: (line: string) => void; err: (line: string) => void };

/** What the commands need: the database, the configuration and — only when used — the encryption key. */
export type CliRuntime = {
  database: Database;
  config: Config;
  crypto: FieldCrypto;
  /** Fingerprint of the configured key without creating one; null when no key exists yet. */
  keyFingerprint: () => string | null;
  shutdown: () => Promise<void>;
};

function existingKey(config: Config): Buffer | null {
  if (config.secretKey) return loadSecretKey(config.secretKey, config.dataDir);
  if (fs.existsSync(path.join(config.dataDir, 'secret.key'))) return loadSecretKey(undefined, config.dataDir);
  return null;
}

/** Opens the database like the server does, without migrating (each command decides). */
export async function openCliRuntime(config: Config): Promise<CliRuntime> {
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | null = null;
  let release: (() => void) | null = null;
  if (!url) {
    release = acquireDataDirLock(config.dataDir);
    try {
      const emb = await startEmbeddedPostgres(config.dataDir);
      url = emb.url;
      stopEmbedded = emb.stop;
    } catch (e) {
      release();
      throw e;
    }
  }
  const database = openDatabase(url, 4);
  let key: FieldCrypto | null = null;
  const real = () => (key ??= createFieldCrypto(loadSecretKey(config.secretKey, config.dataDir)));
  return {
    database,
    config,
    // Created on first use: commands that never encrypt do not generate a key file.
    crypto: { encrypt: (s) => real().encrypt(s), decrypt: (s) => real().decrypt(s) },
    keyFingerprint: () => {
      const k = existingKey(config);
      return k ? keyFingerprint(k) : null;
    },
    shutdown: async () => {
      await database.close().catch(() => undefined);
      if (stopEmbedded) await stopEmbedded().catch(() => undefined);
      release?.();
    },
  };
}

/** The CLI's actor-less context; audit entries name the OS account in their detail. */
export const cliCtx = (rt: CliRuntime, command: string): Ctx =>
  systemCtx(rt.database.db, rt.config, rt.crypto, `cli:${command}`);
export const osUser = () => {
  try {
    return os.userInfo().username;
  } catch {
    return null;
  }
};

export async function ensureMigrated(rt: CliRuntime): Promise<void> {
  await runMigrations(rt.database);
  await seedCalendarIfEmpty(rt.database.db);
}
