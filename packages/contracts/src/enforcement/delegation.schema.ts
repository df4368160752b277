import { z } from 'zod';
import { isoDateSchema } from '../common/schemas';

/*
 * 乡镇（街道）赋权事项 (DOMAIN.md §4.9; 行政处罚法 第二十四条: the province decides to hand county-department penalty
 * powers to townships able to take them on, evaluates them regularly and publishes the decision). Each adjustment
 * round (动态调整) is one decision document adding and withdrawing powers.
 */
const text = (max: number, label: string) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, { message: `请填写${label}` })
    .max(max, { message: `${label}不能超过${max}字` });

export const POWER_STATUSES = { pending: '未生效', in_effect: '实施中', withdrawn: '已收回' } as const;
export type PowerStatus = keyof typeof POWER_STATUSES;

export const delegationPowerInputSchema = z.strictObject({
  townshipOrgId: z.uuid({ message: '请选择承接的乡镇（街道）' }),
  sourceOrgId: z.uuid({ message: '请选择原实施部门' }),
  code: z.string().trim().max(50).default(''),
  name: text(300, '赋权事项名称'),
  legalBasis: text(1000, '法律依据'),
});
export const delegationRoundCreateSchema = z
  .strictObject({
    title: text(200, '调整批次名称'),
    decisionDocNumber: text(100, '决定文号'),
    decisionDate: isoDateSchema,
    effectiveOn: isoDateSchema,
    add: z.array(delegationPowerInputSchema).max(2000).default([]),
    withdraw: z.array(z.uuid()).max(2000).default([]),
  })
  .refine((r) => r.add.length + r.withdraw.length > 0, { message: '调整批次至少应新增或收回一项赋权事项' })
  .refine((r) => r.effectiveOn >= r.decisionDate, {
    message: '生效日期不能早于决定日期',
    path: ['effectiveOn'],
  });
export type DelegationRoundCreate = z.infer<typeof delegationRoundCreateSchema>;
export const delegationPowerWithdrawSchema = z.strictObject({
  version: z.number().int().min(1),
  withdrawnOn: isoDateSchema,
  decisionDocNumber: text(100, '收回决定文号'),
});
export const delegationCapacityUpdateSchema = z.strictObject({
  staff: z.number().int().min(0).max(100000),
  certifiedManual: z.number().int().min(0).max(100000).nullable(),
  note: z.string().trim().max(1000).default(''),
  version: z.number().int().min(0),
});

export const delegationPowerSchema = z.object({
  id: z.uuid(),
  townshipOrgId: z.uuid(),
  townshipName: z.string(),
  sourceOrgId: z.uuid(),
  sourceOrgName: z.string(),
  code: z.string(),
  name: z.string(),
  legalBasis: z.string(),
  decisionDocNumber: z.string(),
  decisionDate: z.string(),
  effectiveOn: z.string(),
  withdrawnOn: z.string().nullable(),
  withdrawalDocNumber: z.string().nullable(),
  roundId: z.uuid().nullable(),
  status: z.enum(['pending', 'in_effect', 'withdrawn']),
  version: z.number().int(),
  actions: z.array(z.string()),
});
export type DelegatedPower = z.infer<typeof delegationPowerSchema>;
export const delegationPowerQuerySchema = z.object({
  townshipOrgId: z.uuid().optional(),
  status: z.enum(['pending', 'in_effect', 'withdrawn']).optional(),
  q: z.string().trim().max(100).optional(),
});
export const delegationPowerListSchema = z.object({
  items: z.array(delegationPowerSchema),
  canAdjust: z.boolean(),
});
export const delegationRoundSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  title: z.string(),
  decisionDocNumber: z.string(),
  decisionDate: z.string(),
  effectiveOn: z.string(),
  added: z.number().int(),
  withdrawn: z.number().int(),
  createdAt: z.string(),
});
export const delegationRoundListSchema = z.object({ items: z.array(delegationRoundSchema) });
export const delegationTownshipCapacitySchema = z.object({
  orgId: z.uuid(),
  name: z.string(),
  powersInEffect: z.number().int(),
  staff: z.number().int(),
  /** Officers of the township holding a 行政执法证 valid today (from the certificates register). */
  certifiedFromRegister: z.number().int(),
  certifiedManual: z.number().int().nullable(),
  note: z.string(),
  version: z.number().int(),
});
export const delegationTownshipListSchema = z.object({
  items: z.array(delegationTownshipCapacitySchema),
  canEdit: z.boolean(),
});
