import {
  indicatorListSchema,
  indicatorProvenanceSchema,
  publishedReportPageSchema,
  publishedReportSchema,
  reportAssistResultSchema,
  reportCommentListSchema,
  reportCommentSchema,
  reportPageSchema,
  reportPreviewSchema,
  reportSchema,
  reportTransitionPath,
  reportVersionListSchema,
  reportVersionSchema,
  type Report,
  type ReportStatus,
  type ReportTransitionInput,
  type reportCreateSchema,
  type reportUpdateSchema,
} from '@fazhi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type QueryParams } from '../../../platform/api';

export type ReportCreateInput = z.input<typeof reportCreateSchema>;
export type ReportUpdateInput = z.input<typeof reportUpdateSchema>;

export interface ReportFilters {
  year?: number;
  orgId?: string;
  status?: ReportStatus;
  page: number;
  pageSize: number;
}

export const reportKeys = {
  all: ['reports'] as const,
  list: (f: ReportFilters) => ['reports', 'list', f] as const,
  detail: (id: string) => ['reports', 'detail', id] as const,
  preview: (id: string) => ['reports', 'preview', id] as const,
  versions: (id: string) => ['reports', 'versions', id] as const,
  version: (id: string, v: string) => ['reports', 'version', id, v] as const,
  comments: (id: string) => ['reports', 'comments', id] as const,
};

export const reportQuery = (f: ReportFilters): QueryParams => ({ ...f });
export const reportPath = (id: string, rest = '') => `/api/reports/${encodeURIComponent(id)}${rest}`;

export function useReports(filters: ReportFilters) {
  return useQuery({
    queryKey: reportKeys.list(filters),
    queryFn: ({ signal }) => api.get('/api/reports', reportPageSchema, reportQuery(filters), signal),
    placeholderData: keepPreviousData,
  });
}

export function useReport(id: string | undefined) {
  return useQuery({
    queryKey: reportKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get(reportPath(id ?? ''), reportSchema, undefined, signal),
    enabled: !!id,
  });
}

export function useReportPreview(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: reportKeys.preview(id ?? ''),
    queryFn: ({ signal }) =>
      api.get(reportPath(id ?? '', '/preview'), reportPreviewSchema, undefined, signal),
    enabled: !!id && enabled,
    retry: false,
  });
}

export function useReportVersions(id: string) {
  return useQuery({
    queryKey: reportKeys.versions(id),
    queryFn: ({ signal }) => api.get(reportPath(id, '/versions'), reportVersionListSchema, undefined, signal),
  });
}

export function useReportVersion(id: string, versionId: string | null) {
  return useQuery({
    queryKey: reportKeys.version(id, versionId ?? ''),
    queryFn: ({ signal }) =>
      api.get(
        reportPath(id, `/versions/${encodeURIComponent(versionId ?? '')}`),
        reportVersionSchema,
        undefined,
        signal,
      ),
    enabled: !!versionId,
  });
}

export function useReportComments(id: string) {
  return useQuery({
    queryKey: reportKeys.comments(id),
    queryFn: ({ signal }) => api.get(reportPath(id, '/comments'), reportCommentListSchema, undefined, signal),
  });
}

/** Every report write answers the report: store it, refresh lists, preview and versions. */
function useReportMutation<V>(fn: (vars: V) => Promise<Report>, silent = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { silent },
    onSuccess: (r) => {
      queryClient.setQueryData(reportKeys.detail(r.id), r);
      void queryClient.invalidateQueries({
        queryKey: reportKeys.all,
        predicate: (q) => q.queryKey[1] !== 'detail',
      });
    },
  });
}

export const useCreateReport = () =>
  useReportMutation((input: ReportCreateInput) => api.post('/api/reports', reportSchema, input), true);

export const useUpdateReport = () =>
  useReportMutation(({ id, input }: { id: string; input: ReportUpdateInput }) =>
    api.patch(reportPath(id), reportSchema, input),
  );

/** Section saves show the server's refusal (unknown indicator, markup) next to the editor. */
export const useSaveSection = () =>
  useReportMutation(
    ({ id, code, version, body }: { id: string; code: string; version: number; body: string }) =>
      api.put(reportPath(id, `/sections/${encodeURIComponent(code)}`), reportSchema, { version, body }),
    true,
  );

export const useReportTransition = () =>
  useReportMutation(
    ({ id, input }: { id: string; input: ReportTransitionInput }) =>
      api.post(reportTransitionPath(encodeURIComponent(id), input.action), reportSchema, input),
    true,
  );

export function useAssist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(reportPath(id, '/assist'), reportAssistResultSchema, {}),
    onSuccess: (res) => {
      queryClient.setQueryData(reportKeys.detail(res.report.id), res.report);
      void queryClient.invalidateQueries({ queryKey: reportKeys.preview(res.report.id) });
    },
  });
}

export function useCreateVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, label }: { id: string; label: string }) =>
      api.post(reportPath(id, '/versions'), reportVersionSchema, { label }),
    onSuccess: (_v, vars) => void queryClient.invalidateQueries({ queryKey: reportKeys.versions(vars.id) }),
  });
}

export function useAddComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, sectionCode, text }: { id: string; sectionCode: string | null; text: string }) =>
      api.post(reportPath(id, '/comments'), reportCommentSchema, { sectionCode, text }),
    onSuccess: (_c, vars) => {
      void queryClient.invalidateQueries({ queryKey: reportKeys.comments(vars.id) });
      void queryClient.invalidateQueries({ queryKey: reportKeys.detail(vars.id) });
    },
  });
}

export function useResolveComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, commentId }: { id: string; commentId: string }) =>
      api.post(reportPath(id, `/comments/${encodeURIComponent(commentId)}/resolve`), reportCommentSchema, {}),
    onSuccess: (_c, vars) => {
      void queryClient.invalidateQueries({ queryKey: reportKeys.comments(vars.id) });
      void queryClient.invalidateQueries({ queryKey: reportKeys.detail(vars.id) });
    },
  });
}

/** The indicator catalogue for the picker (GET /api/indicators of the indicators module). */
export function useIndicatorCatalogue(enabled: boolean) {
  return useQuery({
    queryKey: ['reports', 'indicator-catalogue'],
    queryFn: ({ signal }) => api.get('/api/indicators', indicatorListSchema, undefined, signal),
    enabled,
    staleTime: 10 * 60_000,
  });
}

/** The records and values behind one number of the preview (its provenance link). */
export function useProvenance(url: string | null) {
  return useQuery({
    queryKey: ['reports', 'provenance', url],
    queryFn: ({ signal }) => api.get(url ?? '', indicatorProvenanceSchema, undefined, signal),
    enabled: !!url,
    retry: false,
  });
}

// ── public portal ──
export function usePublishedReports(q: { page: number; pageSize: number; year?: number; q?: string }) {
  return useQuery({
    queryKey: ['public-reports', q],
    queryFn: ({ signal }) => api.get('/api/public/reports', publishedReportPageSchema, { ...q }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePublishedReport(id: string | undefined) {
  return useQuery({
    queryKey: ['public-reports', 'detail', id],
    queryFn: ({ signal }) =>
      api.get(
        `/api/public/reports/${encodeURIComponent(id ?? '')}`,
        publishedReportSchema,
        undefined,
        signal,
      ),
    enabled: !!id,
    retry: false,
  });
}
