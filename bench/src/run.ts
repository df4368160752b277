/**
 * The 期限台账 list benchmark.
 *
 *   npm run bench -- [--db embedded|external|both] [--clocks 1000000] [--duration 20] [--warmup 5]
 *                    [--connections 50] [--probe-connections 1] [--keep] [--fresh] [--verify] [--wrk]
 *                    [--regions 150] [--orgs 1500] [--users 8000] [--seed 20261121]
 *
 * For each database kind, in a fresh process (this file re-invoked with --child-result): open the
 * database as the server does (openRuntime: migrations + official calendar), generate the dataset unless
 * an identical one is already there (generate.ts, in a child process), start the real server in that
 * process (buildApp, logger off, 127.0.0.1), sign in as a reviewer of 三门峡市司法局 (region-tree scope ≈ 1/3 of the
 * clocks) and drive, with a separate load-generator process:
 *   (a) GET /api/bench/noop — a bench-only route registered here, access 'session': it pays the same
 *       session lookup as the list, so the ratio isolates the list's own cost;
 *   (b) GET /api/clocks?status=normal&sort=dueDate&page=1&pageSize=20 interleaved with rotating filters
 *       (status, pages 1–50, due-date windows).
 * Targets: list req/s ≥ 40 % of no-op req/s, list p99 ≤ 25 ms, 0 errors.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../../apps/server/src/app';
import { verifyAuditChain } from '../../apps/server/src/platform/audit/audit-verify';
import { boolFlag, flag, intFlag, parseArgs } from './lib/args';
import {
  adminQuery,
  BENCH_DIR,
  OUT_DIR,
  openBenchRuntime,
  withDatabase,
  type BenchRuntime,
} from './lib/databases';
import { parentPid, treeCpuMs } from './lib/proc';
import {
  BENCH_PASSWORD,
  BENCH_SCOPE_PATH,
  BENCH_USERNAME,
  DATASET_LINE,
  generateOptionsFromArgs,
  readDatasetInfo,
  type DatasetInfo,
  type GenerateOptions,
} from './generate';
import type { LoadConfig, LoadResult } from './load';

type Kind = 'embedded' | 'external';
const NOOP_PATH = '/api/bench/noop';
const LIST_BASE = '/api/clocks?status=normal&sort=dueDate&page=1&pageSize=20';
const TARGET_RATIO = 0.4;
const TARGET_P99_MS = 25;
const EXTERNAL_DB = 'fazhi_bench';

const log = (m: string) => console.log(m);

/** The list requests: the base query on every 4th request, otherwise rotating status / page / due window. */
export function listPaths(): string[] {
  const statuses = ['normal', 'due_soon', 'overdue', 'completed'];
  const out: string[] = [];
  for (let i = 0; i < 240; i++) {
    if (i % 4 === 0) {
      out.push(LIST_BASE);
      continue;
    }
    const status = statuses[Math.floor(i / 4) % 4] as string;
    const page = 1 + ((i * 37) % 50);
    let q = `status=${status}&sort=dueDate&page=${page}&pageSize=20`;
    if (i % 3 === 0) {
      const m = (i * 5) % 45; // quarter windows from 2024-01 to 2027-12
      const y = 2024 + Math.floor(m / 12);
      const mm = (m % 12) + 1;
      const end = new Date(Date.UTC(y, mm - 1 + 3, 0)).toISOString().slice(0, 10);
      q += `&dueFrom=${y}-${String(mm).padStart(2, '0')}-01&dueTo=${end}`;
    }
    out.push(`/api/clocks?${q}`);
  }
  return out;
}

type CpuShare = {
  serverMsPerReq: number | null;
  postgresMsPerReq: number | null;
  loadgenMsPerReq: number | null;
  serverCorePct: number | null;
  postgresCorePct: number | null;
  loadgenCorePct: number | null;
};
type RouteRun = LoadResult & { cpu: CpuShare };
type WrkRun = { label: string; rps: number; p50: number; p99: number; non2xx: number; raw: string };
type Explain = { label: string; sql: string; params: unknown[]; plan: string; executionMs: number | null };
type DbRun = {
  kind: Kind;
  postgres: string;
  settings: Record<string, string>;
  dataset: DatasetInfo;
  reused: boolean;
  verify: { ok: boolean; checked: number; ms: number } | null;
  sanity: {
    listStatus: number;
    listTotal: number | null;
    listTotalCapped?: boolean;
    expectedTotal: number;
    noopStatus: number;
  };
  noop: RouteRun | null;
  list: RouteRun | null;
  /** The same routes with few connections (below saturation): service latency rather than queueing. */
  noopProbe: RouteRun | null;
  listProbe: RouteRun | null;
  listUnavailable: string | null;
  explain: Explain[];
  wrk: WrkRun[];
  loadavgBefore: number[];
};

function machine() {
  const cpus = os.cpus();
  return {
    cpu: `${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

async function pgInfo(
  pool: pg.Pool,
): Promise<{ version: string; settings: Record<string, string>; postmasterPid: number | null }> {
  const v = await pool.query<{ v: string; pid: number }>('select version() as v, pg_backend_pid() as pid');
  const s = await pool.query<{ name: string; setting: string; unit: string | null }>(
    `select name, setting, unit from pg_settings where name in ('shared_buffers','work_mem','effective_cache_size','jit','max_connections','random_page_cost','max_parallel_workers_per_gather','synchronous_commit')`,
  );
  const settings: Record<string, string> = {};
  for (const r of s.rows) settings[r.name] = r.unit ? `${r.setting} ${r.unit}` : r.setting;
  const backend = v.rows[0]?.pid;
  return { version: v.rows[0]?.v ?? '', settings, postmasterPid: backend ? parentPid(backend) : null };
}

function datasetMatches(info: DatasetInfo | null, o: GenerateOptions): info is DatasetInfo {
  if (!info) return false;
  const p = info.params;
  return (
    p.clocks === o.clocks &&
    p.regions === o.regions &&
    p.orgs === o.orgs &&
    p.users === o.users &&
    p.seed === o.seed
  );
}

/** Opens (and if needed creates and fills) the database of one kind. */
async function prepare(
  kind: Kind,
  gen: GenerateOptions,
  fresh: boolean,
): Promise<{ rt: BenchRuntime; info: DatasetInfo; reused: boolean }> {
  const open = async (): Promise<BenchRuntime> => {
    if (kind === 'embedded') return openBenchRuntime({ dataDir: path.join(OUT_DIR, 'embedded') });
    return openBenchRuntime({
      dataDir: path.join(OUT_DIR, 'external'),
      databaseUrl: withDatabase(externalAdminUrl(), EXTERNAL_DB),
    });
  };
  const reset = async () => {
    if (kind === 'embedded') fs.rmSync(path.join(OUT_DIR, 'embedded'), { recursive: true, force: true });
    else await recreateExternal();
  };
  if (kind === 'external') {
    const exists = await adminQuery(externalAdminUrl(), 'select 1 from pg_database where datname = $1', [
      EXTERNAL_DB,
    ]);
    if (!exists.length) await recreateExternal();
  }
  let rt = await open();
  const info = fresh ? null : await readDatasetInfo(rt.runtime.database.pool);
  if (datasetMatches(info, gen)) {
    log(
      `  reusing the generated dataset (${info.counts.clocks?.toLocaleString('en')} clocks, generated ${info.generatedAt}, statuses as of ${info.params.today})`,
    );
    if (info.params.today !== gen.today)
      log(
        `  note: stored statuses are as of ${info.params.today}; today is ${gen.today} (use --fresh to regenerate)`,
      );
    return { rt, info, reused: true };
  }
  const used = await rt.runtime.database.pool.query<{ n: string }>('select count(*) as n from organisations');
  if (Number(used.rows[0]?.n) > 0) {
    log('  the database holds other data; starting from an empty one');
    await rt.runtime.shutdown();
    await reset();
    rt = await open();
  }
  log(`  generating ${gen.clocks.toLocaleString('en')} clocks …`);
  const generated = await generateInChild(rt.runtime.databaseUrl, gen);
  return { rt, info: generated, reused: false };
}

/**
 * Runs generate.ts in its own process with a larger young generation (--max-semi-space-size=64: the
 * load allocates millions of short-lived strings; this cuts its GC time by about a third) and a clean
 * heap for the server that runs in this process afterwards.
 */
async function generateInChild(databaseUrl: string, gen: GenerateOptions): Promise<DatasetInfo> {
  const script = path.join(BENCH_DIR, 'src', 'generate.ts');
  const argv = [
    '--database-url',
    databaseUrl,
    '--clocks',
    gen.clocks,
    '--regions',
    gen.regions,
    '--orgs',
    gen.orgs,
    '--users',
    gen.users,
    '--seed',
    gen.seed,
    '--today',
    gen.today,
    '--batch',
    gen.batchSize,
  ].map(String);
  const child = spawn(process.execPath, ['--max-semi-space-size=64', '--import', 'tsx', script, ...argv], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let info: DatasetInfo | null = null;
  let buf = '';
  child.stdout.on('data', (d: Buffer) => {
    buf += d.toString('utf8');
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (line.startsWith(DATASET_LINE)) info = JSON.parse(line.slice(DATASET_LINE.length)) as DatasetInfo;
      else log(line);
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0 || !info) throw new Error(`generation failed (exit code ${code})`);
  return info;
}

function externalAdminUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

async function recreateExternal(): Promise<void> {
  await adminQuery(externalAdminUrl(), `drop database if exists ${EXTERNAL_DB} with (force)`);
  await adminQuery(externalAdminUrl(), `create database ${EXTERNAL_DB}`);
}

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: BENCH_USERNAME, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200)
    throw new Error(`login as ${BENCH_USERNAME} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('fazhi_sid='));
  if (!cookie) throw new Error('login: no session cookie');
  return cookie.split(';')[0] as string;
}

type Captured = { text: string; values: unknown[] };

/** Records the SQL statements the server sends while serving one request (pg.Client.prototype.query). */
async function captureQueries(base: string, cookie: string, urlPath: string): Promise<Captured[]> {
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  const seen: Captured[] = [];
  proto.query = function (this: unknown, ...a: unknown[]) {
    const [q, v] = a;
    if (typeof q === 'string') seen.push({ text: q, values: Array.isArray(v) ? v : [] });
    else if (q && typeof q === 'object' && 'text' in q) {
      const o = q as { text: string; values?: unknown[] };
      seen.push({ text: o.text, values: o.values ?? (Array.isArray(v) ? v : []) });
    }
    return original.apply(this, a);
  };
  try {
    const res = await fetch(base + urlPath, { headers: { cookie } });
    await res.arrayBuffer();
  } finally {
    proto.query = original;
  }
  return seen;
}

async function explainList(base: string, cookie: string, dbUrl: string): Promise<Explain[]> {
  const variants = [
    { label: 'base: status=normal, page 1', path: LIST_BASE },
    { label: 'status=normal, page 50', path: '/api/clocks?status=normal&sort=dueDate&page=50&pageSize=20' },
    {
      label: 'status=overdue + due window',
      path: '/api/clocks?status=overdue&sort=dueDate&page=3&pageSize=20&dueFrom=2026-07-01&dueTo=2026-09-30',
    },
  ];
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  const out: Explain[] = [];
  try {
    for (const v of variants) {
      const queries = (await captureQueries(base, cookie, v.path)).filter(
        (q) => /\bclocks\b/i.test(q.text) && !/^\s*(begin|commit)/i.test(q.text),
      );
      for (const [i, q] of queries.entries()) {
        const sql = `explain (analyze, buffers, settings) ${q.text}`;
        await client.query(sql, q.values); // warm
        const res = await client.query<{ 'QUERY PLAN': string }>(sql, q.values);
        const plan = res.rows.map((r) => r['QUERY PLAN']).join('\n');
        const m = /Execution Time: ([\d.]+) ms/.exec(plan);
        out.push({
          label: `${v.label} — statement ${i + 1}/${queries.length}`,
          sql: q.text,
          params: q.values,
          plan,
          executionMs: m ? Number(m[1]) : null,
        });
      }
    }
  } finally {
    await client.end();
  }
  return out;
}

/** Runs load.ts in its own process; snapshots CPU of this process (the server) and PostgreSQL at the window edges. */
async function runLoadProcess(cfg: LoadConfig, postmasterPid: number | null): Promise<RouteRun> {
  const loadTs = path.join(BENCH_DIR, 'src', 'load.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', loadTs], {
    env: { ...process.env, BENCH_LOAD_CONFIG: JSON.stringify(cfg) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buf = '';
  let server0: NodeJS.CpuUsage | null = null;
  let server1: NodeJS.CpuUsage | null = null;
  let pg0: number | null = null;
  let pg1: number | null = null;
  let result: LoadResult | null = null;
  child.stdout.on('data', (d: Buffer) => {
    buf += d.toString('utf8');
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl).trim();
      buf = buf.slice(nl + 1);
      if (line === 'BENCH:start') {
        server0 = process.cpuUsage();
        pg0 = postmasterPid ? treeCpuMs(postmasterPid) : null;
      } else if (line === 'BENCH:end') {
        server1 = process.cpuUsage();
        pg1 = postmasterPid ? treeCpuMs(postmasterPid) : null;
      } else if (line.startsWith('{')) result = JSON.parse(line) as LoadResult;
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (!result) throw new Error(`load generator exited with ${code} and no result`);
  const r: LoadResult = result;
  const n = Math.max(1, r.requests);
  const window = r.durationSec * 1000;
  const s0 = server0 as NodeJS.CpuUsage | null;
  const s1 = server1 as NodeJS.CpuUsage | null;
  const serverMs = s0 && s1 ? (s1.user - s0.user + s1.system - s0.system) / 1000 : null;
  const pgMs = pg0 !== null && pg1 !== null ? pg1 - pg0 : null;
  const lgMs = r.loadgenCpuMs;
  const per = (v: number | null) => (v === null ? null : Math.round((v / n) * 1000) / 1000);
  const pct = (v: number | null) => (v === null ? null : Math.round((v / window) * 1000) / 10);
  return {
    ...r,
    cpu: {
      serverMsPerReq: per(serverMs),
      postgresMsPerReq: per(pgMs),
      loadgenMsPerReq: per(lgMs),
      serverCorePct: pct(serverMs),
      postgresCorePct: pct(pgMs),
      loadgenCorePct: pct(lgMs),
    },
  };
}

function hasWrk(): boolean {
  return spawnSync('wrk', ['--version'], { encoding: 'utf8' }).error === undefined;
}

async function runWrk(
  label: string,
  base: string,
  paths: string[],
  cookie: string,
  connections: number,
  duration: number,
): Promise<WrkRun> {
  const script = path.join(OUT_DIR, `wrk-${label.replace(/\W+/g, '_')}.lua`);
  const lua = [
    `local paths = { ${paths.map((p) => JSON.stringify(p)).join(', ')} }`,
    'local i = 0',
    'request = function()',
    '  i = i + 1',
    `  return wrk.format("GET", paths[(i % #paths) + 1], { ["cookie"] = ${JSON.stringify(cookie)} })`,
    'end',
  ].join('\n');
  fs.writeFileSync(script, lua);
  const child = spawn('wrk', ['-t1', `-c${connections}`, `-d${duration}s`, '--latency', '-s', script, base], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let raw = '';
  child.stdout.on('data', (d: Buffer) => (raw += d.toString('utf8')));
  await new Promise((resolve) => child.on('exit', resolve));
  const toMs = (s: string | undefined) => {
    const m = /([\d.]+)(us|ms|s)/.exec(s ?? '');
    if (!m) return NaN;
    const v = Number(m[1]);
    return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v;
  };
  return {
    label,
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(raw)?.[1] ?? NaN),
    p50: toMs(/\s50%\s+(\S+)/.exec(raw)?.[1]),
    p99: toMs(/\s99%\s+(\S+)/.exec(raw)?.[1]),
    non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(raw)?.[1] ?? 0),
    raw,
  };
}

type Opts = {
  gen: GenerateOptions;
  fresh: boolean;
  keep: boolean;
  verify: boolean;
  wrk: boolean;
  connections: number;
  probeConnections: number;
  duration: number;
  warmup: number;
};

async function benchOne(kind: Kind, opts: Opts): Promise<DbRun> {
  log(`\n=== ${kind} PostgreSQL ===`);
  const { rt, info, reused } = await prepare(kind, opts.gen, opts.fresh);
  const pool = rt.runtime.database.pool;
  const app = await buildApp({
    db: rt.runtime.database.db,
    config: rt.config,
    crypto: rt.runtime.crypto,
    logger: false,
    webDist: null,
  });
  try {
    const meta = await pgInfo(pool);
    log(`  ${meta.version}`);
    let verify: DbRun['verify'] = null;
    if (!reused || opts.verify) {
      const t = performance.now();
      const v = await verifyAuditChain(rt.runtime.database.db);
      verify = { ok: v.ok, checked: v.checked, ms: Math.round(performance.now() - t) };
      log(
        `  audit chain verify: ${v.ok ? 'OK' : `BROKEN at seq ${v.firstBrokenSeq}: ${v.reason}`} — ${v.checked.toLocaleString('en')} entries in ${(verify.ms / 1000).toFixed(1)} s`,
      );
      if (!v.ok) throw new Error('generated audit chain does not verify');
    }
    // Fixture hygiene for a reused database: the bench account must not have hit password expiry or a lockout.
    await pool.query(
      `update users set password_changed_at = now(), failed_attempts = 0, locked_until = null
        where lower(username) = $1 and (password_changed_at < now() - interval '60 days' or locked_until is not null or failed_attempts > 0)`,
      [BENCH_USERNAME],
    );

    app.get(NOOP_PATH, { config: { access: 'session' } }, async () => ({ ok: true }));
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const cookie = await login(base);

    const noopRes = await fetch(base + NOOP_PATH, { headers: { cookie } });
    await noopRes.arrayBuffer();
    // EXPLAIN first: the first list requests of a fresh server also issue the (briefly cached) count.
    const explain = await explainList(base, cookie, rt.runtime.databaseUrl);
    for (const e of explain) log(`  EXPLAIN ${e.label}: execution ${e.executionMs} ms`);
    const listRes = await fetch(base + LIST_BASE, { headers: { cookie } });
    const listBody = (await listRes.json().catch(() => null)) as {
      total?: number;
      totalCapped?: boolean;
      items?: unknown[];
      code?: string;
    } | null;
    const expected = await pool.query<{ n: string }>(
      `select count(*) as n from clocks where region_path like $1 and status = 'normal'`,
      [`${BENCH_SCOPE_PATH}%`],
    );
    const sanity = {
      noopStatus: noopRes.status,
      listStatus: listRes.status,
      listTotal: typeof listBody?.total === 'number' ? listBody.total : null,
      listTotalCapped: listBody?.totalCapped === true,
      expectedTotal: Number(expected.rows[0]?.n),
    };
    const capped = sanity.listTotalCapped;
    log(
      `  sanity: noop ${sanity.noopStatus}; list ${sanity.listStatus} total=${sanity.listTotal}${capped ? ' (capped)' : ''} items=${listBody?.items?.length ?? '-'}` +
        ` (rows matching in SQL: ${sanity.expectedTotal.toLocaleString('en')})`,
    );
    if (sanity.noopStatus !== 200) throw new Error(`noop route answered ${sanity.noopStatus}`);
    const listUnavailable =
      listRes.status === 200
        ? null
        : `GET /api/clocks answered ${listRes.status} ${listBody?.code ?? ''}`.trim();
    if (listUnavailable) log(`  ${listUnavailable} — list run skipped`);
    else if (
      sanity.listTotal !== null &&
      (capped ? sanity.listTotal > sanity.expectedTotal : sanity.listTotal !== sanity.expectedTotal)
    ) {
      log('  note: the list total does not match the rows in scope');
    }

    const loadavgBefore = os.loadavg().map((x) => Math.round(x * 100) / 100);
    const common = {
      baseUrl: base,
      headers: { cookie },
      connections: opts.connections,
      durationSec: opts.duration,
      warmupSec: opts.warmup,
      timeoutMs: 10_000,
    };
    log(
      `  load: ${opts.connections} connections, ${opts.warmup} s warm-up + ${opts.duration} s measured (loadavg ${loadavgBefore.join(' ')})`,
    );
    const noop = await runLoadProcess(
      { ...common, label: `GET ${NOOP_PATH}`, paths: [NOOP_PATH] },
      meta.postmasterPid,
    );
    log(
      `  noop: ${noop.rps.toFixed(0)} req/s, p50 ${noop.latencyMs.p50} ms, p99 ${noop.latencyMs.p99} ms, errors ${noop.errors}`,
    );
    let list: RouteRun | null = null;
    if (!listUnavailable) {
      list = await runLoadProcess(
        { ...common, label: 'GET /api/clocks (rotating filters)', paths: listPaths() },
        meta.postmasterPid,
      );
      log(
        `  list: ${list.rps.toFixed(0)} req/s, p50 ${list.latencyMs.p50} ms, p99 ${list.latencyMs.p99} ms, errors ${list.errors}`,
      );
      if (list.firstError) log(`  first list error: ${list.firstError}`);
    }
    let noopProbe: RouteRun | null = null;
    let listProbe: RouteRun | null = null;
    if (opts.probeConnections > 0) {
      const probe = {
        ...common,
        connections: opts.probeConnections,
        durationSec: Math.min(10, opts.duration),
        warmupSec: 1,
      };
      noopProbe = await runLoadProcess(
        { ...probe, label: `GET ${NOOP_PATH} (${opts.probeConnections} conn)`, paths: [NOOP_PATH] },
        meta.postmasterPid,
      );
      log(
        `  noop, ${opts.probeConnections} connection(s): ${noopProbe.rps.toFixed(0)} req/s, p50 ${noopProbe.latencyMs.p50} ms, p99 ${noopProbe.latencyMs.p99} ms`,
      );
      if (!listUnavailable) {
        listProbe = await runLoadProcess(
          { ...probe, label: `list (${opts.probeConnections} conn)`, paths: listPaths() },
          meta.postmasterPid,
        );
        log(
          `  list, ${opts.probeConnections} connection(s): ${listProbe.rps.toFixed(0)} req/s, p50 ${listProbe.latencyMs.p50} ms, p99 ${listProbe.latencyMs.p99} ms`,
        );
      }
    }
    const wrk: WrkRun[] = [];
    if (opts.wrk) {
      if (!hasWrk()) log('  --wrk: wrk is not installed (apt-get install -y wrk); cross-check skipped');
      else {
        wrk.push(await runWrk('noop', base, [NOOP_PATH], cookie, opts.connections, opts.duration));
        if (!listUnavailable)
          wrk.push(await runWrk('list', base, listPaths(), cookie, opts.connections, opts.duration));
        for (const w of wrk)
          log(
            `  wrk ${w.label}: ${w.rps.toFixed(0)} req/s, p50 ${w.p50} ms, p99 ${w.p99} ms, non-2xx ${w.non2xx}`,
          );
      }
    }
    return {
      kind,
      postgres: meta.version,
      settings: meta.settings,
      dataset: info,
      reused,
      verify,
      sanity,
      noop,
      list,
      noopProbe,
      listProbe,
      listUnavailable,
      explain,
      wrk,
      loadavgBefore,
    };
  } finally {
    await app.close().catch(() => undefined);
    await rt.runtime.shutdown();
    if (kind === 'external' && !opts.keep) {
      await adminQuery(externalAdminUrl(), `drop database if exists ${EXTERNAL_DB} with (force)`).catch(
        (e: unknown) => log(`  could not drop ${EXTERNAL_DB}: ${String(e)}`),
      );
      log(`  dropped database ${EXTERNAL_DB} (use --keep to reuse it next time)`);
    }
  }
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

export function reportTable(r: DbRun): string {
  const lines: string[] = [];
  const d = r.dataset.counts;
  lines.push(`${r.kind}: ${r.postgres.split(' on ')[0]}`);
  lines.push(
    `dataset: ${d.clocks?.toLocaleString('en')} clocks (${d.clocksInBenchScope?.toLocaleString('en')} in the reviewer's scope ${BENCH_SCOPE_PATH}), ` +
      `${d.audit_log?.toLocaleString('en')} audit entries, ${d.organisations} organisations, ${d.users} users, ${d.regions} regions` +
      (r.reused ? ' [reused]' : ` [generated in ${((r.dataset.timings.total ?? 0) / 1000).toFixed(1)} s]`),
  );
  lines.push(
    `${pad('route', 40)}${lpad('req/s', 9)}${lpad('p50 ms', 9)}${lpad('p99 ms', 9)}${lpad('errors', 8)}   cpu ms/req (server / postgres / load gen)`,
  );
  const row = (label: string, x: RouteRun | null) => {
    if (!x) return `${pad(label, 40)}  (not run)`;
    const c = x.cpu;
    const f = (v: number | null) => (v === null ? '-' : v.toFixed(3));
    return `${pad(label, 40)}${lpad(x.rps.toFixed(0), 9)}${lpad(x.latencyMs.p50.toFixed(2), 9)}${lpad(x.latencyMs.p99.toFixed(2), 9)}${lpad(String(x.errors), 8)}   ${f(c.serverMsPerReq)} / ${f(c.postgresMsPerReq)} / ${f(c.loadgenMsPerReq)}`;
  };
  lines.push(row(`GET ${NOOP_PATH} (session)`, r.noop));
  lines.push(row('GET /api/clocks (rotating filters)', r.list));
  if (r.noopProbe)
    lines.push(row(`  noop, ${r.noopProbe.connections} connection (unsaturated)`, r.noopProbe));
  if (r.listProbe)
    lines.push(row(`  list, ${r.listProbe.connections} connection (unsaturated)`, r.listProbe));
  if (r.list && r.noop) {
    const ratio = r.list.rps / r.noop.rps;
    lines.push(
      `ratio list/no-op req/s: ${(ratio * 100).toFixed(1)} %   target ≥ ${TARGET_RATIO * 100} %: ${ratio >= TARGET_RATIO ? 'PASS' : 'FAIL'}`,
    );
    lines.push(
      `list p99: ${r.list.latencyMs.p99.toFixed(2)} ms   target ≤ ${TARGET_P99_MS} ms: ${r.list.latencyMs.p99 <= TARGET_P99_MS ? 'PASS' : 'FAIL'}`,
    );
    lines.push(
      `errors: noop ${r.noop.errors}, list ${r.list.errors}   target 0: ${r.noop.errors + r.list.errors === 0 ? 'PASS' : 'FAIL'}`,
    );
  } else if (r.listUnavailable) lines.push(`list: ${r.listUnavailable}`);
  for (const w of r.wrk)
    lines.push(
      `wrk cross-check ${w.label}: ${w.rps.toFixed(0)} req/s, p50 ${w.p50} ms, p99 ${w.p99} ms, non-2xx ${w.non2xx}`,
    );
  lines.push(
    'both routes are authenticated (access: session): each request pays the same session lookup (one SQL round trip).',
  );
  return lines.join('\n');
}

/**
 * Each database kind is measured by a fresh process running the server (this file with --child-result):
 * nothing the server keeps in module state (caches of counts or settings, a pool closed under a pending
 * request) carries over from one database's run into the other's.
 */
async function benchInChild(kind: Kind): Promise<DbRun> {
  const file = path.join(OUT_DIR, `run-${kind}-${process.pid}.json`);
  fs.rmSync(file, { force: true });
  const argv = process.argv
    .slice(2)
    .filter((a, i, all) => a !== '--db' && all[i - 1] !== '--db' && !a.startsWith('--db='));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(BENCH_DIR, 'src', 'run.ts'), ...argv, '--db', kind, '--child-result', file],
    {
      stdio: 'inherit',
    },
  );
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (!fs.existsSync(file)) throw new Error(`the ${kind} run failed (exit code ${code})`);
  const run = JSON.parse(fs.readFileSync(file, 'utf8')) as DbRun;
  fs.rmSync(file, { force: true });
  return run;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const dbArg = flag(args, 'db') ?? 'both';
  if (!['embedded', 'external', 'both'].includes(dbArg))
    throw new Error('--db must be embedded, external or both');
  const kinds: Kind[] = dbArg === 'both' ? ['embedded', 'external'] : [dbArg as Kind];
  const opts: Opts = {
    gen: generateOptionsFromArgs(args, log),
    fresh: boolFlag(args, 'fresh'),
    keep: boolFlag(args, 'keep'),
    verify: boolFlag(args, 'verify'),
    wrk: boolFlag(args, 'wrk'),
    connections: intFlag(args, 'connections', 50),
    probeConnections: intFlag(args, 'probe-connections', 1),
    duration: intFlag(args, 'duration', 20),
    warmup: intFlag(args, 'warmup', 5),
  };
  fs.mkdirSync(OUT_DIR, { recursive: true, mode: 0o755 });
  const childResult = flag(args, 'child-result');
  if (childResult) {
    // One database kind, in this process: the server under test runs here.
    fs.writeFileSync(childResult, JSON.stringify(await benchOne(kinds[0] as Kind, opts)));
    return;
  }
  const m = machine();
  log(`Fazhi list benchmark — ${new Date().toISOString()}`);
  log(`machine: ${m.cpu}, ${m.memoryGiB} GiB, ${m.os}, node ${m.node}`);
  log(
    `dataset: ${opts.gen.clocks.toLocaleString('en')} clocks, ${opts.gen.regions} townships, ${opts.gen.orgs} organisations, ${opts.gen.users} users, seed ${opts.gen.seed}`,
  );
  const runs: DbRun[] = [];
  for (const kind of kinds) runs.push(await benchInChild(kind));
  log('\n================ results ================');
  log(`machine: ${m.cpu}, ${m.memoryGiB} GiB RAM, node ${m.node}`);
  log(
    `load: ${opts.connections} connections, closed loop, keep-alive, ${opts.warmup} s warm-up + ${opts.duration} s measured, separate process`,
  );
  log(
    `loadavg of the machine before each database's runs: ${runs.map((r) => `${r.kind} ${r.loadavgBefore.join(' ')}`).join('; ')}`,
  );
  for (const r of runs) log(`\n${reportTable(r)}`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(OUT_DIR, `results-${stamp}.json`);
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        machine: m,
        options: { ...opts, gen: { ...opts.gen, log: undefined } },
        argv: process.argv.slice(2),
        runs,
      },
      null,
      2,
    ),
  );
  log(`\nfull results (plans, settings, timings): ${path.relative(process.cwd(), file)}`);
  const failed = runs.some((r) => (r.noop?.errors ?? 0) + (r.list?.errors ?? 0) > 0);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
