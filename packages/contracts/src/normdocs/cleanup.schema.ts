import { z } from 'zod';
import { isoDateSchema, listResponse, pageQuerySchema } from '../common/schemas';
import {
  CLEANUP_KINDS,
  CLEANUP_RESULTS,
  EVALUATION_RECOMMENDATIONS,
  type CleanupResult,
} from './normdoc.labels';
import { normdocOrgRefSchema as orgRefSchema, normdocStatusSchema } from './normdoc.schema';

/** 清理 campaigns (DOMAIN.md §1.2 CleanupCampaign / CleanupResult, §1.5 Clean-up) and 后评估 (PostEvaluation). */
export type CleanupKind = keyof typeof CLEANUP_KINDS;
export const cleanupKindSchema = z.enum(Object.keys(CLEANUP_KINDS) as [CleanupKind, ...CleanupKind[]]);
export const cleanupResultSchema = z.enum(
  Object.keys(CLEANUP_RESULTS) as [CleanupResult, ...CleanupResult[]],
);

export const CLEANUP_CAMPAIGN_STATUSES = {
  open: '清理中',
  decided: '已作出清理决定',
  applied: '已执行',
} as const;
export type CleanupCampaignStatus = keyof typeof CLEANUP_CAMPAIGN_STATUSES;
export const cleanupCampaignStatusSchema = z.enum(['open', 'decided', 'applied']);

/** Topics offered for 专项清理 (free text allowed). */
export const CLEANUP_TOPICS = [
  '妨碍统一市场和公平竞争',
  '不平等对待企业',
  '涉及营商环境',
  '涉及生育政策',
] as const;

const text = (max: number, label: string) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, { message: `请填写${label}` })
    .max(max, { message: `${label}不能超过${max}字` });

export const cleanupCampaignCreateSchema = z
  .strictObject({
    title: text(200, '清理名称'),
    kind: cleanupKindSchema,
    topic: z.string().trim().max(200, { message: '专项主题不能超过200字' }).optional(),
    cutoffDate: isoDateSchema,
    /** Organisations whose documents are reviewed; default: every organisation of the caller's region tree. */
    scopeOrgIds: z
      .array(z.uuid({ message: '单位编号格式不正确' }))
      .max(2000)
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'special' && !v.topic)
      ctx.addIssue({ code: 'custom', path: ['topic'], message: '专项清理须填写清理主题' });
  });
export type CleanupCampaignCreate = z.infer<typeof cleanupCampaignCreateSchema>;

export const cleanupCampaignSchema = z.object({
  id: z.uuid(),
  org: orgRefSchema,
  regionCode: z.string(),
  title: z.string(),
  kind: cleanupKindSchema,
  topic: z.string().nullable(),
  cutoffDate: z.string(),
  scopeOrgs: z.array(orgRefSchema),
  status: cleanupCampaignStatusSchema,
  decisionDocNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  appliedAt: z.string().nullable(),
  itemCount: z.number().int(),
  undecidedCount: z.number().int(),
  /** Items per result code. */
  resultCounts: z.record(z.string(), z.number().int()),
  version: z.number().int(),
  createdAt: z.string(),
  /** What the caller may do now: 'decide_items', 'decide', 'apply'. */
  actions: z.array(z.string()),
});
export type CleanupCampaign = z.infer<typeof cleanupCampaignSchema>;

export const cleanupCampaignListQuerySchema = pageQuerySchema.extend({
  status: cleanupCampaignStatusSchema.optional(),
  kind: cleanupKindSchema.optional(),
});
export const cleanupCampaignPageSchema = listResponse(cleanupCampaignSchema.omit({ scopeOrgs: true }));

export const cleanupItemSchema = z.object({
  docId: z.uuid(),
  title: z.string(),
  docNumber: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  org: orgRefSchema,
  docStatus: normdocStatusSchema,
  effectiveOn: z.string().nullable(),
  validUntil: z.string().nullable(),
  result: cleanupResultSchema.nullable(),
  reason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  appliedAt: z.string().nullable(),
});
export type CleanupItem = z.infer<typeof cleanupItemSchema>;

export const cleanupItemListQuerySchema = pageQuerySchema.extend({
  /** A result code, or 'undecided'. */
  result: z.union([cleanupResultSchema, z.literal('undecided')]).optional(),
  q: z.string().trim().max(100).optional(),
});
export const cleanupItemPageSchema = listResponse(cleanupItemSchema);

export const cleanupItemDecideSchema = z
  .strictObject({
    result: cleanupResultSchema,
    reason: z.string().trim().max(2000, { message: '理由不能超过2000字' }).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.result !== 'keep' && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '除“继续有效”外，须填写清理理由' });
  });
export type CleanupItemDecide = z.infer<typeof cleanupItemDecideSchema>;

export const cleanupDecisionSchema = z
  .strictObject({
    version: z.number().int().min(1),
    decisionDocNumber: text(100, '清理决定文号'),
    decisionDate: isoDateSchema,
    /** The day the results take effect (e.g. “自本决定印发之日起失效” — the decision date). */
    effectiveOn: isoDateSchema,
  })
  .superRefine((v, ctx) => {
    if (v.effectiveOn < v.decisionDate)
      ctx.addIssue({ code: 'custom', path: ['effectiveOn'], message: '生效日期不能早于决定日期' });
  });
export type CleanupDecision = z.infer<typeof cleanupDecisionSchema>;

export const cleanupApplySchema = z.strictObject({ version: z.number().int().min(1) });
export const cleanupApplyResultSchema = z.object({
  campaign: cleanupCampaignSchema,
  /** Documents moved out of force (or, for 修改, given a new draft version). */
  applied: z.number().int(),
  kept: z.number().int(),
  /** Documents that had already left force another way. */
  skipped: z.array(z.object({ docId: z.uuid(), message: z.string() })),
});

// ── 后评估 ──────────────────────────────────────────────────────────────────────────────────────
export type EvaluationRecommendation = keyof typeof EVALUATION_RECOMMENDATIONS;
export const evaluationRecommendationSchema = z.enum(
  Object.keys(EVALUATION_RECOMMENDATIONS) as [EvaluationRecommendation, ...EvaluationRecommendation[]],
);
/** Participants commonly invited (R1: 人大代表、政协委员、政府部门、律师代表). */
export const EVALUATION_PARTICIPANTS = [
  '人大代表',
  '政协委员',
  '律师代表',
  '政府部门',
  '专家学者',
  '企业代表',
  '群众代表',
] as const;

export const evaluationCreateSchema = z.strictObject({
  evaluator: text(200, '评估主体'),
  participants: z.array(text(50, '参与人员类别')).max(20).default([]),
  method: z.string().trim().max(500, { message: '评估方式不能超过500字' }).default(''),
  findings: text(20_000, '评估结论'),
  recommendation: evaluationRecommendationSchema,
  reportOn: isoDateSchema,
});
export type EvaluationCreate = z.infer<typeof evaluationCreateSchema>;

export const evaluationSchema = z.object({
  id: z.uuid(),
  docId: z.uuid(),
  evaluator: z.string(),
  participants: z.array(z.string()),
  method: z.string(),
  findings: z.string(),
  recommendation: evaluationRecommendationSchema,
  reportOn: z.string(),
  createdAt: z.string(),
});
export type Evaluation = z.infer<typeof evaluationSchema>;
export const evaluationListSchema = z.object({ items: z.array(evaluationSchema), canCreate: z.boolean() });
