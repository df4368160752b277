/**
 * The normative-documents benchmark (issue 3): 100,000 documents with realistic Chinese titles and bodies.
 *
 *   npm run bench:normdocs -- [--docs 100000] [--connections 20] [--duration 15] [--warmup 3]
 *                             [--figure-runs 10] [--fresh] [--drop] [--seed 20261122]
 *
 * Opens the external PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres) and the
 * database fazhi_bench_normdocs (created and migrated like the server does; kept for reuse unless --drop),
 * generates the dataset unless an identical one is there (generate.ts), starts the real server (buildApp,
 * logger off, 127.0.0.1), signs in as a reviewer of 三门峡市司法局 and measures, with a separate load process:
 *   (a) staff search GET /api/normdocs/search, rotating 40 realistic queries × filters — target p95 ≤ 30 ms;
 *   (b) public catalogue GET /api/public/normdocs, rotating pages 1–50 and region/org/year filters — target p99 ≤ 25 ms;
 *   plus an authenticated no-op route at the same concurrency (the machine's ceiling) and both routes at
 *   --probe-connections (default 1: service latency below saturation);
 *   (c) figures GET /api/normdocs/figures?regionCode=411200 (三门峡市 with all counties), single requests — target ≤ 200 ms.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../../../apps/server/src/app';
import { boolFlag, intFlag, parseArgs } from '../lib/args';
import { adminQuery, BENCH_DIR, OUT_DIR, openBenchRuntime, withDatabase } from '../lib/databases';
import {
  generateNormdocs,
  ND_CITY,
  ND_PASSWORD,
  ND_USERNAME,
  readNdDatasetInfo,
  type NdDatasetInfo,
} from './generate';
import type { NdLoadConfig, NdLoadResult } from './load';
import { SEARCH_QUERIES } from './vocab';

const DB = 'fazhi_bench_normdocs';
const log = (m: string) => console.log(m);
const adminUrl = () => process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TARGETS = { searchP95: 30, catalogueP99: 25, figuresMs: 200 };

function shanghaiToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

async function runLoadProcess(cfg: NdLoadConfig): Promise<NdLoadResult> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(BENCH_DIR, 'src', 'normdocs', 'load.ts')],
    {
      env: { ...process.env, ND_LOAD_CONFIG: JSON.stringify(cfg) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const line = out.split('\n').find((l) => l.startsWith('{'));
  if (!line) throw new Error(`load process exited with ${code} and no result`);
  return JSON.parse(line) as NdLoadResult;
}

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: ND_USERNAME, password: ND_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('fazhi_sid='));
  return (cookie as string).split(';')[0] as string;
}

/** The SQL the server sends while serving one request, then EXPLAIN (ANALYZE, BUFFERS) of each (warm). */
async function explainRequest(base: string, cookie: string, urlPath: string, dbUrl: string, match: RegExp) {
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  const seen: { text: string; values: unknown[] }[] = [];
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
    await (await fetch(base + urlPath, { headers: { cookie } })).arrayBuffer();
  } finally {
    proto.query = original;
  }
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  const out: { sql: string; plan: string; executionMs: number | null }[] = [];
  try {
    for (const q of seen.filter((s) => match.test(s.text))) {
      const sql = `explain (analyze, buffers) ${q.text}`;
      await c.query(sql, q.values);
      const res = await c.query<{ 'QUERY PLAN': string }>(sql, q.values);
      const plan = res.rows.map((r) => r['QUERY PLAN']).join('\n');
      out.push({
        sql: q.text,
        plan,
        executionMs: Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN),
      });
    }
  } finally {
    await c.end();
  }
  return out;
}

function searchPaths(orgIds: string[]): string[] {
  const out: string[] = [];
  SEARCH_QUERIES.forEach((q, i) => {
    const e = encodeURIComponent(q);
    out.push(`/api/normdocs/search?q=${e}`);
    if (i % 2 === 0) out.push(`/api/normdocs/search?q=${e}&page=2`);
    if (i % 3 === 0) out.push(`/api/normdocs/search?q=${e}&status=in_force`);
    if (i % 4 === 0) out.push(`/api/normdocs/search?q=${e}&year=${2018 + (i % 8)}`);
    if (i % 5 === 0 && orgIds.length)
      out.push(`/api/normdocs/search?q=${e}&orgId=${orgIds[i % orgIds.length]}`);
  });
  return out;
}

function cataloguePaths(orgIds: string[]): string[] {
  const out: string[] = [];
  const regions = ['411200', '411202', '411203', '411282', '410700', '410400', '419001'];
  for (let i = 0; i < 200; i++) {
    const page = 1 + ((i * 7) % 50);
    if (i % 4 === 0) out.push(`/api/public/normdocs?page=${page}`);
    else if (i % 4 === 1)
      out.push(`/api/public/normdocs?regionCode=${regions[i % regions.length]}&page=${1 + (i % 10)}`);
    else if (i % 4 === 2 && orgIds.length)
      out.push(`/api/public/normdocs?orgId=${orgIds[i % orgIds.length]}&page=${1 + (i % 3)}`);
    else out.push(`/api/public/normdocs?year=${2015 + (i % 12)}&page=${1 + (i % 20)}`);
  }
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const docs = intFlag(args, 'docs', 100_000);
  const seed = intFlag(args, 'seed', 20261122);
  const connections = intFlag(args, 'connections', 20);
  const duration = intFlag(args, 'duration', 15);
  const warmup = intFlag(args, 'warmup', 3);
  const figureRuns = intFlag(args, 'figure-runs', 10);
  const probeConnections = intFlag(args, 'probe-connections', 1);
  const fresh = boolFlag(args, 'fresh');
  const today = shanghaiToday();
  const dbUrl = withDatabase(adminUrl(), DB);

  const exists = await adminQuery(adminUrl(), 'select 1 from pg_database where datname = $1', [DB]);
  if (!exists.length || fresh) {
    await adminQuery(adminUrl(), `drop database if exists ${DB} with (force)`);
    await adminQuery(adminUrl(), `create database ${DB}`);
  }
  let rt = await openBenchRuntime({ dataDir: path.join(OUT_DIR, 'normdocs-external'), databaseUrl: dbUrl });
  let info: NdDatasetInfo | null;
  {
    const c = await rt.runtime.database.pool.connect();
    try {
      info = await readNdDatasetInfo(c);
      if (!info || info.params.docs !== docs || info.params.seed !== seed) {
        const used = await c.query<{ n: string }>('select count(*) as n from organisations');
        if (Number(used.rows[0]?.n) > 0) {
          c.release();
          await rt.runtime.shutdown();
          await adminQuery(adminUrl(), `drop database if exists ${DB} with (force)`);
          await adminQuery(adminUrl(), `create database ${DB}`);
          rt = await openBenchRuntime({
            dataDir: path.join(OUT_DIR, 'normdocs-external'),
            databaseUrl: dbUrl,
          });
          const c2 = await rt.runtime.database.pool.connect();
          try {
            log(`generating ${docs.toLocaleString('en')} documents …`);
            info = await generateNormdocs(c2, { docs, seed, today }, log);
          } finally {
            c2.release();
          }
        } else {
          log(`generating ${docs.toLocaleString('en')} documents …`);
          info = await generateNormdocs(c, { docs, seed, today }, log);
          c.release();
        }
      } else {
        log(`reusing the dataset generated ${info.generatedAt}`);
        c.release();
      }
    } catch (e) {
      c.release();
      throw e;
    }
  }
  const pool = rt.runtime.database.pool;
  const version = (await pool.query<{ v: string }>('select version() as v')).rows[0]?.v ?? '';
  const sizes = (
    await pool.query<{ t: string; n: string }>(
      `select pg_size_pretty(pg_total_relation_size('normdocs')) as t, (select count(*) from normdocs where status in ('published','in_force'))::text as n`,
    )
  ).rows[0];
  const app = await buildApp({
    db: rt.runtime.database.db,
    config: rt.config,
    crypto: rt.runtime.crypto,
    logger: false,
    webDist: null,
  });
  try {
    // A bench-only authenticated no-op: the ceiling of this machine for any session route (same session lookup).
    app.get('/api/bench/noop', { config: { access: 'session' } }, async () => ({ ok: true }));
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const cookie = await login(base);
    const headers = { cookie };
    const cityOrgs = (
      await pool.query<{ id: string }>(
        `select o.id from organisations o where o.region_path like '410000/411200/%' and exists (select 1 from normdocs d where d.org_id = o.id) order by o.name limit 40`,
      )
    ).rows.map((r) => r.id);
    const allOrgs = (
      await pool.query<{ id: string }>(
        `select org_id as id from normdocs where status = 'in_force' group by org_id order by count(*) desc limit 60`,
      )
    ).rows.map((r) => r.id);

    // Sanity: every route answers 200 with content.
    const sanity: Record<string, unknown> = {};
    for (const [k, p] of [
      ['search', `/api/normdocs/search?q=${encodeURIComponent('营商环境')}`],
      ['searchFragment', `/api/normdocs/search?q=${encodeURIComponent('峡市人')}`],
      ['catalogue', '/api/public/normdocs'],
      ['figures', `/api/normdocs/figures?regionCode=${ND_CITY}&from=2025-01-01&to=2025-12-31`],
    ] as const) {
      const res = await fetch(base + p, { headers });
      const body = (await res.json()) as {
        total?: number;
        figures?: { code: string; numerator: number; denominator: number | null }[];
      };
      sanity[k] = { status: res.status, total: body.total ?? null, figures: body.figures?.slice(0, 8) };
      if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
    }
    log(`sanity: ${JSON.stringify(sanity)}`);

    const explain = {
      searchCommon: await explainRequest(
        base,
        cookie,
        `/api/normdocs/search?q=${encodeURIComponent('营商环境')}`,
        dbUrl,
        /from normdocs where/,
      ),
      searchFragment: await explainRequest(
        base,
        cookie,
        `/api/normdocs/search?q=${encodeURIComponent('峡市人')}`,
        dbUrl,
        /from normdocs where/,
      ),
      cataloguePage1: await explainRequest(base, cookie, '/api/public/normdocs?page=1', dbUrl, /union all/),
      cataloguePage50: await explainRequest(base, cookie, '/api/public/normdocs?page=50', dbUrl, /union all/),
    };
    for (const [k, v] of Object.entries(explain))
      log(`explain ${k}: ${v.map((e) => `${e.executionMs} ms`).join(', ')}`);

    const load = async (label: string, paths: string[], h: Record<string, string>, conns = connections) => {
      const before = os.loadavg();
      const r = await runLoadProcess({
        label,
        baseUrl: base,
        paths,
        headers: h,
        connections: conns,
        durationSec: duration,
        warmupSec: warmup,
      });
      log(
        `${label}: ${r.requests} req, ${r.rps} req/s, p50 ${r.latencyMs.p50} p95 ${r.latencyMs.p95} p99 ${r.latencyMs.p99} max ${r.latencyMs.max} ms, errors ${r.errors} (loadavg before ${before.map((x) => x.toFixed(2)).join(' ')})`,
      );
      return { ...r, loadavgBefore: before };
    };
    const search = await load('search', searchPaths(cityOrgs), headers);
    const catalogue = await load('catalogue', cataloguePaths(allOrgs), {});
    const noop = await load('noop', ['/api/bench/noop'], headers);
    const searchProbe = probeConnections
      ? await load(`search ×${probeConnections}`, searchPaths(cityOrgs), headers, probeConnections)
      : null;
    const catalogueProbe = probeConnections
      ? await load(`catalogue ×${probeConnections}`, cataloguePaths(allOrgs), {}, probeConnections)
      : null;

    const figures = async (q: string) => {
      const ms: number[] = [];
      for (let i = 0; i < figureRuns + 2; i++) {
        const t = performance.now();
        const res = await fetch(`${base}/api/normdocs/figures?${q}`, { headers });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`figures ${q}: ${res.status}`);
        if (i >= 2) ms.push(Math.round((performance.now() - t) * 10) / 10);
      }
      const sorted = [...ms].sort((a, b) => a - b);
      return { query: q, runsMs: ms, medianMs: sorted[Math.floor(sorted.length / 2)], maxMs: sorted.at(-1) };
    };
    const figuresYear = await figures(`regionCode=${ND_CITY}&from=2025-01-01&to=2025-12-31`);
    const figuresAll = await figures(`regionCode=${ND_CITY}&from=2014-01-01&to=${today}`);
    log(
      `figures 三门峡市 2025: median ${figuresYear.medianMs} ms, max ${figuresYear.maxMs} ms — runs ${figuresYear.runsMs.join(', ')}`,
    );
    log(
      `figures 三门峡市 2014–today: median ${figuresAll.medianMs} ms, max ${figuresAll.maxMs} ms — runs ${figuresAll.runsMs.join(', ')}`,
    );

    const result = {
      date: new Date().toISOString(),
      machine: {
        cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? ''}`,
        memGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
      },
      postgres: version,
      dataset: info,
      catalogueInForce: Number(sizes?.n),
      normdocsTableSize: sizes?.t,
      sanity,
      search,
      catalogue,
      noop,
      searchProbe,
      catalogueProbe,
      figuresYear,
      figuresAll,
      targets: TARGETS,
      pass: {
        searchP95: search.errors === 0 && search.latencyMs.p95 <= TARGETS.searchP95,
        catalogueP99: catalogue.errors === 0 && catalogue.latencyMs.p99 <= TARGETS.catalogueP99,
        figures: (figuresYear.maxMs ?? Infinity) <= TARGETS.figuresMs,
      },
      explain,
    };
    fs.mkdirSync(OUT_DIR, { recursive: true });
    const file = path.join(OUT_DIR, `normdocs-results-${result.date.replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(file, JSON.stringify(result, null, 2));
    log(`\nresult: ${JSON.stringify(result.pass)} — written to ${path.relative(process.cwd(), file)}`);
  } finally {
    await app.close();
    await rt.runtime.shutdown();
    if (boolFlag(args, 'drop')) await adminQuery(adminUrl(), `drop database if exists ${DB} with (force)`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
