import type { Permission } from '@fazhi/contracts';
import { lazy, Suspense, type ComponentType } from 'react';
import { Spin } from 'antd';
import { RequirePermission } from '../access/RequirePermission';

export function PageSpinner() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

/**
 * A route element loading its page lazily (one chunk per page) and guarded by a permission.
 * `load` returns the page module; `pick` selects the named export.
 */
export function lazyPage<M>(load: () => Promise<M>, pick: (m: M) => ComponentType, permission?: Permission) {
  const Page = lazy(async () => ({ default: pick(await load()) }));
  const page = (
    <Suspense fallback={<PageSpinner />}>
      <Page />
    </Suspense>
  );
  return permission ? <RequirePermission permission={permission}>{page}</RequirePermission> : page;
}
