import {
  INDICATOR_KINDS,
  INDICATOR_ROLLUPS,
  indicatorCodeParamsSchema,
  indicatorCreateSchema,
  indicatorGroupSchema,
  indicatorIdParamsSchema,
  indicatorListQuerySchema,
  indicatorListSchema,
  indicatorProvenanceQuerySchema,
  indicatorProvenanceSchema,
  indicatorSchema,
  indicatorSystemCreateSchema,
  indicatorSystemItemCreateSchema,
  indicatorSystemItemUpdateSchema,
  indicatorSystemListSchema,
  indicatorSystemTreeSchema,
  indicatorSystemUpdateSchema,
  indicatorUpdateSchema,
  indicatorValuesQuerySchema,
  indicatorValuesSchema,
} from '@fazhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendXlsx } from '../../platform/excel/export';
import {
  createIndicator,
  getIndicator,
  listGroups,
  listIndicatorRows,
  listIndicators,
  updateIndicator,
} from './indicators.catalogue';
import {
  addSystemItem,
  createSystem,
  getSystemTree,
  listSystems,
  updateSystem,
  updateSystemItem,
} from './indicators.systems';
import { getIndicatorProvenance, getIndicatorValues } from './indicators.values-query';

const tags = ['indicators'];

/** The catalogue, resolved values with provenance, and indicator systems. */
export const indicatorsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/indicators',
    {
      config: { access: 'indicator.read' },
      schema: { tags, querystring: indicatorListQuerySchema, response: { 200: indicatorListSchema } },
    },
    async (req) => listIndicators(req.ctx, req.query),
  );
  app.get(
    '/indicators/export.xlsx',
    { config: { access: 'indicator.read' }, schema: { tags, querystring: indicatorListQuerySchema } },
    async (req, reply) => {
      const rows = await listIndicatorRows(req.ctx, req.query);
      type R = (typeof rows)[number];
      return sendXlsx<R>(
        reply,
        '指标目录.xlsx',
        '指标目录',
        [
          {
            header: '分组',
            width: 26,
            value: (r) => (r.group_code ? `${r.group_code} ${r.group_name ?? ''}` : ''),
          },
          { header: '指标代码', width: 36, value: (r) => r.code },
          { header: '指标名称', width: 40, value: (r) => r.name },
          { header: '单位', width: 8, value: (r) => r.unit },
          { header: '来源', width: 12, value: (r) => INDICATOR_KINDS[r.kind].zh },
          { header: '汇总方式', width: 20, value: (r) => INDICATOR_ROLLUPS[r.rollup].zh },
          {
            header: '计算模块/指标',
            width: 28,
            value: (r) => (r.source_module ? `${r.source_module}:${r.source_code ?? r.code}` : ''),
          },
          { header: '分子', width: 24, value: (r) => r.numerator_code ?? '' },
          { header: '分母', width: 24, value: (r) => r.denominator_code ?? '' },
          { header: '口径版本', width: 10, value: (r) => r.definition_version },
          {
            header: '本地指标',
            width: 10,
            value: (r) => (r.local ? `是（${r.owner_region_name ?? ''}）` : '否'),
          },
          { header: '启用', width: 8, value: (r) => (r.active ? '是' : '否') },
          { header: '口径说明', width: 80, value: (r) => r.definition },
        ],
        (async function* () {
          yield rows;
        })(),
      );
    },
  );
  app.get(
    '/indicators/:code',
    {
      config: { access: 'indicator.read' },
      schema: { tags, params: indicatorCodeParamsSchema, response: { 200: indicatorSchema } },
    },
    async (req) => getIndicator(req.ctx, req.params.code),
  );
  app.post(
    '/indicators',
    {
      config: { access: 'indicator.manage' },
      schema: { tags, body: indicatorCreateSchema, response: { 201: indicatorSchema } },
    },
    async (req, reply) => reply.code(201).send(await createIndicator(req.ctx, req.body)),
  );
  app.put(
    '/indicators/:code',
    {
      config: { access: 'indicator.manage' },
      schema: {
        tags,
        params: indicatorCodeParamsSchema,
        body: indicatorUpdateSchema,
        response: { 200: indicatorSchema },
      },
    },
    async (req) => updateIndicator(req.ctx, req.params.code, req.body),
  );
  app.get(
    '/indicator-groups',
    {
      config: { access: 'indicator.read' },
      schema: { tags, response: { 200: z.object({ items: z.array(indicatorGroupSchema) }) } },
    },
    async (req) => ({ items: await listGroups(req.ctx) }),
  );
  app.get(
    '/indicator-values',
    {
      config: { access: 'indicator.read' },
      schema: { tags, querystring: indicatorValuesQuerySchema, response: { 200: indicatorValuesSchema } },
    },
    async (req) => getIndicatorValues(req.ctx, req.query),
  );
  app.get(
    '/indicator-values/:code/provenance',
    {
      config: { access: 'indicator.read' },
      schema: {
        tags,
        params: indicatorCodeParamsSchema,
        querystring: indicatorProvenanceQuerySchema,
        response: { 200: indicatorProvenanceSchema },
      },
    },
    async (req) => getIndicatorProvenance(req.ctx, req.params.code, req.query),
  );
  app.get(
    '/indicator-systems',
    { config: { access: 'indicator.read' }, schema: { tags, response: { 200: indicatorSystemListSchema } } },
    async (req) => listSystems(req.ctx),
  );
  app.get(
    '/indicator-systems/:id',
    {
      config: { access: 'indicator.read' },
      schema: { tags, params: indicatorIdParamsSchema, response: { 200: indicatorSystemTreeSchema } },
    },
    async (req) => getSystemTree(req.ctx, req.params.id),
  );
  app.post(
    '/indicator-systems',
    {
      config: { access: 'indicator.manage' },
      schema: { tags, body: indicatorSystemCreateSchema, response: { 201: indicatorSystemTreeSchema } },
    },
    async (req, reply) => reply.code(201).send(await createSystem(req.ctx, req.body)),
  );
  app.put(
    '/indicator-systems/:id',
    {
      config: { access: 'indicator.manage' },
      schema: {
        tags,
        params: indicatorIdParamsSchema,
        body: indicatorSystemUpdateSchema,
        response: { 200: indicatorSystemTreeSchema },
      },
    },
    async (req) => updateSystem(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/indicator-systems/:id/items',
    {
      config: { access: 'indicator.manage' },
      schema: {
        tags,
        params: indicatorIdParamsSchema,
        body: indicatorSystemItemCreateSchema,
        response: { 201: indicatorSystemTreeSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await addSystemItem(req.ctx, req.params.id, req.body)),
  );
  app.put(
    '/indicator-system-items/:id',
    {
      config: { access: 'indicator.manage' },
      schema: {
        tags,
        params: indicatorIdParamsSchema,
        body: indicatorSystemItemUpdateSchema,
        response: { 200: indicatorSystemTreeSchema },
      },
    },
    async (req) => updateSystemItem(req.ctx, req.params.id, req.body),
  );
};
