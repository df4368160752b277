import { passwordMeetsPolicy, permissionsOf, type Me } from '@fazhi/contracts';
import { eq, sql } from 'drizzle-orm';
import { appendAudit, auditStandalone } from '../audit/audit.service';
import type { Actor, Ctx } from '../context';
import { users } from '../db/schema';
import { AppError } from '../errors';
import { dummyHash, hashPassword, verifyPassword } from './password';
import { getSecuritySettings } from './security-settings';
import { createSession, deleteSession, deleteUserSessions } from './sessions';

export function toMe(actor: Actor): Me {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    orgId: actor.orgId,
    orgName: actor.orgName,
    regionCode: actor.regionCode,
    regionName: actor.regionName,
    roles: actor.roles,
    permissions: permissionsOf(actor.roles),
    mustChangePassword: actor.mustChangePassword,
    csrfToken: actor.csrfToken,
  };
}

/**
 * Password login. N consecutive failures lock the account for M minutes (GB/T 22239-2019 8.1.4.1 b:
 * 应具有登录失败处理功能，应配置并启用结束会话、限制非法登录次数和当登录连接超时自动退出等相关措施).
 */
export async function login(
  ctx: Ctx,
  input: { username: string; password: string },
  userAgent: string | null,
): Promise<{ token: string; csrfToken: string }> {
  const policy = await getSecuritySettings(ctx.db);
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${input.username})`);
  if (!user) {
    await verifyPassword(await dummyHash(), input.password);
    await auditStandalone(ctx, {
      action: 'auth.login',
      entityType: 'user',
      outcome: 'failed',
      detail: { username: input.username, reason: 'unknown user' },
      actorOverride: { id: null, name: input.username, orgId: null },
    });
    throw new AppError('LOGIN_FAILED');
  }
  const subject = { id: user.id, name: `${user.displayName}(${user.username})`, orgId: user.orgId };
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    await auditStandalone(ctx, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      outcome: 'denied',
      detail: { reason: 'locked' },
      actorOverride: subject,
    });
    const minutes = Math.ceil((user.lockedUntil.getTime() - Date.now()) / 60_000);
    throw new AppError(
      'ACCOUNT_LOCKED',
      `连续登录失败次数过多，账户已锁定，请 ${minutes} 分钟后再试或联系安全管理员`,
    );
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok) {
    const failures = user.failedAttempts + 1;
    const lock = failures >= policy.lockoutThreshold;
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(users)
        .set(
          lock
            ? { failedAttempts: 0, lockedUntil: new Date(Date.now() + policy.lockoutMinutes * 60_000) }
            : { failedAttempts: failures },
        )
        .where(eq(users.id, user.id));
      await appendAudit(tx, ctx, {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        outcome: 'failed',
        detail: { reason: 'wrong password', failures },
        actorOverride: subject,
      });
      if (lock) {
        await appendAudit(tx, ctx, {
          action: 'auth.lockout',
          entityType: 'user',
          entityId: user.id,
          outcome: 'denied',
          detail: { minutes: policy.lockoutMinutes },
          actorOverride: subject,
        });
      }
    });
    if (lock)
      throw new AppError(
        'ACCOUNT_LOCKED',
        `连续 ${policy.lockoutThreshold} 次登录失败，账户已锁定 ${policy.lockoutMinutes} 分钟`,
      );
    throw new AppError(
      'LOGIN_FAILED',
      `用户名或密码错误（再失败 ${policy.lockoutThreshold - failures} 次将锁定账户）`,
    );
  }
  if (user.disabled) {
    await auditStandalone(ctx, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      outcome: 'denied',
      detail: { reason: 'disabled' },
      actorOverride: subject,
    });
    throw new AppError('ACCOUNT_DISABLED');
  }
  return ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: new Date() })
      .where(eq(users.id, user.id));
    const s = await createSession(tx, user.id, {
      ip: ctx.ip,
      userAgent,
      absoluteHours: policy.sessionAbsoluteHours,
    });
    await appendAudit(tx, ctx, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      detail: { ip: ctx.ip },
      actorOverride: subject,
    });
    return { token: s.token, csrfToken: s.csrfToken };
  });
}

export async function logout(ctx: Ctx): Promise<void> {
  const actor = ctx.actor;
  if (!actor?.sessionIdHash) return;
  await ctx.db.transaction(async (tx) => {
    await deleteSession(tx, actor.sessionIdHash as string);
    await appendAudit(tx, ctx, { action: 'auth.logout', entityType: 'user', entityId: actor.userId });
  });
}

export async function assertPasswordPolicy(ctx: Ctx, password: string): Promise<void> {
  const p = await getSecuritySettings(ctx.db);
  if (!passwordMeetsPolicy(password, p.passwordMinLength, p.passwordMinClasses)) {
    throw new AppError(
      'PASSWORD_POLICY',
      `密码不符合安全策略：至少${p.passwordMinLength}位，且包含大写字母、小写字母、数字、符号中的至少${p.passwordMinClasses}类`,
    );
  }
}

export async function changePassword(
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await auditStandalone(ctx, {
      action: 'auth.password.change',
      entityType: 'user',
      entityId: user.id,
      outcome: 'failed',
      detail: { reason: 'wrong current password' },
    });
    throw new AppError('PASSWORD_WRONG');
  }
  if (input.currentPassword === input.newPassword) throw new AppError('PASSWORD_REUSED');
  await assertPasswordPolicy(ctx, input.newPassword);
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: new Date(),
        version: sql`${users.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, user.id));
    // Other sessions of this user end; the current one stays.
    await tx.execute(
      sql`delete from sessions where user_id = ${user.id} and id_hash <> ${actor.sessionIdHash ?? ''}`,
    );
    await appendAudit(tx, ctx, {
      action: 'auth.password.change',
      entityType: 'user',
      entityId: user.id,
      detail: { by: 'self' },
    });
  });
}

export { deleteUserSessions };
