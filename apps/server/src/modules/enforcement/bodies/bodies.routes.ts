import {
  BODY_KINDS,
  BODY_STATUSES,
  bodyActionInputSchema,
  bodyActionSchema,
  bodyCreateSchema,
  bodyListQuerySchema,
  bodyPageSchema,
  bodySchema,
  bodyUpdateSchema,
  publicBodyListQuerySchema,
  publicBodyPageSchema,
  type Body,
} from '@fazhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { shanghaiToday } from '../../../platform/clock/today';
import { sendXlsx, type ExportColumn } from '../../../platform/excel/export';
import { listPublicBodies } from './bodies.public';
import {
  actOnBody,
  bodyBatchesForExport,
  createBody,
  getBody,
  listBodies,
  updateBody,
} from './bodies.service';

const idParams = z.object({ id: z.uuid({ message: '编号格式不正确' }) });
const tags = ['enforcement-bodies'];

type BodyItem = Omit<Body, 'history' | 'powers'> & { powerCount: number };
const columns: ExportColumn<BodyItem>[] = [
  { header: '执法主体', width: 30, value: (b) => b.org.name },
  { header: '统一社会信用代码', width: 22, value: (b) => b.org.uscc },
  { header: '主体类别', width: 16, value: (b) => BODY_KINDS[b.kind] },
  { header: '执法领域', width: 24, value: (b) => b.fields.join('、') },
  { header: '委托机关', width: 24, value: (b) => b.entrustingOrg?.name ?? '' },
  { header: '委托文件', width: 20, value: (b) => b.entrustmentDoc },
  { header: '权责事项数', width: 10, value: (b) => String(b.powerCount) },
  { header: '状态', width: 12, value: (b) => BODY_STATUSES[b.status] },
  { header: '确认机关', width: 20, value: (b) => b.confirmedBy },
  { header: '确认文件', width: 20, value: (b) => b.confirmationDoc },
  { header: '确认日期', width: 12, value: (b) => b.confirmedOn },
  { header: '公告日期', width: 12, value: (b) => b.announcedOn },
  { header: '公告文号', width: 20, value: (b) => b.announcementDoc },
];

/** 执法主体 (DOMAIN.md §4.1). */
export const bodiesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/enforcement/bodies',
    {
      config: { access: 'enforcement.read' },
      schema: { tags, querystring: bodyListQuerySchema, response: { 200: bodyPageSchema } },
    },
    async (req) => listBodies(req.ctx, req.query),
  );
  app.get(
    '/enforcement/bodies/export.xlsx',
    { config: { access: 'enforcement.read' }, schema: { tags, querystring: bodyListQuerySchema } },
    async (req, reply) =>
      sendXlsx(
        reply,
        `行政执法主体-${shanghaiToday(req.ctx.now())}.xlsx`,
        '执法主体',
        columns,
        bodyBatchesForExport(req.ctx, req.query),
      ),
  );
  app.post(
    '/enforcement/bodies',
    {
      config: { access: 'enforcement.supervise' },
      schema: { tags, body: bodyCreateSchema, response: { 200: bodySchema } },
    },
    async (req) => createBody(req.ctx, req.body),
  );
  app.get(
    '/enforcement/bodies/:id',
    {
      config: { access: 'enforcement.read' },
      schema: { tags, params: idParams, response: { 200: bodySchema } },
    },
    async (req) => getBody(req.ctx, req.params.id),
  );
  app.patch(
    '/enforcement/bodies/:id',
    {
      config: { access: 'enforcement.supervise' },
      schema: { tags, params: idParams, body: bodyUpdateSchema, response: { 200: bodySchema } },
    },
    async (req) => updateBody(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/enforcement/bodies/:id/actions/:action',
    {
      config: { access: 'enforcement.supervise' },
      schema: {
        tags,
        params: idParams.extend({ action: bodyActionSchema }),
        body: bodyActionInputSchema,
        response: { 200: bodySchema },
      },
    },
    async (req) => actOnBody(req.ctx, req.params.id, req.params.action, req.body),
  );
  app.get(
    '/public/enforcement-bodies',
    {
      config: { access: 'public' },
      schema: { tags, querystring: publicBodyListQuerySchema, response: { 200: publicBodyPageSchema } },
    },
    async (req) => listPublicBodies(req.ctx, req.query),
  );
};
