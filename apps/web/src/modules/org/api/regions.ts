import {
  regionListSchema,
  regionSchema,
  type regionCreateSchema,
  type regionUpdateSchema,
} from '@fazhi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../platform/api';

export type RegionCreateInput = z.input<typeof regionCreateSchema>;
export type RegionUpdateInput = z.input<typeof regionUpdateSchema>;

export const regionKeys = { all: ['regions'] as const };

/** GET /api/regions — the caller's scope, flat (the tree is built by parentCode). */
export function useRegions() {
  return useQuery({
    queryKey: regionKeys.all,
    queryFn: ({ signal }) => api.get('/api/regions', regionListSchema, undefined, signal),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

export function useCreateRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RegionCreateInput) => api.post('/api/regions', regionSchema, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: regionKeys.all }),
  });
}

export function useUpdateRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, input }: { code: string; input: RegionUpdateInput }) =>
      api.patch(`/api/regions/${encodeURIComponent(code)}`, regionSchema, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: regionKeys.all }),
  });
}
