import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../platform/errors';

/** The fontconfig file mapping the 公文 font names to Noto CJK (see the file's comment). */
export const FONTCONFIG_FILE = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../fontconfig/fazhi-fonts.conf',
);
const TIMEOUT_MS = 60_000;

/** The LibreOffice executable on PATH (soffice or libreoffice), or null. */
export function findSoffice(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean))
    for (const name of ['soffice', 'libreoffice']) {
      const p = join(dir, name);
      try {
        accessSync(p, constants.X_OK);
        return p;
      } catch {
        /* not here */
      }
    }
  return null;
}

/**
 * .docx → PDF with LibreOffice headless in a private temporary directory (own user profile, so concurrent
 * conversions do not share one), with the 公文 font aliases; the directory is removed afterwards.
 * 503 PDF_UNAVAILABLE when LibreOffice is not installed.
 */
export async function docxToPdf(docx: Buffer): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) throw new AppError('PDF_UNAVAILABLE');
  const dir = await mkdtemp(join(tmpdir(), 'fazhi-report-'));
  try {
    const input = join(dir, 'report.docx');
    await writeFile(input, docx);
    await new Promise<void>((ok, fail) => {
      execFile(
        soffice,
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          input,
        ],
        { timeout: TIMEOUT_MS, env: { ...process.env, FONTCONFIG_FILE, HOME: dir } },
        (err) => (err ? fail(err) : ok()),
      );
    });
    return await readFile(join(dir, 'report.pdf'));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(
      'PDF_UNAVAILABLE',
      `PDF 转换失败（${(e as Error).message.slice(0, 200)}），请下载 Word 版本`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
