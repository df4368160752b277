import { z } from 'zod';
import { isoDateSchema } from '../common/schemas';

/*
 * The figures of the enforcement module (DOMAIN.md §4.10 and the figures of §4.2, §4.5–§4.9) as data: code,
 * name, unit, family (one SQL statement on the server), the records the drill-down lists, and the 口径
 * (definition) with its version. Every rate keeps numerator and denominator (DOMAIN.md §14 rule 10): a region's
 * rate is Σ numerators ÷ Σ denominators of its subtree, never an average of its children's rates.
 */
export type EnforcementFigureUnit =
  '件' | '张' | '人' | '次' | '项' | '条' | '份' | '本' | '个' | '%' | '次/家' | '万元';
export type EnforcementFigureRecordKind =
  | 'certificate'
  | 'officer'
  | 'inspection'
  | 'enterprise'
  | 'evaluation_file'
  | 'rectification'
  | 'supervision_notice'
  | 'supervision_problem'
  | 'supervision_interview'
  | 'supervision_accountability'
  | 'lenient_item'
  | 'lenient_case'
  | 'delegated_power';

export type EnforcementFigureDefinition = {
  code: string;
  name: string;
  unit: EnforcementFigureUnit;
  family: string;
  recordKind: EnforcementFigureRecordKind;
  /** 'count' (a number of records or a sum), 'rate' (percent of numerator ÷ denominator), 'ratio' (plain ÷). */
  shape: 'count' | 'rate' | 'ratio';
  definition: string;
  version: string;
};

const d = (
  code: string,
  name: string,
  unit: EnforcementFigureUnit,
  family: string,
  recordKind: EnforcementFigureRecordKind,
  shape: EnforcementFigureDefinition['shape'],
  definition: string,
  version = '2026.1',
): EnforcementFigureDefinition => ({ code, name, unit, family, recordKind, shape, definition, version });

const HELD = '发证日期不晚于期末、有效期覆盖期末、期末前未注销/吊销/换发且期末未被暂扣';

export const ENFORCEMENT_FIGURE_DEFINITIONS: readonly EnforcementFigureDefinition[] = [
  // 证件 (DOMAIN.md §4.2, §4.10)
  d(
    'cert_issued_enforcement',
    '新申领行政执法证',
    '张',
    'certificates',
    'certificate',
    'count',
    '统计期内发证日期落在期间内的行政执法证张数（不含换发）；按持证人所在执法主体的区划统计。',
  ),
  d(
    'cert_issued_supervision',
    '新申领行政执法监督证',
    '张',
    'certificates',
    'certificate',
    'count',
    '统计期内发证日期落在期间内的行政执法监督证张数（不含换发）。',
  ),
  d(
    'cert_renewed',
    '换发证件',
    '张',
    'certificates',
    'certificate',
    'count',
    '统计期内换发（到期换新）的证件张数：发证日期在期间内、替换了此前证件的新证。',
  ),
  d(
    'cert_cancelled',
    '注销证件',
    '张',
    'certificates',
    'certificate',
    'count',
    '统计期内注销（调离、退休、不再从事执法等）的证件张数，按注销生效日期统计。',
  ),
  d(
    'cert_revoked',
    '吊销（取消执法资格）证件',
    '张',
    'certificates',
    'certificate',
    'count',
    '统计期内吊销/收缴的证件张数（河南省行政执法条例 第四十五条、第四十七条）。',
  ),
  d(
    'cert_held_enforcement',
    '持行政执法证人数',
    '人',
    'certificates',
    'certificate',
    'count',
    `期末有效的行政执法证张数（${HELD}）；一人一证。`,
  ),
  d(
    'cert_held_supervision',
    '持行政执法监督证人数',
    '人',
    'certificates',
    'certificate',
    'count',
    `期末有效的行政执法监督证张数（${HELD}）。`,
  ),
  // 培训 (DOMAIN.md §4.2: ≥60 学时/年, setting)
  d(
    'training_completion_rate',
    '培训达标率',
    '%',
    'training',
    'officer',
    'rate',
    '期末持有效行政执法证的在岗执法人员中，统计期内培训学时合计达到年度要求（默认60学时，可设置）的人数 ÷ 期末持证在岗执法人员数。',
  ),
  // 涉企行政检查 (DOMAIN.md §4.5)
  d(
    'inspections_total',
    '涉企行政检查次数',
    '次',
    'inspections',
    'inspection',
    'count',
    '统计期内实施的涉企行政检查次数；“综合查一次”联合检查计一次（按牵头主体的区划统计）。',
  ),
  d(
    'inspections_joint_rate',
    '联合检查率',
    '%',
    'inspections',
    'inspection',
    'rate',
    '联合检查（综合查一次）次数 ÷ 涉企行政检查次数。',
  ),
  d(
    'inspections_offsite_rate',
    '非现场检查率',
    '%',
    'inspections',
    'inspection',
    'rate',
    '非现场检查次数 ÷ 涉企行政检查次数。',
  ),
  d(
    'inspections_prev_year',
    '上年同期检查次数',
    '次',
    'inspections',
    'inspection',
    'count',
    '统计期前推一年的同期涉企行政检查次数。',
  ),
  d(
    'inspections_yoy_change',
    '检查次数同比变化',
    '%',
    'inspections',
    'inspection',
    'rate',
    '（本期检查次数 − 上年同期检查次数）÷ 上年同期检查次数；负数表示下降。分子为差值，分母为上年同期次数。',
  ),
  d(
    'inspections_per_enterprise',
    '户均检查次数',
    '次/家',
    'inspection_subjects',
    'enterprise',
    'ratio',
    '统计期内被检查企业的检查次数合计 ÷ 被检查企业户数（每户每次检查计一次，联合检查只计一次）。',
  ),
  // 案卷评查 (DOMAIN.md §4.7)
  d(
    'files_evaluated',
    '评查案卷数',
    '本',
    'evaluation_files',
    'evaluation_file',
    'count',
    '评查年度在统计期内的评查活动中已评分的案卷本数。',
  ),
  d(
    'files_pass_rate',
    '案卷合格率',
    '%',
    'evaluation_files',
    'evaluation_file',
    'rate',
    '评定为优秀或合格的案卷数 ÷ 已评分案卷数（否决项命中即不合格）。',
  ),
  d(
    'files_excellent_rate',
    '案卷优秀率',
    '%',
    'evaluation_files',
    'evaluation_file',
    'rate',
    '评定为优秀的案卷数 ÷ 已评分案卷数。',
  ),
  d(
    'evaluation_problems_found',
    '评查发现问题数',
    '个',
    'evaluation_rectifications',
    'rectification',
    'count',
    '评查年度在统计期内的评查活动登记的整改事项数。',
  ),
  d(
    'evaluation_problems_rectified',
    '评查问题整改数',
    '个',
    'evaluation_rectifications',
    'rectification',
    'count',
    '上述整改事项中期末前已整改完成的个数。',
  ),
  d(
    'evaluation_rectification_rate',
    '评查问题整改率',
    '%',
    'evaluation_rectifications',
    'rectification',
    'rate',
    '已整改完成的整改事项数 ÷ 整改事项数。',
  ),
  // 执法监督 (DOMAIN.md §4.8)
  d(
    'supervision_opinions',
    '行政执法监督意见书',
    '份',
    'supervision_notices',
    'supervision_notice',
    'count',
    '统计期内下达的行政执法监督意见书份数（按被监督主体的区划统计）。',
  ),
  d(
    'supervision_opinion_items',
    '监督意见书整改意见条数',
    '条',
    'supervision_notices',
    'supervision_notice',
    'count',
    '统计期内下达的监督意见书所列整改意见的条数合计。',
  ),
  d(
    'supervision_decisions',
    '行政执法监督决定书',
    '份',
    'supervision_notices',
    'supervision_notice',
    'count',
    '统计期内下达的行政执法监督决定书份数。',
  ),
  d(
    'supervision_notices_closed',
    '监督文书办结数',
    '份',
    'supervision_notices',
    'supervision_notice',
    'count',
    '统计期内下达、期末前已确认整改办结的监督文书份数。',
  ),
  d(
    'supervision_clues',
    '执法监督问题线索',
    '条',
    'supervision_problems',
    'supervision_problem',
    'count',
    '统计期内收到的问题线索条数（含投诉举报，按收到日期）。',
  ),
  d(
    'supervision_complaints',
    '执法投诉举报',
    '件',
    'supervision_problems',
    'supervision_problem',
    'count',
    '统计期内收到的针对行政执法的投诉举报件数。',
  ),
  d(
    'supervision_problems_found',
    '执法监督发现问题',
    '个',
    'supervision_problems',
    'supervision_problem',
    'count',
    '统计期内登记的问题中经查实的个数（直接登记为问题且未认定不属实的，或线索经核查属实的）。',
  ),
  d(
    'supervision_problems_rectified',
    '执法监督问题整改',
    '个',
    'supervision_problems',
    'supervision_problem',
    'count',
    '上述问题中已整改的个数。',
  ),
  d(
    'supervision_rectification_rate',
    '执法监督问题整改率',
    '%',
    'supervision_problems',
    'supervision_problem',
    'rate',
    '已整改问题数 ÷ 查实问题数。',
  ),
  d(
    'supervision_interviews',
    '约谈',
    '次',
    'supervision_interviews',
    'supervision_interview',
    'count',
    '统计期内开展的约谈次数（按约谈日期）。',
  ),
  d(
    'supervision_accountability',
    '追责人数',
    '人',
    'supervision_accountability',
    'supervision_accountability',
    'count',
    '统计期内作出追责决定的人次（按决定日期；一人一项措施计一人次）。',
  ),
  // 免罚清单 (DOMAIN.md §4.6)
  d(
    'lenient_items',
    '包容审慎监管清单事项',
    '项',
    'lenient_items',
    'lenient_item',
    'count',
    '期末有效的“四张清单”（不予处罚、从轻、减轻、免予强制）事项数。',
  ),
  d(
    'lenient_items_no_penalty',
    '不予处罚事项',
    '项',
    'lenient_items',
    'lenient_item',
    'count',
    '期末有效的不予处罚事项清单的事项数。',
  ),
  d(
    'lenient_cases',
    '适用清单办理案件',
    '件',
    'lenient_cases',
    'lenient_case',
    'count',
    '统计期内适用“四张清单”办理的案件数（按办理日期）。',
  ),
  d(
    'lenient_amount',
    '减免罚款金额',
    '万元',
    'lenient_cases',
    'lenient_case',
    'count',
    '统计期内适用清单办理案件减免的罚款金额合计（万元，保留两位小数）。',
  ),
  // 乡镇赋权 (DOMAIN.md §4.9)
  d(
    'delegated_powers_in_effect',
    '乡镇（街道）赋权事项',
    '项',
    'delegated_powers',
    'delegated_power',
    'count',
    '期末仍在实施的赋权事项数（每个乡镇每项计一项；按承接乡镇的区划统计）。',
  ),
  d(
    'delegated_powers_added',
    '新增赋权事项',
    '项',
    'delegated_powers',
    'delegated_power',
    'count',
    '统计期内生效的赋权事项数。',
  ),
  d(
    'delegated_powers_withdrawn',
    '调整收回赋权事项',
    '项',
    'delegated_powers',
    'delegated_power',
    'count',
    '统计期内收回的赋权事项数。',
  ),
];

export const enforcementFigureDefinitionByCode = (code: string) =>
  ENFORCEMENT_FIGURE_DEFINITIONS.find((x) => x.code === code);

export const enforcementFiguresQuerySchema = z
  .object({
    regionCode: z
      .string()
      .regex(/^\d{6,12}$/, { message: '行政区划代码格式不正确' })
      .optional(),
    orgId: z.uuid({ message: '单位编号格式不正确' }).optional(),
    /** Default: 1 January of the current year. */
    from: isoDateSchema.optional(),
    /** Default: today. */
    to: isoDateSchema.optional(),
  })
  .refine((q) => !(q.regionCode && q.orgId), {
    message: '行政区划和单位只能指定其一',
    path: ['regionCode'],
  });
export type EnforcementFiguresQuery = z.infer<typeof enforcementFiguresQuerySchema>;

export const enforcementFigureSchema = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  family: z.string(),
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number().nullable(),
  recordCount: z.number().int(),
  recordKind: z.string(),
  definition: z.string(),
  definitionVersion: z.string(),
});
export type EnforcementFigure = z.infer<typeof enforcementFigureSchema>;

export const enforcementFiguresResultSchema = z.object({
  scope: z.object({
    regionCode: z.string().nullable(),
    orgId: z.string().nullable(),
    name: z.string(),
    from: z.string(),
    to: z.string(),
  }),
  figures: z.array(enforcementFigureSchema),
  /** Families whose tables are not there (the figures are then absent). */
  missingFamilies: z.array(z.string()),
});
export type EnforcementFiguresResult = z.infer<typeof enforcementFiguresResultSchema>;

export const enforcementFigureRecordsQuerySchema = z
  .object({
    regionCode: z
      .string()
      .regex(/^\d{6,12}$/, { message: '行政区划代码格式不正确' })
      .optional(),
    orgId: z.uuid({ message: '单位编号格式不正确' }).optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
  })
  .refine((q) => !(q.regionCode && q.orgId), {
    message: '行政区划和单位只能指定其一',
    path: ['regionCode'],
  });
export const enforcementFigureRecordSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  orgName: z.string(),
  date: z.string().nullable(),
  inNumerator: z.boolean().nullable(),
});
export type EnforcementFigureRecord = z.infer<typeof enforcementFigureRecordSchema>;
export const enforcementFigureRecordPageSchema = z.object({
  code: z.string(),
  items: z.array(enforcementFigureRecordSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
