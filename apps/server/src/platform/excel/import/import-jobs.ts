import { and, eq } from 'drizzle-orm';
import { requirePermission } from '../../access/policy';
import { auditStandalone } from '../../audit/audit.service';
import type { Ctx } from '../../context';
import { importJobs } from '../../db/schema';
import { AppError } from '../../errors';
import { buildErrorWorkbook } from './error-workbook';
import type { AnyImportKind, ImportIssue } from './import-kind';
import { runImportRows } from './import-runner';
import { readImportFile, type ImportSheet } from './workbook-reader';

export const IMPORT_STATUSES = ['running', 'failed', 'succeeded'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export type ImportJob = {
  id: string;
  kind: string;
  status: ImportStatus;
  processed: number;
  total: number;
  errorCount: number;
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
};

export type StartedImport = {
  jobId: string;
  kind: AnyImportKind;
  sheet: ImportSheet;
  fileName: string | null;
};
export type FinishedImport = { job: ImportJob; issues: ImportIssue[]; errorFile: Buffer | null };

/**
 * Checks the caller's permission and the file's structure (answered at once as FILE_INVALID), then records
 * a running job. The rows are processed by `finishImport` — in the background for the HTTP upload, inline
 * for the CLI.
 */
export async function startImport(
  ctx: Ctx,
  kind: AnyImportKind,
  fileName: string | null,
  buffer: Buffer,
): Promise<StartedImport> {
  requirePermission(ctx.actor, kind.permission);
  const sheet = await readImportFile(kind, fileName, buffer);
  const [row] = await ctx.db
    .insert(importJobs)
    .values({
      kind: kind.name,
      userId: ctx.actor.userId,
      status: 'running',
      total: sheet.rows.length,
      message: '正在校验数据',
    })
    .returning({ id: importJobs.id });
  if (!row) throw new AppError('INTERNAL');
  return { jobId: row.id, kind, sheet, fileName };
}

/** The error file holds personal data (ID and mobile numbers): it is stored encrypted like those fields. */
const seal = (ctx: Ctx, file: Buffer) => Buffer.from(ctx.crypto.encrypt(file.toString('base64')), 'utf8');
const unseal = (ctx: Ctx, stored: Buffer) =>
  Buffer.from(ctx.crypto.decrypt(stored.toString('utf8')), 'base64');

/** Validates and commits; records the outcome on the job. Never leaves the job 'running'. */
export async function finishImport(ctx: Ctx, started: StartedImport): Promise<FinishedImport> {
  const { jobId, kind, sheet, fileName } = started;
  const setJob = async (patch: Partial<typeof importJobs.$inferInsert>) => {
    await ctx.db.update(importJobs).set(patch).where(eq(importJobs.id, jobId));
  };
  let issues: ImportIssue[] = [];
  let errorFile: Buffer | null = null;
  try {
    const result = await runImportRows(ctx, kind, sheet, { jobId, fileName }, (processed, message) =>
      setJob({ processed, message }),
    );
    if (result.status === 'succeeded') {
      await setJob({
        status: 'succeeded',
        processed: result.written,
        message: result.message,
        finishedAt: new Date(),
      });
    } else {
      issues = result.issues;
      errorFile = issues.length ? await buildErrorWorkbook(kind, sheet, issues) : null;
      await setJob({
        status: 'failed',
        processed: 0,
        errorCount: issues.length,
        message: result.message,
        errorFile: errorFile ? seal(ctx, errorFile) : null,
        finishedAt: new Date(),
      });
      await auditStandalone(ctx, {
        action: 'import.run',
        entityType: 'import_job',
        entityId: jobId,
        outcome: 'failed',
        detail: {
          kind: kind.name,
          fileName,
          total: result.total,
          errorCount: issues.length,
          stage: result.stage,
        },
      });
    }
  } catch (e) {
    await setJob({
      status: 'failed',
      processed: 0,
      message: `导入时发生内部错误，本次未写入任何数据。请联系管理员（请求编号 ${ctx.requestId ?? '无'}）`,
      finishedAt: new Date(),
    }).catch(() => undefined);
    throw e;
  }
  return { job: await getImportJob(ctx, jobId), issues, errorFile };
}

function toJob(r: typeof importJobs.$inferSelect): ImportJob {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status as ImportStatus,
    processed: r.processed,
    total: r.total,
    errorCount: r.errorCount,
    message: r.message,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

/** Far longer than the largest import takes (5,000 users: a few minutes of hashing plus the commit). */
const STALE_AFTER_MS = 30 * 60_000;

/** Only the uploader sees a job; anyone else gets NOT_FOUND, as for a missing one. */
async function ownJob(ctx: Ctx, jobId: string) {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  const [row] = await ctx.db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, jobId), eq(importJobs.userId, ctx.actor.userId)));
  if (!row) throw new AppError('NOT_FOUND');
  if (row.status === 'running' && row.createdAt.getTime() < Date.now() - STALE_AFTER_MS) {
    // The process running it stopped (its transaction rolled back with it): say so instead of 'running' forever.
    const [failed] = await ctx.db
      .update(importJobs)
      .set({
        status: 'failed',
        message: '导入因服务重启而中断，本次未写入任何数据，请重新导入',
        finishedAt: new Date(),
      })
      .where(and(eq(importJobs.id, jobId), eq(importJobs.status, 'running')))
      .returning();
    return failed ?? row;
  }
  return row;
}

export async function getImportJob(ctx: Ctx, jobId: string): Promise<ImportJob> {
  return toJob(await ownJob(ctx, jobId));
}

export async function getImportErrorFile(ctx: Ctx, jobId: string): Promise<{ job: ImportJob; file: Buffer }> {
  const row = await ownJob(ctx, jobId);
  if (!row.errorFile) throw new AppError('NOT_FOUND', '该导入任务没有错误文件');
  return { job: toJob(row), file: unseal(ctx, row.errorFile) };
}
