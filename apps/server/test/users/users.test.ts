import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '@fazhi/contracts';
import {
  Client,
  login,
  makeOrg,
  makeRegion,
  makeUser,
  startTestEnv,
  type TestEnv,
  type TestOrg,
  type TestRegion,
} from '../harness';

let env: TestEnv;
let city: TestRegion;
let bureau: TestOrg;
let dept: TestOrg;
let sys: Client;
let sec: Client;
let aud: Client;

const ID = '11010519491231002X';

beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  city = await makeRegion(env, prov);
  bureau = await makeOrg(env, city, { type: 'justice_bureau' });
  dept = await makeOrg(env, city);
  sys = await login(env, (await makeUser(env, bureau, ['sysadmin'])).username);
  sec = await login(env, (await makeUser(env, bureau, ['secadmin'])).username);
  aud = await login(env, (await makeUser(env, bureau, ['auditadmin'])).username);
});
afterAll(() => env.close());

async function createUser(extra: Record<string, unknown> = {}) {
  const username = `new${Math.random().toString(36).slice(2, 8)}`;
  const res = await sys.post<User>('/api/users', {
    username,
    displayName: '新用户',
    orgId: dept.id,
    password: 'Init#Pass2025',
    ...extra,
  });
  expect(res.status).toBe(200);
  return res.body;
}

describe('users, roles and separation of duties', () => {
  it('system administrator creates an account; the ID number is encrypted at rest and masked in answers', async () => {
    const u = await createUser({ idNumber: ID, mobile: '13812345678' });
    expect(u.idNumber).toBe('110***********002X');
    expect(u.mobile).toBe('138****5678');
    expect(u.mustChangePassword).toBe(true);
    expect(u.roles).toEqual([]);
    const raw = await env.database.pool.query(`select id_number_enc, mobile_enc from users where id = $1`, [
      u.id,
    ]);
    expect(raw.rows[0].id_number_enc).not.toContain('110105');
    expect(raw.rows[0].id_number_enc).toMatch(/^v1:/);
    const audit = await env.database.pool.query(
      `select diff::text as d from audit_log where entity_id = $1`,
      [u.id],
    );
    expect(audit.rows[0].d).not.toContain('110105');
  });

  it('rejects an ID number with a wrong check digit', async () => {
    const res = await sys.post<{ code: string; message: string }>('/api/users', {
      username: 'badid01',
      displayName: '错号',
      orgId: dept.id,
      password: 'Init#Pass2025',
      idNumber: '110105194912310021',
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('身份证');
  });

  it('only the security administrator assigns roles, and admin roles exclude everything else (三员分立)', async () => {
    const u = await createUser();
    const bySys = await sys.put<{ code: string }>(`/api/users/${u.id}/roles`, {
      roles: ['staff'],
      version: u.version,
    });
    expect(bySys.status).toBe(403);
    const mixed = await sec.put<{ code: string }>(`/api/users/${u.id}/roles`, {
      roles: ['sysadmin', 'staff'],
      version: u.version,
    });
    expect(mixed.status).toBe(409);
    expect(mixed.body.code).toBe('ROLE_SEPARATION');
    const twoAdmins = await sec.put<{ code: string }>(`/api/users/${u.id}/roles`, {
      roles: ['sysadmin', 'auditadmin'],
      version: u.version,
    });
    expect(twoAdmins.body.code).toBe('ROLE_SEPARATION');
    const reviewerInDept = await sec.put<{ code: string }>(`/api/users/${u.id}/roles`, {
      roles: ['reviewer'],
      version: u.version,
    });
    expect(reviewerInDept.status).toBe(400);
    const ok = await sec.put<User>(`/api/users/${u.id}/roles`, {
      roles: ['staff', 'head'],
      version: u.version,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.roles).toEqual(['head', 'staff']);
  });

  it('no administrator reads business data or another administrator’s functions', async () => {
    expect((await sys.get('/api/audit')).status).toBe(403);
    expect((await sec.get('/api/audit')).status).toBe(403);
    expect((await aud.get('/api/users')).status).toBe(403);
    expect((await aud.get('/api/audit')).status).toBe(200);
    for (const c of [sys, sec, aud]) expect((await c.get('/api/clocks')).status).toBe(403);
  });

  it('nobody grants roles to themselves', async () => {
    const me = await sec.get<{ id: string }>('/api/auth/me');
    const res = await sec.put<{ code: string }>(`/api/users/${me.body.id}/roles`, {
      roles: ['secadmin'],
      version: 1,
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SELF_ACTION');
  });

  it('security administrator unlocks a locked account and reads the full ID number (audited)', async () => {
    const u = await createUser({ idNumber: ID });
    await env.database.pool.query(
      `update users set locked_until = now() + interval '10 minutes' where id = $1`,
      [u.id],
    );
    const list = await sec.get<{ items: User[] }>(`/api/users?q=${u.username}`);
    const row = list.body.items.find((x) => x.id === u.id);
    expect(row?.locked).toBe(true);
    expect(row?.actions).toContain('unlock');
    const unlocked = await sec.post<User>(`/api/users/${u.id}/unlock`);
    expect(unlocked.body.locked).toBe(false);
    const full = await sec.get<{ idNumber: string }>(`/api/users/${u.id}/sensitive`);
    expect(full.body.idNumber).toBe(ID);
    expect((await sys.get(`/api/users/${u.id}/sensitive`)).status).toBe(403);
    const audit = await env.database.pool.query(
      `select 1 from audit_log where entity_id = $1 and action = 'user.sensitive.read'`,
      [u.id],
    );
    expect(audit.rowCount).toBe(1);
  });

  it('a reset password must be changed at next login', async () => {
    const u = await createUser();
    await sec.put(`/api/users/${u.id}/roles`, { roles: ['staff'], version: u.version });
    const reset = await sec.post<User>(`/api/users/${u.id}/reset-password`, { password: 'Reset#Pass2025' });
    expect(reset.status).toBe(200);
    const c = await login(env, u.username, 'Reset#Pass2025');
    expect((await c.get<{ code: string }>('/api/orgs')).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('disabling an account ends its sessions', async () => {
    const u = await createUser();
    await sec.put(`/api/users/${u.id}/roles`, { roles: ['staff'], version: u.version });
    const fresh = await sys.get<User>(`/api/users/${u.id}`);
    await env.database.pool.query(`update users set must_change_password = false where id = $1`, [u.id]);
    const c = await login(env, u.username, 'Init#Pass2025');
    expect((await c.get('/api/auth/me')).status).toBe(200);
    const dis = await sys.patch<User>(`/api/users/${u.id}`, { disabled: true, version: fresh.body.version });
    expect(dis.status).toBe(200);
    expect((await c.get('/api/auth/me')).status).toBe(401);
    const again = await new Client(env.baseUrl).post<{ code: string }>('/api/auth/login', {
      username: u.username,
      password: 'Init#Pass2025',
    });
    expect(again.body.code).toBe('ACCOUNT_DISABLED');
  });

  it('exports the user list with masked personal numbers', async () => {
    await createUser({ idNumber: ID });
    const res = await sys.get('/api/users/export.xlsx');
    expect(res.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw);
    const text = JSON.stringify(wb.worksheets[0]?.getSheetValues());
    expect(text).toContain('110***********002X');
    expect(text).not.toContain(ID);
  });
});
