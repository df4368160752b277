import { z } from 'zod';
import { isoDateSchema } from '../common/schemas';

export const dueDateUnitSchema = z.enum(['working_days', 'calendar_days', 'months']);
export type DueDateUnit = z.infer<typeof dueDateUnitSchema>;
export const DUE_DATE_UNITS: Record<DueDateUnit, string> = {
  working_days: '个工作日',
  calendar_days: '日（自然日）',
  months: '个月',
};

export const dueDateQuerySchema = z.object({
  start: isoDateSchema,
  amount: z.coerce.number().int('期限应为整数').min(0, '期限不能为负数').max(3650, '期限过长'),
  unit: dueDateUnitSchema,
});
export const dueDateResponseSchema = z.object({
  dueDate: z.string(),
  provisional: z.boolean(),
  provisionalYears: z.array(z.number().int()),
});

export const calendarDaySchema = z.object({
  date: isoDateSchema,
  kind: z.enum(['holiday', 'workday']),
  name: z.string().max(30).nullable(),
});
export const calendarYearParamsSchema = z.object({
  year: z.coerce
    .number({ message: '年份应为四位数字' })
    .int('年份应为四位数字')
    .min(1900, '年份超出范围（1900–2199）')
    .max(2199, '年份超出范围（1900–2199）'),
});
/** A year not yet entered is returned with `official: false`, no days and `version: 0` (weekends-only, provisional). */
export const calendarYearSchema = z.object({
  year: z.number().int(),
  official: z.boolean(),
  source: z.string().nullable(),
  days: z.array(calendarDaySchema),
  version: z.number().int(),
});
export const calendarYearsSchema = z.object({
  years: z.array(
    z.object({
      year: z.number().int(),
      official: z.boolean(),
      holidays: z.number().int(),
      workdays: z.number().int(),
      source: z.string().nullable(),
      version: z.number().int(),
    }),
  ),
});
export const calendarYearUpdateSchema = z.strictObject({
  official: z.boolean(),
  source: z.string().trim().max(120).nullable().default(null),
  days: z.array(calendarDaySchema).max(120),
  /** The version read with GET (0 for a year not yet entered): a stale one is refused (409). null writes unconditionally. */
  version: z.number().int().nullable().default(null),
});
export const calendarYearUpdateResultSchema = z.object({
  year: z.number().int(),
  recomputedClocks: z.number().int(),
  changedClocks: z.number().int(),
});
