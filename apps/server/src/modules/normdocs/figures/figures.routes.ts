import {
  normdocFigureRecordsPageSchema,
  normdocFigureRecordsQuerySchema,
  normdocFiguresQuerySchema,
  normdocFiguresResultSchema,
} from '@fazhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendXlsx } from '../../../platform/excel/export';
import type { Figure } from './figures.compute';
import { getFigureRecords, getFigures, toFiguresDto } from './figures.service';

const tags = ['normdocs'];
const codeParams = z.object({
  code: z.string().regex(/^[a-z_]{2,40}$/, { message: '指标代码格式不正确' }),
});

const show = (f: Pick<Figure, 'value' | 'unit'>) => (f.value === null ? '—' : `${f.value}${f.unit}`);

/** The module's figures (DOMAIN.md §1.6) with drill-down to the records behind each number. */
export const figureRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/normdocs/figures',
    {
      config: { access: 'normdoc.figures' },
      schema: { tags, querystring: normdocFiguresQuerySchema, response: { 200: normdocFiguresResultSchema } },
    },
    async (req) => toFiguresDto(await getFigures(req.ctx, req.query)),
  );
  app.get(
    '/normdocs/figures/export.xlsx',
    { config: { access: 'normdoc.figures' }, schema: { tags, querystring: normdocFiguresQuerySchema } },
    async (req, reply) => {
      const r = await getFigures(req.ctx, req.query);
      type Line = { scope: string; f: Figure };
      const lines: Line[] = [
        ...r.figures.map((f) => ({ scope: r.scope.name, f })),
        ...r.byChildRegion.flatMap((c) => c.figures.map((f) => ({ scope: c.regionName, f }))),
      ];
      return sendXlsx<Line>(
        reply,
        `规范性文件统计-${r.scope.name}-${r.scope.from}至${r.scope.to}.xlsx`,
        '规范性文件统计',
        [
          { header: '统计范围', width: 24, value: (l) => l.scope },
          { header: '指标', width: 28, value: (l) => l.f.name },
          { header: '数值', width: 12, value: (l) => show(l.f) },
          { header: '分子', width: 10, value: (l) => l.f.numerator },
          { header: '分母', width: 10, value: (l) => l.f.denominator },
          { header: '单位', width: 6, value: (l) => l.f.unit },
          { header: '统计期间', width: 24, value: () => `${r.scope.from}至${r.scope.to}` },
          { header: '口径', width: 80, value: (l) => l.f.definition },
          { header: '口径版本', width: 10, value: (l) => l.f.definitionVersion },
        ],
        (async function* () {
          yield lines;
        })(),
      );
    },
  );
  app.get(
    '/normdocs/figures/:code/records',
    {
      config: { access: 'normdoc.figures' },
      schema: {
        tags,
        params: codeParams,
        querystring: normdocFigureRecordsQuerySchema,
        response: { 200: normdocFigureRecordsPageSchema },
      },
    },
    async (req) => getFigureRecords(req.ctx, req.params.code, req.query),
  );
};
