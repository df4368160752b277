import { z } from 'zod';
import { isoDateSchema } from '../common/schemas';

/*
 * The figures of the normative-documents module (DOMAIN.md §1.6) as data: code, name, unit, definition (口径)
 * and its version. Every rate keeps numerator and denominator (DOMAIN.md §14 rule 10); a region's rate is
 * recomputed from the summed numerators and denominators of its subtree, never averaged.
 */
export type NormdocFigureUnit = '件' | '%' | '次';
/** What the counted ids are: drives the drill-down list. */
export type NormdocFigureRecordKind =
  | 'document'
  | 'filing'
  | 'filing_review'
  | 'unfiled_finding'
  | 'register'
  | 'register_entry'
  | 'cleanup_item'
  | 'comment'
  | 'evaluation'
  | 'procedure';

export type NormdocFigureDefinition = {
  code: string;
  name: string;
  unit: NormdocFigureUnit;
  definition: string;
  version: string;
  recordKind: NormdocFigureRecordKind;
  /** Figures shown together (one SQL each on the server). */
  family: string;
};

const d = (
  code: string,
  name: string,
  unit: NormdocFigureUnit,
  family: string,
  recordKind: NormdocFigureRecordKind,
  definition: string,
  version = '2026.1',
): NormdocFigureDefinition => ({ code, name, unit, family, recordKind, definition, version });

export const NORMDOC_FIGURE_DEFINITIONS: readonly NormdocFigureDefinition[] = [
  d(
    'filed_total',
    '报备件数',
    '件',
    'filings',
    'filing',
    '统计期内报送日期（submitted_on）落在期间内的报备记录数，每个报送对象计一件；统计范围为制定机关所在区划（含下级）。',
  ),
  d(
    'filed_superior_government',
    '报备件数（上一级人民政府）',
    '件',
    'filings',
    'filing',
    '报备件数中报送对象为上一级人民政府（经其司法行政部门）的件数。',
  ),
  d(
    'filed_same_level_congress',
    '报备件数（本级人大常委会）',
    '件',
    'filings',
    'filing',
    '报备件数中报送对象为本级人大常委会的件数。',
  ),
  d(
    'filed_same_level_government',
    '报备件数（本级人民政府）',
    '件',
    'filings',
    'filing',
    '报备件数中报送对象为本级人民政府（部门规范性文件）的件数。',
  ),
  d(
    'filed_superior_department',
    '报备件数（上级主管部门）',
    '件',
    'filings',
    'filing',
    '报备件数中报送对象为上级主管部门的件数。',
  ),
  d(
    'filing_rate',
    '报备率',
    '%',
    'filings',
    'filing',
    '分子：报备期限届满日（due_date）在统计期内、且在统计期末前已报送的报备事项数；分母：报备期限届满日在统计期内的报备事项数（已公布文件的每个报送对象计一项，有件必备）。',
  ),
  d(
    'timeliness_rate',
    '报备及时率',
    '%',
    'filings',
    'filing',
    '按本区划设置的及时率口径：“按已报备”时，分子为统计期内报送且报送日期不晚于报备期限的件数，分母为统计期内报送的件数；“按应报备”时，分子为报备期限在统计期内且按期（不晚于报备期限）报送的件数，分母为报备期限在统计期内的件数。',
  ),
  d(
    'lawful_rate',
    '合法率（规范率）',
    '%',
    'filings',
    'filing',
    '分子：统计期内完成备案审查且审查结果为“审查通过”（无问题）的报备件数；分母：统计期内完成备案审查的报备件数。',
  ),
  // 本级报备 (向上报备): what an annual report states as "向省司法厅及市人大备案N件，备案率、及时率、合法率达100%"
  // — the government's (and its own-level departments') own filings upward, not the departments' filings to
  // the same-level government (those are the review side: 审查下级备案文件). The three rates of such a sentence
  // are over the same population (DOMAIN.md §1.6: R3, R4; Henan indicator 27 "报备率、报备及时率、规范率").
  d(
    'filed_upward',
    '本级报备件数（向上级报备）',
    '件',
    'filings',
    'filing',
    '统计期内报送日期（submitted_on）落在期间内、报送对象为上一级人民政府（经其司法行政部门）、本级人大常委会或上级主管部门的报备记录数，每个报送对象计一件；只计本级制定机关报送的（按区划统计时为所在区划即该区划本身的单位，不含下级区划；按单位统计时为该单位）。部门向本级人民政府报备的不计入（属本级司法行政部门审查的下级备案文件）。',
    '2026.2',
  ),
  d(
    'filing_rate_upward',
    '本级报备率（备案率）',
    '%',
    'filings',
    'filing',
    '与“本级报备件数”同一范围（本级制定机关向上一级人民政府、本级人大常委会、上级主管部门的报备事项）：分子为报备期限届满日在统计期内且在统计期末前已报送的事项数；分母为报备期限届满日在统计期内的事项数（已公布文件的每个报送对象计一项）。年度报告“备案率、及时率、合法率”所称即此范围。',
    '2026.2',
  ),
  d(
    'timeliness_rate_upward',
    '本级报备及时率',
    '%',
    'filings',
    'filing',
    '与“本级报备件数”同一范围；按本区划设置的及时率口径：“按已报备”时，分子为统计期内报送且不晚于报备期限的件数，分母为统计期内报送的件数；“按应报备”时，分子为报备期限在统计期内且按期报送的件数，分母为报备期限在统计期内的件数。',
    '2026.2',
  ),
  d(
    'lawful_rate_upward',
    '本级报备合法率（规范率）',
    '%',
    'filings',
    'filing',
    '与“本级报备件数”同一范围：分子为统计期内完成备案审查且审查结果为“审查通过”（无问题）的件数；分母为统计期内完成备案审查的件数。',
    '2026.2',
  ),
  d(
    'prior_review_rate',
    '前置合法性审查率',
    '%',
    'prior_review',
    'document',
    '分子：统计期内经集体审议通过、且审议日期前已完成合法性审核（意见为合法或修改后合法）的文件数；分母：统计期内经集体审议通过的文件数。',
  ),
  d(
    'subordinate_reviewed',
    '审查下级备案文件数',
    '件',
    'subordinate',
    'filing_review',
    '统计期内完成审查（reviewed_on 在期间内）的下级报备文件数，按审查机关所在区划统计。',
  ),
  d(
    'subordinate_corrected',
    '纠错数',
    '件',
    'subordinate',
    'filing_review',
    '审查下级备案文件中，经审查意见或纠错通知已纠正（修改、废止或停止执行）的件数。',
  ),
  d(
    'correction_rate',
    '纠错率',
    '%',
    'subordinate',
    'filing_review',
    '分子：纠错数；分母：审查下级备案文件数。',
  ),
  d(
    'unfiled_found',
    '认定未备案数',
    '件',
    'unfiled',
    'unfiled_finding',
    '统计期内发文目录核查中认定属于规范性文件但未报备（漏备）的件数（found_on 在期间内）。',
  ),
  d(
    'register_orgs',
    '发文目录核查单位数',
    '件',
    'registers',
    'register',
    '统计期内导入并核查发文目录的单位数（同一单位多次核查计一家）。',
  ),
  d(
    'register_entries',
    '核查发文目录条数',
    '件',
    'registers',
    'register',
    '统计期内核查的发文目录条目总数。',
  ),
  d(
    'register_samples',
    '抽查文件份数',
    '件',
    'registers',
    'register_entry',
    '统计期内从发文目录中随机抽取核查的文件份数。',
  ),
  d(
    'cleanup_keep',
    '清理结果：继续有效',
    '件',
    'cleanup',
    'cleanup_item',
    '清理决定日期在统计期内的清理活动中，清理结果为继续有效（保留）的文件数。',
  ),
  d(
    'cleanup_amend',
    '清理结果：修改',
    '件',
    'cleanup',
    'cleanup_item',
    '清理决定日期在统计期内的清理活动中，清理结果为修改的文件数。',
  ),
  d(
    'cleanup_repeal',
    '清理结果：废止',
    '件',
    'cleanup',
    'cleanup_item',
    '清理决定日期在统计期内的清理活动中，清理结果为废止的文件数。',
  ),
  d(
    'cleanup_declare_invalid',
    '清理结果：宣布失效',
    '件',
    'cleanup',
    'cleanup_item',
    '清理决定日期在统计期内的清理活动中，清理结果为宣布失效的文件数。',
  ),
  d(
    'cleanup_remove_from_catalog',
    '清理结果：剔除目录',
    '件',
    'cleanup',
    'cleanup_item',
    '清理决定日期在统计期内的清理活动中，认定不属于规范性文件而剔除目录的文件数。',
  ),
  d(
    'interpretation_rate',
    '解读率',
    '%',
    'interpretation',
    'document',
    '分子：统计期内公布、需要解读且已发布政策解读的文件数；分母：统计期内公布且需要解读的文件数。',
  ),
  d(
    'comments_received',
    '征求意见收到意见数',
    '件',
    'comments',
    'comment',
    '统计期内公开征求意见收到的社会公众意见条数。',
  ),
  d(
    'comments_adopted',
    '征求意见采纳数',
    '件',
    'comments',
    'comment',
    '统计期内收到的意见中已决定采纳的条数。',
  ),
  d(
    'post_evaluations',
    '后评估文件数',
    '件',
    'evaluations',
    'evaluation',
    '统计期内完成后评估（评估报告日期在期间内）的文件数。',
  ),
  d(
    'fair_competition_reviews',
    '公平竞争审查件数',
    '件',
    'fair_competition',
    'procedure',
    '统计期内完成公平竞争审查的文件数（公平竞争审查程序结束日期在期间内）。',
  ),
];
export type NormdocFigureCode = string;

export const normdocFigureDefinitionByCode = (code: string): NormdocFigureDefinition | undefined =>
  NORMDOC_FIGURE_DEFINITIONS.find((f) => f.code === code);

const regionCode = z.string().regex(/^\d{6}(\d{3})?$/, { message: '行政区划代码应为6位或9位数字' });

export const normdocFiguresQuerySchema = z
  .object({
    regionCode: regionCode.optional(),
    orgId: z.uuid({ message: '单位编号格式不正确' }).optional(),
    /** Default: 1 January of the current year. */
    from: isoDateSchema.optional(),
    /** Default: today. */
    to: isoDateSchema.optional(),
  })
  .refine((q) => !(q.regionCode && q.orgId), { message: '区划和单位只能选择其一', path: ['orgId'] })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] });
export type NormdocFiguresQuery = z.infer<typeof normdocFiguresQuerySchema>;

export const normdocFigureSchema = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.enum(['件', '%', '次']),
  /** Count, or the rate in percent rounded to 2 decimals (null when the denominator is 0). */
  value: z.number().nullable(),
  numerator: z.number().int(),
  denominator: z.number().int().nullable(),
  definition: z.string(),
  definitionVersion: z.string(),
});
export type NormdocFigureValue = z.infer<typeof normdocFigureSchema>;

export const normdocFiguresResultSchema = z.object({
  scope: z.object({
    regionCode: z.string().nullable(),
    orgId: z.uuid().nullable(),
    name: z.string(),
    from: z.string(),
    to: z.string(),
    timelinessBase: z.enum(['filed', 'due']),
  }),
  figures: z.array(normdocFigureSchema),
  /** One row per child region (and 本级 for records of the region itself); rates recomputed per row. */
  byChildRegion: z.array(
    z.object({
      regionCode: z.string(),
      regionName: z.string(),
      /** True for the row of the region's own organisations (not in any child region). */
      own: z.boolean(),
      figures: z.array(
        normdocFigureSchema.pick({ code: true, value: true, numerator: true, denominator: true }),
      ),
    }),
  ),
});
export type NormdocFiguresResult = z.infer<typeof normdocFiguresResultSchema>;

export const normdocFigureRecordsQuerySchema = z
  .object({
    regionCode: regionCode.optional(),
    orgId: z.uuid({ message: '单位编号格式不正确' }).optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    /** Only the records of one child region of the breakdown. */
    childRegionCode: regionCode.optional(),
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
  })
  .refine((q) => !(q.regionCode && q.orgId), { message: '区划和单位只能选择其一', path: ['orgId'] });
export type NormdocFigureRecordsQuery = z.infer<typeof normdocFigureRecordsQuerySchema>;

export const normdocFigureRecordSchema = z.object({
  id: z.string(),
  kind: z.string(),
  /** The document the record belongs to (for the link to /normdocs/:id), when there is one. */
  docId: z.uuid().nullable(),
  title: z.string(),
  orgName: z.string(),
  regionCode: z.string(),
  date: z.string().nullable(),
  detail: z.string(),
  /** For rates: whether the record is counted in the numerator (all records listed are the denominator). */
  inNumerator: z.boolean().nullable(),
});
export type NormdocFigureRecord = z.infer<typeof normdocFigureRecordSchema>;

export const normdocFigureRecordsPageSchema = z.object({
  figure: normdocFigureSchema,
  items: z.array(normdocFigureRecordSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
