import type { Clock } from '@fazhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobDefinitions } from '../../src/job-definitions';
import { clockScanJob, scanClocks } from '../../src/modules/clocks';
import {
  login,
  makeOrg,
  makeRegion,
  makeUser,
  startTestEnv,
  type TestEnv,
  type TestOrg,
  type TestUser,
} from '../harness';
import { createClock } from './fixtures';

let env: TestEnv;
let org: TestOrg;
let staff: TestUser;
let head: TestUser;
let leader: TestUser;
let disabledStaff: TestUser;
let otherStaff: TestUser;
let dueSoon: Clock;
let overdue: Clock;
let normal: Clock;
let completed: Clock;

// Scan day 2025-10-05 (the scan takes the day as a parameter; the job passes today in Asia/Shanghai).
const DAY = '2025-10-05';

beforeAll(async () => {
  env = await startTestEnv();
  const region = await makeRegion(env, await makeRegion(env, null));
  org = await makeOrg(env, region);
  const otherOrg = await makeOrg(env, region);
  staff = await makeUser(env, org, ['staff']);
  head = await makeUser(env, org, ['head']);
  leader = await makeUser(env, org, ['leader']);
  disabledStaff = await makeUser(env, org, ['staff']);
  await env.database.pool.query('update users set disabled = true where id = $1', [disabledStaff.id]);
  otherStaff = await makeUser(env, otherOrg, ['staff']);
  const c = await login(env, staff.username);
  dueSoon = await createClock(c, { title: '临期案件', startDate: '2025-09-01', amount: 30 }); // due 10/9 (10/1 is a holiday): 4 days left on 10/5
  overdue = await createClock(c, { title: '超期案件', startDate: '2025-08-01', amount: 30 }); // due 9/1
  normal = await createClock(c, { title: '正常案件', startDate: '2025-09-20', amount: 60 }); // due 11/19
  const x = await createClock(c, { title: '已办结案件', startDate: '2025-08-01', amount: 30 });
  completed = (await c.post<Clock>(`/api/clocks/${x.id}/complete`, { completedOn: '2025-08-20', version: 1 }))
    .body;
});
afterAll(() => env.close());

async function inbox(userId: string) {
  const res = await env.database.pool.query(
    `select kind, title, body, link, dedupe_key from notifications where user_id = $1 order by dedupe_key`,
    [userId],
  );
  return res.rows as { kind: string; title: string; body: string; link: string; dedupe_key: string }[];
}

async function statusOf(id: string): Promise<string> {
  const res = await env.database.pool.query('select status from clocks where id = $1', [id]);
  return res.rows[0].status as string;
}

describe('clock.scan', () => {
  it('is a daily job at 00:05 Asia/Shanghai', () => {
    expect(clockScanJob).toMatchObject({ name: 'clock.scan', cron: '5 0 * * *' });
    expect(jobDefinitions().map((d) => d.name)).toContain('clock.scan');
  });

  it('re-evaluates open clocks and reminds staff and heads of 临期 and 超期 clocks once, however often it runs', async () => {
    const first = await scanClocks(env.ctx, DAY);
    expect(first).toMatchObject({ date: DAY, evaluated: 3, alreadyDone: 0, failed: 0, notified: 4 });
    expect(first.ranges + first.empty).toBe(256);
    expect(await statusOf(dueSoon.id)).toBe('due_soon');
    expect(await statusOf(overdue.id)).toBe('overdue');
    expect(await statusOf(normal.id)).toBe('normal');
    expect(await statusOf(completed.id)).toBe('completed');

    for (const u of [staff, head]) {
      const items = await inbox(u.id);
      expect(items.map((n) => n.dedupe_key)).toEqual(
        [`clock:${dueSoon.id}:due_soon:2025-10-09`, `clock:${overdue.id}:overdue:2025-09-01`].sort(),
      );
      const soon = items.find((n) => n.kind === 'clock.due_soon');
      expect(soon?.title).toBe('期限临期提醒：临期案件');
      expect(soon?.body).toContain('2025-10-09');
      expect(soon?.link).toBe(`/clocks/${dueSoon.id}`);
    }
    for (const u of [leader, disabledStaff, otherStaff]) expect(await inbox(u.id)).toEqual([]);

    // Same day again: every range is recorded as done — nothing runs, nothing is sent.
    const rerun = await scanClocks(env.ctx, DAY);
    expect(rerun).toMatchObject({ ranges: 0, alreadyDone: first.ranges, evaluated: 0, notified: 0 });

    // As if the job had crashed before recording its ranges: everything is evaluated again, still nothing sent twice.
    await env.database.pool.query(`delete from job_runs where key like $1`, [`clock.scan:${DAY}:%`]);
    const replay = await scanClocks(env.ctx, DAY);
    expect(replay).toMatchObject({ alreadyDone: 0, ranges: first.ranges, evaluated: 3, notified: 0 });

    // The next day: still 临期 / 超期 with the same due dates — no new reminders.
    expect(await scanClocks(env.ctx, '2025-10-06')).toMatchObject({ notified: 0 });
    expect(await inbox(staff.id)).toHaveLength(2);
  });

  it('reminds again when an extension runs short again, and when a clock turns 超期', async () => {
    const c = await login(env, staff.username);
    const current = (await c.get<Clock>(`/api/clocks/${dueSoon.id}`)).body;
    const ext = await c.post<Clock>(`/api/clocks/${dueSoon.id}/extensions`, {
      amount: 10,
      unit: 'calendar_days',
      approver: '负责人',
      reason: '情况复杂',
      approvedOn: '2025-10-08',
      version: current.version,
    });
    expect(ext.body.dueDate).toBe('2025-10-20'); // 10/9 + 10 = Sun 10/19 → Mon 10/20
    // 10/16: 4 days left on the extended period — a new 临期 reminder for the new due date.
    expect(await scanClocks(env.ctx, '2025-10-16')).toMatchObject({ notified: 2 });
    // 11/15: the extended clock is 超期 and the 11/19 clock turns 临期; 11/20: that one is 超期 too.
    expect(await scanClocks(env.ctx, '2025-11-15')).toMatchObject({ notified: 4 });
    expect(await statusOf(normal.id)).toBe('due_soon');
    expect(await scanClocks(env.ctx, '2025-11-20')).toMatchObject({ notified: 2 });
    expect(await statusOf(normal.id)).toBe('overdue');
    const keys = (await inbox(head.id)).map((n) => n.dedupe_key);
    expect(keys).toEqual(
      [
        `clock:${overdue.id}:overdue:2025-09-01`,
        `clock:${dueSoon.id}:due_soon:2025-10-09`,
        `clock:${dueSoon.id}:due_soon:2025-10-20`,
        `clock:${dueSoon.id}:overdue:2025-10-20`,
        `clock:${normal.id}:due_soon:2025-11-19`,
        `clock:${normal.id}:overdue:2025-11-19`,
      ].sort(),
    );
  });

  it('rejects a malformed day', async () => {
    await expect(scanClocks(env.ctx, '2025-1-5')).rejects.toThrow('日期格式');
  });
});
