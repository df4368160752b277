import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestEnv, type TestEnv } from '../harness';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({ loginRateMax: 3 });
});
afterAll(() => env.close());

describe('login rate limit', () => {
  it('answers 429 RATE_LIMITED with a Chinese message once an address exceeds the limit', async () => {
    const c = new Client(env.baseUrl);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await c.post('/api/auth/login', { username: 'nobody', password: 'x' })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const last = await c.post<{ code: string; message: string }>('/api/auth/login', {
      username: 'nobody',
      password: 'x',
    });
    expect(last.body.code).toBe('RATE_LIMITED');
    expect(last.body.message).toContain('请求过于频繁');
  });
});
