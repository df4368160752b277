import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveIndicatorValues } from '../../src/modules/indicators';
import { startTestEnv, type TestEnv } from '../harness';
import {
  buildCollectionWorld,
  makeIndicators,
  openedTask,
  targetOf,
  type CollectionWorld,
  type TaskBody,
} from './fixtures';

type Target = {
  id: string;
  status: string;
  version: number;
  actions: string[];
  returnReason: string | null;
  values: {
    code: string;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    reused: boolean;
    isRate: boolean;
  }[];
  sections: { code: string; title: string; text: string }[];
};
type Rollup = {
  code: string;
  collected: { value: number | null; numerator: number | null; denominator: number | null };
  acceptedCount: number;
  display: string;
};

let env: TestEnv;
let w: CollectionWorld;
let codes: { count: string; rate: string; extra: string };

beforeAll(async () => {
  env = await startTestEnv();
  w = await buildCollectionWorld(env);
  codes = await makeIndicators(env);
}, 60_000);
afterAll(() => env.close());

async function fillAndSign(
  u: CollectionWorld['d1'],
  targetId: string,
  count: number,
  num: number,
  den: number,
): Promise<Target> {
  let t = (await u.staff.get<Target>(`/api/collection/targets/${targetId}`)).body;
  const saved = await u.staff.put<Target>(`/api/collection/targets/${targetId}`, {
    version: t.version,
    values: [
      { code: codes.count, value: count },
      { code: codes.rate, numerator: num, denominator: den },
    ],
    narratives: [{ code: 'g1', text: '成立法治政府建设领导小组，召开专题会议2次。' }],
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  t = saved.body;
  const sub = await u.staff.post<Target>(`/api/collection/targets/${targetId}/submit`, {
    version: t.version,
  });
  expect(sub.status, JSON.stringify(sub.body)).toBe(200);
  expect(sub.body.status).toBe('submitted');
  const signed = await u.head.post<Target>(`/api/collection/targets/${targetId}/signoff`, {
    version: sub.body.version,
  });
  expect(signed.status, JSON.stringify(signed.body)).toBe(200);
  expect(signed.body.status).toBe('signed');
  return signed.body;
}

describe('collection task flow', () => {
  let task: TaskBody;

  it('create → open: one target per organisation, a clock each, the staff notified', async () => {
    task = await openedTask(w.reviewer, [codes.count, codes.rate], [w.d1.org.id, w.d2.org.id]);
    expect(task.status).toBe('open');
    expect(task.targets.map((t) => t.status)).toEqual(['pending', 'pending']);
    const { rows: clocks } = await env.database.pool.query(
      `select org_id, status, unit, legal_basis from clocks where subject_type = 'collection.target' and subject_id = any($1::text[])`,
      [task.targets.map((t) => t.id)],
    );
    expect(clocks).toHaveLength(2);
    expect(clocks[0].legal_basis).toContain('厅字〔2019〕28号');
    const inbox = await w.d1.staff.get<{ items: { kind: string; link: string }[] }>('/api/notifications');
    expect(inbox.body.items.some((n) => n.kind === 'collection.task')).toBe(true);
  });

  it('fill → submit → sign → return with reason → fix → submit → sign → accept; values stored and rolled up', async () => {
    const t1 = targetOf(task, w.d1.org.id);
    const t2 = targetOf(task, w.d2.org.id);
    const mine = await w.d1.staff.get<{ items: { id: string }[] }>('/api/collection/targets');
    expect(mine.body.items.map((i) => i.id)).toEqual([t1]);

    // A staff member cannot sign off; the head can.
    let signed = await fillAndSign(w.d1, t1, 12, 9, 10);
    const rate = signed.values.find((v) => v.code === codes.rate);
    expect(rate?.isRate).toBe(true);
    expect(rate?.value).toBe(90);

    const ret = await w.reviewer.post<Target>(`/api/collection/tasks/${task.id}/targets/${t1}/return`, {
      version: signed.version,
      reason: '案件数与台账不符，请核对',
    });
    expect(ret.status, JSON.stringify(ret.body)).toBe(200);
    expect(ret.body.status).toBe('returned');
    const seen = await w.d1.staff.get<Target>(`/api/collection/targets/${t1}`);
    expect(seen.body.returnReason).toBe('案件数与台账不符，请核对');
    expect(seen.body.actions).toContain('edit');
    const inbox = await w.d1.staff.get<{ items: { kind: string; body: string }[] }>('/api/notifications');
    expect(inbox.body.items.find((n) => n.kind === 'collection.returned')?.body).toContain(
      '案件数与台账不符',
    );

    signed = await fillAndSign(w.d1, t1, 15, 9, 10);
    const acc = await w.reviewer.post<Target>(`/api/collection/tasks/${task.id}/targets/${t1}/accept`, {
      version: signed.version,
    });
    expect(acc.status, JSON.stringify(acc.body)).toBe(200);
    expect(acc.body.status).toBe('accepted');

    const s2 = await fillAndSign(w.d2, t2, 5, 1, 2);
    expect(
      (
        await w.reviewer.post(`/api/collection/tasks/${task.id}/targets/${t2}/accept`, {
          version: s2.version,
        })
      ).status,
    ).toBe(200);

    // Stored as collected values of each organisation.
    const { rows } = await env.database.pool.query(
      `select org_id, indicator_code, value::float8 as value, numerator::float8 as numerator, denominator::float8 as denominator, provenance
         from indicator_values where source = 'collected' and period = '2025' and indicator_code = any($1::text[])`,
      [[codes.count, codes.rate]],
    );
    const d1Count = rows.find((r) => r.org_id === w.d1.org.id && r.indicator_code === codes.count);
    expect(d1Count.value).toBe(15);
    expect(d1Count.provenance.taskId).toBe(task.id);

    // The task's roll-up: counts add up, the rate is recomputed from summed parts (10 / 12), never averaged.
    const detail = await w.reviewer.get<{ rollup: Rollup[]; progress: { accepted: number } }>(
      `/api/collection/tasks/${task.id}`,
    );
    expect(detail.body.progress.accepted).toBe(2);
    const byCode = new Map(detail.body.rollup.map((r) => [r.code, r]));
    expect(byCode.get(codes.count)?.collected.value).toBe(20);
    expect(byCode.get(codes.rate)?.collected).toEqual({ value: 83.33, numerator: 10, denominator: 12 });
    expect(byCode.get(codes.rate)?.display).toBe('83.3%');

    // …and through the region tree by the indicators module.
    const region = await resolveIndicatorValues(env.database.db, {
      regionCode: w.A.code,
      period: '2025',
      codes: [codes.count, codes.rate],
    });
    expect(region.get(codes.count)?.value).toBe(20);
    expect(region.get(codes.rate)?.numerator).toBe(10);

    // The clocks are completed on acceptance.
    const { rows: clocks } = await env.database.pool.query(
      `select status from clocks where subject_type = 'collection.target' and subject_id = any($1::text[])`,
      [[t1, t2]],
    );
    expect(clocks.map((c) => c.status)).toEqual(['completed', 'completed']);

    // Every step is audited.
    const { rows: audit } = await env.database.pool.query(
      `select action from audit_log where entity_id = $1 order by seq`,
      [t1],
    );
    const actions = audit.map((a) => a.action);
    for (const a of ['save', 'submit', 'signoff', 'return', 'accept'])
      expect(actions).toContain(`collection.target.${a}`);
    const { rows: taskAudit } = await env.database.pool.query(
      `select action from audit_log where entity_id = $1 order by seq`,
      [task.id],
    );
    expect(taskAudit.map((a) => a.action)).toEqual(['collection.task.create', 'collection.task.open']);
  });

  it('a staff member cannot sign off (403) and an unsigned target cannot be accepted (409)', async () => {
    const t = await openedTask(w.reviewer, [codes.extra], [w.d1.org.id]);
    const id = targetOf(t, w.d1.org.id);
    const saved = await w.d1.staff.put<Target>(`/api/collection/targets/${id}`, {
      version: 1,
      values: [{ code: codes.extra, value: 3 }],
    });
    const sub = await w.d1.staff.post<Target>(`/api/collection/targets/${id}/submit`, {
      version: saved.body.version,
    });
    expect(sub.status).toBe(200);
    expect(
      (await w.d1.staff.post(`/api/collection/targets/${id}/signoff`, { version: sub.body.version })).status,
    ).toBe(403);
    const acc = await w.reviewer.post<{ code: string }>(
      `/api/collection/tasks/${t.id}/targets/${id}/accept`,
      {
        version: sub.body.version,
      },
    );
    expect(acc.status).toBe(409);
    expect(acc.body.code).toBe('ILLEGAL_TRANSITION');
    const stale = await w.d1.head.post<{ code: string }>(`/api/collection/targets/${id}/signoff`, {
      version: 1,
    });
    expect(stale.body.code).toBe('STALE_WRITE');
  });

  it('submitting with empty required values is refused, naming the indicators', async () => {
    const t = await openedTask(w.reviewer, [codes.extra], [w.d2.org.id]);
    const id = targetOf(t, w.d2.org.id);
    const res = await w.d2.staff.post<{ code: string; message: string }>(
      `/api/collection/targets/${id}/submit`,
      {
        version: 1,
      },
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('COLLECTION_INCOMPLETE');
    expect(res.body.message).toContain('测试培训人次');
  });

  it('a rate with numerator above denominator, a fraction of a count or a negative number is refused', async () => {
    const t = await openedTask(w.reviewer, [codes.count, codes.rate], [w.d2.org.id]);
    const id = targetOf(t, w.d2.org.id);
    for (const values of [
      [{ code: codes.rate, numerator: 11, denominator: 10 }],
      [{ code: codes.count, value: 1.5 }],
      [{ code: codes.count, value: -1 }],
      [{ code: 'no_such_code', value: 1 }],
    ]) {
      const res = await w.d2.staff.put<{ code: string; message: string }>(`/api/collection/targets/${id}`, {
        version: 1,
        values,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
    }
    const { rows } = await env.database.pool.query(
      `select count(*)::int as n from collection_values where target_id = $1`,
      [id],
    );
    expect(rows[0].n).toBe(0);
  });

  it('creating a task with an unknown indicator is refused with UNKNOWN_INDICATOR', async () => {
    const res = await w.reviewer.post<{ code: string; message: string }>('/api/collection/tasks', {
      title: '错误任务',
      period: '2025',
      indicatorCodes: [codes.count, 'nope_indicator'],
      dueDate: '2099-01-01',
      targetMode: 'list',
      orgIds: [w.d1.org.id],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('UNKNOWN_INDICATOR');
    expect(res.body.message).toContain('nope_indicator');
  });

  it('targets "all departments and townships of the region" takes the region’s departments', async () => {
    const res = await w.reviewer.post<TaskBody>('/api/collection/tasks', {
      title: '全区填报',
      period: '2025',
      indicatorCodes: [codes.count],
      dueDate: '2099-01-01',
      targetMode: 'region',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const orgs = res.body.targets.map((t) => t.orgId);
    expect(orgs).toEqual(expect.arrayContaining([w.d1.org.id, w.d2.org.id, w.bureau.id]));
    expect(orgs).toHaveLength(3);
  });
});
