import { z } from 'zod';
import { listResponse, pageQuerySchema } from '../common/schemas';
import {
  attachmentKindSchema,
  normdocKindSchema,
  normdocOrgRefSchema,
  normdocStatusSchema,
} from './normdoc.schema';

/*
 * 现行有效规范性文件目录 (public portal) and the staff full-text search (issue 3 item 8).
 */

const regionCode = z.string().regex(/^\d{6}(\d{3})?$/, { message: '行政区划代码应为6位或9位数字' });
const year = z.coerce.number().int().min(1980, { message: '年份不能早于1980年' }).max(2100);
const q = z.string().trim().max(100, { message: '关键词不能超过100字' });

export const catalogueQuerySchema = pageQuerySchema.extend({
  orgId: z.uuid({ message: '单位编号格式不正确' }).optional(),
  regionCode: regionCode.optional(),
  year: year.optional(),
  q: q.optional(),
});
export type CatalogueQuery = z.infer<typeof catalogueQuerySchema>;

export const catalogueItemSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: normdocKindSchema,
  status: normdocStatusSchema,
  org: normdocOrgRefSchema,
  regionCode: z.string(),
  docNumber: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  publishedOn: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  validUntil: z.string().nullable(),
});
export type CatalogueItem = z.infer<typeof catalogueItemSchema>;
export const cataloguePageSchema = listResponse(catalogueItemSchema);

export const publicAttachmentSchema = z.object({
  id: z.uuid(),
  kind: attachmentKindSchema,
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
});

/** The public page of one issued document (full text, registration, dates, issuers, basis, interpretation). */
export const catalogueDocSchema = catalogueItemSchema.extend({
  coIssuers: z.array(normdocOrgRefSchema),
  /** False once repealed, amended, expired … — the page says so next to the title. */
  inForce: z.boolean(),
  endedOn: z.string().nullable(),
  signedBy: z.string().nullable(),
  signedOn: z.string().nullable(),
  legalBasis: z.array(z.object({ name: z.string(), article: z.string().optional() })),
  publishChannels: z.array(z.object({ channel: z.string(), url: z.string().optional() })),
  summary: z.string(),
  body: z.string(),
  interpretation: z
    .object({
      title: z.string(),
      url: z.string().nullable(),
      publishedOn: z.string().nullable(),
      body: z.string(),
    })
    .nullable(),
  attachments: z.array(publicAttachmentSchema),
  previousVersionId: z.uuid().nullable(),
  versionNo: z.number().int(),
});
export type CatalogueDoc = z.infer<typeof catalogueDocSchema>;

export const catalogueOrgSchema = normdocOrgRefSchema.extend({
  regionCode: z.string(),
  regionName: z.string(),
  docCount: z.number().int(),
});
export const catalogueOrgsSchema = z.object({ items: z.array(catalogueOrgSchema) });

/** Staff search across all documents in scope (every status). */
export const normdocSearchQuerySchema = pageQuerySchema.extend({
  q: q.min(1, { message: '请输入检索词' }),
  orgId: z.uuid({ message: '单位编号格式不正确' }).optional(),
  status: normdocStatusSchema.optional(),
  year: year.optional(),
});
export type NormdocSearchQuery = z.infer<typeof normdocSearchQuerySchema>;

/** Cap of the counted total (the count stops here; the page says "1000+"). */
export const NORMDOC_SEARCH_TOTAL_CAP = 1000;

export const normdocSearchHitSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: normdocStatusSchema,
  org: normdocOrgRefSchema,
  docNumber: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  publishedOn: z.string().nullable(),
  updatedAt: z.string(),
  /** HTML: every character escaped except the `<mark>…</mark>` around hits. */
  titleHtml: z.string(),
  /** About 120 characters of the body (or summary) around the first hit, same escaping. */
  snippetHtml: z.string(),
  rank: z.number(),
});
export type NormdocSearchHit = z.infer<typeof normdocSearchHitSchema>;
export const normdocSearchPageSchema = listResponse(normdocSearchHitSchema).extend({
  totalCapped: z.boolean(),
  /** The query words used for highlighting (jieba precise cut). */
  terms: z.array(z.string()),
});
