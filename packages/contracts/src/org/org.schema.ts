import { z } from 'zod';
import { isoDateSchema, listResponse } from '../common/schemas';
import { isRegionCodeShape, isValidUscc } from '../common/validators';

export const REGION_LEVELS = {
  province: '省级',
  prefecture: '地级',
  county: '县级',
  township: '乡级',
} as const;
export type RegionLevel = keyof typeof REGION_LEVELS;
export const regionLevelSchema = z.enum(Object.keys(REGION_LEVELS) as [RegionLevel, ...RegionLevel[]]);

export const ORG_TYPES = {
  party_committee: '党委',
  government: '人民政府',
  department: '政府部门',
  justice_bureau: '司法行政机关',
  dispatched: '派出机关',
  township: '乡镇/街道',
  npc_standing: '人大常委会',
  court: '法院',
  procuratorate: '检察院',
  authorized: '授权组织',
  entrusted: '受委托组织',
  village: '村居委会',
} as const;
export type OrgType = keyof typeof ORG_TYPES;
export const orgTypeSchema = z.enum(Object.keys(ORG_TYPES) as [OrgType, ...OrgType[]]);

export const regionCodeSchema = z
  .string()
  .refine(isRegionCodeShape, { message: '行政区划代码应为6位（县级及以上）或9/12位（乡镇/村）数字' });
export const usccSchema = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine(isValidUscc, { message: '统一社会信用代码无效（18位，校验位须正确）' });

export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: regionLevelSchema,
  parentCode: z.string().nullable(),
  path: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  version: z.number().int(),
  actions: z.array(z.string()),
});
export type Region = z.infer<typeof regionSchema>;

export const regionCreateSchema = z.strictObject({
  code: regionCodeSchema,
  name: z.string().trim().min(1, '名称不能为空').max(60),
  level: regionLevelSchema,
  parentCode: regionCodeSchema.nullable(),
  validFrom: isoDateSchema.nullable().default(null),
});
export const regionUpdateSchema = z.strictObject({
  name: z.string().trim().min(1).max(60).optional(),
  validTo: isoDateSchema.nullable().optional(),
  version: z.number().int(),
});

export const orgSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string().nullable(),
  type: orgTypeSchema,
  uscc: z.string().nullable(),
  docCodePrefix: z.string().nullable(),
  parentId: z.uuid().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  isLawEnforcementBody: z.boolean(),
  isReconsiderationOrgan: z.boolean(),
  disabled: z.boolean(),
  version: z.number().int(),
  actions: z.array(z.string()),
});
export type Org = z.infer<typeof orgSchema>;

const orgFields = {
  name: z.string().trim().min(2, '单位名称至少2个字').max(80, '单位名称不超过80个字'),
  shortName: z.string().trim().max(30).nullable().default(null),
  type: orgTypeSchema,
  uscc: usccSchema.nullable().default(null),
  docCodePrefix: z
    .string()
    .trim()
    .max(12)
    .regex(/^[\u4e00-\u9fa5]+$/, { message: '机关代字应为汉字，如“三政文”' })
    .nullable()
    .default(null),
  parentId: z.uuid().nullable().default(null),
  regionCode: regionCodeSchema,
  isLawEnforcementBody: z.boolean().default(false),
  isReconsiderationOrgan: z.boolean().default(false),
};
export const orgCreateSchema = z.strictObject(orgFields);
export type OrgCreate = z.infer<typeof orgCreateSchema>;
export const orgUpdateSchema = z.strictObject({
  name: orgFields.name.optional(),
  shortName: orgFields.shortName.optional(),
  type: orgFields.type.optional(),
  uscc: orgFields.uscc.optional(),
  docCodePrefix: orgFields.docCodePrefix.optional(),
  parentId: orgFields.parentId.optional(),
  isLawEnforcementBody: z.boolean().optional(),
  isReconsiderationOrgan: z.boolean().optional(),
  disabled: z.boolean().optional(),
  version: z.number().int(),
});
export type OrgUpdate = z.infer<typeof orgUpdateSchema>;

export const orgListQuerySchema = z.object({
  q: z.string().max(60).optional(),
  regionCode: z.string().max(12).optional(),
  type: orgTypeSchema.optional(),
  includeDisabled: z.stringbool().default(false),
});
export const orgListSchema = z.object({ items: z.array(orgSchema) });
export const regionListSchema = z.object({ items: z.array(regionSchema) });
export const orgPageSchema = listResponse(orgSchema);
