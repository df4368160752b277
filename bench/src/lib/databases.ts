/**
 * The two database kinds of the benchmark, opened exactly as the server opens them (openRuntime):
 * the embedded PostgreSQL 18 under a DATA_DIR, or an external server via DATABASE_URL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openRuntime, type Runtime } from '../../../apps/server/src/platform/bootstrap';
import { loadConfig, type Config } from '../../../apps/server/src/platform/config';

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const OUT_DIR = path.join(BENCH_DIR, 'out');

/** A fixed field-encryption key, so the same generated users decrypt on either database. */
export const BENCH_SECRET_KEY = '0b'.repeat(32);

export function benchConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({}),
    logLevel: 'silent',
    demo: false,
    jobs: false,
    loginRateMax: 1000,
    secretKey: BENCH_SECRET_KEY,
    ...overrides,
  };
}

export type BenchRuntime = { runtime: Runtime; config: Config };

export async function openBenchRuntime(opts: {
  databaseUrl?: string;
  dataDir: string;
}): Promise<BenchRuntime> {
  fs.mkdirSync(opts.dataDir, { recursive: true, mode: 0o755 });
  const config = benchConfig({ databaseUrl: opts.databaseUrl, dataDir: path.resolve(opts.dataDir) });
  const runtime = await openRuntime(config);
  return { runtime, config };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery<T extends pg.QueryResultRow>(
  adminUrl: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}
