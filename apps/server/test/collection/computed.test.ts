import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerComputation } from '../../src/modules/indicators';
import { indicators } from '../../src/modules/indicators/indicators.tables';
import { startTestEnv, type TestEnv } from '../harness';
import { buildCollectionWorld, openedTask, targetOf, type CollectionWorld } from './fixtures';

type Target = {
  version: number;
  values: {
    code: string;
    value: number | null;
    computed: { value: number | null } | null;
    differs: boolean;
  }[];
};
type Task = {
  rollup: {
    code: string;
    collected: { value: number | null };
    computed: { value: number | null } | null;
    differs: boolean;
  }[];
};

let env: TestEnv;
let w: CollectionWorld;
const code = `ct_computed_${randomBytes(3).toString('hex')}`;

beforeAll(async () => {
  env = await startTestEnv();
  w = await buildCollectionWorld(env);
  // A module computation (as the normdocs figures are): 7 for any organisation, 9 for a region.
  registerComputation(`ct_module_${code}`, async (_db, q) => [
    { code, value: q.orgId ? 7 : 9, numerator: null, denominator: null, recordIds: ['r1'] },
  ]);
  await env.database.db.insert(indicators).values({
    code,
    name: '测试计算指标',
    unit: '件',
    kind: 'computed',
    rollup: 'sum',
    sourceModule: `ct_module_${code}`,
  });
}, 60_000);
afterAll(() => env.close());

describe('collected and computed', () => {
  it('shows the computed value beside the field and flags a difference, for the organisation and the roll-up', async () => {
    const task = await openedTask(w.reviewer, [code], [w.d1.org.id]);
    const id = targetOf(task, w.d1.org.id);
    const view = (await w.d1.staff.get<Target>(`/api/collection/targets/${id}`)).body;
    expect(view.values[0]).toMatchObject({ value: null, computed: { value: 7 }, differs: false });
    const five = await w.d1.staff.put<Target>(`/api/collection/targets/${id}`, {
      version: view.version,
      values: [{ code, value: 5 }],
    });
    expect(five.body.values[0]).toMatchObject({ value: 5, computed: { value: 7 }, differs: true });
    const seven = await w.d1.staff.put<Target>(`/api/collection/targets/${id}`, {
      version: five.body.version,
      values: [{ code, value: 7 }],
    });
    expect(seven.body.values[0]?.differs).toBe(false);
    const sub = await w.d1.staff.post<Target>(`/api/collection/targets/${id}/submit`, {
      version: seven.body.version,
    });
    const signed = await w.d1.head.post<Target>(`/api/collection/targets/${id}/signoff`, {
      version: sub.body.version,
    });
    await w.reviewer.post(`/api/collection/tasks/${task.id}/targets/${id}/accept`, {
      version: signed.body.version,
    });
    const detail = await w.reviewer.get<Task>(`/api/collection/tasks/${task.id}`);
    expect(detail.body.rollup[0]).toMatchObject({
      collected: { value: 7 },
      computed: { value: 9 },
      differs: true,
    });
  });
});
