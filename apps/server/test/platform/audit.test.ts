import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/audit-verify';
import {
  appendAudit,
  auditStandalone,
  deferAudit,
  flushDeferredAudit,
} from '../../src/platform/audit/audit.service';
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

let env: TestEnv;
let bureau: TestOrg;
let auditor: Client;
let admin: Client;

beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  bureau = await makeOrg(env, prov, { type: 'justice_bureau' });
  auditor = await login(env, (await makeUser(env, bureau, ['auditadmin'])).username);
  admin = await login(env, (await makeUser(env, bureau, ['sysadmin'])).username);
  for (let i = 0; i < 5; i++)
    await admin.post('/api/orgs', { name: `审计测试单位${i}`, type: 'department', regionCode: prov.code });
});
afterAll(() => env.close());

describe('audit trail', () => {
  it('chains every entry and verifies', async () => {
    const res = await auditor.post<{ ok: boolean; checked: number }>('/api/audit/verify');
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
    expect(res.body.checked).toBeGreaterThanOrEqual(7);
  });

  it('a long transaction with deferred audit does not block other audited writes, and the chain holds', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    const long = env.database.db.transaction(async (tx) => {
      deferAudit(tx);
      await appendAudit(tx, env.ctx, { action: 'test.long', entityType: 'test', entityId: 'long-1' });
      await held;
      await appendAudit(tx, env.ctx, { action: 'test.long', entityType: 'test', entityId: 'long-2' });
      await flushDeferredAudit(tx);
    });
    // While the long transaction is open, another audited write completes at once.
    const t0 = Date.now();
    await auditStandalone(env.ctx, { action: 'test.short', entityType: 'test', entityId: 'short' });
    expect(Date.now() - t0).toBeLessThan(2000);
    release();
    await long;
    const { rows } = await env.database.pool.query(
      `select entity_id from audit_log where action like 'test.%' order by seq`,
    );
    expect(rows.map((r) => r.entity_id)).toEqual(['short', 'long-1', 'long-2']);
    expect((await verifyAuditChain(env.database.db)).ok).toBe(true);
  });

  it('the application cannot update or delete audit rows', async () => {
    await expect(
      env.database.pool.query(
        `update audit_log set action = 'x' where seq = (select min(seq) from audit_log)`,
      ),
    ).rejects.toThrow(/append-only/);
    await expect(env.database.pool.query(`delete from audit_log`)).rejects.toThrow(/append-only/);
    await expect(env.database.pool.query(`truncate audit_log`)).rejects.toThrow(/append-only/);
  });

  it('finds the first tampered entry (a superuser bypassing the trigger)', async () => {
    const client = await env.database.pool.connect();
    try {
      const { rows } = await client.query(
        `select seq from audit_log where action = 'org.create' order by seq limit 1 offset 2`,
      );
      const target = rows[0].seq;
      await client.query(`set session_replication_role = replica`);
      await client.query(`update audit_log set actor_name = '篡改者' where seq = $1`, [target]);
      await client.query(`set session_replication_role = origin`);
      const result = await verifyAuditChain(env.database.db);
      expect(result.ok).toBe(false);
      expect(result.firstBrokenSeq).toBe(target);
      const viaApi = await auditor.post<{ ok: boolean; firstBrokenSeq: number }>('/api/audit/verify');
      expect(viaApi.body.firstBrokenSeq).toBe(target);
    } finally {
      client.release();
    }
  });

  it('audits permission denials', async () => {
    await admin.get('/api/audit');
    const { rows } = await env.database.pool.query(
      `select outcome from audit_log where action = 'access.denied' and entity_id = 'GET /api/audit'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0].outcome).toBe('denied');
  });

  it('searches and exports the trail for the audit administrator', async () => {
    const page = await auditor.get<{ items: { action: string; diff: unknown }[]; total: number }>(
      '/api/audit?action=org.create&pageSize=3',
    );
    expect(page.status).toBe(200);
    expect(page.body.total).toBeGreaterThanOrEqual(5);
    expect(page.body.items).toHaveLength(3);
    expect(page.body.items.every((i) => i.action === 'org.create')).toBe(true);
    const xlsx = await auditor.get('/api/audit/export.xlsx?action=org.create');
    expect(xlsx.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw);
    expect(wb.worksheets[0]?.rowCount).toBeGreaterThanOrEqual(6);
  });
});
