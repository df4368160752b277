import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/pool';
import { userRoles, users } from '../../platform/db/schema';
import { notify } from '../../platform/notify/notify.service';

/** Active users of some organisations holding one of `roles` (the 填报 staff and heads). */
export async function usersOf(db: DbOrTx, orgIds: string[], roles: string[]) {
  if (orgIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: users.id, orgId: users.orgId })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(inArray(users.orgId, orgIds), inArray(userRoles.role, roles), eq(users.disabled, false)));
  return rows;
}

/** Notifies the staff and heads of the target organisations, once per event key. */
export async function notifyTargets(
  tx: DbOrTx,
  targets: { id: string; orgId: string }[],
  msg: { kind: string; title: string; body: string; key: string },
  roles: string[] = ['staff', 'head'],
): Promise<number> {
  const byOrg = new Map(targets.map((t) => [t.orgId, t.id]));
  const recipients = await usersOf(tx, [...byOrg.keys()], roles);
  return notify(
    tx,
    recipients.map((u) => ({
      userId: u.id,
      kind: msg.kind,
      title: msg.title,
      body: msg.body,
      link: `/collection/submissions/${byOrg.get(u.orgId)}`,
      dedupeKey: `${msg.key}:${byOrg.get(u.orgId)}:${u.id}`,
    })),
  );
}
