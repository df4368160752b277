import { z } from 'zod';
import { dueDateUnitSchema } from '../calendar/calendar.schema';
import { isoDateSchema, listResponse, pageQuerySchema } from '../common/schemas';
import {
  ACCOUNTABILITY_MEASURES,
  SUPERVISION_CHECK_KINDS,
  SUPERVISION_NOTICE_KINDS,
  SUPERVISION_NOTICE_STATUSES,
  SUPERVISION_PROBLEM_SOURCES,
  SUPERVISION_PROBLEM_STATUSES,
} from './supervision.states';

const keys = <T extends Record<string, string>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const text = (label: string, max: number) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, { message: `请填写${label}` })
    .max(max, { message: `${label}不能超过${max}字` });
const version = z.number().int().min(1);
const orgRef = z.object({ id: z.uuid(), name: z.string() });

export const supervisionCheckKindSchema = z.enum(keys(SUPERVISION_CHECK_KINDS), {
  message: '检查类型应为日常检查、专项检查或伴随式监督',
});
export const supervisionProblemSourceSchema = z.enum(keys(SUPERVISION_PROBLEM_SOURCES), {
  message: '来源不正确',
});
export const supervisionProblemStatusSchema = z.enum(keys(SUPERVISION_PROBLEM_STATUSES), {
  message: '状态不正确',
});
export const supervisionNoticeKindSchema = z.enum(keys(SUPERVISION_NOTICE_KINDS), {
  message: '文书类型应为监督意见书或监督决定书',
});
export const supervisionNoticeStatusSchema = z.enum(keys(SUPERVISION_NOTICE_STATUSES));
export const accountabilityMeasureSchema = z.enum(keys(ACCOUNTABILITY_MEASURES), {
  message: '追责方式不正确',
});

// ── checks ──
export const supervisionCheckSchema = z.object({
  id: z.uuid(),
  org: orgRef,
  regionCode: z.string(),
  kind: supervisionCheckKindSchema,
  title: z.string(),
  targets: z.array(orgRef),
  periodFrom: z.string(),
  periodTo: z.string(),
  findings: z.string(),
  version: z.number().int(),
});
export type SupervisionCheck = z.infer<typeof supervisionCheckSchema>;
export const supervisionCheckCreateSchema = z
  .strictObject({
    kind: supervisionCheckKindSchema,
    title: text('检查名称', 200),
    targetOrgIds: z
      .array(z.uuid({ message: '被检查单位编号格式不正确' }))
      .min(1, { message: '请选择被检查单位' })
      .max(500),
    periodFrom: isoDateSchema,
    periodTo: isoDateSchema,
    findings: z.string().trim().max(5000, { message: '检查发现不能超过5000字' }).default(''),
  })
  .refine((v) => v.periodFrom <= v.periodTo, { message: '检查结束日期不能早于开始日期', path: ['periodTo'] });
export type SupervisionCheckCreateInput = z.infer<typeof supervisionCheckCreateSchema>;
export const supervisionCheckListQuerySchema = pageQuerySchema.extend({
  kind: supervisionCheckKindSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const supervisionCheckPageSchema = listResponse(supervisionCheckSchema);

// ── clues / problems / complaints ──
export const supervisionProblemSchema = z.object({
  id: z.uuid(),
  org: orgRef,
  regionCode: z.string(),
  checkId: z.uuid().nullable(),
  source: supervisionProblemSourceSchema,
  isClue: z.boolean(),
  description: z.string(),
  complainant: z.string(),
  receivedOn: z.string(),
  status: supervisionProblemStatusSchema,
  assignee: z.string(),
  reply: z.string(),
  repliedOn: z.string().nullable(),
  version: z.number().int(),
  actions: z.array(supervisionProblemStatusSchema),
});
export type SupervisionProblem = z.infer<typeof supervisionProblemSchema>;
export const supervisionProblemCreateSchema = z.strictObject({
  orgId: z.uuid({ message: '请选择涉及的执法主体' }),
  checkId: z.uuid().optional(),
  source: supervisionProblemSourceSchema,
  isClue: z.boolean().default(false),
  description: text('问题描述', 5000),
  complainant: z.string().trim().max(100).default(''),
  receivedOn: isoDateSchema,
});
export type SupervisionProblemCreateInput = z.infer<typeof supervisionProblemCreateSchema>;
export const supervisionProblemHandleSchema = z.strictObject({
  version,
  status: supervisionProblemStatusSchema,
  assignee: z.string().trim().max(100).optional(),
  reply: z.string().trim().max(5000, { message: '答复不能超过5000字' }).optional(),
  /** The day the new status took effect (查实/整改/答复), default today; never in the future. */
  on: isoDateSchema.optional(),
});
export type SupervisionProblemHandleInput = z.infer<typeof supervisionProblemHandleSchema>;
export const supervisionProblemListQuerySchema = pageQuerySchema.extend({
  source: supervisionProblemSourceSchema.optional(),
  status: supervisionProblemStatusSchema.optional(),
  orgId: z.uuid().optional(),
});
export const supervisionProblemPageSchema = listResponse(supervisionProblemSchema);

// ── notices (意见书 / 决定书) ──
export const supervisionNoticeItemSchema = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  content: z.string(),
  response: z.string(),
  respondedOn: z.string().nullable(),
  evidenceFileIds: z.array(z.uuid()),
});
export const supervisionNoticeEventSchema = z.object({
  at: z.string(),
  action: z.string(),
  by: z.string(),
  note: z.string(),
});
export const supervisionNoticeSchema = z.object({
  id: z.uuid(),
  kind: supervisionNoticeKindSchema,
  number: z.string(),
  issuer: orgRef,
  org: orgRef,
  regionCode: z.string(),
  title: z.string(),
  facts: z.string(),
  issuedOn: z.string(),
  deadlineAmount: z.number().int(),
  deadlineUnit: dueDateUnitSchema,
  dueDate: z.string(),
  /** The due date after recorded extensions (= dueDate when none). */
  effectiveDue: z.string(),
  respondedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  status: supervisionNoticeStatusSchema,
  parentId: z.uuid().nullable(),
  escalatedTo: z.enum(['decision', 'government']).nullable(),
  itemCount: z.number().int(),
  items: z.array(supervisionNoticeItemSchema),
  timeline: z.array(supervisionNoticeEventSchema),
  version: z.number().int(),
  actions: z.array(z.string()),
});
export type SupervisionNotice = z.infer<typeof supervisionNoticeSchema>;
export const supervisionNoticeCreateSchema = z.strictObject({
  kind: supervisionNoticeKindSchema,
  orgId: z.uuid({ message: '请选择被监督的执法主体' }),
  title: text('文书标题', 200),
  facts: text('认定的事实和问题', 10000),
  items: z
    .array(text('整改意见', 2000))
    .min(1, { message: '至少填写一条整改意见' })
    .max(200, { message: '整改意见不能超过200条' }),
  issuedOn: isoDateSchema.optional(),
  /** The response period; default from the setting (15 working days). */
  deadlineAmount: z.number().int().min(1, { message: '反馈期限至少1日' }).max(365).optional(),
  deadlineUnit: dueDateUnitSchema.optional(),
});
export type SupervisionNoticeCreateInput = z.infer<typeof supervisionNoticeCreateSchema>;
export const supervisionNoticeRespondSchema = z.strictObject({
  version,
  items: z
    .array(
      z.strictObject({
        itemId: z.uuid(),
        response: text('整改情况', 5000),
        evidenceFileIds: z.array(z.uuid()).max(20).default([]),
      }),
    )
    .min(1, { message: '请至少反馈一条整改意见' }),
});
export type SupervisionNoticeRespondInput = z.infer<typeof supervisionNoticeRespondSchema>;
export const supervisionNoticeExtendSchema = z.strictObject({
  version,
  newDue: isoDateSchema,
  reason: text('延期理由', 1000),
});
export type SupervisionNoticeExtendInput = z.infer<typeof supervisionNoticeExtendSchema>;
export const supervisionNoticeCloseSchema = z.strictObject({
  version,
  note: z.string().trim().max(2000).default(''),
});
export const supervisionNoticeEscalateSchema = z.strictObject({
  version,
  to: z.enum(['decision', 'government'], { message: '升级方式应为下达决定书或报告本级政府' }),
  reason: text('升级理由', 2000),
});
export type SupervisionNoticeEscalateInput = z.infer<typeof supervisionNoticeEscalateSchema>;
export const supervisionNoticeListQuerySchema = pageQuerySchema.extend({
  kind: supervisionNoticeKindSchema.optional(),
  status: supervisionNoticeStatusSchema.optional(),
  orgId: z.uuid().optional(),
});
export const supervisionNoticePageSchema = listResponse(supervisionNoticeSchema);

// ── 约谈 / 追责 ──
export const supervisionInterviewSchema = z.object({
  id: z.uuid(),
  org: orgRef,
  regionCode: z.string(),
  noticeId: z.uuid().nullable(),
  heldOn: z.string(),
  persons: z.string(),
  reason: z.string(),
  content: z.string(),
});
export const supervisionInterviewCreateSchema = z.strictObject({
  orgId: z.uuid({ message: '请选择被约谈单位' }),
  noticeId: z.uuid().optional(),
  heldOn: isoDateSchema,
  persons: text('被约谈人员', 500),
  reason: text('约谈事由', 2000),
  content: z.string().trim().max(10000).default(''),
});
export type SupervisionInterviewCreateInput = z.infer<typeof supervisionInterviewCreateSchema>;
export const supervisionInterviewPageSchema = listResponse(supervisionInterviewSchema);

export const supervisionAccountabilitySchema = z.object({
  id: z.uuid(),
  org: orgRef,
  regionCode: z.string(),
  noticeId: z.uuid().nullable(),
  person: z.string(),
  measure: accountabilityMeasureSchema,
  authority: z.string(),
  decidedOn: z.string(),
  reason: z.string(),
});
export const supervisionAccountabilityCreateSchema = z.strictObject({
  orgId: z.uuid({ message: '请选择被追责人员所在单位' }),
  noticeId: z.uuid().optional(),
  person: text('被追责人员', 100),
  measure: accountabilityMeasureSchema,
  authority: text('决定机关', 200),
  decidedOn: isoDateSchema,
  reason: text('追责事由', 2000),
});
export type SupervisionAccountabilityCreateInput = z.infer<typeof supervisionAccountabilityCreateSchema>;
export const supervisionAccountabilityPageSchema = listResponse(supervisionAccountabilitySchema);
export const supervisionRecordListQuerySchema = pageQuerySchema.extend({ orgId: z.uuid().optional() });
