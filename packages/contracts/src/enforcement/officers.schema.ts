import { z } from 'zod';
import { isoDateSchema, listResponse, pageQuerySchema } from '../common/schemas';
import {
  ANNUAL_REVIEW_RESULTS,
  CERTIFICATE_KINDS,
  CERTIFICATE_STATUSES,
  certificateActionNames,
  type AnnualReviewResult,
  type CertificateAction,
  type CertificateKind,
  type CertificateStatus,
} from './certificate.states';

/** 人员类别. Only 在编在职 may obtain enforcement status (河南省行政执法条例 第二十条). */
export const STAFF_TYPES = {
  established: '在编在职',
  contract: '聘用人员',
  dispatched: '劳务派遣',
  worker: '工勤人员',
  temporary: '临时人员',
} as const;
export type StaffType = keyof typeof STAFF_TYPES;
export const ELIGIBLE_STAFF_TYPES: readonly StaffType[] = ['established'];

export const OFFICER_STATUSES = { active: '在岗', left: '离岗' } as const;
export type OfficerStatus = keyof typeof OFFICER_STATUSES;

/** 培训类别 (DOMAIN.md §4.2 TrainingRecord). */
export const TRAINING_CATEGORIES = {
  public_law: '公共法律知识',
  professional_law: '专业法律知识',
  skills: '执法技能',
  xi_rule_of_law: '习近平法治思想专题',
  court_hearing: '旁听庭审',
  case_study: '以案释法',
  other: '其他',
} as const;
export type TrainingCategory = keyof typeof TRAINING_CATEGORIES;

export const EXAM_TYPES = { qualification: '资格考试', annual: '年度考试' } as const;
export type ExamType = keyof typeof EXAM_TYPES;

/** Yearly training requirement: 60 学时 (国办发〔2023〕27号 三年行动计划; R1 "60学时"全员轮训). */
export const DEFAULT_TRAINING_HOURS_REQUIRED = 60;

const keys = <T extends Record<string, unknown>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const staffTypeSchema = z.enum(keys(STAFF_TYPES) as [StaffType, ...StaffType[]]);
export const officerStatusSchema = z.enum(keys(OFFICER_STATUSES) as [OfficerStatus, ...OfficerStatus[]]);
export const certificateKindSchema = z.enum(
  keys(CERTIFICATE_KINDS) as [CertificateKind, ...CertificateKind[]],
);
export const certificateStatusSchema = z.enum(
  keys(CERTIFICATE_STATUSES) as [CertificateStatus, ...CertificateStatus[]],
);
export const certificateActionSchema = z.enum(
  certificateActionNames as [CertificateAction, ...CertificateAction[]],
);
export const annualReviewResultSchema = z.enum(
  keys(ANNUAL_REVIEW_RESULTS) as [AnnualReviewResult, ...AnnualReviewResult[]],
);
export const trainingCategorySchema = z.enum(
  keys(TRAINING_CATEGORIES) as [TrainingCategory, ...TrainingCategory[]],
);
export const examTypeSchema = z.enum(keys(EXAM_TYPES) as [ExamType, ...ExamType[]]);

const version = z.number().int().min(1);
const fieldsSchema = z.array(z.string().trim().min(1).max(30)).max(20);
const orgRef = z.object({ id: z.uuid(), name: z.string() });

// ---------------------------------------------------------------- officers

export const officerCreateSchema = z.strictObject({
  orgId: z.uuid({ message: '请选择所在执法主体' }),
  name: z.string().trim().min(2, { message: '请填写姓名' }).max(30),
  /** 居民身份号码 (GB 11643); checked by the server (INVALID_ID_NUMBER). */
  idNumber: z.string().trim().min(1, { message: '请填写身份证号码' }).max(18),
  staffType: staffTypeSchema,
  position: z.string().trim().max(50).nullable().default(null),
  fields: fieldsSchema.default([]),
  regionScope: z.string().trim().max(100).nullable().default(null),
  legalQualification: z.boolean().default(false),
});
export type OfficerCreateInput = z.infer<typeof officerCreateSchema>;

export const officerUpdateSchema = z.strictObject({
  version,
  name: z.string().trim().min(2).max(30).optional(),
  staffType: staffTypeSchema.optional(),
  position: z.string().trim().max(50).nullable().optional(),
  fields: fieldsSchema.optional(),
  regionScope: z.string().trim().max(100).nullable().optional(),
  legalQualification: z.boolean().optional(),
  status: officerStatusSchema.optional(),
});
export type OfficerUpdateInput = z.infer<typeof officerUpdateSchema>;

export const officerListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(50).optional(),
  orgId: z.uuid().optional(),
  staffType: staffTypeSchema.optional(),
});
export type OfficerListQuery = z.infer<typeof officerListQuerySchema>;

export const certificateBriefSchema = z.object({
  id: z.uuid(),
  kind: certificateKindSchema,
  number: z.string().nullable(),
  status: certificateStatusSchema,
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});

export const officerSchema = z.object({
  id: z.uuid(),
  org: orgRef,
  name: z.string(),
  /** Masked: 410***********1234. */
  idNumber: z.string(),
  staffType: staffTypeSchema,
  /** May hold an enforcement certificate (在编在职). */
  eligible: z.boolean(),
  position: z.string().nullable(),
  fields: z.array(z.string()),
  regionScope: z.string().nullable(),
  legalQualification: z.boolean(),
  status: officerStatusSchema,
  certificates: z.array(certificateBriefSchema),
  version: z.number().int(),
  actions: z.array(z.string()),
});
export type Officer = z.infer<typeof officerSchema>;
export const officerPageSchema = listResponse(officerSchema);

export const certificateEventSchema = z.object({
  id: z.uuid(),
  action: z.string(),
  fromStatus: certificateStatusSchema.nullable(),
  toStatus: certificateStatusSchema,
  on: z.string(),
  result: annualReviewResultSchema.nullable(),
  reason: z.string().nullable(),
});

export const certificateSchema = certificateBriefSchema.extend({
  officerId: z.uuid(),
  officerName: z.string(),
  org: orgRef,
  fields: z.array(z.string()),
  area: z.string().nullable(),
  issuingAuthority: z.string(),
  appliedOn: z.string(),
  issuedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  lastReviewedOn: z.string().nullable(),
  /** Valid today (issued, in period, not suspended or ended). */
  validToday: z.boolean(),
  events: z.array(certificateEventSchema),
  version: z.number().int(),
  actions: z.array(certificateActionSchema),
});
export type Certificate = z.infer<typeof certificateSchema>;

export const trainingSchema = z.object({
  id: z.uuid(),
  course: z.string(),
  category: trainingCategorySchema,
  hours: z.number(),
  on: z.string(),
  year: z.number().int(),
  provider: z.string().nullable(),
});
export const examSchema = z.object({
  id: z.uuid(),
  examType: examTypeSchema,
  on: z.string(),
  score: z.number(),
  passed: z.boolean(),
});
export const trainingYearSchema = z.object({
  year: z.number().int(),
  hours: z.number(),
  required: z.number(),
  complete: z.boolean(),
});

export const officerDetailSchema = officerSchema.extend({
  certificateDetails: z.array(certificateSchema),
  trainings: z.array(trainingSchema),
  exams: z.array(examSchema),
  trainingYears: z.array(trainingYearSchema),
});
export type OfficerDetail = z.infer<typeof officerDetailSchema>;

// ---------------------------------------------------------------- certificates

export const certificateApplySchema = z.strictObject({
  kind: certificateKindSchema,
  appliedOn: isoDateSchema,
  fields: fieldsSchema.default([]),
  area: z.string().trim().max(100).nullable().default(null),
});
export type CertificateApplyInput = z.infer<typeof certificateApplySchema>;

const certNumber = z
  .string()
  .trim()
  .min(4, { message: '证号至少4位' })
  .max(40)
  .regex(/^[0-9A-Za-z\-（）()\u4e00-\u9fa5]+$/, { message: '证号只能包含数字、字母、汉字和连字符' });

/** One body for every lifecycle action; each action needs its own fields (checked by the server). */
export const certificateActionInputSchema = z.strictObject({
  version,
  /** The day the action takes effect. */
  on: isoDateSchema,
  reason: z.string().trim().max(500).nullable().default(null),
  /** 发证 / 换发: the (new) certificate number and validity period. */
  number: certNumber.optional(),
  validFrom: isoDateSchema.optional(),
  validTo: isoDateSchema.optional(),
  /** 年审 */
  result: annualReviewResultSchema.optional(),
});
export type CertificateActionInput = z.infer<typeof certificateActionInputSchema>;

export const certificateListQuerySchema = pageQuerySchema.extend({
  kind: certificateKindSchema.optional(),
  status: certificateStatusSchema.optional(),
  orgId: z.uuid().optional(),
  q: z.string().trim().max(50).optional(),
  /** Certificates whose validity ends within this many days. */
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
});
export type CertificateListQuery = z.infer<typeof certificateListQuerySchema>;
export const certificatePageSchema = listResponse(certificateSchema.omit({ events: true }));

// ---------------------------------------------------------------- training, exams, settings

export const trainingCreateSchema = z.strictObject({
  course: z.string().trim().min(2, { message: '请填写课程名称' }).max(100),
  category: trainingCategorySchema,
  hours: z.number().positive({ message: '学时应大于0' }).max(200),
  on: isoDateSchema,
  provider: z.string().trim().max(50).nullable().default(null),
});
export type TrainingCreateInput = z.infer<typeof trainingCreateSchema>;

export const examCreateSchema = z.strictObject({
  examType: examTypeSchema,
  on: isoDateSchema,
  score: z.number().min(0).max(100),
  passed: z.boolean(),
});
export type ExamCreateInput = z.infer<typeof examCreateSchema>;

export const officerSettingsSchema = z.object({
  trainingHoursRequired: z.number().int(),
  version: z.number().int(),
});
export const officerSettingsUpdateSchema = z.strictObject({
  version: z.number().int().min(0),
  trainingHoursRequired: z.number().int().min(1, { message: '年度培训学时要求至少为1' }).max(500),
});

// ---------------------------------------------------------------- public 亮证 check

export const PUBLIC_CERTIFICATE_STATES = {
  valid: '有效',
  suspended: '暂扣',
  expired: '已过期',
  not_yet_valid: '尚未生效',
  invalid: '已失效（注销、吊销或换发）',
} as const;
export type PublicCertificateState = keyof typeof PUBLIC_CERTIFICATE_STATES;

export const publicCertificateParamsSchema = z.object({
  number: z.string().trim().min(4, { message: '请输入完整证号' }).max(40),
});
/** What the public may see of a certificate: nothing more. */
export const publicCertificateSchema = z.object({
  number: z.string(),
  kind: certificateKindSchema,
  holderName: z.string(),
  bodyName: z.string(),
  state: z.enum(keys(PUBLIC_CERTIFICATE_STATES) as [PublicCertificateState, ...PublicCertificateState[]]),
  validFrom: z.string(),
  validTo: z.string(),
});
export type PublicCertificate = z.infer<typeof publicCertificateSchema>;
