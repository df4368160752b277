import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli';
import { verifyAuditChain } from '../../src/platform/audit/audit-verify';
import { ident, readCatalog } from '../../src/platform/backup/catalog';
import type { Database } from '../../src/platform/db/pool';
import { importFile, USER_HEADERS, workbook } from '../import/import-helpers';
import { login, makeOrg, makeRegion, makeUser, startTestEnv, type TestEnv } from '../harness';
import { captureIo, emptyDatabase, runtimeFor, spawnNode } from './cli-helpers';

let env: TestEnv;
let dir: string;
const targets: Database[] = [];
const FP = 'fp-test-key';

beforeAll(async () => {
  env = await startTestEnv();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-backup-'));
  // Data across many tables: regions, units, accounts with encrypted fields, roles, sessions, settings,
  // import jobs with an encrypted error file (bytea), and the audit trail of all of it.
  const prov = await makeRegion(env, null);
  const bureau = await makeOrg(env, prov, { type: 'justice_bureau' });
  const admin = await login(env, (await makeUser(env, bureau, ['sysadmin'])).username);
  const sec = await login(env, (await makeUser(env, bureau, ['secadmin'])).username);
  const settings = await sec.get<Record<string, number>>('/api/security/settings');
  expect((await sec.put('/api/security/settings', { ...settings.body, lockoutMinutes: 20 })).status).toBe(
    200,
  );
  const ok = await importFile(
    admin,
    'users',
    await workbook('用户', USER_HEADERS, [
      [
        'bk.one',
        '备份甲',
        bureau.name,
        '11010519491231002X',
        '13800138000',
        'a@example.cn',
        '科员',
        'Init#Pass2025',
      ],
    ]),
  );
  expect(ok.status).toBe('succeeded');
  const bad = await importFile(
    admin,
    'users',
    await workbook('用户', USER_HEADERS, [
      ['bk.two', '备份乙', '无此单位', null, null, null, null, 'Init#Pass2025'],
    ]),
  );
  expect(bad.status).toBe('failed');
});
afterAll(async () => {
  for (const t of targets) await t.close();
  await env.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every table's rows as text, ordered by primary key. */
async function dump(database: Database): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const t of await readCatalog(database.pool)) {
    const order = t.primaryKey.map(ident).join(', ');
    const r = await database.pool.query<{ r: string }>(
      `select t::text as r from public.${ident(t.name)} t order by ${order}`,
    );
    out.set(
      t.name,
      r.rows.map((x) => x.r),
    );
  }
  return out;
}

describe('backup and restore', () => {
  it('restores a backup into an empty database with identical rows and a verifying audit chain', async () => {
    const file = path.join(dir, 'fazhi.backup.jsonl.gz');
    const io = captureIo();
    expect(await runCli(['backup', file], io, runtimeFor(env.database, env.config, env.ctx.crypto, FP))).toBe(
      0,
    );
    expect(io.text()).toContain('Backup written');
    expect(fs.statSync(file).mode & 0o077).toBe(0);

    const target = await emptyDatabase();
    targets.push(target.database);
    const rio = captureIo();
    expect(
      await runCli(['restore', file], rio, runtimeFor(target.database, env.config, env.ctx.crypto, FP)),
      rio.text(),
    ).toBe(0);

    const [source, restored] = await Promise.all([dump(env.database), dump(target.database)]);
    expect([...restored.keys()].sort()).toEqual([...source.keys()].sort());
    for (const [table, rows] of source) {
      if (table === 'audit_log') continue;
      expect(restored.get(table), table).toEqual(rows);
    }
    expect(source.get('users')?.length).toBeGreaterThan(2);
    expect(source.get('import_jobs')?.length).toBe(2);
    // The audit trail comes back entry for entry, followed by one entry recording the restore.
    const sourceAudit = source.get('audit_log') as string[];
    const restoredAudit = restored.get('audit_log') as string[];
    expect(restoredAudit.slice(0, sourceAudit.length)).toEqual(sourceAudit);
    expect(restoredAudit).toHaveLength(sourceAudit.length + 1);
    const last = await target.database.pool.query(
      `select action, actor_name from audit_log order by seq desc limit 1`,
    );
    expect(last.rows[0]).toEqual({ action: 'system.restore', actor_name: 'system' });
    const verified = await verifyAuditChain(target.database.db);
    expect(verified).toMatchObject({ ok: true, checked: sourceAudit.length + 1 });

    // Sequences continue after the restored rows.
    const seq = await target.database.pool.query<{ next: number; max: number }>(
      `select nextval(pg_get_serial_sequence('audit_log', 'seq'))::int as next, (select max(seq)::int from audit_log) as max`,
    );
    expect(seq.rows[0]?.next).toBeGreaterThan(seq.rows[0]?.max as number);

    // The real entry point on the restored copy: intact…
    const okRun = await spawnNode(['--import', 'tsx', 'apps/server/src/cli/index.ts', 'audit', 'verify'], {
      DATABASE_URL: target.url,
      DATA_DIR: dir,
    });
    expect(okRun.code, okRun.stderr).toBe(0);
    expect(okRun.stdout).toContain('Audit chain OK');
    // …and after someone bypasses the append-only trigger to edit an entry: exit code 2 and the seq.
    const victim = await target.database.pool.query<{ seq: number }>(
      'select seq::int from audit_log order by seq offset 2 limit 1',
    );
    const victimSeq = victim.rows[0]?.seq as number;
    await target.database.pool.query('alter table audit_log disable trigger audit_log_no_update');
    await target.database.pool.query(`update audit_log set action = 'tampered' where seq = $1`, [victimSeq]);
    await target.database.pool.query('alter table audit_log enable trigger audit_log_no_update');
    const broken = await spawnNode(['--import', 'tsx', 'apps/server/src/cli/index.ts', 'audit', 'verify'], {
      DATABASE_URL: target.url,
      DATA_DIR: dir,
    });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`seq ${victimSeq}`);
  });

  it('refuses a database that is not empty and changes nothing', async () => {
    const file = path.join(dir, 'again.backup.jsonl.gz');
    expect(
      await runCli(['backup', file], captureIo(), runtimeFor(env.database, env.config, env.ctx.crypto, FP)),
    ).toBe(0);
    const before = await dump(env.database);
    const io = captureIo();
    expect(
      await runCli(['restore', file], io, runtimeFor(env.database, env.config, env.ctx.crypto, FP)),
    ).toBe(1);
    expect(io.text()).toContain('not empty');
    expect(io.text()).toContain('users');
    expect(await dump(env.database)).toEqual(before);
    // Refuses to overwrite an existing backup file, too.
    const again = captureIo();
    expect(
      await runCli(['backup', file], again, runtimeFor(env.database, env.config, env.ctx.crypto, FP)),
    ).toBe(1);
    expect(again.text()).toContain('already exists');
  });

  it('refuses to restore with another encryption key unless told to', async () => {
    const file = path.join(dir, 'key.backup.jsonl.gz');
    expect(
      await runCli(['backup', file], captureIo(), runtimeFor(env.database, env.config, env.ctx.crypto, FP)),
    ).toBe(0);
    const target = await emptyDatabase();
    targets.push(target.database);
    const io = captureIo();
    expect(
      await runCli(
        ['restore', file],
        io,
        runtimeFor(target.database, env.config, env.ctx.crypto, 'another-key'),
      ),
    ).toBe(1);
    expect(io.text()).toContain('encryption key differs');
    const tables = await target.database.pool.query(
      `select count(*)::int as n from pg_tables where schemaname = 'public'`,
    );
    expect(tables.rows[0].n).toBe(0);
  });

  it('detects a truncated backup file and rolls back', async () => {
    const file = path.join(dir, 'full.backup.jsonl.gz');
    expect(
      await runCli(['backup', file], captureIo(), runtimeFor(env.database, env.config, env.ctx.crypto, FP)),
    ).toBe(0);
    const zlib = await import('node:zlib');
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    const cut = path.join(dir, 'cut.backup.jsonl.gz');
    fs.writeFileSync(cut, zlib.gzipSync(text.slice(0, Math.floor(text.length / 2)).join('\n')));
    const target = await emptyDatabase();
    targets.push(target.database);
    const io = captureIo();
    expect(
      await runCli(['restore', cut], io, runtimeFor(target.database, env.config, env.ctx.crypto, FP)),
    ).toBe(1);
    expect(io.text()).toMatch(/damaged|incomplete/);
    const users = await target.database.pool.query('select count(*)::int as n from users');
    expect(users.rows[0].n).toBe(0);
  });
});
