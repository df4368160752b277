import { PERMISSIONS, roleNames, type Permission, type Role } from '@fazhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestEnv, type TestEnv } from '../harness';
import { buildWorld, PLACES, shouldSeeTarget, type World } from './fixtures';
import { moduleFixtures } from './modules';

/**
 * Walks every route of the OpenAPI document for every role at four places (same region, parent region,
 * child region, sibling region). Fails when a route has no declared policy, lets a role without the
 * permission in, or shows/changes a record outside the caller's jurisdiction — and when a new route
 * has no fixture here, so each new route must be added to this matrix.
 */

let env: TestEnv;
let world: World;

type Route = { method: string; url: string; access: string };

/** How to fill each path parameter with the target record of region A. */
function fillPath(url: string, w: World): string | null {
  const t = w.target;
  const table: [RegExp, Record<string, string>][] = [
    [/^\/api\/orgs\/:id$/, { id: t.orgId }],
    [/^\/api\/users\/:id/, { id: t.userId }],
    [/^\/api\/regions\/:code$/, { code: w.regions.A1.code }],
    [
      /^\/api\/clocks\/:id\/pauses\/:pauseId/,
      { id: t.clockId, pauseId: '00000000-0000-4000-8000-000000000001' },
    ],
    [/^\/api\/clocks\/:id/, { id: t.clockId }],
    [/^\/api\/calendar\/years\/:year/, { year: '2027' }],
    [/^\/api\/notifications\/:id/, { id: t.notificationId }],
    [/^\/api\/import\/jobs\/:jobId/, { jobId: t.importJobId }],
    [/^\/api\/import\/:kind/, { kind: 'orgs' }],
    ...moduleFixtures.flatMap((f) => f.paths(w.extra, w)),
  ];
  if (!url.includes(':')) return url;
  const hit = table.find(([re]) => re.test(url));
  if (!hit) return null;
  return url.replace(/:(\w+)/g, (_m, name: string) => hit[1][name] ?? `:${name}`);
}

/** A body that would succeed for an in-scope caller, so that an out-of-scope refusal is the policy's doing. */
function sampleBody(method: string, url: string, w: World): unknown {
  const key = `${method} ${url}`;
  const n = Math.floor(Math.random() * 1e6);
  const samples: Record<string, unknown> = {
    'POST /api/auth/login': { username: 'x', password: 'y' },
    'POST /api/auth/logout': {},
    'POST /api/auth/change-password': { currentPassword: 'a', newPassword: 'b' },
    'PUT /api/security/settings': {
      passwordMinLength: 8,
      passwordMinClasses: 3,
      passwordMaxAgeDays: 90,
      lockoutThreshold: 5,
      lockoutMinutes: 15,
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
    },
    'POST /api/audit/verify': {},
    'POST /api/regions': {
      code: `${w.regions.A1.code}${String(100 + (n % 800))}`,
      name: '矩阵镇',
      level: 'township',
      parentCode: w.regions.A1.code,
    },
    'PATCH /api/regions/:code': { name: '改名区', version: 1 },
    'POST /api/orgs': { name: `矩阵单位${n}`, type: 'department', regionCode: w.regions.A.code },
    'PATCH /api/orgs/:id': { shortName: '矩阵', version: 1 },
    'POST /api/users': {
      username: `mx${n}`,
      displayName: '矩阵',
      orgId: w.target.orgId,
      password: 'Matrix#2025pw',
    },
    'PATCH /api/users/:id': { position: '科员', version: 1 },
    'PUT /api/users/:id/roles': { roles: ['staff'], version: 1 },
    'POST /api/users/:id/unlock': {},
    'POST /api/users/:id/reset-password': { password: 'Reset#Pass2025' },
    'PUT /api/calendar/years/:year': { official: false, source: null, days: [], version: null },
    'POST /api/clocks': {
      orgId: w.target.orgId,
      title: '矩阵期限',
      startEvent: '收到申请',
      startDate: '2026-03-02',
      amount: 20,
      unit: 'working_days',
      legalBasis: '政府信息公开条例 第三十三条',
    },
    'POST /api/clocks/:id/pauses': {
      kind: 'suspend',
      from: '2026-03-05',
      to: '2026-03-06',
      reason: '中止',
      version: 1,
    },
    'POST /api/clocks/:id/pauses/:pauseId/end': { to: '2026-03-06', version: 1 },
    'POST /api/clocks/:id/extensions': {
      amount: 10,
      unit: 'working_days',
      approver: '负责人',
      reason: '情况复杂',
      approvedOn: '2026-03-20',
      version: 1,
    },
    'POST /api/clocks/:id/complete': { completedOn: '2026-03-20', version: 1 },
    'POST /api/notifications/:id/read': {},
    'POST /api/notifications/read-all': {},
    'POST /api/import/:kind': new FormData(),
  };
  for (const f of moduleFixtures) Object.assign(samples, f.samples(w.extra, w, n));
  if (!(key in samples)) throw new Error(`access matrix: no sample body for ${key} — add one`);
  return samples[key];
}

/** Routes whose records are not jurisdiction-scoped, with the reason. */
const UNSCOPED: Record<string, string> = {
  'GET /api/calendar/years/:year': 'the holiday calendar is national reference data',
  'GET /api/calendar/years/:year/export.xlsx': 'the holiday calendar is national reference data',
  'GET /api/import/:kind/template.xlsx': 'templates hold no records',
  'POST /api/notifications/:id/read': 'updates only the caller’s own notifications (checked below)',
  'POST /api/audit/verify': 'reports only whether the whole chain is intact',
  ...Object.assign({}, ...moduleFixtures.map((f) => f.unscoped ?? {})),
};

let routes: Route[] = [];

beforeAll(async () => {
  env = await startTestEnv();
  world = await buildWorld(env);
  for (const f of moduleFixtures) Object.assign(world.extra, await f.setup(env, world));
  const doc = (
    await new Client(env.baseUrl).get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json')
  ).body;
  const declared = env.app.declaredRoutes;
  for (const [path, methods] of Object.entries(doc.paths)) {
    const url = path.replace(/\{(\w+)\}/g, ':$1');
    for (const method of Object.keys(methods)) {
      const d = declared.find((r) => r.url === url && r.method === method.toUpperCase());
      routes.push({ method: method.toUpperCase(), url, access: d?.access ?? '' });
    }
  }
  routes = routes.filter((r) => !r.url.startsWith('/api/docs'));
}, 120_000);
afterAll(() => env.close());

const call = (c: Client, r: Route, path: string) =>
  r.method === 'GET' ? c.get(path) : c.request(r.method, path, sampleBody(r.method, r.url, world));

describe('access matrix', () => {
  it('every documented route declares a policy and has a fixture here', () => {
    expect(routes.length).toBeGreaterThan(20);
    for (const r of routes) {
      expect(r.access, `${r.method} ${r.url} has no access policy`).not.toBe('');
      expect(
        fillPath(r.url, world),
        `${r.method} ${r.url} has no path fixture in access-matrix.test.ts`,
      ).not.toBeNull();
      if (r.method !== 'GET') expect(() => sampleBody(r.method, r.url, world)).not.toThrow();
    }
  });

  it('anonymous callers get 401 on every non-public route', async () => {
    const anon = new Client(env.baseUrl);
    for (const r of routes.filter((x) => x.access !== 'public')) {
      const res = await call(anon, r, fillPath(r.url, world) as string);
      expect(res.status, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('a role without the route’s permission gets 403; a role with it is not refused', async () => {
    for (const r of routes.filter((x) => x.access !== 'public' && x.access !== 'session')) {
      const allowed: readonly Role[] = PERMISSIONS[r.access as Permission];
      for (const role of roleNames) {
        const res = await call(world.users.P[role].client, r, fillPath(r.url, world) as string);
        if (allowed.includes(role)) expect(res.status, `${role} ${r.method} ${r.url}`).not.toBe(403);
        else expect(res.status, `${role} ${r.method} ${r.url}`).toBe(403);
      }
    }
  }, 240_000);

  it('records of region A are invisible and unchangeable from the child region A1 and the sibling region B', async () => {
    const targetIds = [
      world.target.orgId,
      world.target.userId,
      world.target.clockId,
      ...Object.values(world.extra),
    ];
    for (const r of routes.filter((x) => x.access !== 'public' && x.access !== 'session')) {
      const allowed: readonly Role[] = PERMISSIONS[r.access as Permission];
      const key = `${r.method} ${r.url}`;
      for (const place of ['A1', 'B'] as const) {
        for (const role of allowed) {
          const c = world.users[place][role].client;
          const res = await call(c, r, fillPath(r.url, world) as string);
          const where = `${role}@${place} ${key} → ${res.status}`;
          if (r.url.includes(':') && !(key in UNSCOPED)) {
            expect([400, 403, 404, 409], where).toContain(res.status);
          } else if (r.method === 'GET' && res.status === 200) {
            const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
            for (const id of targetIds) expect(text.includes(id), `${where} leaks ${id}`).toBe(false);
          } else if (r.method !== 'GET' && key === 'POST /api/orgs') {
            expect(res.status, where).not.toBe(200); // creating inside region A from outside it
          } else if (r.method !== 'GET' && key === 'POST /api/users') {
            expect(res.status, where).not.toBe(200);
          } else if (r.method !== 'GET' && key === 'POST /api/clocks') {
            expect(res.status, where).not.toBe(200);
          }
        }
      }
    }
  }, 240_000);

  it('records of region A are visible from A and, for region-tree roles, from the parent region P', async () => {
    const reads = routes.filter(
      (r) =>
        r.method === 'GET' &&
        r.url.endsWith('/:id') &&
        r.access !== 'session' &&
        r.access !== 'public' &&
        !(`GET ${r.url}` in UNSCOPED), // shared reference data (e.g. an indicator system) is not region-scoped
    );
    expect(reads.length).toBeGreaterThan(0);
    for (const r of reads) {
      const allowed: readonly Role[] = PERMISSIONS[r.access as Permission];
      for (const place of PLACES) {
        for (const role of allowed) {
          const res = await world.users[place][role].client.get(fillPath(r.url, world) as string);
          const expected = r.url.startsWith('/api/notifications')
            ? 404
            : shouldSeeTarget(role, place)
              ? 200
              : 404;
          expect(res.status, `${role}@${place} GET ${r.url}`).toBe(expected);
        }
      }
    }
  }, 240_000);

  it('system-wide settings are changed only from the top of the tree', async () => {
    for (const key of ['PUT /api/security/settings', 'PUT /api/calendar/years/:year']) {
      const r = routes.find((x) => `${x.method} ${x.url}` === key);
      if (!r) continue;
      const allowed: readonly Role[] = PERMISSIONS[r.access as Permission];
      for (const role of allowed) {
        for (const place of ['A', 'A1', 'B'] as const) {
          const res = await call(world.users[place][role].client, r, fillPath(r.url, world) as string);
          expect(res.status, `${role}@${place} ${key}`).toBe(403);
        }
        const top = await call(world.users.P[role].client, r, fillPath(r.url, world) as string);
        expect(top.status, `${role}@P ${key}`).toBe(200);
      }
    }
  });

  it('a notification can only be read by its owner', async () => {
    const other = world.users.A.staff.client;
    await other.post(`/api/notifications/${world.target.notificationId}/read`);
    const { rows } = await env.database.pool.query(`select read_at from notifications where id = $1`, [
      world.target.notificationId,
    ]);
    expect(rows[0].read_at).toBeNull();
  });
});
