/**
 * Closed-loop HTTP load generator (node:http, keep-alive). N virtual clients each keep exactly one
 * request in flight on their own connection: send, wait for the full response, send the next. After a
 * warm-up, every request that starts and completes inside the measurement window is counted and its
 * latency recorded in a histogram.
 *
 *   node --import tsx bench/src/load.ts --url http://127.0.0.1:3000/api/bench/noop [--url …] \
 *        [--cookie 'fazhi_sid=…'] [--connections 50] [--duration 20] [--warmup 5] [--json]
 *
 * Several --url values (or BENCH_LOAD_CONFIG.paths) are used round-robin; client k starts at path k.
 * run.ts starts this file as a separate process (config in the BENCH_LOAD_CONFIG environment variable,
 * result as one JSON line on stdout) so the load generator never shares an event loop with the server.
 */
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { intFlag, parseArgs } from './lib/args';
import { Histogram } from './lib/histogram';

export type LoadConfig = {
  label: string;
  /** http://host:port */
  baseUrl: string;
  paths: string[];
  headers: Record<string, string>;
  connections: number;
  durationSec: number;
  warmupSec: number;
  timeoutMs: number;
};

export type LoadResult = {
  label: string;
  connections: number;
  durationSec: number;
  requests: number;
  rps: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; p999: number; max: number };
  /** Responses with a status outside 2xx. */
  non2xx: number;
  /** Connection errors and timeouts. */
  socketErrors: number;
  errors: number;
  statusCounts: Record<string, number>;
  bytesPerResponse: number;
  firstError: string | null;
  distinctPaths: number;
  /** CPU used by the load generator itself during the measured window. */
  loadgenCpuMs: number;
};

type Outcome = { status: number; bytes: number; error: string | null; body: string | null };

export async function runLoad(
  cfg: LoadConfig,
  onPhase: (p: 'start' | 'end') => void = () => {},
): Promise<LoadResult> {
  if (!cfg.paths.length) throw new Error('load: no paths');
  const base = new URL(cfg.baseUrl);
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: cfg.connections,
    maxFreeSockets: cfg.connections,
    scheduling: 'fifo',
  });
  const headers = { connection: 'keep-alive', accept: 'application/json', ...cfg.headers };
  const hist = new Histogram();
  const statusCounts: Record<string, number> = {};
  let requests = 0;
  let non2xx = 0;
  let socketErrors = 0;
  let bytes = 0;
  let firstError: string | null = null;

  const once = (path: string) =>
    new Promise<Outcome>((resolve) => {
      const req = http.request(
        { agent, hostname: base.hostname, port: base.port, path, method: 'GET', headers },
        (res) => {
          let n = 0;
          const status = res.statusCode ?? 0;
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => {
            n += c.length;
            if ((status < 200 || status >= 300) && firstError === null && n < 2000) chunks.push(c);
          });
          res.on('end', () =>
            resolve({
              status,
              bytes: n,
              error: null,
              body: chunks.length ? Buffer.concat(chunks).toString('utf8') : null,
            }),
          );
          res.on('error', (e) => resolve({ status: 0, bytes: n, error: e.message, body: null }));
        },
      );
      req.setTimeout(cfg.timeoutMs, () => req.destroy(new Error(`timeout after ${cfg.timeoutMs} ms`)));
      req.on('error', (e) => resolve({ status: 0, bytes: 0, error: e.message, body: null }));
      req.end();
    });

  const t0 = performance.now();
  const warmEnd = t0 + cfg.warmupSec * 1000;
  const end = warmEnd + cfg.durationSec * 1000;
  let cpu0: NodeJS.CpuUsage | null = null;
  let cpu1: NodeJS.CpuUsage | null = null;
  const tStart = setTimeout(() => {
    cpu0 = process.cpuUsage();
    onPhase('start');
  }, warmEnd - performance.now());
  const tEnd = setTimeout(() => {
    cpu1 = process.cpuUsage();
    onPhase('end');
  }, end - performance.now());
  const worker = async (k: number) => {
    let i = k;
    for (;;) {
      const start = performance.now();
      if (start >= end) return;
      const path = cfg.paths[i++ % cfg.paths.length] as string;
      const out = await once(path);
      const done = performance.now();
      if (start < warmEnd || done > end) continue;
      requests++;
      bytes += out.bytes;
      hist.record((done - start) * 1000);
      const key = out.status ? String(out.status) : 'error';
      statusCounts[key] = (statusCounts[key] ?? 0) + 1;
      if (out.status === 0) socketErrors++;
      else if (out.status < 200 || out.status >= 300) non2xx++;
      if ((out.status === 0 || out.status >= 300) && firstError === null) {
        firstError = `${path} → ${out.status || out.error}${out.body ? `: ${out.body.slice(0, 300)}` : ''}`;
      }
    }
  };
  await Promise.all(Array.from({ length: cfg.connections }, (_, k) => worker(k)));
  // The last worker may see the deadline before the timer fires: close the window here then.
  clearTimeout(tStart);
  clearTimeout(tEnd);
  if (cpu0 === null) {
    cpu0 = process.cpuUsage();
    onPhase('start');
  }
  if (cpu1 === null) {
    cpu1 = process.cpuUsage();
    onPhase('end');
  }
  agent.destroy();
  const c0 = cpu0 as NodeJS.CpuUsage;
  const c1 = cpu1 as NodeJS.CpuUsage;
  const loadgenCpuMs = (c1.user - c0.user + c1.system - c0.system) / 1000;
  const ms = (us: number) => Math.round(us) / 1000;
  return {
    label: cfg.label,
    connections: cfg.connections,
    durationSec: cfg.durationSec,
    requests,
    rps: requests / cfg.durationSec,
    latencyMs: {
      mean: ms(hist.mean()),
      p50: ms(hist.percentile(50)),
      p90: ms(hist.percentile(90)),
      p99: ms(hist.percentile(99)),
      p999: ms(hist.percentile(99.9)),
      max: ms(hist.max),
    },
    non2xx,
    socketErrors,
    errors: non2xx + socketErrors,
    statusCounts,
    bytesPerResponse: requests ? Math.round(bytes / requests) : 0,
    firstError,
    distinctPaths: new Set(cfg.paths).size,
    loadgenCpuMs: Math.round(loadgenCpuMs),
  };
}

export function formatResult(r: LoadResult): string {
  return [
    `${r.label}: ${r.requests.toLocaleString('en')} requests in ${r.durationSec} s over ${r.connections} connections (${r.distinctPaths} distinct paths)`,
    `  req/s ${r.rps.toFixed(0)}   latency ms: mean ${r.latencyMs.mean}  p50 ${r.latencyMs.p50}  p90 ${r.latencyMs.p90}  p99 ${r.latencyMs.p99}  p99.9 ${r.latencyMs.p999}  max ${r.latencyMs.max}`,
    `  status ${JSON.stringify(r.statusCounts)}  errors ${r.errors} (non-2xx ${r.non2xx}, socket ${r.socketErrors})  ${r.bytesPerResponse} B/response`,
    ...(r.firstError ? [`  first error: ${r.firstError}`] : []),
  ].join('\n');
}

async function main() {
  let cfg: LoadConfig;
  const env = process.env.BENCH_LOAD_CONFIG;
  const argv = process.argv.slice(2);
  const json = argv.includes('--json');
  if (env) cfg = JSON.parse(env) as LoadConfig;
  else {
    const urls: string[] = [];
    const rest: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      if (argv[i] === '--url') urls.push(argv[++i] ?? '');
      else rest.push(argv[i] ?? '');
    }
    const args = parseArgs(rest);
    if (!urls.length) throw new Error('load: give at least one --url');
    const first = new URL(urls[0] as string);
    const cookie = args.get('cookie');
    cfg = {
      label: args.get('label') ?? first.pathname,
      baseUrl: first.origin,
      paths: urls.map((u) => {
        const x = new URL(u);
        return x.pathname + x.search;
      }),
      headers: cookie ? { cookie } : {},
      connections: intFlag(args, 'connections', 50),
      durationSec: intFlag(args, 'duration', 20),
      warmupSec: intFlag(args, 'warmup', 5),
      timeoutMs: intFlag(args, 'timeout', 10_000),
    };
  }
  const result = await runLoad(cfg, (p) => {
    if (env) process.stdout.write(`BENCH:${p}\n`);
  });
  if (json || env) process.stdout.write(`${JSON.stringify(result)}\n`);
  else console.log(formatResult(result));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
