import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { indicators } from '../../src/modules/indicators/indicators.tables';
import { shanghaiToday } from '../../src/platform/clock/today';
import {
  login,
  makeOrg,
  makeRegion,
  makeUser,
  type Client,
  type TestEnv,
  type TestOrg,
  type TestRegion,
} from '../harness';

/** Catalogue rows for a test: a count (件) and a rate (%) of fresh codes. */
export async function makeIndicators(env: TestEnv) {
  const tag = randomBytes(3).toString('hex');
  const count = `ct_cases_${tag}`;
  const rate = `ct_rate_${tag}`;
  const extra = `ct_extra_${tag}`;
  await env.database.db.insert(indicators).values([
    {
      code: count,
      name: `测试案件数${tag}`,
      unit: '件',
      kind: 'collected',
      rollup: 'sum',
      definition: '本年度办结的案件数',
    },
    {
      code: rate,
      name: `测试办结率${tag}`,
      unit: '%',
      kind: 'collected',
      rollup: 'rate',
      definition: '按期办结数 / 办结数 × 100',
    },
    { code: extra, name: `测试培训人次${tag}`, unit: '人次', kind: 'collected', rollup: 'sum' },
  ]);
  return { count, rate, extra };
}

export const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
export const today = () => shanghaiToday(new Date());

export type Unit = { org: TestOrg; staff: Client; head: Client };
export type CollectionWorld = {
  A: TestRegion;
  B: TestRegion;
  bureau: TestOrg;
  reviewer: Client;
  reviewerB: Client;
  d1: Unit;
  d2: Unit;
  staffB: Client;
};

async function unit(env: TestEnv, region: TestRegion, bureauId: string): Promise<Unit> {
  const org = await makeOrg(env, region, { type: 'department', parentId: bureauId });
  const s = await makeUser(env, org, ['staff']);
  const h = await makeUser(env, org, ['head']);
  return { org, staff: await login(env, s.username), head: await login(env, h.username) };
}

export async function buildCollectionWorld(env: TestEnv): Promise<CollectionWorld> {
  const P = await makeRegion(env, null);
  const A = await makeRegion(env, P);
  const B = await makeRegion(env, P);
  const bureau = await makeOrg(env, A, { type: 'justice_bureau' });
  const bureauB = await makeOrg(env, B, { type: 'justice_bureau' });
  const rv = await makeUser(env, bureau, ['reviewer']);
  const rvB = await makeUser(env, bureauB, ['reviewer']);
  const d1 = await unit(env, A, bureau.id);
  const d2 = await unit(env, A, bureau.id);
  const deptB = await makeOrg(env, B, { type: 'department' });
  const sB = await makeUser(env, deptB, ['staff']);
  return {
    A,
    B,
    bureau,
    reviewer: await login(env, rv.username),
    reviewerB: await login(env, rvB.username),
    d1,
    d2,
    staffB: await login(env, sB.username),
  };
}

export type TaskBody = {
  id: string;
  version: number;
  status: string;
  targets: { id: string; orgId: string; status: string; version: number }[];
};

/** Creates and opens a task for a list of organisations; returns the opened task. */
export async function openedTask(
  reviewer: Client,
  codes: string[],
  orgIds: string[],
  extra: Record<string, unknown> = {},
): Promise<TaskBody> {
  const created = await reviewer.post<TaskBody>('/api/collection/tasks', {
    title: '2025年度法治政府建设数据填报',
    period: '2025',
    indicatorCodes: codes,
    sectionCodes: ['g1', 'problems'],
    dueDate: addDays(today(), 30),
    instructions: '请如实填报',
    targetMode: 'list',
    orgIds,
    ...extra,
  });
  if (created.status !== 200) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const opened = await reviewer.post<TaskBody>(`/api/collection/tasks/${created.body.id}/open`, {
    version: 1,
  });
  if (opened.status !== 200) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
  return opened.body;
}

export const targetOf = (task: TaskBody, orgId: string) => {
  const t = task.targets.find((x) => x.orgId === orgId);
  if (!t) throw new Error('no target');
  return t.id;
};

export async function workbookOf(client: Client, targetId: string): Promise<ExcelJS.Workbook> {
  const res = await client.get(`/api/collection/targets/${targetId}/workbook.xlsx`);
  if (res.status !== 200) throw new Error(`workbook: ${res.status}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.raw);
  return wb;
}

export async function uploadForm(wb: ExcelJS.Workbook, name = '填报表.xlsx'): Promise<FormData> {
  const buf = await wb.xlsx.writeBuffer();
  const f = new FormData();
  f.append('file', new Blob([new Uint8Array(buf as ArrayBuffer)]), name);
  return f;
}
