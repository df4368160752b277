import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../apps/server/src/app';
import { openRuntime, type Runtime } from '../apps/server/src/platform/bootstrap';
import { loadConfig } from '../apps/server/src/platform/config';
import { systemCtx } from '../apps/server/src/platform/context';
import { seedDemo } from '../apps/server/src/seed/seed-demo';

export type E2eEnv = {
  baseUrl: string;
  runtime: Runtime;
  browser: Browser;
  downloads: string;
  close: () => Promise<void>;
};

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** The real server (embedded PostgreSQL in a temp DATA_DIR, demo data, built web app) and Debian's chromium. */
export async function startE2e(): Promise<E2eEnv> {
  const root = path.resolve(import.meta.dirname, '..');
  const webDist = path.join(root, 'apps/web/dist');
  if (!fs.existsSync(path.join(webDist, 'index.html')))
    throw new Error('apps/web/dist is missing: run `npm run build -w @fazhi/web`');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-e2e-'));
  fs.chmodSync(dataDir, 0o755);
  const config = {
    ...loadConfig({}),
    dataDir,
    databaseUrl: process.env.TEST_DATABASE_URL_E2E,
    logLevel: 'silent' as const,
    loginRateMax: 1000,
    validateResponses: true,
  };
  const runtime = await openRuntime(config);
  await seedDemo(systemCtx(runtime.database.db, config, runtime.crypto, 'e2e'));
  const app = await buildApp({
    db: runtime.database.db,
    config,
    crypto: runtime.crypto,
    webDist,
    logger: false,
  });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath))
    throw new Error(`chromium not found at ${executablePath} (apt-get install chromium)`);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true });
  const downloads = path.join(root, 'e2e/out');
  fs.mkdirSync(downloads, { recursive: true });
  return {
    baseUrl,
    runtime,
    browser,
    downloads,
    close: async () => {
      await browser.close().catch(() => undefined);
      await app.close().catch(() => undefined);
      await runtime.shutdown();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type E2eTest = {
  name: string;
  run: (page: Page, env: E2eEnv, context: BrowserContext) => Promise<void>;
};

export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(`assertion failed: ${message}`);
}
