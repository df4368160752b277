import { clockAllowedActions, type ClockAction, type ClockStatus } from '@fazhi/contracts';
import { can, inScope, scopeFor } from '../../platform/access/policy';
import type { Actor } from '../../platform/context';

export type ClockPolicyFacts = { orgId: string; regionPath: string; status: string; hasOpenPause: boolean };

/**
 * What the actor may do to one clock; the web shows exactly these buttons. Writing needs 'clock.write' with
 * the clock inside its scope (own organisation for 经办人/单位负责人, the region tree for 司法局审核员), and
 * the action must be allowed by the lifecycle in contracts (a completed clock allows nothing).
 */
export function clockActions(actor: Actor, c: ClockPolicyFacts): ClockAction[] {
  if (!can(actor, 'clock.write') || !inScope(scopeFor(actor, 'clock.write'), c)) return [];
  return clockAllowedActions({ status: c.status as ClockStatus, hasOpenPause: c.hasOpenPause });
}
