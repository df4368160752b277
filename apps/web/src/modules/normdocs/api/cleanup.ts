import {
  cleanupApplyResultSchema,
  cleanupCampaignPageSchema,
  cleanupCampaignSchema,
  cleanupItemPageSchema,
  evaluationListSchema,
  evaluationSchema,
  okSchema,
  type CleanupCampaignStatus,
  type CleanupResult,
  type cleanupCampaignCreateSchema,
  type cleanupDecisionSchema,
  type cleanupItemDecideSchema,
  type evaluationCreateSchema,
} from '@fazhi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type QueryParams } from '../../../platform/api';

// 清理 campaigns and 后评估.

export type CampaignCreateInput = z.input<typeof cleanupCampaignCreateSchema>;
export type ItemDecideInput = z.input<typeof cleanupItemDecideSchema>;
export type DecisionInput = z.input<typeof cleanupDecisionSchema>;
export type EvaluationInput = z.input<typeof evaluationCreateSchema>;

export interface CampaignFilters {
  status?: CleanupCampaignStatus;
  page: number;
  pageSize: number;
}
export interface ItemFilters {
  result?: CleanupResult | 'undecided';
  q?: string;
  page: number;
  pageSize: number;
}

export const cleanupKeys = {
  all: ['normdoc-cleanup'] as const,
  list: (f: CampaignFilters) => ['normdoc-cleanup', 'list', f] as const,
  detail: (id: string) => ['normdoc-cleanup', 'detail', id] as const,
  items: (id: string, f: ItemFilters) => ['normdoc-cleanup', 'items', id, f] as const,
  evaluations: (docId: string) => ['normdoc-evaluations', docId] as const,
};

export const campaignPath = (id: string, rest = '') =>
  `/api/normdocs/cleanup-campaigns/${encodeURIComponent(id)}${rest}`;
export const itemQuery = (f: ItemFilters): QueryParams => ({ ...f });

export function useCampaigns(filters: CampaignFilters) {
  return useQuery({
    queryKey: cleanupKeys.list(filters),
    queryFn: ({ signal }) =>
      api.get('/api/normdocs/cleanup-campaigns', cleanupCampaignPageSchema, { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCampaign(id: string | undefined) {
  return useQuery({
    queryKey: cleanupKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get(campaignPath(id ?? ''), cleanupCampaignSchema, undefined, signal),
    enabled: !!id,
  });
}

export function useCampaignItems(id: string | undefined, filters: ItemFilters) {
  return useQuery({
    queryKey: cleanupKeys.items(id ?? '', filters),
    queryFn: ({ signal }) =>
      api.get(campaignPath(id ?? '', '/items'), cleanupItemPageSchema, itemQuery(filters), signal),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

function useCleanupMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: cleanupKeys.all }),
  });
}

export const useCreateCampaign = () =>
  useCleanupMutation((input: CampaignCreateInput) =>
    api.post('/api/normdocs/cleanup-campaigns', cleanupCampaignSchema, input),
  );

export const useDecideItem = () =>
  useCleanupMutation((v: { id: string; docId: string; input: ItemDecideInput }) =>
    api.post(campaignPath(v.id, `/items/${encodeURIComponent(v.docId)}`), okSchema, v.input),
  );

export const useRecordDecision = () =>
  useCleanupMutation((v: { id: string; input: DecisionInput }) =>
    api.post(campaignPath(v.id, '/decision'), cleanupCampaignSchema, v.input),
  );

export const useApplyCampaign = () =>
  useCleanupMutation((v: { id: string; version: number }) =>
    api.post(campaignPath(v.id, '/apply'), cleanupApplyResultSchema, { version: v.version }),
  );

export function useEvaluations(docId: string) {
  return useQuery({
    queryKey: cleanupKeys.evaluations(docId),
    queryFn: ({ signal }) =>
      api.get(
        `/api/normdocs/${encodeURIComponent(docId)}/evaluations`,
        evaluationListSchema,
        undefined,
        signal,
      ),
  });
}

export function useCreateEvaluation(docId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EvaluationInput) =>
      api.post(`/api/normdocs/${encodeURIComponent(docId)}/evaluations`, evaluationSchema, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: cleanupKeys.evaluations(docId) });
      void queryClient.invalidateQueries({ queryKey: ['normdocs'] });
    },
  });
}
