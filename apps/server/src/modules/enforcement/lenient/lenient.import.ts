import { lenientCaseCreateSchema, type LenientCaseCreate } from '@fazhi/contracts';
import ExcelJS from 'exceljs';
import { requirePermission } from '../../../platform/access/policy';
import type { Ctx } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { cellText } from '../../../platform/excel/import/cells';
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  normalizeHeader,
} from '../../../platform/excel/import/workbook-reader';
import { checkCase, insertCases, itemSeqs, loadLenientList } from './lenient.service';

/*
 * Import of cases handled under a list version from .xlsx: every row is checked first (the same rules as entering
 * one case); a single bad row refuses the whole file with each row's problems and writes nothing.
 */
export const LENIENT_CASE_COLUMNS = [
  { key: 'seq', header: '事项序号' },
  { key: 'caseNo', header: '案件编号' },
  { key: 'handledOn', header: '办理日期' },
  { key: 'partyKind', header: '当事人类型' },
  { key: 'partyName', header: '当事人名称' },
  { key: 'partyUscc', header: '统一社会信用代码' },
  { key: 'amountYuan', header: '减免金额（元）' },
  { key: 'education', header: '教育引导情况' },
] as const;

type RowError = { row: number; message: string };

export async function templateWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('清单案件');
  ws.columns = LENIENT_CASE_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: 20 }));
  ws.getRow(1).font = { bold: true };
  ws.addRow(['1', '示例〔2026〕1号', '2026-03-02', '单位', '示例有限公司', '', '0', '已当场教育']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function importCases(
  ctx: Ctx,
  listId: string,
  file: { fileName: string; content: Buffer },
): Promise<{ imported: number }> {
  requirePermission(ctx.actor, 'enforcement.body');
  const actor = ctx.actor;
  if (!/\.xlsx$/i.test(file.fileName) || file.content.subarray(0, 2).toString('latin1') !== 'PK')
    throw new AppError('FILE_INVALID', '只支持 .xlsx 文件，请使用下载的模板填写后导入');
  if (file.content.length > MAX_IMPORT_BYTES) throw new AppError('FILE_INVALID', '文件过大，请分批导入');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file.content as unknown as ArrayBuffer);
  } catch {
    throw new AppError('FILE_INVALID', '文件已损坏或不是 Excel 工作簿');
  }
  const ws = wb.worksheets[0];
  if (!ws || ws.actualRowCount < 2) throw new AppError('FILE_INVALID', '文件中没有数据行');
  const cols = new Map<string, number>();
  ws.getRow(1).eachCell((cell, n) => {
    const h = normalizeHeader(String(cellText(cell.value)));
    const c = LENIENT_CASE_COLUMNS.find((x) => normalizeHeader(x.header) === h);
    if (c) cols.set(c.key, n);
  });
  const missing = LENIENT_CASE_COLUMNS.filter((c) => !cols.has(c.key)).map((c) => c.header);
  if (missing.length) throw new AppError('FILE_INVALID', `缺少列：${missing.join('、')}，请使用下载的模板`);
  if (ws.actualRowCount - 1 > MAX_IMPORT_ROWS)
    throw new AppError('FILE_INVALID', `一次最多导入 ${MAX_IMPORT_ROWS} 行，请分批导入`);

  return ctx.db.transaction(async (tx) => {
    const list = await loadLenientList(tx, actor, listId, 'enforcement.body');
    const seqs = await itemSeqs(tx, list.id);
    const bySeq = new Map([...seqs].map(([id, seq]) => [seq, id]));
    const errors: RowError[] = [];
    const rows = [];
    const seen = new Set<string>();
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const text = (key: string) => {
        const v = cellText(row.getCell(cols.get(key)!).value);
        return typeof v === 'string' ? v.trim() : v;
      };
      const raw = Object.fromEntries(LENIENT_CASE_COLUMNS.map((c) => [c.key, text(c.key)]));
      if (Object.values(raw).every((v) => v === '')) continue;
      const cellErr = Object.values(raw).find((v) => typeof v !== 'string') as { error: string } | undefined;
      if (cellErr) {
        errors.push({ row: r, message: cellErr.error });
        continue;
      }
      const t = raw as Record<string, string>;
      const itemId = bySeq.get(Number(t.seq));
      if (!itemId) {
        errors.push({ row: r, message: `事项序号“${t.seq}”不在该清单中` });
        continue;
      }
      const kind = t.partyKind === '单位' ? 'org' : t.partyKind === '个人' ? 'person' : null;
      if (!kind) {
        errors.push({ row: r, message: '当事人类型应填写“单位”或“个人”' });
        continue;
      }
      const amount = Number(t.amountYuan === '' ? '0' : t.amountYuan);
      const parsed = lenientCaseCreateSchema.safeParse({
        itemId,
        caseNo: t.caseNo,
        handledOn: t.handledOn,
        partyKind: kind,
        partyName: t.partyName,
        partyUscc: t.partyUscc || undefined,
        amountYuan: Number.isFinite(amount) ? amount : -1,
        education: t.education,
      });
      if (!parsed.success) {
        errors.push({ row: r, message: parsed.error.issues.map((i) => i.message).join('；') });
        continue;
      }
      const input: LenientCaseCreate = parsed.data;
      const key = `${input.itemId}|${input.caseNo}`;
      if (seen.has(key)) {
        errors.push({ row: r, message: `案件编号 ${input.caseNo} 在文件中重复` });
        continue;
      }
      seen.add(key);
      const checked = checkCase(list, seqs, input);
      if (!checked.ok) errors.push({ row: r, message: checked.message });
      else rows.push(checked.row);
    }
    if (errors.length)
      throw new AppError(
        'LENIENT_IMPORT_INVALID',
        undefined,
        errors.map((e) => ({ row: e.row, message: `第${e.row}行：${e.message}` })),
      );
    if (rows.length === 0) throw new AppError('FILE_INVALID', '文件中没有数据行');
    await insertCases(tx, ctx, list, rows, 'imported');
    return { imported: rows.length };
  });
}
