import {
  NORMDOC_ACTOR_ROUTE,
  NORMDOC_KINDS,
  NORMDOC_TRANSITIONS,
  normdocActionNames,
  normdocTransitionPath,
  NORMDOC_STATUSES,
  normdocAttachmentSchema,
  normdocCreateSchema,
  normdocInterpretationSchema,
  normdocListQuerySchema,
  normdocPageSchema,
  normdocSchema,
  normdocSettingsQuerySchema,
  normdocSettingsSchema,
  normdocSettingsUpdateSchema,
  normdocTransitionSchema,
  normdocUpdateSchema,
  okSchema,
  type NormdocKind,
  type NormdocStatus,
} from '@fazhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { shanghaiToday } from '../../platform/clock/today';
import { AppError } from '../../platform/errors';
import { sendXlsx } from '../../platform/excel/export';
import { inlineName } from '../../platform/files/stored-files';
import { ACTOR_PERMISSION } from './normdocs.dto';
import { addAttachment, deleteAttachment, getAttachment, MAX_ATTACHMENT_BYTES } from './normdocs.attachments';
import { createDoc, docsForExport, getDoc, listDocs, setInterpretation, updateDoc } from './normdocs.service';
import { getSettingsView, updateSettings } from './normdocs.settings';
import { transitionDoc } from './normdocs.transitions';

const idParams = z.object({ id: z.uuid({ message: '编号格式不正确' }) });
const attachmentParams = idParams.extend({ attachmentId: z.uuid({ message: '编号格式不正确' }) });
const tags = ['normdocs'];
const ACTOR_LABEL = { drafter: '起草单位', reviewer: '合法性审核机构', head: '单位负责人' } as const;

export const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/normdocs',
    {
      config: { access: 'normdoc.read' },
      schema: { tags, querystring: normdocListQuerySchema, response: { 200: normdocPageSchema } },
    },
    async (req) => listDocs(req.ctx, req.query),
  );
  app.get(
    '/normdocs/export.xlsx',
    { config: { access: 'normdoc.read' }, schema: { tags, querystring: normdocListQuerySchema } },
    async (req, reply) =>
      sendXlsx(
        reply,
        `规范性文件-${shanghaiToday(req.ctx.now())}.xlsx`,
        '规范性文件',
        [
          { header: '文件标题', width: 48, value: (d) => d.title },
          { header: '制定机关', width: 28, value: (d) => d.orgName },
          { header: '类型', width: 16, value: (d) => NORMDOC_KINDS[d.kind as NormdocKind] },
          { header: '状态', width: 14, value: (d) => NORMDOC_STATUSES[d.status as NormdocStatus].zh },
          { header: '发文字号', width: 20, value: (d) => d.docNumber },
          { header: '统一登记号', width: 20, value: (d) => d.registrationNumber },
          { header: '公布日期', width: 12, value: (d) => d.publishedOn },
          { header: '施行日期', width: 12, value: (d) => d.effectiveOn },
          { header: '有效期至', width: 12, value: (d) => d.validUntil },
          { header: '失效日期', width: 12, value: (d) => d.endedOn },
          { header: '版本', width: 6, value: (d) => d.versionNo },
        ],
        docsForExport(req.ctx, req.query),
      ),
  );
  app.get(
    '/normdocs/settings',
    {
      config: { access: 'normdoc.read' },
      schema: { tags, querystring: normdocSettingsQuerySchema, response: { 200: normdocSettingsSchema } },
    },
    async (req) => getSettingsView(req.ctx, req.query.regionCode),
  );
  app.put(
    '/normdocs/settings',
    {
      config: { access: 'normdoc.settings' },
      schema: { tags, body: normdocSettingsUpdateSchema, response: { 200: normdocSettingsSchema } },
    },
    async (req) => updateSettings(req.ctx, req.body),
  );
  app.post(
    '/normdocs',
    {
      config: { access: 'normdoc.draft' },
      schema: { tags, body: normdocCreateSchema, response: { 200: normdocSchema } },
    },
    async (req) => createDoc(req.ctx, req.body),
  );
  app.get(
    '/normdocs/:id',
    {
      config: { access: 'normdoc.read' },
      schema: { tags, params: idParams, response: { 200: normdocSchema } },
    },
    async (req) => getDoc(req.ctx, req.params.id),
  );
  app.patch(
    '/normdocs/:id',
    {
      config: { access: 'normdoc.draft' },
      schema: { tags, params: idParams, body: normdocUpdateSchema, response: { 200: normdocSchema } },
    },
    async (req) => updateDoc(req.ctx, req.params.id, req.body),
  );
  for (const by of ['drafter', 'reviewer', 'head'] as const) {
    const { segment } = NORMDOC_ACTOR_ROUTE[by];
    app.post(
      `/normdocs/:id/${segment}`,
      {
        config: { access: ACTOR_PERMISSION[by] },
        schema: {
          tags,
          summary: `办理流程环节（${ACTOR_LABEL[by]}：${normdocActionNames
            .filter((a) => NORMDOC_TRANSITIONS[a].by === by)
            .map((a) => NORMDOC_TRANSITIONS[a].zh)
            .join('、')}）`,
          params: idParams,
          body: normdocTransitionSchema,
          response: { 200: normdocSchema },
        },
      },
      async (req) => {
        if (NORMDOC_TRANSITIONS[req.body.action].by !== by)
          throw new AppError(
            'VALIDATION_FAILED',
            `“${NORMDOC_TRANSITIONS[req.body.action].zh}”应通过 ${normdocTransitionPath(req.params.id, req.body.action)} 办理`,
          );
        return transitionDoc(req.ctx, req.params.id, req.body);
      },
    );
  }
  app.put(
    '/normdocs/:id/interpretation',
    {
      config: { access: 'normdoc.draft' },
      schema: { tags, params: idParams, body: normdocInterpretationSchema, response: { 200: normdocSchema } },
    },
    async (req) => setInterpretation(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/normdocs/:id/attachments',
    {
      config: { access: 'normdoc.read' },
      schema: {
        tags,
        summary:
          '上传附件（multipart：先字段 kind，再文件字段 file；正式文本限 .docx/.pdf，单个不超过 20 MB）',
        params: idParams,
        response: { 200: normdocAttachmentSchema },
      },
    },
    async (req) => {
      let part;
      try {
        part = await req.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
      } catch {
        throw new AppError('VALIDATION_FAILED', '请以 multipart/form-data 上传附件（字段 kind 和 file）');
      }
      if (!part || part.fieldname !== 'file')
        throw new AppError('VALIDATION_FAILED', '请在表单字段 file 中上传附件');
      let content: Buffer;
      try {
        content = await part.toBuffer();
      } catch {
        throw new AppError('ATTACHMENT_TOO_LARGE');
      }
      if (part.file.truncated) throw new AppError('ATTACHMENT_TOO_LARGE');
      const kindField = part.fields.kind as { value?: unknown } | undefined;
      const kind = typeof kindField?.value === 'string' ? kindField.value : undefined;
      return addAttachment(req.ctx, req.params.id, kind, { fileName: part.filename, content });
    },
  );
  app.get(
    '/normdocs/:id/attachments/:attachmentId',
    { config: { access: 'normdoc.read' }, schema: { tags, params: attachmentParams } },
    async (req, reply) => {
      const f = await getAttachment(req.ctx, req.params.id, req.params.attachmentId);
      reply.header('content-type', f.mimeType).header('content-disposition', inlineName(f.fileName));
      return reply.send(f.content);
    },
  );
  app.delete(
    '/normdocs/:id/attachments/:attachmentId',
    {
      config: { access: 'normdoc.draft' },
      schema: { tags, params: attachmentParams, response: { 200: okSchema } },
    },
    async (req) => {
      await deleteAttachment(req.ctx, req.params.id, req.params.attachmentId);
      return { ok: true as const };
    },
  );
};
