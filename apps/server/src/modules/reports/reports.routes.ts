import {
  REPORT_ACTOR_ROUTE,
  REPORT_KINDS,
  REPORT_STATUSES,
  REPORT_TRANSITIONS,
  publishedReportPageSchema,
  publishedReportQuerySchema,
  publishedReportSchema,
  reportActionNames,
  reportAssistResultSchema,
  reportCommentCreateSchema,
  reportCommentListSchema,
  reportCommentSchema,
  reportCreateSchema,
  reportListQuerySchema,
  reportPageSchema,
  reportPreviewSchema,
  reportSchema,
  reportSectionUpdateSchema,
  reportSendingInputSchema,
  reportTransitionSchema,
  reportUpdateSchema,
  reportVersionCreateSchema,
  reportVersionListSchema,
  reportVersionSchema,
  type ReportActor,
} from '@fazhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { shanghaiToday } from '../../platform/clock/today';
import { sendXlsx } from '../../platform/excel/export';
import { ACTOR_PERMISSION } from './reports.dto';
import { assistReport } from './reports.assist';
import { reportDocx, reportPdf } from './reports.document';
import { getPreview } from './reports.preview';
import { getPublishedReport, listPublishedReports } from './reports.public';
import {
  addComment,
  createReport,
  createVersion,
  getReport,
  getVersion,
  listComments,
  listReports,
  listVersions,
  reportsForExport,
  resolveComment,
  updateReport,
  updateSection,
} from './reports.service';
import { addSendings, transitionReport } from './reports.transitions';

const uuid = z.uuid({ message: '编号格式不正确' });
const idParams = z.object({ id: uuid });
const sectionParams = idParams.extend({ code: z.string().min(1).max(40) });
const versionParams = idParams.extend({ versionId: uuid });
const commentParams = idParams.extend({ commentId: uuid });
const tags = ['reports'];
const ACTOR_LABEL: Record<ReportActor, string> = {
  editor: '起草（司法局/经办人）',
  approver: '党政主要负责人',
  publisher: '保密审查与公开',
};

const download = (fileName: string) =>
  `attachment; filename="report"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** Routes of the annual-report module (法治政府建设年度报告, DOMAIN.md §10.1). */
export const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/reports',
    {
      config: { access: 'report.read' },
      schema: { tags, querystring: reportListQuerySchema, response: { 200: reportPageSchema } },
    },
    async (req) => listReports(req.ctx, req.query),
  );
  app.get(
    '/reports/export.xlsx',
    { config: { access: 'report.read' }, schema: { tags, querystring: reportListQuerySchema } },
    async (req, reply) =>
      sendXlsx(
        reply,
        `法治政府建设年度报告-${shanghaiToday(req.ctx.now())}.xlsx`,
        '年度报告',
        [
          { header: '年度', width: 8, value: (r) => r.year },
          { header: '报告标题', width: 52, value: (r) => r.title },
          { header: '报告单位', width: 28, value: (r) => r.org.name },
          { header: '联合报告党委', width: 24, value: (r) => r.coOrg?.name ?? '' },
          { header: '类型', width: 26, value: (r) => REPORT_KINDS[r.kind].zh },
          { header: '状态', width: 12, value: (r) => REPORT_STATUSES[r.status].zh },
          { header: '报送期限', width: 12, value: (r) => r.deadlines.sendBy },
          { header: '报送日期', width: 12, value: (r) => r.sentOn },
          { header: '公开期限', width: 12, value: (r) => r.deadlines.publishBy },
          { header: '公开日期', width: 12, value: (r) => r.publishedOn },
        ],
        reportsForExport(req.ctx, req.query),
      ),
  );
  app.post(
    '/reports',
    {
      config: { access: 'report.edit' },
      schema: { tags, body: reportCreateSchema, response: { 200: reportSchema } },
    },
    async (req) => createReport(req.ctx, req.body),
  );
  app.get(
    '/reports/:id',
    {
      config: { access: 'report.read' },
      schema: { tags, params: idParams, response: { 200: reportSchema } },
    },
    async (req) => getReport(req.ctx, req.params.id),
  );
  app.patch(
    '/reports/:id',
    {
      config: { access: 'report.edit' },
      schema: { tags, params: idParams, body: reportUpdateSchema, response: { 200: reportSchema } },
    },
    async (req) => updateReport(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/reports/:id/sections/:code',
    {
      config: { access: 'report.edit' },
      schema: {
        tags,
        summary: '保存一节正文（公文子集：每行一段，**段首语**加粗，{{指标代码}} 为数据占位符）',
        params: sectionParams,
        body: reportSectionUpdateSchema,
        response: { 200: reportSchema },
      },
    },
    async (req) => updateSection(req.ctx, req.params.id, req.params.code, req.body),
  );
  app.get(
    '/reports/:id/preview',
    {
      config: { access: 'report.read' },
      schema: { tags, params: idParams, response: { 200: reportPreviewSchema } },
    },
    async (req) => getPreview(req.ctx, req.params.id),
  );
  app.post(
    '/reports/:id/assist',
    {
      config: { access: 'report.edit' },
      schema: {
        tags,
        summary: '起草助手：为空白章节汇集各单位填报的文字材料，并生成带数据占位符的句子',
        params: idParams,
        response: { 200: reportAssistResultSchema },
      },
    },
    async (req) => assistReport(req.ctx, req.params.id),
  );
  app.get(
    '/reports/:id/versions',
    {
      config: { access: 'report.read' },
      schema: { tags, params: idParams, response: { 200: reportVersionListSchema } },
    },
    async (req) => listVersions(req.ctx, req.params.id),
  );
  app.post(
    '/reports/:id/versions',
    {
      config: { access: 'report.edit' },
      schema: {
        tags,
        params: idParams,
        body: reportVersionCreateSchema,
        response: { 200: reportVersionSchema },
      },
    },
    async (req) => createVersion(req.ctx, req.params.id, req.body.label),
  );
  app.get(
    '/reports/:id/versions/:versionId',
    {
      config: { access: 'report.read' },
      schema: { tags, params: versionParams, response: { 200: reportVersionSchema } },
    },
    async (req) => getVersion(req.ctx, req.params.id, req.params.versionId),
  );
  app.get(
    '/reports/:id/comments',
    {
      config: { access: 'report.read' },
      schema: { tags, params: idParams, response: { 200: reportCommentListSchema } },
    },
    async (req) => listComments(req.ctx, req.params.id),
  );
  app.post(
    '/reports/:id/comments',
    {
      config: { access: 'report.read' },
      schema: {
        tags,
        summary: '对报告（或某一节）提出修改意见；能阅读报告的人员均可提意见',
        params: idParams,
        body: reportCommentCreateSchema,
        response: { 200: reportCommentSchema },
      },
    },
    async (req) => addComment(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/reports/:id/comments/:commentId/resolve',
    {
      config: { access: 'report.edit' },
      schema: { tags, params: commentParams, response: { 200: reportCommentSchema } },
    },
    async (req) => resolveComment(req.ctx, req.params.id, req.params.commentId),
  );
  app.post(
    '/reports/:id/sendings',
    {
      config: { access: 'report.edit' },
      schema: {
        tags,
        summary: '补记报送记录（报送对象、抄送、日期、方式）',
        params: idParams,
        body: z.object({ sendings: z.array(reportSendingInputSchema).min(1).max(10) }),
        response: { 200: reportSchema },
      },
    },
    async (req) => addSendings(req.ctx, req.params.id, req.body.sendings),
  );
  for (const by of ['editor', 'approver', 'publisher'] as const) {
    const { segment } = REPORT_ACTOR_ROUTE[by];
    app.post(
      `/reports/:id/${segment}`,
      {
        config: { access: ACTOR_PERMISSION[by] },
        schema: {
          tags,
          summary: `报告流程环节（${ACTOR_LABEL[by]}：${reportActionNames
            .filter((a) => REPORT_TRANSITIONS[a].by === by)
            .map((a) => REPORT_TRANSITIONS[a].zh)
            .join('、')}）`,
          params: idParams,
          body: reportTransitionSchema,
          response: { 200: reportSchema },
        },
      },
      async (req) => transitionReport(req.ctx, req.params.id, by, req.body),
    );
  }
  app.get(
    '/reports/:id/document.docx',
    {
      config: { access: 'report.read' },
      schema: { tags, summary: 'Word 文档（GB/T 9704-2012 党政机关公文格式）', params: idParams },
    },
    async (req, reply) => {
      const f = await reportDocx(req.ctx, req.params.id);
      req.log.info({ reportId: req.params.id, ms: Math.round(f.ms) }, 'report docx generated');
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', download(f.fileName));
      return reply.send(f.content);
    },
  );
  app.get(
    '/reports/:id/document.pdf',
    {
      config: { access: 'report.read' },
      schema: {
        tags,
        summary: 'PDF（服务器安装 LibreOffice 时可用；否则 503 PDF_UNAVAILABLE）',
        params: idParams,
      },
    },
    async (req, reply) => {
      const f = await reportPdf(req.ctx, req.params.id);
      reply.header('content-type', 'application/pdf').header('content-disposition', download(f.fileName));
      return reply.send(f.content);
    },
  );

  // ── public portal ──
  app.get(
    '/public/reports',
    {
      config: { access: 'public' },
      schema: { tags, querystring: publishedReportQuerySchema, response: { 200: publishedReportPageSchema } },
    },
    async (req) => listPublishedReports(req.ctx, req.query),
  );
  app.get(
    '/public/reports/:id',
    {
      config: { access: 'public' },
      schema: { tags, params: idParams, response: { 200: publishedReportSchema } },
    },
    async (req) => getPublishedReport(req.ctx, req.params.id),
  );
};
