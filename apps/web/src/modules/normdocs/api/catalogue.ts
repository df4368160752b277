import {
  catalogueDocSchema,
  catalogueOrgsSchema,
  cataloguePageSchema,
  normdocSearchPageSchema,
  type NormdocStatus,
} from '@fazhi/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type QueryParams } from '../../../platform/api';

// 现行有效规范性文件目录 (portal, no login) and the staff full-text search.

export interface CatalogueFilters {
  orgId?: string;
  regionCode?: string;
  year?: number;
  q?: string;
  page: number;
  pageSize: number;
}

export interface SearchFilters {
  q: string;
  orgId?: string;
  status?: NormdocStatus;
  year?: number;
  page: number;
  pageSize: number;
}

export const catalogueKeys = {
  list: (f: CatalogueFilters) => ['normdoc-catalogue', 'list', f] as const,
  doc: (id: string) => ['normdoc-catalogue', 'doc', id] as const,
  orgs: ['normdoc-catalogue', 'orgs'] as const,
  search: (f: SearchFilters) => ['normdoc-search', f] as const,
};

export const catalogueQuery = (f: CatalogueFilters): QueryParams => ({ ...f });
export const searchQuery = (f: SearchFilters): QueryParams => ({ ...f });

/** GET /api/public/normdocs — in-force documents, newest publication first. */
export function useCatalogue(filters: CatalogueFilters) {
  return useQuery({
    queryKey: catalogueKeys.list(filters),
    queryFn: ({ signal }) =>
      api.get('/api/public/normdocs', cataloguePageSchema, catalogueQuery(filters), signal),
    placeholderData: keepPreviousData,
  });
}

export function useCatalogueDoc(id: string | undefined) {
  return useQuery({
    queryKey: catalogueKeys.doc(id ?? ''),
    queryFn: ({ signal }) =>
      api.get(`/api/public/normdocs/${encodeURIComponent(id ?? '')}`, catalogueDocSchema, undefined, signal),
    enabled: !!id,
  });
}

/** Organisations with in-force documents (the catalogue's filter). */
export function useCatalogueOrgs() {
  return useQuery({
    queryKey: catalogueKeys.orgs,
    queryFn: ({ signal }) => api.get('/api/public/normdoc-orgs', catalogueOrgsSchema, undefined, signal),
    staleTime: 60_000,
  });
}

export const publicAttachmentUrl = (docId: string, attachmentId: string) =>
  `/api/public/normdocs/${encodeURIComponent(docId)}/attachments/${encodeURIComponent(attachmentId)}`;

/** GET /api/normdocs/search — only when there is something to search for. */
export function useNormdocSearch(filters: SearchFilters) {
  return useQuery({
    queryKey: catalogueKeys.search(filters),
    queryFn: ({ signal }) =>
      api.get('/api/normdocs/search', normdocSearchPageSchema, searchQuery(filters), signal),
    enabled: filters.q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}
