import {
  ROLES,
  maskIdNumber,
  maskMobile,
  violatesSeparation,
  type Role,
  type User,
  type UserCreate,
  type UserUpdate,
  type userListQuerySchema,
} from '@fazhi/contracts';
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  assertInScope,
  escapeLike,
  inScope,
  requirePermission,
  scopeFor,
  scopeWhere,
} from '../../platform/access/policy';
import { appendAudit, auditStandalone } from '../../platform/audit/audit.service';
import { assertPasswordPolicy } from '../../platform/auth/auth.service';
import { hashPassword } from '../../platform/auth/password';
import { deleteUserSessions } from '../../platform/auth/sessions';
import type { Actor, Ctx } from '../../platform/context';
import type { DbOrTx } from '../../platform/db/pool';
import { organisations, users } from '../../platform/db/schema';
import { AppError, isUniqueViolation } from '../../platform/errors';
import { findOrgById } from '../org';
import { userActions } from './users.policy';
import { countUsers, findUserById, findUsers, replaceRoles, type UserRow } from './users.repository';

export function toUserDto(ctx: Ctx, actor: Actor, r: UserRow): User {
  const locked = !!r.lockedUntil && r.lockedUntil.getTime() > Date.now();
  return {
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    orgId: r.orgId,
    orgName: r.orgName,
    roles: r.roles,
    idNumber: r.idNumberEnc ? maskIdNumber(ctx.crypto.decrypt(r.idNumberEnc)) : null,
    mobile: r.mobileEnc ? maskMobile(ctx.crypto.decrypt(r.mobileEnc)) : null,
    email: r.email,
    position: r.position,
    disabled: r.disabled,
    locked,
    mustChangePassword: r.mustChangePassword,
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    version: r.version,
    actions: userActions(actor, {
      id: r.id,
      orgId: r.orgId,
      regionPath: r.regionPath,
      disabled: r.disabled,
      locked,
    }),
  };
}

/** The audit trail records that a sensitive field changed, never its value. */
function auditable(r: Partial<UserRow>) {
  const { passwordHash: _p, orgName: _o, regionPath: _r, orgType: _t, ...rest } = r;
  return rest;
}

function listWhere(actor: Actor, q: z.infer<typeof userListQuerySchema>): SQL | undefined {
  const conds: (SQL | undefined)[] = [
    scopeWhere(scopeFor(actor, 'user.read'), users.orgId, organisations.regionPath),
  ];
  if (q.orgId) conds.push(eq(users.orgId, q.orgId));
  if (q.role)
    conds.push(
      sql`exists (select 1 from user_roles ur where ur.user_id = ${users.id} and ur.role = ${q.role})`,
    );
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    conds.push(
      or(
        sql`${users.username} ilike ${like}`,
        sql`${users.displayName} like ${like}`,
        sql`${organisations.name} like ${like}`,
      ),
    );
  }
  return and(...conds);
}

export async function listUsers(ctx: Ctx, q: z.infer<typeof userListQuerySchema>) {
  requirePermission(ctx.actor, 'user.read');
  const actor = ctx.actor;
  const where = listWhere(actor, q);
  const [rows, total] = await Promise.all([
    findUsers(ctx.db, where, q.pageSize, (q.page - 1) * q.pageSize),
    countUsers(ctx.db, where),
  ]);
  return { items: rows.map((r) => toUserDto(ctx, actor, r)), total, page: q.page, pageSize: q.pageSize };
}

export function userRowsForExport(ctx: Ctx, q: z.infer<typeof userListQuerySchema>) {
  requirePermission(ctx.actor, 'user.read');
  const actor = ctx.actor;
  const where = listWhere(actor, q);
  return async (offset: number, limit: number) =>
    (await findUsers(ctx.db, where, limit, offset)).map((r) => toUserDto(ctx, actor, r));
}

async function loadInScope(
  ctx: Ctx,
  tx: DbOrTx,
  id: string,
  permission:
    | 'user.read'
    | 'user.write'
    | 'user.roles.assign'
    | 'user.unlock'
    | 'user.password.reset'
    | 'user.sensitive.read',
) {
  requirePermission(ctx.actor, permission);
  const row = await findUserById(tx, id, tx !== ctx.db);
  if (!row) throw new AppError('NOT_FOUND');
  assertInScope(ctx.actor, permission, { orgId: row.orgId, regionPath: row.regionPath });
  return row;
}

export async function getUser(ctx: Ctx, id: string): Promise<User> {
  const row = await loadInScope(ctx, ctx.db, id, 'user.read');
  return toUserDto(ctx, ctx.actor as Actor, row);
}

async function assertOrgWritable(tx: DbOrTx, actor: Actor, orgId: string): Promise<void> {
  const org = await findOrgById(tx, orgId);
  if (
    !org ||
    org.disabled ||
    !inScope(scopeFor(actor, 'user.write'), { orgId: org.id, regionPath: org.regionPath })
  ) {
    throw new AppError('VALIDATION_FAILED', '所属单位不存在、已停用或不在管辖范围内');
  }
}

/** Creates an account in the caller's transaction. Roles are granted separately by the 安全管理员. */
export async function createUserTx(
  tx: DbOrTx,
  ctx: Ctx,
  input: UserCreate,
  passwordHash?: string,
): Promise<User> {
  requirePermission(ctx.actor, 'user.write');
  const actor = ctx.actor;
  await assertOrgWritable(tx, actor, input.orgId);
  if (!passwordHash) await assertPasswordPolicy(ctx, input.password);
  const exists = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${input.username})`);
  if (exists.length) throw new AppError('DUPLICATE', `用户名 ${input.username} 已存在`);
  let created;
  try {
    [created] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        orgId: input.orgId,
        passwordHash: passwordHash ?? (await hashPassword(input.password)),
        mustChangePassword: true,
        idNumberEnc: input.idNumber ? ctx.crypto.encrypt(input.idNumber) : null,
        mobileEnc: input.mobile ? ctx.crypto.encrypt(input.mobile) : null,
        email: input.email,
        position: input.position,
      })
      .returning();
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('DUPLICATE', `用户名 ${input.username} 已存在`);
    throw e;
  }
  if (!created) throw new AppError('INTERNAL');
  await appendAudit(tx, ctx, {
    action: 'user.create',
    entityType: 'user',
    entityId: created.id,
    before: null,
    after: auditable(created),
  });
  const row = await findUserById(tx, created.id);
  return toUserDto(ctx, actor, row as UserRow);
}

export const createUser = (ctx: Ctx, input: UserCreate) =>
  ctx.db.transaction((tx) => createUserTx(tx, ctx, input));

export async function updateUser(ctx: Ctx, id: string, input: UserUpdate): Promise<User> {
  return ctx.db.transaction(async (tx) => {
    const before = await loadInScope(ctx, tx, id, 'user.write');
    const actor = ctx.actor as Actor;
    if (before.id === actor.userId)
      throw new AppError('SELF_ACTION', '不能修改自己的账户信息，请联系其他管理员');
    if (before.version !== input.version) throw new AppError('STALE_WRITE');
    if (input.orgId && input.orgId !== before.orgId) await assertOrgWritable(tx, actor, input.orgId);
    const patch: Partial<typeof users.$inferInsert> = {
      displayName: input.displayName,
      orgId: input.orgId,
      email: input.email,
      position: input.position,
      disabled: input.disabled,
    };
    if (input.idNumber !== undefined)
      patch.idNumberEnc = input.idNumber ? ctx.crypto.encrypt(input.idNumber) : null;
    if (input.mobile !== undefined) patch.mobileEnc = input.mobile ? ctx.crypto.encrypt(input.mobile) : null;
    const [after] = await tx
      .update(users)
      .set({ ...patch, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(users.id, id), eq(users.version, input.version)))
      .returning();
    if (!after) throw new AppError('STALE_WRITE');
    if (input.disabled === true) await deleteUserSessions(tx, id);
    const action =
      input.disabled === true ? 'user.disable' : input.disabled === false ? 'user.enable' : 'user.update';
    await appendAudit(tx, ctx, {
      action,
      entityType: 'user',
      entityId: id,
      before: auditable(before),
      after: auditable(after),
    });
    return toUserDto(ctx, actor, (await findUserById(tx, id)) as UserRow);
  });
}

/**
 * Grants roles (安全管理员). Admin roles exclude each other and every business role (三员分立);
 * justice-bureau roles go only to accounts of a 司法行政机关.
 */
export async function assignRoles(
  ctx: Ctx,
  id: string,
  input: { roles: Role[]; version: number },
): Promise<User> {
  return ctx.db.transaction(async (tx) => {
    const before = await loadInScope(ctx, tx, id, 'user.roles.assign');
    const actor = ctx.actor as Actor;
    if (before.id === actor.userId) throw new AppError('SELF_ACTION', '不能给自己分配角色');
    if (before.version !== input.version) throw new AppError('STALE_WRITE');
    const roles = [...new Set(input.roles)].sort();
    if (violatesSeparation(roles)) throw new AppError('ROLE_SEPARATION');
    const bureauOnly = roles.filter((r) => r === 'reviewer' || r === 'supervisor');
    if (bureauOnly.length && before.orgType !== 'justice_bureau') {
      throw new AppError(
        'VALIDATION_FAILED',
        `${bureauOnly.map((r) => ROLES[r].zh).join('、')}只能授予司法行政机关的工作人员`,
      );
    }
    await replaceRoles(tx, id, roles);
    await tx
      .update(users)
      .set({ version: before.version + 1, updatedAt: new Date() })
      .where(eq(users.id, id));
    // Rights changed: sessions resolve roles per request, but end them anyway so the change is visible at once.
    await deleteUserSessions(tx, id);
    await appendAudit(tx, ctx, {
      action: 'user.roles.assign',
      entityType: 'user',
      entityId: id,
      before: { roles: before.roles },
      after: { roles },
    });
    return toUserDto(ctx, actor, (await findUserById(tx, id)) as UserRow);
  });
}

export async function unlockUser(ctx: Ctx, id: string): Promise<User> {
  return ctx.db.transaction(async (tx) => {
    const before = await loadInScope(ctx, tx, id, 'user.unlock');
    await tx
      .update(users)
      .set({ lockedUntil: null, failedAttempts: 0, version: before.version + 1, updatedAt: new Date() })
      .where(eq(users.id, id));
    await appendAudit(tx, ctx, {
      action: 'user.unlock',
      entityType: 'user',
      entityId: id,
      before: { lockedUntil: before.lockedUntil },
      after: { lockedUntil: null },
    });
    return toUserDto(ctx, ctx.actor as Actor, (await findUserById(tx, id)) as UserRow);
  });
}

export async function resetPassword(ctx: Ctx, id: string, password: string): Promise<User> {
  await assertPasswordPolicy(ctx, password);
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    const before = await loadInScope(ctx, tx, id, 'user.password.reset');
    if (before.id === (ctx.actor as Actor).userId)
      throw new AppError('SELF_ACTION', '请通过“修改密码”修改自己的密码');
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: true,
        passwordChangedAt: new Date(),
        lockedUntil: null,
        failedAttempts: 0,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(users.id, id));
    await deleteUserSessions(tx, id);
    await appendAudit(tx, ctx, {
      action: 'user.password.reset',
      entityType: 'user',
      entityId: id,
      detail: { mustChangePassword: true },
    });
    return toUserDto(ctx, ctx.actor as Actor, (await findUserById(tx, id)) as UserRow);
  });
}

/** The full ID and mobile numbers: only for roles allowed to read them, and every read is audited. */
export async function readSensitive(
  ctx: Ctx,
  id: string,
): Promise<{ idNumber: string | null; mobile: string | null }> {
  const row = await loadInScope(ctx, ctx.db, id, 'user.sensitive.read');
  await auditStandalone(ctx, {
    action: 'user.sensitive.read',
    entityType: 'user',
    entityId: id,
    detail: { fields: ['idNumber', 'mobile'] },
  });
  return {
    idNumber: row.idNumberEnc ? ctx.crypto.decrypt(row.idNumberEnc) : null,
    mobile: row.mobileEnc ? ctx.crypto.decrypt(row.mobileEnc) : null,
  };
}
