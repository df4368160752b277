import {
  CLEANUP_CAMPAIGN_STATUSES,
  CLEANUP_KINDS,
  CLEANUP_RESULTS,
  NORMDOC_STATUSES,
  cleanupApplyResultSchema,
  cleanupApplySchema,
  cleanupCampaignCreateSchema,
  cleanupCampaignListQuerySchema,
  cleanupCampaignPageSchema,
  cleanupCampaignSchema,
  cleanupDecisionSchema,
  cleanupItemDecideSchema,
  cleanupItemListQuerySchema,
  cleanupItemPageSchema,
  okSchema,
  type CleanupItem,
} from '@fazhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { shanghaiToday } from '../../../platform/clock/today';
import { paged, sendXlsx, type ExportColumn } from '../../../platform/excel/export';
import {
  campaignBatchesForExport,
  getCampaign,
  listCampaigns,
  listItems,
  loadCampaign,
  selectItems,
} from './cleanup.query';
import { applyCampaign, createCampaign, decideItem, recordDecision } from './cleanup.service';
import { evaluationRoutes } from './evaluations.routes';

const idParams = z.object({ id: z.uuid({ message: '编号格式不正确' }) });
const itemParams = idParams.extend({ docId: z.uuid({ message: '文件编号格式不正确' }) });
const tags = ['normdocs-cleanup'];
const READ = { access: 'normdoc.read' } as const;
const REVIEW = { access: 'normdoc.review' } as const;

const itemColumns: ExportColumn<CleanupItem>[] = [
  { header: '文件标题', width: 44, value: (i) => i.title },
  { header: '统一登记号', width: 20, value: (i) => i.registrationNumber },
  { header: '发文字号', width: 20, value: (i) => i.docNumber },
  { header: '制定机关', width: 26, value: (i) => i.org.name },
  { header: '施行日期', width: 12, value: (i) => i.effectiveOn },
  { header: '有效期至', width: 12, value: (i) => i.validUntil },
  { header: '文件状态', width: 12, value: (i) => NORMDOC_STATUSES[i.docStatus].zh },
  { header: '清理结果', width: 10, value: (i) => (i.result ? CLEANUP_RESULTS[i.result] : '未提出') },
  { header: '理由', width: 40, value: (i) => i.reason },
  { header: '执行时间', width: 20, value: (i) => i.appliedAt },
];

/** 清理 campaigns (and 后评估, registered from here): worklist, results, decision, application. */
export const cleanupRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(evaluationRoutes);

  app.get(
    '/normdocs/cleanup-campaigns',
    {
      config: READ,
      schema: {
        tags,
        querystring: cleanupCampaignListQuerySchema,
        response: { 200: cleanupCampaignPageSchema },
      },
    },
    async (req) => listCampaigns(req.ctx, req.query),
  );

  app.get(
    '/normdocs/cleanup-campaigns/export.xlsx',
    { config: READ, schema: { tags, querystring: cleanupCampaignListQuerySchema } },
    async (req, reply) =>
      sendXlsx(
        reply,
        `文件清理-${shanghaiToday(req.ctx.now())}.xlsx`,
        '文件清理',
        [
          { header: '清理名称', width: 36, value: (c) => c.title },
          { header: '类型', width: 10, value: (c) => CLEANUP_KINDS[c.kind] },
          { header: '专项主题', width: 24, value: (c) => c.topic },
          { header: '截止日期', width: 12, value: (c) => c.cutoffDate },
          { header: '组织单位', width: 26, value: (c) => c.org.name },
          { header: '清理文件数', width: 10, value: (c) => c.itemCount },
          ...Object.entries(CLEANUP_RESULTS).map(([code, label]) => ({
            header: label,
            width: 10,
            value: (c: { resultCounts: Record<string, number> }) => c.resultCounts[code] ?? 0,
          })),
          { header: '状态', width: 14, value: (c) => CLEANUP_CAMPAIGN_STATUSES[c.status] },
          { header: '清理决定文号', width: 22, value: (c) => c.decisionDocNumber },
          { header: '决定日期', width: 12, value: (c) => c.decisionDate },
          { header: '生效日期', width: 12, value: (c) => c.effectiveOn },
        ],
        campaignBatchesForExport(req.ctx, req.query),
      ),
  );

  app.post(
    '/normdocs/cleanup-campaigns',
    {
      config: REVIEW,
      schema: {
        tags,
        summary: '发起清理（生成截止日期前现行有效文件的清理清单）',
        body: cleanupCampaignCreateSchema,
        response: { 200: cleanupCampaignSchema },
      },
    },
    async (req) => createCampaign(req.ctx, req.body),
  );

  app.get(
    '/normdocs/cleanup-campaigns/:id',
    { config: READ, schema: { tags, params: idParams, response: { 200: cleanupCampaignSchema } } },
    async (req) => getCampaign(req.ctx, req.params.id),
  );

  app.get(
    '/normdocs/cleanup-campaigns/:id/items',
    {
      config: READ,
      schema: {
        tags,
        params: idParams,
        querystring: cleanupItemListQuerySchema,
        response: { 200: cleanupItemPageSchema },
      },
    },
    async (req) => listItems(req.ctx, req.params.id, req.query),
  );

  app.get(
    '/normdocs/cleanup-campaigns/:id/items/export.xlsx',
    {
      config: READ,
      schema: { tags, summary: '导出清理清单', params: idParams, querystring: cleanupItemListQuerySchema },
    },
    async (req, reply) => {
      const actor = req.ctx.actor!;
      const c = await loadCampaign(req.ctx.db, actor, req.params.id, 'normdoc.read');
      return sendXlsx(
        reply,
        `清理清单-${c.title}.xlsx`,
        '清理清单',
        itemColumns,
        paged((offset, limit) => selectItems(req.ctx.db, actor, c.id, req.query, offset, limit)),
      );
    },
  );

  app.get(
    '/normdocs/cleanup-campaigns/:id/catalogue.xlsx',
    { config: READ, schema: { tags, summary: '导出清理结果目录（按结果分组）', params: idParams } },
    async (req, reply) => {
      const actor = req.ctx.actor!;
      const c = await loadCampaign(req.ctx.db, actor, req.params.id, 'normdoc.read');
      return sendXlsx(
        reply,
        `清理结果目录-${c.title}.xlsx`,
        '清理结果目录',
        [
          { header: '清理结果', width: 12, value: (i) => (i.result ? CLEANUP_RESULTS[i.result] : '未提出') },
          ...itemColumns.filter((col) => col.header !== '清理结果'),
          { header: '清理决定', width: 24, value: () => c.decisionDocNumber },
          { header: '生效日期', width: 12, value: () => c.effectiveOn },
        ],
        paged((offset, limit) => selectItems(req.ctx.db, actor, c.id, {}, offset, limit, true)),
      );
    },
  );

  app.post(
    '/normdocs/cleanup-campaigns/:id/items/:docId',
    {
      config: REVIEW,
      schema: {
        tags,
        summary: '提出处理意见（继续有效 / 修改 / 废止 / 宣布失效 / 剔除目录）',
        params: itemParams,
        body: cleanupItemDecideSchema,
        response: { 200: okSchema },
      },
    },
    async (req) => decideItem(req.ctx, req.params.id, req.params.docId, req.body),
  );

  app.post(
    '/normdocs/cleanup-campaigns/:id/decision',
    {
      config: REVIEW,
      schema: {
        tags,
        summary: '作出清理决定（全部文件须已提出处理意见）',
        params: idParams,
        body: cleanupDecisionSchema,
        response: { 200: cleanupCampaignSchema },
      },
    },
    async (req) => recordDecision(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/normdocs/cleanup-campaigns/:id/apply',
    {
      config: REVIEW,
      schema: {
        tags,
        summary: '执行清理结果（生效日期当日或之后）',
        params: idParams,
        body: cleanupApplySchema,
        response: { 200: cleanupApplyResultSchema },
      },
    },
    async (req) => applyCampaign(req.ctx, req.params.id, req.body.version),
  );
};
