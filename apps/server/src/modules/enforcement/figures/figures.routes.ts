import {
  enforcementFigureRecordPageSchema,
  enforcementFigureRecordsQuerySchema,
  enforcementFiguresQuerySchema,
  enforcementFiguresResultSchema,
} from '@fazhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendXlsx } from '../../../platform/excel/export';
import { getEnforcementFigureRecords, getEnforcementFigures } from './figures.service';

const tags = ['enforcement-figures'];
const ACCESS = { access: 'enforcement.read' } as const;
const codeParams = z.object({ code: z.string().regex(/^[a-z_]{2,64}$/, { message: '指标代码格式不正确' }) });

/** 行政执法 figures (DOMAIN.md §4.10) with numerator/denominator, drill-down and Excel export. */
export const figuresRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/enforcement/figures',
    {
      config: ACCESS,
      schema: {
        tags,
        querystring: enforcementFiguresQuerySchema,
        response: { 200: enforcementFiguresResultSchema },
      },
    },
    async (req) => getEnforcementFigures(req.ctx, req.query),
  );

  app.get(
    '/enforcement/figures/export.xlsx',
    { config: ACCESS, schema: { tags, querystring: enforcementFiguresQuerySchema } },
    async (req, reply) => {
      const r = await getEnforcementFigures(req.ctx, req.query);
      async function* one() {
        yield r.figures;
      }
      return sendXlsx(
        reply,
        `行政执法统计-${r.scope.name}-${r.scope.from}至${r.scope.to}.xlsx`,
        '行政执法统计',
        [
          { header: '统计范围', width: 20, value: () => r.scope.name },
          { header: '统计期', width: 24, value: () => `${r.scope.from}至${r.scope.to}` },
          { header: '指标代码', width: 28, value: (f) => f.code },
          { header: '指标名称', width: 28, value: (f) => f.name },
          { header: '数值', width: 12, value: (f) => f.value },
          { header: '单位', width: 8, value: (f) => f.unit },
          { header: '分子', width: 12, value: (f) => f.numerator },
          { header: '分母', width: 12, value: (f) => f.denominator },
          { header: '口径', width: 60, value: (f) => f.definition },
          { header: '口径版本', width: 10, value: (f) => f.definitionVersion },
        ],
        one(),
      );
    },
  );

  app.get(
    '/enforcement/figures/:code/records',
    {
      config: ACCESS,
      schema: {
        tags,
        summary: '指标明细（下钻）',
        params: codeParams,
        querystring: enforcementFigureRecordsQuerySchema,
        response: { 200: enforcementFigureRecordPageSchema },
      },
    },
    async (req) => getEnforcementFigureRecords(req.ctx, req.params.code, req.query),
  );
};
