import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
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

export const importJobSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: z.enum(['running', 'failed', 'succeeded']),
  processed: z.number().int(),
  total: z.number().int(),
  errorCount: z.number().int(),
  message: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
const jobParams = z.object({ jobId: z.uuid({ message: '导入任务编号格式不正确' }) });

/**
 * Excel import endpoints. Each kind gets its own routes so that `config.access` names the kind's
 * permission (org.import, user.import); any other kind answers IMPORT_UNKNOWN_KIND. Uploads are checked
 * at once (file type, headers, row count) and the rows are processed in the background; the server
 * waits for running imports when it closes.
 */
export const importRoutes: FastifyPluginAsyncZod<{ kinds: readonly AnyImportKind[] }> = async (app, opts) => {
  const running = new Set<Promise<unknown>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled([...running]);
  });

  for (const kind of opts.kinds) {
    app.get(
      `/import/${kind.name}/template.xlsx`,
      { config: { access: kind.permission }, schema: { tags: ['import'], summary: `${kind.title}导入模板` } },
      async (_req, reply) => {
        const file = await buildTemplate(kind);
        reply.header('content-type', XLSX).header('content-disposition', attachmentHeader(`${kind.title}导入模板.xlsx`));
        return reply.send(file);
      },
    );
    app.post(
      `/import/${kind.name}`,
      {
        config: { access: kind.permission },
        schema: { tags: ['import'], summary: `导入${kind.title}（multipart 字段 file，.xlsx）`, response: { 200: z.object({ jobId: z.uuid() }) } },
      },
      async (req) => {
        const part = await req.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
        if (!part || part.fieldname !== 'file') throw new AppError('FILE_INVALID', '请在表单字段 file 中上传 .xlsx 文件');
        const buffer = await part.toBuffer();
        const started = await startImport(req.ctx, kind, part.filename, buffer);
        const job = finishImport({ ...req.ctx }, started).catch((err: unknown) => req.log.error({ err, jobId: started.jobId }, 'import job crashed'));
        running.add(job);
        void job.finally(() => running.delete(job));
        return { jobId: started.jobId };
      },
    );
  }

  const unknownKind = async () => {
    throw new AppError('IMPORT_UNKNOWN_KIND', `不支持的导入类型，可选：${opts.kinds.map((k) => `${k.name}（${k.title}）`).join('、')}`);
  };
  const kindParams = z.object({ kind: z.string().max(40) });
  app.get('/import/:kind/template.xlsx', { config: { access: 'session' }, schema: { tags: ['import'], params: kindParams } }, unknownKind);
  app.post('/import/:kind', { config: { access: 'session' }, schema: { tags: ['import'], params: kindParams } }, unknownKind);

  app.get(
    '/import/jobs/:jobId',
    { config: { access: 'session' }, schema: { tags: ['import'], params: jobParams, response: { 200: importJobSchema } } },
    async (req) => getImportJob(req.ctx, req.params.jobId),
  );
  app.get(
    '/import/jobs/:jobId/errors.xlsx',
    { config: { access: 'session' }, schema: { tags: ['import'], params: jobParams } },
    async (req, reply) => {
      const { job, file } = await getImportErrorFile(req.ctx, req.params.jobId);
      const title = opts.kinds.find((k) => k.name === job.kind)?.title ?? job.kind;
      reply.header('content-type', XLSX).header('content-disposition', attachmentHeader(`${title}导入错误-${job.createdAt.slice(0, 10)}.xlsx`));
      return reply.send(file);
    },
  );
};
