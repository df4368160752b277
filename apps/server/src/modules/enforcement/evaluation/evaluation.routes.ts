import {
  EVALUATION_GRADES,
  EVALUATOR_ROLES,
  evalCampaignCreateSchema,
  evalCampaignDetailSchema,
  evalCampaignDrawSchema,
  evalCampaignListSchema,
  evalCaseFileCreateSchema,
  evalCaseFileListSchema,
  evalCaseFileSchema,
  evalRectificationCreateSchema,
  evalRectificationResponseSchema,
  evalRectificationSchema,
  evalScoreSchema,
  evalTemplateCreateSchema,
  evalTemplateSchema,
} from '@fazhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendXlsx } from '../../../platform/excel/export';
import {
  createCampaign,
  createCaseFile,
  createRectification,
  createTemplate,
  drawCampaign,
  getCampaign,
  listCampaigns,
  listCaseFiles,
  listTemplates,
  respondRectification,
  scoreCampaignFile,
} from './evaluation.service';

const uuid = z.uuid({ message: '编号格式不正确' });
const idParams = z.object({ id: uuid });
const fileParams = z.object({ id: uuid, fileId: uuid });
const tags = ['enforcement-evaluation'];
const base = '/enforcement/evaluation';

/** 案卷评查 (DOMAIN.md §4.7): templates, case files, campaigns, scores, rectification, report. */
export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    `${base}/templates`,
    {
      config: { access: 'enforcement.read' },
      schema: { tags, response: { 200: z.object({ items: z.array(evalTemplateSchema) }) } },
    },
    async (req) => listTemplates(req.ctx),
  );
  app.post(
    `${base}/templates`,
    {
      config: { access: 'enforcement.supervise' },
      schema: {
        tags,
        summary: '新建评查标准（评查项目、分值、否决项、等次分数线）',
        body: evalTemplateCreateSchema,
        response: { 200: evalTemplateSchema },
      },
    },
    async (req) => createTemplate(req.ctx, req.body),
  );
  app.get(
    `${base}/case-files`,
    {
      config: { access: 'enforcement.read' },
      schema: {
        tags,
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: evalCaseFileListSchema },
      },
    },
    async (req) => listCaseFiles(req.ctx, req.query.year),
  );
  app.post(
    `${base}/case-files`,
    {
      config: { access: 'enforcement.body' },
      schema: {
        tags,
        summary: '登记本单位案卷（供评查抽取）',
        body: evalCaseFileCreateSchema,
        response: { 200: evalCaseFileSchema },
      },
    },
    async (req) => createCaseFile(req.ctx, req.body),
  );
  app.get(
    `${base}/campaigns`,
    { config: { access: 'enforcement.read' }, schema: { tags, response: { 200: evalCampaignListSchema } } },
    async (req) => listCampaigns(req.ctx),
  );
  app.get(
    `${base}/campaigns/export.xlsx`,
    { config: { access: 'enforcement.read' }, schema: { tags } },
    async (req, reply) => {
      const { items } = await listCampaigns(req.ctx);
      async function* once() {
        yield items;
      }
      return sendXlsx(
        reply,
        '案卷评查活动.xlsx',
        '评查活动',
        [
          { header: '年度', width: 8, value: (c) => c.year },
          { header: '名称', width: 30, value: (c) => c.title },
          { header: '组织单位', width: 24, value: (c) => c.orgName },
          { header: '参评单位数', width: 10, value: (c) => c.scopeOrgIds.length },
          { header: '每单位抽取', width: 10, value: (c) => c.perBody },
          {
            header: '评查人员',
            width: 40,
            value: (c) => c.evaluators.map((e) => `${e.name}（${EVALUATOR_ROLES[e.role]}）`).join('、'),
          },
          { header: '随机种子', width: 20, value: (c) => c.seed ?? '' },
        ],
        once(),
      );
    },
  );
  app.post(
    `${base}/campaigns`,
    {
      config: { access: 'enforcement.supervise' },
      schema: { tags, body: evalCampaignCreateSchema, response: { 200: evalCampaignDetailSchema } },
    },
    async (req) => createCampaign(req.ctx, req.body),
  );
  app.get(
    `${base}/campaigns/:id`,
    {
      config: { access: 'enforcement.read' },
      schema: { tags, params: idParams, response: { 200: evalCampaignDetailSchema } },
    },
    async (req) => getCampaign(req.ctx, req.params.id),
  );
  app.get(
    `${base}/campaigns/:id/report.xlsx`,
    {
      config: { access: 'enforcement.read' },
      schema: { tags, params: idParams, summary: '评查报告（Excel）' },
    },
    async (req, reply) => {
      const c = await getCampaign(req.ctx, req.params.id);
      const r = c.report;
      type Line = { a: string; b: string | number; c?: string | number; d?: string | number; e?: string };
      const lines: Line[] = [
        { a: '评查活动', b: `${c.year}年 ${c.title}` },
        { a: '组织单位', b: c.orgName },
        { a: '随机种子 / 算法', b: c.seed ?? '未抽取', c: c.algorithm },
        { a: '评查人员', b: c.evaluators.map((e) => `${e.name}（${EVALUATOR_ROLES[e.role]}）`).join('、') },
        { a: '抽查案卷', b: r.files, c: `已评 ${r.scored}` },
        { a: '优秀 / 合格 / 不合格', b: `${r.excellent} / ${r.pass} / ${r.fail}` },
        { a: '合格率（%）', b: r.passRate ?? '', c: `优秀率 ${r.excellentRate ?? ''}` },
        { a: '发现问题', b: r.problems, c: `整改事项 ${r.rectifications}，已整改 ${r.rectified}` },
        { a: '', b: '' },
        { a: '单位', b: '案件编号', c: '得分', d: '等次', e: '问题' },
        ...c.files.map((f) => ({
          a: f.orgName,
          b: f.caseNo,
          c: f.total ?? '',
          d: f.grade ? EVALUATION_GRADES[f.grade] : '未评',
          e: f.problems.join('；'),
        })),
      ];
      async function* once() {
        yield lines;
      }
      return sendXlsx(
        reply,
        `案卷评查报告-${c.title}.xlsx`,
        '评查报告',
        [
          { header: '项目', width: 24, value: (l) => l.a },
          { header: '内容', width: 30, value: (l) => l.b },
          { header: '', width: 30, value: (l) => l.c ?? '' },
          { header: '', width: 10, value: (l) => l.d ?? '' },
          { header: '', width: 50, value: (l) => l.e ?? '' },
        ],
        once(),
      );
    },
  );
  app.post(
    `${base}/campaigns/:id/draw`,
    {
      config: { access: 'enforcement.supervise' },
      schema: {
        tags,
        summary: '随机抽取案卷（记录随机种子）',
        params: idParams,
        body: evalCampaignDrawSchema,
        response: { 200: evalCampaignDetailSchema },
      },
    },
    async (req) => drawCampaign(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${base}/campaigns/:id/files/:fileId/score`,
    {
      config: { access: 'enforcement.supervise' },
      schema: {
        tags,
        summary: '评分（否决项一票否决）',
        params: fileParams,
        body: evalScoreSchema,
        response: { 200: evalCampaignDetailSchema },
      },
    },
    async (req) => scoreCampaignFile(req.ctx, req.params.id, req.params.fileId, req.body),
  );
  app.post(
    `${base}/campaigns/:id/rectifications`,
    {
      config: { access: 'enforcement.supervise' },
      schema: {
        tags,
        summary: '下达整改事项（期限计入期限台账）',
        params: idParams,
        body: evalRectificationCreateSchema,
        response: { 200: evalCampaignDetailSchema },
      },
    },
    async (req) => createRectification(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${base}/rectifications/:id/response`,
    {
      config: { access: 'enforcement.body' },
      schema: {
        tags,
        summary: '报送整改情况及佐证材料',
        params: idParams,
        body: evalRectificationResponseSchema,
        response: { 200: evalRectificationSchema },
      },
    },
    async (req) => respondRectification(req.ctx, req.params.id, req.body),
  );
};
