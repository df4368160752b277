import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@fazhi/contracts';
import { eq, lt, or, sql } from 'drizzle-orm';
import type { Actor } from '../context';
import type { Db, DbOrTx } from '../db/pool';
import { executePrepared } from '../db/prepared';
import { sessions } from '../db/schema';
import { getSecuritySettings } from './security-settings';

export const SESSION_COOKIE = 'fazhi_sid';
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function createSession(
  tx: DbOrTx,
  userId: string,
  meta: { ip: string | null; userAgent: string | null; absoluteHours: number },
): Promise<{ token: string; csrfToken: string; idHash: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const idHash = sha256(token);
  await tx.insert(sessions).values({
    idHash,
    userId,
    csrfToken,
    expiresAt: new Date(Date.now() + meta.absoluteHours * 3600_000),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, idHash };
}

export type SessionLookup = { actor: Actor } | { expired: true } | null;

type Row = {
  id_hash: string;
  csrf_token: string;
  last_seen_at: Date;
  expires_at: Date;
  user_id: string;
  username: string;
  display_name: string;
  must_change_password: boolean;
  password_changed_at: Date;
  disabled: boolean;
  org_id: string;
  org_name: string;
  region_code: string;
  region_name: string;
  region_path: string;
  roles: Role[] | null;
};

/** Resolves a cookie token to the actor, enforcing the idle timeout and the absolute lifetime. */
export async function lookupSession(db: Db, token: string): Promise<SessionLookup> {
  const idHash = sha256(token);
  const rows = await executePrepared<Row>(
    db,
    sql`
    select s.id_hash, s.csrf_token, s.last_seen_at, s.expires_at,
           u.id as user_id, u.username, u.display_name, u.must_change_password, u.password_changed_at, u.disabled,
           o.id as org_id, o.name as org_name, r.code as region_code, r.name as region_name, r.path as region_path,
           (select array_agg(ur.role order by ur.role) from user_roles ur where ur.user_id = u.id) as roles
      from sessions s
      join users u on u.id = s.user_id
      join organisations o on o.id = u.org_id
      join regions r on r.code = o.region_code
     where s.id_hash = ${idHash}`,
  );
  const row = rows[0];
  if (!row) return null;
  const policy = await getSecuritySettings(db);
  const now = Date.now();
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (
    row.disabled ||
    new Date(row.expires_at).getTime() < now ||
    lastSeen + policy.sessionIdleMinutes * 60_000 < now
  ) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return { expired: true };
  }
  // Touch at most once a minute: the idle timeout needs minute precision, not a write per request.
  if (now - lastSeen > 60_000)
    await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.idHash, idHash));
  const passwordExpired =
    policy.passwordMaxAgeDays > 0 &&
    new Date(row.password_changed_at).getTime() + policy.passwordMaxAgeDays * 86_400_000 < now;
  return {
    actor: {
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      orgId: row.org_id,
      orgName: row.org_name,
      regionCode: row.region_code,
      regionName: row.region_name,
      regionPath: row.region_path,
      roles: row.roles ?? [],
      mustChangePassword: row.must_change_password || passwordExpired,
      sessionIdHash: row.id_hash,
      csrfToken: row.csrf_token,
    },
  };
}

export async function deleteSession(db: DbOrTx, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function deleteUserSessions(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function purgeExpiredSessions(db: DbOrTx): Promise<void> {
  await db
    .delete(sessions)
    .where(
      or(lt(sessions.expiresAt, new Date()), lt(sessions.lastSeenAt, new Date(Date.now() - 86_400_000))),
    );
}
