import { bodyPageSchema, bodySchema, publicBodyPageSchema, type BodyAction } from '@fazhi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../../platform/api';

// 执法主体: registration, confirmation, announcement; the portal's announced list.

export const bodyKeys = { all: ['enf-bodies'] as const };
export const BODIES_PATH = '/api/enforcement/bodies';
const enc = encodeURIComponent;

export const useBodies = (f: QueryParams) =>
  useQuery({
    queryKey: [...bodyKeys.all, 'list', f],
    queryFn: ({ signal }) => api.get(BODIES_PATH, bodyPageSchema, f, signal),
    placeholderData: keepPreviousData,
  });

export const useBody = (id: string | null) =>
  useQuery({
    queryKey: [...bodyKeys.all, 'one', id],
    queryFn: ({ signal }) => api.get(`${BODIES_PATH}/${enc(id ?? '')}`, bodySchema, undefined, signal),
    enabled: id !== null,
  });

export const usePublicBodies = (f: QueryParams) =>
  useQuery({
    queryKey: [...bodyKeys.all, 'public', f],
    queryFn: ({ signal }) => api.get('/api/public/enforcement-bodies', publicBodyPageSchema, f, signal),
    placeholderData: keepPreviousData,
  });

function useBodyMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void qc.invalidateQueries({ queryKey: bodyKeys.all }),
  });
}

export const useCreateBody = () =>
  useBodyMutation((v: Record<string, unknown>) => api.post(BODIES_PATH, bodySchema, v));
export const useUpdateBody = () =>
  useBodyMutation(({ id, ...v }: { id: string } & Record<string, unknown>) =>
    api.patch(`${BODIES_PATH}/${enc(id)}`, bodySchema, v),
  );
export const useBodyAction = () =>
  useBodyMutation(({ id, action, ...v }: { id: string; action: BodyAction } & Record<string, unknown>) =>
    api.post(`${BODIES_PATH}/${enc(id)}/actions/${action}`, bodySchema, v),
  );
