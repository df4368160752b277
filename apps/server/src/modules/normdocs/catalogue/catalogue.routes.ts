import {
  NORMDOC_STATUSES,
  catalogueDocSchema,
  catalogueOrgsSchema,
  cataloguePageSchema,
  catalogueQuerySchema,
  normdocSearchPageSchema,
  normdocSearchQuerySchema,
} from '@fazhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { shanghaiToday } from '../../../platform/clock/today';
import { attachmentHeader, sendXlsx } from '../../../platform/excel/export';
import { catalogueOrgs, getCatalogueDoc, listCatalogue, publicAttachment } from './catalogue.query';
import { searchBatchesForExport, searchNormdocs } from './search.query';

const idParams = z.object({ id: z.uuid({ message: '编号格式不正确' }) });
const attachmentParams = idParams.extend({ attachmentId: z.uuid({ message: '编号格式不正确' }) });
const tags = ['normdocs'];

/** Plain text of a highlighted fragment (for the Excel export). */
const plain = (html: string) =>
  html
    .replace(/<\/?mark>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Staff full-text search and the public 现行有效规范性文件目录 (issue 3 item 8). */
export const catalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/normdocs',
    {
      config: { access: 'public' },
      schema: { tags, querystring: catalogueQuerySchema, response: { 200: cataloguePageSchema } },
    },
    async (req) => listCatalogue(req.ctx.db, req.query),
  );
  app.get(
    '/public/normdoc-orgs',
    { config: { access: 'public' }, schema: { tags, response: { 200: catalogueOrgsSchema } } },
    async (req) => ({ items: await catalogueOrgs(req.ctx.db) }),
  );
  app.get(
    '/public/normdocs/:id',
    {
      config: { access: 'public' },
      schema: { tags, params: idParams, response: { 200: catalogueDocSchema } },
    },
    async (req) => getCatalogueDoc(req.ctx.db, req.params.id),
  );
  app.get(
    '/public/normdocs/:id/attachments/:attachmentId',
    { config: { access: 'public' }, schema: { tags, params: attachmentParams } },
    async (req, reply) => {
      const f = await publicAttachment(req.ctx.db, req.params.id, req.params.attachmentId);
      reply.header('content-type', f.mimeType);
      reply.header('content-disposition', attachmentHeader(f.fileName).replace('export.xlsx', 'file'));
      reply.header('x-content-type-options', 'nosniff');
      return reply.send(f.content);
    },
  );

  app.get(
    '/normdocs/search',
    {
      config: { access: 'normdoc.read' },
      schema: { tags, querystring: normdocSearchQuerySchema, response: { 200: normdocSearchPageSchema } },
    },
    async (req) => searchNormdocs(req.ctx, req.query),
  );
  app.get(
    '/normdocs/search/export.xlsx',
    { config: { access: 'normdoc.read' }, schema: { tags, querystring: normdocSearchQuerySchema } },
    async (req, reply) =>
      sendXlsx(
        reply,
        `规范性文件检索-${shanghaiToday(req.ctx.now())}.xlsx`,
        '检索结果',
        [
          { header: '文件标题', width: 48, value: (h) => h.title },
          { header: '制定机关', width: 28, value: (h) => h.org.name },
          { header: '状态', width: 12, value: (h) => NORMDOC_STATUSES[h.status].zh },
          { header: '发文字号', width: 18, value: (h) => h.docNumber },
          { header: '统一登记号', width: 18, value: (h) => h.registrationNumber },
          { header: '公布日期', width: 12, value: (h) => h.publishedOn },
          { header: '命中摘要', width: 80, value: (h) => plain(h.snippetHtml) },
          { header: '相关度', width: 8, value: (h) => h.rank },
        ],
        searchBatchesForExport(req.ctx, req.query),
      ),
  );
};
