import type { Clock } from '@fazhi/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, login, makeOrg, makeRegion, makeUser, startTestEnv, type TestEnv } from '../harness';
import { createClock, expectError } from '../clocks/fixtures';

type Year = {
  year: number;
  official: boolean;
  source: string | null;
  days: { date: string; kind: string; name: string | null }[];
  version: number;
};
type UpdateResult = { year: number; recomputedClocks: number; changedClocks: number };

let env: TestEnv;
let admin: Client;
let staff: Client;
let reviewer: Client;
let countyAdmin: Client;

/** A plausible 2027 schedule for the tests (the real one is published by the State Council in late 2026). */
const days2027 = [
  { date: '2027-01-01', kind: 'holiday', name: '元旦' },
  { date: '2027-01-31', kind: 'workday', name: '春节' }, // Sunday
  ...['06', '07', '08', '09', '10', '11', '12'].map((d) => ({
    date: `2027-02-${d}`,
    kind: 'holiday',
    name: '春节',
  })),
  { date: '2027-02-20', kind: 'workday', name: '春节' }, // Saturday
];

beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  const bureau = await makeOrg(env, prov, { type: 'justice_bureau' });
  const county = await makeRegion(env, prov);
  const dept = await makeOrg(env, county);
  countyAdmin = await login(
    env,
    (await makeUser(env, await makeOrg(env, county, { type: 'justice_bureau' }), ['sysadmin'])).username,
  );
  admin = await login(env, (await makeUser(env, bureau, ['sysadmin'])).username);
  reviewer = await login(env, (await makeUser(env, bureau, ['reviewer'])).username);
  staff = await login(env, (await makeUser(env, dept, ['staff'])).username);
});
afterAll(() => env.close());

describe('GET /api/calendar/due-date', () => {
  it.each([
    // Fri 2/13 + 1 working day = Sat 2/14, a 调休 workday.
    ['2026-02-13', 1, 'working_days', '2026-02-14'],
    // 2/15–2/23 are the Spring Festival holiday: the 2nd working day is Tue 2/24 … the 5th Fri 2/27.
    ['2026-02-13', 5, 'working_days', '2026-02-27'],
    // 2/10 + 5 days = 2/15, a holiday → the first working day after it (民事诉讼法 第八十五条).
    ['2026-02-10', 5, 'calendar_days', '2026-02-24'],
    ['2026-01-31', 1, 'months', '2026-02-28'], // no 2/31 → last day 2/28, a Saturday worked (调休)
  ])('%s + %i %s → %s', async (start, amount, unit, due) => {
    const res = await staff.get(`/api/calendar/due-date?start=${start}&amount=${amount}&unit=${unit}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ dueDate: due, provisional: false, provisionalYears: [] });
  });

  it('marks a result that depends on 2027 (no official schedule yet) as provisional', async () => {
    const res = await reviewer.get('/api/calendar/due-date?start=2026-12-25&amount=10&unit=calendar_days');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ dueDate: '2027-01-04', provisional: true, provisionalYears: [2027] });
  });

  it('answers bad input with a coded 400 and a Chinese message', async () => {
    expectError(
      await staff.get('/api/calendar/due-date?start=2026-02-30&amount=1&unit=working_days'),
      400,
      'VALIDATION_FAILED',
      /日期无效/,
    );
    expectError(
      await staff.get('/api/calendar/due-date?start=2026-2-3&amount=1&unit=working_days'),
      400,
      'VALIDATION_FAILED',
      /YYYY-MM-DD/,
    );
    expectError(
      await staff.get('/api/calendar/due-date?start=2026-02-03&amount=-1&unit=working_days'),
      400,
      'VALIDATION_FAILED',
      /负数/,
    );
    expectError(
      await staff.get('/api/calendar/due-date?start=2026-02-03&amount=1.5&unit=working_days'),
      400,
      'VALIDATION_FAILED',
      /整数/,
    );
    expectError(
      await staff.get('/api/calendar/due-date?start=2026-02-03&amount=abc&unit=working_days'),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await staff.get('/api/calendar/due-date?start=2026-02-03&amount=1&unit=weeks'),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await staff.get('/api/calendar/due-date?amount=1&unit=weeks'), 400, 'VALIDATION_FAILED');
    expectError(
      await staff.get('/api/calendar/due-date?start=2026-02-03&amount=200&unit=months'),
      400,
      'VALIDATION_FAILED',
      /期限过长/,
    );
    const anon = await new Client(env.baseUrl).get<{ code: string }>(
      '/api/calendar/due-date?start=2026-02-03&amount=1&unit=months',
    );
    expect(anon.status).toBe(401);
  });
});

describe('calendar years', () => {
  it('lists the official years with counts and returns a year’s days', async () => {
    const list = await staff.get<{
      years: { year: number; official: boolean; holidays: number; workdays: number }[];
    }>('/api/calendar/years');
    expect(list.status).toBe(200);
    const y2026 = list.body.years.find((y) => y.year === 2026);
    expect(y2026).toMatchObject({ official: true });
    expect(y2026?.holidays).toBeGreaterThan(25);
    expect(y2026?.workdays).toBeGreaterThan(3);
    expect(list.body.years.some((y) => y.year === 2027)).toBe(false);

    const one = await staff.get<Year>('/api/calendar/years/2026');
    expect(one.body).toMatchObject({ year: 2026, official: true });
    expect(one.body.days).toContainEqual({ date: '2026-02-14', kind: 'workday', name: '春节' });
    expect((await staff.get<Year>('/api/calendar/years/2027')).body).toEqual({
      year: 2027,
      official: false,
      source: null,
      days: [],
      version: 0,
    });
    expectError(await staff.get('/api/calendar/years/20x7'), 400, 'VALIDATION_FAILED');
  });

  it('exports a year to .xlsx', async () => {
    const res = await staff.get('/api/calendar/years/2026/export.xlsx');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).values).toEqual([undefined, '日期', '星期', '类型', '节日']);
    expect(ws?.getRow(2).getCell(1).value).toBe('2026-01-01');
  });

  it('refuses non-administrators and lower-level administrators (403) and invalid schedules (400 naming the date)', async () => {
    const body = { official: true, source: '国办发明电〔2026〕X号', days: days2027, version: null };
    expectError(await reviewer.put('/api/calendar/years/2027', body), 403, 'FORBIDDEN');
    expectError(await staff.put('/api/calendar/years/2027', body), 403, 'FORBIDDEN');
    // The calendar is national: a county's system administrator may not change it.
    expectError(await countyAdmin.put('/api/calendar/years/2027', body), 403, 'FORBIDDEN', /最高层级/);
    const bad = (days: unknown[]) => admin.put('/api/calendar/years/2027', { ...body, days });
    expectError(
      await bad([{ date: '2027-02-08', kind: 'workday', name: null }]),
      400,
      'CALENDAR_YEAR_INVALID',
      /2027-02-08.*周六或周日/,
    );
    expectError(
      await bad([{ date: '2026-12-31', kind: 'holiday', name: null }]),
      400,
      'CALENDAR_YEAR_INVALID',
      /2026-12-31 不在 2027 年内/,
    );
    expectError(await bad([days2027[0], days2027[0]]), 400, 'CALENDAR_YEAR_INVALID', /2027-01-01 重复/);
    expectError(
      await bad([
        { date: '2027-01-31', kind: 'holiday', name: null },
        { date: '2027-01-31', kind: 'workday', name: null },
      ]),
      400,
      'CALENDAR_YEAR_INVALID',
      /2027-01-31 不能既是/,
    );
    expectError(await bad([{ date: '2027-02-30', kind: 'holiday', name: null }]), 400, 'VALIDATION_FAILED');
  });

  it('saving 2027 recomputes the open clocks that depend on it, in the same transaction, audited', async () => {
    // 2026-12-10 + 60 days = Mon 2027-02-08: provisional while 2027 has no schedule.
    const open = await createClock(staff, { startDate: '2026-12-10', title: '跨年复议案件' });
    expect(open).toMatchObject({ dueDate: '2027-02-08', provisional: true });
    // Due in 2025: the 2027 schedule cannot change it.
    const old = await createClock(staff, { title: '已过期案件' });

    const res = await admin.put<UpdateResult>('/api/calendar/years/2027', {
      official: true,
      source: '国务院办公厅通知（测试）',
      days: days2027,
      version: null,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.year).toBe(2027);
    expect(res.body.changedClocks).toBeGreaterThanOrEqual(1);
    expect(res.body.recomputedClocks).toBeGreaterThanOrEqual(res.body.changedClocks);

    // 2/8 is now inside the Spring Festival holiday (2/6–2/12) → Mon 2/15, and no longer provisional.
    const after = await staff.get<Clock>(`/api/clocks/${open.id}`);
    expect(after.body).toMatchObject({ dueDate: '2027-02-15', provisional: false, version: open.version });
    expect((await staff.get<Clock>(`/api/clocks/${old.id}`)).body.dueDate).toBe('2025-10-09');

    const audit = await env.database.pool.query(
      `select action, entity_id, diff from audit_log where action in ('clock.recompute', 'calendar.year.update') order by seq`,
    );
    const recompute = audit.rows.filter((r) => r.action === 'clock.recompute');
    expect(recompute.map((r) => r.entity_id)).toContain(open.id);
    expect(recompute.map((r) => r.entity_id)).not.toContain(old.id);
    expect(recompute.find((r) => r.entity_id === open.id)?.diff.changes).toMatchObject({
      dueDate: { from: '2027-02-08', to: '2027-02-15' },
      provisional: { from: true, to: false },
    });
    const yearEntry = audit.rows.find((r) => r.action === 'calendar.year.update');
    expect(yearEntry?.entity_id).toBe('2027');
    expect(yearEntry?.diff.detail.added).toHaveLength(days2027.length);
    expect(yearEntry?.diff.detail.removed).toEqual([]);

    const due = await staff.get('/api/calendar/due-date?start=2027-02-05&amount=1&unit=working_days');
    expect(due.body).toEqual({ dueDate: '2027-02-15', provisional: false, provisionalYears: [] });
    const year = await staff.get<Year>('/api/calendar/years/2027');
    expect(year.body).toMatchObject({ official: true, version: 1 });
    expect(year.body.days).toHaveLength(days2027.length);
  });

  it('checks the version, records removed days and applies a draft (unofficial) schedule provisionally', async () => {
    const body = {
      official: false,
      source: '草案',
      days: days2027.filter((d) => d.date !== '2027-01-01'),
      version: 0,
    };
    expectError(await admin.put('/api/calendar/years/2027', body), 409, 'STALE_WRITE');
    const saved = await admin.put<UpdateResult>('/api/calendar/years/2027', { ...body, version: 1 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const audit = await env.database.pool.query(
      `select diff from audit_log where action = 'calendar.year.update' order by seq desc limit 1`,
    );
    expect(audit.rows[0].diff.detail.removed).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    ]);
    // The draft's days apply (2/8 is still a holiday) but the result stays provisional.
    const due = await staff.get('/api/calendar/due-date?start=2027-02-05&amount=1&unit=working_days');
    expect(due.body).toEqual({ dueDate: '2027-02-15', provisional: true, provisionalYears: [2027] });
    const list = await staff.get<{ years: { year: number; official: boolean; version: number }[] }>(
      '/api/calendar/years',
    );
    expect(list.body.years.find((y) => y.year === 2027)).toMatchObject({ official: false, version: 2 });
  });

  it('sees a year saved by another process at once (the cache checks the calendar version)', async () => {
    const before = await staff.get('/api/calendar/due-date?start=2028-04-28&amount=1&unit=working_days');
    expect(before.body).toEqual({ dueDate: '2028-05-01', provisional: true, provisionalYears: [2028] });
    await env.database.pool.query(
      `insert into calendar_years (year, official, source) values (2028, true, '另一进程')`,
    );
    await env.database.pool.query(
      `insert into calendar_days (date, kind, name) values ('2028-05-01', 'holiday', '劳动节'), ('2028-05-02', 'holiday', '劳动节')`,
    );
    const after = await staff.get('/api/calendar/due-date?start=2028-04-28&amount=1&unit=working_days');
    expect(after.body).toEqual({ dueDate: '2028-05-03', provisional: false, provisionalYears: [] });
  });
});
