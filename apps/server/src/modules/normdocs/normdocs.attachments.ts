import { ATTACHMENT_KINDS, type AttachmentKind, type NormdocAttachment } from '@fazhi/contracts';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit.service';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import {
  MIME,
  readFileContent,
  sniffType,
  storeFile,
  type SniffedType,
} from '../../platform/files/stored-files';
import { abilities } from './normdocs.dto';
import { recordEvent } from './normdocs.events';
import { coIssuerIds } from './normdocs.repository';
import { readableDoc } from './normdocs.service';
import { normdocAttachments } from './normdocs.tables';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** 正式文本 must be the publishable text (.docx or .pdf); supporting materials may also be scans and sheets. */
const ALLOWED: Record<AttachmentKind, readonly SniffedType[]> = {
  official_text: ['docx', 'pdf'],
  drafting_note: ['docx', 'doc', 'pdf'],
  review_opinion: ['docx', 'doc', 'pdf'],
  interpretation: ['docx', 'doc', 'pdf', 'jpg', 'png'],
  other: ['docx', 'doc', 'pdf', 'xlsx', 'jpg', 'png'],
};

export async function addAttachment(
  ctx: Ctx,
  docId: string,
  kindRaw: string | undefined,
  file: { fileName: string; content: Buffer },
): Promise<NormdocAttachment> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!kindRaw || !(kindRaw in ATTACHMENT_KINDS))
    throw new AppError(
      'VALIDATION_FAILED',
      `请选择附件类别（${Object.values(ATTACHMENT_KINDS).join('、')}），表单字段 kind 须在文件之前`,
    );
  const kind = kindRaw as AttachmentKind;
  if (file.content.length === 0) throw new AppError('VALIDATION_FAILED', '附件是空文件');
  if (file.content.length > MAX_ATTACHMENT_BYTES) throw new AppError('ATTACHMENT_TOO_LARGE');
  const type = sniffType(file.content, file.fileName);
  if (!ALLOWED[kind].includes(type))
    throw new AppError(
      'ATTACHMENT_TYPE',
      `${ATTACHMENT_KINDS[kind]}须为 ${ALLOWED[kind].map((t) => `.${t}`).join('/')} 文件，上传的“${file.fileName}”不是`,
    );
  return ctx.db.transaction(async (tx) => {
    const doc = await readableDoc(tx, actor, docId, true);
    const can = abilities(actor, { ...doc, coIssuerOrgIds: await coIssuerIds(tx, docId) });
    if (!can.includes('attach')) throw new AppError('FORBIDDEN', '当前状态下您不能为该文件上传附件');
    const stored = await storeFile(tx, {
      fileName: file.fileName,
      content: file.content,
      mimeType: MIME[type],
      uploadedBy: actor.userId,
    });
    const [row] = await tx
      .insert(normdocAttachments)
      .values({
        docId,
        kind,
        fileId: stored.id,
        fileName: file.fileName,
        mimeType: MIME[type],
        size: stored.size,
        sha256: stored.sha256,
        uploadedBy: actor.userId,
      })
      .returning();
    const a = row as typeof normdocAttachments.$inferSelect;
    await recordEvent(tx, ctx, docId, {
      action: 'attach',
      note: `${ATTACHMENT_KINDS[kind]}：${file.fileName}`,
      data: { attachmentId: a.id, sha256: a.sha256, size: a.size },
    });
    await appendAudit(tx, ctx, {
      action: 'normdoc.attach',
      entityType: 'normdoc',
      entityId: docId,
      detail: { attachmentId: a.id, kind, fileName: a.fileName, sha256: a.sha256, size: a.size },
    });
    return {
      id: a.id,
      kind,
      fileName: a.fileName,
      mimeType: a.mimeType,
      size: a.size,
      sha256: a.sha256,
      createdAt: a.createdAt.toISOString(),
    };
  });
}

export async function getAttachment(ctx: Ctx, docId: string, attachmentId: string) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  await readableDoc(ctx.db, actor, docId);
  const [a] = await ctx.db
    .select()
    .from(normdocAttachments)
    .where(and(eq(normdocAttachments.id, attachmentId), eq(normdocAttachments.docId, docId)));
  if (!a) throw new AppError('NOT_FOUND');
  const file = await readFileContent(ctx.db, a.fileId);
  if (!file) throw new AppError('NOT_FOUND');
  return { fileName: a.fileName, mimeType: a.mimeType, content: file.content };
}

export async function deleteAttachment(ctx: Ctx, docId: string, attachmentId: string): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  await ctx.db.transaction(async (tx) => {
    const doc = await readableDoc(tx, actor, docId, true);
    const can = abilities(actor, { ...doc, coIssuerOrgIds: await coIssuerIds(tx, docId) });
    if (!can.includes('edit')) throw new AppError('ILLEGAL_TRANSITION', '只有起草阶段可以删除附件');
    const [a] = await tx
      .delete(normdocAttachments)
      .where(and(eq(normdocAttachments.id, attachmentId), eq(normdocAttachments.docId, docId)))
      .returning();
    if (!a) throw new AppError('NOT_FOUND');
    await recordEvent(tx, ctx, docId, { action: 'detach', note: a.fileName, data: { sha256: a.sha256 } });
    await appendAudit(tx, ctx, {
      action: 'normdoc.detach',
      entityType: 'normdoc',
      entityId: docId,
      detail: { attachmentId, fileName: a.fileName, sha256: a.sha256 },
    });
  });
}
