import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { completeUscc, type Role } from '@fazhi/contracts';
import { buildApp } from '../src/app';
import { loadConfig, type Config } from '../src/platform/config';
import { createFieldCrypto } from '../src/platform/crypto/field-crypto';
import { openDatabase, type Database } from '../src/platform/db/pool';
import { systemCtx, type Ctx } from '../src/platform/context';
import { hashPassword } from '../src/platform/auth/password';
import { organisations, regions, userRoles, users } from '../src/platform/db/schema';

export const TEST_PASSWORD = 'Test@2025pw';
let cachedHash: Promise<string> | null = null;
const passwordHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));

export type TestEnv = {
  app: FastifyInstance;
  baseUrl: string;
  database: Database;
  dbUrl: string;
  config: Config;
  ctx: Ctx;
  close: () => Promise<void>;
};

/** A fresh database cloned from the migrated template, and the real server listening on a free port. */
export async function startTestEnv(overrides: Partial<Config> = {}): Promise<TestEnv> {
  const adminUrl = inject('adminUrl');
  const name = `fazhi_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('templateDb')}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  const database = openDatabase(dbUrl, 10);
  const config = {
    ...loadConfig({}),
    logLevel: 'silent' as const,
    loginRateMax: 1000,
    validateResponses: true, // every response is checked against its contract (platform/http/serializer.ts)
    ...overrides,
  };
  const crypto = createFieldCrypto(Buffer.alloc(32, 7));
  const app = await buildApp({ db: database.db, config, crypto, logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    baseUrl: address,
    database,
    dbUrl,
    config,
    ctx: systemCtx(database.db, config, crypto, 'test'),
    close: async () => {
      await app.close();
      await database.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await a.end();
    },
  };
}

let seq = 0;
const uniq = () => `${process.pid % 1000}${++seq}${randomBytes(2).toString('hex')}`;

export type TestRegion = { code: string; path: string; name: string };

let regionSeq = 0;
const LEVELS = ['province', 'prefecture', 'county', 'township'];

/** Inserts a region below `parent` (or a new root province) — each test builds its own jurisdictions. */
export async function makeRegion(env: TestEnv, parent: TestRegion | null): Promise<TestRegion> {
  const n = ++regionSeq;
  const depth = parent ? parent.path.split('/').length - 1 : 0;
  const two = String(10 + (n % 89)).padStart(2, '0');
  const code = !parent
    ? `${two}0000`
    : depth === 1
      ? `${parent.code.slice(0, 2)}${two}00`
      : depth === 2
        ? `${parent.code.slice(0, 4)}${two}`
        : `${parent.code}${String(100 + (n % 899))}`;
  const path = `${parent?.path ?? ''}${code}/`;
  const name = `测试区划${uniq()}`;
  await env.database.db
    .insert(regions)
    .values({ code, name, level: LEVELS[depth] ?? 'township', parentCode: parent?.code ?? null, path });
  return { code, path, name };
}

export type TestOrg = { id: string; name: string; regionCode: string; regionPath: string };

export async function makeOrg(
  env: TestEnv,
  region: TestRegion,
  opts: { type?: string; name?: string; parentId?: string } = {},
): Promise<TestOrg> {
  const name = opts.name ?? `测试单位${uniq()}`;
  const [row] = await env.database.db
    .insert(organisations)
    .values({
      name,
      type: opts.type ?? 'department',
      uscc: completeUscc(
        `11${region.code.slice(0, 6)}${randomBytes(4)
          .toString('hex')
          .toUpperCase()
          .replace(/[^0-9]/g, '7')
          .slice(0, 8)
          .padEnd(8, '1')}`,
      ),
      regionCode: region.code,
      regionPath: region.path,
      parentId: opts.parentId ?? null,
    })
    .returning();
  if (!row) throw new Error('makeOrg failed');
  return { id: row.id, name, regionCode: region.code, regionPath: region.path };
}

export type TestUser = { id: string; username: string; roles: Role[]; orgId: string };

export async function makeUser(
  env: TestEnv,
  org: TestOrg,
  roles: Role[],
  opts: { mustChangePassword?: boolean } = {},
): Promise<TestUser> {
  const username = `u${uniq()}`;
  const [row] = await env.database.db
    .insert(users)
    .values({
      username,
      displayName: `测试${username}`,
      orgId: org.id,
      passwordHash: await passwordHash(),
      mustChangePassword: opts.mustChangePassword ?? false,
    })
    .returning();
  if (!row) throw new Error('makeUser failed');
  if (roles.length)
    await env.database.db.insert(userRoles).values(roles.map((role) => ({ userId: row.id, role })));
  return { id: row.id, username, roles, orgId: org.id };
}

export type Res<T = unknown> = { status: number; body: T; headers: Headers; raw: ArrayBuffer };

/** A browser-like HTTP client: keeps the session cookie and sends the CSRF header on writes. */
export class Client {
  cookie = '';
  csrf = '';
  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Res<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    let payload: string | FormData | undefined;
    if (body instanceof FormData || typeof body === 'string') payload = body;
    else if (body !== undefined) {
      h['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(this.baseUrl + path, { method, headers: h, body: payload });
    const set = res.headers.getSetCookie();
    for (const c of set) {
      const [pair] = c.split(';');
      if (pair?.startsWith('fazhi_sid=')) this.cookie = pair.endsWith('=') ? '' : pair;
    }
    const raw = await res.arrayBuffer();
    const text = Buffer.from(raw).toString('utf8');
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, body: parsed as T, headers: res.headers, raw };
  }
  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  put<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body ?? {});
  }
  patch<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body ?? {});
  }
}

export async function login(env: TestEnv, username: string, password = TEST_PASSWORD): Promise<Client> {
  const c = new Client(env.baseUrl);
  const res = await c.post<{ csrfToken: string }>('/api/auth/login', { username, password });
  if (res.status !== 200)
    throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  c.csrf = res.body.csrfToken;
  return c;
}
