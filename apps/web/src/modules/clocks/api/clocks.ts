import {
  clockPageSchema,
  clockSchema,
  type Clock,
  type clockCompleteSchema,
  type clockCreateSchema,
  type clockExtensionCreateSchema,
  type clockListQuerySchema,
  type clockPauseCreateSchema,
  type clockPauseEndSchema,
  type ClockStatus,
} from '@fazhi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type QueryParams } from '../../../platform/api';

export type ClockCreateInput = z.input<typeof clockCreateSchema>;
export type ClockPauseInput = z.input<typeof clockPauseCreateSchema>;
export type ClockPauseEndInput = z.input<typeof clockPauseEndSchema>;
export type ClockExtensionInput = z.input<typeof clockExtensionCreateSchema>;
export type ClockCompleteInput = z.input<typeof clockCompleteSchema>;
export type ClockSort = z.output<typeof clockListQuerySchema>['sort'];

export interface ClockFilters {
  status?: ClockStatus;
  orgId?: string;
  q?: string;
  dueFrom?: string;
  dueTo?: string;
  sort: ClockSort;
  page: number;
  pageSize: number;
}

export const clockKeys = {
  all: ['clocks'] as const,
  list: (f: ClockFilters) => ['clocks', 'list', f] as const,
  detail: (id: string) => ['clocks', 'detail', id] as const,
};

export function clockQuery(f: ClockFilters): QueryParams {
  return { ...f };
}

/** GET /api/clocks — paged, sorted by due date by default. */
export function useClocks(filters: ClockFilters) {
  return useQuery({
    queryKey: clockKeys.list(filters),
    queryFn: ({ signal }) => api.get('/api/clocks', clockPageSchema, clockQuery(filters), signal),
    placeholderData: keepPreviousData,
  });
}

export function useClock(id: string | undefined) {
  return useQuery({
    queryKey: clockKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      api.get(`/api/clocks/${encodeURIComponent(id ?? '')}`, clockSchema, undefined, signal),
    enabled: !!id,
  });
}

/** Every clock write answers the updated clock: store it and refresh the lists and counts. */
function useClockMutation<V>(fn: (vars: V) => Promise<Clock>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (clock) => {
      queryClient.setQueryData(clockKeys.detail(clock.id), clock);
      void queryClient.invalidateQueries({
        queryKey: clockKeys.all,
        predicate: (q) => q.queryKey[1] !== 'detail',
      });
    },
  });
}

const path = (id: string, rest = '') => `/api/clocks/${encodeURIComponent(id)}${rest}`;

export const useCreateClock = () =>
  useClockMutation((input: ClockCreateInput) => api.post('/api/clocks', clockSchema, input));

/** 中止 / 补正. */
export const usePauseClock = () =>
  useClockMutation(({ id, input }: { id: string; input: ClockPauseInput }) =>
    api.post(path(id, '/pauses'), clockSchema, input),
  );

export const useEndPause = () =>
  useClockMutation(({ id, pauseId, input }: { id: string; pauseId: string; input: ClockPauseEndInput }) =>
    api.post(path(id, `/pauses/${encodeURIComponent(pauseId)}/end`), clockSchema, input),
  );

/** 延长 (approver, reason). */
export const useExtendClock = () =>
  useClockMutation(({ id, input }: { id: string; input: ClockExtensionInput }) =>
    api.post(path(id, '/extensions'), clockSchema, input),
  );

/** 办结. */
export const useCompleteClock = () =>
  useClockMutation(({ id, input }: { id: string; input: ClockCompleteInput }) =>
    api.post(path(id, '/complete'), clockSchema, input),
  );
