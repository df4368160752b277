import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { importJobSchema, importStartSchema } from '@fazhi/contracts';
import { z } from 'zod';
import { can } from '../access/policy';
import { auditStandalone } from '../audit/audit.service';
import { AppError } from '../errors';
import { attachmentHeader } from './export';
import {
  buildTemplate,
  finishImport,
  getImportErrorFile,
  getImportJob,
  MAX_IMPORT_BYTES,
  startImport,
  type AnyImportKind,
} from './import';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const kindParams = z.object({ kind: z.string().max(40) });
const jobParams = z.object({ jobId: z.uuid({ message: '导入任务编号格式不正确' }) });

/**
 * Excel import endpoints. The routes take the kind as a parameter, so `config.access` is 'session' and
 * the kind's own permission (org.import, user.import) is checked here — refused and audited exactly as
 * the route guard does. Uploads are checked at once (file type, headers, row count); the rows are
 * processed in the background, and the server waits for running imports when it closes.
 */
export const importRoutes: FastifyPluginAsyncZod<{ kinds: readonly AnyImportKind[] }> = async (app, opts) => {
  const running = new Set<Promise<unknown>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled([...running]);
  });

  const authorizedKind = async (req: FastifyRequest, name: string): Promise<AnyImportKind> => {
    const kind = opts.kinds.find((k) => k.name === name);
    if (!kind) {
      const known = opts.kinds.map((k) => `${k.name}（${k.title}）`).join('、');
      throw new AppError('IMPORT_UNKNOWN_KIND', `不支持的导入类型“${name}”，可选：${known}`);
    }
    if (!can(req.ctx.actor, kind.permission)) {
      await auditStandalone(req.ctx, {
        action: 'access.denied',
        entityType: 'route',
        entityId: `${req.method} ${req.routeOptions.url}`,
        outcome: 'denied',
        detail: { permission: kind.permission, kind: kind.name },
      });
      throw new AppError('FORBIDDEN', undefined, { permission: kind.permission });
    }
    return kind;
  };

  app.get(
    '/import/:kind/template.xlsx',
    {
      config: { access: 'session' },
      schema: { tags: ['import'], summary: '导入模板（orgs 单位 / users 用户）', params: kindParams },
    },
    async (req, reply) => {
      const kind = await authorizedKind(req, req.params.kind);
      const file = await buildTemplate(kind);
      reply
        .header('content-type', XLSX)
        .header('content-disposition', attachmentHeader(`${kind.title}导入模板.xlsx`));
      return reply.send(file);
    },
  );

  app.post(
    '/import/:kind',
    {
      config: { access: 'session' },
      schema: {
        tags: ['import'],
        summary: '上传 .xlsx 导入（multipart 字段 file）；后台处理，返回任务编号',
        params: kindParams,
        response: { 200: importStartSchema },
      },
    },
    async (req) => {
      const kind = await authorizedKind(req, req.params.kind);
      const part = await req.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
      if (!part || part.fieldname !== 'file')
        throw new AppError('FILE_INVALID', '请在表单字段 file 中上传 .xlsx 文件');
      const buffer = await part.toBuffer();
      // busboy may flag the cut-off only after the last chunk: check it here as well.
      if (part.file.truncated) {
        throw new AppError('BODY_TOO_LARGE', `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，请分批导入`);
      }
      const started = await startImport(req.ctx, kind, part.filename, buffer);
      const job = finishImport({ ...req.ctx }, started).catch((err: unknown) =>
        req.log.error({ err, jobId: started.jobId }, 'import job crashed'),
      );
      running.add(job);
      void job.finally(() => running.delete(job));
      return { jobId: started.jobId };
    },
  );

  app.get(
    '/import/jobs/:jobId',
    {
      config: { access: 'session' },
      schema: {
        tags: ['import'],
        summary: '导入任务进度（仅上传人可见）',
        params: jobParams,
        response: { 200: importJobSchema },
      },
    },
    async (req) => getImportJob(req.ctx, req.params.jobId),
  );

  app.get(
    '/import/jobs/:jobId/errors.xlsx',
    {
      config: { access: 'session' },
      schema: {
        tags: ['import'],
        summary: '错误文件：标红出错单元格并附批注（仅上传人可见）',
        params: jobParams,
      },
    },
    async (req, reply) => {
      const { job, file } = await getImportErrorFile(req.ctx, req.params.jobId);
      const title = opts.kinds.find((k) => k.name === job.kind)?.title ?? job.kind;
      const name = `${title}导入错误-${job.createdAt.slice(0, 10)}.xlsx`;
      reply.header('content-type', XLSX).header('content-disposition', attachmentHeader(name));
      return reply.send(file);
    },
  );
};
