import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCliRuntime, runCli } from '../../src/cli';
import { Client, startTestEnv, type TestEnv } from '../harness';
import { ORG_HEADERS, workbook } from '../import/import-helpers';
import { captureIo, runtimeFor, spawnNode } from './cli-helpers';

let env: TestEnv;
let dir: string;
const cli = (args: string[], io = captureIo()) =>
  runCli(args, io, runtimeFor(env.database, env.config, env.ctx.crypto, null));

beforeAll(async () => {
  env = await startTestEnv();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-cli-'));
});
afterAll(async () => {
  await env.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function signIn(username: string, password: string) {
  const c = new Client(env.baseUrl);
  const r = await c.post<{
    roles: string[];
    mustChangePassword: boolean;
    orgName: string;
    regionName: string;
    code?: string;
  }>('/api/auth/login', { username, password });
  return r;
}

describe('fazhi CLI', () => {
  it('create-admin bootstraps an empty database: root region, unit and a 系统管理员 who can sign in and must change the password', async () => {
    const io = captureIo();
    const code = await cli(
      [
        'create-admin',
        '--username',
        'root',
        '--password',
        'Root#Pass2025',
        '--org-name',
        '某省司法厅',
        '--region-code',
        '990000',
        '--region-name',
        '某省',
      ],
      io,
    );
    expect(code, io.text()).toBe(0);
    expect(io.text()).toContain('系统管理员');
    const r = await signIn('root', 'Root#Pass2025');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      roles: ['sysadmin'],
      mustChangePassword: true,
      orgName: '某省司法厅',
      regionName: '某省',
    });

    const audit = await env.database.pool.query<{ action: string; diff: { detail?: { source?: string } } }>(
      `select action, diff from audit_log where action in ('region.create', 'org.create', 'user.create') order by seq`,
    );
    expect(audit.rows.map((a) => a.action)).toEqual(['region.create', 'org.create', 'user.create']);
    expect(audit.rows.every((a) => a.diff.detail?.source === 'cli')).toBe(true);

    // A second administrator with another role lands in the same root unit without naming it.
    expect(
      await cli(['create-admin', '--username', 'sec', '--password', 'Sec#Pass20255', '--role', 'secadmin']),
    ).toBe(0);
    const sec = await signIn('sec', 'Sec#Pass20255');
    expect(sec.body).toMatchObject({ roles: ['secadmin'], orgName: '某省司法厅' });

    // The password may come from FAZHI_ADMIN_PASSWORD instead of the command line.
    process.env.FAZHI_ADMIN_PASSWORD = 'Aud#Pass20255';
    try {
      expect(await cli(['create-admin', '--username', 'aud', '--role', 'auditadmin'])).toBe(0);
    } finally {
      delete process.env.FAZHI_ADMIN_PASSWORD;
    }
    expect((await signIn('aud', 'Aud#Pass20255')).body).toMatchObject({ roles: ['auditadmin'] });
  });

  it('create-admin refuses a weak password, a taken username and an unknown role', async () => {
    const weak = captureIo();
    expect(await cli(['create-admin', '--username', 'weakling', '--password', 'abc'], weak)).toBe(1);
    expect(weak.text()).toContain('密码不符合安全策略');
    const taken = captureIo();
    expect(await cli(['create-admin', '--username', 'ROOT', '--password', 'Root#Pass2025'], taken)).toBe(1);
    expect(taken.text()).toContain('已存在');
    const role = captureIo();
    expect(
      await cli(
        ['create-admin', '--username', 'x1', '--password', 'Root#Pass2025', '--role', 'reviewer'],
        role,
      ),
    ).toBe(1);
    const missing = captureIo();
    expect(await cli(['create-admin', '--password', 'Root#Pass2025'], missing)).toBe(1);
    expect(missing.text()).toContain('--username');
  });

  it('imports a workbook as a user, and saves the errors file when rows are wrong', async () => {
    const good = path.join(dir, 'orgs.xlsx');
    fs.writeFileSync(
      good,
      await workbook('单位', ORG_HEADERS, [
        ['命令行导入单位', null, '政府部门', '990000', '某省司法厅', null, null, '是', null],
      ]),
    );
    const io = captureIo();
    expect(await cli(['import', 'orgs', good, '--as', 'root'], io), io.text()).toBe(0);
    expect(io.text()).toContain('已成功导入 1 条单位记录');
    const row = await env.database.pool.query(
      `select o.name from organisations o join organisations p on p.id = o.parent_id where o.name = '命令行导入单位' and p.name = '某省司法厅'`,
    );
    expect(row.rowCount).toBe(1);

    const bad = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(
      bad,
      await workbook('单位', ORG_HEADERS, [
        ['错误单位', null, '不存在的类型', '990000', null, null, null, null, null],
      ]),
    );
    const failed = captureIo();
    expect(await cli(['import', 'orgs', bad, '--as', 'root'], failed)).toBe(1);
    const saved = failed.stderr.find((l) => l.startsWith('Errors file'))?.split(': ')[1];
    expect(saved && fs.existsSync(saved)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(saved as string) as unknown as ArrayBuffer);
    expect(String((wb.worksheets[0] as ExcelJS.Worksheet).getCell('C2').note)).toContain('不是可选值');
    expect(failed.text()).toContain('第 2 行 单位类型');

    // Without the permission the import is refused like on the web.
    expect(
      await cli([
        'create-admin',
        '--username',
        'auditor',
        '--password',
        'Audit#Pass2025',
        '--role',
        'auditadmin',
      ]),
    ).toBe(0);
    const denied = captureIo();
    expect(await cli(['import', 'orgs', good, '--as', 'auditor'], denied)).toBe(1);
    expect(denied.text()).toContain('没有执行此操作的权限');
  });

  it('explains that the CLI cannot share DATA_DIR with a running server', async () => {
    const dataDir = path.join(dir, 'data');
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, 'fazhi.lock'), String(process.ppid)); // a live process that is not us
    const io = captureIo();
    const code = await runCli(['migrate'], io, () =>
      openCliRuntime({ ...env.config, databaseUrl: undefined, dataDir }),
    );
    expect(code).toBe(1);
    expect(io.text()).toContain('stop the server first');
  });

  it('runs as a real process: `npx fazhi` (bin/fazhi.mjs) prints help, usage errors exit 1', async () => {
    const help = await spawnNode(['apps/server/bin/fazhi.mjs', '--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('restore <file>');
    const bad = await spawnNode(['apps/server/bin/fazhi.mjs', 'audit', 'check'], {});
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('usage: fazhi audit verify');
  });
});
