import { PERMISSIONS, ROLE_SCOPE, rolesHave, type Permission, type Role } from '@fazhi/contracts';
import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { Actor } from '../context';
import { AppError } from '../errors';

/**
 * The one policy layer. Deny by default: a permission is granted only by the role table in
 * packages/contracts; a record is visible only inside the actor's data scope.
 * Scope: own organisation, or (supervising roles) the actor's region and every region below it —
 * never a sibling region, never a parent region.
 */
export type Scope =
  { kind: 'none' } | { kind: 'org'; orgId: string } | { kind: 'region'; pathPrefix: string };

export function can(actor: Actor | null, permission: Permission): boolean {
  return !!actor && rolesHave(actor.roles, permission);
}

export function requirePermission(actor: Actor | null, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!rolesHave(actor.roles, permission)) throw new AppError('FORBIDDEN', undefined, { permission });
}

/** The widest scope among the actor's roles that grant `permission`. */
export function scopeFor(actor: Actor, permission: Permission): Scope {
  const granting = actor.roles.filter((r: Role) => (PERMISSIONS[permission] as readonly Role[]).includes(r));
  if (granting.length === 0) return { kind: 'none' };
  if (granting.some((r) => ROLE_SCOPE[r] === 'region_tree'))
    return { kind: 'region', pathPrefix: actor.regionPath };
  return { kind: 'org', orgId: actor.orgId };
}

export function inScope(scope: Scope, record: { orgId: string; regionPath: string }): boolean {
  if (scope.kind === 'none') return false;
  if (scope.kind === 'org') return record.orgId === scope.orgId;
  return record.regionPath.startsWith(scope.pathPrefix);
}

/** Throws NOT_FOUND — a record outside the scope is indistinguishable from a missing one. */
export function assertInScope(
  actor: Actor,
  permission: Permission,
  record: { orgId: string; regionPath: string },
): void {
  requirePermission(actor, permission);
  if (!inScope(scopeFor(actor, permission), record)) throw new AppError('NOT_FOUND');
}

/** SQL condition restricting a query to the scope; `orgCol` and `pathCol` are the record's columns. */
export function scopeWhere(scope: Scope, orgCol: AnyColumn, pathCol: AnyColumn): SQL {
  if (scope.kind === 'none') return sql`false`;
  if (scope.kind === 'org') return sql`${orgCol} = ${scope.orgId}`;
  return sql`${pathCol} like ${escapeLike(scope.pathPrefix) + '%'}`;
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * System-wide settings (security policy, the national holiday calendar) belong to the administrators of the
 * top of the jurisdiction tree; a county administrator changing them would act upward.
 */
export function requireTopLevel(actor: Actor): void {
  if (actor.regionPath.split('/').filter(Boolean).length !== 1) {
    throw new AppError('FORBIDDEN', '只有最高层级（本系统顶级行政区划）的管理员可以修改全局设置');
  }
}
