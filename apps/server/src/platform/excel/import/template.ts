import ExcelJS from 'exceljs';
import type { AnyImportKind, ImportColumn } from './import-kind';
import { MAX_IMPORT_ROWS } from './workbook-reader';

export const GUIDE_SHEET = '说明';
const OPTIONS_SHEET = '可选值';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

type WithValidations = { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } };

/** Excel caps an inline list at 255 characters; longer lists go to a hidden sheet. */
function listFormula(wb: ExcelJS.Workbook, c: ImportColumn, options: readonly string[]): string {
  const inline = `"${options.join(',')}"`;
  if (inline.length <= 255 && !options.some((o) => o.includes(','))) return inline;
  const sheet = wb.getWorksheet(OPTIONS_SHEET) ?? wb.addWorksheet(OPTIONS_SHEET, { state: 'veryHidden' });
  const col = sheet.columnCount + 1;
  sheet.getCell(1, col).value = c.header;
  options.forEach((o, i) => (sheet.getCell(i + 2, col).value = o));
  const letter = sheet.getColumn(col).letter;
  return `'${OPTIONS_SHEET}'!$${letter}$2:$${letter}$${options.length + 1}`;
}

/**
 * The import template: the data sheet (header row only, text-formatted columns so that 18-digit codes
 * survive, dropdowns for enum columns, a note on each header) and a 说明 sheet explaining every column
 * with an example row — the example is never on the data sheet, so it cannot be imported by mistake.
 */
export async function buildTemplate(kind: AnyImportKind): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fazhi 法治';
  const ws = wb.addWorksheet(kind.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  kind.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? Math.max(14, c.header.length * 2 + 4);
    col.numFmt = '@';
    const cell = ws.getCell(1, i + 1);
    cell.value = c.header;
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = HEADER_FILL;
    cell.note = `${c.required ? '【必填】' : '【选填】'}${c.note}\n示例：${c.example}`;
    if (c.options?.length) {
      const letter = col.letter;
      (ws as unknown as WithValidations).dataValidations.add(`${letter}2:${letter}${MAX_IMPORT_ROWS + 1}`, {
        type: 'list',
        allowBlank: !c.required,
        formulae: [listFormula(wb, c, c.options)],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: '请从下拉列表中选择',
        error: `${c.header}应为：${c.options.join('、')}`,
      });
    }
  });

  const guide = wb.addWorksheet(GUIDE_SHEET);
  guide.getColumn(1).width = 20;
  guide.getColumn(2).width = 8;
  guide.getColumn(3).width = 60;
  guide.getColumn(4).width = 36;
  guide.getColumn(5).width = 28;
  guide.addRow([`${kind.title}导入说明`]).font = { bold: true, size: 14 };
  const rules = [
    `在“${kind.sheetName}”工作表中从第2行开始填写，每行一条；不要修改第1行的列名，也不要删除列。`,
    `红色列名为必填项。一次最多导入 ${MAX_IMPORT_ROWS} 行。`,
    '系统先检查全部数据：只要有一处错误，本次不写入任何数据，并生成错误文件（出错单元格标红并附批注）；修改后可直接重新导入该文件。',
    ...(kind.instructions ?? []),
  ];
  rules.forEach((r, i) => guide.addRow([`${i + 1}. ${r}`]));
  guide.addRow([]);
  const head = guide.addRow(['列名', '必填', '填写说明', '可选值', '示例']);
  head.font = { bold: true };
  head.eachCell((c) => (c.fill = HEADER_FILL));
  for (const c of kind.columns) {
    const r = guide.addRow([
      c.header,
      c.required ? '是' : '否',
      c.note,
      c.options?.join('、') ?? '',
      c.example,
    ]);
    r.alignment = { wrapText: true, vertical: 'top' };
  }
  guide.addRow([]);
  guide.addRow(['示例（仅供参考；“说明”工作表不会被导入）']).font = { bold: true };
  const exHead = guide.addRow(kind.columns.map((c) => c.header));
  exHead.font = { bold: true };
  exHead.eachCell((c) => (c.fill = HEADER_FILL));
  guide.addRow(kind.columns.map((c) => c.example)).font = { italic: true, color: { argb: 'FF7F7F7F' } };

  return Buffer.from(await wb.xlsx.writeBuffer());
}
