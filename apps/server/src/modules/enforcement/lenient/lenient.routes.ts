import {
  LENIENT_LIST_KINDS,
  lenientCaseCreateSchema,
  lenientCaseListSchema,
  lenientCaseSchema,
  lenientImportResultSchema,
  lenientListCreateSchema,
  lenientListDetailSchema,
  lenientListListSchema,
  lenientListQuerySchema,
  lenientTotalsQuerySchema,
  lenientTotalsSchema,
  lenientVersionCreateSchema,
} from '@fazhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../platform/errors';
import { attachmentHeader, sendXlsx } from '../../../platform/excel/export';
import { MAX_IMPORT_BYTES } from '../../../platform/excel/import/workbook-reader';
import { importCases, templateWorkbook } from './lenient.import';
import { createCase, createList, getList, listCases, listLists, reviseList, totals } from './lenient.service';

const idParams = z.object({ id: z.uuid({ message: '编号格式不正确' }) });
const tags = ['enforcement-lenient'];
const base = '/enforcement/lenient';

async function readXlsx(req: FastifyRequest) {
  let part;
  try {
    part = await req.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
  } catch {
    throw new AppError('FILE_INVALID', '请以 multipart/form-data 上传（字段 file）');
  }
  if (!part || part.fieldname !== 'file')
    throw new AppError('FILE_INVALID', '请在表单字段 file 中上传 .xlsx 文件');
  const content = await part.toBuffer().catch(() => {
    throw new AppError('FILE_INVALID', '文件过大，请分批导入');
  });
  if (part.file.truncated) throw new AppError('FILE_INVALID', '文件过大，请分批导入');
  return { fileName: part.filename, content };
}

/** 包容审慎监管“四张清单” (DOMAIN.md §4.6): lists, versions, cases, totals. */
export const lenientRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    `${base}/lists`,
    {
      config: { access: 'enforcement.read' },
      schema: { tags, querystring: lenientListQuerySchema, response: { 200: lenientListListSchema } },
    },
    async (req) => listLists(req.ctx, req.query),
  );
  app.get(
    `${base}/lists/export.xlsx`,
    { config: { access: 'enforcement.read' }, schema: { tags, querystring: lenientListQuerySchema } },
    async (req, reply) => {
      const { items } = await listLists(req.ctx, req.query);
      async function* once() {
        yield items;
      }
      return sendXlsx(
        reply,
        '四张清单.xlsx',
        '四张清单',
        [
          { header: '执法单位', width: 24, value: (l) => l.orgName },
          { header: '清单类型', width: 20, value: (l) => LENIENT_LIST_KINDS[l.kind] },
          { header: '清单名称', width: 30, value: (l) => l.title },
          { header: '版本', width: 6, value: (l) => l.versionNo },
          { header: '生效日期', width: 12, value: (l) => l.effectiveFrom },
          { header: '失效日期', width: 12, value: (l) => l.effectiveTo ?? '' },
          { header: '事项数', width: 8, value: (l) => l.itemCount },
          { header: '办理案件数', width: 10, value: (l) => l.cases },
          { header: '减免金额（元）', width: 14, value: (l) => l.amountYuan },
        ],
        once(),
      );
    },
  );
  app.get(
    `${base}/totals`,
    {
      config: { access: 'enforcement.read' },
      schema: { tags, querystring: lenientTotalsQuerySchema, response: { 200: lenientTotalsSchema } },
    },
    async (req) => totals(req.ctx, req.query.year),
  );
  app.get(
    `${base}/cases/template.xlsx`,
    { config: { access: 'enforcement.body' }, schema: { tags, summary: '清单案件导入模板' } },
    async (_req, reply) =>
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachmentHeader('清单案件导入模板.xlsx'))
        .send(await templateWorkbook()),
  );
  app.get(
    `${base}/lists/:id`,
    {
      config: { access: 'enforcement.read' },
      schema: { tags, params: idParams, response: { 200: lenientListDetailSchema } },
    },
    async (req) => getList(req.ctx, req.params.id),
  );
  app.post(
    `${base}/lists`,
    {
      config: { access: 'enforcement.body' },
      schema: {
        tags,
        summary: '新建本单位清单',
        body: lenientListCreateSchema,
        response: { 200: lenientListDetailSchema },
      },
    },
    async (req) => createList(req.ctx, req.body),
  );
  app.post(
    `${base}/lists/:id/versions`,
    {
      config: { access: 'enforcement.body' },
      schema: {
        tags,
        summary: '修订清单（复制现行版本并修改，保留历史版本）',
        params: idParams,
        body: lenientVersionCreateSchema,
        response: { 200: lenientListDetailSchema },
      },
    },
    async (req) => reviseList(req.ctx, req.params.id, req.body),
  );
  app.get(
    `${base}/lists/:id/cases`,
    {
      config: { access: 'enforcement.read' },
      schema: { tags, params: idParams, response: { 200: lenientCaseListSchema } },
    },
    async (req) => listCases(req.ctx, req.params.id),
  );
  app.post(
    `${base}/lists/:id/cases`,
    {
      config: { access: 'enforcement.body' },
      schema: { tags, params: idParams, body: lenientCaseCreateSchema, response: { 200: lenientCaseSchema } },
    },
    async (req) => createCase(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${base}/lists/:id/cases/import`,
    {
      config: { access: 'enforcement.body' },
      schema: {
        tags,
        summary: '导入清单案件（multipart 字段 file；任一行有错误则不导入任何数据）',
        params: idParams,
        response: { 200: lenientImportResultSchema },
      },
    },
    async (req) => importCases(req.ctx, req.params.id, await readXlsx(req)),
  );
};
