import {
  orgListSchema,
  orgSchema,
  type Org,
  type orgCreateSchema,
  type OrgType,
  type orgUpdateSchema,
} from '@fazhi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type QueryParams } from '../../../platform/api';

export type OrgCreateInput = z.input<typeof orgCreateSchema>;
export type OrgUpdateInput = z.input<typeof orgUpdateSchema>;

export interface OrgFilters {
  q?: string;
  regionCode?: string;
  type?: OrgType;
  includeDisabled?: boolean;
}

export const orgKeys = {
  all: ['orgs'] as const,
  list: (filters: OrgFilters) => ['orgs', 'list', filters] as const,
};

/**
 * Query parameters for GET /api/orgs. `includeDisabled` is sent only when true: the server coerces the
 * string, and `z.coerce.boolean()` reads "false" as true.
 */
export function orgQuery(filters: OrgFilters): QueryParams {
  return {
    q: filters.q,
    regionCode: filters.regionCode,
    type: filters.type,
    includeDisabled: filters.includeDisabled ? 'true' : undefined,
  };
}

/** GET /api/orgs — flat, in the caller's scope. */
export function useOrgs(filters: OrgFilters = {}) {
  return useQuery({
    queryKey: orgKeys.list(filters),
    queryFn: ({ signal }) => api.get('/api/orgs', orgListSchema, orgQuery(filters), signal),
    placeholderData: keepPreviousData,
    select: (data) => data.items,
  });
}

export function useCreateOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrgCreateInput) => api.post('/api/orgs', orgSchema, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.all }),
  });
}

export function useUpdateOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: OrgUpdateInput }) =>
      api.patch(`/api/orgs/${encodeURIComponent(id)}`, orgSchema, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.all }),
  });
}

/** PATCH { disabled } — 停用 / 启用. */
export function useSetOrgDisabled() {
  const update = useUpdateOrg();
  return {
    ...update,
    setDisabled: (org: Org, disabled: boolean) =>
      update.mutateAsync({ id: org.id, input: { disabled, version: org.version } }),
  };
}
