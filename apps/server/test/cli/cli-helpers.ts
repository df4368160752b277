import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { inject } from 'vitest';
import type { CliIo, CliRuntime } from '../../src/cli';
import type { Config } from '../../src/platform/config';
import type { FieldCrypto } from '../../src/platform/crypto/field-crypto';
import { openDatabase, type Database } from '../../src/platform/db/pool';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Captures what a command prints. */
export function captureIo(): CliIo & { stdout: string[]; stderr: string[]; text: () => string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (l) => void stdout.push(l),
    err: (l) => void stderr.push(l),
    text: () => [...stdout, ...stderr].join('\n'),
  };
}

/** The CLI's runtime over a test database (the caller owns and closes the database). */
export function runtimeFor(
  database: Database,
  config: Config,
  crypto: FieldCrypto,
  fingerprint: string | null,
): () => Promise<CliRuntime> {
  return async () => ({
    database,
    config,
    crypto,
    keyFingerprint: () => fingerprint,
    shutdown: async () => undefined,
  });
}

/** A brand-new database with nothing in it (not cloned from the migrated template). */
export async function emptyDatabase(): Promise<{ url: string; database: Database }> {
  const adminUrl = inject('adminUrl');
  const name = `fazhi_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), database: openDatabase(url.toString(), 4) };
}

export type Spawned = { code: number | null; stdout: string; stderr: string };

/** Runs a real process from the repository root. */
export function spawnNode(args: string[], env: Record<string, string>): Promise<Spawned> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd: REPO_ROOT, env: { ...process.env, ...env }, timeout: 60_000 },
      (err, stdout, stderr) => {
        const code = err
          ? typeof (err as { code?: unknown }).code === 'number'
            ? (err as { code: number }).code
            : null
          : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
