import type { Clock } from '@fazhi/contracts';
import ExcelJS from 'exceljs';
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
import { createClock } from './fixtures';

type Page = { items: Clock[]; total: number; totalCapped: boolean; page: number; pageSize: number };

let env: TestEnv;
let org: TestOrg;
let staff: Client;
let early: Clock;
let late: Clock;
let done: Clock;

beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  org = await makeOrg(env, await makeRegion(env, prov));
  staff = await login(env, (await makeUser(env, org, ['staff'])).username);
  early = await createClock(staff, { title: '甲案 行政复议', startDate: '2025-03-03', amount: 30 }); // due 2025-04-02
  const paused = await staff.post<Clock>(`/api/clocks/${early.id}/pauses`, {
    kind: 'correction',
    from: '2025-03-10',
    to: '2025-03-12',
    reason: '补正材料',
    version: 1,
  });
  early = (
    await staff.post<Clock>(`/api/clocks/${early.id}/extensions`, {
      amount: 10,
      unit: 'calendar_days',
      approver: '负责人',
      reason: '复杂',
      approvedOn: '2025-03-20',
      version: paused.body.version,
    })
  ).body;
  expect(early.dueDate).toBe('2025-04-17'); // 4/2 + 3 paused days = 4/5 (清明) → 4/7; + 10 days = 4/17
  late = await createClock(staff, {
    title: '乙案 信息公开',
    startDate: '2025-09-15',
    amount: 20,
    unit: 'working_days',
    legalBasis: '《政府信息公开条例》第三十三条',
  }); // due 2025-10-17
  const c = await createClock(staff, { title: '丙案 已办结', startDate: '2025-05-05' });
  done = (await staff.post<Clock>(`/api/clocks/${c.id}/complete`, { completedOn: '2025-06-01', version: 1 }))
    .body;
});
afterAll(() => env.close());

describe('clock list', () => {
  it('filters by status, text and due-date range, sorts, pages and counts', async () => {
    const all = await staff.get<Page>('/api/clocks');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 3, totalCapped: false, page: 1, pageSize: 20 });
    // Due 2025-04-17, 2025-07-04 (completed), 2025-10-17.
    expect(all.body.items.map((c) => c.id)).toEqual([early.id, done.id, late.id]);
    expect(all.body.items[0]?.pauses).toMatchObject([
      { kind: 'correction', from: '2025-03-10', to: '2025-03-12', reason: '补正材料' },
    ]);
    expect(all.body.items[0]?.extensions).toMatchObject([
      { amount: 10, unit: 'calendar_days', approver: '负责人', approvedOn: '2025-03-20' },
    ]);
    expect(all.body.items[2]?.pauses).toEqual([]);

    const overdue = await staff.get<Page>('/api/clocks?status=overdue');
    expect(overdue.body.items.map((c) => c.id)).toEqual([early.id, late.id]);
    const desc = await staff.get<Page>('/api/clocks?status=overdue&sort=-dueDate');
    expect(desc.body.items.map((c) => c.id)).toEqual([late.id, early.id]);
    // The page's pauses and extensions are read once per page; each record still gets exactly its own.
    expect(desc.body.items[0]).toMatchObject({ pauses: [], extensions: [] });
    expect(desc.body.items[1]?.pauses).toMatchObject([{ kind: 'correction', from: '2025-03-10' }]);
    expect(desc.body.items[1]?.extensions).toMatchObject([{ amount: 10, approvedOn: '2025-03-20' }]);
    const completed = await staff.get<Page>('/api/clocks?status=completed');
    expect(completed.body.items.map((c) => c.id)).toEqual([done.id]);

    expect(
      (await staff.get<Page>(`/api/clocks?q=${encodeURIComponent('信息公开')}`)).body.items.map((c) => c.id),
    ).toEqual([late.id]);
    expect(
      (await staff.get<Page>(`/api/clocks?q=${encodeURIComponent('第三十三条')}`)).body.items.map(
        (c) => c.id,
      ),
    ).toEqual([late.id]);
    expect(
      (await staff.get<Page>('/api/clocks?dueFrom=2025-10-01&dueTo=2025-10-31')).body.items.map((c) => c.id),
    ).toEqual([late.id]);
    expect((await staff.get<Page>(`/api/clocks?orgId=${org.id}&sort=startDate`)).body.items[0]?.id).toBe(
      early.id,
    );

    const p2 = await staff.get<Page>('/api/clocks?pageSize=2&page=2');
    expect(p2.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(p2.body.items).toHaveLength(1);

    const bad = await staff.get<{ code: string; message: string }>(
      '/api/clocks?status=late&dueFrom=2025-13-01',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('caps the count at 10000 on a large ledger and still pages', async () => {
    const big = await makeOrg(env, await makeRegion(env, null));
    const u = await login(env, (await makeUser(env, big, ['staff'])).username);
    await env.database.pool.query(
      `insert into clocks (org_id, region_path, title, subject_type, start_event, start_date, amount, unit, legal_basis, due_date, status)
       select $1, $2, '批量' || g, 'manual', '受理', date '2025-01-01', 60, 'calendar_days', '测试', date '2025-03-03' + (g % 300), 'overdue'
       from generate_series(1, 10050) g`,
      [big.id, big.regionPath],
    );
    const res = await u.get<Page>('/api/clocks?status=overdue&pageSize=20&page=3');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 10000, totalCapped: true, page: 3 });
    expect(res.body.items).toHaveLength(20);
    const dues = res.body.items.map((c) => c.dueDate);
    expect([...dues].sort()).toEqual(dues);
  });

  it('exports the filtered list to .xlsx', async () => {
    const res = await staff.get('/api/clocks/export.xlsx?status=overdue');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('期限台账'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).getCell(1).value).toBe('事项名称');
    const titles = [2, 3].map((r) => ws?.getRow(r).getCell(1).value);
    expect(titles).toEqual([early.title, late.title]);
    expect(ws?.getRow(4).getCell(1).value ?? null).toBeNull();
  });

  it('exports more rows than one batch in order', async () => {
    const big = await makeOrg(env, await makeRegion(env, null));
    const u = await login(env, (await makeUser(env, big, ['staff'])).username);
    await env.database.pool.query(
      `insert into clocks (org_id, region_path, title, subject_type, start_event, start_date, amount, unit, legal_basis, due_date, status)
       select $1, $2, '批量' || g, 'manual', '受理', date '2025-01-01', 60, 'calendar_days', '测试', date '2025-03-03' + (g % 7), 'overdue'
       from generate_series(1, 2500) g`,
      [big.id, big.regionPath],
    );
    const res = await u.get('/api/clocks/export.xlsx?sort=-createdAt');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw);
    expect(wb.worksheets[0]?.actualRowCount).toBe(2501);
    const res2 = await u.get('/api/clocks/export.xlsx');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(res2.raw);
    const ws = wb2.worksheets[0];
    expect(ws?.actualRowCount).toBe(2501);
    const dueCol = 8;
    const dues: string[] = [];
    ws?.eachRow((row, n) => {
      if (n > 1) dues.push(String(row.getCell(dueCol).value));
    });
    expect([...dues].sort()).toEqual(dues);
  });
});
