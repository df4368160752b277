import type { Clock } from '@fazhi/contracts';
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
import { createClock, expectError, reconsiderationClock } from './fixtures';

let env: TestEnv;
let org: TestOrg;
let staff: Client;

beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  const city = await makeRegion(env, prov);
  org = await makeOrg(env, city);
  staff = await login(env, (await makeUser(env, org, ['staff'])).username);
});
afterAll(() => env.close());

async function auditActions(id: string): Promise<string[]> {
  const res = await env.database.pool.query(
    `select action from audit_log where entity_type = 'clock' and entity_id = $1 order by seq`,
    [id],
  );
  return res.rows.map((r) => r.action as string);
}

describe('clock lifecycle', () => {
  it('creates, pauses, resumes, extends and completes a clock, each step audited with an outbox event', async () => {
    const created = await createClock(staff);
    // 2025-08-04 + 60 days = Fri 10/3, inside the National Day holiday (10/1–10/8) → Thu 10/9 (民事诉讼法 第八十五条).
    expect(created).toMatchObject({
      dueDate: '2025-10-09',
      status: 'overdue',
      provisional: false,
      version: 1,
      orgId: org.id,
      orgName: org.name,
    });
    expect(created.actions).toEqual(['pause', 'extend', 'complete']);

    const paused = await staff.post<Clock>(`/api/clocks/${created.id}/pauses`, {
      kind: 'suspend',
      from: '2025-09-01',
      reason: '中止：等待相关案件结果',
      version: 1,
    });
    expect(paused.status, JSON.stringify(paused.body)).toBe(200);
    expect(paused.body).toMatchObject({ status: 'normal', version: 2 });
    expect(paused.body.pauses).toMatchObject([{ kind: 'suspend', from: '2025-09-01', to: null }]);
    expect(paused.body.actions).toEqual(['endPause', 'extend', 'complete']);

    const again = await staff.post(`/api/clocks/${created.id}/pauses`, {
      kind: 'correction',
      from: '2025-09-05',
      reason: '补正',
      version: 2,
    });
    expectError(again, 409, 'ILLEGAL_TRANSITION', /中止\/补正状态/);

    const pauseId = paused.body.pauses[0]?.id;
    const resumed = await staff.post<Clock>(`/api/clocks/${created.id}/pauses/${pauseId}/end`, {
      to: '2025-09-10',
      version: 2,
    });
    expect(resumed.status, JSON.stringify(resumed.body)).toBe(200);
    // 9/1–9/10 not counted: the 60th counted day moves 10 days on → Mon 10/13.
    expect(resumed.body).toMatchObject({ dueDate: '2025-10-13', status: 'overdue', version: 3 });
    expect(resumed.body.actions).toEqual(['pause', 'extend', 'complete']);

    const extended = await staff.post<Clock>(`/api/clocks/${created.id}/extensions`, {
      amount: 30,
      unit: 'calendar_days',
      approver: '复议机构负责人',
      reason: '案情复杂',
      approvedOn: '2025-10-10',
      version: 3,
    });
    expect(extended.status, JSON.stringify(extended.body)).toBe(200);
    // Counted from the due date in force: 10/13 + 30 = Wed 11/12 (行政复议法 第六十二条).
    expect(extended.body).toMatchObject({ dueDate: '2025-11-12', version: 4 });
    expect(extended.body.extensions).toMatchObject([
      { amount: 30, unit: 'calendar_days', approver: '复议机构负责人', approvedOn: '2025-10-10' },
    ]);

    const late = await staff.post(`/api/clocks/${created.id}/extensions`, {
      amount: 10,
      unit: 'calendar_days',
      approver: '负责人',
      reason: '期限届满后才批准',
      approvedOn: '2025-12-01',
      version: 4,
    });
    expectError(late, 409, 'ILLEGAL_TRANSITION', /2025-11-12 届满/);

    const stale = await staff.post(`/api/clocks/${created.id}/complete`, {
      completedOn: '2025-11-10',
      version: 3,
    });
    expectError(stale, 409, 'STALE_WRITE');

    const done = await staff.post<Clock>(`/api/clocks/${created.id}/complete`, {
      completedOn: '2025-11-10',
      version: 4,
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({
      status: 'completed',
      completedOn: '2025-11-10',
      dueDate: '2025-11-12',
      version: 5,
      actions: [],
    });

    expectError(
      await staff.post(`/api/clocks/${created.id}/complete`, { completedOn: '2025-11-11', version: 5 }),
      409,
      'ILLEGAL_TRANSITION',
      /已办结/,
    );
    expectError(
      await staff.post(`/api/clocks/${created.id}/pauses`, {
        kind: 'suspend',
        from: '2025-11-11',
        reason: 'x',
        version: 5,
      }),
      409,
      'ILLEGAL_TRANSITION',
      /已办结/,
    );
    expectError(
      await staff.post(`/api/clocks/${created.id}/extensions`, {
        amount: 1,
        unit: 'calendar_days',
        approver: 'a',
        reason: 'b',
        approvedOn: '2025-11-11',
        version: 5,
      }),
      409,
      'ILLEGAL_TRANSITION',
    );

    expect(await auditActions(created.id)).toEqual([
      'clock.create',
      'clock.pause',
      'clock.pause.end',
      'clock.extend',
      'clock.complete',
    ]);
    const events = await env.database.pool.query(
      `select payload from outbox where topic = 'clock.changed' and payload->>'clockId' = $1 order by id`,
      [created.id],
    );
    expect(events.rows.map((r) => r.payload.action)).toEqual([
      'create',
      'pause',
      'endPause',
      'extend',
      'complete',
    ]);

    const got = await staff.get<Clock>(`/api/clocks/${created.id}`);
    expect(got.body).toMatchObject({ status: 'completed', version: 5 });
    expect(got.body.pauses).toHaveLength(1);
    expect(got.body.extensions).toHaveLength(1);
  });

  it('closes an open pause on the completion date', async () => {
    const c = await createClock(staff);
    const p = await staff.post<Clock>(`/api/clocks/${c.id}/pauses`, {
      kind: 'correction',
      from: '2025-09-01',
      reason: '通知补正材料',
      version: 1,
    });
    const done = await staff.post<Clock>(`/api/clocks/${c.id}/complete`, {
      completedOn: '2025-09-20',
      version: p.body.version,
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.pauses).toMatchObject([{ from: '2025-09-01', to: '2025-09-20' }]);
    expect(done.body.status).toBe('completed');
  });

  it('refuses impossible dates with Chinese messages, never a 500', async () => {
    const c = await createClock(staff);
    expectError(
      await staff.post(`/api/clocks/${c.id}/pauses`, {
        kind: 'suspend',
        from: '2025-08-01',
        reason: 'x',
        version: 1,
      }),
      400,
      'VALIDATION_FAILED',
      /早于起算日期/,
    );
    expectError(
      await staff.post(`/api/clocks/${c.id}/pauses`, {
        kind: 'suspend',
        from: '2199-01-01',
        reason: 'x',
        version: 1,
      }),
      400,
      'VALIDATION_FAILED',
      /晚于今天/,
    );
    expectError(
      await staff.post(`/api/clocks/${c.id}/pauses`, {
        kind: 'suspend',
        from: '2025-09-10',
        to: '2025-09-01',
        reason: 'x',
        version: 1,
      }),
      400,
      'VALIDATION_FAILED',
      /早于开始日期/,
    );
    expectError(
      await staff.post(`/api/clocks/${c.id}/pauses`, {
        kind: 'suspend',
        from: '2025-10-20',
        reason: 'x',
        version: 1,
      }),
      409,
      'ILLEGAL_TRANSITION',
      /届满/,
    );
    const closed = await staff.post<Clock>(`/api/clocks/${c.id}/pauses`, {
      kind: 'suspend',
      from: '2025-09-01',
      to: '2025-09-05',
      reason: '已结束的中止',
      version: 1,
    });
    expect(closed.status).toBe(200);
    expect(closed.body.dueDate).toBe('2025-10-09'); // 8/4 + 65 = 10/8 (holiday) → 10/9
    expectError(
      await staff.post(`/api/clocks/${c.id}/pauses`, {
        kind: 'suspend',
        from: '2025-09-03',
        to: '2025-09-07',
        reason: '重叠',
        version: 2,
      }),
      400,
      'VALIDATION_FAILED',
      /重叠/,
    );
    expectError(
      await staff.post(`/api/clocks/${c.id}/complete`, { completedOn: '2025-02-30', version: 2 }),
      400,
      'VALIDATION_FAILED',
      /日期/,
    );
    expectError(
      await staff.post(`/api/clocks/${c.id}/pauses/${c.id}/end`, { to: '2025-09-10', version: 2 }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await staff.post('/api/clocks', reconsiderationClock({ legalBasis: '' })),
      400,
      'VALIDATION_FAILED',
      /法律依据/,
    );
    expectError(
      await staff.post('/api/clocks', reconsiderationClock({ unit: 'weeks' })),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await staff.post('/api/clocks', reconsiderationClock({ amount: 200, unit: 'months' })),
      400,
      'VALIDATION_FAILED',
      /期限过长/,
    );
    expectError(await staff.get('/api/clocks/not-a-uuid'), 400, 'VALIDATION_FAILED');
  });

  it('computes working-day clocks on the official calendar (Spring Festival 2026) and marks 2027 results provisional', async () => {
    // 政府信息公开条例 第三十三条: 20 working days from Fri 2026-02-13; 2/14 (Sat) is a 调休 workday, 2/15–2/23 are holidays.
    const gi = await createClock(staff, {
      startDate: '2026-02-13',
      amount: 20,
      unit: 'working_days',
      legalBasis: '《政府信息公开条例》第三十三条',
    });
    expect(gi).toMatchObject({ dueDate: '2026-03-19', provisional: false });
    const future = await createClock(staff, { startDate: '2026-12-10' });
    expect(future).toMatchObject({ dueDate: '2027-02-08', provisional: true, status: expect.any(String) });
  });

  it('records who created the clock and defaults to the creator’s organisation', async () => {
    const c = await createClock(staff);
    const row = await env.database.pool.query(`select created_by, region_path from clocks where id = $1`, [
      c.id,
    ]);
    expect(row.rows[0].region_path).toBe(org.regionPath);
    expect(row.rows[0].created_by).not.toBeNull();
  });
});
