import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from './client';

/** The import kinds the outline defines (`/api/import/:kind`). */
export type ImportKind = 'orgs' | 'users' | 'normdocs' | 'enforcement-officers' | 'enforcement-enterprises';

export { importJobSchema, importStartSchema, type ImportJob } from '@fazhi/contracts';
import { importJobSchema, importStartSchema } from '@fazhi/contracts';

export const importTemplateUrl = (kind: ImportKind) => `/api/import/${kind}/template.xlsx`;
export const importErrorsUrl = (jobId: string) => `/api/import/jobs/${encodeURIComponent(jobId)}/errors.xlsx`;

export function useStartImport(kind: ImportKind) {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.post(`/api/import/${kind}`, importStartSchema, form);
    },
  });
}

/** Polls GET /api/import/jobs/:id every second while the job runs. */
export function useImportJob(jobId: string | null) {
  return useQuery({
    queryKey: ['import', 'job', jobId],
    queryFn: () => api.get(`/api/import/jobs/${encodeURIComponent(jobId ?? '')}`, importJobSchema),
    enabled: jobId !== null,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.status === 'running' || !query.state.data ? 1000 : false),
  });
}
