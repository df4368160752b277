import type { CollectionEvidence } from '@fazhi/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { requirePermission } from '../../platform/access/policy';
import { shanghaiToday } from '../../platform/clock/today';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import {
  MIME,
  readFileContent,
  sniffType,
  storeFile,
  type SniffedType,
} from '../../platform/files/stored-files';
import { auditCollection } from './collection.audit';
import { assertWritable, evidenceBelongs } from './collection.fill.service';
import { collectionTargets, collectionValues } from './collection.tables';
import { managedTarget, ownTarget } from './collection.targets.read';

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
/** Evidence (佐证材料): documents, scans and sheets — checked by their first bytes, not the name. */
const ALLOWED: readonly SniffedType[] = ['pdf', 'docx', 'doc', 'xlsx', 'jpg', 'png'];

export async function addEvidence(
  ctx: Ctx,
  targetId: string,
  code: string | undefined,
  file: { fileName: string; content: Buffer },
): Promise<CollectionEvidence> {
  requirePermission(ctx.actor, 'collection.fill');
  const actor = ctx.actor;
  if (!code)
    throw new AppError('VALIDATION_FAILED', '请指明佐证材料对应的指标（表单字段 code 须在文件之前）');
  if (file.content.length === 0) throw new AppError('VALIDATION_FAILED', '佐证材料是空文件');
  if (file.content.length > MAX_EVIDENCE_BYTES) throw new AppError('ATTACHMENT_TOO_LARGE');
  const type = sniffType(file.content, file.fileName);
  if (!ALLOWED.includes(type))
    throw new AppError(
      'ATTACHMENT_TYPE',
      `佐证材料须为 ${ALLOWED.map((t) => `.${t}`).join('/')} 文件，上传的“${file.fileName}”不是`,
    );
  return ctx.db.transaction(async (tx) => {
    const { task, target } = await ownTarget(tx, actor, targetId, 'collection.fill', true);
    assertWritable(task, target, shanghaiToday(ctx.now()));
    if (!task.indicatorCodes.includes(code))
      throw new AppError('VALIDATION_FAILED', `指标“${code}”不在本填报任务中`);
    const stored = await storeFile(tx, {
      fileName: file.fileName,
      content: file.content,
      mimeType: MIME[type],
      uploadedBy: actor.userId,
    });
    await tx
      .insert(collectionValues)
      .values({ targetId, indicatorCode: code, evidenceFileIds: [stored.id] })
      .onConflictDoUpdate({
        target: [collectionValues.targetId, collectionValues.indicatorCode],
        set: {
          evidenceFileIds: sql`${collectionValues.evidenceFileIds} || ${JSON.stringify([stored.id])}::jsonb`,
          updatedAt: ctx.now(),
        },
      });
    await tx
      .update(collectionTargets)
      .set({ version: target.version + 1, updatedAt: ctx.now() })
      .where(eq(collectionTargets.id, targetId));
    await auditCollection(tx, ctx, {
      action: 'collection.target.attach',
      entityType: 'collection_target',
      entityId: targetId,
      detail: { code, fileId: stored.id, fileName: file.fileName, sha256: stored.sha256, size: stored.size },
      orgId: target.orgId,
      status: target.status,
    });
    return { fileId: stored.id, fileName: file.fileName, size: stored.size, mimeType: MIME[type] };
  });
}

export async function getEvidence(
  ctx: Ctx,
  ids: { taskId?: string; targetId: string; fileId: string },
): Promise<{ fileName: string; mimeType: string; content: Buffer }> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (ids.taskId) await managedTarget(ctx.db, actor, ids.taskId, ids.targetId);
  else await ownTarget(ctx.db, actor, ids.targetId, 'collection.fill');
  if (!(await evidenceBelongs(ctx.db, ids.targetId, ids.fileId))) throw new AppError('NOT_FOUND');
  const f = await readFileContent(ctx.db, ids.fileId);
  if (!f) throw new AppError('NOT_FOUND');
  return { fileName: f.fileName, mimeType: f.mimeType, content: f.content };
}

export async function deleteEvidence(ctx: Ctx, targetId: string, fileId: string): Promise<void> {
  requirePermission(ctx.actor, 'collection.fill');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const { task, target } = await ownTarget(tx, actor, targetId, 'collection.fill', true);
    assertWritable(task, target, shanghaiToday(ctx.now()));
    const code = await evidenceBelongs(tx, targetId, fileId);
    if (!code) throw new AppError('NOT_FOUND');
    await tx
      .update(collectionValues)
      .set({
        evidenceFileIds: sql`${collectionValues.evidenceFileIds} - ${fileId}::text`,
        updatedAt: ctx.now(),
      })
      .where(and(eq(collectionValues.targetId, targetId), eq(collectionValues.indicatorCode, code)));
    await tx
      .update(collectionTargets)
      .set({ version: target.version + 1, updatedAt: ctx.now() })
      .where(eq(collectionTargets.id, targetId));
    await auditCollection(tx, ctx, {
      action: 'collection.target.detach',
      entityType: 'collection_target',
      entityId: targetId,
      detail: { code, fileId },
      orgId: target.orgId,
      status: target.status,
    });
  });
}
