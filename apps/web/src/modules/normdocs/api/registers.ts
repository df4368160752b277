import {
  registerDetailSchema,
  registerEntryClassifyResultSchema,
  registerPageSchema,
  registerSampleResultSchema,
  registerSummarySchema,
  unfiledFindingPageSchema,
  unfiledFindingSchema,
  type RegisterEntryClassifyInput,
  type RegisterSampleInput,
  type UnfiledFindingStatus,
  type UnfiledFollowUpInput,
} from '@fazhi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../../platform/api';

// 发文目录核查 (认定未备案): registers, sampling, classification and 漏备 findings.

export interface RegisterFilters {
  orgId?: string;
  q?: string;
  page: number;
  pageSize: number;
}
export interface FindingFilters {
  status?: UnfiledFindingStatus;
  registerId?: string;
  page: number;
  pageSize: number;
}

export const registerKeys = {
  all: ['normdoc-registers'] as const,
  list: (f: RegisterFilters) => ['normdoc-registers', 'list', f] as const,
  detail: (id: string, q: QueryParams) => ['normdoc-registers', 'detail', id, q] as const,
  findings: (f: FindingFilters) => ['normdoc-registers', 'findings', f] as const,
};

const path = (id: string, rest = '') => `/api/normdocs/registers/${encodeURIComponent(id)}${rest}`;

export function useRegisters(filters: RegisterFilters) {
  return useQuery({
    queryKey: registerKeys.list(filters),
    queryFn: ({ signal }) => api.get('/api/normdocs/registers', registerPageSchema, { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRegister(
  id: string | undefined,
  q: { sampledOnly: boolean; page: number; pageSize: number },
) {
  const query: QueryParams = {
    sampledOnly: q.sampledOnly ? 'true' : undefined,
    page: q.page,
    pageSize: q.pageSize,
  };
  return useQuery({
    queryKey: registerKeys.detail(id ?? '', query),
    queryFn: ({ signal }) => api.get(path(id ?? ''), registerDetailSchema, query, signal),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

export function useUnfiledFindings(filters: FindingFilters) {
  return useQuery({
    queryKey: registerKeys.findings(filters),
    queryFn: ({ signal }) =>
      api.get('/api/normdocs/unfiled-findings', unfiledFindingPageSchema, { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

function useRegisterMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: registerKeys.all }),
  });
}

/** POST /api/normdocs/registers (multipart: orgId, title, file). */
export const useUploadRegister = () =>
  useRegisterMutation((v: { orgId: string; title: string; file: File }) => {
    const form = new FormData();
    form.append('orgId', v.orgId);
    form.append('title', v.title);
    form.append('file', v.file, v.file.name);
    return api.post('/api/normdocs/registers', registerSummarySchema, form);
  });

export const useSampleRegister = () =>
  useRegisterMutation((v: { id: string; input: RegisterSampleInput }) =>
    api.post(path(v.id, '/sample'), registerSampleResultSchema, v.input),
  );

export const useVerifySample = () =>
  useMutation({
    mutationFn: (v: { id: string; input: RegisterSampleInput }) =>
      api.post(path(v.id, '/sample/verify'), registerSampleResultSchema, v.input),
  });

export const useClassifyEntry = () =>
  useRegisterMutation((v: { entryId: string; input: RegisterEntryClassifyInput }) =>
    api.post(
      `/api/normdocs/register-entries/${encodeURIComponent(v.entryId)}/classify`,
      registerEntryClassifyResultSchema,
      v.input,
    ),
  );

export const useFollowUpFinding = () =>
  useRegisterMutation((v: { id: string; input: UnfiledFollowUpInput }) =>
    api.post(
      `/api/normdocs/unfiled-findings/${encodeURIComponent(v.id)}/follow-up`,
      unfiledFindingSchema,
      v.input,
    ),
  );

export const registerTemplateUrl = '/api/normdocs/registers/template.xlsx';
export const registerEntriesListPath = (id: string) => path(id, '/entries');
