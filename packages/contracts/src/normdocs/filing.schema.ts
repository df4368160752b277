import { z } from 'zod';
import { isoDateSchema, listResponse, pageQuerySchema } from '../common/schemas';
import {
  FILING_MATERIALS,
  FILING_REQUIRED_MATERIALS,
  FILING_REVIEW_STATUSES,
  filingActionNames,
  type FilingAction,
  type FilingMaterial,
  type FilingReviewStatus,
} from './filing.states';
import {
  CORRECTION_FORMS,
  FILING_RECIPIENTS,
  FILING_REGISTRATION_RESULTS,
  FILING_REVIEW_RESULTS,
  FILING_STATUSES,
  REVIEW_HANDLINGS,
  REVIEW_ISSUES,
  type FilingRecipient,
  type FilingStatus,
} from './normdoc.labels';

const keys = <T extends Record<string, unknown>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const filingRecipientSchema = z.enum(
  keys(FILING_RECIPIENTS) as [FilingRecipient, ...FilingRecipient[]],
);
export const filingStatusSchema = z.enum(keys(FILING_STATUSES) as [FilingStatus, ...FilingStatus[]]);
export const filingActionSchema = z.enum(filingActionNames as [FilingAction, ...FilingAction[]]);
export const filingMaterialSchema = z.enum(keys(FILING_MATERIALS) as [FilingMaterial, ...FilingMaterial[]]);
export const filingReviewStatusSchema = z.enum(
  keys(FILING_REVIEW_STATUSES) as [FilingReviewStatus, ...FilingReviewStatus[]],
);
export const filingRegistrationResultSchema = z.enum(keys(FILING_REGISTRATION_RESULTS));
export const filingReviewResultSchema = z.enum(keys(FILING_REVIEW_RESULTS));
export const reviewIssueSchema = z.enum(keys(REVIEW_ISSUES));
export const reviewHandlingSchema = z.enum(keys(REVIEW_HANDLINGS));
export const correctionFormSchema = z.enum(keys(CORRECTION_FORMS));
/** 正常 / 临期 / 超期 / 已完成 of the filing deadline (the 期限台账 clock's vocabulary). */
export const filingClockStatusSchema = z.enum(['normal', 'due_soon', 'overdue', 'completed']);

const version = z.number().int().min(1);
const note = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `说明不能超过${max}字` });

const materials = z
  .array(filingMaterialSchema)
  .max(10)
  .refine((m) => FILING_REQUIRED_MATERIALS.every((r) => m.includes(r)), {
    message: `报送材料至少应包括：${FILING_REQUIRED_MATERIALS.map((r) => FILING_MATERIALS[r]).join('、')}`,
  });

/** POST /normdocs/filings/:id/submit and /resubmit. */
export const filingSubmitSchema = z.strictObject({
  version,
  submittedOn: isoDateSchema,
  materials,
  note: note(2000).default(''),
});
export type FilingSubmitInput = z.infer<typeof filingSubmitSchema>;

/** POST /normdocs/filings/:id/correction — the filing organ reports the correction done. */
export const filingCorrectionSchema = z.strictObject({
  version,
  correctionDoneOn: isoDateSchema,
  note: z.string().trim().min(1, { message: '请填写纠正情况' }).max(2000),
});

/** POST /normdocs/filings/:id/outcome — outcome reported by a recipient outside the system (e.g. 人大常委会). */
export const filingOutcomeSchema = z
  .strictObject({
    version,
    registrationResult: filingRegistrationResultSchema,
    registeredOn: isoDateSchema,
    registrationNote: note(2000).optional(),
    reviewResult: filingReviewResultSchema.optional(),
    reviewedOn: isoDateSchema.optional(),
    correctionDue: isoDateSchema.optional(),
  })
  .refine((v) => !v.reviewResult || v.registrationResult === 'registered', {
    message: '只有予以备案登记的文件才有审查结果',
    path: ['reviewResult'],
  })
  .refine((v) => !v.reviewResult || !!v.reviewedOn, { message: '请填写审查日期', path: ['reviewedOn'] })
  .refine((v) => v.registrationResult !== 'suspended' || !!v.registrationNote, {
    message: '暂缓登记须写明需要补正的材料',
    path: ['registrationNote'],
  });

/** POST /normdocs/:id/filings — an additional filing with the 上级主管部门 (vertical systems). */
export const filingAddSchema = z.strictObject({
  recipientKind: z.literal('superior_department'),
  recipientOrgId: z.uuid().optional(),
});

export const filingListQuerySchema = pageQuerySchema.extend({
  status: filingStatusSchema.optional(),
  recipient: filingRecipientSchema.optional(),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  year: z.coerce.number().int().min(1980).max(2100).optional(),
  docId: z.uuid().optional(),
});
export type FilingListQuery = z.infer<typeof filingListQuerySchema>;

const orgRef = z.object({ id: z.uuid(), name: z.string() });

export const filingSchema = z.object({
  id: z.uuid(),
  docId: z.uuid(),
  docTitle: z.string(),
  docNumber: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  docKind: z.string(),
  publishedOn: z.string().nullable(),
  org: orgRef,
  regionCode: z.string(),
  recipientKind: filingRecipientSchema,
  recipientOrg: orgRef.nullable(),
  /** The recipient uses this system (a justice bureau): it registers and reviews here. */
  recipientInSystem: z.boolean(),
  dueDate: z.string(),
  provisional: z.boolean(),
  clockId: z.uuid().nullable(),
  clockStatus: filingClockStatusSchema,
  /** Calendar days to the due date (negative: overdue); null once submitted. */
  daysRemaining: z.number().int().nullable(),
  /** Submitted on or before the due date; null while not submitted. */
  timely: z.boolean().nullable(),
  status: filingStatusSchema,
  submittedOn: z.string().nullable(),
  materials: z.array(z.string()),
  registrationResult: filingRegistrationResultSchema.nullable(),
  registrationNote: z.string().nullable(),
  registeredOn: z.string().nullable(),
  reviewResult: filingReviewResultSchema.nullable(),
  reviewedOn: z.string().nullable(),
  correctionDue: z.string().nullable(),
  correctionDoneOn: z.string().nullable(),
  correctionNote: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  /** Steps the caller may take now (transition table ∩ permission ∩ scope). */
  actions: z.array(filingActionSchema),
});
export type Filing = z.infer<typeof filingSchema>;
export const filingPageSchema = listResponse(filingSchema);
export const filingListSchema = z.object({ items: z.array(filingSchema) });

export const filingReviewListQuerySchema = pageQuerySchema.extend({
  status: filingReviewStatusSchema.optional(),
  /** A user id, or 'me'. */
  assignee: z.union([z.uuid(), z.literal('me')]).optional(),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  year: z.coerce.number().int().min(1980).max(2100).optional(),
});
export type FilingReviewListQuery = z.infer<typeof filingReviewListQuerySchema>;

export const filingReviewSchema = z.object({
  id: z.uuid(),
  filing: filingSchema.omit({ actions: true }),
  reviewerOrg: orgRef,
  regionCode: z.string(),
  assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  receivedOn: z.string(),
  reviewDue: z.string().nullable(),
  status: filingReviewStatusSchema,
  issues: z.array(reviewIssueSchema),
  handling: reviewHandlingSchema.nullable(),
  opinionText: z.string().nullable(),
  reviewedOn: z.string().nullable(),
  correctionDue: z.string().nullable(),
  /** The correction deadline has passed without a correction result. */
  correctionOverdue: z.boolean(),
  corrected: z.boolean().nullable(),
  correctionForm: correctionFormSchema.nullable(),
  correctionDoneOn: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  actions: z.array(filingActionSchema),
});
export type FilingReview = z.infer<typeof filingReviewSchema>;
export const filingReviewPageSchema = listResponse(filingReviewSchema);

export const filingRegisterSchema = z
  .strictObject({
    version,
    result: filingRegistrationResultSchema,
    registeredOn: isoDateSchema,
    /** 暂缓登记: what to supplement; 不予备案: why (e.g. not a normative document). */
    note: note(2000).default(''),
  })
  .refine((v) => v.result === 'registered' || v.note.length > 0, {
    message: '暂缓登记须写明需要补正的内容，不予备案须写明理由',
    path: ['note'],
  });

export const filingAssignSchema = z.strictObject({ version, assigneeId: z.uuid() });

export const filingReviewInputSchema = z
  .strictObject({
    version,
    reviewedOn: isoDateSchema,
    issues: z.array(reviewIssueSchema).max(7).default([]),
    handling: reviewHandlingSchema,
    opinionText: note(20_000).default(''),
    /** Calendar days the filing organ has to correct (default 30, cf. 河南省实施监督法办法 第五十六条). */
    correctionDays: z.number().int().min(1).max(180).default(30),
  })
  .refine((v) => (v.handling === 'no_issue' ? v.issues.length === 0 : v.issues.length > 0), {
    message: '无问题时不应勾选问题；其他处理方式须至少选择一项发现的问题',
    path: ['issues'],
  })
  .refine((v) => v.handling === 'no_issue' || v.opinionText.length > 0, {
    message: '请填写审查意见',
    path: ['opinionText'],
  });

export const filingCorrectionResultSchema = z
  .strictObject({
    version,
    corrected: z.boolean(),
    correctionForm: correctionFormSchema.optional(),
    date: isoDateSchema,
    note: note(2000).default(''),
  })
  .refine((v) => !v.corrected || !!v.correctionForm, {
    message: '已纠正的，请选择纠正方式（修改、废止或停止执行）',
    path: ['correctionForm'],
  })
  .refine((v) => v.corrected || v.note.length > 0, { message: '未纠正的，请说明情况', path: ['note'] });

/** GET /normdocs/filing-reviews/assignees — reviewers (审核员) the caller may assign. */
export const filingAssigneesSchema = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), orgName: z.string() })),
});
