import {
  calendarYearParamsSchema,
  calendarYearSchema,
  calendarYearsSchema,
  calendarYearUpdateResultSchema,
  calendarYearUpdateSchema,
  dueDateQuerySchema,
  dueDateResponseSchema,
  weekday,
} from '@fazhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendXlsx } from '../../platform/excel/export';
import {
  calendarDaysForExport,
  computeDueDate,
  getCalendarYear,
  listCalendarYears,
  updateCalendarYear,
} from './calendar.service';

const tags = ['calendar'];
const WEEKDAYS = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];
const KINDS = { holiday: '放假', workday: '调休上班' } as const;

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/calendar/due-date',
    {
      config: { access: 'calendar.read' },
      schema: { tags, querystring: dueDateQuerySchema, response: { 200: dueDateResponseSchema } },
    },
    async (req) => computeDueDate(req.ctx, req.query),
  );
  app.get(
    '/calendar/years',
    { config: { access: 'calendar.read' }, schema: { tags, response: { 200: calendarYearsSchema } } },
    async (req) => listCalendarYears(req.ctx),
  );
  app.get(
    '/calendar/years/:year',
    {
      config: { access: 'calendar.read' },
      schema: { tags, params: calendarYearParamsSchema, response: { 200: calendarYearSchema } },
    },
    async (req) => getCalendarYear(req.ctx, req.params.year),
  );
  app.get(
    '/calendar/years/:year/export.xlsx',
    { config: { access: 'calendar.read' }, schema: { tags, params: calendarYearParamsSchema } },
    async (req, reply) => {
      const days = await calendarDaysForExport(req.ctx, req.params.year);
      return sendXlsx(
        reply,
        `${req.params.year}年节假日安排.xlsx`,
        `${req.params.year}年`,
        [
          { header: '日期', width: 12, value: (d) => d.date },
          { header: '星期', width: 8, value: (d) => WEEKDAYS[weekday(d.date)] ?? '' },
          { header: '类型', width: 10, value: (d) => KINDS[d.kind] },
          { header: '节日', width: 14, value: (d) => d.name },
        ],
        (async function* () {
          yield days;
        })(),
      );
    },
  );
  app.put(
    '/calendar/years/:year',
    {
      config: { access: 'calendar.write' },
      schema: {
        tags,
        params: calendarYearParamsSchema,
        body: calendarYearUpdateSchema,
        response: { 200: calendarYearUpdateResultSchema },
      },
    },
    async (req) => updateCalendarYear(req.ctx, req.params.year, req.body),
  );
};
