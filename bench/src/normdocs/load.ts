/**
 * Closed-loop HTTP load for the normative-documents benchmark (the shared bench/src/load.ts reports p50/p90/p99;
 * the search target is a p95, so this one keeps every latency and reports exact percentiles). N virtual clients
 * each keep one request in flight on their own keep-alive connection; after a warm-up, every request that
 * starts and completes inside the window is counted. Run as a separate process by run.ts (config in
 * ND_LOAD_CONFIG, one JSON line on stdout), so it never shares the server's event loop.
 */
import http from 'node:http';
import { pathToFileURL } from 'node:url';

export type NdLoadConfig = {
  label: string;
  baseUrl: string;
  paths: string[];
  headers: Record<string, string>;
  connections: number;
  durationSec: number;
  warmupSec: number;
};

export type NdLoadResult = {
  label: string;
  connections: number;
  durationSec: number;
  requests: number;
  rps: number;
  latencyMs: { mean: number; p50: number; p90: number; p95: number; p99: number; max: number };
  errors: number;
  statusCounts: Record<string, number>;
  firstError: string | null;
  distinctPaths: number;
  bytesPerResponse: number;
};

const round = (v: number) => Math.round(v * 100) / 100;

export async function runNdLoad(cfg: NdLoadConfig): Promise<NdLoadResult> {
  const base = new URL(cfg.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: cfg.connections });
  const lat: number[] = [];
  const statusCounts: Record<string, number> = {};
  let errors = 0;
  let bytes = 0;
  let firstError: string | null = null;
  const t0 = performance.now();
  const measureFrom = t0 + cfg.warmupSec * 1000;
  const end = measureFrom + cfg.durationSec * 1000;
  const one = (path: string) =>
    new Promise<{ status: number; bytes: number; error: string | null }>((resolve) => {
      const req = http.request(
        { host: base.hostname, port: base.port, path, method: 'GET', headers: cfg.headers, agent },
        (res) => {
          let n = 0;
          res.on('data', (c: Buffer) => (n += c.length));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes: n, error: null }));
        },
      );
      req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
      req.on('error', (e) => resolve({ status: 0, bytes: 0, error: e.message }));
      req.end();
    });
  const client = async (k: number) => {
    let i = k;
    for (;;) {
      const start = performance.now();
      if (start >= end) return;
      const path = cfg.paths[i++ % cfg.paths.length] as string;
      const r = await one(path);
      const stop = performance.now();
      if (start >= measureFrom && stop <= end) {
        lat.push(stop - start);
        statusCounts[r.status] = (statusCounts[r.status] ?? 0) + 1;
        bytes += r.bytes;
        if (r.error || r.status < 200 || r.status >= 300) {
          errors++;
          firstError ??= r.error ?? `${r.status} ${path}`;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: cfg.connections }, (_, k) => client(k)));
  agent.destroy();
  lat.sort((a, b) => a - b);
  const pct = (p: number) =>
    round(lat[Math.min(lat.length - 1, Math.ceil((p / 100) * lat.length) - 1)] ?? NaN);
  return {
    label: cfg.label,
    connections: cfg.connections,
    durationSec: cfg.durationSec,
    requests: lat.length,
    rps: round(lat.length / cfg.durationSec),
    latencyMs: {
      mean: round(lat.reduce((a, b) => a + b, 0) / Math.max(1, lat.length)),
      p50: pct(50),
      p90: pct(90),
      p95: pct(95),
      p99: pct(99),
      max: round(lat.at(-1) ?? NaN),
    },
    errors,
    statusCounts,
    firstError,
    distinctPaths: new Set(cfg.paths).size,
    bytesPerResponse: Math.round(bytes / Math.max(1, lat.length)),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const cfg = JSON.parse(process.env.ND_LOAD_CONFIG ?? '{}') as NdLoadConfig;
  runNdLoad(cfg)
    .then((r) => process.stdout.write(`${JSON.stringify(r)}\n`))
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
