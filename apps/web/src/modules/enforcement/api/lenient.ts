import {
  lenientCaseListSchema,
  lenientCaseSchema,
  lenientImportResultSchema,
  lenientListDetailSchema,
  lenientListListSchema,
  lenientTotalsSchema,
} from '@fazhi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../../platform/api';

// 包容审慎监管“四张清单”: lists and versions, cases (entered or imported), totals.

export const lenientKeys = { all: ['enf-lenient'] as const };
export const LENIENT_PATH = '/api/enforcement/lenient';

export const useLenientLists = (filters: QueryParams) =>
  useQuery({
    queryKey: [...lenientKeys.all, 'lists', filters],
    queryFn: ({ signal }) => api.get(`${LENIENT_PATH}/lists`, lenientListListSchema, filters, signal),
    placeholderData: keepPreviousData,
  });
export const useLenientList = (id: string | null) =>
  useQuery({
    queryKey: [...lenientKeys.all, 'list', id],
    queryFn: ({ signal }) =>
      api.get(`${LENIENT_PATH}/lists/${id}`, lenientListDetailSchema, undefined, signal),
    enabled: !!id,
  });
export const useLenientCases = (id: string | null) =>
  useQuery({
    queryKey: [...lenientKeys.all, 'cases', id],
    queryFn: ({ signal }) =>
      api.get(`${LENIENT_PATH}/lists/${id}/cases`, lenientCaseListSchema, undefined, signal),
    enabled: !!id,
  });
export const useLenientTotals = (year: number | undefined) =>
  useQuery({
    queryKey: [...lenientKeys.all, 'totals', year],
    queryFn: ({ signal }) => api.get(`${LENIENT_PATH}/totals`, lenientTotalsSchema, { year }, signal),
  });

function useLenientMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void qc.invalidateQueries({ queryKey: lenientKeys.all }),
  });
}
export const useCreateLenientList = () =>
  useLenientMutation((v: Record<string, unknown>) =>
    api.post(`${LENIENT_PATH}/lists`, lenientListDetailSchema, v),
  );
export const useReviseLenientList = (id: string) =>
  useLenientMutation((v: Record<string, unknown>) =>
    api.post(`${LENIENT_PATH}/lists/${id}/versions`, lenientListDetailSchema, v),
  );
export const useCreateLenientCase = (id: string) =>
  useLenientMutation((v: Record<string, unknown>) =>
    api.post(`${LENIENT_PATH}/lists/${id}/cases`, lenientCaseSchema, v),
  );
export const useImportLenientCases = (id: string) =>
  useLenientMutation((file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.post(`${LENIENT_PATH}/lists/${id}/cases/import`, lenientImportResultSchema, form);
  });
