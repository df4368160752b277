import { clockPageSchema, type ClockStatus } from '@fazhi/contracts';
import { useQueries } from '@tanstack/react-query';
import { api } from '../../../platform/api';
import { clockStatusNames } from '../../../platform/i18n';

/** How many of the user's clocks are in each status: GET /api/clocks?status=…&pageSize=1 → total. */
export function useClockCounts(enabled: boolean) {
  return useQueries({
    queries: clockStatusNames.map((status) => ({
      queryKey: ['clocks', 'count', status],
      queryFn: () => api.get('/api/clocks', clockPageSchema, { status, page: 1, pageSize: 1 }),
      enabled,
      select: (page: { total: number; totalCapped: boolean }) =>
        page.totalCapped ? `${page.total}+` : page.total,
    })),
    combine: (results) =>
      clockStatusNames.map((status, i) => ({
        status: status as ClockStatus,
        total: results[i]?.data,
        loading: results[i]?.isLoading ?? false,
      })),
  });
}
