import {
  INSPECTION_RESULTS,
  capCheckQuerySchema,
  capCheckSchema,
  drawInputSchema,
  drawListQuerySchema,
  drawPageSchema,
  drawSchema,
  drawVerifyInputSchema,
  drawVerifyResultSchema,
  enterpriseInputSchema,
  enterpriseListQuerySchema,
  enterprisePageSchema,
  enterpriseSchema,
  enterpriseUpdateSchema,
  inspectionInputSchema,
  inspectionItemInputSchema,
  inspectionItemListQuerySchema,
  inspectionItemPageSchema,
  inspectionItemSchema,
  inspectionItemUpdateSchema,
  inspectionListQuerySchema,
  inspectionPageSchema,
  inspectionPlanActionSchema,
  inspectionPlanInputSchema,
  inspectionPlanListQuerySchema,
  inspectionPlanPageSchema,
  inspectionPlanSchema,
  inspectionSchema,
  inspectionSettingsQuerySchema,
  inspectionSettingsSchema,
  inspectionSettingsUpdateSchema,
  publicDrawListQuerySchema,
  publicDrawPageSchema,
  publicDrawSchema,
  publicInspectionItemPageSchema,
  publicInspectionItemQuerySchema,
  versionBodySchema,
} from '@fazhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../../../platform/access/policy';
import { shanghaiToday } from '../../../platform/clock/today';
import { paged, sendXlsx } from '../../../platform/excel/export';
import {
  createDraw,
  getDraw,
  getPublicDraw,
  listDraws,
  listPublicDraws,
  publishDraw,
  verifyDraw,
} from './draws.service';
import { createEnterprise, listEnterprises, updateEnterprise } from './enterprises.service';
import { BODY, READ, SUPERVISE } from './inspections.access';
import {
  capCheck,
  getInspection,
  listInspections,
  recordInspection,
  selectInspections,
} from './inspections.service';
import { getInspectionSettings, updateInspectionSettings } from './inspections.settings';
import { createItem, listItems, listPublicItems, setItemPublished, updateItem } from './items.service';
import { createPlan, getPlan, listPlans, transitionPlan } from './plans.service';

const idParams = z.object({ id: z.uuid({ message: '编号格式不正确' }) });
const tags = ['enforcement-inspections'];
const R = { access: READ } as const;
const B = { access: BODY } as const;
const S = { access: SUPERVISE } as const;
const P = { access: 'public' } as const;

/** 涉企行政检查 (DOMAIN.md §4.5): enterprises, 检查事项清单, 检查计划, 双随机 draws, inspections, yearly cap. */
export const inspectionsRoutes: FastifyPluginAsyncZod = async (app) => {
  // ── Enterprises ──
  app.get(
    '/enforcement/enterprises',
    {
      config: R,
      schema: { tags, querystring: enterpriseListQuerySchema, response: { 200: enterprisePageSchema } },
    },
    async (req) => listEnterprises(req.ctx, req.query),
  );
  app.post(
    '/enforcement/enterprises',
    {
      config: B,
      schema: {
        tags,
        summary: '登记检查对象（统一社会信用代码）',
        body: enterpriseInputSchema,
        response: { 200: enterpriseSchema },
      },
    },
    async (req) => createEnterprise(req.ctx, req.body),
  );
  app.put(
    '/enforcement/enterprises/:id',
    {
      config: B,
      schema: { tags, params: idParams, body: enterpriseUpdateSchema, response: { 200: enterpriseSchema } },
    },
    async (req) => updateEnterprise(req.ctx, req.params.id, req.body),
  );

  // ── Inspection items ──
  app.get(
    '/enforcement/inspection-items',
    {
      config: R,
      schema: {
        tags,
        querystring: inspectionItemListQuerySchema,
        response: { 200: inspectionItemPageSchema },
      },
    },
    async (req) => listItems(req.ctx, req.query),
  );
  app.post(
    '/enforcement/inspection-items',
    {
      config: B,
      schema: {
        tags,
        summary: '新增检查事项（本机关清单）',
        body: inspectionItemInputSchema,
        response: { 200: inspectionItemSchema },
      },
    },
    async (req) => createItem(req.ctx, req.body),
  );
  app.put(
    '/enforcement/inspection-items/:id',
    {
      config: B,
      schema: {
        tags,
        params: idParams,
        body: inspectionItemUpdateSchema,
        response: { 200: inspectionItemSchema },
      },
    },
    async (req) => updateItem(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/enforcement/inspection-items/:id/publish',
    {
      config: B,
      schema: {
        tags,
        summary: '公布检查事项（清单之外无检查）',
        params: idParams,
        body: versionBodySchema,
        response: { 200: inspectionItemSchema },
      },
    },
    async (req) => setItemPublished(req.ctx, req.params.id, req.body.version, true),
  );
  app.post(
    '/enforcement/inspection-items/:id/withdraw',
    {
      config: B,
      schema: {
        tags,
        summary: '撤回检查事项',
        params: idParams,
        body: versionBodySchema,
        response: { 200: inspectionItemSchema },
      },
    },
    async (req) => setItemPublished(req.ctx, req.params.id, req.body.version, false),
  );

  // ── Plans ──
  app.get(
    '/enforcement/inspection-plans',
    {
      config: R,
      schema: {
        tags,
        querystring: inspectionPlanListQuerySchema,
        response: { 200: inspectionPlanPageSchema },
      },
    },
    async (req) => listPlans(req.ctx, req.query),
  );
  app.post(
    '/enforcement/inspection-plans',
    { config: B, schema: { tags, body: inspectionPlanInputSchema, response: { 200: inspectionPlanSchema } } },
    async (req) => createPlan(req.ctx, req.body),
  );
  app.get(
    '/enforcement/inspection-plans/:id',
    { config: R, schema: { tags, params: idParams, response: { 200: inspectionPlanSchema } } },
    async (req) => getPlan(req.ctx, req.params.id),
  );
  app.post(
    '/enforcement/inspection-plans/:id/submit',
    {
      config: B,
      schema: {
        tags,
        summary: '报送政府备案/审批',
        params: idParams,
        body: inspectionPlanActionSchema,
        response: { 200: inspectionPlanSchema },
      },
    },
    async (req) => transitionPlan(req.ctx, req.params.id, 'submit', req.body),
  );
  app.post(
    '/enforcement/inspection-plans/:id/accept',
    {
      config: S,
      schema: {
        tags,
        summary: '同意备案/批准',
        params: idParams,
        body: inspectionPlanActionSchema,
        response: { 200: inspectionPlanSchema },
      },
    },
    async (req) => transitionPlan(req.ctx, req.params.id, 'accept', req.body),
  );
  app.post(
    '/enforcement/inspection-plans/:id/return',
    {
      config: S,
      schema: {
        tags,
        summary: '退回检查计划',
        params: idParams,
        body: inspectionPlanActionSchema,
        response: { 200: inspectionPlanSchema },
      },
    },
    async (req) => transitionPlan(req.ctx, req.params.id, 'return', req.body),
  );

  // ── 双随机 draws ──
  app.get(
    '/enforcement/draws',
    { config: R, schema: { tags, querystring: drawListQuerySchema, response: { 200: drawPageSchema } } },
    async (req) => listDraws(req.ctx, req.query),
  );
  app.post(
    '/enforcement/draws',
    {
      config: B,
      schema: {
        tags,
        summary: '双随机抽取（记录种子、算法和抽取库快照哈希；同一种子必得同一结果）',
        body: drawInputSchema,
        response: { 200: drawSchema },
      },
    },
    async (req) => createDraw(req.ctx, req.body),
  );
  app.get(
    '/enforcement/draws/:id',
    { config: R, schema: { tags, params: idParams, response: { 200: drawSchema } } },
    async (req) => getDraw(req.ctx, req.params.id),
  );
  app.post(
    '/enforcement/draws/:id/verify',
    {
      config: R,
      schema: {
        tags,
        summary: '复核抽取：按记录的（或给定的）种子重新抽取并比对，不修改数据',
        params: idParams,
        body: drawVerifyInputSchema,
        response: { 200: drawVerifyResultSchema },
      },
    },
    async (req) => verifyDraw(req.ctx, req.params.id, req.body.seed),
  );
  app.post(
    '/enforcement/draws/:id/publish',
    {
      config: B,
      schema: {
        tags,
        summary: '公开抽取结果（一公开）',
        params: idParams,
        body: versionBodySchema,
        response: { 200: drawSchema },
      },
    },
    async (req) => publishDraw(req.ctx, req.params.id, req.body.version),
  );

  // ── Inspections ──
  app.get(
    '/enforcement/inspections',
    {
      config: R,
      schema: { tags, querystring: inspectionListQuerySchema, response: { 200: inspectionPageSchema } },
    },
    async (req) => listInspections(req.ctx, req.query),
  );
  app.get(
    '/enforcement/inspections/export.xlsx',
    { config: R, schema: { tags, querystring: inspectionListQuerySchema } },
    async (req, reply) => {
      requirePermission(req.ctx.actor, READ);
      const actor = req.ctx.actor;
      return sendXlsx(
        reply,
        `涉企行政检查-${shanghaiToday(req.ctx.now())}.xlsx`,
        '涉企行政检查',
        [
          { header: '检查日期', width: 12, value: (r) => r.inspectedOn },
          { header: '牵头机关', width: 26, value: (r) => r.org.name },
          { header: '检查事项编码', width: 16, value: (r) => r.item.code },
          { header: '检查事项', width: 30, value: (r) => r.item.name },
          { header: '综合查一次', width: 10, value: (r) => (r.joint ? '是' : '否') },
          { header: '参与机关', width: 40, value: (r) => r.bodies.map((b) => b.name).join('、') },
          { header: '被检查企业', width: 40, value: (r) => r.enterprises.map((e) => e.name).join('、') },
          {
            header: '统一社会信用代码',
            width: 40,
            value: (r) => r.enterprises.map((e) => e.uscc).join('、'),
          },
          {
            header: '执法证号',
            width: 30,
            value: (r) => r.officers.map((o) => o.certificateNumber).join('、'),
          },
          { header: '现场/非现场', width: 10, value: (r) => (r.onsite ? '现场' : '非现场') },
          { header: '检查结果', width: 12, value: (r) => INSPECTION_RESULTS[r.result] },
          { header: '发现问题', width: 40, value: (r) => r.findings },
          { header: '超限理由', width: 30, value: (r) => r.overrideReason },
        ],
        paged((offset, limit) => selectInspections(req.ctx.db, actor, req.query, offset, limit)),
      );
    },
  );
  app.get(
    '/enforcement/inspections/cap-check',
    {
      config: R,
      schema: {
        tags,
        summary: '年度检查次数上限预警（同一机关对同一企业）',
        querystring: capCheckQuerySchema,
        response: { 200: capCheckSchema },
      },
    },
    async (req) => capCheck(req.ctx, req.query),
  );
  app.post(
    '/enforcement/inspections',
    {
      config: B,
      schema: {
        tags,
        summary: '登记行政检查（清单内事项、两名以上持有效证件人员、年度上限）',
        body: inspectionInputSchema,
        response: { 200: inspectionSchema },
      },
    },
    async (req) => recordInspection(req.ctx, req.body),
  );
  app.get(
    '/enforcement/inspections/:id',
    { config: R, schema: { tags, params: idParams, response: { 200: inspectionSchema } } },
    async (req) => getInspection(req.ctx, req.params.id),
  );

  // ── Settings ──
  app.get(
    '/enforcement/inspection-settings',
    {
      config: R,
      schema: {
        tags,
        querystring: inspectionSettingsQuerySchema,
        response: { 200: inspectionSettingsSchema },
      },
    },
    async (req) => getInspectionSettings(req.ctx, req.query.regionCode),
  );
  app.put(
    '/enforcement/inspection-settings',
    {
      config: S,
      schema: { tags, body: inspectionSettingsUpdateSchema, response: { 200: inspectionSettingsSchema } },
    },
    async (req) => updateInspectionSettings(req.ctx, req.body),
  );

  // ── Public portal ──
  app.get(
    '/public/inspection-items',
    {
      config: P,
      schema: {
        tags,
        summary: '公开的涉企行政检查事项清单',
        querystring: publicInspectionItemQuerySchema,
        response: { 200: publicInspectionItemPageSchema },
      },
    },
    async (req) => listPublicItems(req.ctx, req.query),
  );
  app.get(
    '/public/random-draws',
    {
      config: P,
      schema: {
        tags,
        summary: '双随机抽取结果公开（含种子与算法，可复核）',
        querystring: publicDrawListQuerySchema,
        response: { 200: publicDrawPageSchema },
      },
    },
    async (req) => listPublicDraws(req.ctx, req.query),
  );
  app.get(
    '/public/random-draws/:id',
    { config: P, schema: { tags, params: idParams, response: { 200: publicDrawSchema } } },
    async (req) => getPublicDraw(req.ctx, req.params.id),
  );
};
