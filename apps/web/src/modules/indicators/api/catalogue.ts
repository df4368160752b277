import {
  indicatorGroupSchema,
  indicatorListSchema,
  indicatorSchema,
  indicatorSystemListSchema,
  indicatorSystemTreeSchema,
  type IndicatorKind,
  type indicatorCreateSchema,
  type indicatorSystemCreateSchema,
  type indicatorSystemItemCreateSchema,
  type indicatorSystemItemUpdateSchema,
  type indicatorSystemUpdateSchema,
  type indicatorUpdateSchema,
} from '@fazhi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, type QueryParams } from '../../../platform/api';

// The indicator catalogue (指标目录) and indicator systems (指标体系).

export type IndicatorCreateInput = z.input<typeof indicatorCreateSchema>;
export type IndicatorUpdateInput = z.input<typeof indicatorUpdateSchema>;
export type SystemCreateInput = z.input<typeof indicatorSystemCreateSchema>;
export type SystemUpdateInput = z.input<typeof indicatorSystemUpdateSchema>;
export type SystemItemCreateInput = z.input<typeof indicatorSystemItemCreateSchema>;
export type SystemItemUpdateInput = z.input<typeof indicatorSystemItemUpdateSchema>;

export interface IndicatorFilters {
  group?: string;
  kind?: IndicatorKind;
  q?: string;
}

export const indicatorKeys = {
  all: ['indicators'] as const,
  list: (f: IndicatorFilters) => ['indicators', 'list', f] as const,
  groups: ['indicators', 'groups'] as const,
  systems: ['indicator-systems'] as const,
  system: (id: string) => ['indicator-systems', id] as const,
};

export const indicatorQuery = (f: IndicatorFilters): QueryParams => ({ ...f });

export function useIndicators(filters: IndicatorFilters) {
  return useQuery({
    queryKey: indicatorKeys.list(filters),
    queryFn: ({ signal }) => api.get('/api/indicators', indicatorListSchema, indicatorQuery(filters), signal),
    placeholderData: keepPreviousData,
  });
}

const groupsSchema = z.object({ items: z.array(indicatorGroupSchema) });

export function useIndicatorGroups() {
  return useQuery({
    queryKey: indicatorKeys.groups,
    queryFn: ({ signal }) => api.get('/api/indicator-groups', groupsSchema, undefined, signal),
    staleTime: 10 * 60_000,
  });
}

function useCatalogueMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: indicatorKeys.all }),
  });
}

export const useCreateIndicator = () =>
  useCatalogueMutation((input: IndicatorCreateInput) => api.post('/api/indicators', indicatorSchema, input));

export const useUpdateIndicator = () =>
  useCatalogueMutation((v: { code: string; input: IndicatorUpdateInput }) =>
    api.put(`/api/indicators/${encodeURIComponent(v.code)}`, indicatorSchema, v.input),
  );

export function useIndicatorSystems() {
  return useQuery({
    queryKey: indicatorKeys.systems,
    queryFn: ({ signal }) => api.get('/api/indicator-systems', indicatorSystemListSchema, undefined, signal),
  });
}

export function useIndicatorSystem(id: string | undefined) {
  return useQuery({
    queryKey: indicatorKeys.system(id ?? ''),
    queryFn: ({ signal }) =>
      api.get(
        `/api/indicator-systems/${encodeURIComponent(id ?? '')}`,
        indicatorSystemTreeSchema,
        undefined,
        signal,
      ),
    enabled: !!id,
  });
}

function useSystemMutation<V>(fn: (v: V) => Promise<z.output<typeof indicatorSystemTreeSchema>>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (tree) => {
      queryClient.setQueryData(indicatorKeys.system(tree.id), tree);
      void queryClient.invalidateQueries({ queryKey: indicatorKeys.systems, exact: true });
    },
  });
}

export const useCreateSystem = () =>
  useSystemMutation((input: SystemCreateInput) =>
    api.post('/api/indicator-systems', indicatorSystemTreeSchema, input),
  );

export const useUpdateSystem = () =>
  useSystemMutation((v: { id: string; input: SystemUpdateInput }) =>
    api.put(`/api/indicator-systems/${encodeURIComponent(v.id)}`, indicatorSystemTreeSchema, v.input),
  );

export const useAddSystemItem = () =>
  useSystemMutation((v: { systemId: string; input: SystemItemCreateInput }) =>
    api.post(
      `/api/indicator-systems/${encodeURIComponent(v.systemId)}/items`,
      indicatorSystemTreeSchema,
      v.input,
    ),
  );

export const useUpdateSystemItem = () =>
  useSystemMutation((v: { id: string; input: SystemItemUpdateInput }) =>
    api.put(`/api/indicator-system-items/${encodeURIComponent(v.id)}`, indicatorSystemTreeSchema, v.input),
  );
