import { z } from 'zod';
import { isoDateSchema, listResponse, pageQuerySchema } from '../common/schemas';
import {
  INSPECTION_CATEGORIES,
  INSPECTION_METHODS,
  INSPECTION_PLAN_KINDS,
  INSPECTION_PLAN_STATUSES,
  INSPECTION_RESULTS,
} from './inspections.states';

/** 涉企行政检查 (DOMAIN.md §4.5): enterprises, item lists, plans, 双随机 draws, inspections, yearly cap. */
const keys = <T extends Record<string, string>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `请填写${what}` })
    .max(max, { message: `${what}不能超过${max}字` });

const orgRef = z.object({ id: z.uuid(), name: z.string() });

/** 统一社会信用代码 (GB 32100): upper-cased; the check characters are verified by the server (400 INVALID_USCC). */
export const usccInputSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase());

// ── Enterprises ────────────────────────────────────────────────────────────
export const enterpriseSchema = z.object({
  id: z.uuid(),
  uscc: z.string(),
  name: z.string(),
  regionCode: z.string(),
  industry: z.string().nullable(),
  riskGrade: z.string().nullable(),
  version: z.number().int(),
});
export type Enterprise = z.infer<typeof enterpriseSchema>;
export const enterpriseInputSchema = z.object({
  uscc: usccInputSchema,
  name: text(200, '企业名称'),
  regionCode: z.string().trim().min(1).max(12).optional(),
  industry: z.string().trim().max(60).nullish(),
  riskGrade: z.enum(['high', 'medium_high', 'medium', 'low']).nullish(),
});
export const enterpriseUpdateSchema = enterpriseInputSchema
  .omit({ uscc: true })
  .extend({ version: z.number().int() });
export const enterpriseListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  regionCode: z.string().max(12).optional(),
});
export const enterprisePageSchema = listResponse(enterpriseSchema);

// ── Inspection items (检查事项清单) ──────────────────────────────────────────
export const inspectionItemSchema = z.object({
  id: z.uuid(),
  org: orgRef,
  regionCode: z.string(),
  code: z.string(),
  name: z.string(),
  legalBasis: z.string(),
  object: z.string(),
  method: z.enum(keys(INSPECTION_METHODS)),
  category: z.enum(keys(INSPECTION_CATEGORIES)),
  frequency: z.string(),
  published: z.boolean(),
  publishedOn: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  listVersion: z.number().int(),
  version: z.number().int(),
  actions: z.array(z.string()),
});
export type InspectionItem = z.infer<typeof inspectionItemSchema>;
export const inspectionItemInputSchema = z.object({
  code: text(40, '事项编码'),
  name: text(200, '检查事项名称'),
  legalBasis: text(2000, '检查依据（法律、法规、规章或国务院决定等）'),
  object: text(200, '检查对象'),
  method: z.enum(keys(INSPECTION_METHODS)),
  category: z.enum(keys(INSPECTION_CATEGORIES)),
  frequency: text(200, '检查频次'),
});
export const inspectionItemUpdateSchema = inspectionItemInputSchema.extend({ version: z.number().int() });
export const versionBodySchema = z.object({ version: z.number().int() });
export const inspectionItemListQuerySchema = pageQuerySchema.extend({
  orgId: z.uuid().optional(),
  published: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
});
export const inspectionItemPageSchema = listResponse(inspectionItemSchema);
export const publicInspectionItemSchema = inspectionItemSchema.omit({
  actions: true,
  version: true,
  withdrawnOn: true,
});
export const publicInspectionItemQuerySchema = pageQuerySchema.extend({
  orgId: z.uuid().optional(),
  regionCode: z.string().max(12).optional(),
  q: z.string().trim().max(100).optional(),
});
export const publicInspectionItemPageSchema = listResponse(publicInspectionItemSchema);

// ── Plans (检查计划 and 备案/批准) ─────────────────────────────────────────
export const inspectionPlanSchema = z.object({
  id: z.uuid(),
  org: orgRef,
  regionCode: z.string(),
  year: z.number().int(),
  kind: z.enum(keys(INSPECTION_PLAN_KINDS)),
  title: z.string(),
  itemIds: z.array(z.uuid()),
  status: z.enum(keys(INSPECTION_PLAN_STATUSES)),
  submittedOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  decisionNote: z.string().nullable(),
  version: z.number().int(),
  actions: z.array(z.string()),
});
export type InspectionPlan = z.infer<typeof inspectionPlanSchema>;
export const inspectionPlanInputSchema = z.object({
  year: z.number().int().min(2000).max(2199),
  kind: z.enum(keys(INSPECTION_PLAN_KINDS)),
  title: text(200, '计划名称'),
  itemIds: z.array(z.uuid()).min(1, { message: '检查计划至少包含一个检查事项' }).max(500),
});
export const inspectionPlanActionSchema = z.object({
  version: z.number().int(),
  date: isoDateSchema.optional(),
  note: z.string().trim().max(1000).optional(),
});
export const inspectionPlanListQuerySchema = pageQuerySchema.extend({
  orgId: z.uuid().optional(),
  year: z.coerce.number().int().optional(),
  status: z.enum(keys(INSPECTION_PLAN_STATUSES)).optional(),
});
export const inspectionPlanPageSchema = listResponse(inspectionPlanSchema);

// ── 双随机 draws ─────────────────────────────────────────────────────────────
/**
 * The draw algorithm, recorded on every draw: the pool is sorted ascending (enterprises by 统一社会信用代码,
 * inspectors by certificate-holder id); for i = 0 … k−1, u_i = the first 6 bytes (big-endian) of
 * SHA-256(UTF-8 "<seed>:<label>:<i>"), j = i + (u_i mod (n − i)), swap a[i] and a[j]; the draw is a[0…k−1].
 * The same algorithm as the 发文目录 sample (normdocs), with the pool label in the hashed text.
 */
export const DRAW_ALGORITHM = 'sha256-ctr48/partial-fisher-yates/labelled/v1';
export const DRAW_ALGORITHM_DESCRIPTION =
  '将抽取库按统一社会信用代码（执法人员按人员编号）升序排列为数组 a（共 n 个）；对 i = 0…k−1：取 SHA-256(“种子:标签:i”，UTF-8，' +
  '标签为 enterprises 或 inspectors) 的前 6 字节作为 48 位无符号整数 u，j = i + (u mod (n − i))，交换 a[i] 与 a[j]；' +
  'a 的前 k 项即为抽取结果。抽取库快照的 SHA-256（各代码以换行连接）一并公布，同一种子、同一抽取库必得同一结果。';

export const drawCriteriaSchema = z.object({
  regionCode: z.string().max(12).optional(),
  industry: z.string().max(60).optional(),
  riskGrade: z.enum(['high', 'medium_high', 'medium', 'low']).optional(),
});
export const drawInputSchema = z.object({
  title: text(200, '抽取名称'),
  planId: z.uuid().nullish(),
  itemId: z.uuid().nullish(),
  /** Enterprise pool: by criteria, or an uploaded list of 统一社会信用代码. */
  criteria: drawCriteriaSchema.optional(),
  usccList: z.array(z.string().trim().max(18)).max(300000).optional(),
  enterpriseCount: z.number().int().min(1).max(100000),
  /** Inspector pool: officer ids of the body (default: every officer of the body). */
  inspectorIds: z.array(z.uuid()).max(10000).optional(),
  inspectorCount: z.number().int().min(0).max(1000).default(0),
  seed: z.string().trim().min(1).max(64).optional(),
});
export type DrawInput = z.infer<typeof drawInputSchema>;
export const drawEnterpriseSchema = z.object({ uscc: z.string(), name: z.string() });
export const drawSchema = z.object({
  id: z.uuid(),
  org: orgRef,
  regionCode: z.string(),
  title: z.string(),
  planId: z.uuid().nullable(),
  itemId: z.uuid().nullable(),
  seed: z.string(),
  algorithm: z.string(),
  algorithmDescription: z.string(),
  enterprisePoolHash: z.string(),
  enterprisePoolSize: z.number().int(),
  enterpriseCount: z.number().int(),
  inspectorPoolHash: z.string().nullable(),
  inspectorPoolSize: z.number().int(),
  inspectorCount: z.number().int(),
  enterprises: z.array(drawEnterpriseSchema),
  inspectorIds: z.array(z.string()),
  drawnAt: z.string(),
  publishedOn: z.string().nullable(),
  version: z.number().int(),
  actions: z.array(z.string()),
});
export type Draw = z.infer<typeof drawSchema>;
export const drawListQuerySchema = pageQuerySchema.extend({ orgId: z.uuid().optional() });
export const drawSummarySchema = drawSchema.omit({ enterprises: true, inspectorIds: true });
export const drawPageSchema = listResponse(drawSummarySchema);
export const drawVerifyInputSchema = z.object({ seed: z.string().trim().min(1).max(64).optional() });
export const drawVerifyResultSchema = z.object({
  seed: z.string(),
  algorithm: z.string(),
  enterpriseUsccs: z.array(z.string()),
  inspectorIds: z.array(z.string()),
  /** The stored pool snapshot still hashes to the recorded hash. */
  snapshotIntact: z.boolean(),
  /** The re-run equals the recorded result. */
  matchesRecorded: z.boolean(),
});
export const publicDrawSchema = drawSchema.omit({
  actions: true,
  version: true,
  inspectorIds: true,
  planId: true,
});
export const publicDrawSummarySchema = publicDrawSchema.omit({ enterprises: true });
export const publicDrawPageSchema = listResponse(publicDrawSummarySchema);
export const publicDrawListQuerySchema = pageQuerySchema.extend({
  regionCode: z.string().max(12).optional(),
});

// ── Inspections ─────────────────────────────────────────────────────────────
export const inspectionInputSchema = z.object({
  itemId: z.uuid(),
  planId: z.uuid().nullish(),
  drawId: z.uuid().nullish(),
  inspectedOn: isoDateSchema,
  onsite: z.boolean().default(true),
  enterpriseIds: z.array(z.uuid()).min(1, { message: '请选择被检查企业' }).max(200),
  officerIds: z.array(z.uuid()).min(1, { message: '请选择执法人员' }).max(50),
  /** 综合查一次: the partner bodies' items (each must be on that body's published list). */
  jointItemIds: z.array(z.uuid()).max(20).default([]),
  result: z.enum(keys(INSPECTION_RESULTS)),
  findings: z.string().trim().max(4000).default(''),
  overrideReason: z.string().trim().max(500).nullish(),
});
export type InspectionInput = z.infer<typeof inspectionInputSchema>;
export const inspectionOfficerSchema = z.object({
  officerId: z.string(),
  certificateId: z.string(),
  certificateNumber: z.string(),
});
export const inspectionSchema = z.object({
  id: z.uuid(),
  org: orgRef,
  regionCode: z.string(),
  item: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  planId: z.uuid().nullable(),
  drawId: z.uuid().nullable(),
  inspectedOn: z.string(),
  year: z.number().int(),
  onsite: z.boolean(),
  joint: z.boolean(),
  bodies: z.array(orgRef),
  enterprises: z.array(z.object({ id: z.uuid(), uscc: z.string(), name: z.string() })),
  officers: z.array(inspectionOfficerSchema),
  result: z.enum(keys(INSPECTION_RESULTS)),
  findings: z.string(),
  overrideReason: z.string().nullable(),
  createdAt: z.string(),
});
export type Inspection = z.infer<typeof inspectionSchema>;
export const inspectionListQuerySchema = pageQuerySchema.extend({
  orgId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  year: z.coerce.number().int().optional(),
});
export const inspectionPageSchema = listResponse(inspectionSchema);
export const capCheckQuerySchema = z.object({
  enterpriseId: z.uuid(),
  bodyId: z.uuid(),
  date: isoDateSchema,
});
export const capCheckSchema = z.object({
  enterpriseId: z.uuid(),
  bodyId: z.uuid(),
  year: z.number().int(),
  count: z.number().int(),
  cap: z.number().int(),
  /** True when one more inspection would exceed the cap (an override reason is then required). */
  wouldExceed: z.boolean(),
  warning: z.string().nullable(),
  /** Inspections of the enterprise that year by all bodies, a joint inspection counted once. */
  enterpriseTotal: z.number().int(),
});
export type CapCheck = z.infer<typeof capCheckSchema>;

// ── Settings ─────────────────────────────────────────────────────────────────
/**
 * The yearly cap: 国办发〔2024〕54号 asks each department to publish "the annual upper limit of inspections of
 * the same enterprise by the same organ" (DOMAIN.md §4.5) but sets no national number — a setting per region.
 */
export const INSPECTION_DEFAULT_SETTINGS = { yearlyCap: 2, planRequired: false } as const;
export const inspectionSettingsSchema = z.object({
  regionCode: z.string(),
  sourceRegionCode: z.string().nullable(),
  yearlyCap: z.number().int(),
  planRequired: z.boolean(),
  version: z.number().int(),
});
export const inspectionSettingsQuerySchema = z.object({ regionCode: z.string().max(12).optional() });
export const inspectionSettingsUpdateSchema = z.object({
  regionCode: z.string().min(1).max(12),
  yearlyCap: z.number().int().min(1).max(100),
  planRequired: z.boolean(),
  version: z.number().int(),
});
