import { eq } from 'drizzle-orm';
import { inScope, scopeFor } from '../../../platform/access/policy';
import type { Actor } from '../../../platform/context';
import type { DbOrTx } from '../../../platform/db/pool';
import { organisations } from '../../../platform/db/schema';
import { AppError } from '../../../platform/errors';

/**
 * The supervised enforcement body, in the office's scope (a body outside it answers 404 like a missing one).
 * Supervision follows the hierarchy of 河南省行政执法条例 第三十七条: the office supervises the bodies of its
 * jurisdiction and below.
 */
export async function loadBodyForOffice(db: DbOrTx, actor: Actor, orgId: string, requireBody = true) {
  const [org] = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      regionPath: organisations.regionPath,
      isBody: organisations.isLawEnforcementBody,
    })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (
    !org ||
    !inScope(scopeFor(actor, 'enforcement.supervise'), { orgId: org.id, regionPath: org.regionPath })
  )
    throw new AppError('NOT_FOUND', '单位不存在或不在管辖范围内');
  if (requireBody && !org.isBody) throw new AppError('SUPERVISION_NOT_ENFORCEMENT_BODY');
  return org;
}
