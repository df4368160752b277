import { createHash } from 'node:crypto';
import type { CollectionTarget } from '@fazhi/contracts';
import ExcelJS from 'exceljs';
import { requirePermission } from '../../platform/access/policy';
import { shanghaiToday } from '../../platform/clock/today';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { findIndicators } from '../indicators';
import { applyValues, assertWritable, checkValue, type ValueInput } from './collection.fill.service';
import { isRate, isWholeUnit } from './collection.numbers';
import { ownTarget, targetView } from './collection.targets.read';

/*
 * The offline 填报表: one workbook per organisation and task. A very hidden sheet carries the target id, the
 * task id and the organisation (with a checksum over the three), so an upload of another organisation's or
 * another task's workbook is refused (WRONG_WORKBOOK) before any cell is read. Every cell is then checked
 * and nothing is written unless all are right (WORKBOOK_INVALID, naming row and column).
 */
const META_SHEET = '_fazhi';
const VALUE_SHEET = '填报表';
const TEXT_SHEET = '情况说明';
const FIRST_ROW = 4;
const COLS = {
  code: 1,
  name: 2,
  unit: 3,
  value: 4,
  numerator: 5,
  denominator: 6,
  note: 7,
  definition: 8,
} as const;
const COL_LETTER = ['', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
const COL_LABEL: Record<number, string> = { 4: '数值', 5: '分子', 6: '分母', 7: '说明' };

export const MAX_WORKBOOK_BYTES = 5 * 1024 * 1024;

const checksum = (targetId: string, taskId: string, orgId: string) =>
  createHash('sha256').update(`fazhi.collection|${targetId}|${taskId}|${orgId}`).digest('hex').slice(0, 24);

const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF7D6' } };
const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };

export async function buildWorkbook(
  ctx: Ctx,
  targetId: string,
): Promise<{ fileName: string; content: Buffer }> {
  requirePermission(ctx.actor, 'collection.fill');
  const { task, target } = await ownTarget(ctx.db, ctx.actor, targetId, 'collection.fill');
  const view = await targetView(ctx.db, ctx.actor, task, target, ctx.now());
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fazhi';
  const ws = wb.addWorksheet(VALUE_SHEET, { views: [{ state: 'frozen', ySplit: FIRST_ROW - 1 }] });
  ws.columns = [
    { width: 34 },
    { width: 36 },
    { width: 8 },
    { width: 14 },
    { width: 12 },
    { width: 12 },
    { width: 30 },
    { width: 50 },
  ];
  ws.mergeCells(1, 1, 1, 8);
  ws.getCell(1, 1).value = `${task.title}（${task.period}）— ${view.orgName}`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.mergeCells(2, 1, 2, 8);
  ws.getCell(2, 1).value =
    `请在浅黄色单元格填写，${task.dueDate} 前上传。比率类指标填写分子和分母（数值由系统计算）；没有发生的填 0；不要修改指标代码列和隐藏的工作表。`;
  ws.getRow(3).values = ['指标代码', '指标名称', '单位', '数值', '分子', '分母', '说明', '统计口径'];
  ws.getRow(3).font = { bold: true };
  view.values.forEach((v, i) => {
    const r = ws.getRow(FIRST_ROW + i);
    r.values = [
      v.code,
      v.name,
      v.unit,
      v.isRate ? null : v.value,
      v.numerator,
      v.denominator,
      v.note,
      v.definition,
    ];
    for (const c of [COLS.value, COLS.numerator, COLS.denominator]) {
      const input = v.isRate ? c !== COLS.value : c === COLS.value;
      r.getCell(c).fill = input ? INPUT_FILL : LOCKED_FILL;
    }
    r.getCell(COLS.note).fill = INPUT_FILL;
  });
  const ts = wb.addWorksheet(TEXT_SHEET);
  ts.columns = [{ width: 18 }, { width: 40 }, { width: 100 }];
  ts.getRow(1).values = ['栏目代码', '栏目', '内容'];
  ts.getRow(1).font = { bold: true };
  view.sections.forEach((s, i) => {
    const r = ts.getRow(2 + i);
    r.values = [s.code, s.title, s.text];
    r.getCell(3).fill = INPUT_FILL;
    r.getCell(3).alignment = { wrapText: true, vertical: 'top' };
  });
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.getCell('A1').value = 'fazhi.collection';
  meta.getCell('A2').value = target.id;
  meta.getCell('A3').value = task.id;
  meta.getCell('A4').value = target.orgId;
  meta.getCell('A5').value = view.orgUscc ?? '';
  meta.getCell('A6').value = checksum(target.id, task.id, target.orgId);
  const content = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `填报表-${task.title}-${view.orgName}.xlsx`, content };
}

type CellError = { row: number; column: string; message: string };

const text = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('result' in v) return text(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if (v instanceof Date) return v.toISOString();
  }
  return String(v).trim();
};

/** A number from a cell: empty → null; anything else must be a number ≥ 0. */
function numberCell(ws: ExcelJS.Worksheet, row: number, col: number, errors: CellError[]): number | null {
  const raw = ws.getCell(row, col).value;
  const where = { row, column: COL_LETTER[col] as string };
  const label = `第${row}行 ${where.column}列（${COL_LABEL[col]}）`;
  let v: unknown = raw;
  if (raw && typeof raw === 'object' && 'result' in raw) v = raw.result;
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return null;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim().replace(/,/g, '')) : NaN;
  if (!Number.isFinite(n)) {
    errors.push({ ...where, message: `${label}：“${text(raw)}”不是数字` });
    return null;
  }
  if (n < 0) {
    errors.push({ ...where, message: `${label}：不能为负数（${n}）` });
    return null;
  }
  return n;
}

export async function uploadWorkbook(
  ctx: Ctx,
  targetId: string,
  file: { fileName: string; content: Buffer },
): Promise<CollectionTarget> {
  requirePermission(ctx.actor, 'collection.fill');
  const actor = ctx.actor;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file.content as unknown as ArrayBuffer);
  } catch {
    throw new AppError(
      'WORKBOOK_INVALID',
      `“${file.fileName}”不是有效的 .xlsx 文件，请上传从本系统下载的填报表`,
    );
  }
  const meta = wb.getWorksheet(META_SHEET);
  const ws = wb.getWorksheet(VALUE_SHEET);
  const m = (a: string) => text(meta?.getCell(a).value ?? null);
  if (!meta || !ws || m('A1') !== 'fazhi.collection' || m('A6') !== checksum(m('A2'), m('A3'), m('A4')))
    throw new AppError(
      'WRONG_WORKBOOK',
      '上传的文件不是本系统下载的填报表（或隐藏的校验信息被修改），请重新下载本单位的填报表',
    );
  return ctx.db.transaction(async (tx) => {
    const { task, target } = await ownTarget(tx, actor, targetId, 'collection.fill', true);
    if (m('A2') !== target.id || m('A3') !== task.id || m('A4') !== target.orgId)
      throw new AppError('WRONG_WORKBOOK', undefined, { expected: { targetId: target.id } });
    assertWritable(task, target, shanghaiToday(ctx.now()));
    const catalogue = await findIndicators(tx, task.indicatorCodes);
    const errors: CellError[] = [];
    const values: ValueInput[] = [];
    const seen = new Set<string>();
    for (let row = FIRST_ROW; row <= ws.rowCount; row++) {
      const code = text(ws.getCell(row, COLS.code).value);
      const cells = [COLS.value, COLS.numerator, COLS.denominator].map((c) => text(ws.getCell(row, c).value));
      if (!code) {
        if (cells.some(Boolean))
          errors.push({
            row,
            column: 'A',
            message: `第${row}行 A列：指标代码为空，请不要删除或修改指标代码`,
          });
        continue;
      }
      const ind = task.indicatorCodes.includes(code) ? catalogue.get(code) : undefined;
      if (!ind) {
        errors.push({ row, column: 'A', message: `第${row}行 A列：指标代码“${code}”不是本任务的指标` });
        continue;
      }
      if (seen.has(code)) {
        errors.push({ row, column: 'A', message: `第${row}行 A列：指标“${code}”重复出现` });
        continue;
      }
      seen.add(code);
      const before = errors.length;
      const rate = isRate(ind);
      const v: ValueInput = {
        code,
        value: rate ? null : numberCell(ws, row, COLS.value, errors),
        numerator: rate ? numberCell(ws, row, COLS.numerator, errors) : null,
        denominator: rate ? numberCell(ws, row, COLS.denominator, errors) : null,
        note: text(ws.getCell(row, COLS.note).value).slice(0, 2000),
      };
      if (errors.length > before) continue;
      const checked = checkValue(ind, v);
      if ('error' in checked) {
        const col = rate ? 'E' : 'D';
        errors.push({ row, column: col, message: `第${row}行 ${col}列：${checked.error}` });
        continue;
      }
      if (!rate && v.value !== null && isWholeUnit(ind.unit) && !Number.isInteger(v.value)) continue;
      values.push(v);
    }
    const narratives: { code: 'g1'; text: string }[] = [];
    const ts = wb.getWorksheet(TEXT_SHEET);
    if (ts)
      for (let row = 2; row <= ts.rowCount; row++) {
        const code = text(ts.getCell(row, 1).value);
        if (!code) continue;
        if (!task.sectionCodes.includes(code)) {
          errors.push({
            row,
            column: 'A',
            message: `“${TEXT_SHEET}”第${row}行 A列：栏目代码“${code}”不是本任务的栏目`,
          });
          continue;
        }
        const body = text(ts.getCell(row, 3).value);
        if (body.length > 20000)
          errors.push({ row, column: 'C', message: `“${TEXT_SHEET}”第${row}行 C列：内容超过20000字` });
        else narratives.push({ code: code as 'g1', text: body });
      }
    if (errors.length)
      throw new AppError(
        'WORKBOOK_INVALID',
        `填报表有 ${errors.length} 处错误，未导入任何数据：${errors
          .slice(0, 10)
          .map((e) => e.message)
          .join('；')}${errors.length > 10 ? '……' : ''}`,
        { errors },
      );
    const row = await applyValues(tx, ctx, task, target, { values, narratives }, 'workbook');
    return targetView(tx, actor, task, row, ctx.now());
  });
}
