import {
  COLLECTION_EDITABLE,
  COLLECTION_TARGET_TRANSITIONS,
  collectionTargetActionsFrom,
  type CollectionTargetStatus,
} from '@fazhi/contracts';
import { can, inScope, scopeFor } from '../../platform/access/policy';
import type { Actor } from '../../platform/context';

/*
 * Who may do what on a 填报 target: the organisation's own staff fill and submit (collection.fill, own
 * organisation), its head signs off (collection.signoff), the justice bureau accepts or returns
 * (collection.manage, over the task's region tree). The transition table (contracts) decides from which
 * status; this decides for whom.
 */
export type TargetFacts = {
  orgId: string;
  regionPath: string;
  status: string;
  taskStatus: string;
  taskRegionPath: string;
  taskOrgId: string;
};

const PERMISSION_OF = {
  filler: 'collection.fill',
  head: 'collection.signoff',
  bureau: 'collection.manage',
} as const;

export function targetActions(actor: Actor, t: TargetFacts): string[] {
  if (t.taskStatus !== 'open') return [];
  const out: string[] = [];
  const status = t.status as CollectionTargetStatus;
  if (COLLECTION_EDITABLE.includes(status) && mayActOn(actor, 'filler', t)) out.push('edit');
  for (const a of collectionTargetActionsFrom(status)) {
    if (mayActOn(actor, COLLECTION_TARGET_TRANSITIONS[a].by, t)) out.push(a);
  }
  return out;
}

function mayActOn(actor: Actor, by: keyof typeof PERMISSION_OF, t: TargetFacts): boolean {
  const permission = PERMISSION_OF[by];
  if (!can(actor, permission)) return false;
  if (by === 'bureau')
    return inScope(scopeFor(actor, permission), { orgId: t.taskOrgId, regionPath: t.taskRegionPath });
  return inScope(scopeFor(actor, permission), { orgId: t.orgId, regionPath: t.regionPath });
}
