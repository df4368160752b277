import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  login,
  makeOrg,
  makeRegion,
  makeUser,
  startTestEnv,
  type Client,
  type TestEnv,
  type TestRegion,
} from '../harness';

let env: TestEnv;
let admin: Client;
let region: TestRegion;

beforeAll(async () => {
  env = await startTestEnv();
  region = await makeRegion(env, null);
  const org = await makeOrg(env, region, { type: 'justice_bureau' });
  admin = await login(env, (await makeUser(env, org, ['sysadmin'])).username);
});
afterAll(() => env.close());

type Err = { code: string; message: string; requestId: string };

describe('bad input gets a coded 4xx with a Chinese message, never a 500', () => {
  it('malformed JSON', async () => {
    const r = await admin.request<Err>('POST', '/api/orgs', '{"name": ', {
      'content-type': 'application/json',
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('MALFORMED_JSON');
    expect(r.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(r.body.requestId).toBeTruthy();
  });

  it('oversized body', async () => {
    const big = JSON.stringify({
      name: 'x'.repeat(2 * 1024 * 1024),
      type: 'department',
      regionCode: region.code,
    });
    const r = await admin.request<Err>('POST', '/api/orgs', big, { 'content-type': 'application/json' });
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('BODY_TOO_LARGE');
  });

  it('unsupported content type', async () => {
    const r = await admin.request<Err>('POST', '/api/orgs', 'name=x', { 'content-type': 'text/csv' });
    expect(r.status).toBe(415);
  });

  it('invalid dates and out-of-range values', async () => {
    const r = await admin.post<Err>('/api/regions', {
      code: `${region.code.slice(0, 2)}9900`,
      name: '日期错',
      level: 'prefecture',
      parentCode: region.code,
      validFrom: '2025-02-30',
    });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('日期');
    const q = await admin.get<Err>('/api/users?pageSize=100000');
    expect(q.status).toBe(400);
  });

  it('an invalid id in the path', async () => {
    const r = await admin.get<Err>('/api/orgs/not-a-uuid');
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION_FAILED');
  });

  it('an unknown API route', async () => {
    const r = await admin.get<Err>('/api/no-such-thing');
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('ROUTE_NOT_FOUND');
  });

  it('a failed write leaves nothing behind (no half-written record, no audit entry)', async () => {
    const before = await env.database.pool.query(
      `select (select count(*) from organisations) o, (select count(*) from audit_log) a`,
    );
    const r = await admin.post<Err>('/api/orgs', {
      name: '不存在的上级',
      type: 'department',
      regionCode: region.code,
      parentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(r.status).toBe(400);
    const after = await env.database.pool.query(
      `select (select count(*) from organisations) o, (select count(*) from audit_log) a`,
    );
    expect(after.rows[0]).toEqual(before.rows[0]);
  });
});
