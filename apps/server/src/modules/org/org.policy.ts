import type { Actor } from '../../platform/context';
import { can, inScope, scopeFor } from '../../platform/access/policy';

type OrgLike = { id: string; regionPath: string; disabled: boolean };

/** What the actor may do to one organisation; the web shows exactly these buttons. */
export function orgActions(actor: Actor, org: OrgLike): string[] {
  if (
    !can(actor, 'org.write') ||
    !inScope(scopeFor(actor, 'org.write'), { orgId: org.id, regionPath: org.regionPath })
  )
    return [];
  return ['update', org.disabled ? 'enable' : 'disable'];
}

export function regionActions(actor: Actor, region: { path: string }): string[] {
  if (!can(actor, 'region.write')) return [];
  const scope = scopeFor(actor, 'region.write');
  // A region administrator edits the regions below their own, not their own region itself.
  return scope.kind === 'region' &&
    region.path.startsWith(scope.pathPrefix) &&
    region.path !== scope.pathPrefix
    ? ['update']
    : [];
}
