import { z } from 'zod';
import { isoDateSchema } from '../common/schemas';
import { isValidUscc } from '../common/validators';

/*
 * 包容审慎监管“四张清单” (DOMAIN.md §4.6): 不予处罚事项清单、从轻处罚事项清单、减轻处罚事项清单、免予行政强制事项清单.
 * 行政处罚法 第三十三条 (首违不罚 / 轻微不罚 / 无主观过错不罚; 不予处罚的应当教育), 优化营商环境条例 第五十五条.
 */
export const LENIENT_LIST_KINDS = {
  no_penalty: '不予处罚事项清单',
  lighter: '从轻处罚事项清单',
  mitigated: '减轻处罚事项清单',
  no_coercion: '免予行政强制事项清单',
} as const;
export type LenientListKind = keyof typeof LENIENT_LIST_KINDS;
export const lenientListKindSchema = z.enum(
  Object.keys(LENIENT_LIST_KINDS) as [LenientListKind, ...LenientListKind[]],
);
export const LENIENT_PARTY_KINDS = { org: '单位', person: '个人' } as const;
export type LenientPartyKind = keyof typeof LENIENT_PARTY_KINDS;

const text = (max: number, label: string) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, { message: `请填写${label}` })
    .max(max, { message: `${label}不能超过${max}字` });

export const lenientItemInputSchema = z.strictObject({
  conduct: text(500, '违法行为'),
  circumstances: text(2000, '适用情形'),
  conditions: z.string().trim().max(2000, { message: '适用条件不能超过2000字' }).default(''),
  legalBasis: text(1000, '法律依据'),
  penaltyBasis: z.string().trim().max(1000, { message: '处罚依据不能超过1000字' }).default(''),
});
export type LenientItemInput = z.infer<typeof lenientItemInputSchema>;

export const lenientListCreateSchema = z.strictObject({
  kind: lenientListKindSchema,
  title: text(200, '清单名称'),
  effectiveFrom: isoDateSchema,
  items: z.array(lenientItemInputSchema).min(1, { message: '清单至少应有一个事项' }).max(1000),
});
export type LenientListCreate = z.infer<typeof lenientListCreateSchema>;

/** A new version: a copy of the current one with the edits; the old version ends the day before. */
export const lenientVersionCreateSchema = lenientListCreateSchema.omit({ kind: true }).extend({
  version: z.number().int().min(1),
});
export type LenientVersionCreate = z.infer<typeof lenientVersionCreateSchema>;

export const lenientItemSchema = lenientItemInputSchema.extend({
  id: z.uuid(),
  seq: z.number().int(),
  cases: z.number().int(),
  amountYuan: z.number(),
});
export type LenientItem = z.infer<typeof lenientItemSchema>;

export const lenientListSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  kind: lenientListKindSchema,
  title: z.string(),
  versionNo: z.number().int(),
  previousId: z.uuid().nullable(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  current: z.boolean(),
  itemCount: z.number().int(),
  cases: z.number().int(),
  amountYuan: z.number(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type LenientList = z.infer<typeof lenientListSchema>;

export const lenientListDetailSchema = lenientListSchema.extend({
  items: z.array(lenientItemSchema),
  history: z.array(lenientListSchema),
  actions: z.array(z.string()),
});
export type LenientListDetail = z.infer<typeof lenientListDetailSchema>;

export const lenientListQuerySchema = z.object({
  kind: lenientListKindSchema.optional(),
  orgId: z.uuid().optional(),
  all: z.enum(['0', '1']).optional(),
});
export const lenientListListSchema = z.object({ items: z.array(lenientListSchema), canCreate: z.boolean() });

export const lenientCaseCreateSchema = z
  .strictObject({
    itemId: z.uuid({ message: '请选择清单事项' }),
    caseNo: text(100, '案件编号'),
    handledOn: isoDateSchema,
    partyKind: z.enum(['org', 'person'], { message: '当事人类型应为单位或个人' }),
    partyName: text(200, '当事人名称'),
    partyUscc: z.string().trim().toUpperCase().optional(),
    amountYuan: z
      .number({ message: '减免金额应为数字（元）' })
      .min(0, { message: '减免金额不能为负数' })
      .max(1e11, { message: '减免金额过大' })
      .refine((v) => Math.round(v * 100) === Number((v * 100).toFixed(6)), {
        message: '减免金额最多保留两位小数',
      }),
    education: z.string().trim().max(2000, { message: '教育引导情况不能超过2000字' }).default(''),
  })
  .superRefine((v, c) => {
    if (v.partyKind === 'org' && !(v.partyUscc && isValidUscc(v.partyUscc)))
      c.addIssue({
        code: 'custom',
        path: ['partyUscc'],
        message: '单位当事人须填写有效的统一社会信用代码（18位，GB 32100 校验位）',
      });
  });
export type LenientCaseCreate = z.infer<typeof lenientCaseCreateSchema>;

export const lenientCaseSchema = z.object({
  id: z.uuid(),
  listId: z.uuid(),
  itemId: z.uuid(),
  itemSeq: z.number().int(),
  caseNo: z.string(),
  handledOn: z.string(),
  partyKind: z.enum(['org', 'person']),
  /** A person's name is masked (张某某). */
  partyName: z.string(),
  partyUscc: z.string().nullable(),
  amountYuan: z.number(),
  education: z.string(),
  createdAt: z.string(),
});
export type LenientCase = z.infer<typeof lenientCaseSchema>;
export const lenientCaseListSchema = z.object({ items: z.array(lenientCaseSchema), canCreate: z.boolean() });
export const lenientImportResultSchema = z.object({ imported: z.number().int() });

export const lenientTotalsQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const lenientTotalsSchema = z.object({
  year: z.number().int().nullable(),
  lists: z.number().int(),
  items: z.number().int(),
  cases: z.number().int(),
  amountYuan: z.number(),
  byKind: z.array(
    z.object({
      kind: lenientListKindSchema,
      items: z.number().int(),
      cases: z.number().int(),
      amountYuan: z.number(),
    }),
  ),
  byYear: z.array(z.object({ year: z.number().int(), cases: z.number().int(), amountYuan: z.number() })),
});
export type LenientTotals = z.infer<typeof lenientTotalsSchema>;

/** Person names are shown as 张某 / 欧阳某某 (surname + 某). */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return `${chars.join('')}某`;
  return `${chars[0]}${'某'.repeat(Math.min(chars.length - 1, 2))}`;
}
