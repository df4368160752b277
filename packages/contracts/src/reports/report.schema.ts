import { z } from 'zod';
import { isoDateSchema, listResponse, pageQuerySchema } from '../common/schemas';
import { MAX_SECTION_CHARS } from './report.markup';
import { reportKindNames, type ReportKind } from './report.outline';
import { reportActionNames, reportStatusNames, type ReportAction, type ReportStatus } from './report.states';

export const reportKindSchema = z.enum(reportKindNames as [ReportKind, ...ReportKind[]]);
export const reportStatusSchema = z.enum(reportStatusNames as [ReportStatus, ...ReportStatus[]]);
export const reportActionSchema = z.enum(reportActionNames as [ReportAction, ...ReportAction[]]);

const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `请填写${what}` })
    .max(max, { message: `${what}不超过${max}字` });
const orgRef = z.object({ id: z.string(), name: z.string() });
const versionField = z.number().int().min(1);

export const reportCreateSchema = z.object({
  orgId: z.uuid({ message: '请选择报告单位' }),
  /** Joint report (党委 + 政府): the Party committee. */
  coOrgId: z.uuid({ message: '联合报告的党委单位编号格式不正确' }).nullish(),
  year: z.number().int().min(2000, { message: '年度不正确' }).max(2100, { message: '年度不正确' }),
  kind: reportKindSchema,
  title: z.string().trim().max(120, { message: '标题不超过120字' }).optional(),
});
export type ReportCreate = z.infer<typeof reportCreateSchema>;

export const reportUpdateSchema = z.object({
  version: versionField,
  title: text(120, '标题').optional(),
  /** 发文字号, e.g. 三政文〔2025〕5号. */
  docNumber: z.string().trim().max(40, { message: '发文字号不超过40字' }).nullish(),
  /** 签发人 (上行文). */
  signer: z.string().trim().max(40, { message: '签发人不超过40字' }).nullish(),
  /** 成文日期. */
  issuedOn: isoDateSchema.nullish(),
});
export type ReportUpdate = z.infer<typeof reportUpdateSchema>;

export const reportListQuerySchema = pageQuerySchema.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  orgId: z.uuid().optional(),
  status: reportStatusSchema.optional(),
});
export type ReportListQuery = z.infer<typeof reportListQuerySchema>;

export const reportDeadlinesSchema = z.object({ sendBy: z.string(), publishBy: z.string() });

export const reportSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number().int(),
  kind: reportKindSchema,
  status: reportStatusSchema,
  org: orgRef,
  coOrg: orgRef.nullable(),
  regionCode: z.string(),
  deadlines: reportDeadlinesSchema,
  sentOn: z.string().nullable(),
  publishedOn: z.string().nullable(),
  updatedAt: z.string(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;
export const reportPageSchema = listResponse(reportSummarySchema);

export const reportSectionSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  level: z.number().int(),
  sort: z.number().int(),
  body: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  openComments: z.number().int(),
});
export type ReportSection = z.infer<typeof reportSectionSchema>;

export const reportSignoffInputSchema = z.object({
  name: text(40, '负责人姓名'),
  position: text(60, '职务'),
  signedOn: isoDateSchema,
});
export const reportSignoffSchema = reportSignoffInputSchema.extend({ id: z.string() });

export const reportSendingInputSchema = z.object({
  recipient: text(120, '报送对象'),
  copyTo: z.array(text(120, '抄送单位')).max(20).default([]),
  sentOn: isoDateSchema,
  channel: z.string().trim().max(60, { message: '报送方式不超过60字' }).default(''),
});
export type ReportSendingInput = z.infer<typeof reportSendingInputSchema>;
export const reportSendingSchema = reportSendingInputSchema.extend({ id: z.string() });

export const reportSecrecyReviewSchema = z.object({
  reviewer: z.string(),
  reviewedOn: z.string(),
  conclusion: z.string(),
});

export const reportSchema = reportSummarySchema.extend({
  docNumber: z.string().nullable(),
  signer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  secrecyReview: reportSecrecyReviewSchema.nullable(),
  publishedUrl: z.string().nullable(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
  sections: z.array(reportSectionSchema),
  signoffs: z.array(reportSignoffSchema),
  sendings: z.array(reportSendingSchema),
  actions: z.array(reportActionSchema),
  /** 'edit' (sections, metadata, versions, 起草助手), 'comment', 'send' (more sending records). */
  abilities: z.array(z.string()),
});
export type Report = z.infer<typeof reportSchema>;

export const reportSectionUpdateSchema = z.object({
  version: versionField,
  body: z.string().max(MAX_SECTION_CHARS, { message: `每节正文不超过${MAX_SECTION_CHARS}字` }),
});
export type ReportSectionUpdate = z.infer<typeof reportSectionUpdateSchema>;

/** One transition body for every actor; the route checks that the action belongs to it. */
export const reportTransitionSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.enum(['start_draft', 'to_discussion', 'to_review', 'revise', 'archive']),
    version: versionField,
    note: z.string().trim().max(500).optional(),
  }),
  z.object({
    action: z.literal('secrecy_review'),
    version: versionField,
    reviewer: text(60, '保密审查人'),
    reviewedOn: isoDateSchema,
    conclusion: text(500, '保密审查结论'),
  }),
  z.object({
    action: z.literal('sign'),
    version: versionField,
    signoffs: z.array(reportSignoffInputSchema).min(1, { message: '请填写签发的党政主要负责人' }).max(4),
    docNumber: z.string().trim().max(40).nullish(),
    signer: z.string().trim().max(40).nullish(),
    issuedOn: isoDateSchema,
  }),
  z.object({
    action: z.literal('send'),
    version: versionField,
    sendings: z.array(reportSendingInputSchema).min(1, { message: '请至少填写一个报送对象' }).max(10),
  }),
  z.object({
    action: z.literal('publish'),
    version: versionField,
    publishedOn: isoDateSchema,
    url: z.string().trim().max(500).nullish(),
  }),
]);
export type ReportTransitionInput = z.infer<typeof reportTransitionSchema>;

export const REPORT_VERSION_LABELS = ['初稿', '讨论稿', '送审稿', '签发稿', '公开稿'] as const;
export const reportVersionCreateSchema = z.object({ label: text(20, '版本名称') });
export const reportVersionSummarySchema = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export const reportVersionListSchema = z.object({ items: z.array(reportVersionSummarySchema) });

export const reportCommentCreateSchema = z.object({
  sectionCode: z.string().max(40).nullish(),
  text: text(2000, '意见内容'),
});
export const reportCommentSchema = z.object({
  id: z.string(),
  sectionCode: z.string().nullable(),
  authorName: z.string(),
  text: z.string(),
  resolved: z.boolean(),
  createdAt: z.string(),
});
export const reportCommentListSchema = z.object({ items: z.array(reportCommentSchema) });

/** A rendered run: text, or a figure with its current value and provenance. */
export const renderedRunSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string(), bold: z.boolean() }),
  z.object({
    kind: z.literal('figure'),
    code: z.string(),
    name: z.string(),
    unit: z.string(),
    display: z.string(),
    value: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    approx: z.boolean(),
    /** 'computed' (from records) | 'collected' (填报) | 'none' (no value: shown as —). */
    source: z.string(),
    provenanceUrl: z.string(),
    bold: z.boolean(),
  }),
]);
export type RenderedRun = z.infer<typeof renderedRunSchema>;
export const renderedSectionSchema = z.object({
  code: z.string(),
  title: z.string(),
  level: z.number().int(),
  paragraphs: z.array(z.object({ runs: z.array(renderedRunSchema) })),
});
export type RenderedSection = z.infer<typeof renderedSectionSchema>;

export const reportPreviewSchema = z.object({
  reportId: z.string(),
  title: z.string(),
  period: z.string(),
  /** Whose figures: the organisation, or the region of a government / Party committee report. */
  target: z.object({ orgId: z.string().nullable(), regionCode: z.string().nullable(), name: z.string() }),
  issuer: z.string(),
  issuedOn: z.string().nullable(),
  sections: z.array(renderedSectionSchema),
  /** Frozen at publication (the published version), or computed now. */
  frozen: z.boolean(),
});
export type ReportPreview = z.infer<typeof reportPreviewSchema>;

export const reportVersionSchema = reportVersionSummarySchema.extend({
  sections: z.array(z.object({ code: z.string(), title: z.string(), body: z.string() })),
  rendered: z.array(renderedSectionSchema).nullable(),
});

export const reportAssistResultSchema = z.object({
  filled: z.array(z.string()),
  skipped: z.array(z.string()),
  narratives: z.number().int(),
  report: reportSchema,
});

export const publishedReportSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number().int(),
  orgName: z.string(),
  regionCode: z.string(),
  publishedOn: z.string().nullable(),
});
export const publishedReportPageSchema = listResponse(publishedReportSummarySchema);
export const publishedReportQuerySchema = pageQuerySchema.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  regionCode: z.string().max(12).optional(),
  q: z.string().trim().max(50).optional(),
});
export const publishedReportSchema = publishedReportSummarySchema.extend({
  docNumber: z.string().nullable(),
  issuer: z.string(),
  issuedOn: z.string().nullable(),
  sections: z.array(renderedSectionSchema),
});
