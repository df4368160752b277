import {
  CLASSIFICATIONS,
  UNFILED_FINDING_STATUSES,
  registerDetailSchema,
  registerEntriesQuerySchema,
  registerEntryClassifyResultSchema,
  registerEntryClassifySchema,
  registerListQuerySchema,
  registerPageSchema,
  registerSampleResultSchema,
  registerSampleSchema,
  registerSummarySchema,
  unfiledFindingListQuerySchema,
  unfiledFindingPageSchema,
  unfiledFindingSchema,
  unfiledFollowUpSchema,
} from '@fazhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { shanghaiToday } from '../../../platform/clock/today';
import { AppError } from '../../../platform/errors';
import { attachmentHeader, paged, sendXlsx } from '../../../platform/excel/export';
import { MAX_IMPORT_BYTES } from '../../../platform/excel/import/workbook-reader';
import { buildRegisterTemplate } from './register-file';
import {
  getRegister,
  listRegisters,
  loadRegister,
  registerBatchesForExport,
  selectEntries,
} from './registers.query';
import { classifyEntry, sampleRegister, uploadRegister, verifySample } from './registers.service';
import { findingBatchesForExport, followUpFinding, listFindings } from './unfiled-findings.service';

const idParams = z.object({ id: z.uuid({ message: '编号格式不正确' }) });
const tags = ['normdocs-registers'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ACCESS = { access: 'normdoc.review' } as const;

/** 发文目录 import, reproducible sampling, 认定 and 漏备 findings (认定未备案, DOMAIN.md §1.1). */
export const registerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/normdocs/registers',
    {
      config: ACCESS,
      schema: { tags, querystring: registerListQuerySchema, response: { 200: registerPageSchema } },
    },
    async (req) => listRegisters(req.ctx, req.query),
  );

  app.get(
    '/normdocs/registers/export.xlsx',
    { config: ACCESS, schema: { tags, querystring: registerListQuerySchema } },
    async (req, reply) =>
      sendXlsx(
        reply,
        `发文目录核查-${shanghaiToday(req.ctx.now())}.xlsx`,
        '发文目录核查',
        [
          { header: '核查名称', width: 30, value: (r) => r.title },
          { header: '被核查单位', width: 28, value: (r) => r.org.name },
          { header: '行政区划代码', width: 12, value: (r) => r.regionCode },
          { header: '目录起', width: 12, value: (r) => r.periodFrom },
          { header: '目录止', width: 12, value: (r) => r.periodTo },
          { header: '目录条数', width: 10, value: (r) => r.entryCount },
          { header: '抽取份数', width: 10, value: (r) => r.sampleSize },
          { header: '随机种子', width: 20, value: (r) => r.sampleSeed },
          { header: '抽样算法', width: 32, value: (r) => r.sampleAlgorithm },
          { header: '已认定', width: 8, value: (r) => r.classifiedCount },
          { header: '属于规范性文件', width: 10, value: (r) => r.normativeCount },
          { header: '认定未备案', width: 10, value: (r) => r.findingCount },
        ],
        registerBatchesForExport(req.ctx, req.query),
      ),
  );

  app.get(
    '/normdocs/registers/template.xlsx',
    { config: ACCESS, schema: { tags, summary: '发文目录模板（发文字号、文件标题、发文日期）' } },
    async (_req, reply) => {
      const file = await buildRegisterTemplate();
      reply.header('content-type', XLSX).header('content-disposition', attachmentHeader('发文目录模板.xlsx'));
      return reply.send(file);
    },
  );

  app.post(
    '/normdocs/registers',
    {
      config: ACCESS,
      schema: {
        tags,
        summary: '上传发文目录（multipart：orgId 被核查单位、title 核查名称、file .xlsx）',
        response: { 200: registerSummarySchema },
      },
    },
    async (req) => {
      if (!req.isMultipart())
        throw new AppError('FILE_INVALID', '请以表单（multipart）上传：orgId、title 和 file（.xlsx）');
      const fields: Record<string, string> = {};
      let file: { name: string | null; buffer: Buffer } | null = null;
      for await (const part of req.parts({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } })) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file') {
            part.file.resume();
            continue;
          }
          const buffer = await part.toBuffer();
          if (part.file.truncated)
            throw new AppError('BODY_TOO_LARGE', `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，请分批上传`);
          file = { name: part.filename || null, buffer };
        } else if (typeof part.value === 'string') {
          fields[part.fieldname] = part.value;
        }
      }
      const orgId = z.uuid().safeParse(fields.orgId ?? '');
      if (!orgId.success) throw new AppError('VALIDATION_FAILED', '请选择被核查单位（orgId）');
      if (!file) throw new AppError('FILE_INVALID', '请在表单字段 file 中上传发文目录（.xlsx）');
      return uploadRegister(req.ctx, {
        orgId: orgId.data,
        title: fields.title ?? '',
        fileName: file.name,
        buffer: file.buffer,
      });
    },
  );

  app.get(
    '/normdocs/registers/:id',
    {
      config: ACCESS,
      schema: {
        tags,
        params: idParams,
        querystring: registerEntriesQuerySchema,
        response: { 200: registerDetailSchema },
      },
    },
    async (req) => getRegister(req.ctx, req.params.id, req.query),
  );

  app.get(
    '/normdocs/registers/:id/entries/export.xlsx',
    { config: ACCESS, schema: { tags, params: idParams, querystring: registerEntriesQuerySchema } },
    async (req, reply) => {
      const reg = await loadRegister(req.ctx.db, req.ctx, req.params.id);
      return sendXlsx(
        reply,
        `发文目录-${reg.title}.xlsx`,
        '发文目录',
        [
          { header: '序号', width: 8, value: (e) => e.seq },
          { header: '发文字号', width: 24, value: (e) => e.docNumber },
          { header: '文件标题', width: 50, value: (e) => e.title },
          { header: '发文日期', width: 12, value: (e) => e.issuedOn },
          { header: '是否抽中', width: 8, value: (e) => (e.sampled ? '是' : '否') },
          {
            header: '认定结果',
            width: 14,
            value: (e) => (e.classification ? CLASSIFICATIONS[e.classification] : ''),
          },
          { header: '认定理由', width: 40, value: (e) => e.reason },
          { header: '认定人', width: 12, value: (e) => e.classifiedByName },
          { header: '认定时间', width: 20, value: (e) => e.classifiedAt },
          { header: '漏备记录', width: 8, value: (e) => (e.findingId ? '有' : '') },
        ],
        paged((offset, limit) => selectEntries(req.ctx.db, reg.id, req.query.sampledOnly, offset, limit)),
      );
    },
  );

  app.post(
    '/normdocs/registers/:id/sample',
    {
      config: ACCESS,
      schema: {
        tags,
        summary: '随机抽样（记录种子、份数和算法；同一种子必得同一样本）',
        params: idParams,
        body: registerSampleSchema,
        response: { 200: registerSampleResultSchema },
      },
    },
    async (req) => sampleRegister(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/normdocs/registers/:id/sample/verify',
    {
      config: ACCESS,
      schema: {
        tags,
        summary: '复核抽样：用给定种子重新抽取（不修改数据），并与已记录的样本比对',
        params: idParams,
        body: registerSampleSchema,
        response: { 200: registerSampleResultSchema },
      },
    },
    async (req) => verifySample(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/normdocs/register-entries/:id/classify',
    {
      config: ACCESS,
      schema: {
        tags,
        summary: '认定是否属于规范性文件（属于且未备案的生成漏备记录）',
        params: idParams,
        body: registerEntryClassifySchema,
        response: { 200: registerEntryClassifyResultSchema },
      },
    },
    async (req) => classifyEntry(req.ctx, req.params.id, req.body),
  );

  app.get(
    '/normdocs/unfiled-findings',
    {
      config: ACCESS,
      schema: {
        tags,
        querystring: unfiledFindingListQuerySchema,
        response: { 200: unfiledFindingPageSchema },
      },
    },
    async (req) => listFindings(req.ctx, req.query),
  );

  app.get(
    '/normdocs/unfiled-findings/export.xlsx',
    { config: ACCESS, schema: { tags, querystring: unfiledFindingListQuerySchema } },
    async (req, reply) =>
      sendXlsx(
        reply,
        `认定未备案-${shanghaiToday(req.ctx.now())}.xlsx`,
        '认定未备案',
        [
          { header: '文件标题', width: 44, value: (f) => f.title },
          { header: '发文字号', width: 22, value: (f) => f.docNumber },
          { header: '制定机关', width: 28, value: (f) => f.org.name },
          { header: '行政区划代码', width: 12, value: (f) => f.regionCode },
          { header: '认定日期', width: 12, value: (f) => f.foundOn },
          { header: '整改期限', width: 12, value: (f) => f.followUpDue },
          { header: '状态', width: 10, value: (f) => UNFILED_FINDING_STATUSES[f.status] },
          { header: '跟进情况', width: 50, value: (f) => f.followUp },
          { header: '办结日期', width: 12, value: (f) => f.closedOn },
        ],
        findingBatchesForExport(req.ctx, req.query),
      ),
  );

  app.post(
    '/normdocs/unfiled-findings/:id/follow-up',
    {
      config: ACCESS,
      schema: {
        tags,
        summary: '跟进漏备记录（整改中 / 已办结；可关联补办备案的文件）',
        params: idParams,
        body: unfiledFollowUpSchema,
        response: { 200: unfiledFindingSchema },
      },
    },
    async (req) => followUpFinding(req.ctx, req.params.id, req.body),
  );
};
