import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export type ExportColumn<T> = {
  header: string;
  width?: number;
  value: (row: T) => string | number | boolean | Date | null;
};

/** RFC 6266 filename*: Chinese file names survive every browser. */
export function attachmentHeader(filename: string): string {
  return `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * Streams rows into an .xlsx (exceljs streaming writer): memory stays flat however long the list.
 * `rows` is an async iterable so callers page through the database in batches.
 */
export function sendXlsx<T>(
  reply: FastifyReply,
  filename: string,
  sheetName: string,
  columns: ExportColumn<T>[],
  rows: AsyncIterable<T[]>,
): FastifyReply {
  const stream = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width ?? 18 }));
  ws.getRow(1).font = { bold: true };
  (async () => {
    for await (const batch of rows) {
      for (const r of batch) ws.addRow(columns.map((c) => c.value(r))).commit();
    }
    ws.commit();
    await wb.commit();
  })().catch((err: unknown) => stream.destroy(err as Error));
  reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  reply.header('content-disposition', attachmentHeader(filename));
  return reply.send(stream);
}

/** Pages through a query function until it returns fewer rows than asked. */
export async function* paged<T>(
  fetch: (offset: number, limit: number) => Promise<T[]>,
  limit = 2000,
): AsyncIterable<T[]> {
  for (let offset = 0; ; offset += limit) {
    const rows = await fetch(offset, limit);
    if (rows.length) yield rows;
    if (rows.length < limit) return;
  }
}
