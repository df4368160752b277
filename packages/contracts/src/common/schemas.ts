import { z } from 'zod';
import { errorCodes } from './errors';

export const idSchema = z.uuid();
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return (
        !Number.isNaN(d.getTime()) &&
        d.toISOString().slice(0, 10) === s &&
        s >= '1900-01-01' &&
        s <= '2199-12-31'
      );
    },
    { message: '日期无效或超出允许范围' },
  );
export const isoDateTimeSchema = z.string();

export const errorBodySchema = z.object({
  code: z.enum(errorCodes as [string, ...string[]]),
  message: z.string(),
  details: z.unknown().optional(),
  requestId: z.string().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const listResponse = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

export const okSchema = z.object({ ok: z.literal(true) });

/** Actions the caller may perform on a record, computed by the server's policy layer. */
export const abilitiesSchema = z.array(z.string());
