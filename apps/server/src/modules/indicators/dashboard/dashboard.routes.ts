import { dashboardQuerySchema, dashboardResultSchema, type DashboardCell } from '@fazhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendXlsx } from '../../../platform/excel/export';
import { getDashboard } from './dashboard.service';

const tags = ['indicators'];

/** The indicator dashboard: values by region and year, and the same data as an Excel workbook. */
export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/dashboard',
    {
      config: { access: 'dashboard.read' },
      schema: { tags, querystring: dashboardQuerySchema, response: { 200: dashboardResultSchema } },
    },
    async (req) => getDashboard(req.ctx, req.query),
  );
  app.get(
    '/dashboard/export.xlsx',
    { config: { access: 'dashboard.read' }, schema: { tags, querystring: dashboardQuerySchema } },
    async (req, reply) => {
      const r = await getDashboard(req.ctx, req.query);
      const ind = new Map(r.indicators.map((i) => [i.code, i]));
      return sendXlsx<DashboardCell>(
        reply,
        `指标看板-${r.scope.name}-${r.years.join('_')}.xlsx`,
        '指标看板',
        [
          { header: '区划/单位', width: 20, value: (c) => c.subjectName },
          { header: '代码', width: 14, value: (c) => c.subjectCode },
          { header: '本级', width: 6, value: (c) => (c.self ? '本级' : '下级') },
          { header: '年度', width: 8, value: (c) => c.year },
          { header: '指标', width: 36, value: (c) => ind.get(c.code)?.name ?? c.code },
          { header: '指标代码', width: 30, value: (c) => c.code },
          { header: '数值', width: 14, value: (c) => c.value },
          { header: '单位', width: 8, value: (c) => ind.get(c.code)?.unit ?? '' },
          { header: '约数', width: 6, value: (c) => (c.approx ? '是' : '') },
        ],
        (async function* () {
          const part = req.query.part ?? 'all';
          yield r.cells.filter((c) => part === 'all' || (part === 'trend' ? c.self : !c.self));
        })(),
      );
    },
  );
};
