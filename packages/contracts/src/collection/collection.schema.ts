import { z } from 'zod';
import { abilitiesSchema, isoDateSchema, listResponse, pageQuerySchema } from '../common/schemas';
import {
  collectionSectionNames,
  collectionTargetStatusNames,
  collectionTaskStatusNames,
  type CollectionSection,
  type CollectionTargetStatus,
  type CollectionTaskStatus,
} from './collection.states';

const uuid = z.uuid({ message: '编号格式不正确' });
export const collectionPeriodSchema = z
  .string()
  .trim()
  .regex(/^\d{4}(-(H[12]|Q[1-4]))?$/, { message: '期间应为年度（如 2025）或 2025-H1、2025-Q3' });
const taskStatusSchema = z.enum(
  collectionTaskStatusNames as [CollectionTaskStatus, ...CollectionTaskStatus[]],
);
const targetStatusSchema = z.enum(
  collectionTargetStatusNames as [CollectionTargetStatus, ...CollectionTargetStatus[]],
);
const sectionSchema = z.enum(collectionSectionNames as [CollectionSection, ...CollectionSection[]], {
  message: '情况说明栏目代码不正确',
});
const versionSchema = z.number().int().min(1);

export const collectionTaskCreateSchema = z
  .object({
    title: z.string().trim().min(1, '请填写任务名称').max(200, '任务名称不超过200字'),
    period: collectionPeriodSchema,
    indicatorCodes: z.array(z.string().trim().min(1)).min(1, '请至少选择一项指标').max(500),
    sectionCodes: z.array(sectionSchema).max(20).default([]),
    dueDate: isoDateSchema,
    instructions: z.string().max(5000, '填报说明不超过5000字').default(''),
    /** 'region': all departments and townships of the region; 'list': the organisations in `orgIds`. */
    targetMode: z.enum(['region', 'list']),
    includeGovernments: z.boolean().default(false),
    orgIds: z.array(uuid).max(2000).default([]),
  })
  .refine((v) => v.targetMode === 'region' || v.orgIds.length > 0, {
    message: '请选择填报单位',
    path: ['orgIds'],
  });
export type CollectionTaskCreate = z.infer<typeof collectionTaskCreateSchema>;

export const collectionVersionSchema = z.object({ version: versionSchema });
export const collectionReturnSchema = z.object({
  version: versionSchema,
  reason: z.string().trim().min(2, '请填写退回理由（说明需要更正的内容）').max(2000),
});

export const collectionTaskListQuerySchema = pageQuerySchema.extend({
  period: z.string().optional(),
  status: taskStatusSchema.optional(),
  q: z.string().max(100).optional(),
});
export type CollectionTaskListQuery = z.infer<typeof collectionTaskListQuerySchema>;

const progressSchema = z.object({
  total: z.number().int(),
  pending: z.number().int(),
  submitted: z.number().int(),
  signed: z.number().int(),
  accepted: z.number().int(),
  returned: z.number().int(),
  overdue: z.number().int(),
});

export const collectionTaskSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  period: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  regionCode: z.string(),
  dueDate: z.string(),
  status: taskStatusSchema,
  indicatorCount: z.number().int(),
  progress: progressSchema,
  version: z.number().int(),
  createdAt: z.string(),
});
export type CollectionTaskSummary = z.infer<typeof collectionTaskSummarySchema>;
export const collectionTaskPageSchema = listResponse(collectionTaskSummarySchema);

export const collectionTargetRowSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  orgType: z.string(),
  status: targetStatusSchema,
  overdue: z.boolean(),
  filledCount: z.number().int(),
  submittedAt: z.string().nullable(),
  signedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  version: z.number().int(),
  actions: abilitiesSchema,
});
export type CollectionTargetRow = z.infer<typeof collectionTargetRowSchema>;

const figureSchema = z.object({
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
});

export const collectionRollupRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  rollup: z.string(),
  /** Sum (or rate recomputed from summed parts) over the accepted targets. */
  collected: figureSchema,
  acceptedCount: z.number().int(),
  display: z.string(),
  /** The region's computed value, where a module computes the indicator. */
  computed: figureSchema.nullable(),
  differs: z.boolean(),
});
export type CollectionRollupRow = z.infer<typeof collectionRollupRowSchema>;

export const collectionTaskSchema = collectionTaskSummarySchema.extend({
  indicatorCodes: z.array(z.string()),
  indicators: z.array(z.object({ code: z.string(), name: z.string(), unit: z.string() })),
  sectionCodes: z.array(z.string()),
  instructions: z.string(),
  targets: z.array(collectionTargetRowSchema),
  rollup: z.array(collectionRollupRowSchema),
  actions: abilitiesSchema,
});
export type CollectionTask = z.infer<typeof collectionTaskSchema>;

export const collectionMyTargetsQuerySchema = pageQuerySchema.extend({
  status: targetStatusSchema.optional(),
  period: z.string().optional(),
});
export const collectionMyTargetSchema = collectionTargetRowSchema.extend({
  taskTitle: z.string(),
  period: z.string(),
  dueDate: z.string(),
  taskStatus: taskStatusSchema,
});
export type CollectionMyTarget = z.infer<typeof collectionMyTargetSchema>;
export const collectionMyTargetPageSchema = listResponse(collectionMyTargetSchema);

export const collectionEvidenceSchema = z.object({
  fileId: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  mimeType: z.string(),
});
export type CollectionEvidence = z.infer<typeof collectionEvidenceSchema>;

export const collectionValueViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  definition: z.string(),
  isRate: z.boolean(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  note: z.string(),
  evidence: z.array(collectionEvidenceSchema),
  /** Pre-filled or stored from a value this organisation already reported for the period (最多报一次). */
  reused: z.boolean(),
  computed: figureSchema.nullable(),
  /** A computed value exists and differs from the filled one. */
  differs: z.boolean(),
});
export type CollectionValueView = z.infer<typeof collectionValueViewSchema>;

export const collectionTargetSchema = collectionMyTargetSchema.extend({
  instructions: z.string(),
  orgUscc: z.string().nullable(),
  values: z.array(collectionValueViewSchema),
  sections: z.array(z.object({ code: z.string(), title: z.string(), text: z.string() })),
});
export type CollectionTarget = z.infer<typeof collectionTargetSchema>;

const amount = z.number({ message: '请填写数字' }).finite().min(0, '数值不能为负数').nullable();
export const collectionSaveSchema = z.object({
  version: versionSchema,
  values: z
    .array(
      z.object({
        code: z.string().min(1),
        value: amount.default(null),
        numerator: amount.default(null),
        denominator: amount.default(null),
        note: z.string().max(2000, '说明不超过2000字').default(''),
      }),
    )
    .max(500)
    .default([]),
  narratives: z
    .array(z.object({ code: sectionSchema, text: z.string().max(20000, '情况说明不超过20000字') }))
    .max(20)
    .default([]),
});
export type CollectionSave = z.infer<typeof collectionSaveSchema>;
