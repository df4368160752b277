import { z } from 'zod';

const days = (label: string) =>
  z
    .number()
    .int()
    .min(1, { message: `${label}至少1日` })
    .max(365, { message: `${label}不超过365日` });

export const normdocSettingsFieldsSchema = z.strictObject({
  registrationTemplate: z
    .string()
    .trim()
    .min(3, { message: '请填写登记编号模板' })
    .max(60)
    .refine((s) => s.includes('{year}'), { message: '编号模板须包含年份 {year}' })
    .refine((s) => s.includes('{n}') || s.includes('{n3}'), { message: '编号模板须包含序号 {n} 或 {n3}' }),
  filingDaysSuperiorGovernment: days('向上一级政府报备期限'),
  filingDaysCongress: days('向本级人大常委会报备期限'),
  filingDaysSuperiorDepartment: days('向上级主管部门报备期限'),
  filingDaysSameLevelGovernment: days('部门文件向本级政府报备期限'),
  commentDays: days('征求意见期'),
  minCommentDays: days('最短征求意见期'),
  validityYears: z.number().int().min(1).max(10),
  provisionalValidityYears: z.number().int().min(1).max(10),
  expiryWarningDays: days('有效期届满提醒提前天数'),
  timelinessBase: z.enum(['filed', 'due']),
});

export const normdocSettingsSchema = normdocSettingsFieldsSchema.extend({
  regionCode: z.string(),
  /** The region whose saved settings apply (an ancestor when this region has none; null: built-in defaults). */
  sourceRegionCode: z.string().nullable(),
  /** Version of this region's own row (0: none saved yet). */
  version: z.number().int(),
});
export type NormdocSettingsView = z.infer<typeof normdocSettingsSchema>;

export const normdocSettingsUpdateSchema = normdocSettingsFieldsSchema
  .extend({ regionCode: z.string().min(6).max(12), version: z.number().int().min(0) })
  .refine((s) => s.minCommentDays <= s.commentDays, {
    message: '最短征求意见期不能长于默认征求意见期',
    path: ['minCommentDays'],
  })
  .refine((s) => s.provisionalValidityYears <= s.validityYears, {
    message: '暂行、试行文件有效期不能长于一般文件',
    path: ['provisionalValidityYears'],
  });

export const normdocSettingsQuerySchema = z.object({ regionCode: z.string().min(6).max(12).optional() });
