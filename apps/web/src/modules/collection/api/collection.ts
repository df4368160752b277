import {
  collectionEvidenceSchema,
  collectionMyTargetPageSchema,
  collectionTargetSchema,
  collectionTaskPageSchema,
  collectionTaskSchema,
  indicatorGroupSchema,
  indicatorListSchema,
  okSchema,
  type CollectionTarget,
  type CollectionTask,
  type collectionSaveSchema,
  type collectionTaskCreateSchema,
  type CollectionTaskStatus,
} from '@fazhi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, type QueryParams } from '../../../platform/api';

export type TaskCreateInput = z.input<typeof collectionTaskCreateSchema>;
export type SaveInput = z.input<typeof collectionSaveSchema>;

export interface TaskFilters {
  period?: string;
  status?: CollectionTaskStatus;
  q?: string;
  page: number;
  pageSize: number;
}

export const collectionKeys = {
  all: ['collection'] as const,
  tasks: (f: TaskFilters) => ['collection', 'tasks', f] as const,
  task: (id: string) => ['collection', 'task', id] as const,
  mine: (f: QueryParams) => ['collection', 'mine', f] as const,
  target: (id: string, taskId?: string) => ['collection', 'target', id, taskId ?? ''] as const,
};

export const taskQuery = (f: TaskFilters): QueryParams => ({ ...f });
const enc = encodeURIComponent;
export const targetPath = (id: string) => `/api/collection/targets/${enc(id)}`;
export const managedTargetPath = (taskId: string, id: string) =>
  `/api/collection/tasks/${enc(taskId)}/targets/${enc(id)}`;

export function useTasks(f: TaskFilters) {
  return useQuery({
    queryKey: collectionKeys.tasks(f),
    queryFn: ({ signal }) => api.get('/api/collection/tasks', collectionTaskPageSchema, taskQuery(f), signal),
    placeholderData: keepPreviousData,
  });
}

export function useTask(id: string | undefined) {
  return useQuery({
    queryKey: collectionKeys.task(id ?? ''),
    queryFn: ({ signal }) =>
      api.get(`/api/collection/tasks/${enc(id ?? '')}`, collectionTaskSchema, undefined, signal),
    enabled: !!id,
  });
}

export function useMyTargets(f: { page: number; pageSize: number; period?: string }) {
  return useQuery({
    queryKey: collectionKeys.mine(f as QueryParams),
    queryFn: ({ signal }) =>
      api.get('/api/collection/targets', collectionMyTargetPageSchema, f as QueryParams, signal),
    placeholderData: keepPreviousData,
  });
}

/** A target: the organisation's own (no taskId) or, for the justice bureau, one of its task's targets. */
export function useTarget(id: string | undefined, taskId?: string) {
  return useQuery({
    queryKey: collectionKeys.target(id ?? '', taskId),
    queryFn: ({ signal }) =>
      api.get(
        taskId ? managedTargetPath(taskId, id ?? '') : targetPath(id ?? ''),
        collectionTargetSchema,
        undefined,
        signal,
      ),
    enabled: !!id,
  });
}

/** Every collection write: refresh everything of the module (lists, task, targets). */
function useCollectionMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: collectionKeys.all }),
  });
}

export const useCreateTask = () =>
  useCollectionMutation((input: TaskCreateInput) =>
    api.post('/api/collection/tasks', collectionTaskSchema, input),
  );

export const useTaskAction = () =>
  useCollectionMutation((v: { task: CollectionTask; action: 'open' | 'close' }) =>
    api.post(`/api/collection/tasks/${enc(v.task.id)}/${v.action}`, collectionTaskSchema, {
      version: v.task.version,
    }),
  );

export const useDecide = () =>
  useCollectionMutation(
    (v: {
      taskId: string;
      targetId: string;
      version: number;
      action: 'accept' | 'return';
      reason?: string;
    }) =>
      api.post(`${managedTargetPath(v.taskId, v.targetId)}/${v.action}`, collectionTargetSchema, {
        version: v.version,
        ...(v.action === 'return' ? { reason: v.reason } : {}),
      }),
  );

export const useSaveTarget = () =>
  useCollectionMutation((v: { id: string; input: SaveInput }) =>
    api.put(targetPath(v.id), collectionTargetSchema, v.input),
  );

export const useTargetStep = () =>
  useCollectionMutation((v: { target: CollectionTarget; action: 'submit' | 'signoff' }) =>
    api.post(`${targetPath(v.target.id)}/${v.action}`, collectionTargetSchema, { version: v.target.version }),
  );

export const useUploadEvidence = () =>
  useCollectionMutation((v: { id: string; code: string; file: File }) => {
    const f = new FormData();
    f.append('code', v.code);
    f.append('file', v.file, v.file.name);
    return api.post(`${targetPath(v.id)}/evidence`, collectionEvidenceSchema, f);
  });

export const useDeleteEvidence = () =>
  useCollectionMutation((v: { id: string; fileId: string }) =>
    api.delete(`${targetPath(v.id)}/evidence/${enc(v.fileId)}`, okSchema),
  );

export const useUploadWorkbook = () =>
  useCollectionMutation((v: { id: string; file: File }) => {
    const f = new FormData();
    f.append('file', v.file, v.file.name);
    return api.post(`${targetPath(v.id)}/workbook`, collectionTargetSchema, f);
  });

/** The catalogue and its groups, to choose a task's indicators by group. */
export function useIndicatorCatalogue() {
  const groups = useQuery({
    queryKey: ['collection', 'indicator-groups'],
    queryFn: ({ signal }) =>
      api.get('/api/indicator-groups', z.object({ items: z.array(indicatorGroupSchema) }), undefined, signal),
    staleTime: 60_000,
  });
  const list = useQuery({
    queryKey: ['collection', 'indicators'],
    queryFn: ({ signal }) => api.get('/api/indicators', indicatorListSchema, undefined, signal),
    staleTime: 60_000,
  });
  return {
    groups: groups.data?.items ?? [],
    indicators: list.data?.items ?? [],
    loading: groups.isLoading || list.isLoading,
  };
}
