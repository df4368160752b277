import type { Permission } from '@fazhi/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { escapeLike, requirePermission, scopeFor, type Scope } from '../../platform/access/policy';
import type { Actor } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { annualReports } from './reports.tables';

/*
 * Data scope of a report: the reporting organisation's region (region-tree roles) or, for own-organisation
 * roles, the reporting organisation or the Party committee of a joint report.
 */
export type ReportScopeFields = { orgId: string; coOrgId: string | null; regionPath: string };

export function reportInScope(scope: Scope, r: ReportScopeFields): boolean {
  if (scope.kind === 'none') return false;
  if (scope.kind === 'region') return r.regionPath.startsWith(scope.pathPrefix);
  return r.orgId === scope.orgId || r.coOrgId === scope.orgId;
}

export function canOnReport(actor: Actor, permission: Permission, r: ReportScopeFields): boolean {
  try {
    requirePermission(actor, permission);
  } catch {
    return false;
  }
  return reportInScope(scopeFor(actor, permission), r);
}

/** NOT_FOUND outside the scope (indistinguishable from a missing record). */
export function assertReportInScope(actor: Actor, permission: Permission, r: ReportScopeFields): void {
  requirePermission(actor, permission);
  if (!reportInScope(scopeFor(actor, permission), r)) throw new AppError('NOT_FOUND');
}

export function reportScopeWhere(scope: Scope): SQL {
  if (scope.kind === 'none') return sql`false`;
  if (scope.kind === 'region')
    return sql`${annualReports.regionPath} like ${escapeLike(scope.pathPrefix) + '%'}`;
  return sql`(${annualReports.orgId} = ${scope.orgId} or ${annualReports.coOrgId} = ${scope.orgId})`;
}
