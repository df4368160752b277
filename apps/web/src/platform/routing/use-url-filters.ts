import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type FilterPatch<K extends string> = Partial<
  Record<K | 'page' | 'pageSize', string | number | undefined>
>;

/**
 * List filters and paging kept in the URL (so links, reload and back work, and the export button
 * sends exactly what is shown). Changing a filter returns to page 1.
 */
export function useUrlFilters<K extends string>(keys: readonly K[], defaultPageSize = 20) {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => {
    const out: Partial<Record<K, string>> = {};
    for (const k of keys) {
      const v = params.get(k);
      if (v) out[k] = v;
    }
    return out;
  }, [params, keys]);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || defaultPageSize));

  const update = useCallback(
    (patch: FilterPatch<K>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          const touchesFilter = Object.keys(patch).some((k) => k !== 'page' && k !== 'pageSize');
          for (const [k, v] of Object.entries(patch) as [string, string | number | undefined][]) {
            if (v === undefined || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          if (touchesFilter && !('page' in patch)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const reset = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  return { values, page, pageSize, update, reset };
}
