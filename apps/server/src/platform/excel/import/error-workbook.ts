import type ExcelJS from 'exceljs';
import type { AnyImportKind, ImportIssue } from './import-kind';
import { ERROR_COLUMN_HEADER, normalizeHeader, type ImportSheet } from './workbook-reader';

export const ERROR_FILL_ARGB = 'FFFF0000';
const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: ERROR_FILL_ARGB } };
const NO_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'none' };
/** Every note we write starts with this, so a corrected errors file uploaded again can be cleaned. */
export const NOTE_PREFIX = '【导入错误】';
const SECRET_NOTE = '为安全起见，错误文件不保留密码，请重新填写';

/**
 * exceljs shares one style object between cells loaded with the same style: `cell.fill = …` would
 * repaint every such cell. Give the cell its own style object instead.
 */
function restyle(cell: ExcelJS.Cell, patch: Partial<ExcelJS.Style>): void {
  cell.style = { ...cell.style, ...patch };
}

/** exceljs has no public way to remove a note: drop it and re-set the value, which rebuilds the cell model. */
function removeNote(cell: ExcelJS.Cell): void {
  const value = cell.value;
  Reflect.set(cell, '_comment', undefined);
  cell.value = value;
}

/**
 * The uploaded workbook handed back: each bad cell filled red with a note explaining the error, an
 * 错误说明 column at the end of each bad row. Marks of an earlier round are cleared first, and secret
 * columns (initial passwords) are blanked.
 */
export async function buildErrorWorkbook(
  kind: AnyImportKind,
  sheet: ImportSheet,
  issues: ImportIssue[],
): Promise<Buffer> {
  const { worksheet: ws, columns } = sheet;
  let errorCol = 0;
  ws.getRow(1).eachCell((cell, col) => {
    if (typeof cell.value === 'string' && normalizeHeader(cell.value) === ERROR_COLUMN_HEADER) errorCol = col;
  });
  if (!errorCol) {
    errorCol = Math.max(ws.columnCount, ...columns.values()) + 1;
    const h = ws.getCell(1, errorCol);
    h.value = ERROR_COLUMN_HEADER;
    restyle(h, { font: { bold: true, color: { argb: 'FFC00000' } } });
    ws.getColumn(errorCol).width = 60;
  }

  // Clear the marks of a previous round on every data row.
  const lastRow = ws.rowCount;
  for (let r = 2; r <= lastRow; r++) {
    const row = ws.getRow(r);
    for (const col of columns.values()) {
      const cell = row.getCell(col);
      const fill = cell.fill as ExcelJS.FillPattern | undefined;
      if (fill?.type === 'pattern' && fill.fgColor?.argb === ERROR_FILL_ARGB)
        restyle(cell, { fill: NO_FILL });
      if (typeof cell.note === 'string' && cell.note.startsWith(NOTE_PREFIX)) removeNote(cell);
    }
    const e = row.getCell(errorCol);
    if (e.value !== null) e.value = null;
    if (e.fill) restyle(e, { fill: NO_FILL });
  }
  for (const c of kind.columns.filter((x) => x.secret)) {
    const col = columns.get(c.key) as number;
    for (let r = 2; r <= lastRow; r++) ws.getCell(r, col).value = null;
    ws.getCell(1, col).note = SECRET_NOTE;
  }

  const headerOf = new Map(kind.columns.map((c) => [c.key, c.header]));
  const byRow = new Map<number, ImportIssue[]>();
  for (const i of issues) byRow.set(i.rowNumber, [...(byRow.get(i.rowNumber) ?? []), i]);
  for (const [rowNumber, list] of byRow) {
    const byCell = new Map<string, string[]>();
    for (const i of list) if (i.key) byCell.set(i.key, [...(byCell.get(i.key) ?? []), i.message]);
    for (const [key, messages] of byCell) {
      const cell = ws.getCell(rowNumber, columns.get(key) as number);
      restyle(cell, { fill: ERROR_FILL });
      cell.note = `${NOTE_PREFIX}${messages.join('；')}`;
    }
    const summary = ws.getCell(rowNumber, errorCol);
    summary.value = list.map((i) => (i.key ? `${headerOf.get(i.key)}：${i.message}` : i.message)).join('；');
    // An error of the whole row (a business rule at commit) has no cell of its own: mark the summary.
    restyle(summary, {
      font: { color: { argb: 'FFC00000' } },
      ...(list.some((i) => !i.key) ? { fill: ERROR_FILL } : {}),
    });
  }
  return Buffer.from(await sheet.workbook.xlsx.writeBuffer());
}
