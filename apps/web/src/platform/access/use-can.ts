import type { Permission } from '@fazhi/contracts';
import { useCallback } from 'react';
import { useMe } from '../api/use-me';

/** `can('org.write')` — whether the signed-in user's permissions include it. */
export function useCan(): (permission: Permission) => boolean {
  const { data } = useMe();
  const permissions = data?.permissions;
  return useCallback((permission: Permission) => permissions?.includes(permission) ?? false, [permissions]);
}

/** Records carry `actions`: what the caller may do to that record. Show only those buttons. */
export function hasAction(record: { actions: readonly string[] }, action: string): boolean {
  return record.actions.includes(action);
}
