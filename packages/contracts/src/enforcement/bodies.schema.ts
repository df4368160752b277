import { z } from 'zod';
import { isoDateSchema, listResponse, pageQuerySchema } from '../common/schemas';
import {
  BODY_KINDS,
  BODY_STATUSES,
  POWER_CATEGORIES,
  bodyActionNames,
  type BodyAction,
  type BodyKind,
  type BodyStatus,
  type PowerCategory,
} from './body.states';

const keys = <T extends Record<string, unknown>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const bodyKindSchema = z.enum(keys(BODY_KINDS) as [BodyKind, ...BodyKind[]]);
export const bodyStatusSchema = z.enum(keys(BODY_STATUSES) as [BodyStatus, ...BodyStatus[]]);
export const bodyActionSchema = z.enum(bodyActionNames as [BodyAction, ...BodyAction[]]);
export const powerCategorySchema = z.enum(keys(POWER_CATEGORIES) as [PowerCategory, ...PowerCategory[]]);

/** One 权责清单 item the body exercises. */
export const bodyPowerSchema = z.strictObject({
  code: z.string().trim().min(1, { message: '请填写事项编码' }).max(40),
  name: z.string().trim().min(2, { message: '请填写事项名称' }).max(200),
  category: powerCategorySchema,
  legalBasis: z.string().trim().max(1000).default(''),
});
export type BodyPower = z.infer<typeof bodyPowerSchema>;

const fields = z.array(z.string().trim().min(1).max(30)).max(20);
const textList = z.array(z.string().trim().min(1).max(300)).max(200);

const bodyFields = {
  kind: bodyKindSchema,
  fields: fields.min(1, { message: '请至少选择一个执法领域' }),
  legalBasis: textList.default([]),
  powers: z.array(bodyPowerSchema).max(2000).default([]),
  /** 受委托组织: the entrusting organ, the entrustment document and the entrusted matters (条例 第十四条). */
  entrustingOrgId: z.uuid().nullable().default(null),
  entrustmentDoc: z.string().trim().max(100).nullable().default(null),
  entrustedMatters: textList.default([]),
};

export const bodyCreateSchema = z.strictObject({
  orgId: z.uuid({ message: '请选择单位' }),
  /** 统一社会信用代码 (GB 32100): recorded on the organisation when it has none, else must match it. */
  uscc: z.string().trim().toUpperCase().nullable().default(null),
  ...bodyFields,
});
export type BodyCreateInput = z.infer<typeof bodyCreateSchema>;

export const bodyUpdateSchema = z.strictObject({
  version: z.number().int().min(1),
  kind: bodyKindSchema.optional(),
  fields: bodyFields.fields.optional(),
  legalBasis: textList.optional(),
  powers: z.array(bodyPowerSchema).max(2000).optional(),
  entrustingOrgId: z.uuid().nullable().optional(),
  entrustmentDoc: z.string().trim().max(100).nullable().optional(),
  entrustedMatters: textList.optional(),
  /** Why (机构改革, 职权调整 …): kept in the history. */
  reason: z.string().trim().max(500).nullable().default(null),
});
export type BodyUpdateInput = z.infer<typeof bodyUpdateSchema>;

export const bodyActionInputSchema = z.strictObject({
  version: z.number().int().min(1),
  on: isoDateSchema,
  /** 确认: 确认机关 (同级人民政府) and 确认文件; 公告: 公告文号 and link. */
  authority: z.string().trim().max(100).nullable().default(null),
  document: z.string().trim().max(100).nullable().default(null),
  url: z
    .string()
    .trim()
    .max(500)
    .regex(/^https?:\/\//, { message: '公告链接应以 http:// 或 https:// 开头' })
    .nullable()
    .default(null),
  reason: z.string().trim().max(500).nullable().default(null),
});
export type BodyActionInput = z.infer<typeof bodyActionInputSchema>;

export const bodyHistorySchema = z.object({
  id: z.uuid(),
  action: z.string(),
  on: z.string(),
  status: bodyStatusSchema,
  authority: z.string().nullable(),
  document: z.string().nullable(),
  url: z.string().nullable(),
  reason: z.string().nullable(),
});

const orgRef = z.object({ id: z.uuid(), name: z.string() });

export const bodySchema = z.object({
  id: z.uuid(),
  org: orgRef.extend({ uscc: z.string().nullable() }),
  kind: bodyKindSchema,
  fields: z.array(z.string()),
  legalBasis: z.array(z.string()),
  powers: z.array(bodyPowerSchema),
  entrustingOrg: orgRef.nullable(),
  entrustmentDoc: z.string().nullable(),
  entrustedMatters: z.array(z.string()),
  status: bodyStatusSchema,
  confirmedBy: z.string().nullable(),
  confirmationDoc: z.string().nullable(),
  confirmedOn: z.string().nullable(),
  announcedOn: z.string().nullable(),
  announcementDoc: z.string().nullable(),
  announcementUrl: z.string().nullable(),
  history: z.array(bodyHistorySchema),
  version: z.number().int(),
  actions: z.array(z.string()),
});
export type Body = z.infer<typeof bodySchema>;

export const bodyListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(50).optional(),
  status: bodyStatusSchema.optional(),
  kind: bodyKindSchema.optional(),
  field: z.string().trim().max(30).optional(),
});
export type BodyListQuery = z.infer<typeof bodyListQuerySchema>;
export const bodyPageSchema = listResponse(
  bodySchema.omit({ history: true, powers: true }).extend({
    powerCount: z.number().int(),
  }),
);

export const publicBodyListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(50).optional(),
  field: z.string().trim().max(30).optional(),
  regionCode: z
    .string()
    .trim()
    .regex(/^\d{6,12}$/, { message: '行政区划代码格式不正确' })
    .optional(),
});
export const publicBodySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  uscc: z.string().nullable(),
  regionName: z.string(),
  kind: bodyKindSchema,
  fields: z.array(z.string()),
  entrustingOrgName: z.string().nullable(),
  entrustedMatters: z.array(z.string()),
  powerCount: z.number().int(),
  announcedOn: z.string(),
  announcementDoc: z.string().nullable(),
  announcementUrl: z.string().nullable(),
});
export type PublicBody = z.infer<typeof publicBodySchema>;
export const publicBodyPageSchema = listResponse(publicBodySchema);
