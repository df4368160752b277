import {
  EVALUATION_RECOMMENDATIONS,
  evaluationCreateSchema,
  evaluationListSchema,
  evaluationSchema,
} from '@fazhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendXlsx } from '../../../platform/excel/export';
import { createEvaluation, evaluationsOf, listEvaluations, loadEvaluatedDoc } from './evaluations.service';

const idParams = z.object({ id: z.uuid({ message: '编号格式不正确' }) });
const tags = ['normdocs-evaluations'];

/** 后评估 of one document. */
export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/normdocs/:id/evaluations',
    {
      config: { access: 'normdoc.read' },
      schema: { tags, params: idParams, response: { 200: evaluationListSchema } },
    },
    async (req) => listEvaluations(req.ctx, req.params.id),
  );

  app.get(
    '/normdocs/:id/evaluations/export.xlsx',
    { config: { access: 'normdoc.read' }, schema: { tags, params: idParams } },
    async (req, reply) => {
      const doc = await loadEvaluatedDoc(req.ctx.db, req.ctx.actor!, req.params.id, 'normdoc.read');
      const list = await evaluationsOf(req.ctx.db, doc.id);
      async function* once() {
        yield list;
      }
      return sendXlsx(
        reply,
        `后评估-${doc.title}.xlsx`,
        '后评估',
        [
          { header: '评估报告日期', width: 12, value: (e) => e.reportOn },
          { header: '评估主体', width: 24, value: (e) => e.evaluator },
          { header: '参与人员', width: 30, value: (e) => e.participants.join('、') },
          { header: '评估方式', width: 24, value: (e) => e.method },
          { header: '评估结论', width: 60, value: (e) => e.findings },
          { header: '评估建议', width: 10, value: (e) => EVALUATION_RECOMMENDATIONS[e.recommendation] },
        ],
        once(),
      );
    },
  );

  app.post(
    '/normdocs/:id/evaluations',
    {
      config: { access: 'normdoc.draft' },
      schema: {
        tags,
        summary: '登记后评估（仅限已公布施行的文件）',
        params: idParams,
        body: evaluationCreateSchema,
        response: { 200: evaluationSchema },
      },
    },
    async (req) => createEvaluation(req.ctx, req.params.id, req.body),
  );
};
