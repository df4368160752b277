import type { Permission } from '@fazhi/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { escapeLike, requirePermission, scopeFor, type Scope } from '../../platform/access/policy';
import type { Actor } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { normdocs } from './normdocs.tables';

/*
 * Data scope of a document: its issuing organ's region (region-tree roles) or, for own-organisation roles,
 * the issuing organ, the drafting unit or a co-issuer. A county user never sees another county's drafts.
 */
export type DocScopeFields = {
  orgId: string;
  regionPath: string;
  draftingOrgId: string;
  coIssuerOrgIds?: string[];
};

export function docInScope(scope: Scope, d: DocScopeFields): boolean {
  if (scope.kind === 'none') return false;
  if (scope.kind === 'region') return d.regionPath.startsWith(scope.pathPrefix);
  return (
    d.orgId === scope.orgId ||
    d.draftingOrgId === scope.orgId ||
    (d.coIssuerOrgIds ?? []).includes(scope.orgId)
  );
}

export function canOnDoc(actor: Actor, permission: Permission, d: DocScopeFields): boolean {
  try {
    requirePermission(actor, permission);
  } catch {
    return false;
  }
  return docInScope(scopeFor(actor, permission), d);
}

/** NOT_FOUND outside the scope (indistinguishable from a missing record). */
export function assertDocInScope(actor: Actor, permission: Permission, d: DocScopeFields): void {
  requirePermission(actor, permission);
  if (!docInScope(scopeFor(actor, permission), d)) throw new AppError('NOT_FOUND');
}

/** SQL filter on `normdocs` for the scope. */
export function docScopeWhere(scope: Scope): SQL {
  if (scope.kind === 'none') return sql`false`;
  if (scope.kind === 'region') return sql`${normdocs.regionPath} like ${escapeLike(scope.pathPrefix) + '%'}`;
  return sql`(${normdocs.orgId} = ${scope.orgId} or ${normdocs.draftingOrgId} = ${scope.orgId} or exists (select 1 from normdoc_co_issuers ci where ci.doc_id = ${normdocs.id} and ci.org_id = ${scope.orgId}))`;
}
