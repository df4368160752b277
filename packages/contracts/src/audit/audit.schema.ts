import { z } from 'zod';
import { listResponse } from '../common/schemas';

export const auditEntrySchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  orgId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  diff: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  outcome: z.enum(['ok', 'denied', 'failed']),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** A date (YYYY-MM-DD, read as a Beijing-time day) or a full ISO timestamp. */
const auditTimeSchema = z
  .string()
  .max(30)
  .refine((s) => !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00+08:00` : s)), {
    message: '时间格式不正确，应为 YYYY-MM-DD 或 ISO 时间',
  });

export const auditQuerySchema = z.object({
  q: z.string().max(100).optional(),
  action: z.string().max(60).optional(),
  entityType: z.string().max(60).optional(),
  actorId: z.uuid().optional(),
  outcome: z.enum(['ok', 'denied', 'failed']).optional(),
  from: auditTimeSchema.optional(),
  to: auditTimeSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const auditPageSchema = listResponse(auditEntrySchema);

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
});
