import fs from 'node:fs';
import path from 'node:path';
import { startE2e } from './harness';
import { tests } from './flows';

/** Runs every browser flow in a fresh context; prints "N passed, N failed" and writes --report FILE. */
async function main() {
  const reportIdx = process.argv.indexOf('--report');
  const reportPath = reportIdx > 0 ? process.argv[reportIdx + 1] : undefined;
  const only = process.env.E2E_ONLY;
  let passed = 0;
  let failed = 0;
  const results: { name: string; ok: boolean; error?: string; ms: number }[] = [];
  let env;
  try {
    env = await startE2e();
  } catch (e) {
    console.error('browser test environment failed to start:', e);
    failed = 1;
  }
  if (env) {
    for (const t of tests.filter((x) => !only || x.name.includes(only))) {
      const context = await env.browser.newContext({
        locale: 'zh-CN',
        acceptDownloads: true,
        viewport: { width: 1440, height: 900 },
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const t0 = Date.now();
      try {
        await t.run(page, env, context);
        passed++;
        results.push({ name: t.name, ok: true, ms: Date.now() - t0 });
        console.log(`  ✓ ${t.name} (${Date.now() - t0} ms)`);
      } catch (e) {
        failed++;
        const shot = path.join(env.downloads, `${t.name.replace(/[^\w\u4e00-\u9fa5-]+/g, '_')}.png`);
        await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
        results.push({ name: t.name, ok: false, error: String(e), ms: Date.now() - t0 });
        console.log(`  ✗ ${t.name}: ${String(e).slice(0, 500)}\n    screenshot: ${shot}`);
      } finally {
        await context.close();
      }
    }
    await env.close();
  }
  if (reportPath) fs.writeFileSync(reportPath, JSON.stringify({ passed, failed, results }, null, 2));
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

void main();
