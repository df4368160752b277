import { requirePermission } from '../../platform/access/policy';
import { shanghaiToday } from '../../platform/clock/today';
import type { Ctx } from '../../platform/context';
import { buildReportDocx } from './reports.docx';
import { docxToPdf } from './reports.pdf';
import { previewOf } from './reports.preview';
import { readableReport } from './reports.service';

/** The report as .docx (GB/T 9704-2012 layout), with the values of the preview (frozen once published). */
export async function reportDocx(
  ctx: Ctx,
  id: string,
): Promise<{ fileName: string; content: Buffer; ms: number }> {
  requirePermission(ctx.actor, 'report.read');
  const started = performance.now();
  const r = await readableReport(ctx.db, ctx.actor, id);
  const preview = await previewOf(ctx.db, r);
  const content = await buildReportDocx({
    ...preview,
    kind: r.kind,
    docNumber: r.docNumber,
    signer: r.signer,
    fallbackDate: shanghaiToday(ctx.now()),
  });
  return { fileName: `${r.title}.docx`, content, ms: performance.now() - started };
}

export async function reportPdf(ctx: Ctx, id: string): Promise<{ fileName: string; content: Buffer }> {
  const { fileName, content } = await reportDocx(ctx, id);
  return { fileName: fileName.replace(/\.docx$/, '.pdf'), content: await docxToPdf(content) };
}
