import ExcelJS from 'exceljs';
import { AppError } from '../../errors';
import { cellText } from './cells';
import type { AnyImportKind } from './import-kind';

export const MAX_IMPORT_ROWS = 5000;
/** 5,000 rows of a template are well under 1 MB; the limit stops zip bombs before exceljs inflates them. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** The column the errors file adds; ignored when a corrected errors file is uploaded again. */
export const ERROR_COLUMN_HEADER = '错误说明';

export type RawCell = string | { error: string };
export type RawRow = { rowNumber: number; texts: Record<string, RawCell> };
export type ImportSheet = {
  workbook: ExcelJS.Workbook;
  worksheet: ExcelJS.Worksheet;
  /** Column key → 1-based column number in the uploaded sheet. */
  columns: Map<string, number>;
  rows: RawRow[];
};

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const NOT_XLSX =
  '文件格式不正确：只支持 .xlsx 文件（Excel 2007 及以上）。.xls 或 .csv 文件请在 Excel 中“另存为”.xlsx 后再导入';

/** '单位名称*' / '单位名称（必填）' / ' 单位名称 ' all name the column 单位名称. */
export const normalizeHeader = (h: string) =>
  h
    .replace(/\s+/g, '')
    .replace(/[*＊]/g, '')
    .replace(/[（(]必填[）)]/g, '');

/**
 * Opens an uploaded workbook and checks its structure: an .xlsx, the kind's sheet (or the first one), every
 * template column in the header row, at least one and at most 5,000 data rows. Anything wrong here is a
 * FILE_INVALID answered at once; row-level problems are the job's business.
 */
export async function readImportFile(
  kind: AnyImportKind,
  fileName: string | null,
  buffer: Buffer,
): Promise<ImportSheet> {
  if (fileName !== null && !/\.xlsx$/i.test(fileName.trim()))
    throw new AppError('FILE_INVALID', NOT_XLSX, { fileName });
  if (buffer.length === 0) throw new AppError('FILE_INVALID', '文件为空，请使用下载的模板填写后再导入');
  if (buffer.length > MAX_IMPORT_BYTES)
    throw new AppError('FILE_INVALID', `文件过大（超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB），请分批导入`);
  if (!buffer.subarray(0, 4).equals(ZIP_MAGIC)) throw new AppError('FILE_INVALID', NOT_XLSX);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('FILE_INVALID', `${NOT_XLSX}（文件已损坏或不是 Excel 工作簿）`);
  }
  const worksheet =
    workbook.getWorksheet(kind.sheetName) ??
    workbook.worksheets.find((w) => w.state === 'visible') ??
    workbook.worksheets[0];
  if (!worksheet || worksheet.actualRowCount === 0)
    throw new AppError('FILE_INVALID', '文件为空，请使用下载的模板填写后再导入');

  const byHeader = new Map<string, number>();
  const duplicates: string[] = [];
  worksheet.getRow(1).eachCell((cell, col) => {
    const t = cellText(cell.value);
    if (typeof t !== 'string') return;
    const h = normalizeHeader(t);
    if (!h) return;
    if (byHeader.has(h)) duplicates.push(h);
    else byHeader.set(h, col);
  });
  const missing = kind.columns.filter((c) => !byHeader.has(normalizeHeader(c.header))).map((c) => c.header);
  if (missing.length) {
    throw new AppError(
      'FILE_INVALID',
      `表头缺少列：${missing.join('、')}。请使用下载的${kind.title}导入模板，不要修改第一行的列名`,
      { missing },
    );
  }
  if (duplicates.length)
    throw new AppError('FILE_INVALID', `表头有重复的列：${[...new Set(duplicates)].join('、')}`, {
      duplicates,
    });
  const columns = new Map(
    kind.columns.map((c) => [c.key, byHeader.get(normalizeHeader(c.header)) as number]),
  );

  const rows: RawRow[] = [];
  let dataRows = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const texts: Record<string, RawCell> = {};
    let blank = true;
    for (const [key, col] of columns) {
      const t = cellText(row.getCell(col).value);
      const v = typeof t === 'string' ? t.trim() : t;
      if (v !== '') blank = false;
      texts[key] = v;
    }
    if (blank) return;
    dataRows++;
    if (dataRows <= MAX_IMPORT_ROWS) rows.push({ rowNumber, texts });
  });
  if (dataRows === 0) throw new AppError('FILE_INVALID', '文件中没有数据行：第1行是表头，请从第2行开始填写');
  if (dataRows > MAX_IMPORT_ROWS) {
    throw new AppError(
      'FILE_INVALID',
      `一次最多导入 ${MAX_IMPORT_ROWS} 行，本文件有 ${dataRows} 行数据，请分成几个文件分批导入`,
      { rows: dataRows, max: MAX_IMPORT_ROWS },
    );
  }
  return { workbook, worksheet, columns, rows };
}
