import { dashboardResultSchema, indicatorListSchema } from '@fazhi/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../platform/api';

// The indicator dashboard: values by region and year (issue 4 §6), and the catalogue to pick from.

export interface DashboardFilters {
  regionCode?: string;
  codes: string[];
  years: string[];
}

export const dashboardQuery = (f: DashboardFilters) => ({
  regionCode: f.regionCode,
  codes: f.codes.join(','),
  years: f.years.join(','),
});

export function useDashboard(f: DashboardFilters) {
  return useQuery({
    queryKey: ['indicator-dashboard', f],
    queryFn: ({ signal }) => api.get('/api/dashboard', dashboardResultSchema, dashboardQuery(f), signal),
    enabled: f.codes.length > 0 && f.years.length > 0,
    placeholderData: keepPreviousData,
  });
}

/** The active catalogue (for the indicator picker). */
export function useIndicatorChoices() {
  return useQuery({
    queryKey: ['indicator-choices'],
    queryFn: ({ signal }) => api.get('/api/indicators', indicatorListSchema, {}, signal),
    staleTime: 5 * 60_000,
  });
}
