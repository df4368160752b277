import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { openRuntime } from './platform/bootstrap';
import { loadConfig } from './platform/config';
import { systemCtx } from './platform/context';
import { DataDirLockedError } from './platform/db/embedded';
import { startJobs } from './platform/jobs';
import { jobDefinitions } from './job-definitions';
import { seedDemo } from './seed/seed-demo';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/demo-data';
import { ROLES } from '@fazhi/contracts';

const here = path.dirname(fileURLToPath(import.meta.url));

async function main() {
  const config = loadConfig();
  const runtime = await openRuntime(config);
  const ctx = systemCtx(runtime.database.db, config, runtime.crypto, 'startup');
  let seeded = false;
  if (config.demo) seeded = (await seedDemo(ctx)).seeded;
  const app = await buildApp({
    db: runtime.database.db,
    config,
    crypto: runtime.crypto,
    webDist: path.resolve(here, '../../web/dist'),
  });
  const jobs = config.jobs
    ? await startJobs(runtime.database, config, runtime.crypto, app.log, jobDefinitions())
    : null;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    await app.close().catch(() => undefined);
    await jobs?.stop().catch(() => undefined);
    await runtime.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const address = await app.listen({ port: config.port, host: config.host });
  const lines = [
    '',
    `Fazhi 法治 is running at ${address.replace('127.0.0.1', 'localhost')}`,
    `  database: ${runtime.embedded ? `embedded PostgreSQL under ${config.dataDir}` : 'DATABASE_URL'}`,
  ];
  if (config.demo) {
    lines.push(`  demo data ${seeded ? 'loaded' : 'present'}; demo accounts (password ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS)
      lines.push(`    ${u.username.padEnd(16)} ${u.roles.map((r) => ROLES[r].zh).join('、')}`);
  }
  console.log(lines.join('\n'));
}

main().catch((e: unknown) => {
  if (e instanceof DataDirLockedError) console.error(e.message);
  else console.error(e);
  process.exit(1);
});
