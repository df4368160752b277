import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/pool';
import { storedFiles } from '../db/schema';

/** File kinds recognised by their first bytes (the name's extension alone proves nothing). */
export type SniffedType = 'pdf' | 'docx' | 'xlsx' | 'zip' | 'doc' | 'jpg' | 'png' | 'unknown';

export function sniffType(buf: Buffer, fileName: string): SniffedType {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) {
    // OOXML packages are zip files; their main part names tell Word from Excel.
    const head = buf.subarray(0, Math.min(buf.length, 64 * 1024)).toString('latin1');
    if (head.includes('word/')) return 'docx';
    if (head.includes('xl/')) return 'xlsx';
    if (ext === 'docx' || ext === 'xlsx') return ext;
    return 'zip';
  }
  if (buf.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) return 'doc';
  if (buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpg';
  if (buf.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))) return 'png';
  return 'unknown';
}

export const MIME: Record<SniffedType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  doc: 'application/msword',
  jpg: 'image/jpeg',
  png: 'image/png',
  unknown: 'application/octet-stream',
};

export const sha256Hex = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

export async function storeFile(
  db: DbOrTx,
  file: { fileName: string; content: Buffer; mimeType: string; uploadedBy: string | null },
) {
  const [row] = await db
    .insert(storedFiles)
    .values({
      fileName: file.fileName,
      mimeType: file.mimeType,
      size: file.content.length,
      sha256: sha256Hex(file.content),
      content: file.content,
      uploadedBy: file.uploadedBy,
    })
    .returning({ id: storedFiles.id, sha256: storedFiles.sha256, size: storedFiles.size });
  return row as { id: string; sha256: string; size: number };
}

export async function readFileContent(db: DbOrTx, id: string) {
  const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, id));
  return row;
}

/** RFC 6266 filename* so Chinese names survive every browser. */
export function inlineName(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
