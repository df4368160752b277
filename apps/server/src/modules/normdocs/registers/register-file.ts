import { isIsoDate } from '@fazhi/contracts';
import ExcelJS from 'exceljs';
import { AppError } from '../../../platform/errors';
import { cellText } from '../../../platform/excel/import/cells';
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  normalizeHeader,
} from '../../../platform/excel/import/workbook-reader';

/*
 * Reading an organ's 发文目录 (.xlsx). Registers come from each organ's own 发文登记簿, so the header names
 * vary: several spellings are accepted per column, and a title line above the header row is skipped.
 * Every bad row is reported (row number and column, in Chinese); one bad row means nothing is written.
 */

export type RegisterRow = { seq: number; docNumber: string; title: string; issuedOn: string | null };
export type RowProblem = { row: number; column: string; message: string };

type ColumnKey = 'docNumber' | 'title' | 'issuedOn';
const COLUMNS: { key: ColumnKey; header: string; variants: string[]; required: boolean }[] = [
  {
    key: 'docNumber',
    header: '发文字号',
    variants: ['发文字号', '文号', '发文文号', '字号', '文件字号', '发文编号'],
    required: false,
  },
  {
    key: 'title',
    header: '文件标题',
    variants: ['文件标题', '标题', '文件名称', '文件题目', '题名', '名称'],
    required: true,
  },
  {
    key: 'issuedOn',
    header: '发文日期',
    variants: ['发文日期', '成文日期', '印发日期', '日期', '发布日期', '签发日期'],
    required: false,
  },
];

const NOT_XLSX =
  '文件格式不正确：只支持 .xlsx 文件（Excel 2007 及以上）。.xls 或 .csv 文件请在 Excel 中“另存为”.xlsx 后再上传';
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** A title line such as “XX局2025年发文目录” may sit above the header: look for the header in the first rows. */
const HEADER_SEARCH_ROWS = 5;

/** '2025-03-01', '2025/3/1', '2025.3.1', '2025年3月1日', '20250301' → '2025-03-01'; null when not a date. */
export function parseRegisterDate(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const iso = `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
  return isIsoDate(iso) && iso >= '1949-10-01' && iso <= '2199-12-31' ? iso : null;
}

/** Opens the workbook and returns the rows, or throws a coded 4xx naming every bad row and column. */
export async function readRegisterFile(fileName: string | null, buffer: Buffer): Promise<RegisterRow[]> {
  if (fileName !== null && !/\.xlsx$/i.test(fileName.trim()))
    throw new AppError('FILE_INVALID', NOT_XLSX, { fileName });
  if (buffer.length === 0) throw new AppError('FILE_INVALID', '文件为空，请使用下载的模板填写后再上传');
  if (buffer.length > MAX_IMPORT_BYTES)
    throw new AppError('FILE_INVALID', `文件过大（超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB），请分批上传`);
  if (!buffer.subarray(0, 4).equals(ZIP_MAGIC)) throw new AppError('FILE_INVALID', NOT_XLSX);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('FILE_INVALID', `${NOT_XLSX}（文件已损坏或不是 Excel 工作簿）`);
  }
  const ws = wb.worksheets.find((w) => w.state === 'visible') ?? wb.worksheets[0];
  if (!ws || ws.actualRowCount === 0) throw new AppError('FILE_INVALID', '文件为空，请填写发文目录后再上传');

  let headerRow = 0;
  let columns = new Map<ColumnKey, number>();
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, ws.rowCount) && !headerRow; r++) {
    const found = new Map<ColumnKey, number>();
    ws.getRow(r).eachCell((cell, col) => {
      const t = cellText(cell.value);
      if (typeof t !== 'string') return;
      const h = normalizeHeader(t);
      const c = COLUMNS.find((x) => x.variants.includes(h));
      if (c && !found.has(c.key)) found.set(c.key, col);
    });
    if (found.has('title')) {
      headerRow = r;
      columns = found;
    }
  }
  if (!headerRow) {
    throw new AppError(
      'FILE_INVALID',
      '表头缺少“文件标题”列（也可写作“标题”“文件名称”）。请使用下载的发文目录模板：发文字号、文件标题、发文日期',
    );
  }

  const rows: RegisterRow[] = [];
  const problems: RowProblem[] = [];
  let dataRows = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRow) return;
    const texts: Partial<Record<ColumnKey, string>> = {};
    let blank = true;
    for (const c of COLUMNS) {
      const col = columns.get(c.key);
      if (!col) continue;
      const t = cellText(row.getCell(col).value);
      if (typeof t !== 'string') {
        problems.push({ row: rowNumber, column: c.header, message: t.error });
        blank = false;
        continue;
      }
      const v = t.trim();
      if (v) blank = false;
      texts[c.key] = v;
    }
    if (blank) return;
    dataRows++;
    if (dataRows > MAX_IMPORT_ROWS) return;
    const title = texts.title ?? '';
    const docNumber = texts.docNumber ?? '';
    const dateText = texts.issuedOn ?? '';
    if (!title) problems.push({ row: rowNumber, column: '文件标题', message: '不能为空' });
    else if (title.length > 300)
      problems.push({ row: rowNumber, column: '文件标题', message: '不能超过300字' });
    if (docNumber.length > 100)
      problems.push({ row: rowNumber, column: '发文字号', message: '不能超过100字' });
    const issuedOn = dateText ? parseRegisterDate(dateText) : null;
    if (dateText && !issuedOn)
      problems.push({
        row: rowNumber,
        column: '发文日期',
        message: `“${dateText.slice(0, 30)}”不是有效日期，应写作 2025-03-01 或 2025年3月1日`,
      });
    rows.push({ seq: rows.length + 1, docNumber, title, issuedOn });
  });
  if (dataRows === 0) throw new AppError('FILE_INVALID', '文件中没有数据行，请在表头下方逐行填写发文目录');
  if (dataRows > MAX_IMPORT_ROWS)
    throw new AppError(
      'FILE_INVALID',
      `一次最多上传 ${MAX_IMPORT_ROWS} 条，本文件有 ${dataRows} 条，请分批上传`,
    );
  if (problems.length) {
    const shown = problems
      .slice(0, 10)
      .map((p) => `第${p.row}行“${p.column}”${p.message}`)
      .join('；');
    const more = problems.length > 10 ? `；另有 ${problems.length - 10} 处错误` : '';
    throw new AppError(
      'REGISTER_ROWS_INVALID',
      `发文目录有 ${problems.length} 处错误，本次未写入任何数据：${shown}${more}`,
      { problems: problems.slice(0, 200) },
    );
  }
  return rows;
}

/** The downloadable template: the three columns and an instructions sheet. */
export async function buildRegisterTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fazhi 法治';
  const ws = wb.addWorksheet('发文目录', { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = [26, 60, 14];
  COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = widths[i];
    col.numFmt = '@';
    const cell = ws.getCell(1, i + 1);
    cell.value = c.header;
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });
  const guide = wb.addWorksheet('说明');
  guide.getColumn(1).width = 100;
  [
    '发文目录导入说明',
    '1. 在“发文目录”工作表中从第2行开始，每行填写一份发文；红色列名为必填。',
    '2. 发文字号示例：三政文〔2025〕5号；发文日期示例：2025-03-01 或 2025年3月1日。',
    '3. 列名也可写作：文号/发文文号；标题/文件名称；成文日期/印发日期。表头上方可以有一行标题。',
    `4. 一次最多 ${MAX_IMPORT_ROWS} 条。只要有一行有错误，本次不写入任何数据，并提示出错的行和列。`,
  ].forEach((t, i) => {
    const r = guide.addRow([t]);
    if (i === 0) r.font = { bold: true, size: 14 };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
