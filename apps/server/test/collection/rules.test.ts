import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEnv, type TestEnv } from '../harness';
import {
  addDays,
  buildCollectionWorld,
  makeIndicators,
  openedTask,
  targetOf,
  today,
  uploadForm,
  workbookOf,
  type CollectionWorld,
} from './fixtures';

type Target = {
  id: string;
  status: string;
  version: number;
  values: {
    code: string;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    reused: boolean;
  }[];
  sections: { code: string; text: string }[];
};
type Err = { code: string; message: string; details?: { errors?: { row: number; column: string }[] } };

let env: TestEnv;
let w: CollectionWorld;
let codes: { count: string; rate: string; extra: string };

beforeAll(async () => {
  env = await startTestEnv();
  w = await buildCollectionWorld(env);
  codes = await makeIndicators(env);
}, 60_000);
afterAll(() => env.close());

async function submitSignAccept(u: CollectionWorld['d1'], taskId: string, id: string, version: number) {
  const sub = await u.staff.post<Target>(`/api/collection/targets/${id}/submit`, { version });
  expect(sub.status, JSON.stringify(sub.body)).toBe(200);
  const signed = await u.head.post<Target>(`/api/collection/targets/${id}/signoff`, {
    version: sub.body.version,
  });
  expect(signed.status).toBe(200);
  const acc = await w.reviewer.post<Target>(`/api/collection/tasks/${taskId}/targets/${id}/accept`, {
    version: signed.body.version,
  });
  expect(acc.status, JSON.stringify(acc.body)).toBe(200);
  return acc.body;
}

describe('collecting once per period (最多报一次)', () => {
  it('a value already submitted for the period is pre-filled, marked reused and not asked again', async () => {
    const first = await openedTask(w.reviewer, [codes.count], [w.d1.org.id]);
    const id1 = targetOf(first, w.d1.org.id);
    const saved = await w.d1.staff.put<Target>(`/api/collection/targets/${id1}`, {
      version: 1,
      values: [{ code: codes.count, value: 42 }],
    });
    await submitSignAccept(w.d1, first.id, id1, saved.body.version);

    const second = await openedTask(w.reviewer, [codes.count, codes.extra], [w.d1.org.id]);
    const id2 = targetOf(second, w.d1.org.id);
    const view = (await w.d1.staff.get<Target>(`/api/collection/targets/${id2}`)).body;
    const reused = view.values.find((v) => v.code === codes.count);
    expect(reused).toMatchObject({ value: 42, reused: true });
    expect(view.values.find((v) => v.code === codes.extra)).toMatchObject({ value: null, reused: false });

    // Only the new indicator is typed; the reused one is confirmed at submission.
    const s = await w.d1.staff.put<Target>(`/api/collection/targets/${id2}`, {
      version: view.version,
      values: [{ code: codes.extra, value: 7 }],
    });
    const done = await submitSignAccept(w.d1, second.id, id2, s.body.version);
    expect(done.values.find((v) => v.code === codes.count)).toMatchObject({ value: 42, reused: true });
    const { rows } = await env.database.pool.query(
      `select reused_from_value_id from collection_values where target_id = $1 and indicator_code = $2`,
      [id2, codes.count],
    );
    expect(rows[0].reused_from_value_id).not.toBeNull();
  });
});

describe('the deadline', () => {
  it('after the due date a submission is refused with COLLECTION_CLOSED until the bureau returns it', async () => {
    const task = await openedTask(w.reviewer, [codes.extra], [w.d2.org.id]);
    const id = targetOf(task, w.d2.org.id);
    const saved = await w.d2.staff.put<Target>(`/api/collection/targets/${id}`, {
      version: 1,
      values: [{ code: codes.extra, value: 3 }],
    });
    expect(saved.status).toBe(200);
    await env.database.pool.query(`update collection_tasks set due_date = $2 where id = $1`, [
      task.id,
      addDays(today(), -1),
    ]);
    const late = await w.d2.staff.post<Err>(`/api/collection/targets/${id}/submit`, {
      version: saved.body.version,
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('COLLECTION_CLOSED');
    const lateSave = await w.d2.staff.put<Err>(`/api/collection/targets/${id}`, {
      version: saved.body.version,
      values: [{ code: codes.extra, value: 4 }],
    });
    expect(lateSave.body.code).toBe('COLLECTION_CLOSED');
    const { rows } = await env.database.pool.query(
      `select value::float8 as v from collection_values where target_id = $1`,
      [id],
    );
    expect(rows[0].v).toBe(3);
    // The bureau returns it (准予补报): the organisation may now submit late.
    const ret = await w.reviewer.post<Target>(`/api/collection/tasks/${task.id}/targets/${id}/return`, {
      version: saved.body.version,
      reason: '准予补报，请于三日内提交',
    });
    expect(ret.status).toBe(200);
    const ok = await w.d2.staff.post<Target>(`/api/collection/targets/${id}/submit`, {
      version: ret.body.version,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.status).toBe('submitted');
  });

  it('a submitted target cannot be edited any more', async () => {
    const task = await openedTask(w.reviewer, [codes.extra], [w.d1.org.id]);
    const id = targetOf(task, w.d1.org.id);
    const s = await w.d1.staff.put<Target>(`/api/collection/targets/${id}`, {
      version: 1,
      values: [{ code: codes.extra, value: 1 }],
    });
    const sub = await w.d1.staff.post<Target>(`/api/collection/targets/${id}/submit`, {
      version: s.body.version,
    });
    const res = await w.d1.staff.put<Err>(`/api/collection/targets/${id}`, {
      version: sub.body.version,
      values: [{ code: codes.extra, value: 2 }],
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('COLLECTION_CLOSED');
  });
});

describe('closing a task', () => {
  it('stops the clocks of the targets never accepted and refuses further filling', async () => {
    const task = await openedTask(w.reviewer, [codes.extra], [w.d1.org.id], { period: '2019' });
    const id = targetOf(task, w.d1.org.id);
    const closed = await w.reviewer.post<{ status: string }>(`/api/collection/tasks/${task.id}/close`, {
      version: task.version,
    });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    const { rows } = await env.database.pool.query(
      `select status from clocks where subject_type = 'collection.target' and subject_id = $1`,
      [id],
    );
    expect(rows[0].status).toBe('completed');
    const res = await w.d1.staff.put<Err>(`/api/collection/targets/${id}`, {
      version: 1,
      values: [{ code: codes.extra, value: 1 }],
    });
    expect(res.body.code).toBe('COLLECTION_CLOSED');
    const again = await w.reviewer.post<Err>(`/api/collection/tasks/${task.id}/close`, {
      version: task.version + 1,
    });
    expect(again.body.code).toBe('ILLEGAL_TRANSITION');
  });
});

describe('the offline workbook', () => {
  it('downloads, is filled offline and uploads back; values and narratives stored', async () => {
    const task = await openedTask(w.reviewer, [codes.count, codes.rate], [w.d1.org.id, w.d2.org.id], {
      period: '2024',
    });
    const id = targetOf(task, w.d1.org.id);
    const wb = await workbookOf(w.d1.staff, id);
    const ws = wb.getWorksheet('填报表');
    expect(ws?.getCell('A4').value).toBe(codes.count);
    expect(ws?.getCell('A5').value).toBe(codes.rate);
    ws!.getCell('D4').value = 8;
    ws!.getCell('E5').value = 3;
    ws!.getCell('F5').value = '4';
    wb.getWorksheet('情况说明')!.getCell('C2').value = '全年组织学法4次。';
    const res = await w.d1.staff.post<Target>(`/api/collection/targets/${id}/workbook`, await uploadForm(wb));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.values.find((v) => v.code === codes.count)?.value).toBe(8);
    expect(res.body.values.find((v) => v.code === codes.rate)).toMatchObject({
      numerator: 3,
      denominator: 4,
      value: 75,
    });
    expect(res.body.sections.find((s) => s.code === 'g1')?.text).toBe('全年组织学法4次。');
    const { rows } = await env.database.pool.query(
      `select action from audit_log where entity_id = $1 and action = 'collection.target.upload'`,
      [id],
    );
    expect(rows).toHaveLength(1);
  });

  it('another organisation’s workbook is refused with WRONG_WORKBOOK, nothing written', async () => {
    const task = await openedTask(w.reviewer, [codes.count], [w.d1.org.id, w.d2.org.id], { period: '2023' });
    const mine = targetOf(task, w.d1.org.id);
    const theirs = targetOf(task, w.d2.org.id);
    const wb = await workbookOf(w.d2.staff, theirs);
    wb.getWorksheet('填报表')!.getCell('D4').value = 99;
    const res = await w.d1.staff.post<Err>(`/api/collection/targets/${mine}/workbook`, await uploadForm(wb));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('WRONG_WORKBOOK');
    // A workbook whose hidden check was tampered with (pointing it at my target) is refused too.
    const meta = wb.getWorksheet('_fazhi')!;
    meta.getCell('A2').value = mine;
    const forged = await w.d1.staff.post<Err>(
      `/api/collection/targets/${mine}/workbook`,
      await uploadForm(wb),
    );
    expect(forged.body.code).toBe('WRONG_WORKBOOK');
    // Neither is my own staff able to download the other organisation's workbook.
    expect((await w.d1.staff.get(`/api/collection/targets/${theirs}/workbook.xlsx`)).status).toBe(404);
    const { rows } = await env.database.pool.query(
      `select count(*)::int as n from collection_values where target_id = any($1::uuid[])`,
      [[mine, theirs]],
    );
    expect(rows[0].n).toBe(0);
  });

  it('a bad cell is refused naming row and column; nothing written', async () => {
    const task = await openedTask(w.reviewer, [codes.count, codes.rate], [w.d2.org.id], { period: '2022' });
    const id = targetOf(task, w.d2.org.id);
    const wb = await workbookOf(w.d2.staff, id);
    const ws = wb.getWorksheet('填报表')!;
    ws.getCell('D4').value = 'abc';
    ws.getCell('E5').value = 5;
    ws.getCell('F5').value = 4;
    const res = await w.d2.staff.post<Err>(`/api/collection/targets/${id}/workbook`, await uploadForm(wb));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('WORKBOOK_INVALID');
    expect(res.body.message).toContain('第4行 D列');
    expect(res.body.message).toContain('第5行 E列');
    expect(res.body.details?.errors?.map((e) => `${e.row}${e.column}`)).toEqual(['4D', '5E']);

    ws.getCell('D4').value = -2;
    ws.getCell('E5').value = 1;
    ws.getCell('A6').value = 'unknown_code';
    ws.getCell('D6').value = 1;
    const res2 = await w.d2.staff.post<Err>(`/api/collection/targets/${id}/workbook`, await uploadForm(wb));
    expect(res2.status).toBe(400);
    expect(res2.body.message).toContain('第4行 D列（数值）：不能为负数');
    expect(res2.body.message).toContain('第6行 A列：指标代码“unknown_code”不是本任务的指标');
    const { rows } = await env.database.pool.query(
      `select count(*)::int as n from collection_values where target_id = $1`,
      [id],
    );
    expect(rows[0].n).toBe(0);
    const notXlsx = new FormData();
    notXlsx.append('file', new Blob([new Uint8Array(Buffer.from('not a workbook'))]), 'x.xlsx');
    const res3 = await w.d2.staff.post<Err>(`/api/collection/targets/${id}/workbook`, notXlsx);
    expect(res3.status).toBe(400);
  });
});

describe('scope', () => {
  it('another county’s staff and reviewer see nothing (404 / empty lists)', async () => {
    const task = await openedTask(w.reviewer, [codes.count], [w.d1.org.id], { period: '2021' });
    const id = targetOf(task, w.d1.org.id);
    expect((await w.staffB.get(`/api/collection/targets/${id}`)).status).toBe(404);
    expect((await w.staffB.put(`/api/collection/targets/${id}`, { version: 1, values: [] })).status).toBe(
      404,
    );
    expect((await w.reviewerB.get(`/api/collection/tasks/${task.id}`)).status).toBe(404);
    expect((await w.reviewerB.get(`/api/collection/tasks/${task.id}/targets/${id}`)).status).toBe(404);
    expect(
      (
        await w.reviewerB.post(`/api/collection/tasks/${task.id}/targets/${id}/return`, {
          version: 1,
          reason: '越权退回',
        })
      ).status,
    ).toBe(404);
    const list = await w.reviewerB.get<{ items: { id: string }[] }>('/api/collection/tasks');
    expect(list.body.items.map((t) => t.id)).not.toContain(task.id);
    const mine = await w.staffB.get<{ items: unknown[] }>('/api/collection/targets');
    expect(mine.body.items).toHaveLength(0);
    // A sibling organisation of the same region cannot read it either.
    expect((await w.d2.staff.get(`/api/collection/targets/${id}`)).status).toBe(404);
    // A task may only target organisations inside the bureau's region.
    const outside = await w.reviewerB.post<Err>('/api/collection/tasks', {
      title: '越界任务',
      period: '2025',
      indicatorCodes: [codes.count],
      dueDate: '2099-01-01',
      targetMode: 'list',
      orgIds: [w.d1.org.id],
    });
    expect(outside.status).toBe(400);
  });

  it('the task list and its progress export', async () => {
    const list = await w.reviewer.get<{ items: { id: string; progress: { total: number } }[] }>(
      '/api/collection/tasks',
    );
    expect(list.body.items.length).toBeGreaterThan(0);
    const xlsx = await w.reviewer.get('/api/collection/tasks/export.xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const first = list.body.items[0]!.id;
    expect((await w.reviewer.get(`/api/collection/tasks/${first}/targets.xlsx`)).status).toBe(200);
  });
});

describe('evidence', () => {
  it('uploads, lists, downloads (also by the bureau) and deletes evidence; a wrong type is refused', async () => {
    const task = await openedTask(w.reviewer, [codes.count], [w.d1.org.id], { period: '2020' });
    const id = targetOf(task, w.d1.org.id);
    const f = new FormData();
    f.append('code', codes.count);
    f.append('file', new Blob([new Uint8Array(Buffer.from('%PDF-1.4 evidence'))]), '台账.pdf');
    const up = await w.d1.staff.post<{ fileId: string }>(`/api/collection/targets/${id}/evidence`, f);
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    const view = await w.d1.staff.get<{
      values: { code: string; evidence: { fileId: string; fileName: string }[] }[];
    }>(`/api/collection/targets/${id}`);
    expect(view.body.values[0]?.evidence.map((e) => e.fileName)).toEqual(['台账.pdf']);
    expect((await w.d1.staff.get(`/api/collection/targets/${id}/evidence/${up.body.fileId}`)).status).toBe(
      200,
    );
    expect(
      (await w.reviewer.get(`/api/collection/tasks/${task.id}/targets/${id}/evidence/${up.body.fileId}`))
        .status,
    ).toBe(200);
    const bad = new FormData();
    bad.append('code', codes.count);
    bad.append('file', new Blob([new Uint8Array(Buffer.from('MZ executable'))]), 'virus.pdf');
    const refused = await w.d1.staff.post<Err>(`/api/collection/targets/${id}/evidence`, bad);
    expect(refused.status).toBe(415);
    expect(refused.body.code).toBe('ATTACHMENT_TYPE');
    const del = await w.d1.staff.request(
      'DELETE',
      `/api/collection/targets/${id}/evidence/${up.body.fileId}`,
    );
    expect(del.status).toBe(200);
    expect((await w.d1.staff.get(`/api/collection/targets/${id}/evidence/${up.body.fileId}`)).status).toBe(
      404,
    );
  });
});
