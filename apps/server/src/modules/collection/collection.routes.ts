import {
  COLLECTION_TARGET_STATUSES,
  COLLECTION_TASK_STATUSES,
  collectionEvidenceSchema,
  collectionMyTargetPageSchema,
  collectionMyTargetsQuerySchema,
  collectionReturnSchema,
  collectionSaveSchema,
  collectionTargetSchema,
  collectionTaskCreateSchema,
  collectionTaskListQuerySchema,
  collectionTaskPageSchema,
  collectionTaskSchema,
  collectionVersionSchema,
  okSchema,
  type CollectionTargetRow,
  type CollectionTaskSummary,
} from '@fazhi/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { shanghaiToday } from '../../platform/clock/today';
import { AppError } from '../../platform/errors';
import { attachmentHeader, sendXlsx } from '../../platform/excel/export';
import { inlineName } from '../../platform/files/stored-files';
import { addEvidence, deleteEvidence, getEvidence, MAX_EVIDENCE_BYTES } from './collection.evidence';
import { saveTarget, transitionTarget } from './collection.fill.service';
import { getManagedTarget, getOwnTarget, listMyTargets } from './collection.targets.read';
import {
  closeTask,
  createTask,
  getTask,
  listTasks,
  openTask,
  tasksForExport,
} from './collection.tasks.service';
import { buildWorkbook, MAX_WORKBOOK_BYTES, uploadWorkbook } from './collection.workbook';

const uuid = z.uuid({ message: '编号格式不正确' });
const idParams = z.object({ id: uuid });
const taskTargetParams = z.object({ id: uuid, targetId: uuid });
const tags = ['collection'];

/** One multipart file (after its form fields), size-limited; coded 4xx for every malformed upload. */
async function readUpload(req: FastifyRequest, maxBytes: number, hint: string) {
  let part;
  try {
    part = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  } catch {
    throw new AppError('VALIDATION_FAILED', `请以 multipart/form-data 上传（${hint}）`);
  }
  if (!part || part.fieldname !== 'file')
    throw new AppError('VALIDATION_FAILED', `请在表单字段 file 中上传文件（${hint}）`);
  let content: Buffer;
  try {
    content = await part.toBuffer();
  } catch {
    throw new AppError('ATTACHMENT_TOO_LARGE');
  }
  if (part.file.truncated) throw new AppError('ATTACHMENT_TOO_LARGE');
  const field = (name: string) => {
    const f = part.fields[name] as { value?: unknown } | undefined;
    return typeof f?.value === 'string' ? f.value : undefined;
  };
  return { fileName: part.filename, content, field };
}

const sendFile = (reply: FastifyReply, f: { fileName: string; mimeType: string; content: Buffer }) =>
  reply
    .header('content-type', f.mimeType)
    .header('content-disposition', inlineName(f.fileName))
    .send(f.content);

/** Routes of the collection module (填报任务). */
export const collectionRoutes: FastifyPluginAsyncZod = async (app) => {
  // ── the justice bureau: tasks ─────────────────────────────────────────────────────────────────
  app.get(
    '/collection/tasks',
    {
      config: { access: 'collection.manage' },
      schema: {
        tags,
        querystring: collectionTaskListQuerySchema,
        response: { 200: collectionTaskPageSchema },
      },
    },
    async (req) => listTasks(req.ctx, req.query),
  );
  app.get(
    '/collection/tasks/export.xlsx',
    { config: { access: 'collection.manage' }, schema: { tags, querystring: collectionTaskListQuerySchema } },
    async (req, reply) =>
      sendXlsx<CollectionTaskSummary>(
        reply,
        `填报任务-${shanghaiToday(req.ctx.now())}.xlsx`,
        '填报任务',
        [
          { header: '任务名称', width: 40, value: (t) => t.title },
          { header: '期间', width: 10, value: (t) => t.period },
          { header: '下发单位', width: 28, value: (t) => t.orgName },
          { header: '截止日期', width: 12, value: (t) => t.dueDate },
          { header: '状态', width: 10, value: (t) => COLLECTION_TASK_STATUSES[t.status].zh },
          { header: '指标数', width: 8, value: (t) => t.indicatorCount },
          { header: '填报单位数', width: 10, value: (t) => t.progress.total },
          { header: '待填报', width: 8, value: (t) => t.progress.pending },
          { header: '待签批', width: 8, value: (t) => t.progress.submitted },
          { header: '已签批', width: 8, value: (t) => t.progress.signed },
          { header: '已采纳', width: 8, value: (t) => t.progress.accepted },
          { header: '已退回', width: 8, value: (t) => t.progress.returned },
          { header: '超期未报', width: 8, value: (t) => t.progress.overdue },
        ],
        tasksForExport(req.ctx, req.query),
      ),
  );
  app.post(
    '/collection/tasks',
    {
      config: { access: 'collection.manage' },
      schema: { tags, body: collectionTaskCreateSchema, response: { 200: collectionTaskSchema } },
    },
    async (req) => createTask(req.ctx, req.body),
  );
  app.get(
    '/collection/tasks/:id',
    {
      config: { access: 'collection.manage' },
      schema: { tags, params: idParams, response: { 200: collectionTaskSchema } },
    },
    async (req) => getTask(req.ctx, req.params.id),
  );
  app.get(
    '/collection/tasks/:id/targets.xlsx',
    { config: { access: 'collection.manage' }, schema: { tags, summary: '导出填报进度', params: idParams } },
    async (req, reply) => {
      const task = await getTask(req.ctx, req.params.id);
      return sendXlsx<CollectionTargetRow>(
        reply,
        `填报进度-${task.title}.xlsx`,
        '填报进度',
        [
          { header: '填报单位', width: 36, value: (t) => t.orgName },
          { header: '状态', width: 14, value: (t) => COLLECTION_TARGET_STATUSES[t.status].zh },
          { header: '超期', width: 6, value: (t) => (t.overdue ? '是' : '') },
          { header: '已填指标数', width: 10, value: (t) => t.filledCount },
          { header: '提交时间', width: 20, value: (t) => t.submittedAt },
          { header: '签批时间', width: 20, value: (t) => t.signedAt },
          { header: '审核时间', width: 20, value: (t) => t.decidedAt },
          { header: '退回理由', width: 40, value: (t) => t.returnReason },
        ],
        (async function* () {
          yield task.targets;
        })(),
      );
    },
  );
  for (const action of ['open', 'close'] as const)
    app.post(
      `/collection/tasks/:id/${action}`,
      {
        config: { access: 'collection.manage' },
        schema: {
          tags,
          summary: action === 'open' ? '下发任务（为每个填报单位开始计时并通知）' : '关闭任务',
          params: idParams,
          body: collectionVersionSchema,
          response: { 200: collectionTaskSchema },
        },
      },
      async (req) =>
        action === 'open'
          ? openTask(req.ctx, req.params.id, req.body.version)
          : closeTask(req.ctx, req.params.id, req.body.version),
    );
  app.get(
    '/collection/tasks/:id/targets/:targetId',
    {
      config: { access: 'collection.manage' },
      schema: { tags, params: taskTargetParams, response: { 200: collectionTargetSchema } },
    },
    async (req) => getManagedTarget(req.ctx, req.params.id, req.params.targetId),
  );
  app.get(
    '/collection/tasks/:id/targets/:targetId/evidence/:fileId',
    {
      config: { access: 'collection.manage' },
      schema: { tags, params: taskTargetParams.extend({ fileId: uuid }) },
    },
    async (req, reply) =>
      sendFile(
        reply,
        await getEvidence(req.ctx, {
          taskId: req.params.id,
          targetId: req.params.targetId,
          fileId: req.params.fileId,
        }),
      ),
  );
  app.post(
    '/collection/tasks/:id/targets/:targetId/accept',
    {
      config: { access: 'collection.manage' },
      schema: {
        tags,
        summary: '采纳（数值计入指标，停止计时）',
        params: taskTargetParams,
        body: collectionVersionSchema,
        response: { 200: collectionTargetSchema },
      },
    },
    async (req) =>
      transitionTarget(req.ctx, { taskId: req.params.id, id: req.params.targetId }, 'accept', req.body),
  );
  app.post(
    '/collection/tasks/:id/targets/:targetId/return',
    {
      config: { access: 'collection.manage' },
      schema: {
        tags,
        summary: '退回（须说明理由；截止后退回即准予补报）',
        params: taskTargetParams,
        body: collectionReturnSchema,
        response: { 200: collectionTargetSchema },
      },
    },
    async (req) =>
      transitionTarget(req.ctx, { taskId: req.params.id, id: req.params.targetId }, 'return', req.body),
  );

  // ── the reporting organisation: its targets ───────────────────────────────────────────────────
  app.get(
    '/collection/targets',
    {
      config: { access: 'collection.fill' },
      schema: {
        tags,
        querystring: collectionMyTargetsQuerySchema,
        response: { 200: collectionMyTargetPageSchema },
      },
    },
    async (req) => listMyTargets(req.ctx, req.query),
  );
  app.get(
    '/collection/targets/:id',
    {
      config: { access: 'collection.fill' },
      schema: { tags, params: idParams, response: { 200: collectionTargetSchema } },
    },
    async (req) => getOwnTarget(req.ctx, req.params.id),
  );
  app.put(
    '/collection/targets/:id',
    {
      config: { access: 'collection.fill' },
      schema: {
        tags,
        summary: '保存填报（数值、说明、情况说明）',
        params: idParams,
        body: collectionSaveSchema,
        response: { 200: collectionTargetSchema },
      },
    },
    async (req) => saveTarget(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/collection/targets/:id/submit',
    {
      config: { access: 'collection.fill' },
      schema: {
        tags,
        summary: '提交（送单位负责人签批）',
        params: idParams,
        body: collectionVersionSchema,
        response: { 200: collectionTargetSchema },
      },
    },
    async (req) => transitionTarget(req.ctx, { id: req.params.id }, 'submit', req.body),
  );
  app.post(
    '/collection/targets/:id/signoff',
    {
      config: { access: 'collection.signoff' },
      schema: {
        tags,
        summary: '单位负责人签批',
        params: idParams,
        body: collectionVersionSchema,
        response: { 200: collectionTargetSchema },
      },
    },
    async (req) => transitionTarget(req.ctx, { id: req.params.id }, 'signoff', req.body),
  );
  app.post(
    '/collection/targets/:id/evidence',
    {
      config: { access: 'collection.fill' },
      schema: {
        tags,
        summary: '上传佐证材料（multipart：先字段 code（指标代码），再文件字段 file；不超过 20 MB）',
        params: idParams,
        response: { 200: collectionEvidenceSchema },
      },
    },
    async (req) => {
      const up = await readUpload(req, MAX_EVIDENCE_BYTES, '字段 code 和 file');
      return addEvidence(req.ctx, req.params.id, up.field('code'), up);
    },
  );
  app.get(
    '/collection/targets/:id/evidence/:fileId',
    { config: { access: 'collection.fill' }, schema: { tags, params: idParams.extend({ fileId: uuid }) } },
    async (req, reply) =>
      sendFile(reply, await getEvidence(req.ctx, { targetId: req.params.id, fileId: req.params.fileId })),
  );
  app.delete(
    '/collection/targets/:id/evidence/:fileId',
    {
      config: { access: 'collection.fill' },
      schema: { tags, params: idParams.extend({ fileId: uuid }), response: { 200: okSchema } },
    },
    async (req) => {
      await deleteEvidence(req.ctx, req.params.id, req.params.fileId);
      return { ok: true as const };
    },
  );
  app.get(
    '/collection/targets/:id/workbook.xlsx',
    {
      config: { access: 'collection.fill' },
      schema: { tags, summary: '下载本单位填报表', params: idParams },
    },
    async (req, reply) => {
      const wb = await buildWorkbook(req.ctx, req.params.id);
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', attachmentHeader(wb.fileName));
      return reply.send(wb.content);
    },
  );
  app.post(
    '/collection/targets/:id/workbook',
    {
      config: { access: 'collection.fill' },
      schema: {
        tags,
        summary: '上传填好的填报表（multipart 字段 file；逐格校验，有错误则不导入任何数据）',
        params: idParams,
        response: { 200: collectionTargetSchema },
      },
    },
    async (req) =>
      uploadWorkbook(req.ctx, req.params.id, await readUpload(req, MAX_WORKBOOK_BYTES, '字段 file')),
  );
};
