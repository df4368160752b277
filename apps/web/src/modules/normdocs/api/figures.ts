import { normdocFigureRecordsPageSchema, normdocFiguresResultSchema } from '@fazhi/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type QueryParams } from '../../../platform/api';

// The module's figures (DOMAIN.md §1.6) and the drill-down to the records behind a number.

export interface FigureFilters {
  regionCode?: string;
  orgId?: string;
  from?: string;
  to?: string;
}

export interface FigureDrill {
  code: string;
  childRegionCode?: string;
  page: number;
  pageSize: number;
}

export const figureKeys = {
  figures: (f: FigureFilters) => ['normdoc-figures', f] as const,
  records: (f: FigureFilters, d: FigureDrill) => ['normdoc-figures', 'records', f, d] as const,
};

export const figureQuery = (f: FigureFilters): QueryParams => ({ ...f });

export function useNormdocFigures(filters: FigureFilters) {
  return useQuery({
    queryKey: figureKeys.figures(filters),
    queryFn: ({ signal }) =>
      api.get('/api/normdocs/figures', normdocFiguresResultSchema, figureQuery(filters), signal),
    placeholderData: keepPreviousData,
  });
}

export function useFigureRecords(filters: FigureFilters, drill: FigureDrill | null) {
  return useQuery({
    queryKey: figureKeys.records(filters, drill ?? { code: '', page: 1, pageSize: 50 }),
    queryFn: ({ signal }) =>
      api.get(
        `/api/normdocs/figures/${encodeURIComponent(drill?.code ?? '')}/records`,
        normdocFigureRecordsPageSchema,
        {
          ...figureQuery(filters),
          childRegionCode: drill?.childRegionCode,
          page: drill?.page,
          pageSize: drill?.pageSize,
        },
        signal,
      ),
    enabled: !!drill,
    placeholderData: keepPreviousData,
  });
}
