import { z } from 'zod';

/** An Excel import in progress or finished (GET /api/import/jobs/:jobId). */
export const importJobSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: z.enum(['running', 'failed', 'succeeded']),
  processed: z.number().int(),
  total: z.number().int(),
  errorCount: z.number().int(),
  message: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;
export const importStartSchema = z.object({ jobId: z.uuid() });
