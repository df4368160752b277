import {
  CLOCK_STATUSES,
  CORRECTION_FORMS,
  FILING_MATERIALS,
  FILING_RECIPIENTS,
  FILING_REGISTRATION_RESULTS,
  FILING_REVIEW_RESULTS,
  FILING_REVIEW_STATUSES,
  FILING_STATUSES,
  REVIEW_HANDLINGS,
  REVIEW_ISSUES,
  filingAddSchema,
  filingAssigneesSchema,
  filingAssignSchema,
  filingCorrectionResultSchema,
  filingCorrectionSchema,
  filingListQuerySchema,
  filingListSchema,
  filingOutcomeSchema,
  filingPageSchema,
  filingRegisterSchema,
  filingReviewInputSchema,
  filingReviewListQuerySchema,
  filingReviewPageSchema,
  filingReviewSchema,
  filingSchema,
  filingSubmitSchema,
  type Filing,
  type FilingReview,
} from '@fazhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { shanghaiToday } from '../../../platform/clock/today';
import { sendXlsx, type ExportColumn } from '../../../platform/excel/export';
import {
  assignReview,
  getReview,
  listAssignees,
  listReviews,
  recordCorrectionResult,
  registerFiling,
  reviewBatchesForExport,
  reviewFiling,
} from './filing-reviews.service';
import {
  addFiling,
  filingBatchesForExport,
  getFiling,
  listDocFilings,
  listFilings,
  recordOutcome,
  reportCorrection,
  submitFiling,
} from './filings.service';

const idParams = z.object({ id: z.uuid({ message: '编号格式不正确' }) });
const tags = ['normdocs'];

const label = <T extends Record<string, string>>(map: T, v: string | null | undefined) =>
  v ? (map[v as keyof T] ?? v) : '';

const filingColumns: ExportColumn<Omit<Filing, 'actions'>>[] = [
  { header: '文件标题', width: 40, value: (f) => f.docTitle },
  { header: '统一登记号', width: 20, value: (f) => f.registrationNumber },
  { header: '发文字号', width: 18, value: (f) => f.docNumber },
  { header: '制定机关', width: 24, value: (f) => f.org.name },
  { header: '公布日期', width: 12, value: (f) => f.publishedOn },
  { header: '备案机关', width: 16, value: (f) => label(FILING_RECIPIENTS, f.recipientKind) },
  { header: '接收单位', width: 24, value: (f) => f.recipientOrg?.name ?? '' },
  { header: '报送期限', width: 12, value: (f) => f.dueDate },
  { header: '期限状态', width: 8, value: (f) => CLOCK_STATUSES[f.clockStatus] },
  { header: '报送日期', width: 12, value: (f) => f.submittedOn },
  { header: '是否及时', width: 8, value: (f) => (f.timely === null ? '' : f.timely ? '及时' : '逾期') },
  {
    header: '报送材料',
    width: 30,
    value: (f) => f.materials.map((m) => label(FILING_MATERIALS, m)).join('、'),
  },
  { header: '备案状态', width: 14, value: (f) => label(FILING_STATUSES, f.status) },
  { header: '登记结果', width: 14, value: (f) => label(FILING_REGISTRATION_RESULTS, f.registrationResult) },
  { header: '审查结果', width: 16, value: (f) => label(FILING_REVIEW_RESULTS, f.reviewResult) },
  { header: '纠正期限', width: 12, value: (f) => f.correctionDue },
  { header: '纠正完成日期', width: 12, value: (f) => f.correctionDoneOn },
];

export const filingRoutes: FastifyPluginAsyncZod = async (app) => {
  // ── Submitting side (报备机关) ──
  app.get(
    '/normdocs/filings',
    {
      config: { access: 'normdoc.read' },
      schema: { tags, querystring: filingListQuerySchema, response: { 200: filingPageSchema } },
    },
    async (req) => listFilings(req.ctx, req.query),
  );
  app.get(
    '/normdocs/filings/export.xlsx',
    { config: { access: 'normdoc.read' }, schema: { tags, querystring: filingListQuerySchema } },
    async (req, reply) =>
      sendXlsx(
        reply,
        `规范性文件备案报送-${shanghaiToday(req.ctx.now())}.xlsx`,
        '备案报送',
        filingColumns,
        filingBatchesForExport(req.ctx, req.query),
      ),
  );
  app.get(
    '/normdocs/filings/:id',
    {
      config: { access: 'normdoc.read' },
      schema: { tags, params: idParams, response: { 200: filingSchema } },
    },
    async (req) => getFiling(req.ctx, req.params.id),
  );
  app.post(
    '/normdocs/filings/:id/submit',
    {
      config: { access: 'normdoc.draft' },
      schema: { tags, params: idParams, body: filingSubmitSchema, response: { 200: filingSchema } },
    },
    async (req) => submitFiling(req.ctx, req.params.id, req.body, false),
  );
  app.post(
    '/normdocs/filings/:id/resubmit',
    {
      config: { access: 'normdoc.draft' },
      schema: { tags, params: idParams, body: filingSubmitSchema, response: { 200: filingSchema } },
    },
    async (req) => submitFiling(req.ctx, req.params.id, req.body, true),
  );
  app.post(
    '/normdocs/filings/:id/correction',
    {
      config: { access: 'normdoc.draft' },
      schema: { tags, params: idParams, body: filingCorrectionSchema, response: { 200: filingSchema } },
    },
    async (req) => reportCorrection(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/normdocs/filings/:id/outcome',
    {
      config: { access: 'normdoc.draft' },
      schema: { tags, params: idParams, body: filingOutcomeSchema, response: { 200: filingSchema } },
    },
    async (req) => recordOutcome(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/normdocs/:id/filings',
    {
      config: { access: 'normdoc.read' },
      schema: { tags, params: idParams, response: { 200: filingListSchema } },
    },
    async (req) => listDocFilings(req.ctx, req.params.id),
  );
  app.post(
    '/normdocs/:id/filings',
    {
      config: { access: 'normdoc.draft' },
      schema: { tags, params: idParams, body: filingAddSchema, response: { 200: filingSchema } },
    },
    async (req) => addFiling(req.ctx, req.params.id, req.body),
  );

  // ── Receiving side (备案审查, the justice bureau) ──
  app.get(
    '/normdocs/filing-reviews',
    {
      config: { access: 'normdoc.review' },
      schema: { tags, querystring: filingReviewListQuerySchema, response: { 200: filingReviewPageSchema } },
    },
    async (req) => listReviews(req.ctx, req.query),
  );
  app.get(
    '/normdocs/filing-reviews/export.xlsx',
    { config: { access: 'normdoc.review' }, schema: { tags, querystring: filingReviewListQuerySchema } },
    async (req, reply) =>
      sendXlsx(
        reply,
        `规范性文件备案审查-${shanghaiToday(req.ctx.now())}.xlsx`,
        '备案审查',
        [
          ...filingColumns
            .slice(0, 5)
            .map((c) => ({ ...c, value: (r: { filing: Omit<Filing, 'actions'> }) => c.value(r.filing) })),
          { header: '审查机关', width: 24, value: (r) => r.reviewerOrg.name },
          { header: '收到日期', width: 12, value: (r) => r.receivedOn },
          { header: '审查人', width: 12, value: (r) => r.assignee?.name ?? '' },
          { header: '办理状态', width: 10, value: (r) => label(FILING_REVIEW_STATUSES, r.status) },
          {
            header: '登记结果',
            width: 14,
            value: (r) => label(FILING_REGISTRATION_RESULTS, r.filing.registrationResult),
          },
          { header: '发现问题', width: 30, value: (r) => r.issues.map((i) => REVIEW_ISSUES[i]).join('、') },
          { header: '处理方式', width: 14, value: (r) => label(REVIEW_HANDLINGS, r.handling) },
          { header: '审查日期', width: 12, value: (r) => r.reviewedOn },
          { header: '纠正期限', width: 12, value: (r) => r.correctionDue },
          {
            header: '是否纠正',
            width: 8,
            value: (r) => (r.corrected === null ? '' : r.corrected ? '是' : '否'),
          },
          { header: '纠正方式', width: 10, value: (r) => label(CORRECTION_FORMS, r.correctionForm) },
          { header: '纠正日期', width: 12, value: (r) => r.correctionDoneOn },
        ] satisfies ExportColumn<FilingReview>[],
        reviewBatchesForExport(req.ctx, req.query),
      ),
  );
  app.get(
    '/normdocs/filing-reviews/assignees',
    {
      config: { access: 'normdoc.review' },
      schema: { tags, response: { 200: filingAssigneesSchema } },
    },
    async (req) => listAssignees(req.ctx),
  );
  app.get(
    '/normdocs/filing-reviews/:id',
    {
      config: { access: 'normdoc.review' },
      schema: { tags, params: idParams, response: { 200: filingReviewSchema } },
    },
    async (req) => getReview(req.ctx, req.params.id),
  );
  app.post(
    '/normdocs/filing-reviews/:id/register',
    {
      config: { access: 'normdoc.review' },
      schema: { tags, params: idParams, body: filingRegisterSchema, response: { 200: filingReviewSchema } },
    },
    async (req) => registerFiling(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/normdocs/filing-reviews/:id/assign',
    {
      config: { access: 'normdoc.review' },
      schema: { tags, params: idParams, body: filingAssignSchema, response: { 200: filingReviewSchema } },
    },
    async (req) => assignReview(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/normdocs/filing-reviews/:id/review',
    {
      config: { access: 'normdoc.review' },
      schema: {
        tags,
        params: idParams,
        body: filingReviewInputSchema,
        response: { 200: filingReviewSchema },
      },
    },
    async (req) => reviewFiling(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/normdocs/filing-reviews/:id/correction-result',
    {
      config: { access: 'normdoc.review' },
      schema: {
        tags,
        params: idParams,
        body: filingCorrectionResultSchema,
        response: { 200: filingReviewSchema },
      },
    },
    async (req) => recordCorrectionResult(req.ctx, req.params.id, req.body),
  );
};
