import { z } from 'zod';
import { isoDateSchema, listResponse, pageQuerySchema } from '../common/schemas';

/** 征求意见 (public comment on a draft): who may comment, the portal's views and the staff handling. */

export const COMMENT_SUBMITTER_KINDS = {
  citizen: '公民',
  enterprise: '企业',
  organisation: '社会组织或其他组织',
} as const;
export type CommentSubmitterKind = keyof typeof COMMENT_SUBMITTER_KINDS;
export const commentSubmitterKindSchema = z.enum(
  Object.keys(COMMENT_SUBMITTER_KINDS) as [CommentSubmitterKind, ...CommentSubmitterKind[]],
);

/**
 * Where a period stands on the portal: 'upcoming' before opensOn, 'open' from opensOn to closesOn (inclusive),
 * 'ended' after closesOn while the drafter has not yet published the 采纳情况说明, 'closed' once it is published.
 */
export const COMMENT_PERIOD_STATES = {
  upcoming: '未开始',
  open: '征求意见中',
  ended: '已截止，采纳情况待公布',
  closed: '已结束',
} as const;
export type CommentPeriodState = keyof typeof COMMENT_PERIOD_STATES;
export const commentPeriodStateSchema = z.enum(
  Object.keys(COMMENT_PERIOD_STATES) as [CommentPeriodState, ...CommentPeriodState[]],
);

export const COMMENT_CONTENT_MIN = 5;
export const COMMENT_CONTENT_MAX = 5000;

// ---- public portal ----

export const publicCommentPeriodListQuerySchema = pageQuerySchema.extend({
  /** 'open' only the periods open today; 'closed' only ended/closed ones; default both. */
  state: z.enum(['open', 'closed']).optional(),
});

export const publicCommentPeriodSummarySchema = z.object({
  id: z.uuid(),
  draftTitle: z.string(),
  orgName: z.string(),
  opensOn: isoDateSchema,
  closesOn: isoDateSchema,
  days: z.number().int(),
  state: commentPeriodStateSchema,
  commentCount: z.number().int(),
});
export type PublicCommentPeriodSummary = z.infer<typeof publicCommentPeriodSummarySchema>;
export const publicCommentPeriodPageSchema = listResponse(publicCommentPeriodSummarySchema);

/** A comment as the portal shows it after the period: no name, no contact, only the handling result. */
export const publicCommentResultSchema = z.object({
  id: z.uuid(),
  submitterKind: commentSubmitterKindSchema,
  content: z.string(),
  submittedOn: isoDateSchema,
  adopted: z.boolean().nullable(),
  response: z.string().nullable(),
});

export const publicCommentPeriodSchema = publicCommentPeriodSummarySchema.extend({
  draftText: z.string(),
  shortenedReason: z.string().nullable(),
  /** 采纳情况说明: null until the period is closed and the explanation published. */
  adoptionExplanation: z.string().nullable(),
  adoptedCount: z.number().int().nullable(),
  /** The handled comments, only once the 采纳情况说明 is published. */
  results: z.array(publicCommentResultSchema),
});
export type PublicCommentPeriod = z.infer<typeof publicCommentPeriodSchema>;

/** A simple anti-spam question; `token` carries the expiry and an HMAC of the answer. */
export const commentChallengeSchema = z.object({
  question: z.string(),
  token: z.string(),
  expiresAt: z.string(),
});
export type CommentChallenge = z.infer<typeof commentChallengeSchema>;

export const commentSubmitSchema = z.strictObject({
  submitterName: z.string().trim().max(50, { message: '姓名或名称不能超过50字' }).optional(),
  submitterKind: commentSubmitterKindSchema,
  contact: z.string().trim().max(100, { message: '联系方式不能超过100字' }).optional(),
  content: z
    .string()
    .trim()
    .min(COMMENT_CONTENT_MIN, { message: `意见内容至少${COMMENT_CONTENT_MIN}个字` })
    .max(COMMENT_CONTENT_MAX, { message: `意见内容不能超过${COMMENT_CONTENT_MAX}字` }),
  challengeToken: z.string().min(1, { message: '请先获取验证题' }).max(500),
  challengeAnswer: z.string().trim().min(1, { message: '请填写验证题答案' }).max(20),
});
export type CommentSubmit = z.infer<typeof commentSubmitSchema>;

export const commentSubmitResultSchema = z.object({
  id: z.uuid(),
  submittedAt: z.string(),
  message: z.string(),
});

// ---- staff ----

export const staffCommentSchema = z.object({
  id: z.uuid(),
  periodId: z.uuid(),
  submitterName: z.string().nullable(),
  submitterKind: commentSubmitterKindSchema,
  /** Masked (e.g. 138****5678); the full value is never sent in lists. */
  contactMasked: z.string().nullable(),
  content: z.string(),
  submittedAt: z.string(),
  adopted: z.boolean().nullable(),
  response: z.string().nullable(),
  handledByName: z.string().nullable(),
  handledAt: z.string().nullable(),
  /** Buttons the caller may see: 'handle'. */
  actions: z.array(z.string()),
});
export type StaffComment = z.infer<typeof staffCommentSchema>;

export const staffCommentPeriodSchema = z.object({
  id: z.uuid(),
  docId: z.uuid(),
  draftTitle: z.string(),
  opensOn: isoDateSchema,
  closesOn: isoDateSchema,
  days: z.number().int(),
  shortenedReason: z.string().nullable(),
  state: commentPeriodStateSchema,
  adoptionExplanation: z.string().nullable(),
  closedAt: z.string().nullable(),
  commentCount: z.number().int(),
  adoptedCount: z.number().int(),
  unhandledCount: z.number().int(),
  comments: z.array(staffCommentSchema),
});
export type StaffCommentPeriod = z.infer<typeof staffCommentPeriodSchema>;

export const docCommentsSchema = z.object({ docId: z.uuid(), periods: z.array(staffCommentPeriodSchema) });
export type DocComments = z.infer<typeof docCommentsSchema>;

/**
 * 采纳 / 不采纳 with the reply. `handledAt` is the optimistic check: the value the caller last saw (null for an
 * unhandled comment); a different current value means someone else handled it meanwhile (409 STALE_WRITE).
 */
export const commentHandleSchema = z.strictObject({
  adopted: z.boolean({ message: '请选择是否采纳' }),
  response: z
    .string()
    .trim()
    .min(1, { message: '请填写处理说明（采纳或不采纳的理由）' })
    .max(2000, { message: '处理说明不能超过2000字' }),
  handledAt: z.string().nullable(),
});
export type CommentHandle = z.infer<typeof commentHandleSchema>;
