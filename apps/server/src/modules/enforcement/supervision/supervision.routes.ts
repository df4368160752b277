import {
  SUPERVISION_CHECK_KINDS,
  SUPERVISION_NOTICE_KINDS,
  SUPERVISION_NOTICE_STATUSES,
  SUPERVISION_PROBLEM_SOURCES,
  SUPERVISION_PROBLEM_STATUSES,
  supervisionAccountabilityCreateSchema,
  supervisionAccountabilityPageSchema,
  supervisionAccountabilitySchema,
  supervisionCheckCreateSchema,
  supervisionCheckListQuerySchema,
  supervisionCheckPageSchema,
  supervisionCheckSchema,
  supervisionInterviewCreateSchema,
  supervisionInterviewPageSchema,
  supervisionInterviewSchema,
  supervisionNoticeCloseSchema,
  supervisionNoticeCreateSchema,
  supervisionNoticeEscalateSchema,
  supervisionNoticeExtendSchema,
  supervisionNoticeListQuerySchema,
  supervisionNoticePageSchema,
  supervisionNoticeRespondSchema,
  supervisionNoticeSchema,
  supervisionProblemCreateSchema,
  supervisionProblemHandleSchema,
  supervisionProblemListQuerySchema,
  supervisionProblemPageSchema,
  supervisionProblemSchema,
  supervisionRecordListQuerySchema,
} from '@fazhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { shanghaiToday } from '../../../platform/clock/today';
import { sendXlsx } from '../../../platform/excel/export';
import {
  closeNotice,
  escalateNotice,
  extendNotice,
  getNotice,
  issueNotice,
  listNotices,
  noticeBatchesForExport,
  respondNotice,
} from './supervision.notices.service';
import {
  checkBatchesForExport,
  createAccountability,
  createCheck,
  createInterview,
  createProblem,
  handleProblem,
  listAccountability,
  listChecks,
  listInterviews,
  listProblems,
  problemBatchesForExport,
} from './supervision.records.service';

const idParams = z.object({ id: z.uuid({ message: '编号格式不正确' }) });
const tags = ['enforcement-supervision'];
const READ = { access: 'enforcement.read' } as const;
const OFFICE = { access: 'enforcement.supervise' } as const;
const BODY = { access: 'enforcement.body' } as const;
const P = '/enforcement/supervision';

/** 执法监督 (DOMAIN.md §4.8): checks, clues/problems/complaints, 意见书/决定书, 约谈, 追责. */
export const supervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  // ── checks ──
  app.get(
    `${P}/checks`,
    {
      config: READ,
      schema: {
        tags,
        querystring: supervisionCheckListQuerySchema,
        response: { 200: supervisionCheckPageSchema },
      },
    },
    async (req) => listChecks(req.ctx, req.query),
  );
  app.get(
    `${P}/checks/export.xlsx`,
    { config: READ, schema: { tags, querystring: supervisionCheckListQuerySchema } },
    async (req, reply) =>
      sendXlsx(
        reply,
        `执法监督检查-${shanghaiToday(req.ctx.now())}.xlsx`,
        '执法监督检查',
        [
          { header: '检查名称', width: 36, value: (c) => c.title },
          { header: '类型', width: 12, value: (c) => SUPERVISION_CHECK_KINDS[c.kind] },
          { header: '组织单位', width: 28, value: (c) => c.org.name },
          { header: '被检查单位', width: 40, value: (c) => c.targets.map((t) => t.name).join('、') },
          { header: '开始日期', width: 12, value: (c) => c.periodFrom },
          { header: '结束日期', width: 12, value: (c) => c.periodTo },
          { header: '检查发现', width: 50, value: (c) => c.findings },
        ],
        checkBatchesForExport(req.ctx, req.query),
      ),
  );
  app.post(
    `${P}/checks`,
    {
      config: OFFICE,
      schema: {
        tags,
        summary: '登记执法监督检查',
        body: supervisionCheckCreateSchema,
        response: { 200: supervisionCheckSchema },
      },
    },
    async (req) => createCheck(req.ctx, req.body),
  );

  // ── clues / problems / complaints ──
  app.get(
    `${P}/problems`,
    {
      config: READ,
      schema: {
        tags,
        querystring: supervisionProblemListQuerySchema,
        response: { 200: supervisionProblemPageSchema },
      },
    },
    async (req) => listProblems(req.ctx, req.query),
  );
  app.get(
    `${P}/problems/export.xlsx`,
    { config: READ, schema: { tags, querystring: supervisionProblemListQuerySchema } },
    async (req, reply) =>
      sendXlsx(
        reply,
        `执法监督问题线索-${shanghaiToday(req.ctx.now())}.xlsx`,
        '问题线索',
        [
          { header: '执法主体', width: 28, value: (p) => p.org.name },
          { header: '来源', width: 12, value: (p) => SUPERVISION_PROBLEM_SOURCES[p.source] },
          { header: '线索/问题', width: 10, value: (p) => (p.isClue ? '线索' : '问题') },
          { header: '描述', width: 50, value: (p) => p.description },
          { header: '收到日期', width: 12, value: (p) => p.receivedOn },
          { header: '状态', width: 10, value: (p) => SUPERVISION_PROBLEM_STATUSES[p.status] },
          { header: '承办', width: 16, value: (p) => p.assignee },
          { header: '答复', width: 40, value: (p) => p.reply },
        ],
        problemBatchesForExport(req.ctx, req.query),
      ),
  );
  app.post(
    `${P}/problems`,
    {
      config: OFFICE,
      schema: {
        tags,
        summary: '登记问题线索或投诉举报',
        body: supervisionProblemCreateSchema,
        response: { 200: supervisionProblemSchema },
      },
    },
    async (req) => createProblem(req.ctx, req.body),
  );
  app.post(
    `${P}/problems/:id/handle`,
    {
      config: OFFICE,
      schema: {
        tags,
        summary: '交办、查实、整改或认定不属实（含答复）',
        params: idParams,
        body: supervisionProblemHandleSchema,
        response: { 200: supervisionProblemSchema },
      },
    },
    async (req) => handleProblem(req.ctx, req.params.id, req.body),
  );

  // ── notices ──
  app.get(
    `${P}/notices`,
    {
      config: READ,
      schema: {
        tags,
        querystring: supervisionNoticeListQuerySchema,
        response: { 200: supervisionNoticePageSchema },
      },
    },
    async (req) => listNotices(req.ctx, req.query),
  );
  app.get(
    `${P}/notices/export.xlsx`,
    { config: READ, schema: { tags, querystring: supervisionNoticeListQuerySchema } },
    async (req, reply) =>
      sendXlsx(
        reply,
        `执法监督文书-${shanghaiToday(req.ctx.now())}.xlsx`,
        '执法监督文书',
        [
          { header: '文号', width: 26, value: (n) => n.number },
          { header: '文书类型', width: 20, value: (n) => SUPERVISION_NOTICE_KINDS[n.kind] },
          { header: '标题', width: 36, value: (n) => n.title },
          { header: '被监督单位', width: 28, value: (n) => n.org.name },
          { header: '下达日期', width: 12, value: (n) => n.issuedOn },
          { header: '整改意见条数', width: 10, value: (n) => n.itemCount },
          { header: '反馈期限', width: 12, value: (n) => n.effectiveDue },
          { header: '反馈日期', width: 12, value: (n) => n.respondedOn },
          { header: '状态', width: 10, value: (n) => SUPERVISION_NOTICE_STATUSES[n.status] },
          { header: '办结日期', width: 12, value: (n) => n.closedOn },
        ],
        noticeBatchesForExport(req.ctx, req.query),
      ),
  );
  app.get(
    `${P}/notices/:id`,
    { config: READ, schema: { tags, params: idParams, response: { 200: supervisionNoticeSchema } } },
    async (req) => getNotice(req.ctx, req.params.id),
  );
  app.post(
    `${P}/notices`,
    {
      config: OFFICE,
      schema: {
        tags,
        summary: '下达行政执法监督意见书/决定书',
        body: supervisionNoticeCreateSchema,
        response: { 200: supervisionNoticeSchema },
      },
    },
    async (req) => issueNotice(req.ctx, req.body),
  );
  app.post(
    `${P}/notices/:id/respond`,
    {
      config: BODY,
      schema: {
        tags,
        summary: '执法主体反馈整改情况（期限内）',
        params: idParams,
        body: supervisionNoticeRespondSchema,
        response: { 200: supervisionNoticeSchema },
      },
    },
    async (req) => respondNotice(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${P}/notices/:id/extend`,
    {
      config: OFFICE,
      schema: {
        tags,
        summary: '延长反馈期限',
        params: idParams,
        body: supervisionNoticeExtendSchema,
        response: { 200: supervisionNoticeSchema },
      },
    },
    async (req) => extendNotice(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${P}/notices/:id/close`,
    {
      config: OFFICE,
      schema: {
        tags,
        summary: '确认整改并办结',
        params: idParams,
        body: supervisionNoticeCloseSchema,
        response: { 200: supervisionNoticeSchema },
      },
    },
    async (req) => closeNotice(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${P}/notices/:id/escalate`,
    {
      config: OFFICE,
      schema: {
        tags,
        summary: '升级处理：下达监督决定书或报告本级政府',
        params: idParams,
        body: supervisionNoticeEscalateSchema,
        response: { 200: supervisionNoticeSchema },
      },
    },
    async (req) => escalateNotice(req.ctx, req.params.id, req.body),
  );

  // ── 约谈 / 追责 ──
  app.get(
    `${P}/interviews`,
    {
      config: READ,
      schema: {
        tags,
        querystring: supervisionRecordListQuerySchema,
        response: { 200: supervisionInterviewPageSchema },
      },
    },
    async (req) => listInterviews(req.ctx, req.query),
  );
  app.post(
    `${P}/interviews`,
    {
      config: OFFICE,
      schema: {
        tags,
        summary: '登记约谈',
        body: supervisionInterviewCreateSchema,
        response: { 200: supervisionInterviewSchema },
      },
    },
    async (req) => createInterview(req.ctx, req.body),
  );
  app.get(
    `${P}/accountability`,
    {
      config: READ,
      schema: {
        tags,
        querystring: supervisionRecordListQuerySchema,
        response: { 200: supervisionAccountabilityPageSchema },
      },
    },
    async (req) => listAccountability(req.ctx, req.query),
  );
  app.post(
    `${P}/accountability`,
    {
      config: OFFICE,
      schema: {
        tags,
        summary: '登记追责',
        body: supervisionAccountabilityCreateSchema,
        response: { 200: supervisionAccountabilitySchema },
      },
    },
    async (req) => createAccountability(req.ctx, req.body),
  );
};
