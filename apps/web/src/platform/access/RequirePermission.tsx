import type { Permission } from '@fazhi/contracts';
import type { ReactNode } from 'react';
import { ForbiddenResult } from '../ui/ErrorResults';
import { useCan } from './use-can';

/** Renders its children only when the user holds the permission; the 403 page otherwise. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const can = useCan();
  return can(permission) ? <>{children}</> : <ForbiddenResult />;
}
