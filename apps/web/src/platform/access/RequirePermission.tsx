import type { Permission } from '@fazhi/contracts';
import { lazy, Suspense, type ReactNode } from 'react';
import { useCan } from './use-can';

// The 403 illustration is large and rarely needed: load it on demand.
const Forbidden = lazy(async () => ({ default: (await import('../ui/ErrorResults')).ForbiddenResult }));

/** Renders its children only when the user holds the permission; the 403 page otherwise. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const can = useCan();
  if (can(permission)) return <>{children}</>;
  return (
    <Suspense fallback={null}>
      <Forbidden />
    </Suspense>
  );
}
