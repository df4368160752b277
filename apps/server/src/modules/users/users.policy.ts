import type { Actor } from '../../platform/context';
import { can, inScope, scopeFor } from '../../platform/access/policy';

export type UserScopeFacts = {
  id: string;
  orgId: string;
  regionPath: string;
  disabled: boolean;
  locked: boolean;
};

/** Actions on one account. Nobody administers their own account (三员分立: no self-granted rights). */
export function userActions(actor: Actor, u: UserScopeFacts): string[] {
  const out: string[] = [];
  const self = u.id === actor.userId;
  const target = { orgId: u.orgId, regionPath: u.regionPath };
  if (can(actor, 'user.write') && inScope(scopeFor(actor, 'user.write'), target) && !self) {
    out.push('update', u.disabled ? 'enable' : 'disable');
  }
  if (can(actor, 'user.roles.assign') && inScope(scopeFor(actor, 'user.roles.assign'), target) && !self)
    out.push('assignRoles');
  if (can(actor, 'user.unlock') && inScope(scopeFor(actor, 'user.unlock'), target) && u.locked)
    out.push('unlock');
  if (can(actor, 'user.password.reset') && inScope(scopeFor(actor, 'user.password.reset'), target) && !self)
    out.push('resetPassword');
  if (can(actor, 'user.sensitive.read') && inScope(scopeFor(actor, 'user.sensitive.read'), target))
    out.push('viewSensitive');
  return out;
}
