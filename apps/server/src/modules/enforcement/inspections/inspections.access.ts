import { eq } from 'drizzle-orm';
import {
  requirePermission,
  scopeFor,
  inScope,
  escapeLike,
  type Scope,
} from '../../../platform/access/policy';
import type { Actor, Ctx } from '../../../platform/context';
import type { DbOrTx } from '../../../platform/db/pool';
import { organisations } from '../../../platform/db/schema';
import { AppError } from '../../../platform/errors';

export const READ = 'enforcement.read' as const;
export const BODY = 'enforcement.body' as const;
export const SUPERVISE = 'enforcement.supervise' as const;

export type BodyOrg = { id: string; name: string; regionCode: string; regionPath: string };

/**
 * The caller's own organisation as the acting enforcement body. Only confirmed enforcement bodies may carry out
 * inspections (国办发〔2024〕54号: 行政机关, 授权组织 and 受委托组织 only — DOMAIN.md §4.5).
 */
export async function actingBody(ctx: Ctx, db: DbOrTx = ctx.db): Promise<{ actor: Actor; body: BodyOrg }> {
  requirePermission(ctx.actor, BODY);
  const actor = ctx.actor;
  const body = await loadBody(db, actor.orgId);
  if (!body) throw new AppError('INSPECTION_NOT_ENFORCEMENT_BODY');
  return { actor, body };
}

/** An organisation that is an enforcement body, or undefined. */
export async function loadBody(db: DbOrTx, orgId: string): Promise<BodyOrg | undefined> {
  const [org] = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      regionCode: organisations.regionCode,
      regionPath: organisations.regionPath,
      isBody: organisations.isLawEnforcementBody,
      disabled: organisations.disabled,
    })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (!org || !org.isBody || org.disabled) return undefined;
  return { id: org.id, name: org.name, regionCode: org.regionCode, regionPath: org.regionPath };
}

/** NOT_FOUND unless the record (a body's) is in the caller's scope for `permission`. */
export function assertRecordInScope(
  ctx: Ctx,
  permission: typeof READ | typeof BODY | typeof SUPERVISE,
  record: { orgId: string; regionPath: string },
): Actor {
  requirePermission(ctx.actor, permission);
  if (!inScope(scopeFor(ctx.actor, permission), record)) throw new AppError('NOT_FOUND');
  return ctx.actor;
}

export const canDo = (
  actor: Actor,
  permission: typeof READ | typeof BODY | typeof SUPERVISE,
  record: { orgId: string; regionPath: string },
): boolean => {
  const scope: Scope = scopeFor(actor, permission);
  return inScope(scope, record);
};

/**
 * Enterprises are not owned by a body: region-tree roles see their region tree, own-organisation roles the
 * enterprises of their organisation's region and below.
 */
export function enterprisePathPrefix(actor: Actor): string {
  return actor.regionPath;
}
export const likePrefix = (prefix: string) => `${escapeLike(prefix)}%`;
