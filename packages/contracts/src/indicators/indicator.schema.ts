import { z } from 'zod';

/*
 * The indicator catalogue (指标目录) as data, indicator values resolved from records and from 填报, and
 * indicator systems (e.g. 市县法治政府建设示范指标体系, DOMAIN.md §10.4). Every rate keeps numerator and
 * denominator (DOMAIN.md §14 rule 10); a region's rate is recomputed from summed parts, never averaged.
 */

export const INDICATOR_KINDS = {
  computed: { zh: '系统计算', en: 'Computed' },
  collected: { zh: '填报采集', en: 'Collected' },
  derived: { zh: '派生（比率）', en: 'Derived' },
} as const;
export type IndicatorKind = keyof typeof INDICATOR_KINDS;
export const indicatorKindSchema = z.enum(['computed', 'collected', 'derived']);

export const INDICATOR_ROLLUPS = {
  sum: { zh: '逐级加总', en: 'Sum' },
  rate: { zh: '分子分母分别加总后计算', en: 'Rate from summed parts' },
  none: { zh: '不汇总', en: 'Not aggregated' },
} as const;
export type IndicatorRollup = keyof typeof INDICATOR_ROLLUPS;
export const indicatorRollupSchema = z.enum(['sum', 'rate', 'none']);

export const INDICATOR_SYSTEM_STATUSES = {
  draft: { zh: '草稿', en: 'Draft' },
  active: { zh: '启用', en: 'Active' },
  retired: { zh: '停用', en: 'Retired' },
} as const;
export type IndicatorSystemStatus = keyof typeof INDICATOR_SYSTEM_STATUSES;
export const indicatorSystemStatusSchema = z.enum(['draft', 'active', 'retired']);

export const indicatorCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{2,63}$/, { message: '指标代码应为小写字母开头的字母、数字、下划线（3—64位）' });
export const indicatorPeriodSchema = z
  .string()
  .regex(/^\d{4}(-(H[12]|Q[1-4]))?$/, { message: '统计期间应为 2025、2025-H1 或 2025-Q3 的形式' });
const regionCode = z.string().regex(/^\d{6}(\d{3})?$/, { message: '行政区划代码应为6位或9位数字' });

export const indicatorGroupSchema = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  sort: z.number().int(),
  /** Indicators directly in the group. */
  count: z.number().int(),
});
export type IndicatorGroup = z.infer<typeof indicatorGroupSchema>;

export const indicatorSchema = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  definition: z.string(),
  kind: indicatorKindSchema,
  groupCode: z.string().nullable(),
  groupName: z.string().nullable(),
  numeratorCode: z.string().nullable(),
  denominatorCode: z.string().nullable(),
  rollup: indicatorRollupSchema,
  sourceModule: z.string().nullable(),
  sourceCode: z.string().nullable(),
  definitionVersion: z.number().int(),
  local: z.boolean(),
  ownerRegionCode: z.string().nullable(),
  ownerRegionName: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  /** What the caller may do: 'edit'. */
  actions: z.array(z.string()),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const indicatorListQuerySchema = z.object({
  /** A group code (its sub-groups included). */
  group: z.string().max(10).optional(),
  kind: indicatorKindSchema.optional(),
  /** Words in the code, name or definition. */
  q: z.string().trim().max(100).optional(),
  local: z.enum(['true', 'false']).optional(),
});
export type IndicatorListQuery = z.infer<typeof indicatorListQuerySchema>;
export const indicatorListSchema = z.object({ items: z.array(indicatorSchema), total: z.number().int() });

const name = z
  .string()
  .trim()
  .min(1, { message: '请填写指标名称' })
  .max(200, { message: '指标名称不超过200字' });
const unit = z.string().trim().min(1, { message: '请填写计量单位（如 件、人、%）' }).max(20);
const definition = z.string().trim().max(4000, { message: '口径说明不超过4000字' });

/** A local indicator (本地新增): collected by 填报, or derived as numerator ÷ denominator of two indicators. */
export const indicatorCreateSchema = z
  .strictObject({
    code: indicatorCodeSchema,
    name,
    unit,
    definition: definition.default(''),
    kind: z.enum(['collected', 'derived']).default('collected'),
    groupCode: z.string().max(10).nullable().default(null),
    rollup: indicatorRollupSchema.default('sum'),
    numeratorCode: indicatorCodeSchema.nullable().default(null),
    denominatorCode: indicatorCodeSchema.nullable().default(null),
  })
  .refine((v) => v.kind !== 'derived' || (v.numeratorCode && v.denominatorCode), {
    message: '派生指标须指定分子指标和分母指标',
    path: ['numeratorCode'],
  })
  .refine((v) => v.rollup !== 'rate' || v.unit === '%', {
    message: '按比率汇总的指标单位应为 %',
    path: ['unit'],
  });
export type IndicatorCreate = z.infer<typeof indicatorCreateSchema>;

export const indicatorUpdateSchema = z
  .strictObject({
    name,
    unit,
    definition,
    groupCode: z.string().max(10).nullable(),
    rollup: indicatorRollupSchema,
    numeratorCode: indicatorCodeSchema.nullable(),
    denominatorCode: indicatorCodeSchema.nullable(),
    active: z.boolean(),
    version: z.number().int().min(1),
  })
  .partial()
  .required({ version: true })
  .refine((v) => v.rollup !== 'rate' || v.unit === undefined || v.unit === '%', {
    message: '按比率汇总的指标单位应为 %',
    path: ['unit'],
  });
export type IndicatorUpdate = z.infer<typeof indicatorUpdateSchema>;

export const indicatorCodeParamsSchema = z.object({ code: indicatorCodeSchema });

const codesList = z
  .string()
  .max(8000)
  .transform((s) =>
    s
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean),
  );

export const indicatorValuesQuerySchema = z
  .object({
    regionCode: regionCode.optional(),
    orgId: z.uuid({ message: '单位编号格式不正确' }).optional(),
    period: indicatorPeriodSchema,
    /** Comma-separated indicator codes; all active indicators when absent. */
    codes: codesList.optional(),
    group: z.string().max(10).optional(),
  })
  .refine((q) => !(q.regionCode && q.orgId), { message: '区划和单位只能选择其一', path: ['orgId'] });
export type IndicatorValuesQuery = z.infer<typeof indicatorValuesQuerySchema>;

export const resolvedValueSchema = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** '—' when no value or a zero denominator; rates '93.9%'; counts as written. */
  display: z.string(),
  approx: z.boolean(),
  definitionVersion: z.number().int(),
  computed: z
    .object({
      value: z.number().nullable(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      recordCount: z.number().int(),
    })
    .nullable(),
  collected: z
    .object({
      value: z.number().nullable(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      orgCount: z.number().int(),
    })
    .nullable(),
  differs: z.boolean(),
});
export type ResolvedValueDto = z.infer<typeof resolvedValueSchema>;

export const indicatorValuesSchema = z.object({
  scope: z.object({
    regionCode: z.string().nullable(),
    orgId: z.uuid().nullable(),
    name: z.string(),
    period: z.string(),
  }),
  items: z.array(resolvedValueSchema),
});
export type IndicatorValues = z.infer<typeof indicatorValuesSchema>;

export const indicatorProvenanceQuerySchema = z
  .object({
    regionCode: regionCode.optional(),
    orgId: z.uuid({ message: '单位编号格式不正确' }).optional(),
    period: indicatorPeriodSchema,
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
  })
  .refine((q) => !(q.regionCode && q.orgId), { message: '区划和单位只能选择其一', path: ['orgId'] });
export type IndicatorProvenanceQuery = z.infer<typeof indicatorProvenanceQuerySchema>;

export const provenanceRecordSchema = z.object({
  id: z.string(),
  kind: z.string(),
  docId: z.uuid().nullable(),
  title: z.string(),
  orgName: z.string(),
  regionCode: z.string(),
  date: z.string().nullable(),
  detail: z.string(),
  inNumerator: z.boolean().nullable(),
});

export const provenanceValueSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid().nullable(),
  orgName: z.string().nullable(),
  regionCode: z.string().nullable(),
  source: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  approx: z.boolean(),
  provenance: z.record(z.string(), z.unknown()),
  updatedAt: z.string(),
});

export const indicatorProvenanceSchema = z.object({
  value: resolvedValueSchema,
  /** The module records behind the computed value (a page). */
  records: z.object({
    items: z.array(provenanceRecordSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  }),
  /** The collected / imported values behind the collected value. */
  values: z.array(provenanceValueSchema),
});
export type IndicatorProvenance = z.infer<typeof indicatorProvenanceSchema>;

// ── Indicator systems ─────────────────────────────────────────────────────────

export const indicatorSystemSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  edition: z.string(),
  status: indicatorSystemStatusSchema,
  note: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  itemCount: z.number().int(),
  actions: z.array(z.string()),
});
export type IndicatorSystem = z.infer<typeof indicatorSystemSchema>;
export const indicatorSystemListSchema = z.object({ items: z.array(indicatorSystemSchema) });

export const indicatorSystemItemSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  level: z.number().int(),
  number: z.string(),
  text: z.string(),
  evidenceRequirements: z.array(z.string()),
  indicatorCodes: z.array(z.string()),
  indicators: z.array(z.object({ code: z.string(), name: z.string(), unit: z.string(), kind: z.string() })),
  sort: z.number().int(),
});
export type IndicatorSystemItem = z.infer<typeof indicatorSystemItemSchema>;

/** The edition with its items in tree order (parentId links; the web nests them). */
export const indicatorSystemTreeSchema = indicatorSystemSchema.extend({
  items: z.array(indicatorSystemItemSchema),
});
export type IndicatorSystemTree = z.infer<typeof indicatorSystemTreeSchema>;

export const indicatorSystemCreateSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{2,63}$/, { message: '体系代码应为小写字母、数字、下划线' }),
  name: z.string().trim().min(1, { message: '请填写指标体系名称' }).max(200),
  edition: z.string().trim().min(1, { message: '请填写版本（如 2021年版）' }).max(40),
  note: z.string().trim().max(2000).default(''),
  /** Copy every item of an earlier edition into the new one. */
  copyFromId: z.uuid().nullable().default(null),
});
export type IndicatorSystemCreate = z.infer<typeof indicatorSystemCreateSchema>;

export const indicatorSystemUpdateSchema = z
  .strictObject({
    name: z.string().trim().min(1, { message: '请填写指标体系名称' }).max(200),
    note: z.string().trim().max(2000),
    status: indicatorSystemStatusSchema,
    version: z.number().int().min(1),
  })
  .partial()
  .required({ version: true });
export type IndicatorSystemUpdate = z.infer<typeof indicatorSystemUpdateSchema>;

const evidence = z.array(z.string().trim().min(1).max(500)).max(50);
const itemText = z.string().trim().min(1, { message: '请填写指标内容' }).max(4000);
const itemNumber = z.string().trim().min(1, { message: '请填写序号（如 一、1、(1)）' }).max(10);

export const indicatorSystemItemCreateSchema = z.strictObject({
  parentId: z.uuid().nullable().default(null),
  number: itemNumber,
  text: itemText,
  evidenceRequirements: evidence.default([]),
  indicatorCodes: z.array(indicatorCodeSchema).max(50).default([]),
  /** The system's version (every item change counts as a change of the edition). */
  version: z.number().int().min(1),
});
export type IndicatorSystemItemCreate = z.infer<typeof indicatorSystemItemCreateSchema>;

export const indicatorSystemItemUpdateSchema = z
  .strictObject({
    number: itemNumber,
    text: itemText,
    evidenceRequirements: evidence,
    indicatorCodes: z.array(indicatorCodeSchema).max(50),
    version: z.number().int().min(1),
  })
  .partial()
  .required({ version: true });
export type IndicatorSystemItemUpdate = z.infer<typeof indicatorSystemItemUpdateSchema>;

export const indicatorIdParamsSchema = z.object({ id: z.uuid({ message: '编号格式不正确' }) });
