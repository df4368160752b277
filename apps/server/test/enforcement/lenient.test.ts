import { completeUscc, type LenientListDetail, type LenientTotals } from '@fazhi/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../clocks/fixtures';
import { login, makeOrg, makeRegion, makeUser, startTestEnv, type Client, type TestEnv } from '../harness';

let env: TestEnv;
let staffA: Client;
let staffB: Client;
let supervisorA: Client;
let supervisorB: Client;
const uscc = completeUscc('9141070012345678');

const item = (n: number) => ({
  conduct: `违法行为${n}`,
  circumstances: '首次违法且危害后果轻微并及时改正',
  conditions: '一年内首次',
  legalBasis: '《中华人民共和国行政处罚法》第三十三条第一款',
});

beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  const a = await makeRegion(env, prov);
  const b = await makeRegion(env, prov);
  const bureauA = await makeOrg(env, a, { type: 'justice_bureau' });
  const bureauB = await makeOrg(env, b, { type: 'justice_bureau' });
  const deptA = await makeOrg(env, a, { parentId: bureauA.id });
  const deptB = await makeOrg(env, b, { parentId: bureauB.id });
  staffA = await login(env, (await makeUser(env, deptA, ['staff'])).username);
  staffB = await login(env, (await makeUser(env, deptB, ['staff'])).username);
  supervisorA = await login(env, (await makeUser(env, bureauA, ['supervisor'])).username);
  supervisorB = await login(env, (await makeUser(env, bureauB, ['supervisor'])).username);
}, 120_000);
afterAll(() => env.close());

async function xlsx(rows: (string | number)[][]): Promise<FormData> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('清单案件');
  ws.addRow([
    '事项序号',
    '案件编号',
    '办理日期',
    '当事人类型',
    '当事人名称',
    '统一社会信用代码',
    '减免金额（元）',
    '教育引导情况',
  ]);
  for (const r of rows) ws.addRow(r);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const form = new FormData();
  form.append('file', new Blob([buf]), 'cases.xlsx');
  return form;
}

describe('lenient lists (四张清单)', () => {
  let v1: LenientListDetail;
  let v2: LenientListDetail;

  it('creates a 不予处罚 list and a new version keeps the old one as history', async () => {
    const res = await staffA.post<LenientListDetail>('/api/enforcement/lenient/lists', {
      kind: 'no_penalty',
      title: '市场监管领域不予处罚事项清单',
      effectiveFrom: '2024-01-01',
      items: [item(1), item(2)],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    v1 = res.body;
    expect(v1.items.map((i) => i.seq)).toEqual([1, 2]);
    expect(v1.actions).toContain('revise');
    const dup = await staffA.post('/api/enforcement/lenient/lists', {
      kind: 'no_penalty',
      title: '重复清单',
      effectiveFrom: '2024-01-01',
      items: [item(1)],
    });
    expectError(dup, 409, 'CONFLICT');

    const early = await staffA.post(`/api/enforcement/lenient/lists/${v1.id}/versions`, {
      version: v1.version,
      title: v1.title,
      effectiveFrom: '2023-12-01',
      items: [item(1)],
    });
    expectError(early, 409, 'LENIENT_VERSION_DATE');
    const rev = await staffA.post<LenientListDetail>(`/api/enforcement/lenient/lists/${v1.id}/versions`, {
      version: v1.version,
      title: '市场监管领域不予处罚事项清单（2025年版）',
      effectiveFrom: '2025-01-01',
      items: [
        ...v1.items.map(({ conduct, circumstances, conditions, legalBasis, penaltyBasis }) => ({
          conduct,
          circumstances,
          conditions,
          legalBasis,
          penaltyBasis,
        })),
        item(3),
      ],
    });
    expect(rev.status, JSON.stringify(rev.body)).toBe(200);
    v2 = rev.body;
    expect(v2.versionNo).toBe(2);
    expect(v2.previousId).toBe(v1.id);
    expect(v2.items).toHaveLength(3);
    expect(v2.history.map((h) => h.versionNo)).toEqual([2, 1]);
    const old = await staffA.get<LenientListDetail>(`/api/enforcement/lenient/lists/${v1.id}`);
    expect(old.body.current).toBe(false);
    expect(old.body.effectiveTo).toBe('2024-12-31');
    expect(old.body.items).toHaveLength(2);
    const stale = await staffA.post(`/api/enforcement/lenient/lists/${v1.id}/versions`, {
      version: v1.version,
      title: 'x',
      effectiveFrom: '2026-01-01',
      items: [item(1)],
    });
    expectError(stale, 409, 'LENIENT_NOT_CURRENT');
  });

  it('enters cases: USCC checked, education required for 不予处罚, date within the version', async () => {
    const base = {
      itemId: v2.items[0]!.id,
      caseNo: '市监不罚〔2025〕1号',
      handledOn: '2025-03-03',
      partyKind: 'org',
      partyName: '某某商贸有限公司',
      partyUscc: uscc,
      amountYuan: 2000.5,
      education: '当场教育并责令改正',
    };
    expectError(
      await staffA.post(`/api/enforcement/lenient/lists/${v2.id}/cases`, {
        ...base,
        partyUscc: '91410700123456789X',
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await staffA.post(`/api/enforcement/lenient/lists/${v2.id}/cases`, { ...base, education: '' }),
      400,
      'LENIENT_EDUCATION_REQUIRED',
    );
    expectError(
      await staffA.post(`/api/enforcement/lenient/lists/${v2.id}/cases`, {
        ...base,
        handledOn: '2024-06-01',
      }),
      409,
      'LENIENT_CASE_OUTSIDE_PERIOD',
    );
    const ok = await staffA.post<{ amountYuan: number }>(
      `/api/enforcement/lenient/lists/${v2.id}/cases`,
      base,
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.amountYuan).toBe(2000.5);
    const person = await staffA.post<{ partyName: string }>(`/api/enforcement/lenient/lists/${v2.id}/cases`, {
      ...base,
      caseNo: '市监不罚〔2025〕2号',
      partyKind: 'person',
      partyName: '张三丰',
      partyUscc: undefined,
      amountYuan: 500,
    });
    expect(person.status, JSON.stringify(person.body)).toBe(200);
    expect(person.body.partyName).toBe('张某某');
  });

  it('imports cases from .xlsx; one bad row → nothing written', async () => {
    const bad = await xlsx([
      [1, '导入〔2025〕1号', '2025-04-01', '单位', '甲公司', uscc, 100, '已教育'],
      [9, '导入〔2025〕2号', '2025-04-02', '单位', '乙公司', uscc, 100, '已教育'],
      [2, '导入〔2025〕3号', '2025-04-03', '个人', '李四', '', 100, ''],
    ]);
    const res = await staffA.post<{ code: string; details: { row: number; message: string }[] }>(
      `/api/enforcement/lenient/lists/${v2.id}/cases/import`,
      bad,
    );
    expectError(res, 400, 'LENIENT_IMPORT_INVALID');
    expect(res.body.details.map((e) => e.row)).toEqual([3, 4]);
    expect(res.body.details[0]!.message).toMatch(/第3行：事项序号/);
    const before = await staffA.get<{ items: unknown[] }>(`/api/enforcement/lenient/lists/${v2.id}/cases`);
    expect(before.body.items).toHaveLength(2);

    const good = await xlsx([
      [1, '导入〔2025〕1号', '2025-04-01', '单位', '甲公司', uscc, 100, '已教育'],
      [3, '导入〔2025〕3号', '2025-04-03', '个人', '李四', '', 99.5, '已教育'],
    ]);
    const ok = await staffA.post<{ imported: number }>(
      `/api/enforcement/lenient/lists/${v2.id}/cases/import`,
      good,
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.imported).toBe(2);
  });

  it('totals per item, list, kind and year', async () => {
    const d = await staffA.get<LenientListDetail>(`/api/enforcement/lenient/lists/${v2.id}`);
    expect(d.body.cases).toBe(4);
    expect(d.body.amountYuan).toBe(2700);
    expect(d.body.items[0]!.cases).toBe(3);
    const t = await supervisorA.get<LenientTotals>('/api/enforcement/lenient/totals?year=2025');
    expect(t.body.cases).toBe(4);
    expect(t.body.amountYuan).toBe(2700);
    expect(t.body.items).toBe(3); // current versions only
    expect(t.body.byKind.find((k) => k.kind === 'no_penalty')!.cases).toBe(4);
    const none = await supervisorA.get<LenientTotals>('/api/enforcement/lenient/totals?year=2024');
    expect(none.body.cases).toBe(0);
    const exp = await supervisorA.get('/api/enforcement/lenient/lists/export.xlsx');
    expect(exp.status).toBe(200);
  });

  it('another county sees nothing: 404 on the list, empty totals', async () => {
    expect((await supervisorB.get(`/api/enforcement/lenient/lists/${v2.id}`)).status).toBe(404);
    expect((await staffB.get(`/api/enforcement/lenient/lists/${v2.id}/cases`)).status).toBe(404);
    expect(
      (
        await staffB.post(`/api/enforcement/lenient/lists/${v2.id}/versions`, {
          version: v2.version,
          title: 'x',
          effectiveFrom: '2026-01-01',
          items: [item(1)],
        })
      ).status,
    ).toBe(404);
    const t = await supervisorB.get<LenientTotals>('/api/enforcement/lenient/totals');
    expect(t.body.cases).toBe(0);
    // The supervisor reads but does not keep a body's list.
    expect(
      (
        await supervisorA.post('/api/enforcement/lenient/lists', {
          kind: 'lighter',
          title: 'x',
          effectiveFrom: '2025-01-01',
          items: [item(1)],
        })
      ).status,
    ).toBe(403);
  });
});
