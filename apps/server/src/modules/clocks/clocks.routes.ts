import {
  CLOCK_PAUSE_KINDS,
  CLOCK_STATUSES,
  DUE_DATE_UNITS,
  clockCompleteSchema,
  clockCreateSchema,
  clockExtensionCreateSchema,
  clockListQuerySchema,
  clockPageSchema,
  clockPauseCreateSchema,
  clockPauseEndSchema,
  clockSchema,
  type Clock,
} from '@fazhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendXlsx } from '../../platform/excel/export';
import { shanghaiToday } from '../../platform/clock/today';
import { clockBatchesForExport, getClock, listClocks } from './clocks.query';
import { addExtension, addPause, completeClock, createClock, endPause } from './clocks.service';

const idParams = z.object({ id: z.uuid({ message: '编号格式不正确' }) });
const pauseParams = idParams.extend({ pauseId: z.uuid({ message: '编号格式不正确' }) });
const tags = ['clocks'];

const periodText = (amount: number, unit: Clock['unit']) => `${amount}${DUE_DATE_UNITS[unit]}`;

export const clockRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/clocks',
    {
      config: { access: 'clock.read' },
      schema: { tags, querystring: clockListQuerySchema, response: { 200: clockPageSchema } },
    },
    async (req) => listClocks(req.ctx, req.query),
  );
  app.get(
    '/clocks/export.xlsx',
    { config: { access: 'clock.read' }, schema: { tags, querystring: clockListQuerySchema } },
    async (req, reply) =>
      sendXlsx(
        reply,
        `期限台账-${shanghaiToday(req.ctx.now())}.xlsx`,
        '期限台账',
        [
          { header: '事项名称', width: 36, value: (c) => c.title },
          { header: '所属单位', width: 28, value: (c) => c.orgName },
          { header: '行政区划代码', width: 12, value: (c) => c.regionCode },
          { header: '起算事件', width: 16, value: (c) => c.startEvent },
          { header: '起算日期', width: 12, value: (c) => c.startDate },
          { header: '法定期限', width: 14, value: (c) => periodText(c.amount, c.unit) },
          { header: '法律依据', width: 30, value: (c) => c.legalBasis },
          { header: '到期日', width: 12, value: (c) => c.dueDate },
          {
            header: '到期日是否暂定',
            width: 10,
            value: (c) => (c.provisional ? '暂定（节假日安排未公布）' : '否'),
          },
          { header: '状态', width: 8, value: (c) => CLOCK_STATUSES[c.status] },
          { header: '办结日期', width: 12, value: (c) => c.completedOn },
          {
            header: '中止/补正',
            width: 36,
            value: (c) =>
              c.pauses
                .map((p) => `${CLOCK_PAUSE_KINDS[p.kind]} ${p.from}至${p.to ?? '今'}（${p.reason}）`)
                .join('；'),
          },
          {
            header: '延长',
            width: 36,
            value: (c) =>
              c.extensions
                .map(
                  (e) => `${periodText(e.amount, e.unit)}，${e.approver} ${e.approvedOn} 批准（${e.reason}）`,
                )
                .join('；'),
          },
        ],
        clockBatchesForExport(req.ctx, req.query),
      ),
  );
  app.get(
    '/clocks/:id',
    { config: { access: 'clock.read' }, schema: { tags, params: idParams, response: { 200: clockSchema } } },
    async (req) => getClock(req.ctx, req.params.id),
  );
  app.post(
    '/clocks',
    {
      config: { access: 'clock.write' },
      schema: { tags, body: clockCreateSchema, response: { 200: clockSchema } },
    },
    async (req) => createClock(req.ctx, req.body),
  );
  app.post(
    '/clocks/:id/pauses',
    {
      config: { access: 'clock.write' },
      schema: { tags, params: idParams, body: clockPauseCreateSchema, response: { 200: clockSchema } },
    },
    async (req) => addPause(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/clocks/:id/pauses/:pauseId/end',
    {
      config: { access: 'clock.write' },
      schema: { tags, params: pauseParams, body: clockPauseEndSchema, response: { 200: clockSchema } },
    },
    async (req) => endPause(req.ctx, req.params.id, req.params.pauseId, req.body),
  );
  app.post(
    '/clocks/:id/extensions',
    {
      config: { access: 'clock.write' },
      schema: { tags, params: idParams, body: clockExtensionCreateSchema, response: { 200: clockSchema } },
    },
    async (req) => addExtension(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/clocks/:id/complete',
    {
      config: { access: 'clock.write' },
      schema: { tags, params: idParams, body: clockCompleteSchema, response: { 200: clockSchema } },
    },
    async (req) => completeClock(req.ctx, req.params.id, req.body),
  );
};
