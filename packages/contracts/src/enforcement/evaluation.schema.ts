import { z } from 'zod';
import { isoDateSchema } from '../common/schemas';

/*
 * 案卷评查 (DOMAIN.md §4.7; 河南省行政执法条例 第四十条: county-level and higher governments organise the yearly
 * evaluation of enforcement case files). The scoring template is data: items with points, veto items (基本标准 —
 * any hit makes the file 不合格 with score 0), and grade thresholds (LOCAL EXAMPLE — configurable per template).
 */
export const EVALUATION_GRADES = { excellent: '优秀', pass: '合格', fail: '不合格' } as const;
export type EvaluationGrade = keyof typeof EVALUATION_GRADES;
export const evaluationGradeSchema = z.enum(['excellent', 'pass', 'fail']);
export const EVALUATOR_ROLES = { evaluator: '评查人员', legal_adviser: '法律顾问' } as const;

const text = (max: number, label: string) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, { message: `请填写${label}` })
    .max(max, { message: `${label}不能超过${max}字` });

export const evalTemplateItemSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,20}$/, { message: '评查项目代码应为1-20位字母、数字、下划线' }),
  name: text(200, '评查项目名称'),
  category: z.string().trim().max(50).default(''),
  /** Points of a scored item; 0 for a veto item. */
  points: z.number().int().min(0).max(100),
  veto: z.boolean().default(false),
});
export type EvalTemplateItem = z.infer<typeof evalTemplateItemSchema>;

export const evalGradeBandsSchema = z
  .strictObject({ excellent: z.number().min(0).max(100), pass: z.number().min(0).max(100) })
  .refine((b) => b.excellent > b.pass, { message: '优秀分数线应高于合格分数线' });
export type EvalGradeBands = z.infer<typeof evalGradeBandsSchema>;

export const evalTemplateCreateSchema = z
  .strictObject({
    name: text(200, '评查标准名称'),
    items: z.array(evalTemplateItemSchema).min(1).max(200),
    gradeBands: evalGradeBandsSchema,
  })
  .superRefine((t, c) => {
    const codes = new Set<string>();
    for (const i of t.items) {
      if (codes.has(i.code))
        c.addIssue({ code: 'custom', path: ['items'], message: `评查项目代码 ${i.code} 重复` });
      codes.add(i.code);
    }
    const total = t.items.filter((i) => !i.veto).reduce((s, i) => s + i.points, 0);
    if (total !== 100)
      c.addIssue({ code: 'custom', path: ['items'], message: `计分项目满分合计应为100分（现为${total}分）` });
  });
export type EvalTemplateCreate = z.infer<typeof evalTemplateCreateSchema>;
export const evalTemplateSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  name: z.string(),
  items: z.array(evalTemplateItemSchema),
  gradeBands: z.object({ excellent: z.number(), pass: z.number() }),
  createdAt: z.string(),
});
export type EvaluationTemplate = z.infer<typeof evalTemplateSchema>;

/** The typical standard (DOMAIN.md §4.7, LOCAL EXAMPLE): veto items, then 卷面 20 + 内容 80; 优秀 ≥ 90, 合格 ≥ 60. */
export const DEFAULT_EVALUATION_TEMPLATE: EvalTemplateCreate = {
  name: '行政处罚案卷评查标准',
  gradeBands: { excellent: 90, pass: 60 },
  items: [
    { code: 'V1', name: '执法主体不合法或超越职权', category: '否决项', points: 0, veto: true },
    { code: 'V2', name: '执法人员不具备执法资格或少于两人', category: '否决项', points: 0, veto: true },
    { code: 'V3', name: '事实不清、证据不足', category: '否决项', points: 0, veto: true },
    { code: 'V4', name: '定性错误或适用法律错误', category: '否决项', points: 0, veto: true },
    { code: 'V5', name: '违反法定程序', category: '否决项', points: 0, veto: true },
    { code: 'V6', name: '应当移送而未移送', category: '否决项', points: 0, veto: true },
    { code: 'F1', name: '案卷装订、目录、编号规范', category: '卷面', points: 10, veto: false },
    { code: 'F2', name: '文书制作规范、填写完整', category: '卷面', points: 10, veto: false },
    { code: 'C1', name: '立案、调查取证', category: '内容', points: 25, veto: false },
    { code: 'C2', name: '告知、陈述申辩、听证', category: '内容', points: 20, veto: false },
    { code: 'C3', name: '审核、决定（法制审核、集体讨论）', category: '内容', points: 20, veto: false },
    { code: 'C4', name: '送达、执行、结案', category: '内容', points: 15, veto: false },
  ],
};

export function gradeFor(total: number, vetoHit: boolean, bands: EvalGradeBands): EvaluationGrade {
  if (vetoHit) return 'fail';
  if (total >= bands.excellent) return 'excellent';
  if (total >= bands.pass) return 'pass';
  return 'fail';
}

export const evalCaseFileCreateSchema = z.strictObject({
  caseNo: text(100, '案件编号'),
  title: text(300, '案件名称'),
  decidedOn: isoDateSchema,
});
export const evalCaseFileSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  caseNo: z.string(),
  title: z.string(),
  decidedOn: z.string(),
});
export type EvalCaseFile = z.infer<typeof evalCaseFileSchema>;
export const evalCaseFileListSchema = z.object({
  items: z.array(evalCaseFileSchema),
  canCreate: z.boolean(),
});

export const evalEvaluatorSchema = z.strictObject({
  name: text(50, '评查人员姓名'),
  role: z.enum(['evaluator', 'legal_adviser']),
});
export const evalCampaignCreateSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  title: text(200, '评查活动名称'),
  templateId: z.uuid({ message: '请选择评查标准' }),
  scopeOrgIds: z.array(z.uuid()).min(1, { message: '请选择参加评查的执法单位' }).max(500),
  perBody: z.number().int().min(1).max(100),
  evaluators: z.array(evalEvaluatorSchema).min(1, { message: '请填写评查人员（可含法律顾问）' }).max(100),
});
export type EvalCampaignCreate = z.infer<typeof evalCampaignCreateSchema>;
export const evalCampaignDrawSchema = z.strictObject({
  version: z.number().int().min(1),
  seed: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: '随机种子应为1-64位字母或数字' })
    .optional(),
});
export const evalScoreSchema = z.strictObject({
  version: z.number().int().min(1),
  evaluator: text(50, '评查人'),
  scores: z.record(z.string(), z.number().min(0).max(100)),
  vetoHits: z.array(z.string()).max(50).default([]),
  problems: z.array(text(500, '问题描述')).max(100).default([]),
});
export type EvalScoreInput = z.infer<typeof evalScoreSchema>;
export const evalRectificationCreateSchema = z.strictObject({
  fileId: z.uuid(),
  problem: text(500, '问题描述'),
  days: z.number().int().min(1).max(365),
});
export const evalRectificationResponseSchema = z.strictObject({
  version: z.number().int().min(1),
  response: text(5000, '整改情况'),
  evidence: z.array(text(300, '佐证材料')).min(1, { message: '请提供整改佐证材料' }).max(50),
  doneOn: isoDateSchema,
});

export const evalCampaignFileSchema = z.object({
  id: z.uuid(),
  caseFileId: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  caseNo: z.string(),
  title: z.string(),
  evaluator: z.string().nullable(),
  scores: z.record(z.string(), z.number()),
  vetoHits: z.array(z.string()),
  problems: z.array(z.string()),
  total: z.number().nullable(),
  grade: evaluationGradeSchema.nullable(),
  version: z.number().int(),
});
export type EvalCampaignFile = z.infer<typeof evalCampaignFileSchema>;
export const evalRectificationSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  fileId: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  problem: z.string(),
  dueDate: z.string(),
  response: z.string().nullable(),
  evidence: z.array(z.string()),
  doneOn: z.string().nullable(),
  version: z.number().int(),
  actions: z.array(z.string()),
});
export type EvalRectification = z.infer<typeof evalRectificationSchema>;
export const evalCampaignSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  year: z.number().int(),
  title: z.string(),
  templateId: z.uuid(),
  scopeOrgIds: z.array(z.uuid()),
  perBody: z.number().int(),
  evaluators: z.array(z.object({ name: z.string(), role: z.enum(['evaluator', 'legal_adviser']) })),
  seed: z.string().nullable(),
  algorithm: z.string(),
  status: z.enum(['planned', 'drawn']),
  version: z.number().int(),
  createdAt: z.string(),
});
export type EvalCampaign = z.infer<typeof evalCampaignSchema>;
export const evalCampaignListSchema = z.object({
  items: z.array(evalCampaignSchema),
  canCreate: z.boolean(),
});
export const evalCampaignReportSchema = z.object({
  files: z.number().int(),
  scored: z.number().int(),
  excellent: z.number().int(),
  pass: z.number().int(),
  fail: z.number().int(),
  passRate: z.number().nullable(),
  excellentRate: z.number().nullable(),
  problems: z.number().int(),
  rectifications: z.number().int(),
  rectified: z.number().int(),
  byBody: z.array(
    z.object({
      orgId: z.uuid(),
      orgName: z.string(),
      files: z.number().int(),
      pass: z.number().int(),
      problems: z.number().int(),
    }),
  ),
});
export type EvalCampaignReport = z.infer<typeof evalCampaignReportSchema>;
export const evalCampaignDetailSchema = evalCampaignSchema.extend({
  template: evalTemplateSchema,
  files: z.array(evalCampaignFileSchema),
  rectifications: z.array(evalRectificationSchema),
  report: evalCampaignReportSchema,
  actions: z.array(z.string()),
});
export type EvalCampaignDetail = z.infer<typeof evalCampaignDetailSchema>;
export const EVALUATION_SAMPLE_ALGORITHM =
  'per body: its case files decided in the campaign year sorted by (case number, id); partial Fisher–Yates with u_i = first 48 bits of SHA-256("<seed>:<bodyId>:<i>")';
