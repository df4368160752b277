import { auditPageSchema, auditVerifySchema } from '@fazhi/contracts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type QueryParams } from '../../../platform/api';

export type AuditOutcome = 'ok' | 'denied' | 'failed';
export type AuditVerifyResult = z.infer<typeof auditVerifySchema>;

export interface AuditFilters {
  q?: string;
  action?: string;
  entityType?: string;
  outcome?: AuditOutcome;
  /** ISO dates (YYYY-MM-DD), both inclusive. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/**
 * Query parameters. A bare `from` date would be read as UTC midnight (08:00 in China), so it is sent as the
 * start of the day at +08:00; a bare `to` date is already read by the server as the end of that day.
 */
export function auditQuery(f: AuditFilters): QueryParams {
  return { ...f, from: f.from && f.from.length === 10 ? `${f.from}T00:00:00+08:00` : f.from };
}

/** GET /api/audit — newest first, paged. */
export function useAuditLog(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', 'list', filters],
    queryFn: ({ signal }) => api.get('/api/audit', auditPageSchema, auditQuery(filters), signal),
    placeholderData: keepPreviousData,
  });
}

/** POST /api/audit/verify — walks the hash chain and reports the first broken sequence number. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.post('/api/audit/verify', auditVerifySchema) });
}
