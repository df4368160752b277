import { z } from 'zod';
import { listResponse } from '../common/schemas';

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const notificationPageSchema = listResponse(notificationSchema).extend({ unread: z.number().int() });
