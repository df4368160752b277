import { z } from 'zod';

/*
 * The indicator dashboard (issue 4 §6): values of chosen indicators for a region and each region directly
 * below it, over several years — the year-on-year chart and the ranking of the regions below are drawn from
 * the same rows.
 */

const csv = (re: RegExp, message: string) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(re, { message })));

export const dashboardQuerySchema = z.object({
  regionCode: z
    .string()
    .regex(/^\d{6,12}$/, { message: '区划代码格式不正确' })
    .optional(),
  /** Indicator codes, comma-separated (1–12). */
  codes: csv(/^[a-z0-9_]{2,80}$/, '指标代码格式不正确').pipe(
    z.array(z.string()).min(1, { message: '请至少选择一个指标' }).max(12, { message: '最多选择 12 个指标' }),
  ),
  /** Years, comma-separated (1–10); default: the last three. */
  years: csv(/^\d{4}$/, '年度格式不正确')
    .pipe(z.array(z.string()).max(10, { message: '最多选择 10 个年度' }))
    .optional(),
  /** For the Excel export of one chart: 'trend' = the region's own cells, 'ranking' = the regions below. */
  part: z.enum(['all', 'trend', 'ranking']).optional(),
});
export type DashboardQuery = z.input<typeof dashboardQuerySchema>;

export const dashboardCellSchema = z.object({
  /** The region (or, for own-organisation roles, the organisation) the value belongs to. */
  subjectCode: z.string(),
  subjectName: z.string(),
  /** true for the chosen region itself, false for a region below it. */
  self: z.boolean(),
  year: z.string(),
  code: z.string(),
  value: z.number().nullable(),
  display: z.string(),
  approx: z.boolean(),
});
export type DashboardCell = z.infer<typeof dashboardCellSchema>;

export const dashboardResultSchema = z.object({
  scope: z.object({ code: z.string(), name: z.string(), kind: z.enum(['region', 'org']) }),
  indicators: z.array(z.object({ code: z.string(), name: z.string(), unit: z.string() })),
  years: z.array(z.string()),
  cells: z.array(dashboardCellSchema),
});
export type DashboardResult = z.infer<typeof dashboardResultSchema>;
