import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Client, Res } from '../harness';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type Job = {
  id: string;
  kind: string;
  status: string;
  processed: number;
  total: number;
  errorCount: number;
  message: string | null;
};

export const ORG_HEADERS = [
  '单位名称',
  '简称',
  '单位类型',
  '行政区划代码',
  '上级单位',
  '统一社会信用代码',
  '机关代字',
  '是否行政执法主体',
  '是否行政复议机关',
];
export const USER_HEADERS = [
  '用户名',
  '姓名',
  '所属单位',
  '身份证号',
  '手机号',
  '电子邮箱',
  '职务',
  '初始密码',
];

/** A workbook built in memory: one sheet, a header row, then `rows` (null = empty cell). */
export async function workbook(
  sheetName: string,
  headers: string[],
  rows: (string | null)[][],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r.map((v) => v ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Fills the downloaded template's data sheet (the path a user takes). */
export async function fillTemplate(
  template: ArrayBuffer,
  sheetName: string,
  rows: (string | null)[][],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template);
  const ws = wb.getWorksheet(sheetName);
  if (!ws) throw new Error(`template has no sheet ${sheetName}`);
  rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(i + 2, j + 1).value = v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function upload(
  c: Client,
  kind: string,
  file: Buffer,
  filename = '导入.xlsx',
  type = XLSX_TYPE,
): Promise<Res<{ jobId: string; code?: string; message?: string }>> {
  const fd = new FormData();
  fd.append('file', new Blob([new Uint8Array(file)], { type }), filename);
  return c.request('POST', `/api/import/${kind}`, fd);
}

/** Polls the job until it leaves 'running'. */
export async function waitForJob(c: Client, jobId: string, timeoutMs = 25_000): Promise<Job> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await c.get<Job>(`/api/import/jobs/${jobId}`);
    expect(r.status).toBe(200);
    if (r.body.status !== 'running') return r.body;
    if (Date.now() > until) throw new Error(`job ${jobId} still running: ${JSON.stringify(r.body)}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

/** Uploads and waits; asserts the upload itself was accepted. */
export async function importFile(c: Client, kind: string, file: Buffer): Promise<Job> {
  const r = await upload(c, kind, file);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return waitForJob(c, r.body.jobId);
}

export type MarkedCell = { address: string; row: number; col: number; note: string | null };

/** Every cell of the first sheet filled with the errors file's red, with its note. */
export async function redCells(file: ArrayBuffer): Promise<{ ws: ExcelJS.Worksheet; marked: MarkedCell[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file);
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  const marked: MarkedCell[] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) =>
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const fill = cell.fill as ExcelJS.FillPattern | undefined;
      if (fill?.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb === 'FFFF0000') {
        const note = cell.note;
        marked.push({
          address: cell.address,
          row: rowNumber,
          col,
          note: typeof note === 'string' ? note : note ? JSON.stringify(note) : null,
        });
      }
    }),
  );
  return { ws, marked };
}
