import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/platform/db/embedded';

const serverMain = path.resolve(import.meta.dirname, '../../src/main.ts');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-start-'));
fs.chmodSync(dataDir, 0o755);
const children: ChildProcess[] = [];

function startServer(port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', serverMain], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), FAZHI_LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes('is running at')) {
        clearInterval(timer);
        resolve(out);
      }
    }, 100);
    child.on('exit', (code) => {
      clearInterval(timer);
      reject(Object.assign(new Error(`exited ${code}`), { output: out, code }));
    });
  });
  return { child, ready, output: () => out };
}

const exited = (c: ChildProcess) =>
  new Promise<number | null>((r) => (c.exitCode !== null ? r(c.exitCode) : c.on('exit', (code) => r(code))));

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await new Promise((r) => setTimeout(r, 500));
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      /* gone */
    }
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start on the embedded PostgreSQL', () => {
  it('starts, refuses a second process on the same DATA_DIR, survives SIGKILL and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const first = startServer(port);
    const banner = await first.ready;
    expect(banner).toContain('sysadmin');
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', db: 'ok' });

    const second = startServer(await freePort());
    const err = await second.ready.catch((e: { output: string; code: number }) => e);
    expect(typeof err).toBe('object');
    expect((err as { output: string }).output).toContain('正被另一个 Fazhi 进程');
    expect((err as { code: number }).code).toBe(1);

    // A change made before the crash must survive it.
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sysadmin', password: 'Fazhi@2025' }),
    });
    expect(login.status).toBe(200);
    first.child.kill('SIGKILL');
    await exited(first.child);

    const port3 = await freePort();
    const third = startServer(port3);
    const banner3 = await third.ready;
    expect(banner3).toContain('demo data present');
    const again = await fetch(`http://127.0.0.1:${port3}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sysadmin', password: 'Fazhi@2025' }),
    });
    expect(again.status).toBe(200);

    third.child.kill('SIGTERM');
    expect(await exited(third.child)).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'fazhi.lock'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 120_000);
});
