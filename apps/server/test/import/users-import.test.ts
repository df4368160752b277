import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  login,
  makeOrg,
  makeRegion,
  makeUser,
  startTestEnv,
  type Client,
  type TestEnv,
  type TestOrg,
} from '../harness';
import { importFile, redCells, USER_HEADERS, workbook } from './import-helpers';

let env: TestEnv;
let bureau: TestOrg;
let admin: Client;

beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  bureau = await makeOrg(env, prov, { type: 'justice_bureau' });
  const sysadmin = await makeUser(env, bureau, ['sysadmin']);
  admin = await login(env, sysadmin.username);
});
afterAll(() => env.close());

const uname = (p: string) => `${p}${Math.random().toString(36).slice(2, 8)}`;

describe('users import', () => {
  it('creates the accounts through the users service: passwords work, a change is forced at first login, personal data is encrypted', async () => {
    const u1 = uname('imp');
    const u2 = uname('imp');
    const job = await importFile(
      admin,
      'users',
      await workbook('用户', USER_HEADERS, [
        [
          u1,
          '张导入',
          bureau.name,
          '11010519491231002X',
          '13800138000',
          `${u1}@example.gov.cn`,
          '科员',
          'Init#Pass2025',
        ],
        [u2.toUpperCase(), '李导入', bureau.name, null, null, null, null, 'Other#Pass2025'],
      ]),
    );
    expect(job).toMatchObject({ kind: 'users', status: 'succeeded', total: 2, processed: 2, errorCount: 0 });

    const rows = await env.database.pool.query<{
      id: string;
      username: string;
      must_change_password: boolean;
      id_number_enc: string | null;
      org_id: string;
    }>(
      'select id, username, must_change_password, id_number_enc, org_id from users where lower(username) = any($1) order by username',
      [[u1, u2]],
    );
    expect(rows.rows).toHaveLength(2);
    for (const r of rows.rows) {
      expect(r.must_change_password).toBe(true);
      expect(r.org_id).toBe(bureau.id);
    }
    const first = rows.rows.find((r) => r.username === u1);
    expect(first?.id_number_enc).toMatch(/^v1:/);

    const c = await login(env, u1, 'Init#Pass2025');
    const me = await c.get<{ mustChangePassword: boolean; orgId: string }>('/api/auth/me');
    expect(me.body).toMatchObject({ mustChangePassword: true, orgId: bureau.id });
    expect((await c.get<{ code: string }>('/api/orgs')).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    await login(env, u2, 'Other#Pass2025');

    const audit = await env.database.pool.query(
      `select diff from audit_log where action = 'user.create' and entity_id = any($1)`,
      [rows.rows.map((r) => r.id)],
    );
    expect(audit.rowCount).toBe(2);
    expect(JSON.stringify(audit.rows)).not.toContain('Init#Pass2025');
    expect(JSON.stringify(audit.rows)).not.toContain('11010519491231002X');
  });

  it('checks ID numbers, the password policy, the unit and duplicate usernames; the errors file keeps no password', async () => {
    const dup = uname('dup');
    const job = await importFile(
      admin,
      'users',
      await workbook('用户', USER_HEADERS, [
        [dup, '甲', bureau.name, '110105194912310021', null, null, null, 'Init#Pass2025'], // row 2: ID check digit wrong
        [uname('ok'), '乙', '不存在的单位', null, null, null, null, 'Init#Pass2025'], // row 3: unknown unit
        [uname('ok'), '丙', bureau.name, null, '1234', null, null, 'weakpass'], // row 4: mobile and password
        [dup.toUpperCase(), '丁', bureau.name, null, null, null, null, 'Init#Pass2025'], // row 5: same username as row 2
      ]),
    );
    expect(job.status).toBe('failed');
    expect(job.errorCount).toBe(5);
    const { ws, marked } = await redCells((await admin.get(`/api/import/jobs/${job.id}/errors.xlsx`)).raw);
    const col = (h: string) => USER_HEADERS.indexOf(h) + 1;
    expect(marked.map((m) => [m.row, m.col]).sort()).toEqual(
      [
        [2, col('身份证号')],
        [3, col('所属单位')],
        [4, col('手机号')],
        [4, col('初始密码')],
        [5, col('用户名')],
      ].sort(),
    );
    expect(marked.find((m) => m.col === col('初始密码'))?.note).toContain('密码不符合安全策略');
    for (let r = 2; r <= 5; r++) expect(ws.getCell(r, col('初始密码')).value).toBeNull();
    const stored = await env.database.pool.query<{ error_file: Buffer }>(
      'select error_file from import_jobs where id = $1',
      [job.id],
    );
    expect(stored.rows[0]?.error_file.subarray(0, 3).toString()).toBe('v1:'); // encrypted at rest
    const users = await env.database.pool.query('select 1 from users where lower(username) = $1', [dup]);
    expect(users.rowCount).toBe(0);
  });
});
