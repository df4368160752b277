import { z } from 'zod';
import { idSchema } from '../common/schemas';

/*
 * Import of a published 法治政府建设 report (issue 4 §6): the text is analysed into proposed indicator values
 * (number + unit + the sentence it came from); nothing is stored until a person confirms a selection, which
 * is written as source 'imported' values with provenance (sentence, section, report).
 */

const yearSchema = z.coerce
  .number()
  .int({ message: '年度应为整数' })
  .min(2000, { message: '年度不能早于 2000 年' })
  .max(2100, { message: '年度不能晚于 2100 年' });

export const indicatorImportAnalyseSchema = z.object({
  orgId: idSchema,
  year: yearSchema,
  /** The report's text (pasted, or read from an uploaded .txt). */
  text: z
    .string()
    .min(10, { message: '请粘贴或上传报告正文' })
    .max(300_000, { message: '报告正文过长（最多 30 万字），请分段导入' }),
  /** The report's title or file name, kept in the provenance. */
  reportName: z.string().max(200).optional(),
});
export type IndicatorImportAnalyse = z.infer<typeof indicatorImportAnalyseSchema>;

export const indicatorImportProposalSchema = z.object({
  indicatorCode: z.string(),
  name: z.string(),
  /** In the indicator's unit (16.23万件 → 162300 when the indicator counts 件). */
  value: z.number(),
  unit: z.string(),
  /** The figure as written: '16.23万余件'. */
  written: z.string(),
  unitWritten: z.string().nullable(),
  approx: z.boolean(),
  sentence: z.string(),
  section: z.string(),
  confidence: z.number(),
  alternatives: z.array(z.object({ indicatorCode: z.string(), name: z.string(), confidence: z.number() })),
  /** A value already stored for this organisation and year from another source (for comparison). */
  existing: z.object({ source: z.string(), value: z.number().nullable() }).nullable(),
});
export type IndicatorImportProposal = z.infer<typeof indicatorImportProposalSchema>;

export const indicatorImportAnalysisSchema = z.object({
  orgId: idSchema,
  orgName: z.string(),
  year: z.number(),
  period: z.string(),
  reportName: z.string(),
  proposals: z.array(indicatorImportProposalSchema),
});
export type IndicatorImportAnalysis = z.infer<typeof indicatorImportAnalysisSchema>;

export const indicatorImportConfirmSchema = z.object({
  orgId: idSchema,
  year: yearSchema,
  reportName: z.string().max(200).default(''),
  items: z
    .array(
      z.object({
        indicatorCode: z.string().regex(/^[a-z0-9_]{2,80}$/, { message: '指标代码格式不正确' }),
        /** In the indicator's unit; a person may edit it. */
        value: z.number().finite({ message: '数值不是有效数字' }),
        approx: z.boolean().default(false),
        sentence: z.string().max(2000).default(''),
        section: z.string().max(500).default(''),
        written: z.string().max(100).default(''),
      }),
    )
    .min(1, { message: '请至少勾选一项' })
    .max(1000),
});
export type IndicatorImportConfirm = z.infer<typeof indicatorImportConfirmSchema>;

export const indicatorImportConfirmResultSchema = z.object({ count: z.number(), period: z.string() });
export type IndicatorImportConfirmResult = z.infer<typeof indicatorImportConfirmResultSchema>;
