import {
  ORG_TYPES,
  orgCreateSchema,
  orgListQuerySchema,
  orgListSchema,
  orgSchema,
  orgUpdateSchema,
  regionCreateSchema,
  regionListSchema,
  regionSchema,
  regionUpdateSchema,
  REGION_LEVELS,
} from '@fazhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendXlsx } from '../../platform/excel/export';
import {
  createOrg,
  createRegion,
  getOrg,
  listOrgs,
  listRegions,
  updateOrg,
  updateRegion,
} from './org.service';

const idParams = z.object({ id: z.uuid({ message: '编号格式不正确' }) });

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/regions',
    { config: { access: 'region.read' }, schema: { tags: ['org'], response: { 200: regionListSchema } } },
    async (req) => ({
      items: await listRegions(req.ctx),
    }),
  );
  app.get(
    '/regions/export.xlsx',
    { config: { access: 'region.read' }, schema: { tags: ['org'] } },
    async (req, reply) => {
      const items = await listRegions(req.ctx);
      return sendXlsx(
        reply,
        '行政区划.xlsx',
        '行政区划',
        [
          { header: '区划代码', width: 14, value: (r) => r.code },
          { header: '名称', width: 20, value: (r) => r.name },
          { header: '层级', width: 8, value: (r) => REGION_LEVELS[r.level] },
          { header: '上级代码', width: 14, value: (r) => r.parentCode },
          { header: '启用日期', width: 12, value: (r) => r.validFrom },
          { header: '停用日期', width: 12, value: (r) => r.validTo },
        ],
        (async function* () {
          yield items;
        })(),
      );
    },
  );
  app.post(
    '/regions',
    {
      config: { access: 'region.write' },
      schema: { tags: ['org'], body: regionCreateSchema, response: { 200: regionSchema } },
    },
    async (req) => req.ctx.db.transaction((tx) => createRegion(req.ctx, req.body, tx)),
  );
  app.patch(
    '/regions/:code',
    {
      config: { access: 'region.write' },
      schema: {
        tags: ['org'],
        params: z.object({ code: z.string().max(12) }),
        body: regionUpdateSchema,
        response: { 200: regionSchema },
      },
    },
    async (req) => updateRegion(req.ctx, req.params.code, req.body),
  );

  app.get(
    '/orgs',
    {
      config: { access: 'org.read' },
      schema: { tags: ['org'], querystring: orgListQuerySchema, response: { 200: orgListSchema } },
    },
    async (req) => ({
      items: await listOrgs(req.ctx, req.query),
    }),
  );
  app.get(
    '/orgs/export.xlsx',
    { config: { access: 'org.read' }, schema: { tags: ['org'], querystring: orgListQuerySchema } },
    async (req, reply) => {
      const items = await listOrgs(req.ctx, req.query);
      const byId = new Map(items.map((o) => [o.id, o.name]));
      return sendXlsx(
        reply,
        '单位名录.xlsx',
        '单位',
        [
          { header: '单位名称', width: 30, value: (r) => r.name },
          { header: '简称', width: 14, value: (r) => r.shortName },
          { header: '单位类型', width: 14, value: (r) => ORG_TYPES[r.type] },
          { header: '统一社会信用代码', width: 22, value: (r) => r.uscc },
          { header: '机关代字', width: 10, value: (r) => r.docCodePrefix },
          { header: '上级单位', width: 30, value: (r) => (r.parentId ? (byId.get(r.parentId) ?? '') : '') },
          { header: '行政区划代码', width: 14, value: (r) => r.regionCode },
          { header: '行政区划', width: 14, value: (r) => r.regionName },
          { header: '行政执法主体', width: 8, value: (r) => (r.isLawEnforcementBody ? '是' : '否') },
          { header: '行政复议机关', width: 8, value: (r) => (r.isReconsiderationOrgan ? '是' : '否') },
          { header: '状态', width: 8, value: (r) => (r.disabled ? '停用' : '在用') },
        ],
        (async function* () {
          yield items;
        })(),
      );
    },
  );
  app.get(
    '/orgs/:id',
    {
      config: { access: 'org.read' },
      schema: { tags: ['org'], params: idParams, response: { 200: orgSchema } },
    },
    async (req) => getOrg(req.ctx, req.params.id),
  );
  app.post(
    '/orgs',
    {
      config: { access: 'org.write' },
      schema: { tags: ['org'], body: orgCreateSchema, response: { 200: orgSchema } },
    },
    async (req) => createOrg(req.ctx, req.body),
  );
  app.patch(
    '/orgs/:id',
    {
      config: { access: 'org.write' },
      schema: { tags: ['org'], params: idParams, body: orgUpdateSchema, response: { 200: orgSchema } },
    },
    async (req) => updateOrg(req.ctx, req.params.id, req.body),
  );
};
