import type { Role } from '@fazhi/contracts';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/pool';
import { organisations, userRoles, users } from '../../platform/db/schema';

export type UserRow = typeof users.$inferSelect & {
  orgName: string;
  regionPath: string;
  orgType: string;
  roles: Role[];
};

const columns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  orgId: users.orgId,
  passwordHash: users.passwordHash,
  passwordChangedAt: users.passwordChangedAt,
  mustChangePassword: users.mustChangePassword,
  failedAttempts: users.failedAttempts,
  lockedUntil: users.lockedUntil,
  disabled: users.disabled,
  idNumberEnc: users.idNumberEnc,
  mobileEnc: users.mobileEnc,
  email: users.email,
  position: users.position,
  lastLoginAt: users.lastLoginAt,
  version: users.version,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  orgName: organisations.name,
  orgType: organisations.type,
  regionPath: organisations.regionPath,
  roles: sql<
    Role[]
  >`coalesce((select array_agg(ur.role order by ur.role) from user_roles ur where ur.user_id = ${users.id}), '{}')`,
};

export function selectUsers(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(columns)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(where);
}

export async function findUsers(
  db: DbOrTx,
  where: SQL | undefined,
  limit: number,
  offset: number,
): Promise<UserRow[]> {
  return selectUsers(db, where)
    .orderBy(asc(organisations.regionPath), asc(users.username))
    .limit(limit)
    .offset(offset);
}

export async function countUsers(db: DbOrTx, where: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(where);
  return row?.n ?? 0;
}

export async function findUserById(db: DbOrTx, id: string, forUpdate = false): Promise<UserRow | undefined> {
  const q = selectUsers(db, eq(users.id, id));
  const [row] = forUpdate ? await q.for('update', { of: users }) : await q;
  return row;
}

export async function replaceRoles(db: DbOrTx, userId: string, roles: Role[]): Promise<void> {
  await db.delete(userRoles).where(and(eq(userRoles.userId, userId)));
  if (roles.length) await db.insert(userRoles).values(roles.map((role) => ({ userId, role })));
}
