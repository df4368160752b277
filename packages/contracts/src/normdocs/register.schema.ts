import { z } from 'zod';
import { isoDateSchema, listResponse, pageQuerySchema } from '../common/schemas';
import { CLASSIFICATIONS } from './normdoc.labels';
import { normdocOrgRefSchema as orgRefSchema } from './normdoc.schema';

/**
 * 认定未备案 (DOMAIN.md §1.1 engineering note, §1.6 发文目录核查): the justice bureau imports an organ's
 * 发文目录, draws a reproducible random sample, classifies each sampled entry and records 漏备 findings.
 */
export type Classification = keyof typeof CLASSIFICATIONS;
export const classificationSchema = z.enum(
  Object.keys(CLASSIFICATIONS) as [Classification, ...Classification[]],
);

export const UNFILED_FINDING_STATUSES = { open: '待整改', rectifying: '整改中', closed: '已办结' } as const;
export type UnfiledFindingStatus = keyof typeof UNFILED_FINDING_STATUSES;
export const unfiledFindingStatusSchema = z.enum(['open', 'rectifying', 'closed']);

/**
 * The sampling algorithm, recorded on every register so anyone can re-draw the sample:
 * entries sorted by seq ascending; for i = 0 … k−1, u_i = the first 6 bytes (big-endian, 48-bit unsigned) of
 * SHA-256(UTF-8 "<seed>:<i>"); j = i + (u_i mod (n − i)); swap positions i and j (partial Fisher–Yates).
 * The sample is the first k seqs, reported in ascending order.
 */
export const SAMPLE_ALGORITHM = 'sha256-ctr48/partial-fisher-yates/v1';
export const SAMPLE_ALGORITHM_DESCRIPTION =
  '将全部条目按序号升序排列为数组 a（共 n 条）；对 i = 0…k−1：取 SHA-256(“种子:i”，UTF-8) 的前 6 字节作为 48 位无符号整数 u，' +
  'j = i + (u mod (n − i))，交换 a[i] 与 a[j]；a 的前 k 项即为样本（按序号升序列出）。同一种子、同一目录必得同一样本。';

export const registerSummarySchema = z.object({
  id: z.uuid(),
  org: orgRefSchema,
  regionCode: z.string(),
  title: z.string(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  entryCount: z.number().int(),
  sampleSeed: z.string().nullable(),
  sampleSize: z.number().int().nullable(),
  sampleAlgorithm: z.string().nullable(),
  sampledAt: z.string().nullable(),
  classifiedCount: z.number().int(),
  normativeCount: z.number().int(),
  findingCount: z.number().int(),
  createdAt: z.string(),
});
export type RegisterSummary = z.infer<typeof registerSummarySchema>;

export const registerListQuerySchema = pageQuerySchema.extend({
  orgId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
});
export const registerPageSchema = listResponse(registerSummarySchema);

export const registerEntrySchema = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  docNumber: z.string(),
  title: z.string(),
  issuedOn: z.string().nullable(),
  sampled: z.boolean(),
  classification: classificationSchema.nullable(),
  classifiedByName: z.string().nullable(),
  classifiedAt: z.string().nullable(),
  reason: z.string().nullable(),
  /** The 漏备 finding raised from this entry, if any. */
  findingId: z.uuid().nullable(),
});
export type RegisterEntry = z.infer<typeof registerEntrySchema>;

export const registerEntriesQuerySchema = pageQuerySchema.extend({
  sampledOnly: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const registerDetailSchema = z.object({
  register: registerSummarySchema,
  entries: listResponse(registerEntrySchema),
  algorithmDescription: z.string(),
});
export type RegisterDetail = z.infer<typeof registerDetailSchema>;

export const registerSampleSchema = z.strictObject({
  size: z
    .number({ message: '请填写抽取份数' })
    .int()
    .min(1, { message: '抽取份数至少为1' })
    .max(5000, { message: '抽取份数不能超过5000' }),
  /** Default: a random seed chosen by the server (recorded). */
  seed: z
    .string()
    .trim()
    .min(1, { message: '随机种子不能为空' })
    .max(100, { message: '随机种子不能超过100字' })
    .optional(),
});
export type RegisterSampleInput = z.infer<typeof registerSampleSchema>;

export const registerSampleResultSchema = z.object({
  seed: z.string(),
  size: z.number().int(),
  algorithm: z.string(),
  algorithmDescription: z.string(),
  /** The sampled entries' seqs, ascending. */
  seqs: z.array(z.number().int()),
  /** verify only: whether the seqs equal the sample recorded on the register. */
  matchesRecorded: z.boolean().optional(),
});
export type RegisterSampleResult = z.infer<typeof registerSampleResultSchema>;

export const registerEntryClassifySchema = z.strictObject({
  classification: classificationSchema,
  reason: z
    .string({ message: '请填写认定理由' })
    .trim()
    .min(1, { message: '请填写认定理由' })
    .max(2000, { message: '认定理由不能超过2000字' }),
});
export type RegisterEntryClassifyInput = z.infer<typeof registerEntryClassifySchema>;

export const unfiledFindingSchema = z.object({
  id: z.uuid(),
  entryId: z.uuid().nullable(),
  registerId: z.uuid().nullable(),
  org: orgRefSchema,
  regionCode: z.string(),
  title: z.string(),
  docNumber: z.string(),
  foundOn: z.string(),
  status: unfiledFindingStatusSchema,
  followUpDue: z.string().nullable(),
  followUp: z.string().nullable(),
  closedOn: z.string().nullable(),
  docId: z.uuid().nullable(),
  version: z.number().int(),
});
export type UnfiledFinding = z.infer<typeof unfiledFindingSchema>;

export const registerEntryClassifyResultSchema = z.object({
  entry: registerEntrySchema,
  finding: unfiledFindingSchema.nullable(),
  /** A filed document of the organ matching the entry (发文字号 or title): no 漏备. */
  matchedDocId: z.uuid().nullable(),
});

export const unfiledFindingListQuerySchema = pageQuerySchema.extend({
  status: unfiledFindingStatusSchema.optional(),
  orgId: z.uuid().optional(),
  registerId: z.uuid().optional(),
});
export const unfiledFindingPageSchema = listResponse(unfiledFindingSchema);

export const unfiledFollowUpSchema = z.strictObject({
  version: z.number().int().min(1),
  status: z.enum(['rectifying', 'closed'], { message: '状态应为“整改中”或“已办结”' }),
  note: z
    .string({ message: '请填写跟进情况' })
    .trim()
    .min(1, { message: '请填写跟进情况' })
    .max(2000, { message: '跟进情况不能超过2000字' }),
  /** The document once brought into the system and filed. */
  docId: z.uuid({ message: '文件编号格式不正确' }).optional(),
  closedOn: isoDateSchema.optional(),
});
export type UnfiledFollowUpInput = z.infer<typeof unfiledFollowUpSchema>;
