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

export function auditQuery(f: AuditFilters): QueryParams {
  return { ...f };
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
