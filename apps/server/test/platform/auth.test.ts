import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  login,
  makeOrg,
  makeRegion,
  makeUser,
  startTestEnv,
  TEST_PASSWORD,
  type TestEnv,
  type TestOrg,
} from '../harness';

let env: TestEnv;
let org: TestOrg;

beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  org = await makeOrg(env, prov, { type: 'justice_bureau' });
});
afterAll(() => env.close());

describe('login and session', () => {
  it('signs in, returns the caller with permissions and sets an httpOnly SameSite=Strict cookie', async () => {
    const u = await makeUser(env, org, ['reviewer']);
    const c = new Client(env.baseUrl);
    const res = await c.post<{ username: string; permissions: string[]; csrfToken: string }>(
      '/api/auth/login',
      { username: u.username, password: TEST_PASSWORD },
    );
    expect(res.status).toBe(200);
    expect(res.body.username).toBe(u.username);
    expect(res.body.permissions).toContain('clock.read');
    expect(res.body.permissions).not.toContain('audit.read');
    const cookie = res.headers.getSetCookie().join(';');
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await c.get<{ id: string }>('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(u.id);
  });

  it('rejects a wrong password with a Chinese message and locks after 5 failures', async () => {
    const u = await makeUser(env, org, ['staff']);
    const c = new Client(env.baseUrl);
    for (let i = 1; i <= 4; i++) {
      const r = await c.post<{ code: string; message: string }>('/api/auth/login', {
        username: u.username,
        password: 'wrong',
      });
      expect(r.status).toBe(401);
      expect(r.body.code).toBe('LOGIN_FAILED');
      expect(r.body.message).toContain(`再失败 ${5 - i} 次`);
    }
    const fifth = await c.post<{ code: string }>('/api/auth/login', {
      username: u.username,
      password: 'wrong',
    });
    expect(fifth.status).toBe(423);
    expect(fifth.body.code).toBe('ACCOUNT_LOCKED');
    const right = await c.post<{ code: string }>('/api/auth/login', {
      username: u.username,
      password: TEST_PASSWORD,
    });
    expect(right.status).toBe(423);
    const audit = await env.database.pool.query(
      `select action, outcome from audit_log where entity_id = $1 order by seq`,
      [u.id],
    );
    expect(audit.rows.filter((r) => r.action === 'auth.login' && r.outcome === 'failed')).toHaveLength(5);
    expect(audit.rows.some((r) => r.action === 'auth.lockout')).toBe(true);
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const r = await new Client(env.baseUrl).post<{ code: string }>('/api/auth/login', {
      username: 'nobody-here',
      password: 'x',
    });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('LOGIN_FAILED');
  });

  it('refuses a state-changing request without the CSRF header', async () => {
    const u = await makeUser(env, org, ['reviewer']);
    const c = await login(env, u.username);
    c.csrf = '';
    const r = await c.post<{ code: string }>('/api/auth/logout');
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('CSRF_INVALID');
  });

  it('forces a password change at first login and enforces the policy', async () => {
    const u = await makeUser(env, org, ['reviewer'], { mustChangePassword: true });
    const c = await login(env, u.username);
    const blocked = await c.get<{ code: string }>('/api/orgs');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await c.post<{ code: string }>('/api/auth/change-password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'abcdefgh',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('PASSWORD_POLICY');
    const ok = await c.post<{ mustChangePassword: boolean }>('/api/auth/change-password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'New#Pass2025',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.mustChangePassword).toBe(false);
    expect((await c.get('/api/orgs')).status).toBe(200);
    expect((await login(env, u.username, 'New#Pass2025')).cookie).not.toBe('');
  });

  it('ends the session on logout', async () => {
    const u = await makeUser(env, org, ['reviewer']);
    const c = await login(env, u.username);
    const cookie = c.cookie;
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    c.cookie = cookie;
    const after = await c.get<{ code: string }>('/api/auth/me');
    expect(after.status).toBe(401);
  });

  it('expires an idle session', async () => {
    const u = await makeUser(env, org, ['reviewer']);
    const c = await login(env, u.username);
    await env.database.pool.query(
      `update sessions set last_seen_at = now() - interval '31 minutes' where user_id = $1`,
      [u.id],
    );
    const r = await c.get<{ code: string }>('/api/auth/me');
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('SESSION_EXPIRED');
  });

  it('sends security headers and a request id', async () => {
    const r = await new Client(env.baseUrl).get('/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', db: 'ok' });
    expect(r.headers.get('x-frame-options')).toBeTruthy();
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(r.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
  });
});
