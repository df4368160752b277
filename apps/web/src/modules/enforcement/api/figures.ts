import { enforcementFigureRecordPageSchema, enforcementFiguresResultSchema } from '@fazhi/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type QueryParams } from '../../../platform/api';

// 行政执法 figures (DOMAIN.md §4.10) and the drill-down to the records behind a number.

export interface EnforcementFigureFilters {
  regionCode?: string;
  orgId?: string;
  from?: string;
  to?: string;
}
export interface EnforcementFigureDrill {
  code: string;
  page: number;
  pageSize: number;
}

export const enforcementFigureQuery = (f: EnforcementFigureFilters): QueryParams => ({ ...f });

export function useEnforcementFigures(filters: EnforcementFigureFilters) {
  return useQuery({
    queryKey: ['enf-figures', filters],
    queryFn: ({ signal }) =>
      api.get(
        '/api/enforcement/figures',
        enforcementFiguresResultSchema,
        enforcementFigureQuery(filters),
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useEnforcementFigureRecords(
  filters: EnforcementFigureFilters,
  drill: EnforcementFigureDrill | null,
) {
  return useQuery({
    queryKey: ['enf-figures', 'records', filters, drill],
    queryFn: ({ signal }) =>
      api.get(
        `/api/enforcement/figures/${encodeURIComponent(drill?.code ?? '')}/records`,
        enforcementFigureRecordPageSchema,
        { ...enforcementFigureQuery(filters), page: drill?.page, pageSize: drill?.pageSize },
        signal,
      ),
    enabled: !!drill,
    placeholderData: keepPreviousData,
  });
}
