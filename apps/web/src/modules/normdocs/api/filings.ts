import {
  filingAssigneesSchema,
  filingListSchema,
  filingPageSchema,
  filingReviewPageSchema,
  filingReviewSchema,
  filingSchema,
  type Filing,
  type FilingRecipient,
  type FilingReview,
  type FilingReviewStatus,
  type FilingStatus,
  type filingAssignSchema,
  type filingCorrectionResultSchema,
  type filingCorrectionSchema,
  type filingOutcomeSchema,
  type filingRegisterSchema,
  type filingReviewInputSchema,
  type filingSubmitSchema,
} from '@fazhi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type QueryParams } from '../../../platform/api';

// 备案 (submitting side) and 备案审查 (receiving side) hooks.

export type FilingSubmitInput = z.input<typeof filingSubmitSchema>;
export type FilingCorrectionInput = z.input<typeof filingCorrectionSchema>;
export type FilingOutcomeInput = z.input<typeof filingOutcomeSchema>;
export type FilingRegisterInput = z.input<typeof filingRegisterSchema>;
export type FilingAssignInput = z.input<typeof filingAssignSchema>;
export type FilingReviewInput = z.input<typeof filingReviewInputSchema>;
export type FilingCorrectionResultInput = z.input<typeof filingCorrectionResultSchema>;

export interface FilingFilters {
  status?: FilingStatus;
  recipient?: FilingRecipient;
  overdue?: 'true' | 'false';
  year?: number;
  page: number;
  pageSize: number;
}

export interface FilingReviewFilters {
  status?: FilingReviewStatus;
  assignee?: string;
  overdue?: 'true' | 'false';
  year?: number;
  page: number;
  pageSize: number;
}

export const filingKeys = {
  all: ['normdoc-filings'] as const,
  list: (f: FilingFilters) => ['normdoc-filings', 'list', f] as const,
  doc: (docId: string) => ['normdoc-filings', 'doc', docId] as const,
  reviews: (f: FilingReviewFilters) => ['normdoc-filings', 'reviews', f] as const,
  assignees: ['normdoc-filings', 'assignees'] as const,
};

export const filingQuery = (f: FilingFilters | FilingReviewFilters): QueryParams => ({ ...f });

/** GET /api/normdocs/filings — the filing organ's filings (due first, by due date). */
export function useFilings(filters: FilingFilters) {
  return useQuery({
    queryKey: filingKeys.list(filters),
    queryFn: ({ signal }) => api.get('/api/normdocs/filings', filingPageSchema, filingQuery(filters), signal),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/normdocs/:id/filings — one document's filings. */
export function useDocFilings(docId: string) {
  return useQuery({
    queryKey: filingKeys.doc(docId),
    queryFn: ({ signal }) =>
      api.get(`/api/normdocs/${encodeURIComponent(docId)}/filings`, filingListSchema, undefined, signal),
  });
}

/** GET /api/normdocs/filing-reviews — the justice bureau's intake queue. */
export function useFilingReviews(filters: FilingReviewFilters) {
  return useQuery({
    queryKey: filingKeys.reviews(filters),
    queryFn: ({ signal }) =>
      api.get('/api/normdocs/filing-reviews', filingReviewPageSchema, filingQuery(filters), signal),
    placeholderData: keepPreviousData,
  });
}

export function useFilingAssignees(enabled: boolean) {
  return useQuery({
    queryKey: filingKeys.assignees,
    queryFn: ({ signal }) =>
      api.get('/api/normdocs/filing-reviews/assignees', filingAssigneesSchema, undefined, signal),
    enabled,
  });
}

/** Every write answers the updated record; refresh every filing list (both sides and the document page). */
function useFilingMutation<V, R extends Filing | FilingReview>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: filingKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['normdocs'] });
    },
  });
}

const filingPath = (id: string, rest: string) => `/api/normdocs/filings/${encodeURIComponent(id)}${rest}`;
const reviewPath = (id: string, rest: string) =>
  `/api/normdocs/filing-reviews/${encodeURIComponent(id)}${rest}`;

export const useSubmitFiling = () =>
  useFilingMutation(({ id, input, resubmit }: { id: string; input: FilingSubmitInput; resubmit: boolean }) =>
    api.post(filingPath(id, resubmit ? '/resubmit' : '/submit'), filingSchema, input),
  );
export const useReportCorrection = () =>
  useFilingMutation(({ id, input }: { id: string; input: FilingCorrectionInput }) =>
    api.post(filingPath(id, '/correction'), filingSchema, input),
  );
export const useRecordOutcome = () =>
  useFilingMutation(({ id, input }: { id: string; input: FilingOutcomeInput }) =>
    api.post(filingPath(id, '/outcome'), filingSchema, input),
  );
/** 上级主管部门 filing (vertical systems). */
export const useAddDepartmentFiling = () =>
  useFilingMutation(({ docId, recipientOrgId }: { docId: string; recipientOrgId?: string }) =>
    api.post(`/api/normdocs/${encodeURIComponent(docId)}/filings`, filingSchema, {
      recipientKind: 'superior_department',
      recipientOrgId,
    }),
  );

export const useRegisterFiling = () =>
  useFilingMutation(({ id, input }: { id: string; input: FilingRegisterInput }) =>
    api.post(reviewPath(id, '/register'), filingReviewSchema, input),
  );
export const useAssignReview = () =>
  useFilingMutation(({ id, input }: { id: string; input: FilingAssignInput }) =>
    api.post(reviewPath(id, '/assign'), filingReviewSchema, input),
  );
export const useReviewFiling = () =>
  useFilingMutation(({ id, input }: { id: string; input: FilingReviewInput }) =>
    api.post(reviewPath(id, '/review'), filingReviewSchema, input),
  );
export const useCorrectionResult = () =>
  useFilingMutation(({ id, input }: { id: string; input: FilingCorrectionResultInput }) =>
    api.post(reviewPath(id, '/correction-result'), filingReviewSchema, input),
  );
