// scratch: profile the server under list load (not committed)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { buildApp } from '../../apps/server/src/app';
import { BENCH_DIR, OUT_DIR, openBenchRuntime, withDatabase } from './lib/databases';
import { BENCH_PASSWORD, BENCH_USERNAME } from './generate';
import { listPaths } from './run';

const which = process.argv[2] ?? 'list';
const secs = Number(process.argv[3] ?? 12);
const rt = await openBenchRuntime({ dataDir: path.join(OUT_DIR, 'external'), databaseUrl: withDatabase('postgres://postgres@127.0.0.1:5432/postgres', 'fazhi_bench') });
const app = await buildApp({ db: rt.runtime.database.db, config: rt.config, crypto: rt.runtime.crypto, logger: false, webDist: null });
app.get('/api/bench/noop', { config: { access: 'session' } }, async () => ({ ok: true }));
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: BENCH_USERNAME, password: BENCH_PASSWORD }) });
const cookie = (res.headers.getSetCookie().find((c) => c.startsWith('fazhi_sid=')) as string).split(';')[0] as string;
const paths = which === 'noop' ? ['/api/bench/noop'] : listPaths();
const s = new Session(); s.connect();
await s.post('Profiler.enable'); await s.post('Profiler.setSamplingInterval', { interval: 200 });
let started = false;
const cfg = { label: which, baseUrl: base, paths, headers: { cookie }, connections: 50, durationSec: secs, warmupSec: 3, timeoutMs: 10000 };
const child = spawn(process.execPath, ['--import', 'tsx', path.join(BENCH_DIR, 'src', 'load.ts')], { env: { ...process.env, BENCH_LOAD_CONFIG: JSON.stringify(cfg) }, stdio: ['ignore', 'pipe', 'inherit'] });
let c0: NodeJS.CpuUsage | null = null; let out = '';
child.stdout.on('data', async (d: Buffer) => { const t = d.toString(); out += t;
  if (t.includes('BENCH:start') && !started) { started = true; c0 = process.cpuUsage(); await s.post('Profiler.start'); }
});
await new Promise((r) => child.on('exit', r));
const c1 = process.cpuUsage(c0 ?? undefined);
const { profile } = await s.post('Profiler.stop');
const result = JSON.parse(out.split('\n').find((l) => l.startsWith('{')) as string);
console.log(which, 'rps', result.rps.toFixed(0), 'server cpu ms/req', ((c1.user + c1.system) / 1000 / result.requests).toFixed(3), 'p99', result.latencyMs.p99);
fs.writeFileSync(`/tmp/bench/${which}.cpuprofile`, JSON.stringify(profile));
await app.close(); await rt.runtime.shutdown(); process.exit(0);
