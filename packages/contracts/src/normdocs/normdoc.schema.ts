import { z } from 'zod';
import { isoDateSchema, listResponse, pageQuerySchema } from '../common/schemas';
import {
  normdocActionNames,
  normdocStatusNames,
  type NormdocAction,
  type NormdocStatus,
} from './normdoc.states';
import {
  ATTACHMENT_KINDS,
  DELIBERATION_RESULTS,
  FAIR_COMPETITION_CONCLUSIONS,
  LEGALITY_OPINIONS,
  NORMDOC_KINDS,
  type AttachmentKind,
  type DeliberationResult,
  type FairCompetitionConclusion,
  type LegalityOpinion,
  type NormdocKind,
} from './normdoc.labels';

const keys = <T extends Record<string, unknown>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const normdocStatusSchema = z.enum(normdocStatusNames as [NormdocStatus, ...NormdocStatus[]]);
export const normdocActionSchema = z.enum(normdocActionNames as [NormdocAction, ...NormdocAction[]]);
export const normdocKindSchema = z.enum(keys(NORMDOC_KINDS) as [NormdocKind, ...NormdocKind[]]);
export const legalityOpinionSchema = z.enum(
  keys(LEGALITY_OPINIONS) as [LegalityOpinion, ...LegalityOpinion[]],
);
export const deliberationResultSchema = z.enum(
  keys(DELIBERATION_RESULTS) as [DeliberationResult, ...DeliberationResult[]],
);
export const fairCompetitionConclusionSchema = z.enum(
  keys(FAIR_COMPETITION_CONCLUSIONS) as [FairCompetitionConclusion, ...FairCompetitionConclusion[]],
);
export const attachmentKindSchema = z.enum(keys(ATTACHMENT_KINDS) as [AttachmentKind, ...AttachmentKind[]]);

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `请填写${label}` })
    .max(max, { message: `${label}不能超过${max}字` });

export const legalBasisRefSchema = z.strictObject({
  name: text(200, '上位法名称'),
  article: z.string().trim().max(100).optional(),
});
export const publishChannelSchema = z.strictObject({
  channel: text(50, '发布渠道'),
  url: z.url({ message: '网址格式不正确' }).max(500).optional(),
});

export const normdocCreateSchema = z.strictObject({
  title: text(200, '文件标题'),
  kind: normdocKindSchema,
  /** 制定机关; default the caller's organisation. */
  orgId: z.uuid().optional(),
  coIssuerOrgIds: z.array(z.uuid()).max(20).default([]),
  docNumber: z.string().trim().max(50).optional(),
  involvesPublicInterest: z.boolean().default(false),
  involvesMarketEntities: z.boolean().default(false),
  involvesMajorDecision: z.boolean().default(false),
  provisionalRules: z.boolean().default(false),
  interpretationRequired: z.boolean().default(true),
  legalBasis: z.array(legalBasisRefSchema).max(50).default([]),
  summary: z.string().max(2000).default(''),
  body: z.string().max(500_000, { message: '正文不能超过50万字' }).default(''),
});
export type NormdocCreate = z.infer<typeof normdocCreateSchema>;

/** Editable while drafting (and the interpretation at any time after publication). */
export const normdocUpdateSchema = normdocCreateSchema
  .omit({ orgId: true, kind: true })
  .partial()
  .extend({ version: z.number().int().min(1) });
export type NormdocUpdate = z.infer<typeof normdocUpdateSchema>;

export const normdocInterpretationSchema = z.strictObject({
  version: z.number().int().min(1),
  title: text(200, '解读标题'),
  url: z.url({ message: '网址格式不正确' }).max(500).optional(),
  publishedOn: isoDateSchema,
  body: z.string().max(100_000).default(''),
});

/** Input of POST /normdocs/:id/transitions — one variant per action, each with what the step records. */
const base = { version: z.number().int().min(1), note: z.string().trim().max(2000).default('') };
export const normdocTransitionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('start_assessment'), ...base }),
  z.strictObject({
    action: z.literal('finish_assessment'),
    ...base,
    participants: z.string().max(500).default(''),
    conclusion: text(2000, '评估论证结论'),
  }),
  z.strictObject({
    action: z.literal('open_comment'),
    ...base,
    opensOn: isoDateSchema,
    /** Calendar days; shorter than the jurisdiction's default needs `shortenedReason`. */
    days: z.number().int().min(1).max(180),
    shortenedReason: z.string().trim().max(500).optional(),
    draftText: z.string().max(500_000).optional(),
  }),
  z.strictObject({
    action: z.literal('close_comment'),
    ...base,
    adoptionExplanation: text(20_000, '采纳情况说明'),
  }),
  z.strictObject({ action: z.literal('start_fair_competition'), ...base }),
  z.strictObject({
    action: z.literal('finish_fair_competition'),
    ...base,
    conclusion: fairCompetitionConclusionSchema,
  }),
  z.strictObject({ action: z.literal('submit'), ...base }),
  z.strictObject({ action: z.literal('return_for_materials'), ...base, reason: text(2000, '退回理由') }),
  z.strictObject({ action: z.literal('accept_review'), ...base }),
  z.strictObject({
    action: z.literal('record_opinion'),
    ...base,
    opinion: legalityOpinionSchema,
    suggestionCount: z.number().int().min(0).max(1000),
    opinionText: text(20_000, '审核意见'),
  }),
  z.strictObject({ action: z.literal('revise'), ...base }),
  z.strictObject({
    action: z.literal('deliberate'),
    ...base,
    meeting: text(200, '会议名称'),
    meetingDate: isoDateSchema,
    result: deliberationResultSchema,
  }),
  z.strictObject({
    action: z.literal('sign'),
    ...base,
    signedBy: text(50, '签发人'),
    signedOn: isoDateSchema,
  }),
  z.strictObject({ action: z.literal('register'), ...base, registeredOn: isoDateSchema }),
  z.strictObject({
    action: z.literal('publish'),
    ...base,
    publishedOn: isoDateSchema,
    channels: z.array(publishChannelSchema).min(1, { message: '请至少填写一个发布渠道' }).max(10),
    effectiveOn: isoDateSchema,
    /** Default: effective date + 5 years (暂行/试行 2 years), per jurisdiction. */
    validUntil: isoDateSchema.optional(),
  }),
  z.strictObject({ action: z.literal('take_effect'), ...base }),
  z.strictObject({
    action: z.literal('amend'),
    ...base,
    reason: text(2000, '修改理由'),
  }),
  z.strictObject({
    action: z.literal('repeal'),
    ...base,
    reason: text(2000, '废止理由'),
    endedOn: isoDateSchema,
  }),
  z.strictObject({
    action: z.literal('declare_invalid'),
    ...base,
    reason: text(2000, '失效理由'),
    endedOn: isoDateSchema,
  }),
  z.strictObject({ action: z.literal('expire'), ...base, endedOn: isoDateSchema }),
  z.strictObject({
    action: z.literal('remove_from_catalog'),
    ...base,
    reason: text(2000, '剔除理由'),
    endedOn: isoDateSchema,
  }),
  z.strictObject({ action: z.literal('abandon'), ...base, reason: text(2000, '终止理由') }),
]);
export type NormdocTransitionInput = z.infer<typeof normdocTransitionSchema>;

export const normdocOrgRefSchema = z.object({ id: z.uuid(), name: z.string() });

export const normdocEventSchema = z.object({
  id: z.uuid(),
  action: z.string(),
  fromStatus: normdocStatusSchema.nullable(),
  toStatus: normdocStatusSchema.nullable(),
  actorName: z.string(),
  actorOrgName: z.string(),
  note: z.string(),
  data: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export type NormdocEvent = z.infer<typeof normdocEventSchema>;

export const normdocAttachmentSchema = z.object({
  id: z.uuid(),
  kind: attachmentKindSchema,
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type NormdocAttachment = z.infer<typeof normdocAttachmentSchema>;

export const normdocLegalityReviewSchema = z.object({
  id: z.uuid(),
  submittedOn: z.string(),
  returnedOn: z.string().nullable(),
  returnReason: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  reviewerName: z.string().nullable(),
  opinion: legalityOpinionSchema.nullable(),
  suggestionCount: z.number().int().nullable(),
  opinionText: z.string().nullable(),
  completedOn: z.string().nullable(),
});

export const normdocSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: normdocKindSchema,
  status: normdocStatusSchema,
  org: normdocOrgRefSchema,
  regionCode: z.string(),
  docNumber: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  publishedOn: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  validUntil: z.string().nullable(),
  versionNo: z.number().int(),
  updatedAt: z.string(),
});
export type NormdocSummary = z.infer<typeof normdocSummarySchema>;

export const normdocSchema = normdocSummarySchema.extend({
  draftingOrg: normdocOrgRefSchema,
  coIssuers: z.array(normdocOrgRefSchema),
  involvesPublicInterest: z.boolean(),
  involvesMarketEntities: z.boolean(),
  involvesMajorDecision: z.boolean(),
  provisionalRules: z.boolean(),
  interpretationRequired: z.boolean(),
  legalBasis: z.array(z.object({ name: z.string(), article: z.string().optional() })),
  summary: z.string(),
  body: z.string(),
  signedBy: z.string().nullable(),
  signedOn: z.string().nullable(),
  registeredOn: z.string().nullable(),
  publishChannels: z.array(z.object({ channel: z.string(), url: z.string().optional() })),
  endedOn: z.string().nullable(),
  interpretation: z
    .object({
      title: z.string(),
      url: z.string().nullable(),
      publishedOn: z.string().nullable(),
      body: z.string(),
    })
    .nullable(),
  previousVersionId: z.uuid().nullable(),
  nextVersionId: z.uuid().nullable(),
  imported: z.boolean(),
  version: z.number().int(),
  events: z.array(normdocEventSchema),
  attachments: z.array(normdocAttachmentSchema),
  legalityReviews: z.array(normdocLegalityReviewSchema),
  /** Running deadlines of the document (legality review, comment period, filings, validity) for badges. */
  deadlines: z.array(
    z.object({
      kind: z.enum(['legality_review', 'comment', 'filing', 'correction', 'validity', 'other']),
      label: z.string(),
      dueDate: z.string(),
      status: z.enum(['normal', 'due_soon', 'overdue']),
      provisional: z.boolean(),
    }),
  ),
  /** Gates the next step would fail right now (code + Chinese message), so the page can say why a button is off. */
  blockers: z.array(z.object({ action: normdocActionSchema, code: z.string(), message: z.string() })),
  /** Lifecycle actions the caller may perform now (table ∩ permission ∩ scope). */
  actions: z.array(normdocActionSchema),
  /** Other things the caller may do: 'edit', 'attach', 'interpret', 'file'. */
  abilities: z.array(z.string()),
});
export type Normdoc = z.infer<typeof normdocSchema>;

export const normdocListQuerySchema = pageQuerySchema.extend({
  status: z
    .union([normdocStatusSchema, z.array(normdocStatusSchema)])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
  kind: normdocKindSchema.optional(),
  orgId: z.uuid().optional(),
  year: z.coerce.number().int().min(1980).max(2100).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['updatedAt', 'publishedOn', 'title']).default('updatedAt'),
});
export type NormdocListQuery = z.infer<typeof normdocListQuerySchema>;
export const normdocPageSchema = listResponse(normdocSummarySchema);
