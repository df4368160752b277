import {
  COMMENT_SUBMITTER_KINDS,
  commentChallengeSchema,
  commentHandleSchema,
  commentSubmitResultSchema,
  commentSubmitSchema,
  docCommentsSchema,
  publicCommentPeriodListQuerySchema,
  publicCommentPeriodPageSchema,
  publicCommentPeriodSchema,
  staffCommentSchema,
} from '@fazhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditStandalone } from '../../../platform/audit/audit.service';
import { shanghaiToday } from '../../../platform/clock/today';
import { sendXlsx } from '../../../platform/excel/export';
import { makeChallenge } from './comments.challenge';
import { getPublicPeriod, listOpenPeriods, submitComment } from './comments.public.service';
import { docCommentsForExport, getDocComments, handleComment } from './comments.service';

const uuid = z.uuid({ message: '编号格式不正确' });
const tags = ['normdocs-comments'];

/** Per address and minute: generous for a person, a wall for a script (the per-day cap is in the service). */
export const SUBMIT_RATE = { max: 10, timeWindow: '1 minute' };
const CHALLENGE_RATE = { max: 60, timeWindow: '1 minute' };

const adoptedText = (a: boolean | null) => (a === null ? '未处理' : a ? '采纳' : '未采纳');

/** 征求意见: the public portal's comment pages (no login) and the drafters' handling. */
export const commentRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- public portal ----
  app.get(
    '/public/comment-periods',
    {
      config: { access: 'public' },
      schema: {
        tags,
        querystring: publicCommentPeriodListQuerySchema,
        response: { 200: publicCommentPeriodPageSchema },
      },
    },
    async (req) => listOpenPeriods(req.ctx, req.query),
  );
  app.get(
    '/public/comment-periods/:periodId',
    {
      config: { access: 'public' },
      schema: {
        tags,
        params: z.object({ periodId: uuid }),
        response: { 200: publicCommentPeriodSchema },
      },
    },
    async (req) => getPublicPeriod(req.ctx, req.params.periodId),
  );
  app.get(
    '/public/comment-challenge',
    {
      config: { access: 'public', rateLimit: CHALLENGE_RATE },
      schema: { tags, response: { 200: commentChallengeSchema } },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return makeChallenge(req.ctx);
    },
  );
  app.post(
    '/public/comment-periods/:periodId/comments',
    {
      config: { access: 'public', rateLimit: SUBMIT_RATE },
      schema: {
        tags,
        params: z.object({ periodId: uuid }),
        body: commentSubmitSchema,
        response: { 200: commentSubmitResultSchema },
      },
    },
    async (req) => submitComment(req.ctx, req.params.periodId, req.body),
  );

  // ---- staff ----
  app.get(
    '/normdocs/:id/comments',
    {
      config: { access: 'normdoc.read' },
      schema: { tags, params: z.object({ id: uuid }), response: { 200: docCommentsSchema } },
    },
    async (req) => getDocComments(req.ctx, req.params.id),
  );
  app.get(
    '/normdocs/:id/comments/export.xlsx',
    { config: { access: 'normdoc.read' }, schema: { tags, params: z.object({ id: uuid }) } },
    async (req, reply) => {
      const rows = await docCommentsForExport(req.ctx, req.params.id);
      // The file carries names of the public (contacts masked): who exported it is recorded.
      await auditStandalone(req.ctx, {
        action: 'normdoc.comment.export',
        entityType: 'normdoc',
        entityId: req.params.id,
        detail: { rows: rows.length },
      });
      const title = rows[0]?.period.draftTitle ?? '规范性文件';
      return sendXlsx(
        reply,
        `征求意见-${title.slice(0, 40)}-${shanghaiToday(req.ctx.now())}.xlsx`,
        '征求意见',
        [
          { header: '草案名称', width: 36, value: (r) => r.period.draftTitle },
          {
            header: '征求意见期',
            width: 24,
            value: (r) => `${r.period.opensOn} 至 ${r.period.closesOn}`,
          },
          { header: '提交时间', width: 20, value: (r) => r.comment.submittedAt },
          {
            header: '意见人类型',
            width: 14,
            value: (r) => COMMENT_SUBMITTER_KINDS[r.comment.submitterKind],
          },
          { header: '姓名或名称', width: 16, value: (r) => r.comment.submitterName },
          { header: '联系方式（已脱敏）', width: 18, value: (r) => r.comment.contactMasked },
          { header: '意见内容', width: 60, value: (r) => r.comment.content },
          { header: '是否采纳', width: 10, value: (r) => adoptedText(r.comment.adopted) },
          { header: '处理说明', width: 40, value: (r) => r.comment.response },
          { header: '处理人', width: 12, value: (r) => r.comment.handledByName },
          { header: '处理时间', width: 20, value: (r) => r.comment.handledAt },
        ],
        (async function* () {
          yield rows;
        })(),
      );
    },
  );
  app.post(
    '/normdocs/comments/:commentId/handle',
    {
      config: { access: 'normdoc.draft' },
      schema: {
        tags,
        params: z.object({ commentId: uuid }),
        body: commentHandleSchema,
        response: { 200: staffCommentSchema },
      },
    },
    async (req) => handleComment(req.ctx, req.params.commentId, req.body),
  );
};
