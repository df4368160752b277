import {
  normdocAttachmentSchema,
  okSchema,
  normdocPageSchema,
  normdocSchema,
  normdocTransitionPath,
  type Normdoc,
  type normdocCreateSchema,
  type normdocInterpretationSchema,
  type NormdocKind,
  type normdocListQuerySchema,
  type NormdocStatus,
  type NormdocTransitionInput,
  type normdocUpdateSchema,
  type AttachmentKind,
} from '@fazhi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type QueryParams } from '../../../platform/api';

export type NormdocCreateInput = z.input<typeof normdocCreateSchema>;
export type NormdocUpdateInput = z.input<typeof normdocUpdateSchema>;
export type NormdocInterpretationInput = z.input<typeof normdocInterpretationSchema>;
export type NormdocSort = z.output<typeof normdocListQuerySchema>['sort'];

export interface NormdocFilters {
  status?: NormdocStatus[];
  kind?: NormdocKind;
  orgId?: string;
  year?: number;
  q?: string;
  sort: NormdocSort;
  page: number;
  pageSize: number;
}

export const normdocKeys = {
  all: ['normdocs'] as const,
  list: (f: NormdocFilters) => ['normdocs', 'list', f] as const,
  detail: (id: string) => ['normdocs', 'detail', id] as const,
};

/** The list's query string; `status` repeats (`?status=drafting&status=submitted`). */
export function normdocQuery(f: NormdocFilters): QueryParams {
  return {
    status: f.status?.length ? f.status : undefined,
    kind: f.kind,
    orgId: f.orgId,
    year: f.year,
    q: f.q,
    sort: f.sort === 'updatedAt' ? undefined : f.sort,
    page: f.page,
    pageSize: f.pageSize,
  };
}

const docPath = (id: string, rest = '') => `/api/normdocs/${encodeURIComponent(id)}${rest}`;

/** GET /api/normdocs — paged, filtered. */
export function useNormdocs(filters: NormdocFilters) {
  return useQuery({
    queryKey: normdocKeys.list(filters),
    queryFn: ({ signal }) => api.get('/api/normdocs', normdocPageSchema, normdocQuery(filters), signal),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/normdocs/:id — the document with its timeline, reviews, attachments, blockers and actions. */
export function useNormdoc(id: string | undefined) {
  return useQuery({
    queryKey: normdocKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get(docPath(id ?? ''), normdocSchema, undefined, signal),
    enabled: !!id,
  });
}

/** Every document write answers the document: store it and refresh the lists. */
function useDocMutation<V>(fn: (vars: V) => Promise<Normdoc>, silent = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { silent },
    onSuccess: (doc) => {
      queryClient.setQueryData(normdocKeys.detail(doc.id), doc);
      void queryClient.invalidateQueries({
        queryKey: normdocKeys.all,
        predicate: (q) => q.queryKey[1] !== 'detail',
      });
    },
  });
}

export const useCreateNormdoc = () =>
  useDocMutation((input: NormdocCreateInput) => api.post('/api/normdocs', normdocSchema, input));

export const useUpdateNormdoc = () =>
  useDocMutation(({ id, input }: { id: string; input: NormdocUpdateInput }) =>
    api.patch(docPath(id), normdocSchema, input),
  );

/**
 * One lifecycle step, posted to the route of the actor the step belongs to (drafter …/transitions,
 * reviewer …/review-transitions, head …/head-transitions). Gates answer 409 with a Chinese reason, which
 * the action's modal shows itself (no global toast).
 */
export const useNormdocTransition = () =>
  useDocMutation(
    ({ id, input }: { id: string; input: NormdocTransitionInput }) =>
      api.post(normdocTransitionPath(encodeURIComponent(id), input.action), normdocSchema, input),
    true,
  );

export const useSaveInterpretation = () =>
  useDocMutation(({ id, input }: { id: string; input: NormdocInterpretationInput }) =>
    api.put(docPath(id, '/interpretation'), normdocSchema, input),
  );

/** Attachment writes answer the attachment (or nothing): reload the document. */
function useAttachmentMutation<V extends { docId: string }>(
  fn: (vars: V) => Promise<unknown>,
  silent = false,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { silent },
    onSuccess: (_r, vars) => {
      void queryClient.invalidateQueries({ queryKey: normdocKeys.detail(vars.docId) });
    },
  });
}

/**
 * Multipart: the `kind` field first, then the file (the server reads the fields in order). The server's
 * refusal (type, size) is shown next to the upload button, not as a toast.
 */
export const useUploadAttachment = () =>
  useAttachmentMutation(({ docId, kind, file }: { docId: string; kind: AttachmentKind; file: File }) => {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file);
    return api.post(docPath(docId, '/attachments'), normdocAttachmentSchema, form);
  }, true);

export const useDeleteAttachment = () =>
  useAttachmentMutation(({ docId, attachmentId }: { docId: string; attachmentId: string }) =>
    api.delete(docPath(docId, `/attachments/${encodeURIComponent(attachmentId)}`), okSchema),
  );

export const attachmentPath = (docId: string, attachmentId: string) =>
  docPath(docId, `/attachments/${encodeURIComponent(attachmentId)}`);
